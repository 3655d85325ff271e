"""Suggested scores for the objective criteria, from detected parts, dates and formal elements."""

from __future__ import annotations

import pytest

from desktop.core.scoring.rubric import load_default_rubric
from desktop.core.scoring.suggestions import best_placements, suggest_scores
from desktop.core.segmentation.segment import Section
from desktop.core.storage import open_database
from desktop.core.storage.documents import DocumentRecord, DocumentSummary, get_document, list_documents

RUBRIC = load_default_rubric()


def record(sections: list[tuple[str, str]], *, title: str | None = "某局关于2025年度法治政府建设情况的报告",
           agency: str | None = "某局", year: int | None = 2025, doc_date: str | None = "2026-02-01",
           published_at: str | None = None, on_time: bool | None = None) -> DocumentRecord:
    summary = DocumentSummary("d1", 1, "r.txt", title, agency, year, None, doc_date, published_at, on_time,
                              (), "txt", "utf-8")
    secs = [Section(kind, "", 1, placement, i * 10, i * 10 + 10) for i, (kind, placement) in enumerate(sections)]
    return DocumentRecord(summary, "x" * 100, secs, [], [], {}, None, "0" * 64, None)


ALL_PARTS = [("achievements", "section"), ("shortcomings", "section"), ("leader_duty", "section"),
             ("next_plan", "section")]


def test_all_four_parts_as_parts_of_their_own_get_the_top_score():
    s = suggest_scores(RUBRIC, record(ALL_PARTS))["completeness"]
    assert s.value == 4
    assert "缺少" not in s.basis and "存在的不足和原因（单独成章）" in s.basis


@pytest.mark.parametrize(("parts", "expected"), [
    # leader duty folded into the achievements part as a subsection costs half a point
    ([("achievements", "section"), ("leader_duty", "subsection"), ("shortcomings", "section"),
      ("next_plan", "section")], 3.5),
    # missing shortcomings costs a whole point, an inline leader duty half
    ([("achievements", "section"), ("leader_duty", "inline"), ("next_plan", "section")], 2.5),
    ([("achievements", "section")], 1.0),
    ([("preamble", "section"), ("other", "section")], 0.0),
])
def test_completeness_counts_folded_parts_half_and_missing_parts_nothing(parts, expected):
    assert suggest_scores(RUBRIC, record(parts))["completeness"].value == expected


def test_best_placement_prefers_a_part_of_its_own():
    rec = record([("leader_duty", "inline"), ("leader_duty", "section"), ("achievements", "subsection")])
    assert best_placements(rec) == {"achievements": "subsection", "shortcomings": None, "leader_duty": "section",
                                    "next_plan": None}


def test_missing_parts_are_named_in_the_basis():
    s = suggest_scores(RUBRIC, record([("achievements", "section"), ("next_plan", "section")]))["completeness"]
    assert s.basis.endswith("缺少：存在的不足和原因、第一责任人履职情况。")
    assert "Missing: Shortcomings and causes; Leaders' duty" in s.basis_en


def test_timeliness_from_publication_date():
    on_time = suggest_scores(RUBRIC, record(ALL_PARTS, published_at="2026-03-31", on_time=True))["timeliness"]
    assert on_time.value == 2 and "2026-04-01" in on_time.basis
    late = suggest_scores(RUBRIC, record(ALL_PARTS, published_at="2026-04-02", on_time=False))["timeliness"]
    assert late.value == 0 and "晚于" in late.basis
    unknown = suggest_scores(RUBRIC, record(ALL_PARTS))["timeliness"]
    assert unknown.value is None and "未识别发布日期" in unknown.basis


def test_timeliness_computed_when_on_time_was_not_stored():
    s = suggest_scores(RUBRIC, record(ALL_PARTS, published_at="2026-05-10", on_time=None))["timeliness"]
    assert s.value == 0


def test_formalities_count_title_agency_and_date():
    assert suggest_scores(RUBRIC, record(ALL_PARTS))["formalities"].value == 3
    s = suggest_scores(RUBRIC, record(ALL_PARTS, title=None, doc_date=None))["formalities"]
    assert s.value == 1
    assert s.basis == "具备：落款机关；未识别：标题、成文日期。"


def test_subjective_criteria_get_no_suggestion():
    assert set(suggest_scores(RUBRIC, record(ALL_PARTS))) == {"completeness", "timeliness", "formalities"}


def test_suggestions_for_the_seed_reports(seeded_db_path):
    db = open_database(seeded_db_path)
    try:
        by_name = {d.name: suggest_scores(RUBRIC, get_document(db, d.id)) for d in list_documents(db)}
    finally:
        db.conn.close()
    # 梨树县: all four parts, published 2026-02-05 for 2025
    lishu = by_name["001_a35be3758fcb709b.txt"]
    assert (lishu["completeness"].value, lishu["timeliness"].value, lishu["formalities"].value) == (4, 2, 3)
    # 吉林省 2025: no leader-duty part at all
    jilin = by_name["000_0a101bd46eacac2a.txt"]
    assert jilin["completeness"].value == 3 and "缺少：第一责任人履职情况" in jilin["completeness"].basis
    # 吉林省 2022: no shortcomings, leader duty only a subsection of the achievements part
    jilin22 = by_name["003_768f1515f39e9dba.txt"]
    assert jilin22["completeness"].value == 2.5
