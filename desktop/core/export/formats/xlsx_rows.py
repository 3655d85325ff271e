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
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from desktop.core.export.safe import FORMULA_STARTS, looks_like_formula, xml_safe
from desktop.core.export.sheets.tables import Formula, Value

LINE_HEIGHT = 13.0  # points per line of 10-point text
MAX_CELL = 32_767  # characters Excel holds in one cell


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


class RowStream:
    """Appends rows of plain values to a worksheet, row after row (constant_memory needs them in order).

    ``fills`` maps a text value to a fill colour used for cells holding exactly that text. With ``widths``, a row
    whose wrapped text needs several lines gets that height: Excel fits rows when it opens a file, LibreOffice
    and WPS do not, and a cut-off comment would be lost on paper.
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
        self.rows = 0  # rows written so far; the next row is this 0-based index
        self._writers = (ws.write_string, ws.write_number, ws.write_blank)

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

        Called once per row of the largest sheets (40,000 annotations at 1,000 reports): each cell's writer is
        chosen by the value's exact type and written with its column's format, nothing else per cell."""
        if len(values) != len(self.formats):
            raise ValueError(f"row has {len(values)} values for {len(self.formats)} columns")
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
                text: str = value  # type: ignore[assignment]
                if not text.isprintable():  # printable text holds nothing XML cannot (a C check, not a regex)
                    text = xml_safe(text)
                if len(text) > MAX_CELL:
                    text = text[:MAX_CELL]
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
                day = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
                ws.write_datetime(row, col, day, plain[col])
            else:
                write_number(row, col, value, plain[col])

    def _plain(self, header: bool) -> list[Format]:
        """Each column's format for a cell that needs nothing more (not formula-like text, no fill)."""
        found = self._plain_formats.get(header)
        if found is None:
            found = self._plain_formats[header] = [self.format(col, header) for col in range(len(self.formats))]
        return found
