"""Hostile or broken rows in another reviewer's database: the source is refused with the list of problems and this
database is left exactly as it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.validate import MergeRefused
from desktop.core.ingest.importer import import_paths
from desktop.core.review.annotations import create_annotation
from desktop.core.review.codebook import ensure_default_codebook, list_tags
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring.rubric import load_default_rubric, store_rubric
from desktop.core.scoring.scores import set_score
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from tests.conftest import ROOT

FILES = ["000_0a101bd46eacac2a.txt", "001_a35be3758fcb709b.txt"]


def _reviewer_db(path, seeds_dir):
    """A real second reviewer's database: two documents, an annotation with a tag, a score, a review."""
    db = open_database(path)
    import_paths(db, [seeds_dir / f for f in FILES])
    ensure_default_codebook(db)
    bob = get_or_create_reviewer(db, "李评审")
    doc = list_documents(db)[0]
    create_annotation(db, doc.id, 10, 30, reviewer_id=bob.id, tag_ids=[list_tags(db)[0].id], comment="具体")
    rubric = load_default_rubric()
    store_rubric(db, rubric)
    criterion = rubric.criteria[0]
    set_score(db, doc.id, bob.id, rubric, criterion.id, criterion.max_points)
    db.conn.close()
    return path


def _snapshot(db) -> dict:
    out = {}
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%search%'"
                               ).fetchall():
        out[table] = sorted(map(repr, db.execute(f'SELECT * FROM "{table}"').fetchall()))
    return out


def _loosen(conn: sqlite3.Connection, table: str) -> None:
    """Rebuild a table without its constraints, as a hand-made or damaged file may have it."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(f"ALTER TABLE {table} RENAME TO {table}_strict")
    conn.execute(f"CREATE TABLE {table} AS SELECT * FROM {table}_strict")
    conn.execute(f"DROP TABLE {table}_strict")


BREAKAGES = {
    "offsets as text": ("annotations", "UPDATE annotations SET start = 'abc'", "start should be a whole number"),
    "NULL updated_at": ("annotations", "UPDATE annotations SET updated_at = NULL", "updated_at is empty"),
    "dangling document": ("annotations", "UPDATE annotations SET document_id = 'no-such-doc'", "exists in neither"),
    "BLOB comment": ("annotations", "UPDATE annotations SET comment = X'00ff10'", "comment should be text but is blob"),
    "invalid UTF-8": ("annotations", "UPDATE annotations SET quote = CAST(X'e6b3d5ff' AS TEXT)", "not valid UTF-8"),
    "offset past the end": ("annotations", 'UPDATE annotations SET "end" = 99999999', "past the end"),
    "score 'abc'": ("scores", "UPDATE scores SET value = 'abc'", "value should be a number"),
    "score 1e308": ("scores", "UPDATE scores SET value = 1e308", "outside"),
    "score -50": ("scores", "UPDATE scores SET value = -50", "outside"),
    "unparseable rubric": ("rubrics", "UPDATE rubrics SET content = 'criteria = [ broken'", "not a valid rubric"),
    "20 MB comment": ("annotations", "UPDATE annotations SET comment = printf('%.*c', 20000000, 'x')",
                      "characters long"),
    "malformed missing": ("documents", "UPDATE documents SET missing = 'achievements,oops'", "missing is not a JSON"),
    "unknown missing kind": ("documents", "UPDATE documents SET missing = '[\"bogus\"]'", "missing is not a JSON"),
    "bad time stamp": ("reviews", "UPDATE reviews SET updated_at = 'yesterday'", "not a time stamp"),
    "section past the text": ("sections", 'UPDATE sections SET "end" = 10000000 WHERE ordinal = 0', "past the end"),
    "dangling tag": ("annotation_tags", "UPDATE annotation_tags SET tag_id = 'ghost'", "exists in neither"),
}


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_hostile_rows_refuse_the_source_and_change_nothing(tmp_path, seeds_dir, case):
    table, sql, expected = BREAKAGES[case]
    source = _reviewer_db(tmp_path / "other.sqlite3", seeds_dir)
    conn = sqlite3.connect(source)
    _loosen(conn, table)
    conn.execute(sql)
    conn.commit()
    conn.close()
    main = open_database(tmp_path / "main.sqlite3")
    import_paths(main, [seeds_dir / FILES[0]])
    before = _snapshot(main)
    with pytest.raises(MergeRefused) as refused:
        merge_database(main, source)
    message = str(refused.value)
    assert expected in message, message
    assert str(source) in message and "nothing was changed" in message
    assert _snapshot(main) == before
    assert not list(tmp_path.glob("main.sqlite3.backup-*"))


def test_cli_lists_the_problems_without_traceback(tmp_path, seeds_dir):
    source = _reviewer_db(tmp_path / "other.sqlite3", seeds_dir)
    conn = sqlite3.connect(source)
    conn.execute("UPDATE scores SET value = 'abc'")
    conn.execute("UPDATE annotations SET start = 'x'")
    conn.commit()
    conn.close()
    out = subprocess.run([sys.executable, "-m", "desktop", "merge", str(source), "--db", str(tmp_path / "m.sqlite3")],
                         capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith("error: ") and "2 problem(s)" in out.stderr
    assert "scores" in out.stderr and "annotations" in out.stderr


def test_a_clean_source_still_merges(tmp_path, seeds_dir):
    source = _reviewer_db(tmp_path / "other.sqlite3", seeds_dir)
    main = open_database(tmp_path / "main.sqlite3")
    report = merge_database(main, source)
    assert report.counts("annotations").added == 1 and report.counts("scores").added == 1
    hashes = main.execute("SELECT count(*) FROM documents WHERE text_sha256 IS NULL").fetchone()[0]
    assert hashes == 0


def test_two_merges_in_the_same_second_keep_both_backups(tmp_path, seeds_dir):
    first = _reviewer_db(tmp_path / "first.sqlite3", seeds_dir)
    main = open_database(tmp_path / "main.sqlite3")
    merge_database(main, first)
    merge_database(main, first)
    backups = sorted(tmp_path.glob("main.sqlite3.backup-before-merge-*"))
    assert len(backups) == 2
    empty = sqlite3.connect(backups[0] if backups[0].name < backups[1].name else backups[1])
    counts = sorted(sqlite3.connect(b).execute("SELECT count(*) FROM documents").fetchone()[0] for b in backups)
    empty.close()
    assert counts == [0, 2]  # the state before the first merge survives the second
