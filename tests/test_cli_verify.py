"""``reviewdesk verify``: the queue as JSON and lines, confirming from the command line, bad input (exit 2)."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.core.review.verify_texts import DOUBTFUL, SURE


@pytest.fixture
def doubt_db_path(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DOUBTFUL, encoding="utf-8")
    (folder / "b.txt").write_text(SURE, encoding="utf-8")
    path = str(tmp_path / "v.sqlite3")
    assert main(["import", str(folder), "--db", path]) == 0
    capsys.readouterr()
    return path


def _queue(doubt_db_path, capsys) -> list[dict]:
    assert main(["verify", "--list", "--json", "--db", doubt_db_path]) == 0
    return json.loads(capsys.readouterr().out)


def _count(doubt_db_path) -> int:
    from desktop.core.storage import open_database

    conn = open_database(doubt_db_path)
    try:
        return conn.execute("SELECT count(*) FROM corrections").fetchone()[0]
    finally:
        conn.conn.close()


def test_list_json_prints_one_entry_per_doubt(doubt_db_path, capsys):
    entries = _queue(doubt_db_path, capsys)
    assert entries and all(set(e) in ({"document_id", "field", "value", "confidence", "reason", "start", "end"},
                                      {"document_id", "kind", "value", "confidence", "reason", "start", "end"})
                           for e in entries)
    assert {e.get("field") for e in entries} >= {"agency"} and {e.get("kind") for e in entries} >= {"next_plan"}
    assert main(["verify", "--list", "--db", doubt_db_path]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert len(lines) == len(entries) and all(len(line.split("\t")) == 6 for line in lines)
    assert f"{len(entries)} doubt(s)" in out.err


def test_accept_confirms_and_the_entry_leaves_the_queue(doubt_db_path, capsys):
    entries = _queue(doubt_db_path, capsys)
    doc = next(e["document_id"] for e in entries if e.get("field") == "agency")
    assert main(["verify", doc, "--accept", "agency", "--reviewer", "赵核对", "--db", doubt_db_path]) == 0
    out = capsys.readouterr().out
    assert out.startswith("confirmed\tagency\t")
    left = _queue(doubt_db_path, capsys)
    assert not any(e["document_id"] == doc and e.get("field") == "agency" for e in left)
    assert len(left) == len(entries) - 1
    assert main(["show", doc, "--json", "--db", doubt_db_path]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["metadata_origin"]["agency"] == {**shown["metadata_origin"]["agency"], "origin": "confirmed",
                                                  "corrected_by": "赵核对"}


@pytest.mark.parametrize("args", [
    ["verify"], ["verify", "--list", "X"], ["verify", "X"], ["verify", "no-such-id", "--accept", "agency"],
    ["verify", "DOC", "--accept", "agency", "--accept", "color"], ["verify", "DOC", "--accept", "title"],
])
def test_bad_input_exits_2_and_stores_nothing(doubt_db_path, capsys, args):
    entries = _queue(doubt_db_path, capsys)
    doc = next(e["document_id"] for e in entries if e.get("field") == "agency")
    args = [doc if a == "DOC" else a for a in args]
    assert main([*args, "--db", doubt_db_path]) == 2
    assert "error:" in capsys.readouterr().err
    assert _count(doubt_db_path) == 0
