"""Scores from a filled-in review sheet (the exported 汇总 layout): all or nothing, every problem named."""

from __future__ import annotations

import pytest

from desktop.core.exchange.score_import import ScoreImportError, import_scores
from desktop.core.export import export
from desktop.core.export.sheets.tables import report_label
from desktop.core.review.reviewers import find_reviewer, get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from tests.core.exchange.sheets import exported_csv, fill, write_csv

FULL = ["4", "2", "3", "4", "3", "4", "3", "2"]  # 20+5+5+16+12+8+9+3.33 = 78.33










def test_a_filled_csv_is_imported_and_complete_rows_submitted(lead, tmp_path):
    db, rubric, docs = lead
    header, rows = exported_csv(db, tmp_path)
    by_report = {r[header.index("报告")]: r for r in rows}
    title_001 = docs["001"].title
    fill(header, by_report[title_001], FULL, "举措具体，不足分析到位。")
    fill(header, by_report[report_label(docs["002"])], ["3", "", "2"])  # partly scored; named by agency + year
    # 不适用 with a reason, where the rubric allows it (originality)
    fill(header, by_report[docs["000"].title], ["4", "2", "3", "4", "3", "4", "3", "不适用：首次报告"])
    path = write_csv(tmp_path / "filled.csv", header, rows)
    result = import_scores(db, path, "王五")
    assert (result.reports, result.submitted, result.in_progress, result.skipped_empty) == (3, 2, 1, 2)
    wang = find_reviewer(db, "王五")
    assert wang is not None
    review = scoring.get_review(db, docs["001"].id, wang.id, rubric.id)
    assert review.submitted and review.overall_comment == "举措具体，不足分析到位。"
    assert scoring.weighted_total(rubric, scoring.get_scores(db, docs["001"].id, wang.id, rubric.id)) == 78.33
    na = scoring.get_scores(db, docs["000"].id, wang.id, rubric.id)["originality"]
    assert na.not_applicable and na.na_reason == "首次报告"
    assert scoring.get_review(db, docs["002"].id, wang.id, rubric.id).status == scoring.IN_PROGRESS
    # the same sheet again: unchanged submitted reviews are fine; a changed one must be reopened first
    assert import_scores(db, path, "王五").reports == 3
    fill(header, by_report[title_001], ["3.5"])
    with pytest.raises(ScoreImportError, match="submitted; reopen it"):
        import_scores(db, write_csv(tmp_path / "changed.csv", header, rows), "王五")


def test_every_problem_is_named_with_row_and_cell_and_nothing_is_stored(lead, tmp_path):
    db, rubric, docs = lead
    header, rows = exported_csv(db, tmp_path)
    col = {h: i for i, h in enumerate(header)}
    fill(header, rows[0], ["5", "2", "x", "4", "3", "4", "3", "不适用"])
    fill(header, rows[1], ["4", "不适用：涉密", "3", "4.5", "3", "4", "3", "2"])
    rows[2][col["报告"]] = "某市司法局2024年度法治政府建设年度报告"
    rows[2][col["机关"]] = ""
    fill(header, rows[2], FULL)
    rows[3] = list(rows[0])  # the same report twice
    rows[3][col["必备内容齐全（4分）"]] = "1"
    path = write_csv(tmp_path / "bad.csv", header, rows)
    with pytest.raises(ScoreImportError) as failure:
        import_scores(db, path, "王五")
    problems = failure.value.problems
    j, l_col, q = "J", "L", "Q"
    assert f"row 2, cell {j}2 (必备内容齐全（4分）): 5 is out of range: use 0–4 in steps of 0.5" in problems
    assert f"row 2, cell {l_col}2 (标题、落款和日期规范（3分）): 'x' is not a number" in problems
    assert f"row 2, cell {q}2 (不照搬往年（3分）): not applicable needs a reason: write 不适用：reason" in problems
    assert "row 3, cell M3 (举措具体、成效量化（5分）): 4.5 is out of range: use 0–5 in steps of 1" in problems
    assert any(p.startswith("row 4, cell B4: unknown report '某市司法局2024年度法治政府建设年度报告'") for p in problems)
    assert any(p.startswith("row 5, cell B5: the report is also on row 2") for p in problems)
    assert "row 5, cell L5 (标题、落款和日期规范（3分）): 'x' is not a number" in problems  # the copy's cells too
    assert len(problems) == 7, problems
    assert "nothing imported, 7 problem(s)" in str(failure.value)
    assert find_reviewer(db, "王五") is None  # all or nothing: not even the reviewer
    assert db.execute("SELECT count(*) FROM scores").fetchone()[0] == 0


def test_xlsx_as_exported_and_filled_in_excel(lead, tmp_path):
    from openpyxl import load_workbook

    db, rubric, docs = lead
    zhang = get_or_create_reviewer(db, "张三")
    scoring.set_score(db, docs["001"].id, zhang.id, rubric, "measures", 5)  # a row of 张三's in the sheet
    path = tmp_path / "sheet.xlsx"
    export(db, "xlsx", path)
    wb = load_workbook(path)
    ws = wb["汇总"]
    at = next(r for r in range(1, 10) if ws.cell(r, 2).value == "报告")  # maximums and weights above the header
    header = [c.value for c in ws[at]]
    first = header.index("必备内容齐全（4分）") + 1
    for row in ws.iter_rows(min_row=at + 1):
        if row[header.index("评阅人")].value == "张三":
            continue
        for i, value in enumerate([4, 2, 3, 4, 3, 4, 3, 2]):
            row[first - 1 + i].value = value
    wb.save(path)
    result = import_scores(db, path, "王五")
    assert result.reports == 4 and result.submitted == 4 and result.skipped_other_reviewers == 1


def test_header_problems_and_unreadable_files(lead, tmp_path):
    db, *_ = lead
    header, rows = exported_csv(db, tmp_path)
    wrong = [h.replace("必备内容齐全（4分）", "必备内容齐全（5分）") for h in header if h != "不照搬往年（3分）"]
    path = write_csv(tmp_path / "h.csv", wrong, [])
    with pytest.raises(ScoreImportError) as failure:
        import_scores(db, path, "王五")
    assert failure.value.problems == [
        "row 1, cell J1 (必备内容齐全（5分）): the rubric's maximum for 必备内容齐全 is 4, not 5; export a new sheet",
        "row 1: no column for 不照搬往年（3分）"]
    with pytest.raises(ScoreImportError, match="the file does not exist"):
        import_scores(db, tmp_path / "none.csv", "王五")
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(ScoreImportError, match="save it as .xlsx or .csv"):
        import_scores(db, tmp_path / "x.docx", "王五")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ScoreImportError, match="cannot be read as an Excel workbook"):
        import_scores(db, tmp_path / "bad.xlsx", "王五")
    fill(header, rows[0], ["3"], "首份报告，无上年可比")
    gbk = write_csv(tmp_path / "gbk.csv", header, rows, encoding="gb18030")  # WPS saves csv in GBK
    assert import_scores(db, gbk, "王五").reports == 1
