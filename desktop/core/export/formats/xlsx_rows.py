"""Stream rows of plain values into an XlsxWriter worksheet, each column in its own format.

The workbook is written in XlsxWriter's ``constant_memory`` mode (public API): each row goes to a temporary file
as soon as the next one starts, so memory does not grow with the number of rows, and text is stored inline in
the cell. :class:`RowStream` keeps one Format per (column, header, quoted, fill) and writes each value with the
method of its type, so nothing is guessed from the text.

Formula injection: a text starting like a formula is written as a string with the quote-prefix format, so it is
shown and kept as text (see desktop.core.export.safe). The only formulas are the sheet's own
(:class:`~desktop.core.export.sheets.tables.Formula` values), written with their current value cached so that
readers which do not calculate (and a printout before any recalculation) show the right number.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from desktop.core.export.safe import FORMULA_STARTS, looks_like_formula, xml_safe
from desktop.core.export.sheets.tables import Formula, Value

LINE_HEIGHT = 13.0  # points per line of 10-point text
MAX_CELL = 32_767  # characters Excel holds in one cell
_KEPT_TEXT, _KEPT_TEXTS = 64, 4096  # a RowStream keeps the cells of texts this short, up to this many a column


@dataclass(frozen=True)
class CellFormat:
    """How the cells of one column look, as XlsxWriter format properties (font, border, alignment, fill…)."""

    properties: dict[str, Any] = field(default_factory=dict)

    def with_(self, **more: Any) -> CellFormat:
        return CellFormat({**self.properties, **more})

    @property
    def wraps(self) -> bool:
        return bool(self.properties.get("text_wrap"))


def text_lines(value: str, width: float) -> int:
    """How many lines ``value`` takes in a column ``width`` characters wide (a CJK character counts 2)."""
    # (UTF-8 bytes + characters) / 2 is 2 for a CJK character (3 bytes) and 1 for an ASCII one, computed in C
    if "\n" not in value:  # most cells: one paragraph
        return max(1, math.ceil((len(value.encode("utf-8")) + len(value)) / 2 / width))
    return sum(max(1, math.ceil((len(part.encode("utf-8")) + len(part)) / 2 / width)) for part in value.split("\n"))


# The functions XlsxWriter prefixes (_xlfn.) in a formula, each followed by "(": a formula naming none of them
# comes out of its preparation as it went in (without a leading "=" and array braces). "INGLE(" stands for its
# \SINGLE\( pattern (any character before INGLE); no \b, so that this is a superset of what it rewrites.
_EXPANDED = re.compile(r"(?:ANCHORARRAY|BYCOL|BYROW|CHOOSECOLS|CHOOSEROWS|DROP|EXPAND|FILTER|HSTACK|LAMBDA|MAKEARRAY|MAP"
                       r"|RANDARRAY|REDUCE|SCAN|INGLE|SEQUENCE|SORT|SORTBY|SWITCH|TAKE|TEXTSPLIT|TOCOL|TOROW|UNIQUE"
                       r"|VSTACK|WRAPCOLS|WRAPROWS|XLOOKUP)\(")


class FormulaSheet(Worksheet):
    """An XlsxWriter worksheet (added with ``add_worksheet(name, worksheet_class=FormulaSheet)``) whose formulas
    skip XlsxWriter's 29 rewrites for dynamic-array functions when they name none of them: the sheet's totals name
    only IF, COUNT, COUNTIF, SUM, SUMIF, ROUND, SUMPRODUCT, N, AVERAGE, MEDIAN, MAX and MIN, and the rewrites cost
    ~0.2 ms a formula (0.5 s of a 1,000-report workbook). What is written is the same (tests compare the cells)."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        if self.use_future_functions or expand_future_functions or "_xlfn." in formula or _EXPANDED.search(formula):
            return super()._prepare_formula(formula, expand_future_functions)
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula

    # Rows written as XML (RowStream's fast path). XlsxWriter's per-cell path costs ~6 µs a cell (a call, a tuple
    # stored, then per cell at the row's flush: A1 name, format index, type dispatch, three regexes, an XML writer
    # call): 2.5 s of the 400,000 cells of a 1,000-report workbook. These two methods are the only place that
    # relies on how XlsxWriter writes a row in constant_memory mode (its row file, the row it holds, the sheet's
    # dimensions; XlsxWriter is pinned in requirements.lock): tests/core/export/test_xlsx_same_cells.py checks
    # that the sheets' XML is byte for byte what XlsxWriter's own calls write.

    # What the fast path uses of XlsxWriter's internals: without every one of them (another XlsxWriter), rows go
    # through the public per-cell methods.
    _PRIVATE_METHODS = ("_write_single_row", "_check_dimensions", "_convert_date_time", "_escape_control_characters")
    _PRIVATE_VALUES = ("row_data_fh", "row_data_fh_closed", "fh", "original_row_height", "default_row_height",
                       "constant_memory", "use_future_functions")

    def streams_rows(self) -> bool:
        """Whether rows can be written here as XML: constant_memory mode, rows still going to the row file, and
        every private member the fast path uses present (Format._get_xf_index included)."""
        if not all(callable(getattr(self, name, None)) for name in self._PRIVATE_METHODS):
            return False
        if not all(hasattr(self, name) for name in self._PRIVATE_VALUES) or not callable(
                getattr(Format, "_get_xf_index", None)):
            return False
        fh = self.row_data_fh
        return bool(self.constant_memory) and fh is not None and self.fh is fh and not self.row_data_fh_closed

    def begin_row(self, row: int, last_col: int) -> None:
        """Make ``row`` (0-based) the current row before its XML is written: the row XlsxWriter holds (cells
        written one by one, e.g. a row with formulas) is written out first, and the dimensions take the row in."""
        self._write_single_row(row)
        self._check_dimensions(row, 0)
        self._check_dimensions(row, last_col)

    def end_row(self, row: int, cells: str, height: float | None) -> None:
        """Write ``row`` with its cells' XML (after :meth:`begin_row`), ``height`` in points as set_row takes it."""
        if height is None:
            self.fh.write(f'<row r="{row + 1}">{cells}</row>')
            return
        pixels = int(height * 4.0 / 3.0 + 0.5)  # as set_row rounds it
        if pixels == self.original_row_height == self.default_row_height:
            self.fh.write(f'<row r="{row + 1}">{cells}</row>')
        else:
            self.fh.write(f'<row r="{row + 1}" ht="{pixels * 0.75:.16g}" customHeight="1">{cells}</row>')

    def excel_date(self, value: dt.datetime) -> float:
        """The Excel serial number of a date and time (the workbook's epoch)."""
        return float(self._convert_date_time(value))


def _column_name(col: int) -> str:
    """The letters of a 0-based column (A, B, …, Z, AA, …)."""
    letters, n = "", col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _inline_string(text: str) -> str:
    """The ``<is>`` element of a cell text as XlsxWriter writes it inline: Excel's _xHHHH_ escapes (a literal
    ``_x0041_`` protected, a carriage return as _x000D_), whitespace kept at either end, ``& < >`` as entities.
    Unlike XlsxWriter, a text that starts with ``<r>`` and ends with ``</r>`` is escaped too: it is a comment's
    text, never rich-text markup to pass through."""
    if "_x" in text or not text.isprintable():  # a carriage return is not printable
        text = Worksheet._escape_control_characters(text)
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<is><t{space}>{text}</t></is>"


class RowStream:
    """Appends rows of plain values to a worksheet, row after row (constant_memory needs them in order).

    ``fills`` maps a text value to a fill colour used for cells holding exactly that text. With ``widths``, a row
    whose wrapped text needs several lines gets that height: Excel fits rows when it opens a file, LibreOffice
    and WPS do not, and a cut-off comment would be lost on paper.

    On a :class:`FormulaSheet` in constant_memory mode a row without formulas is written as one string of XML
    (the same XML XlsxWriter writes for it, cell by cell); a row with a formula, or any row on another
    worksheet, goes through XlsxWriter's cell methods.
    """

    def __init__(self, workbook: Workbook, ws: Worksheet, formats: Sequence[CellFormat],
                 fills: dict[str, str] | None = None, header: CellFormat | None = None,
                 widths: Sequence[float] | None = None) -> None:
        self.workbook, self.ws = workbook, ws
        self.formats = list(formats)
        self.header_format = header
        usable = [max(2.0, w - 1.5) for w in widths] if widths else []
        self._body_wrap = [(i, w) for i, w in enumerate(usable) if self.formats[i].wraps]
        self._all_wrap = list(enumerate(usable))
        self._fills = fills or {}
        self._cache: dict[tuple, Format] = {}
        self._plain_formats: dict[bool, list[Format]] = {}
        # per header/body row, per column: the wrap width (0: the column does not wrap), the plain format's index
        # in the workbook's styles once used, and short texts' cells (see _append_xml)
        self._widths = {False: [w if self.formats[i].wraps else 0.0 for i, w in enumerate(usable)] or
                        [0.0] * len(self.formats), True: usable or [0.0] * len(self.formats)}
        self._indexes: dict[bool, list[int | None]] = {h: [None] * len(self.formats) for h in (False, True)}
        self._texts: dict[bool, list[dict[str, tuple[str, int]]]] = {h: [{} for _ in self.formats]
                                                                     for h in (False, True)}
        self.rows = 0  # rows written so far; the next row is this 0-based index
        self._writers = (ws.write_string, ws.write_number, ws.write_blank)
        self._fast = isinstance(ws, FormulaSheet) and ws.streams_rows()
        self._names = [_column_name(c) for c in range(len(self.formats))]

    def format(self, col: int, header: bool = False, quote: bool = False, fill: str | None = None) -> Format:
        """The workbook Format of a cell of column ``col`` (created once per combination)."""
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

    def _height(self, values: Sequence[Value], header: bool) -> float | None:
        """The row height (points) its wrapped text needs, or None for one line."""
        lines = 1
        for i, width in self._all_wrap if header else self._body_wrap:
            v = values[i]
            # a text of one line shorter than half the width fits (a CJK character is two wide): most cells
            if isinstance(v, str) and (2 * len(v) > width or "\n" in v):
                lines = max(lines, text_lines(v, width))
        return None if lines == 1 else round(lines * LINE_HEIGHT + 3, 1)

    def append(self, values: Sequence[Value], *, header: bool = False) -> None:
        """Append one row (``header``: in the header format).

        Called once per row of the largest sheets (40,000 annotations at 1,000 reports): each cell is written
        by the value's exact type with its column's format, nothing else per cell."""
        if len(values) != len(self.formats):
            raise ValueError(f"row has {len(values)} values for {len(self.formats)} columns")
        if self._fast and (Formula not in map(type, values)
                           or all(self._plain_formula(v) for v in values if type(v) is Formula)):
            self._append_xml(values, header)
            return
        ws, row = self.ws, self.rows
        self.rows += 1
        height = self._height(values, header)
        if height:
            ws.set_row(row, height)
        plain = self._plain(header)
        fills = self._fills
        write_string, write_number, write_blank = self._writers
        for col, value in enumerate(values):
            kind = type(value)
            if kind is str:
                text = _cell_text(value)  # type: ignore[arg-type]
                if not text:
                    write_blank(row, col, None, plain[col])
                elif text[0] in FORMULA_STARTS or text in fills:  # kept as text / tinted: a format of its own
                    write_string(row, col, text, self.format(col, header, looks_like_formula(text), fills.get(text)))
                else:
                    write_string(row, col, text, plain[col])
            elif kind is int or kind is float:
                write_number(row, col, value, plain[col])
            elif value is None:
                write_blank(row, col, None, plain[col])
            elif isinstance(value, Formula):
                cached: Any = value.value if value.value is not None else ""
                ws.write_formula(row, col, value.text, plain[col], cached)
            elif isinstance(value, dt.date):
                ws.write_datetime(row, col, _day(value), plain[col])
            else:
                write_number(row, col, value, plain[col])

    def _append_xml(self, values: Sequence[Value], header: bool) -> None:
        """Append one row as XML (see :class:`FormulaSheet`): the same cells, types, formats and height as the
        cell-by-cell path writes. A short text's cell (after its reference) and the lines it needs are kept per
        column: the report, reviewer, part and tag cells repeat from row to row."""
        ws = cast(FormulaSheet, self.ws)
        row = self.rows
        self.rows += 1
        ws.begin_row(row, len(values) - 1)  # before the formats' indexes: XlsxWriter numbers them in cell order
        texts = self._texts[header]
        indexes = self._indexes[header]
        names = self._names
        r = str(row + 1)
        lines = 1
        cells: list[str] = []
        add = cells.append
        for col, value in enumerate(values):
            kind = type(value)
            if kind is str:
                known = texts[col].get(value)  # type: ignore[arg-type]
                if known is None:
                    known = self._text_cell(col, value, header)  # type: ignore[arg-type]
                if known[1] > lines:
                    lines = known[1]
                add(f'<c r="{names[col]}{r}"{known[0]}')
                continue
            index = indexes[col]
            if index is None:
                index = indexes[col] = self._plain(header)[col]._get_xf_index()
            if kind is int or kind is float:
                add(f'<c r="{names[col]}{r}" s="{index}"><v>{_number(value):.16G}</v></c>')  # type: ignore[arg-type]
            elif value is None:
                add(f'<c r="{names[col]}{r}" s="{index}"/>')
            elif isinstance(value, dt.date):
                add(f'<c r="{names[col]}{r}" s="{index}"><v>{ws.excel_date(_day(value)):.16G}</v></c>')
            elif isinstance(value, Formula):
                add(f'<c r="{names[col]}{r}" s="{index}"{_formula_cell(ws._prepare_formula(value.text), value.value)}')
            else:
                add(f'<c r="{names[col]}{r}" s="{index}"><v>{_number(float(value)):.16G}</v></c>')
        ws.end_row(row, "".join(cells), None if lines == 1 else round(lines * LINE_HEIGHT + 3, 1))

    def _text_cell(self, col: int, value: str, header: bool) -> tuple[str, int]:
        """A text cell's XML after its reference, and the lines the text takes in its column (1 where the column
        does not wrap); kept for the column when the text is short (a long one rarely repeats)."""
        text = _cell_text(value)
        fmt = self._plain(header)[col]
        if text and (text[0] in FORMULA_STARTS or text in self._fills):  # kept as text / tinted: its own format
            fmt = self.format(col, header, looks_like_formula(text), self._fills.get(text))
        index = fmt._get_xf_index()
        if text:
            cell = f' s="{index}" t="inlineStr">{_inline_string(text)}</c>'
        else:
            cell = f' s="{index}"/>'
        width = self._widths[header][col]
        # a text of one line shorter than half the width fits (a CJK character is two wide): most cells
        lines = text_lines(value, width) if width and (2 * len(value) > width or "\n" in value) else 1
        if len(value) <= _KEPT_TEXT:
            kept = self._texts[header][col]
            if len(kept) >= _KEPT_TEXTS:
                kept.clear()
            kept[value] = (cell, lines)
        return cell, lines

    def _plain_formula(self, value: Formula) -> bool:
        """Whether XlsxWriter writes ``value`` as a plain formula cell (not a dynamic-array or array formula)."""
        text = value.text
        return not (self.ws.use_future_functions or _EXPANDED.search(text)
                    or (text.startswith("{") and text.endswith("}")))

    def _plain(self, header: bool) -> list[Format]:
        """Each column's format for a cell that needs nothing more (not formula-like text, no fill)."""
        found = self._plain_formats.get(header)
        if found is None:
            found = self._plain_formats[header] = [self.format(col, header) for col in range(len(self.formats))]
        return found


def _cell_text(value: str) -> str:
    """A text as a cell holds it: without what XML cannot hold, cut to what a cell holds."""
    if not value.isprintable():  # printable text holds nothing XML cannot (a C check, not a regex)
        value = xml_safe(value)
    if len(value) > MAX_CELL // 2:  # as XlsxWriter: the limit counts UTF-16 units (an emoji counts 2)
        value = value[:MAX_CELL]
        if len(value.encode("utf-16-le", "surrogatepass")) // 2 > MAX_CELL:
            units = 0
            for i, ch in enumerate(value):
                units += 2 if ord(ch) > 0xFFFF else 1
                if units > MAX_CELL:
                    value = value[:i]
                    break
    return value


_ERROR_CODES = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")


def _formula_cell(formula: str, value: str | int | float | None) -> str:
    """The rest of a formula cell's XML after its ``s`` attribute, as XlsxWriter writes it: the type of the
    cached value (t="str" for a text, t="e" for an error code), the formula and the value, ``& < >`` escaped."""
    kind, cached = "", "" if value is None else value
    if isinstance(cached, bool):
        kind, cached = ' t="b"', int(cached)
    elif isinstance(cached, str) and cached:
        kind = ' t="e"' if cached in _ERROR_CODES else ' t="str"'
    return f"{kind}><f>{_escape_data(formula)}</f><v>{_escape_data(cached)}</v></c>"


def _escape_data(value: object) -> str:
    text = str(value)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _number(value: float) -> float:
    """A number a cell can hold (XlsxWriter refuses NaN and infinities the same way)."""
    if value != value or value in (math.inf, -math.inf):
        raise TypeError("NAN/INF not supported in write_number() without 'nan_inf_to_errors' Workbook() option")
    return value


def _day(value: dt.date) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)


