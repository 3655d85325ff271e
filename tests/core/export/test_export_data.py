"""The data every export shares: one row per report and reviewer, totals, ranks, parts and annotations."""

from __future__ import annotations

import pytest

from desktop.core.errors import ReviewDeskError
from desktop.core.export import ExportError, export, safe_filename
from desktop.core.export.data import collect_export_data, key_annotations
from desktop.core.export.safe import looks_like_formula, neutralize_csv, xml_safe
from desktop.core.export.tables import score_distribution, summary_columns
from desktop.core.progress import Progress
from tests.core.scoring.scoring_data import scored_corpus_fixture, scored_db_fixture  # noqa: F401


def rows_by(data):
    return {(r.document.name[:3], r.reviewer): r for r in data.rows}


def test_one_row_per_report_and_reviewer_and_one_for_unreviewed_reports(scored_db):
    data = collect_export_data(scored_db)
    keys = [(r.document.name[:3], r.reviewer) for r in data.rows]
    assert sorted(keys) == sorted([("000", "张三"), ("001", "张三"), ("001", "李四"), ("003", "张三"), ("002", ""),
                                   ("004", "")])
    rows = rows_by(data)
    assert rows[("001", "张三")].total == 80
    assert rows[("000", "张三")].total == 65.83
    assert rows[("003", "张三")].total == 10
    assert rows[("001", "李四")].total == 32
    assert rows[("002", "")].total is None and rows[("002", "")].review.status == "not_started"


def test_ranks_are_per_reviewer_by_total(scored_db):
    rows = rows_by(collect_export_data(scored_db))
    assert [rows[(d, "张三")].rank for d in ("001", "000", "003")] == [1, 2, 3]
    assert rows[("001", "李四")].rank == 1
    assert rows[("004", "")].rank is None


def test_accepted_suggestions_are_told_apart_from_equal_manual_values(scored_db):
    rows = rows_by(collect_export_data(scored_db))
    assert rows[("001", "张三")].accepted_suggestions() == ["completeness", "timeliness", "formalities"]
    # 李四 typed the suggested 4 for completeness himself: a score, not a suggestion accepted as it was
    li = rows[("001", "李四")]
    assert li.scores["completeness"].suggested == 4 and li.accepted_suggestions() == []


def test_reviewer_filter_gives_every_report_once(scored_db):
    data = collect_export_data(scored_db, reviewer="李四")
    assert len(data.rows) == 5 and {r.reviewer for r in data.rows} == {"李四"}
    assert [a.comment for a in data.annotations] == ["李四的批注"]
    with pytest.raises(ReviewDeskError, match="no reviewer named '王五'.*reviewers: 张三, 李四|reviewers: 李四, 张三"):
        collect_export_data(scored_db, reviewer="王五")


def test_annotations_carry_part_tags_and_evidence(scored_db, scored_corpus):
    data = collect_export_data(scored_db, reviewer="张三")
    by_id = {a.id: a for a in data.annotations}
    short = by_id[scored_corpus.annotations["short"]]
    assert short.part == "shortcomings" and short.part_label == "存在的不足和原因"
    assert short.tags == ("测试：套话",) and short.evidence_for == ("shortcomings",)
    row = rows_by(data)[("001", "张三")]
    chosen, more = key_annotations(row, limit=1)
    assert [a.id for a in chosen] == [short.id] and more == 1  # evidence first


def test_placements_matrix(scored_db, scored_corpus):
    data = collect_export_data(scored_db)
    assert data.placements[scored_corpus.docs["003"]] == {"achievements": "section", "shortcomings": None,
                                                          "leader_duty": "subsection", "next_plan": "section"}


def test_distribution_bins_totals_per_reviewer(scored_db):
    labels, reviewers, counts = score_distribution(collect_export_data(scored_db))
    assert labels[0] == "0–10" and labels[-1] == "90–100"
    assert reviewers == ["张三", "李四"] or reviewers == ["李四", "张三"]
    zhang = reviewers.index("张三")
    assert [counts[b][zhang] for b in (1, 6, 8)] == [1, 1, 1]
    assert sum(sum(c) for c in counts) == 4


def test_summary_columns_name_each_criterion_with_its_maximum(scored_db):
    headers = [c.header for c in summary_columns(collect_export_data(scored_db))]
    assert "必备内容齐全（4分）" in headers and "总分（满分100）" in headers and headers[-1] == "总体评价"


@pytest.mark.parametrize(("value", "formula"), [("=1+1", True), ("+86 10", True), ("-3", True), ("@SUM(A1)", True),
                                                ("\tx", True), ("\rx", True), ("一、情况", False), ("", False),
                                                (" =1", False)])
def test_formula_detection(value, formula):
    assert looks_like_formula(value) is formula
    assert neutralize_csv(value) == ("'" + value if formula else value)


def test_xml_safe_drops_control_characters():
    assert xml_safe("a\x00b\x0bc\td\ne") == "abc\td\ne"


def test_bad_targets_and_formats_get_clear_messages(scored_db, tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'odt'"):
        export(scored_db, "odt", tmp_path / "x.odt")
    with pytest.raises(ExportError, match="is a folder"):
        export(scored_db, "csv", tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        export(scored_db, "csv", tmp_path / "nope" / "x.csv")
    with pytest.raises(ExportError, match="docx and pdf only"):
        export(scored_db, "csv", tmp_path / "dir", per_report=True)


def test_a_cancelled_export_leaves_no_file(scored_db, tmp_path):
    progress = Progress()
    progress.cancel()
    target = tmp_path / "sheet.docx"
    with pytest.raises(ReviewDeskError, match="cancelled"):
        export(scored_db, "docx", target, progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_safe_filename():
    assert safe_filename('a/b:c*?"<>|d.') == "a_b_c_d"
    assert safe_filename("...") == "report"
