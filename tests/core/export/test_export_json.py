"""The json dump: everything, under every rubric, conforming to the documented JSON Schema."""

from __future__ import annotations

import json

from desktop.core.export import export
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import parse_rubric
from desktop.core.storage import open_database
from tests.conftest import ROOT
from tests.core.scoring.scoring_data import (  # noqa: F401  (fixtures)
    INJECTED_COMMENT,
    build_scored_corpus,
    scored_corpus_fixture,
    scored_db_fixture,
)

SCHEMA = json.loads((ROOT / "docs" / "export-json.schema.json").read_text(encoding="utf-8"))
TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "object": dict, "array": list,
         "null": type(None)}


def conforms(value, schema, path="$") -> list[str]:
    """Problems of ``value`` against the subset of JSON Schema the documented schema uses."""
    if "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    problems = []
    if "const" in schema and value != schema["const"]:
        problems.append(f"{path}: {value!r} != {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{path}: {value!r} not in {schema['enum']}")
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(isinstance(value, TYPES[n]) and not (n in ("integer", "number") and isinstance(value, bool))
                 for n in names)
        if not ok:
            return [f"{path}: {type(value).__name__} is not {names}"]
    if isinstance(value, dict) and "properties" in schema:
        for key in schema.get("required", []):
            if key not in value:
                problems.append(f"{path}: missing {key}")
        for key, item in value.items():
            if key in schema["properties"]:
                problems += conforms(item, schema["properties"][key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{path}: undocumented key {key}")
    if isinstance(value, dict) and isinstance(schema.get("additionalProperties"), dict):
        for key, item in value.items():
            problems += conforms(item, schema["additionalProperties"], f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            problems += conforms(item, schema["items"], f"{path}[{i}]")
    return problems


def test_the_checker_catches_undocumented_and_missing_keys():
    assert conforms({"format": "reviewdesk-export"}, SCHEMA)
    assert any("undocumented key extra" in p for p in conforms({"id": "x", "name": "n", "extra": 1},
                                                                SCHEMA["properties"]["reviewers"]["items"]))


def test_json_dump_conforms_to_the_documented_schema(scored_db, tmp_path):
    out = tmp_path / "dump.json"
    assert export(scored_db, "json", out).rows == 5
    dump = json.loads(out.read_text(encoding="utf-8"))
    assert conforms(dump, SCHEMA) == []


def test_json_dump_contents(scored_db, scored_corpus, tmp_path):
    out = tmp_path / "dump.json"
    export(scored_db, "json", out)
    text = out.read_text(encoding="utf-8")
    assert "梨树县" in text  # Chinese written as is, not \\u escapes
    dump = json.loads(text)
    assert {r["name"] for r in dump["reviewers"]} == {"张三", "李四"}
    docs = {d["id"]: d for d in dump["documents"]}
    lishu = docs[scored_corpus.docs["001"]]
    assert lishu["published_at"] == "2026-02-05" and lishu["on_time"] is True
    for s in lishu["sections"]:
        assert lishu["text"][s["start"]:s["start"] + len(s["heading"])] == s["heading"]
    for a in dump["annotations"]:
        assert docs[a["document_id"]]["text"][a["start"]:a["end"]] == a["quote"]
    [rubric] = dump["rubrics"]
    assert rubric["id"] == dump["active_rubric_id"] == scored_corpus.rubric.id
    assert parse_rubric(rubric["content"]).sha256 == rubric["sha256"]
    zhang = scored_corpus.reviewers["张三"]
    totals = {(t["document_id"], t["reviewer_id"]): t for t in dump["totals"]}
    assert totals[(lishu["id"], zhang)] == {"document_id": lishu["id"], "reviewer_id": zhang,
                                            "rubric_id": rubric["id"], "total": 80.0, "complete": True}
    short = next(s for s in dump["scores"] if s["document_id"] == lishu["id"] and s["reviewer_id"] == zhang
                 and s["criterion_id"] == "shortcomings")
    assert short["value"] == 3 and short["evidence"] == [scored_corpus.annotations["short"]]
    accepted = {s["criterion_id"] for s in dump["scores"] if s["document_id"] == lishu["id"]
                and s["reviewer_id"] == zhang and s["suggestion_accepted"]}
    assert accepted == {"completeness", "timeliness", "formalities"}
    review = next(r for r in dump["reviews"] if r["document_id"] == scored_corpus.docs["000"]
                  and r["reviewer_id"] == zhang)
    assert review["overall_comment"] == INJECTED_COMMENT and review["status"] == "done"


def test_json_dump_keeps_scores_of_every_rubric_version(tmp_path):
    corpus = build_scored_corpus(tmp_path / "c.sqlite3")
    db = open_database(corpus.path)
    try:
        edited = parse_rubric(corpus.rubric.content.replace('version = "1.1"', 'version = "1.2"'))
        scoring.set_score(db, corpus.docs["001"], corpus.reviewers["李四"], edited, "measures", 5)
        out = tmp_path / "dump.json"
        export(db, "json", out, reviewer="李四")
    finally:
        db.conn.close()
    dump = json.loads(out.read_text(encoding="utf-8"))
    assert {r["version"] for r in dump["rubrics"]} == {"1.1", "1.2"}
    measures = {(s["rubric_id"], s["value"]) for s in dump["scores"] if s["criterion_id"] == "measures"}
    assert measures == {(corpus.rubric.id, 3), (edited.id, 5)}
    assert {s["reviewer_id"] for s in dump["scores"]} == {corpus.reviewers["李四"]}
    assert [r["name"] for r in dump["reviewers"]] == ["李四"] and dump["reviewer_filter"] == "李四"


def test_json_dump_carries_the_panel_layer(tmp_path):
    """Assignments, decisions with who/when/basis, finals, 评审意见 and 等次: what a sheet prints, in the dump."""
    from desktop.core.panel import adjudication as adj
    from desktop.core.panel.assignments import assign

    corpus = build_scored_corpus(tmp_path / "c.sqlite3")
    db = open_database(corpus.path)
    try:
        jilin = corpus.docs["000"]
        assign(db, [jilin], [corpus.reviewers["张三"]], by="组长")
        adj.set_final_score(db, jilin, corpus.rubric, "measures", 2, "组长王五")
        adj.set_final_comment(db, jilin, corpus.rubric, "举措部分量化不足。", "组长王五")
        adj.set_grade(db, jilin, corpus.rubric, "合格", "组长王五")
        out = tmp_path / "dump.json"
        export(db, "json", out)
        export(db, "json", tmp_path / "li.json", reviewer="李四")
    finally:
        db.conn.close()
    dump = json.loads(out.read_text(encoding="utf-8"))
    assert conforms(dump, SCHEMA) == []
    assert [(a["document_id"], a["assigned_by"]) for a in dump["assignments"]] == [(jilin, "组长")]
    [panel] = dump["panels"]
    assert panel["rubric_id"] == corpus.rubric.id and panel["final_rule"] == "mean"
    reports = {r["document_id"]: r for r in panel["reports"]}
    report = reports[jilin]
    measures = next(c for c in report["criteria"] if c["criterion_id"] == "measures")
    zhang = corpus.reviewers["张三"]
    assert measures["decided"] and measures["final"] == 2 and measures["decided_by"] == "组长王五"
    assert measures["basis"] == {zhang: "5"} and not measures["stale"]
    # 张三's 65.83 with measures 5 -> 2 (weight 20, max 5): 53.83, the only complete review
    assert report["final_total"] == 53.83 and report["rank"] == 1 and report["state"] == "decided"
    assert (report["grade"], report["grade_by_hand"], report["grade_by"]) == ("合格", True, "组长王五")
    assert report["comment"] == "举措部分量化不足。" and report["outside_range"]
    unfinished = reports[corpus.docs["001"]]  # 李四 has not finished: no final, grade or rank
    assert unfinished["state"] == "in_review" and unfinished["final_total"] is None and unfinished["rank"] is None
    assert unfinished["missing"] == ["李四进行中（已评 2/8）"]
    # a reviewer's own dump holds their assignments, never the lead's decisions
    mine = json.loads((tmp_path / "li.json").read_text(encoding="utf-8"))
    assert mine["panels"] == [] and mine["assignments"] == [] and conforms(mine, SCHEMA) == []
