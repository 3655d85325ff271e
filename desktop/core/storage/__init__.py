"""SQLite storage: one file per corpus, schema through named migrations, WAL, foreign keys on."""

from desktop.core.storage.database import default_db_path, open_database

__all__ = ["open_database", "default_db_path"]
