"""Opening an older database file upgrades it with progress the caller hears and a cancel that leaves the file
as it was (issue: long work off the GUI thread with progress and cancel; an upgrade of a province's file takes
minutes)."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlite_utils import Database

from desktop.core.errors import Cancelled
from desktop.core.progress import Progress
from desktop.core.storage.database import backups_of, open_database, pending_upgrade
from desktop.core.storage.schema import MIGRATIONS

FIRST_LATER = "0015_search_grams"


def _older_file(path, documents=30):
    old = Database(sqlite3.connect(path, isolation_level=None))
    MIGRATIONS.apply(old, stop_before=FIRST_LATER)
    for i in range(documents):
        old.execute("INSERT INTO documents (id, sha256, name, size, format, encoding, text, segmenter_version, "
                    "imported_at) VALUES (?, ?, ?, 1, 'txt', 'utf-8', ?, 1, 'now')",
                    [f"d{i:02d}", f"{i}", f"{i}.txt", "推进法治政府建设。" * (i + 1)])
    old.conn.close()


def _applied(path):
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    finally:
        conn.close()


def test_pending_upgrade_names_the_migrations_an_older_file_needs(tmp_path):
    path = tmp_path / "old.sqlite3"
    assert pending_upgrade(path) == []  # no file: a new database, nothing to upgrade
    _older_file(path)
    pending = pending_upgrade(path)
    assert pending[0] == FIRST_LATER and pending == [m.name for m in MIGRATIONS._migrations][-len(pending):]
    open_database(path).conn.close()
    assert pending_upgrade(path) == []
    (tmp_path / "not-a-db.sqlite3").write_bytes(b"hello")
    assert pending_upgrade(tmp_path / "not-a-db.sqlite3") == []  # opening it says what is wrong


def test_an_upgrade_reports_the_backup_then_each_migration(tmp_path):
    path = tmp_path / "old.sqlite3"
    _older_file(path)
    pending = pending_upgrade(path)
    heard = []
    db = open_database(path, progress=Progress(lambda done, total, what: heard.append((done, total, what))))
    db.conn.close()
    total = len(pending) + 1
    assert heard == [(0, total, "backup")] + [(i + 1, total, name) for i, name in enumerate(pending)]
    assert backups_of(path)


@pytest.mark.parametrize("cancel_at", ["backup", "during the first migration", "before the last migration"])
def test_a_cancelled_upgrade_leaves_the_file_at_its_old_schema(tmp_path, monkeypatch, cancel_at):
    path = tmp_path / "old.sqlite3"
    _older_file(path)
    before, pending = _applied(path), pending_upgrade(path)
    flag = threading.Event()

    def heard(done, total, what):
        if (cancel_at == "backup" and what == "backup") or (cancel_at == "before the last migration"
                                                            and what == pending[-1]):
            flag.set()

    if cancel_at == "during the first migration":
        # the reviewer cancels while one of the migration's statements runs (a backfill over every report):
        # SQLite's progress handler stops that statement, and the upgrade is rolled back
        migration = next(m for m in MIGRATIONS._migrations if m.name == FIRST_LATER)

        def cancelled_inside(db):
            flag.set()
            db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) "
                       "SELECT count(*) FROM n").fetchone()
            raise AssertionError("the statement ran to its end although the upgrade was cancelled")

        monkeypatch.setattr(migration, "fn", cancelled_inside)

    with pytest.raises(Cancelled):
        open_database(path, progress=Progress(heard, flag))
    assert _applied(path) == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 30
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert pending_upgrade(path) == pending
    monkeypatch.undo()
    db = open_database(path)  # opened again later, it upgrades in full
    try:
        assert MIGRATIONS.pending(db) == []
    finally:
        db.conn.close()
