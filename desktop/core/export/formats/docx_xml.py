"""WordprocessingML body elements (paragraphs, runs, tables) written directly as text.

A review sheet is a few hundred elements; building them through python-docx's object layer cost ~70 ms a sheet
(an lxml element and a Python proxy per run and cell, and a scan of the document for each new element). Here
each element is one formatted string, the same markup python-docx writes, so a sheet costs a fraction of a
millisecond and the cost is linear in the number of sheets. Every text is escaped (``&``, ``<``, ``>``) and
stripped of the characters XML cannot hold: report and reviewers' text is data, never markup. Style ids come from
the template the document is based on (desktop.core.export.formats.to_docx); widths are in centimetres.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from desktop.core.export.safe import xml_safe

TWIPS_PER_CM = 1440 / 2.54


def twips(cm: float) -> int:
    return int(cm * TWIPS_PER_CM)


def text(value: str) -> str:
    """``value`` as XML character data: escaped, without characters XML 1.0 cannot hold."""
    return escape(xml_safe(value))


def runs(value: str, style_id: str | None = None) -> str:
    """Runs of ``value``, one per line, a line break after each but the last (as python-docx's add_break)."""
    rpr = f'<w:rPr><w:rStyle w:val="{style_id}"/></w:rPr>' if style_id else ""
    lines = value.split("\n")
    last = len(lines) - 1
    return "".join(f'<w:r>{rpr}<w:t xml:space="preserve">{text(line)}</w:t>{"<w:br/>" if i < last else ""}</w:r>'
                   for i, line in enumerate(lines))


def paragraph(style_id: str, content: str = "", keep_next: bool | None = None) -> str:
    """A paragraph in a named style holding ``content`` (runs); ``keep_next`` sets or clears w:keepNext."""
    keep = "" if keep_next is None else ("<w:keepNext/>" if keep_next else '<w:keepNext w:val="0"/>')
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}</w:pPr>{content}</w:p>'


def text_paragraph(style_id: str, value: str, keep_next: bool | None = None) -> str:
    return paragraph(style_id, runs(value), keep_next)


@dataclass(frozen=True)
class Cell:
    """A table cell: its text in a paragraph style, spanning ``span`` grid columns."""

    value: str
    style_id: str
    span: int = 1


def table(style_id: str, widths_cm: Sequence[float], rows: Sequence[Sequence[Cell]]) -> str:
    """A centred table of fixed column widths (Word reads the cell widths, LibreOffice the grid: both are set)."""
    grid = [twips(w) for w in widths_cm]
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
           'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>',
           *(f'<w:gridCol w:w="{w}"/>' for w in grid), "</w:tblGrid>"]
    for row in rows:
        out.append("<w:tr>")
        column = 0
        for cell in row:
            width = sum(grid[column:column + cell.span])
            span = f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{span}</w:tcPr>'
                       f"{text_paragraph(cell.style_id, cell.value)}</w:tc>")
            column += cell.span
        if column != len(grid):
            raise ValueError(f"a table row covers {column} of {len(grid)} columns")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
