"""The data every export shares: one row per report and reviewer, totals, ranks, parts and annotations."""

from __future__ import annotations

import pytest

from desktop.core.errors import ReviewDeskError
from desktop.core.export import ExportError, export, safe_filename
from desktop.core.export.data import collect_export_data, key_annotations
from desktop.core.export.safe import looks_like_formula, neutralize_csv, xml_safe
from desktop.core.export.sheets.tables import score_distribution, summary_columns
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


def test_ranks_are_per_reviewer_by_total_and_only_for_complete_reviews(scored_db):
    rows = rows_by(collect_export_data(scored_db))
    # 003 has 1 of 8 criteria scored, 李四's 001 has 2 of 8: partial sums are not ranked with finished reviews
    assert [rows[(d, "张三")].rank for d in ("001", "000", "003")] == [1, 2, None]
    assert rows[("001", "李四")].rank is None
    assert rows[("004", "")].rank is None


def test_unfinished_reviews_say_how_far_they_got(scored_db):
    rows = rows_by(collect_export_data(scored_db))
    assert rows[("001", "张三")].complete and rows[("001", "张三")].completion_label == "已完成"
    partial = rows[("003", "张三")]
    assert not partial.complete and partial.scored == 1
    assert partial.completion_label == "未完成（已评 1/8）"
    assert rows[("001", "李四")].completion_label == "未完成（已评 2/8）"


def test_accepted_suggestions_are_told_apart_from_equal_manual_values(scored_db):
    rows = rows_by(collect_export_data(scored_db))
    assert rows[("001", "张三")].accepted_suggestions() == ["completeness", "timeliness", "formalities"]
    # 李四 typed the suggested 4 for completeness himself: a score, not a suggestion accepted as it was
    li = rows[("001", "李四")]
    assert li.scores["completeness"].suggested == 4 and li.accepted_suggestions() == []


def test_reviewer_filter_gives_only_the_reports_the_reviewer_started(scored_db):
    data = collect_export_data(scored_db, reviewer="李四")
    # 李四 scored and annotated 001 only: no sheet for the four reports he never opened
    assert [(r.document.name[:3], r.reviewer) for r in data.rows] == [("001", "李四")]
    assert len(collect_export_data(scored_db, reviewer="张三").rows) == 3
    assert [a.comment for a in data.annotations] == ["李四的批注"]
    with pytest.raises(ReviewDeskError, match="no reviewer named '王五'.*reviewers: 张三, 李四|reviewers: 李四, 张三"):
        collect_export_data(scored_db, reviewer="王五")


def test_annotations_carry_part_tags_and_evidence(scored_db, scored_corpus):
    data = collect_export_data(scored_db, reviewer="张三")
    by_id = {a.id: a for a in data.annotations}
    short = by_id[scored_corpus.annotations["short"]]
    assert short.part == "shortcomings" and short.part_label == "存在的不足和原因"
    assert short.tags == ("测试：套话",) and short.evidence_for == ("shortcomings",)
    # the position is the part and the paragraph within it (its heading line is 0), counted independently here
    text = scored_db.execute("SELECT text FROM documents WHERE id = ?", [short.document_id]).fetchone()[0]
    section = scored_db.execute("SELECT start FROM sections WHERE document_id = ? AND kind = 'shortcomings' "
                                "ORDER BY ordinal", [short.document_id]).fetchone()[0]
    paragraph = text[section:short.start].count("\n")
    assert short.paragraph == paragraph and short.position_label == f"存在的不足和原因 第{paragraph}段"
    row = rows_by(data)[("001", "张三")]
    chosen, more = key_annotations(row, limit=1)
    assert [a.id for a in chosen] == [short.id] and more == 1  # evidence first


def test_placements_matrix(scored_db, scored_corpus):
    data = collect_export_data(scored_db)
    assert data.placements[scored_corpus.docs["003"]] == {"achievements": "section", "shortcomings": None,
                                                          "leader_duty": "subsection", "next_plan": "section"}


def test_distribution_bins_complete_totals_per_reviewer(scored_db):
    labels, reviewers, counts = score_distribution(collect_export_data(scored_db))
    assert labels[0] == "0–10" and labels[-1] == "90–100"
    assert reviewers == ["张三"]  # 李四's only review is unfinished
    assert [counts[b][0] for b in (1, 6, 8)] == [0, 1, 1]
    assert sum(sum(c) for c in counts) == 2


def test_report_name_falls_back_to_agency_and_year_never_the_file_name(scored_db):
    from desktop.core.export.sheets.tables import report_label

    data = collect_export_data(scored_db)
    for d in data.documents:
        label = report_label(d)
        assert label != d.name and not label.endswith(".txt")
        if not d.title and d.agency and d.year:
            assert label == f"{d.agency}{d.year}年度法治政府建设年度报告"
    assert any(not d.title for d in data.documents)  # the seeds hold a report without a recognized title


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


def test_exported_files_follow_the_umask(scored_db, tmp_path):
    import os
    import stat

    previous = os.umask(0o027)
    try:
        for fmt in ("csv", "json"):
            out = tmp_path / f"sheet.{fmt}"
            export(scored_db, fmt, out)
            assert stat.S_IMODE(out.stat().st_mode) == 0o640, fmt  # not the 0600 of the temporary file
    finally:
        os.umask(previous)


def test_the_sheet_without_annotations_has_the_same_rows_a_reviewer_who_only_annotated_included(scored_corpus,
                                                                                                 tmp_path):
    """The csv reads the rows without the annotations: the same rows, totals, ranks and comments, and a reviewer
    who only annotated a report (no score, no review, not assigned) still has that report's row."""
    import shutil

    from desktop.core.review.annotations import create_annotation
    from desktop.core.review.reviewers import get_or_create_reviewer
    from desktop.core.storage import open_database

    path = tmp_path / "annotated.sqlite3"
    shutil.copy(scored_corpus.path, path)
    db = open_database(path)
    wang = get_or_create_reviewer(db, "王五").id
    create_annotation(db, scored_corpus.docs["001"], 10, 30, reviewer_id=wang, comment="只加了批注")
    full, lean = collect_export_data(db), collect_export_data(db, annotations=False)
    db.conn.close()

    def shown(data):
        return [(r.document.id, r.reviewer, r.total, r.rank, r.status_label, r.completion_label,
                 r.review.overall_comment, sorted(r.scores)) for r in data.rows]

    assert shown(lean) == shown(full)
    assert (scored_corpus.docs["001"], "王五") in {(r.document.id, r.reviewer) for r in lean.rows}
    assert full.annotations and not lean.annotations and not any(r.annotations for r in lean.rows)
