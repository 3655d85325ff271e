"""Paper sheets read like a careful clerk: merged cells, names with spaces, dates, formulas, text as typed,
incomplete rows listed, nothing imported said plainly, and files made to hurt (a far cell, an entity, a quote)."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from desktop.core.exchange.score_import import ScoreImportError, import_scores
from desktop.core.export import export
from desktop.core.review.reviewers import find_reviewer, get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from tests.core.exchange.sheets import exported_csv, fill, write_csv

FULL = [4, 2, 3, 4, 3, 4, 3, 2]


@pytest.fixture
def clerk_lead(lead):
    """The lead's database (tests/core/exchange/conftest.py) with 王五, whose paper sheet the clerk types in."""
    get_or_create_reviewer(lead[0], "王五")
    return lead


def _sheet(db, tmp_path):
    """The exported xlsx opened for filling: (workbook, 汇总 sheet, header row number, header)."""
    path = tmp_path / "sheet.xlsx"
    export(db, "xlsx", path)
    wb = load_workbook(path)
    ws = wb["汇总"]
    at = next(r for r in range(1, 10) if ws.cell(r, 2).value == "报告")
    return wb, ws, at, [c.value for c in ws[at]]


def _fill_row(ws, row, header, values):
    first = header.index("必备内容齐全（4分）") + 1
    for i, value in enumerate(values):
        ws.cell(row, first + i).value = value


def test_merged_cells_read_where_they_name_the_row_refused_with_the_cells_named_where_scores_go(clerk_lead, tmp_path):
    db, rubric, docs = clerk_lead
    wb, ws, at, header = _sheet(db, tmp_path)
    who = header.index("评阅人") + 1
    for row in (at + 1, at + 2):
        _fill_row(ws, row, header, FULL)
    ws.cell(at + 1, who).value = "王 五"
    ws.merge_cells(start_row=at + 1, start_column=who, end_row=at + 2, end_column=who)  # one name for two rows
    path = tmp_path / "merged-name.xlsx"
    wb.save(path)
    result = import_scores(db, path, "王五")
    assert result.reports == 2 and result.submitted == 2 and result.skipped_other_reviewers == 0

    wb, ws, at, header = _sheet(db, tmp_path)
    col = header.index("举措具体、成效量化（5分）") + 1
    _fill_row(ws, at + 3, header, FULL)
    _fill_row(ws, at + 4, header, FULL)
    ws.merge_cells(start_row=at + 3, start_column=col, end_row=at + 4, end_column=col)
    path = tmp_path / "merged-score.xlsx"
    wb.save(path)
    letter = ws.cell(at + 3, col).column_letter
    with pytest.raises(ScoreImportError) as refused:
        import_scores(db, path, "王五")
    span = f"{letter}{at + 3}:{letter}{at + 4}"
    assert any(f"cell {letter}{at + 4} (举措具体、成效量化（5分）): cells {span} are merged" in p
               for p in refused.value.problems), refused.value.problems


def test_a_name_with_spaces_or_full_width_forms_is_the_same_reviewer_and_none_imported_fails(clerk_lead, tmp_path):
    db, rubric, docs = clerk_lead
    header, rows = exported_csv(db, tmp_path)
    who = header.index("评阅人")
    fill(header, rows[0], [str(v) for v in FULL])
    rows[0][who] = "王　五"                       # ideographic space, as typed in WPS
    path = write_csv(tmp_path / "spaced.csv", header, rows)
    assert import_scores(db, path, "王 五").reports == 1
    assert find_reviewer(db, "王 五") is None      # no second, look-alike 王五 was created
    rows[0][who] = "王六"
    path = write_csv(tmp_path / "other.csv", header, rows)
    with pytest.raises(ScoreImportError, match=r"no row of the sheet was imported: 1 row\(s\) name another "
                                               r"reviewer \(王六\)"):
        import_scores(db, path, "王五")


def test_text_kept_as_typed_and_incomplete_rows_listed(clerk_lead, tmp_path):
    db, rubric, docs = clerk_lead
    header, rows = exported_csv(db, tmp_path)
    by_report = {r[header.index("报告")]: r for r in rows}
    fill(header, by_report[docs["000"].title], ["4", "2", "3", "4", "3", "4", "3", "不适用：首份报告，无上年可比"],
         "总体较好，但（个别）表述“空泛”。")
    fill(header, by_report[docs["001"].title], ["3", "", "2"])
    result = import_scores(db, write_csv(tmp_path / "typed.csv", header, rows), "王五")
    wang = find_reviewer(db, "王五")
    na = scoring.get_scores(db, docs["000"].id, wang.id, rubric.id)["originality"]
    assert na.na_reason == "首份报告，无上年可比"
    assert scoring.get_review(db, docs["000"].id, wang.id, rubric.id).overall_comment == "总体较好，但（个别）表述“空泛”。"
    (row, report, missing), = result.incomplete
    assert report == docs["001"].title and len(missing) == len(rubric.criteria) - 2
    assert row == rows.index(by_report[docs["001"].title]) + 2


def test_dates_formulas_and_error_values_are_named(clerk_lead, tmp_path):
    db, rubric, docs = clerk_lead
    wb, ws, at, header = _sheet(db, tmp_path)
    _fill_row(ws, at + 1, header, [dt.datetime(2024, 3, 5), 2, "=1+1", 4, 3, 4, 3, 2])
    path = tmp_path / "odd.xlsx"
    wb.save(path)  # openpyxl writes formulas without a computed value, as some programs do
    first = header.index("必备内容齐全（4分）") + 1
    letters = [ws.cell(at + 1, first + i).column_letter for i in range(3)]
    with pytest.raises(ScoreImportError) as refused:
        import_scores(db, path, "王五")
    problems = "\n".join(refused.value.problems)
    assert f"cell {letters[0]}{at + 1} (必备内容齐全（4分）): the cell holds a date (2024-03-05), not a score" in problems
    assert f"cell {letters[2]}{at + 1}" in problems and "holds a formula (=1+1) saved without its value" in problems
    assert "datetime" not in problems


def test_a_far_away_cell_costs_nothing_and_an_entity_is_refused(clerk_lead, tmp_path):
    db, rubric, docs = clerk_lead
    wb, ws, at, header = _sheet(db, tmp_path)
    _fill_row(ws, at + 1, header, FULL)
    ws["XFD1048576"] = "x"  # the declared dimension becomes A1:XFD1048576
    path = tmp_path / "far.xlsx"
    wb.save(path)
    assert import_scores(db, path, "王五").reports == 1

    wb = load_workbook(path)  # a workbook with charts is saved once per load
    wb["汇总"]["A30000"] = "below the table"
    wb.save(path)
    with pytest.raises(ScoreImportError, match="cell A30000 is past row 20,000"):
        import_scores(db, path, "王五")

    wb, ws, at, header = _sheet(db, tmp_path)
    wb.save(tmp_path / "plain.xlsx")
    hostile = tmp_path / "entity.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as src, zipfile.ZipFile(hostile, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                doctype = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
                head, sep, rest = data.partition(b"?>") if data.startswith(b"<?xml") else (b"", b"", data)
                data = head + sep + doctype + rest
            dst.writestr(item, data)
    with pytest.raises(ScoreImportError, match="declares a DOCTYPE or an entity"):
        import_scores(db, hostile, "王五")


def test_a_csv_with_an_unclosed_quote_is_answered_with_the_line(clerk_lead, tmp_path):
    db, *_ = clerk_lead
    header, rows = exported_csv(db, tmp_path)
    path = tmp_path / "quote.csv"
    path.write_text(",".join(header) + '\n1,"某县司法局2024年度报告,某县司法局,2024\n', encoding="utf-8-sig")
    with pytest.raises(ScoreImportError, match=r"line \d+: unexpected end of data \(a quote"):
        import_scores(db, path, "王五")


def test_the_blank_sheet_carries_a_drop_down_of_allowed_values_per_criterion(clerk_lead, tmp_path):
    db, rubric, docs = clerk_lead
    wb, ws, at, header = _sheet(db, tmp_path)
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert len(rules) == len(rubric.criteria)
    for c in rubric.criteria:
        letter = ws.cell(at, header.index(f"{c.title}（{c.max_points:g}分）") + 1).column_letter
        dv = rules[f"{letter}{at + 1}:{letter}{at + len(docs)}"]
        allowed = dv.formula1.strip('"').split(",")
        assert [float(v) for v in allowed] == [k * c.step for k in range(int(round(c.max_points / c.step)) + 1)]
        assert all(c.is_valid_value(float(v)) for v in allowed)
        assert dv.type == "list" and (dv.errorStyle or "stop") == ("warning" if c.allow_na else "stop")  # stop: the default
