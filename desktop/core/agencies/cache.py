"""The corpus' agency identity kept across calls while nothing it is made of changed.

What the agency views derive from the whole corpus (each current report's agency group, its rank in
earliest-first order) costs a pass over every report. It changes only when a report is stored, replaced or
deleted, when a report's agency, year or publication date is written, or when a reviewer merges or splits
groups; triggers (migration 0023_agency_identity_generation) then give ``identity_generation`` a fresh random
value. :func:`cached` keeps what a builder made for one database at one value and builds again when the value
differs — an exact change signal, whichever connection, process or path made the change.

The value is read before the builder runs, so a cached result is never labelled with a newer value than the
rows it was built from (a change landing in between only costs one rebuild).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import TypeVar

from sqlite_utils import Database

from desktop.core.storage.database import database_file, scalar

T = TypeVar("T")
_KEEP = 8  # a reader and a writer at different values, a few databases open in tests
_lock = threading.Lock()
_entries: OrderedDict[tuple[str, str, int], object] = OrderedDict()


def identity_generation(db: Database) -> int | None:
    """The database's current identity value (changes with every change the agency groups depend on); None for a
    database opened read-only from before migration 0023 (nothing is cached for it)."""
    try:
        value = scalar(db, "SELECT value FROM identity_generation WHERE id = 1")
    except sqlite3.OperationalError:
        return None
    return None if value is None else int(value)


def _database_key(db: Database) -> str:
    """The database file this connection reads ('memory:' + the connection's id for an in-memory database)."""
    return database_file(db) or f"memory:{id(db.conn)}"


@contextlib.contextmanager
def one_snapshot(db: Database) -> Iterator[Database]:
    """Reads that see one state of the database (a read transaction; inside an open transaction, that one): a
    cached identity and the rows read next agree even while another connection writes."""
    if db.conn.in_transaction:
        yield db
        return
    db.conn.execute("BEGIN")
    try:
        yield db
    finally:
        if db.conn.in_transaction:
            db.conn.execute("COMMIT")


def cached(db: Database, name: str, build: Callable[[Database], T]) -> T:
    """``build(db)``, or what it made earlier for this database while its identity value is the same."""
    generation = identity_generation(db)
    if generation is None:
        return build(db)
    key = (_database_key(db), name, generation)
    with _lock:
        if key in _entries:
            _entries.move_to_end(key)
            return _entries[key]  # type: ignore[return-value]
    value = build(db)
    with _lock:
        _entries[key] = value
        while len(_entries) > _KEEP:
            _entries.popitem(last=False)
    return value


def forget() -> None:
    """Drop every cached result (tests that compare a cached answer with a fresh one)."""
    with _lock:
        _entries.clear()
