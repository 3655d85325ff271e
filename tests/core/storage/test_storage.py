"""Database file handling: WAL, foreign keys, migrations with a backup first, demo seeding once."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core.errors import ReviewDeskError
from desktop.core.ingest.demo import ensure_demo_corpus
from desktop.core.storage import open_database
from desktop.core.storage.documents import count_documents
from desktop.core.storage.schema import MIGRATIONS


def test_file_database_uses_wal_and_foreign_keys(db_path):
    db = open_database(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    names = {m.name for m in MIGRATIONS.applied(db)}
    assert "0001_initial" in names
    db.conn.close()


def test_pending_migration_backs_up_the_users_file_first(db_path, monkeypatch):
    db = open_database(db_path)
    db.execute("INSERT INTO settings (key, value) VALUES ('marker', 'before')")
    db.conn.close()
    from sqlite_utils.migrations import Migrations

    extra = Migrations("reviewdesk")
    extra._migrations = list(MIGRATIONS._migrations)

    @extra(name="9999_test_column")
    def add_column(db):
        db.execute("ALTER TABLE settings ADD COLUMN note TEXT")

    monkeypatch.setattr("desktop.core.storage.database.MIGRATIONS", extra)
    db = open_database(db_path)
    backups = list(db_path.parent.glob(db_path.name + ".backup-*"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT value FROM settings WHERE key='marker'").fetchone()[0] == "before"
    assert "note" not in [r[1] for r in old.execute("PRAGMA table_info(settings)")]
    old.close()
    assert "note" in [r[1] for r in db.execute("PRAGMA table_info(settings)")]
    db.conn.close()


def test_failing_migration_rolls_back_and_keeps_data(db_path, monkeypatch):
    db = open_database(db_path)
    db.conn.close()
    from sqlite_utils.migrations import Migrations

    extra = Migrations("reviewdesk")
    extra._migrations = list(MIGRATIONS._migrations)

    @extra(name="9998_broken")
    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr("desktop.core.storage.database.MIGRATIONS", extra)
    with pytest.raises(RuntimeError):
        open_database(db_path)
    check = sqlite3.connect(db_path)
    assert check.execute("SELECT count(*) FROM sqlite_master WHERE name='half_done'").fetchone()[0] == 0
    check.close()


def test_not_a_database_file_gets_a_clear_error(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("just some text", encoding="utf-8")
    with pytest.raises(ReviewDeskError, match="not a ReviewDesk database"):
        open_database(path)


def test_demo_corpus_is_imported_once(db_path, seeds_dir):
    db = open_database(db_path)
    report = ensure_demo_corpus(db, seeds_dir)
    assert report is not None and report.count("imported") == 5
    assert count_documents(db) == 5
    db.execute("DELETE FROM documents")
    assert ensure_demo_corpus(db, seeds_dir) is None  # emptied on purpose: not re-seeded
    db.conn.close()


def test_executor_writes_on_one_thread_and_reader_sees_them(db_path, seeds_dir):
    import threading

    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage.executor import DatabaseExecutor, open_reader

    executor = DatabaseExecutor(db_path)
    threads = executor.call(lambda db: {threading.current_thread().name})
    report = executor.call(import_paths, [seeds_dir])
    threads |= executor.call(lambda db: {threading.current_thread().name})
    assert len(threads) == 1 and threading.current_thread().name not in threads
    assert report.count("imported") == 5
    reader = open_reader(db_path)
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("DELETE FROM documents")
    reader.conn.close()
    executor.close()


def test_panel_review_migration_keeps_old_reviews_and_gives_a_project_id(tmp_path):
    from desktop.core.storage.settings import project_id

    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    first = project_id(db)
    assert len(first) == 36 and project_id(db) == first
    tables = set(db.table_names())
    assert {"assignments", "adjudications", "adjudication_scores"} <= tables
    assert {"not_applicable", "na_reason"} <= {c.name for c in db["scores"].columns}
    assert {"submitted_by", "reopened_at", "reopened_by"} <= {c.name for c in db["reviews"].columns}
    assert "0006_panel_review" in {m.name for m in MIGRATIONS.applied(db)}
    db.conn.close()
    other = open_database(tmp_path / "other.sqlite3")
    assert project_id(other) != first  # every database its own project
    other.conn.close()
    assert sqlite3.connect(path).execute("SELECT value FROM settings WHERE key = 'project_id'").fetchone()[0] == first
