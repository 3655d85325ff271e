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
from desktop.core.storage import open_database
from tests.conftest import ROOT
from tests.hostile import BREAKAGES, loosen, reviewer_db

FILES = ["000_0a101bd46eacac2a.txt", "001_a35be3758fcb709b.txt"]  # the files reviewer_db imports


def _snapshot(db) -> dict:
    out = {}
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%search%'"
                               ).fetchall():
        out[table] = sorted(map(repr, db.execute(f'SELECT * FROM "{table}"').fetchall()))
    return out


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_hostile_rows_refuse_the_source_and_change_nothing(tmp_path, seeds_dir, case):
    table, sql, expected = BREAKAGES[case]
    source = reviewer_db(tmp_path / "other.sqlite3", seeds_dir)
    conn = sqlite3.connect(source)
    loosen(conn, table)
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
    source = reviewer_db(tmp_path / "other.sqlite3", seeds_dir)
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
    source = reviewer_db(tmp_path / "other.sqlite3", seeds_dir)
    main = open_database(tmp_path / "main.sqlite3")
    report = merge_database(main, source, trust=True)
    assert report.counts("annotations").added == 1 and report.counts("scores").added == 1
    hashes = main.execute("SELECT count(*) FROM documents WHERE text_sha256 IS NULL").fetchone()[0]
    assert hashes == 0


def test_two_merges_in_the_same_second_keep_both_backups(tmp_path, seeds_dir):
    first = reviewer_db(tmp_path / "first.sqlite3", seeds_dir)
    main = open_database(tmp_path / "main.sqlite3")
    merge_database(main, first, trust=True)
    merge_database(main, first, trust=True)
    backups = sorted(tmp_path.glob("main.sqlite3.backup-before-merge-*"))
    assert len(backups) == 2
    empty = sqlite3.connect(backups[0] if backups[0].name < backups[1].name else backups[1])
    counts = sorted(sqlite3.connect(b).execute("SELECT count(*) FROM documents").fetchone()[0] for b in backups)
    empty.close()
    assert counts == [0, 2]  # the state before the first merge survives the second
