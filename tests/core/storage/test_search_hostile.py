"""Search with hostile queries and limits; results best-first over the whole corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from desktop.core.ingest.importer import import_paths
from desktop.core.storage.database import open_database
from desktop.core.storage.search import search
from tests.conftest import ROOT
from tests.hostile import variant


def _corpus(tmp_path, counts: list[int]):
    """Documents in import order whose number of 督察 hits is ``counts[i]``."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, n in enumerate(counts):
        (folder / f"r{i:02d}.txt").write_text(variant(i) + "开展督察。" * n, encoding="utf-8")
    db = open_database(tmp_path / "c.sqlite3")
    import_paths(db, [folder])
    return db


def test_results_are_the_best_of_all_matches_not_of_the_first(tmp_path):
    db = _corpus(tmp_path, [1, 1, 1, 1, 2, 9, 3, 7])
    total, results = search(db, "督察", limit=3)
    assert total == 8
    assert [r.hit_count for r in results] == [9, 7, 3]
    total, results = search(db, "督察", limit=100)
    assert [r.hit_count for r in results] == [9, 7, 3, 2, 1, 1, 1, 1]
    names = [r.name for r in results[-4:]]
    assert names == sorted(names)  # ties in import order


def test_invisible_marks_in_the_query_are_ignored(tmp_path):
    db = _corpus(tmp_path, [2, 0])
    plain = search(db, "督察")
    for marked in ("督\u200b察", "\u200f督察\u200e", "督\u202e察\u202c", "\ufeff督\u00ad察", "督\u2066察\u2069"):
        total, results = search(db, marked)
        assert total == plain[0] == 1 and results and results[0].hit_count == 2, marked


def test_text_with_invisible_marks_is_found(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "rtl.txt").write_text(variant(1) + "开展督\u200f察。", encoding="utf-8")
    db = open_database(tmp_path / "c.sqlite3")
    import_paths(db, [folder])
    total, results = search(db, "督察")
    assert total == 1 and results[0].hits[0].context.count("督") == 1


def test_huge_zero_and_negative_limits(tmp_path):
    db = _corpus(tmp_path, [1, 2])
    assert len(search(db, "督察", limit=10**20)[1]) == 2
    assert search(db, "督察", limit=0) == (0, [])
    assert search(db, "督察", limit=-5) == (0, [])


def test_cli_query_bytes_that_are_not_utf8_and_huge_limit(tmp_path):
    db = _corpus(tmp_path, [1, 3])
    db.conn.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: bytes | str) -> subprocess.CompletedProcess:
        cmd = [os.fsencode(sys.executable), b"-m", b"desktop", *(a if isinstance(a, bytes) else a.encode()
                                                                  for a in args)]
        return subprocess.run(cmd, capture_output=True, timeout=60, cwd=ROOT, env=env)

    gbk = run(b"search", "督察".encode("gbk"), b"--json", b"--db", str(tmp_path / "c.sqlite3").encode())
    assert gbk.returncode == 0 and b"Traceback" not in gbk.stderr
    assert json.loads(gbk.stdout)["total"] == 2
    for query in (b"\xff\xfe\x80", "督".encode() + b"\xff" + "察".encode()):
        out = run(b"search", query, b"--db", str(tmp_path / "c.sqlite3").encode())
        assert out.returncode == 0 and b"Traceback" not in out.stderr, out.stderr
    huge = run("search", "督察", "--limit", "99999999999999999999", "--db", str(tmp_path / "c.sqlite3"))
    assert huge.returncode == 0 and len(huge.stdout.strip().split(b"\n")) == 2
    for bad in ("0", "-1", "abc"):
        out = run("search", "督察", "--limit", bad, "--db", str(tmp_path / "c.sqlite3"))
        assert out.returncode == 2 and b"--limit" in out.stderr and b"Traceback" not in out.stderr


def test_best_documents_imported_last_are_found_among_many(tmp_path):
    """More matches than are read: the index ranks all of them first, so the best ones imported last still win."""
    db = _corpus(tmp_path, [1] * 40 + [5, 7, 6])
    total, results = search(db, "督察", limit=3)
    assert total == 43
    assert [r.hit_count for r in results] == [7, 6, 5]
