"""An import's batches are committed without waiting for the disk; when the import ends, the database file alone
holds every report it stored, and every other write still waits for the disk (synchronous=FULL)."""

from __future__ import annotations

import shutil
import sqlite3

from desktop.core.ingest.importer import finish_import, import_paths, run_import, store_batch
from desktop.core.storage import open_database
from desktop.core.storage.database import scalar
from desktop.core.storage.documents import count_documents

FULL = 2


def _copy_of_the_file_alone(db_path, tmp_path) -> int:
    """The number of reports in a copy of the .sqlite3 file without its -wal (what a person copying it gets)."""
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db_path, copy)
    conn = sqlite3.connect(copy)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        conn.close()


def test_after_an_import_the_file_alone_holds_every_report(db_path, seeds_dir, tmp_path):
    db = open_database(db_path)
    report = import_paths(db, [seeds_dir], workers=1)
    assert report.count("imported") == 5
    assert _copy_of_the_file_alone(db_path, tmp_path) == 5  # the connection is still open: nothing left in -wal
    assert scalar(db, "PRAGMA synchronous") == FULL  # a reviewer's next edit waits for the disk again
    assert scalar(db, "PRAGMA wal_autocheckpoint") == 1000 and scalar(db, "PRAGMA cache_size") == -2000
    db.conn.close()


def test_a_reader_in_the_middle_of_a_read_does_not_lose_the_import(db_path, seeds_dir, tmp_path):
    """The copy into the file waits for the reader; the import is still all there for every connection."""
    db = open_database(db_path)
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 0  # its snapshot: before the import
    import_paths(db, [seeds_dir], workers=1)
    assert count_documents(db) == 5
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    reader.close()
    finish_import(db)  # once the reader is gone, the file alone holds it
    assert _copy_of_the_file_alone(db_path, tmp_path) == 5
    db.conn.close()


def test_a_write_between_two_batches_keeps_waiting_for_the_disk(db_path, seeds_dir):
    """Between batches (where a GUI's edits run on the same connection) synchronous is FULL."""
    db = open_database(db_path)
    seen = []

    def store(batch):
        outcomes = store_batch(db, batch)
        seen.append(scalar(db, "PRAGMA synchronous"))
        return outcomes

    try:
        run_import([seeds_dir], store, workers=1)
    finally:
        finish_import(db)
    assert len(seen) >= 2 and set(seen) == {FULL}
    db.conn.close()
