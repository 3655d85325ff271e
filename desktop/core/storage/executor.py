"""One thread owns writes to the database (Anki's collection executor, datasette's write thread).

``DatabaseExecutor`` opens the database on its own single worker thread and runs every write there, one
function call = one transaction. Readers on other threads (the GUI thread) open their own read-only
connection with :func:`open_reader`; WAL lets them read while the writer writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from desktop.core.progress import Progress
from desktop.core.storage.database import open_database, sqlite_uri

T = TypeVar("T")


class DatabaseExecutor:
    """Runs functions ``fn(db, *args)`` on the single thread that owns the write connection."""

    def __init__(self, path: str | Path, progress: Progress | None = None) -> None:
        """Open ``path`` on the writer thread (migrating it; ``progress`` hears of an upgrade and can cancel it)."""
        self.path = Path(path)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reviewdesk-db-writer")
        try:
            self._db: Database = self._pool.submit(open_database, self.path, progress=progress).result()
        except BaseException:
            self._pool.shutdown(wait=False)  # a file that cannot be opened leaves no idle thread behind
            raise

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Queue ``fn(db, *args, **kwargs)`` on the writer thread and return its future."""
        return self._pool.submit(fn, self._db, *args, **kwargs)

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, ...)`` on the writer thread and wait for its result (re-raising its error)."""
        return self.submit(fn, *args, **kwargs).result()

    def checkpoint(self) -> bool:
        """Move what the ``-wal`` file holds into the database file and empty it (waits for the writer thread);
        False when a reader kept it from finishing (it is tried again later)."""
        return self.call(checkpoint_wal)

    def close(self) -> None:
        def _close(db: Database) -> None:
            try:
                checkpoint_wal(db)  # the file on disk is whole even if another connection stays open a while
            finally:
                db.conn.close()

        try:
            self._pool.submit(_close, self._db).result()
        finally:
            self._pool.shutdown(wait=True)


def checkpoint_wal(db: Database) -> bool:
    """``PRAGMA wal_checkpoint(TRUNCATE)``: the database file holds every committed write and the ``-wal`` is
    emptied, so a copy of the ``.sqlite3`` alone is complete. False when busy (a reader in the middle of a read)."""
    try:
        busy = next(db.query("PRAGMA wal_checkpoint(TRUNCATE)"))["busy"]
    except sqlite3.OperationalError:  # locked by another program's transaction: next time
        return False
    return not busy


def open_reader(path: str | Path) -> Database:
    """A read-only connection for the calling thread (the database must already exist and be migrated)."""
    # sqlite_uri escapes the path: a "#", "?" or "%" in a folder name would otherwise cut the URI short and
    # open another (empty) file
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, isolation_level=None, check_same_thread=True)
    conn.execute("PRAGMA query_only = ON")
    return Database(conn)
