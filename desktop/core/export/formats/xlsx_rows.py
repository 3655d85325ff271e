"""Stream styled rows into an openpyxl write-only worksheet, fast.

openpyxl writes a styled cell through several Python objects (a cell, a copied style array, a style lookup, a
generic writer), about 10 µs per cell: 5 s for the 500,000 cells of a large review sheet. :class:`RowStream`
prepares each column's style ids once and writes each row as one ``<row>`` element into the sheet's own XML
stream, a few µs per cell. It relies on two internals of openpyxl's write-only sheet (``_values_to_row`` and its
writer's ``write_row``); when they are missing it falls back to openpyxl's public cells, with the same result.

Formula injection: a text starting like a formula is written as an inline string with the quote-prefix style, so
it is shown and kept as text (see desktop.core.export.safe). The only formulas are the sheet's own
(:class:`~desktop.core.export.sheets.tables.Formula` values), written with their current value cached so that readers
which do not calculate (and a printout before any recalculation) show the right number.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from copy import copy
from types import MethodType

from lxml import etree
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.core.export.safe import looks_like_formula, xml_safe
from desktop.core.export.sheets.tables import Formula

Value = str | int | float | dt.date | Formula | None
LINE_HEIGHT = 13.0  # points per line of 10-point text
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class CellFormat:
    """How the cells of one column look (openpyxl style objects)."""

    def __init__(self, font: Font, border: Border, alignment: Alignment, number_format: str | None = None,
                 fill: PatternFill | None = None) -> None:
        self.font, self.border, self.alignment = font, border, alignment
        self.number_format, self.fill = number_format, fill

    def cell(self, ws, *, quote: bool = False, fill: PatternFill | None = None) -> WriteOnlyCell:
        proto = WriteOnlyCell(ws)
        proto.font, proto.border, proto.alignment = self.font, self.border, self.alignment
        if self.number_format:
            proto.number_format = self.number_format
        if fill or self.fill:
            proto.fill = fill or self.fill
        if quote:
            proto.quotePrefix = True
        return proto


def text_lines(value: str, width: float) -> int:
    """How many lines ``value`` takes in a column ``width`` characters wide (a CJK character counts 2)."""
    # (UTF-8 bytes + characters) / 2 is 2 for a CJK character (3 bytes) and 1 for an ASCII one, computed in C
    return sum(max(1, math.ceil((len(part.encode("utf-8")) + len(part)) / 2 / width)) for part in value.split("\n"))


class RowStream:
    """Appends rows of plain values to a write-only sheet, each column in its own format.

    Create it after the sheet's widths, freeze panes and views are set (openpyxl writes them before the first
    row). ``fills`` maps a text value to a fill used for cells holding exactly that text. With ``widths``, a row
    whose wrapped text needs several lines gets that height: Excel fits rows when it opens a file, LibreOffice
    and WPS do not, and a cut-off comment would be lost on paper.
    """

    def __init__(self, ws, formats: Sequence[CellFormat], fills: dict[str, PatternFill] | None = None,
                 header: CellFormat | None = None, widths: Sequence[float] | None = None) -> None:
        self.ws = ws
        self.formats = list(formats)
        self.header_format = header
        self.letters = [get_column_letter(i) for i in range(1, len(formats) + 1)]
        usable = [max(2.0, w - 1.5) for w in widths] if widths else []
        self._body_wrap = [(i, w) for i, w in enumerate(usable) if self.formats[i].alignment.wrap_text]
        self._all_wrap = list(enumerate(usable))
        self._protos: dict[tuple, WriteOnlyCell] = {}
        self._ids: dict[tuple, int] = {}
        self._fills = fills or {}
        self._heights: dict[int, float] = {}
        self.rows = 0
        self.fast = self._install()

    def _proto(self, key: tuple) -> WriteOnlyCell:
        """The prototype cell for (column, quoted, fill text, header)."""
        if key not in self._protos:
            col, quote, fill_key, header = key
            fmt = self.header_format if header and self.header_format else self.formats[col]
            self._protos[key] = fmt.cell(self.ws, quote=quote, fill=self._fills.get(fill_key) if fill_key else None)
        return self._protos[key]

    def _key(self, col: int, value: Value, header: bool) -> tuple:
        if not isinstance(value, str):
            return (col, False, None, header)
        return (col, looks_like_formula(value), value if value in self._fills else None, header)

    def _style_id(self, key: tuple) -> int:
        sid = self._ids.get(key)
        if sid is None:
            sid = self._ids[key] = self._proto(key).style_id
        return sid

    def _height(self, values: list[Value], header: bool) -> float | None:
        """The row height (points) its wrapped text needs, or None for one line."""
        lines = 1
        for i, width in self._all_wrap if header else self._body_wrap:
            v = values[i]
            if isinstance(v, str):
                lines = max(lines, text_lines(v, width))
        return None if lines == 1 else round(lines * LINE_HEIGHT + 3, 1)

    def _install(self) -> bool:
        ws = self.ws
        if not (hasattr(ws, "_values_to_row") and hasattr(ws, "_get_writer")):
            return False
        ws._get_writer()
        writer = getattr(ws, "_writer", None)
        if writer is None or not hasattr(writer, "write_row"):
            return False
        ws._values_to_row = MethodType(lambda _self, row, _idx: row, ws)
        writer.write_row = self._write_row
        return True

    def _write_row(self, xf, row: list[tuple[int, Value]], row_idx: int) -> None:
        r = str(row_idx)
        el = etree.Element("row", r=r)
        height = self._heights.pop(row_idx, None)
        if height:
            el.set("ht", str(height))
            el.set("customHeight", "1")
        for letter, (style, value) in zip(self.letters, row, strict=True):
            ref = letter + r
            s = str(style)
            if value is None or value == "":
                etree.SubElement(el, "c", r=ref, s=s)
            elif isinstance(value, Formula):
                c = etree.SubElement(el, "c", r=ref, s=s)
                etree.SubElement(c, "f").text = value.text
                if isinstance(value.value, str):
                    c.set("t", "str")
                    etree.SubElement(c, "v").text = value.value
                elif value.value is not None:
                    etree.SubElement(c, "v").text = repr(value.value)
            elif isinstance(value, str):
                c = etree.SubElement(el, "c", r=ref, s=s, t="inlineStr")
                t = etree.SubElement(etree.SubElement(c, "is"), "t")
                if value != value.strip():
                    t.set(_XML_SPACE, "preserve")
                t.text = value
            elif isinstance(value, dt.date):
                day = value.date() if isinstance(value, dt.datetime) else value
                etree.SubElement(etree.SubElement(el, "c", r=ref, s=s), "v").text = str((day - _EXCEL_EPOCH).days)
            else:
                etree.SubElement(etree.SubElement(el, "c", r=ref, s=s, t="n"), "v").text = repr(value)
        xf.write(el)

    def append(self, values: Sequence[Value], *, header: bool = False) -> None:
        """Append one row (``header``: in the header format)."""
        clean = [(xml_safe(v) or None) if isinstance(v, str) else v for v in values]
        if len(clean) != len(self.formats):
            raise ValueError(f"row has {len(clean)} values for {len(self.formats)} columns")
        self.rows += 1
        keys = [self._key(i, v, header) for i, v in enumerate(clean)]
        height = self._height(clean, header)
        if self.fast:
            self.ws._max_row = self.rows
            self.ws._max_col = len(clean)
            if height:
                self._heights[self.rows] = height
            self.ws.append([(self._style_id(k), v) for k, v in zip(keys, clean, strict=True)])
            return
        if height:
            self.ws.row_dimensions[self.rows].height = height
        cells = []
        for key, value in zip(keys, clean, strict=True):
            cell = WriteOnlyCell(self.ws, value=f"={value.text}" if isinstance(value, Formula) else value)
            cell._style = copy(self._proto(key)._style)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula
            cells.append(cell)
        self.ws.append(cells)
