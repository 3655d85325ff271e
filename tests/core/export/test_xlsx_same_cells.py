"""The xlsx export writes the same workbook as the row writer it replaced: every cell's value, type, formula and
format, every row's height, the validations, print setup and pictures.

The reference is the row writer as it was on main before the per-cell work was cut (kept here, frozen, as
:class:`ReferenceRowStream`), run over the same export data with the charts drawn in this process; the corpus is
the scored seeds plus annotations whose comments are hostile to a spreadsheet (formula starts, characters XML
cannot hold, line breaks, tabs, text longer than a cell, fills' exact words, blanks).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import shutil
import zipfile
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from xlsxwriter.worksheet import Worksheet

from desktop.core.export import export
from desktop.core.export.formats import to_xlsx
from desktop.core.export.formats.xlsx_rows import LINE_HEIGHT, MAX_CELL, FormulaSheet, text_lines
from desktop.core.export.safe import FORMULA_STARTS, looks_like_formula, xml_safe
from desktop.core.export.sheets.tables import Formula
from desktop.core.review.annotations import create_annotation
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document
from tests.core.scoring.scoring_data import scored_corpus_fixture  # noqa: F401  (fixture)

HOSTILE = ["=SUM(A1:A9)", "+1 成效", "-负面", "@SUM(1)", "\t制表开头", "\r回车开头", "控制\x01字符\x0b\x0c", "非字符\ufffe\uffff",
           "多行\n第二行\n第三行", "缺", "小节", "条目/一句", "", " ", "很长的批注" * 40, "🙂 emoji 与 ASCII mixed text",
           "全角　空格", "x" * 200, "表述笼统，缺少数据支撑", "<b>不是标记</b> & 'quote' \"dq\""]


class ReferenceRowStream:
    """desktop.core.export.formats.xlsx_rows.RowStream as it was (main 0d66e7f), frozen for comparison."""

    def __init__(self, workbook, ws, formats, fills=None, header=None, widths=None) -> None:
        self.workbook, self.ws = workbook, ws
        self.formats = list(formats)
        self.header_format = header
        usable = [max(2.0, w - 1.5) for w in widths] if widths else []
        self._body_wrap = [(i, w) for i, w in enumerate(usable) if self.formats[i].wraps]
        self._all_wrap = list(enumerate(usable))
        self._fills = fills or {}
        self._cache: dict[tuple, Any] = {}
        self._plain_formats: dict[bool, list[Any]] = {}
        self.rows = 0

    def format(self, col: int, header: bool = False, quote: bool = False, fill: str | None = None):
        key = (col, header, quote, fill)
        found = self._cache.get(key)
        if found is None:
            base = self.header_format if header and self.header_format else self.formats[col]
            extra: dict[str, Any] = {}
            if quote:
                extra["quote_prefix"] = True
            if fill:
                extra.update(pattern=1, bg_color=fill)
            found = self._cache[key] = self.workbook.add_format({**base.properties, **extra})
        return found

    def _height(self, values, header):
        lines = 1
        for i, width in self._all_wrap if header else self._body_wrap:
            v = values[i]
            if isinstance(v, str) and (2 * len(v) > width or "\n" in v):
                lines = max(lines, text_lines(v, width))
        return None if lines == 1 else round(lines * LINE_HEIGHT + 3, 1)

    def append(self, values: Sequence[Any], *, header: bool = False) -> None:
        if len(values) != len(self.formats):
            raise ValueError(f"row has {len(values)} values for {len(self.formats)} columns")
        ws, row = self.ws, self.rows
        self.rows += 1
        height = self._height(values, header)
        if height:
            ws.set_row(row, height)
        plain = self._plain(header)
        fills = self._fills
        for col, value in enumerate(values):
            kind = type(value)
            if kind is str:
                text = xml_safe(value)[:MAX_CELL]
                if not text:
                    ws.write_blank(row, col, None, plain[col])
                elif text[0] in FORMULA_STARTS or text in fills:
                    ws.write_string(row, col, text, self.format(col, header, looks_like_formula(text), fills.get(text)))
                else:
                    ws.write_string(row, col, text, plain[col])
            elif kind is float or kind is int:
                ws.write_number(row, col, value, plain[col])
            elif value is None:
                ws.write_blank(row, col, None, plain[col])
            elif isinstance(value, Formula):
                cached: Any = value.value if value.value is not None else ""
                ws.write_formula(row, col, value.text, plain[col], cached)
            elif isinstance(value, dt.date):
                day = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
                ws.write_datetime(row, col, day, plain[col])
            else:
                ws.write_number(row, col, value, plain[col])

    def _plain(self, header):
        found = self._plain_formats.get(header)
        if found is None:
            found = self._plain_formats[header] = [self.format(col, header) for col in range(len(self.formats))]
        return found


@pytest.fixture(name="hostile_db")
def hostile_db_fixture(scored_corpus, tmp_path):
    """The scored corpus plus 120 annotations per reviewer with hostile comments (a fixed random draw)."""
    path = tmp_path / "hostile.sqlite3"
    shutil.copy(scored_corpus.path, path)
    db = open_database(path)
    rng = random.Random(7)
    for doc in scored_corpus.docs.values():
        length = len(get_document(db, doc).text)
        for reviewer in scored_corpus.reviewers.values():
            for _ in range(12):
                start = rng.randrange(0, max(1, length - 80))
                create_annotation(db, doc, start, start + rng.randint(1, 80), reviewer_id=reviewer,
                                  comment=rng.choice(HOSTILE) + rng.choice(["", "\n", "\x07"]) + rng.choice(HOSTILE))
    yield db
    db.conn.close()


def describe(path) -> dict[str, Any]:
    """Everything a reader sees of the workbook: each cell (value, type, formula, format), row heights, column
    widths, merged cells, validations, freeze panes, print setup, and the package's pictures and charts."""
    wb = load_workbook(path)
    out: dict[str, Any] = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if ws.title == "说明" and c.column == 2 and ws.cell(row=c.row, column=1).value == "导出时间":
                    continue  # two exports may straddle a minute
                cells.append((c.coordinate, c.value, c.data_type, bool(c.quotePrefix), c.number_format, c.font.name,
                              c.font.sz, c.font.b, c.border.left.style, c.border.bottom.style, c.fill.fgColor.rgb,
                              c.fill.fill_type, c.alignment.wrap_text, c.alignment.vertical, c.alignment.horizontal))
        out[ws.title] = {
            "cells": cells,
            "heights": {r: d.height for r, d in ws.row_dimensions.items() if d.height is not None},
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "validations": [(str(v.sqref), v.type, v.formula1, v.errorStyle, v.prompt, v.error)
                            for v in ws.data_validations.dataValidation],
            "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "print_titles": ws.print_title_rows,
            "setup": (ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth,
                      ws.oddHeader.center.text, ws.oddFooter.center.text),
        }
    with zipfile.ZipFile(path) as zf:
        out["media"] = {n: zf.read(n) for n in zf.namelist() if n.startswith(("xl/media/", "xl/charts/"))}
    return out


def reference_export(db, out, monkeypatch) -> None:
    """The export as main wrote it: the frozen row writer, XlsxWriter's own worksheet (every formula through all
    its rewrites), the charts drawn in this process."""
    with monkeypatch.context() as m:
        m.setattr(to_xlsx, "RowStream", ReferenceRowStream)
        m.setattr(to_xlsx, "FormulaSheet", Worksheet)
        if hasattr(to_xlsx, "CHARTS_IN_CHILD_FROM"):
            m.setattr(to_xlsx, "CHARTS_IN_CHILD_FROM", math.inf)
        export(db, "xlsx", out)


@pytest.mark.parametrize("charts_in_child", [False, True])
def test_xlsx_holds_the_same_cells_as_the_reference_writer(hostile_db, tmp_path, monkeypatch, charts_in_child):
    reference, new = tmp_path / "reference.xlsx", tmp_path / "new.xlsx"
    reference_export(hostile_db, reference, monkeypatch)
    if charts_in_child:  # the charts drawn in a child process (what a large export does) are the same pictures
        monkeypatch.setattr(to_xlsx, "CHARTS_IN_CHILD_FROM", 0)
    export(hostile_db, "xlsx", new)
    expected, got = describe(reference), describe(new)
    assert got["sheets"] == expected["sheets"]
    for key in expected:
        assert got[key] == expected[key], key
    annotations = [v for (_, v, *_rest) in got["批注"]["cells"] if isinstance(v, str)]
    # the corpus does reach the cases: formula starts kept as quoted text, XML-illegal characters dropped
    assert any(v.startswith("=SUM") for v in annotations) and any("多行\n" in v for v in annotations)
    assert not any("\x01" in v or "\ufffe" in v for v in annotations)
    assert any(quoted for (_, _, _, quoted, *_rest) in got["批注"]["cells"])


FUNCTION_NAMES = ["IF", "SUM", "SUMPRODUCT", "ROUND", "COUNTIF", "MEDIAN", "FILTER", "SORT", "SORTBY", "XLOOKUP",
                  "SINGLE", "ISINGLE", "UNIQUE", "LAMBDA", "MAP", "SEQUENCE", "_xlfn.SORT", "ACOT", "STDEV.S"]


@given(st.lists(st.one_of(st.sampled_from(FUNCTION_NAMES), st.sampled_from(["(", ")", ",", "A1", "=", "{", "}",
                                                                           " ", '"x("', "B$2:C$2"])),
                max_size=12).map("".join), st.booleans())
@example("=IF(A1>0,SORT(B1:B9),0)", False)
@example("{=SUM(A1:A3*B1:B3)}", False)
@example("xSINGLE(A1)", False)
@example(to_xlsx.total_formula("D", "K", 4, 8), False)
@example("ACOT(1)", True)
def test_formula_sheet_prepares_formulas_as_xlsxwriter_does(formula, future):
    ours, theirs = FormulaSheet(), Worksheet()
    ours.use_future_functions = theirs.use_future_functions = future
    assert ours._prepare_formula(formula) == theirs._prepare_formula(formula)
    assert ours._prepare_formula(formula, True) == theirs._prepare_formula(formula, True)


_EXPORT_TIME = re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d")  # 说明's 导出时间: two exports may straddle a minute


def package(path) -> dict[str, bytes]:
    """Every part of an xlsx package by name (the export time and the package's own timestamps left out)."""
    with zipfile.ZipFile(path) as zf:
        return {n: _EXPORT_TIME.sub(b"<time>", zf.read(n)) for n in zf.namelist() if not n.startswith("docProps/")}


def test_rows_written_as_xml_are_the_bytes_xlsxwriter_writes_cell_by_cell(hostile_db, tmp_path, monkeypatch):
    """The fast path (a row's cells as one string of XML) writes every sheet byte for byte as XlsxWriter's own
    cell calls do: values, types, formats and their numbering, row heights, escapes (a failure names the part)."""
    monkeypatch.setattr(to_xlsx, "CHARTS_IN_CHILD_FROM", math.inf)
    cell_by_cell, new = tmp_path / "cells.xlsx", tmp_path / "rows.xlsx"
    with monkeypatch.context() as m:
        m.setattr(FormulaSheet, "streams_rows", lambda self: False)
        export(hostile_db, "xlsx", cell_by_cell)
    rows_as_xml = []
    end_row = FormulaSheet.end_row
    monkeypatch.setattr(FormulaSheet, "end_row", lambda self, row, *a: rows_as_xml.append(row) or end_row(self, row, *a))
    export(hostile_db, "xlsx", new)
    assert len(rows_as_xml) > 100  # the fast path did write the rows (every sheet's but those with formulas)
    expected, got = package(cell_by_cell), package(new)
    assert sorted(got) == sorted(expected)
    for name in expected:
        assert got[name] == expected[name], name
    sheets = [n for n in got if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) >= 6 and any(b"_x000D_" in got[n] for n in sheets)  # the hostile texts reached the sheets


def _as_read(value: Any) -> Any:
    """A value as openpyxl reads it back from a cell written from ``value`` (a Formula: its cached value)."""
    if isinstance(value, Formula):
        value = value.value
    if isinstance(value, str):  # openpyxl does not decode Excel's _xHHHH_ escapes (a carriage return: _x000D_)
        value = Worksheet._escape_control_characters(xml_safe(value)[:MAX_CELL])
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return None if value == "" else value


def _read_rows(ws, header_row: int) -> list[dict[str, Any]]:
    headers = [c.value for c in ws[header_row]]
    return [dict(zip(headers, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=header_row + 1)]


@pytest.mark.parametrize("rows_as_xml", [True, False])
def test_every_value_core_computes_is_in_the_workbook_unchanged(hostile_db, tmp_path, monkeypatch, rows_as_xml):
    """Read back with openpyxl, every row of 汇总, 评审汇总, 批注 and 必备部分 holds, column by column (by header),
    the values core computes for it (desktop.core.export.sheets): nothing dropped, moved, rounded or reformatted;
    and the totals and scores are the score model's (desktop.core.panel.summary) numbers. Both ways of writing
    the rows: as XML (the fast path) and through XlsxWriter's public per-cell methods (its fallback)."""
    if not rows_as_xml:
        monkeypatch.setattr(FormulaSheet, "streams_rows", lambda self: False)
    from desktop.core.export.data import collect_export_data
    from desktop.core.export.sheets.panel_table import final_cell, panel_columns, panel_row
    from desktop.core.export.sheets.tables import (
        annotation_columns,
        annotation_rows,
        section_columns,
        section_rows,
        summary_columns,
        summary_row,
        total_value,
    )
    from desktop.core.export.target import bound_texts

    out = tmp_path / "sheet.xlsx"
    export(hostile_db, "xlsx", out)
    data = bound_texts(collect_export_data(hostile_db))
    wb = load_workbook(out, data_only=True)  # formulas read as the value cached with them

    def check(sheet: str, header_row: int, columns, expected_rows) -> list[dict[str, Any]]:
        got = _read_rows(wb[sheet], header_row)
        headers = [c.header for c in columns]
        expected = [dict(zip(headers, map(_as_read, values), strict=True)) for values in expected_rows]
        assert len(got) == len(expected) > 0, sheet
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            assert g == e, (sheet, i)
        return got

    summary = check("汇总", to_xlsx.SUMMARY_HEADER_ROW, summary_columns(data, printable=True),
                    [summary_row(data, i, row, printable=True) for i, row in enumerate(data.rows, 1)])
    total_header = summary_columns(data, printable=True)[criterion_columns_end(data) + 1].header
    for row, read in zip(data.rows, summary, strict=True):
        assert read[total_header] == (row.total if row.complete else (row.completion_label if row.scored else None))
        assert read[total_header] == _as_read(total_value(row))
        for c in data.rubric.criteria:  # each score as the reviewer set it
            entry = row.scores.get(c.id)
            value = read[summary_columns(data, printable=True)[3 + data.rubric.criteria.index(c)].header]
            assert value == ("不适用" if entry and entry.not_applicable else (entry.value if entry else None))
    assert any(isinstance(r[total_header], float) for r in summary)  # complete reviews reached the sheet

    panel = data.panel
    assert panel is not None
    at = {(row.document.id, row.reviewer_id): to_xlsx.SUMMARY_HEADER_ROW + i
          for i, row in enumerate(data.rows, 1) if row.reviewer_id is not None}
    check("评审汇总", to_xlsx.SUMMARY_HEADER_ROW, panel_columns(data, panel),
          [panel_row(data, panel, i, report, final=final_cell(data, panel, to_xlsx.SUMMARY_HEADER_ROW + i, report, at))
           for i, report in enumerate(panel.reports, 1)])
    notes = check("批注", 1, annotation_columns(), list(annotation_rows(data)))
    assert len(notes) == len(data.annotations) >= 100
    check("必备部分", 1, section_columns(), list(section_rows(data)))


def criterion_columns_end(data) -> int:
    from desktop.core.export.sheets.tables import criterion_columns

    return criterion_columns(data, printable=True)[1]


def test_text_that_looks_like_rich_text_markup_stays_text(hostile_db, tmp_path):
    """XlsxWriter passes a text from ``<r>`` to ``</r>`` into the sheet as rich-text XML, unescaped (a comment
    ``<r>a & b</r>`` made a workbook that does not open); the sheet writes it as the text it is."""
    doc = hostile_db.execute("SELECT id FROM documents WHERE replaced_by IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    reviewer = hostile_db.execute("SELECT id FROM reviewers ORDER BY name LIMIT 1").fetchone()[0]
    texts = ["<r>a & b</r>", "<r><t>粗体</t></r>", "<r><rPr><b/></rPr><t>x</t></r>"]
    for i, text in enumerate(texts):
        create_annotation(hostile_db, doc, 10 * i, 10 * i + 5, reviewer_id=reviewer, comment=text)
    out = tmp_path / "sheet.xlsx"
    export(hostile_db, "xlsx", out)
    notes = load_workbook(out)["批注"]
    comments = {c.value for c in notes[get_column_letter(_read_headers(notes).index("批注意见") + 1)]}
    assert set(texts) <= comments


def _read_headers(ws) -> list[Any]:
    return [c.value for c in ws[1]]


def test_the_charts_child_started_before_the_data_is_read_ends_with_the_export(hostile_db, tmp_path, monkeypatch):
    """The charts' child starts before the export reads its data; it is ended whatever happens next: the export
    done (its pictures in the workbook), or failed while reading (nothing sent: the child is not left waiting)."""
    import desktop.core.export.data as export_data

    started: list[to_xlsx.EarlyCharts] = []
    early = to_xlsx.start_charts_early
    monkeypatch.setattr(to_xlsx, "CHARTS_IN_CHILD_FROM", 0)
    monkeypatch.setattr(to_xlsx, "start_charts_early", lambda n: started.append(early(n)) or started[-1])
    export(hostile_db, "xlsx", tmp_path / "done.xlsx")
    with zipfile.ZipFile(tmp_path / "done.xlsx") as zf:
        assert len([n for n in zf.namelist() if n.startswith("xl/media/")]) == 5
    assert len(started) == 1 and not started[0].job._child.is_alive()

    def unreadable(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(export_data, "collect_export_data", unreadable)
    with pytest.raises(RuntimeError, match="went away"):
        export(hostile_db, "xlsx", tmp_path / "failed.xlsx")
    assert len(started) == 2 and not started[1].job._child.is_alive() and started[1].job._child.exitcode is not None
    assert not (tmp_path / "failed.xlsx").exists()


def test_no_charts_child_for_one_reviewer_or_a_few_reports(hostile_db, tmp_path, monkeypatch):
    """A workbook without charts (one reviewer's) or too small for a child's start-up to pay starts none."""
    started = []
    monkeypatch.setattr(to_xlsx, "EarlyCharts", lambda: started.append(1))
    reviewer = hostile_db.execute("SELECT name FROM reviewers ORDER BY name LIMIT 1").fetchone()[0]
    export(hostile_db, "xlsx", tmp_path / "one.xlsx", reviewer=reviewer)
    ids = [r[0] for r in hostile_db.execute("SELECT id FROM documents WHERE replaced_by IS NULL LIMIT 2")]
    export(hostile_db, "xlsx", tmp_path / "two.xlsx", document_ids=ids)
    assert started == []
    monkeypatch.setattr(to_xlsx, "CHARTS_IN_CHILD_FROM", 4)  # 2 reports x about 2 reviewers: worth a child now
    export(hostile_db, "xlsx", tmp_path / "two.xlsx", document_ids=ids)
    assert started == [1]


@pytest.mark.parametrize("missing", [*FormulaSheet._PRIVATE_METHODS, *FormulaSheet._PRIVATE_VALUES])
def test_the_fast_path_is_off_without_any_private_member_it_uses(missing, tmp_path):
    """Another XlsxWriter without one of the members the fast path relies on: rows go through the public
    per-cell methods (the workbook is the same either way: see the tests above)."""
    from xlsxwriter.workbook import Workbook

    wb = Workbook(str(tmp_path / "x.xlsx"), {"constant_memory": True, "tmpdir": str(tmp_path)})
    ws = wb.add_worksheet("s", worksheet_class=FormulaSheet)
    assert ws.streams_rows()
    blocked = type("Older", (FormulaSheet,), {missing: property(lambda self: (_ for _ in ()).throw(AttributeError))})
    ws.__class__ = blocked
    assert not ws.streams_rows()
    ws.__class__ = FormulaSheet
    wb.close()
