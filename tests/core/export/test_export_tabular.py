"""xlsx and csv exports, read back with openpyxl and the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import re

from openpyxl import load_workbook

from desktop.core.export import export
from tests.core.scoring.scoring_data import (  # noqa: F401  (fixtures)
    INJECTED_ANNOTATION,
    INJECTED_COMMENT,
    OVERALL_001,
    scored_corpus_fixture,
    scored_db_fixture,
)


def by_key(rows, headers):
    i_report, i_reviewer = headers.index("报告"), headers.index("评阅人")
    return {(r[i_report], r[i_reviewer] or ""): dict(zip(headers, r, strict=True)) for r in rows}


LISHU = "梨树县政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告"
JILIN_2025 = "吉林省政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告"


def test_csv_is_utf8_with_bom_and_holds_the_summary(scored_db, tmp_path):
    out = tmp_path / "summary.csv"
    result = export(scored_db, "csv", out)
    assert result.rows == 6 and result.paths == [out]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    headers = rows[0]
    assert headers[:4] == ["序号", "报告", "机关", "年度"]
    table = by_key(rows[1:], headers)
    lishu = table[(LISHU, "张三")]
    assert lishu["机关"] == "梨树县政务服务和数字化建设管理局" and lishu["年度"] == "2025"
    assert lishu["发布日期"] == "2026-02-05" and lishu["按时公开"] == "是"
    assert lishu["必备内容齐全（4分）"] == "4" and lishu["举措具体、成效量化（5分）"] == "4"
    assert lishu["总分（满分100）"] == "80" and lishu["排名"] == "1" and lishu["评阅状态"] == "已提交"
    assert lishu["完成情况"] == "已完成"
    partial = table[(LISHU, "李四")]
    assert partial["总分（满分100）"] == "未完成（已评 2/8）" and partial["排名"] == ""
    assert partial["举措具体、成效量化（5分）"] == "3" and partial["不足具体、原因分析到位（5分）"] == ""
    assert lishu["采纳系统建议的项目"] == "必备内容齐全、按时公开、标题、落款和日期规范"
    assert lishu["总体评价"] == OVERALL_001
    jilin = table[(JILIN_2025, "张三")]
    assert jilin["缺少部分"] == "第一责任人履职情况" and jilin["总分（满分100）"] == "65.83"
    # formula injection: the comment starting with = gets a leading apostrophe
    assert jilin["总体评价"] == "'" + INJECTED_COMMENT
    assert len(rows) == 7


def test_csv_for_one_reviewer(scored_db, tmp_path):
    out = tmp_path / "li.csv"
    export(scored_db, "csv", out, reviewer="李四")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    table = by_key(rows[1:], rows[0])
    assert list(table) == [(LISHU, "李四")]  # the only report 李四 started
    assert table[(LISHU, "李四")]["总分（满分100）"] == "未完成（已评 2/8）"


HEADER_ROW = 3


def summary_table(ws):
    headers = [c.value for c in ws[HEADER_ROW]]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    return headers, by_key(rows, headers)


def test_xlsx_sheets_values_and_print_setup(scored_db, tmp_path, scored_corpus):
    out = tmp_path / "sheet.xlsx"
    assert export(scored_db, "xlsx", out).rows == 6
    wb = load_workbook(out, data_only=True)  # the values as written (cached with the formulas)
    assert wb.sheetnames == ["汇总", "评审汇总", "批注", "必备部分", "分数分布", "图表", "说明"]
    ws = wb["汇总"]
    headers, table = summary_table(ws)
    lishu = table[(LISHU, "张三")]
    assert lishu["总分（满分100）"] == 80 and lishu["排名"] == 1 and lishu["年度"] == 2025
    assert table[(LISHU, "李四")]["总分（满分100）"] == "未完成（已评 2/8）"
    assert table[(LISHU, "李四")]["排名"] is None and "完成情况" not in headers  # the total cell says it
    assert table[(JILIN_2025, "张三")]["总分（满分100）"] == 65.83
    # the maximums and weights the totals are computed with, above the header
    first = headers.index("必备内容齐全（4分）")
    assert ws.cell(row=1, column=first + 1).value == 4 and ws.cell(row=2, column=first + 1).value == 20
    assert ws.cell(row=1, column=2).value == "各项满分" and ws.cell(row=2, column=2).value.startswith("各项权重")
    # formatted for printing: frozen header, bold header, widths, number formats, landscape A4 fitted to width
    assert ws.freeze_panes == "C4"
    assert ws.cell(row=HEADER_ROW, column=1).font.b and ws.cell(row=HEADER_ROW, column=2).value == "报告"
    # 22 characters wide (stored, as Excel stores it, with the cell padding added)
    assert 22 <= ws.column_dimensions["B"].width < 23 and ws.page_setup.paperSize == 9
    col = headers.index("总分（满分100）") + 1
    assert ws.cell(row=HEADER_ROW + 1, column=col).number_format == "0.00"
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    # one page wide (1 is the file format's default, which a writer may leave out), as many pages long as it takes
    assert (ws.page_setup.fitToWidth or 1) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == "$1:$3"
    assert "&P" in ws.oddFooter.center.text
    for sheet in wb.worksheets:  # legible: nothing smaller than 8 pt before the fit-to-width scaling
        for row in sheet.iter_rows():
            assert all(c.font.sz is None or c.font.sz >= 8 for c in row)
    parts = wb["必备部分"]  # the report's own details, once per report
    p_headers = [c.value for c in parts[1]]
    lishu_parts = next(r for r in parts.iter_rows(min_row=2) if r[0].value == LISHU)
    assert lishu_parts[p_headers.index("发布日期")].value == dt.datetime(2026, 2, 5)
    assert lishu_parts[p_headers.index("发布日期")].number_format == "yyyy-mm-dd"
    assert lishu_parts[p_headers.index("按时公开")].value == "是"


def test_xlsx_totals_are_formulas_that_recompute(scored_db, tmp_path):
    from tests.core.export.formula_eval import evaluate

    out = tmp_path / "sheet.xlsx"
    export(scored_db, "xlsx", out)
    wb = load_workbook(out)
    ws = wb["汇总"]
    headers = [c.value for c in ws[HEADER_ROW]]
    total_col = headers.index("总分（满分100）") + 1
    cached = load_workbook(out, data_only=True)["汇总"]
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        cell = ws.cell(row=r, column=total_col)
        assert cell.data_type == "f"
        expected = cached.cell(row=r, column=total_col).value
        assert evaluate(ws, cell.value) == (expected if expected is not None else "")
    # correct a score, complete an unfinished review: the formulas give the new totals
    reports = {ws.cell(row=r, column=2).value + "|" + (ws.cell(row=r, column=headers.index("评阅人") + 1).value
                                                        or ""): r for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    zhang = reports[LISHU + "|张三"]
    measures = headers.index("举措具体、成效量化（5分）") + 1
    ws.cell(row=zhang, column=measures).value = 5  # was 4: +1/5 of the weight 20
    assert evaluate(ws, ws.cell(row=zhang, column=total_col).value) == 84
    li = reports[LISHU + "|李四"]
    first = headers.index("必备内容齐全（4分）") + 1
    for c in range(first, first + 8):
        if ws.cell(row=li, column=c).value is None:
            ws.cell(row=li, column=c).value = 0
    assert evaluate(ws, ws.cell(row=li, column=total_col).value) == 32


def test_xlsx_neutralizes_formulas_but_keeps_the_text(scored_db, tmp_path):
    out = tmp_path / "sheet.xlsx"
    export(scored_db, "xlsx", out)
    wb = load_workbook(out)
    ws = wb["汇总"]
    headers = [c.value for c in ws[HEADER_ROW]]
    comment_col = headers.index("总体评价")
    cells = [row[comment_col] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    injected = next(c for c in cells if c.value == INJECTED_COMMENT)
    assert injected.data_type == "s" and injected.quotePrefix
    plain = next(c for c in cells if c.value == OVERALL_001)
    assert not plain.quotePrefix
    notes = wb["批注"]
    headers_notes = [c.value for c in notes[1]]
    comments = [row[headers_notes.index("批注意见")] for row in notes.iter_rows(min_row=2)]
    bad = next(c for c in comments if c.value == INJECTED_ANNOTATION)
    assert bad.data_type == "s" and bad.quotePrefix
    # the totals (汇总's 总分, 评审汇总's 最终得分) are the workbook's only formulas
    total_headers = {"汇总": "总分（满分100）", "评审汇总": "最终得分（满分100）"}
    formulas = 0
    for sheet in wb.worksheets:
        for r, row in enumerate(sheet.iter_rows(), 1):
            for c in row:
                if c.data_type == "f":
                    formulas += 1
                    assert sheet.title in total_headers and r > HEADER_ROW
                    assert sheet.cell(row=HEADER_ROW, column=c.column).value == total_headers[sheet.title]
    assert formulas == 6 + 1  # 评审汇总: a formula for the one report with a final (the others: 待定)


def test_xlsx_annotations_sections_distribution_and_about(scored_db, tmp_path, scored_corpus):
    out = tmp_path / "sheet.xlsx"
    export(scored_db, "xlsx", out)
    wb = load_workbook(out)
    notes = wb["批注"]
    headers = [c.value for c in notes[1]]
    rows = [dict(zip(headers, [c.value for c in r], strict=True)) for r in notes.iter_rows(min_row=2)]
    assert len(rows) == 3
    short = next(r for r in rows if r["批注意见"] == "原因分析不具体")
    assert short["部分"] == "存在的不足和原因" and short["标签"] == "测试：套话"
    assert short["作为评分依据"] == "不足具体、原因分析到位" and short["评阅人"] == "张三"
    assert short["部分"] == "存在的不足和原因" and re.fullmatch(r"第\d+段", short["位置"])
    assert short["原文摘录"] and short["原文摘录"] in open_text(scored_db, scored_corpus.docs["001"])

    parts = wb["必备部分"]
    headers = [c.value for c in parts[1]]
    matrix = {r[0].value: r for r in parts.iter_rows(min_row=2)}
    jilin22 = matrix["吉林省政务服务和数字化建设管理局关于2022年度法治政府建设情况的报告"]
    assert jilin22[headers.index("存在的不足和原因")].value == "缺"
    assert jilin22[headers.index("第一责任人履职情况")].value == "小节"
    assert jilin22[headers.index("存在的不足和原因")].fill.fgColor.rgb.endswith("F4C7C3")
    assert jilin22[headers.index("缺少部分数")].value == 1

    dist = wb["分数分布"]
    assert len(dist._charts) == 1
    assert [c.value for c in dist[1]][0] == "总分区间"
    about = wb["说明"]
    texts = [c.value for c in about["B"]]
    assert any(t and "版本 1.1" in t for t in texts)


def open_text(db, doc_id):
    return db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]


def sheet_values(path):
    """Every cell's value and format (the export time left out: two exports may straddle a minute)."""
    wb = load_workbook(path)
    return {ws.title: [[(c.value, c.data_type, bool(c.quotePrefix), c.number_format, c.font.b) for c in row]
                       for row in ws.iter_rows() if row[0].value != "导出时间"] for ws in wb.worksheets}


def test_xlsx_is_streamed_with_inline_text_and_every_cell_formatted(scored_db, tmp_path):
    """Written row by row (XlsxWriter's constant_memory mode: text inline in each cell, no shared-string table
    held until the end), and still every table cell bordered in the sheet's font, blank ones included."""
    import zipfile

    out = tmp_path / "sheet.xlsx"
    export(scored_db, "xlsx", out)
    with zipfile.ZipFile(out) as zf:
        assert "xl/sharedStrings.xml" not in zf.namelist()
        assert b't="inlineStr"' in zf.read("xl/worksheets/sheet1.xml")
    wb = load_workbook(out)
    for name in ("汇总", "评审汇总", "批注", "必备部分"):
        ws = wb[name]
        for row in ws.iter_rows(min_row=HEADER_ROW if name in ("汇总", "评审汇总") else 1):
            for c in row:
                assert c.border.left.style == "thin" and c.font.name == "等线" and c.font.sz == 10, (name, c.coordinate)
    summary = wb["汇总"]
    headers = [c.value for c in summary[HEADER_ROW]]
    comment = summary.cell(row=HEADER_ROW + 1, column=headers.index("总体评价") + 1)
    assert comment.alignment.wrap_text and comment.alignment.vertical == "top"
    assert summary.cell(row=HEADER_ROW, column=1).fill.fgColor.rgb.endswith("DDE4EE")


def test_xlsx_total_leaves_out_a_criterion_marked_not_applicable(scored_corpus, tmp_path):
    import shutil

    from desktop.core.scoring import scores as scoring
    from desktop.core.storage import open_database
    from tests.core.export.formula_eval import evaluate

    path = tmp_path / "na.sqlite3"
    shutil.copy(scored_corpus.path, path)
    db = open_database(path)
    rubric, doc, zhang = scored_corpus.rubric, scored_corpus.docs["003"], scored_corpus.reviewers["张三"]
    values = {"measures": 4, "shortcomings": 3, "leader_duty": 4, "next_plan": 3, "originality": 3, "formalities": 2}
    for cid, value in values.items():
        scoring.set_score(db, doc, zhang, rubric, cid, value)
    scoring.set_not_applicable(db, doc, zhang, rubric, "timeliness", "涉密，依法不公开")
    out = tmp_path / "na.xlsx"
    export(db, "xlsx", out)
    expected = rubric.weighted_total({**values, "completeness": 2}, ["timeliness"])
    db.conn.close()
    ws = load_workbook(out)["汇总"]
    headers = [c.value for c in ws[HEADER_ROW]]
    row = next(r for r in range(HEADER_ROW + 1, ws.max_row + 1)
               if ws.cell(row=r, column=2).value.startswith("吉林省") and "2022" in ws.cell(row=r, column=2).value)
    assert ws.cell(row=row, column=headers.index("按时公开（2分）") + 1).value == "不适用"
    total = ws.cell(row=row, column=headers.index("总分（满分100）") + 1)
    assert evaluate(ws, total.value) == expected
    assert load_workbook(out, data_only=True)["汇总"].cell(row=row, column=total.column).value == expected


def test_xlsx_panel_summary_one_row_per_report(scored_db, tmp_path, scored_corpus):
    from desktop.core.panel.summary import panel_summary
    from tests.core.export.formula_eval import evaluate

    out = tmp_path / "panel.xlsx"
    export(scored_db, "xlsx", out)
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["汇总", "评审汇总"]
    ws = wb["评审汇总"]
    headers = [c.value for c in ws[HEADER_ROW]]
    cached = load_workbook(out, data_only=True)["评审汇总"]
    rows = {cached.cell(row=r, column=2).value: {h: cached.cell(row=r, column=i + 1).value
                                                 for i, h in enumerate(headers)}
            for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    assert len(rows) == 5  # one row per report, not per reviewer
    lishu = rows[LISHU]
    rank = "排名（全部5份报告）"
    # 李四 left six criteria unscored: shown as such; the report has no final, grade or rank until it is done
    assert lishu["张三评分"] == 80 and lishu["李四评分"] == "未完成（已评 2/8）"
    assert lishu["平均分"] == 80 and lishu["最终得分（满分100）"] == "待定" and lishu[rank] == "待定"
    assert lishu["等次"] == "待定" and lishu["评审状态"] == "评审中：李四进行中（已评 2/8）"
    assert lishu["完成情况"] == "1/2 份已提交"
    jilin = rows[JILIN_2025]
    assert jilin["最终得分（满分100）"] == 65.83 and jilin[rank] == 1
    summary = panel_summary(scored_db)
    rubric = summary.rubric
    assert jilin["等次"] == rubric.grade_for(65.83).label
    unfinished = rows["吉林省政务服务和数字化建设管理局关于2022年度法治政府建设情况的报告"]
    assert unfinished["张三评分"] == "未完成（已评 1/8）" and unfinished["平均分"] is None
    assert unfinished[rank] == "待定" and unfinished["最终得分（满分100）"] == "待定"
    # 最终得分 is a formula over the reviewers' totals (the mean, the default rule): change a total, it follows
    final_col = headers.index("最终得分（满分100）") + 1
    # the panel's final-score rule printed above the column and in the page header, with the set ranks are among
    assert ws.cell(row=1, column=final_col).value == "计算方式：各评阅人总分的平均分"
    assert ws.oddHeader.center.text == "法治政府建设年度报告评审汇总表（最终得分：各评阅人总分的平均分；排名：全部5份报告）"
    row = next(r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(row=r, column=2).value == JILIN_2025)
    assert ws.cell(row=row, column=final_col).data_type == "f"
    assert evaluate(ws, ws.cell(row=row, column=final_col).value) == 65.83
    zhang = headers.index("张三评分") + 1
    ws.cell(row=row, column=zhang).value = 72.5
    assert evaluate(ws, ws.cell(row=row, column=final_col).value) == 72.5
