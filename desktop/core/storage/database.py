"""Open a ReviewDesk database: default location, checks, pragmas, backup, then pending migrations.

Every way a database file can be unusable ends in a :class:`DatabaseProblem` that names the file, says what is
wrong and what to do (naming the latest backup when the file is damaged), never in a traceback:
not an SQLite file, an SQLite file of another program (never modified), written by a newer ReviewDesk
(refused for writing), damaged, or in a read-only location (read-only use still possible).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from desktop.core.errors import Cancelled, ReviewDeskError
from desktop.core.progress import Progress
from desktop.core.storage.schema import MIGRATIONS

APP_NAME = "ReviewDesk"
log = logging.getLogger(__name__)
BUSY_TIMEOUT_S = 30  # another process migrating or importing holds the write lock for at most seconds
# how often SQLite asks whether an upgrade was cancelled (virtual machine instructions: a few microseconds; a
# migration that works in Python between small statements is still stopped at its next statement of that size)
_CANCEL_CHECK_INSTRUCTIONS = 1_000


class DatabaseProblem(ReviewDeskError):
    """A database file that cannot be used as asked; the message says which file, what is wrong and what to do."""


class ReadOnlyDatabase(DatabaseProblem):
    """The database (or its folder) cannot be written; it may still be read."""


class NewerDatabase(DatabaseProblem):
    """Written by a newer ReviewDesk: readable, never written by this version."""


def default_db_path() -> Path:
    """The default database file under the user's data directory (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "reviewdesk.sqlite3"


def sqlite_uri(path: str | Path, **params: str) -> str:
    """A ``file:`` URI for ``path`` with its ``#``, ``?`` and ``%`` escaped (a plain string would be cut there)."""
    absolute = os.path.abspath(os.fspath(path))
    uri = "file:" + quote(os.fsencode(absolute), safe="/")  # bytes: a GBK name's surrogate escapes stay its bytes
    if params:
        uri += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return uri


def backups_of(path: Path) -> list[Path]:
    """Backups of a database file, newest first."""
    try:
        found = [p for p in path.parent.glob(f"{_glob_escape(path.name)}.backup-*") if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def reserve_backup_path(path: Path, label: str = "backup") -> Path:
    """A new, unused name ``<file>.<label>-<time>[-N]`` next to the database, created empty so that two backups
    made in the same second never share (and overwrite) one name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 10_000):
        target = path.with_name(f"{path.name}.{label}-{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return target
    raise DatabaseProblem(f"{path}: too many backups made this second; try again")


def backup_to(conn: sqlite3.Connection, path: Path, label: str = "backup") -> Path:
    """Copy an open database to a new backup file next to ``path`` and return the backup's path."""
    target = reserve_backup_path(path, label)
    try:
        dst = sqlite3.connect(os.fsencode(target))
        try:
            with dst:
                conn.backup(dst)
        finally:
            dst.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _backup(path: Path) -> Path:
    src = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return backup_to(src, path)
    finally:
        src.close()


def damaged(path: str | Path, exc: BaseException | str) -> DatabaseProblem:
    """The message for a damaged database: what SQLite said, and the latest backup to go back to."""
    path = Path(path)
    backups = backups_of(path)
    if backups:
        what = f"restore the latest backup {backups[0]} (copy it over the damaged file) or choose another database"
    else:
        what = "no backup of it was found next to it: restore it from your own copy or choose another database"
    return DatabaseProblem(f"{path} is damaged and cannot be read ({exc}); {what}")


def storage_error(db: Database | str | Path, exc: sqlite3.Error) -> DatabaseProblem:
    """Turn an SQLite error met while using a database into a message saying which file and what to do."""
    path = db if isinstance(db, (str, Path)) else database_file(db)
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabase(f"{path} cannot be written (read-only file or location); copy it to a folder you "
                                "can write to, or choose another database with --db")
    if "disk is full" in text or "disk i/o" in text:
        return DatabaseProblem(f"{path} could not be written ({exc}); free some disk space and try again "
                               "(nothing was half-stored)")
    if "locked" in text or "busy" in text:
        return DatabaseProblem(f"{path} is busy: another ReviewDesk is writing to it ({exc}); try again when it "
                               "has finished")
    if isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text
                                                   or "corrupt" in text):
        return damaged(path, exc)
    return DatabaseProblem(f"{path}: database error ({exc}); try again, or choose another database")


def database_file(db: Database) -> str:
    """The file behind an open database ("" for an in-memory one)."""
    try:
        # as bytes: SQLite cannot hand back a file name that is not UTF-8 (a GBK name) as text
        rows = list(db.query("SELECT CAST(file AS BLOB) AS file FROM pragma_database_list WHERE name = 'main'"))
    except sqlite3.Error:
        return ""
    return os.fsdecode(rows[0]["file"]) if rows and rows[0]["file"] else ""


@contextlib.contextmanager
def immediate_transaction(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at its start (``BEGIN IMMEDIATE``), waiting up to the busy
    timeout for another writer; inside an open transaction it is a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


# An import's batches (bulk_transaction): the -wal grows to this many pages (~64 MB) before it is copied into the
# file, so a page that several batches change (an index's) is copied once; and the page cache (KiB) holds a
# batch's index pages between batches instead of reading them again.
_BULK_WAL_PAGES = 16_384
_BULK_CACHE_KIB = 16_384
_DEFAULT_CACHE_KIB = 2_000  # SQLite's default page cache


@contextlib.contextmanager
def bulk_transaction(db: Database) -> Iterator[Database]:
    """:func:`immediate_transaction` for one batch of an import, whose commit does not wait for the disk
    (``synchronous=NORMAL`` for this commit only: a power cut may lose the last batches stored, never damage the
    file; every other write keeps ``FULL``). The import calls :func:`end_bulk` after its last batch: what it
    stored is then on disk, in the database file itself."""
    if db.conn.in_transaction or not database_file(db):  # inside a caller's transaction, or in memory
        with immediate_transaction(db):
            yield db
        return
    synchronous = scalar(db, "PRAGMA synchronous")
    checkpoint = scalar(db, "PRAGMA wal_autocheckpoint")
    if -scalar(db, "PRAGMA cache_size") < _BULK_CACHE_KIB:  # a negative size is in KiB, a positive one in pages
        db.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA wal_autocheckpoint = {max(checkpoint, _BULK_WAL_PAGES)}")
    try:
        with immediate_transaction(db):
            yield db
    finally:
        db.execute(f"PRAGMA synchronous = {int(synchronous)}")
        db.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint)}")


def end_bulk(db: Database) -> None:
    """After an import's last :func:`bulk_transaction`: its writes are copied into the database file and made
    durable (a copy of the ``.sqlite3`` alone is complete); when a reader in the middle of a read keeps the copy
    from finishing, the ``-wal`` file holding them is flushed to disk instead. The page cache is given back."""
    path = database_file(db)
    if not path or db.conn.in_transaction:  # in memory, or inside a caller's transaction (committed later)
        return
    if scalar(db, "PRAGMA cache_size") == -_BULK_CACHE_KIB:
        db.execute(f"PRAGMA cache_size = -{_DEFAULT_CACHE_KIB}")
    try:
        busy = next(db.query("PRAGMA wal_checkpoint(TRUNCATE)"))["busy"]
    except sqlite3.OperationalError:  # locked by another program's transaction
        busy = 1
    if busy and os.path.exists(path + "-wal"):
        fd = os.open(path + "-wal", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _writable(path: Path) -> bool:
    folder = path.parent
    if path.exists():
        return os.access(path, os.W_OK) and os.access(folder, os.W_OK)
    return os.access(folder, os.W_OK)


def _sqlite_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(16)
    except OSError as exc:
        raise DatabaseProblem(f"{path} cannot be opened ({exc.strerror or exc}); check its permissions or "
                              "choose another database") from exc


def _check_schema(db: Database, path: Path | str, *, for_writing: bool) -> list:
    """Refuse a foreign SQLite file or (for writing) one from a newer ReviewDesk; return pending migrations."""
    tables = set(column(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
    known = {m.name for m in MIGRATIONS._migrations}
    applied: set[str] = set()
    if "_sqlite_migrations" in tables:
        applied = set(column(db, "SELECT name FROM _sqlite_migrations WHERE migration_set = 'reviewdesk'"))
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if user_tables and not applied:
        raise DatabaseProblem(f"{path} is an SQLite file of another program, not a ReviewDesk database; it was "
                              "not changed. Choose a ReviewDesk database or a new file name")
    newer = applied - known
    if newer and for_writing:
        raise NewerDatabase(f"{path} was written by a newer ReviewDesk (schema {', '.join(sorted(newer))}); this "
                          "version only reads it and will not write to it: update ReviewDesk to change it")
    return [m for m in MIGRATIONS._migrations if m.name not in applied]


def open_database(path: str | Path | None = None, *, check_same_thread: bool = True,
                  progress: Progress | None = None) -> Database:
    """Open (creating if needed) a database for writing, back it up if migrations are pending, then migrate it.

    ``path=":memory:"`` gives an in-memory database (tests). The connection uses WAL, foreign keys and
    ``synchronous=FULL`` (a reviewer's edit that was committed survives a power cut); each write the app makes is
    its own transaction. Raises :class:`DatabaseProblem` (or its subclasses) when the file cannot be used.

    ``progress`` hears of the backup and of each pending migration (an upgrade of a large file takes minutes);
    cancelling it rolls the upgrade back and raises :class:`~desktop.core.errors.Cancelled` (the file as it was).
    """
    memory = str(path) == ":memory:"
    if path is None:
        path = default_db_path()
    if memory:
        conn = sqlite3.connect(":memory:", check_same_thread=check_same_thread, isolation_level=None)
        db = Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        MIGRATIONS.apply(db)
        return db
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReadOnlyDatabase(f"{path}: its folder cannot be created ({exc.strerror or exc}); choose a database "
                               "in a folder you can write to (--db)") from exc
    existed = path.exists() and path.stat().st_size > 0
    if existed and _sqlite_header(path) != b"SQLite format 3\x00":
        raise DatabaseProblem(f"{path} is not a ReviewDesk database (not an SQLite file); it was not changed. "
                              "Choose another file")
    if not _writable(path):
        raise ReadOnlyDatabase(f"{path} is in a read-only location (or the file is read-only): it cannot be "
                               "written; copy it to a folder you can write to, or choose another database (--db)")
    try:
        if existed:
            _inspect(path, for_writing=True)
        conn = sqlite3.connect(os.fsencode(path), check_same_thread=check_same_thread, isolation_level=None,
                               timeout=BUSY_TIMEOUT_S)
        db = Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        try:
            _migrate(db, path, existed, progress or Progress())
        except BaseException:
            conn.close()
            raise
        return db
    except (DatabaseProblem, Cancelled):
        raise
    except sqlite3.Error as exc:
        raise storage_error(path, exc) from exc


def _inspect(path: Path, *, for_writing: bool) -> list:
    """Look at an existing file read-only first, so that a foreign or newer file is never touched."""
    params = {"mode": "ro"} if _writable(path) else {"mode": "ro", "immutable": "1"}
    conn = sqlite3.connect(sqlite_uri(path, **params), uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    try:
        return _check_schema(Database(conn), path, for_writing=for_writing)
    finally:
        conn.close()


def _migrate(db: Database, path: Path, existed: bool, progress: Progress) -> None:
    """Apply pending migrations in one write transaction taken up front: of two processes opening a new database
    at once, the second waits, then finds nothing left to do (no "database is locked", no half-made schema).

    A cancel (checked between steps, and by SQLite every few thousand instructions inside one) rolls the whole
    upgrade back: the file stays as it was, at its old schema.
    """
    if not MIGRATIONS.pending(db):
        return
    db.execute("BEGIN IMMEDIATE")
    db.conn.set_progress_handler(lambda: 1 if progress.cancelled else 0, _CANCEL_CHECK_INSTRUCTIONS)
    try:
        pending = _check_schema(db, path, for_writing=True)
        if pending and existed and _has_migrations(db):
            db.conn.execute("COMMIT")  # the backup reads the file: end our (empty) transaction first
            progress.update(0, len(pending) + 1, "backup")
            log.info("backup before migrating %s: %s", path, _backup(path))
            progress.check()
            db.execute("BEGIN IMMEDIATE")
            pending = _check_schema(db, path, for_writing=True)
        if pending:
            log.info("applying migrations to %s: %s", path, ", ".join(m.name for m in pending))
        for done, migration in enumerate(pending):
            progress.update(done + 1, len(pending) + 1, migration.name)
            progress.check()
            later = [m.name for m in pending[done + 1:]]
            MIGRATIONS.apply(db, stop_before=later[:1] or None)
        progress.check()
        db.conn.execute("COMMIT")
    except BaseException as exc:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        if progress.cancelled and isinstance(exc, sqlite3.OperationalError):
            raise Cancelled("the upgrade of the database was cancelled; it is unchanged") from exc
        raise
    finally:
        db.conn.set_progress_handler(None, 0)


def pending_upgrade(path: str | Path) -> list[str]:
    """The migrations opening an existing ReviewDesk file would apply (read-only; [] for a new or empty file,
    or one that cannot be read: opening it says what is wrong)."""
    path = Path(path)
    try:
        if not path.exists() or path.stat().st_size == 0 or _sqlite_header(path) != b"SQLite format 3\x00":
            return []
        return [m.name for m in _inspect(path, for_writing=False)]
    except (OSError, sqlite3.Error, DatabaseProblem):
        return []


def _has_migrations(db: Database) -> bool:
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone())


def open_for_reading(path: str | Path | None = None) -> Database:
    """A database for commands that only read (list, search, export): the writable, migrated database when
    possible; else, for a database in a read-only location or from a newer ReviewDesk, a read-only connection."""
    try:
        return open_database(path)
    except (ReadOnlyDatabase, NewerDatabase) as refused:
        target = Path(path) if path is not None else default_db_path()
        if not (target.exists() and target.stat().st_size > 0):
            raise
        try:
            pending = _inspect(target, for_writing=False)
        except sqlite3.Error as exc:
            raise storage_error(target, exc) from exc
        if pending and isinstance(refused, ReadOnlyDatabase):
            raise ReadOnlyDatabase(f"{target} needs an upgrade to this ReviewDesk version but is in a read-only "
                                   "location; copy it to a folder you can write to and open it there") from refused
        return open_read_only(target)


def open_read_only(path: str | Path, *, check_same_thread: bool = True) -> Database:
    """A read-only connection (``immutable`` when even the folder is read-only, as SQLite then cannot use WAL)."""
    path = Path(path)
    params = {"mode": "ro"} if os.access(path.parent, os.W_OK) else {"mode": "ro", "immutable": "1"}
    conn = sqlite3.connect(sqlite_uri(path, **params), uri=True, isolation_level=None,
                           check_same_thread=check_same_thread, timeout=BUSY_TIMEOUT_S)
    conn.execute("PRAGMA query_only = ON")
    return Database(conn)


def data_version(db: Database) -> int:
    """SQLite's ``PRAGMA data_version`` of this connection: it changes when another connection commits.

    Commits made through ``db`` itself do not change it, so polling it on the writer's connection tells
    exactly when another window or process wrote to the same file (desktop.gui.changes watches it).
    """
    return int(scalar(db, "PRAGMA data_version"))


# Rows are read by column name (issue 21): a reordered SELECT must never silently swap fields. These helpers are
# for the one-column reads, where a name would only repeat the query; they refuse a query of several columns.

def one(db: Database, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> dict[str, Any] | None:
    """The first row of ``sql`` as a dict keyed by column name, or None when it gives no row."""
    return next(db.query(sql, params if isinstance(params, dict) else list(params)), None)


def _sole(row: dict[str, Any], sql: str) -> Any:
    if len(row) != 1:
        raise ValueError(f"expected one column, got {sorted(row)} from: {sql}")
    return next(iter(row.values()))


def scalar(db: Database, sql: str, params: Iterable[Any] | dict[str, Any] = (), default: Any = None) -> Any:
    """The single value of a one-column query (``SELECT count(*) …``), or ``default`` when it gives no row."""
    row = one(db, sql, params)
    return default if row is None else _sole(row, sql)


def column(db: Database, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[Any]:
    """Every value of a one-column query, in the query's order."""
    return [_sole(row, sql) for row in db.query(sql, params if isinstance(params, dict) else list(params))]


def named_rows(db: Database, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
    """Every row of ``sql`` as :class:`sqlite3.Row` (read ``row["column"]``), for rows kept and passed on."""
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params if isinstance(params, dict) else list(params)).fetchall()
