"""Small key/value settings stored in the database (per corpus, unlike Qt's per-user QSettings)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.core.storage.database import one


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = one(db, "SELECT value FROM settings WHERE key = ?", [key])
    return row["value"] if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    with db.atomic():
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])


PROJECT_KEY = "project_id"


def project_id(db: Database) -> str:
    """This database's project id (a UUID set by migration 0006; packages carry their lead's id)."""
    value = get_setting(db, PROJECT_KEY)
    if value is None:  # only a database whose settings row was removed by hand
        import uuid

        value = str(uuid.uuid4())
        set_setting(db, PROJECT_KEY, value)
    return value
