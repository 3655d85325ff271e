"""``reviewdesk show`` and ``reviewdesk correct``: the contract, bad input (exit 2, nothing stored), downstream use."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.conftest import SEEDS

SEED = SEEDS / "001_a35be3758fcb709b.txt"


@pytest.fixture
def one_doc(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    assert main(["import", str(SEED), "--db", db]) == 0
    capsys.readouterr()
    assert main(["list", "--db", db, "--json"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    return db, doc


def _show(db, doc_id, capsys) -> dict:
    assert main(["show", doc_id, "--db", db, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _stored(db) -> int:
    from desktop.core.storage import open_database

    conn = open_database(db)
    try:
        return conn.execute("SELECT count(*) FROM corrections").fetchone()[0]
    finally:
        conn.conn.close()


def test_show_has_the_shape_of_segment_json_with_origins(one_doc, capsys):
    db, doc = one_doc
    assert main(["segment", str(SEED), "--json"]) == 0
    segmented = json.loads(capsys.readouterr().out)
    shown = _show(db, doc["id"], capsys)
    assert set(segmented) <= set(shown)
    assert shown["agency"] == segmented["agency"] and shown["missing"] == segmented["missing"]
    assert [{k: s[k] for k in ("kind", "heading", "level", "placement", "start", "end", "confidence", "reason")}
            for s in shown["sections"]] \
        == segmented["sections"]
    assert all(s["origin"] == "auto" and s["corrected_by"] is None for s in shown["sections"])
    assert set(shown["metadata_origin"]) == {"title", "agency", "year", "doc_number", "doc_date", "published_at"}
    assert main(["show", doc["id"], "--db", db]) == 0
    assert "agency:" in capsys.readouterr().out


def test_correct_fields_and_part_then_list_and_show_use_them(one_doc, capsys):
    db, doc = one_doc
    shown = _show(db, doc["id"], capsys)
    duty = next(s for s in shown["sections"] if s["kind"] == "leader_duty")
    start, end = duty["start"], duty["end"]
    assert main(["correct", doc["id"], "--db", db, "--reviewer", "王明", "--field", "agency=某市司法局",
                 "--field", "year=2024年", "--part", f"next_plan={start}:{end}", "--field", "doc_number="]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.strip().split("\n")]
    assert [line[0] for line in lines] == ["field", "field", "part", "field"]
    assert lines[0][1:3] == ["agency", "某市司法局"] and lines[1][1:3] == ["year", "2024"]
    assert lines[2][1] == "next_plan" and lines[2][3] == f"{start}:{end}"
    shown = _show(db, doc["id"], capsys)
    assert shown["agency"] == "某市司法局" and shown["year"] == 2024 and shown["doc_number"] is None
    assert shown["metadata_origin"]["agency"]["origin"] == "corrected"
    assert shown["metadata_origin"]["agency"]["corrected_by"] == "王明"
    assert shown["metadata_sources"]["agency"] == "corrected by 王明"
    marked = [s for s in shown["sections"] if s["origin"] == "corrected"]
    assert [(s["kind"], s["start"], s["end"], s["corrected_by"]) for s in marked] == [("next_plan", start, end, "王明")]
    assert main(["list", "--db", db, "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["agency"] == "某市司法局" and listed["year"] == 2024
    assert main(["search", "法治", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["agency"] == "某市司法局"
    assert main(["correct", doc["id"], "--db", db, "--reset", "agency", "--reset", "year"]) == 0
    assert capsys.readouterr().out.split("\n")[:2] == ["reset\tagency\t1", "reset\tyear\t1"]
    shown = _show(db, doc["id"], capsys)
    assert shown["agency"] == doc["agency"] and shown["year"] == doc["year"]


@pytest.mark.parametrize("args, message", [
    (["--field", "year=20x5"], "is not a year"),
    (["--field", "year=12345"], "is not a year"),
    (["--field", "doc_date=2025-02-30"], "not a date that exists"),
    (["--field", "published_at=soon"], "not a date"),
    (["--field", "colour=red"], "unknown field 'colour'"),
    (["--field", "agency"], "give NAME=VALUE"),
    (["--part", "summary=1:20"], "unknown part kind 'summary'"),
    (["--part", "leader_duty=20:10"], "outside the text"),
    (["--part", "leader_duty=10:99999"], "outside the text"),
    (["--part", "leader_duty=ten"], "give KIND=START:END"),
    (["--reset", "colour"], "unknown field"),
    ([], "nothing to correct"),
])
def test_bad_input_is_a_specific_message_exit_2_and_nothing_stored(one_doc, capsys, args, message):
    db, doc = one_doc
    # a valid edit first: it must not be stored either (all or nothing)
    assert main(["correct", doc["id"], "--db", db, "--field", "agency=某市司法局", *args]
                if args else ["correct", doc["id"], "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err
    assert _stored(db) == 0
    assert _show(db, doc["id"], capsys)["agency"] == doc["agency"]


def test_unknown_id_is_exit_2(one_doc, capsys):
    db, _doc = one_doc
    assert main(["show", "no-such-id", "--db", db, "--json"]) == 2
    assert "no document with id no-such-id" in capsys.readouterr().err
    assert main(["correct", "no-such-id", "--db", db, "--field", "agency=某市司法局"]) == 2
    assert "no document with id no-such-id" in capsys.readouterr().err
    assert _stored(db) == 0
