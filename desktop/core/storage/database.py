"""Open a ReviewDesk database: default location, pragmas, backup, then pending migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.storage.schema import MIGRATIONS

APP_NAME = "ReviewDesk"


def default_db_path() -> Path:
    """The default database file under the user's data directory (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "reviewdesk.sqlite3"


def _backup(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{stamp}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def open_database(path: str | Path | None = None, *, check_same_thread: bool = True) -> Database:
    """Open (creating if needed) a database, back it up if migrations are pending, then migrate it.

    ``path=":memory:"`` gives an in-memory database (tests). The connection uses WAL, foreign keys and
    ``synchronous=NORMAL``; each write the app makes is its own transaction.
    """
    memory = str(path) == ":memory:"
    if path is None:
        path = default_db_path()
    if not memory:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _check_is_sqlite(path)
    conn = sqlite3.connect(":memory:" if memory else str(path), check_same_thread=check_same_thread,
                           isolation_level=None, timeout=10)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    if not memory:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    pending = MIGRATIONS.pending(db)
    if pending and not memory and existed and MIGRATIONS.applied(db):
        _backup(Path(path))
    if pending:
        MIGRATIONS.apply(db)
    return db


def _check_is_sqlite(path: Path) -> None:
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head != b"SQLite format 3\x00":
        raise ReviewDeskError(f"{path} is not a ReviewDesk database (not an SQLite file); choose another file")
