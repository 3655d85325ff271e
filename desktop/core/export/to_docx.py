"""Review sheets as a Word document (python-docx): one sheet per report and reviewer, each on its own pages.

Fonts are named as Chinese offices expect (宋体 for text, 黑体 for headings, set for East Asian text too);
Word and WPS use them, LibreOffice substitutes its CJK font. The paper is A4 portrait.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from desktop.core.export.data import ExportData
from desktop.core.export.safe import xml_safe
from desktop.core.export.sheet import CRITERIA_HEADERS, SheetContent, sheet_content
from desktop.core.progress import Progress

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
_CRITERIA_WIDTHS = (Cm(1.0), Cm(3.4), Cm(1.3), Cm(1.3), Cm(1.3), Cm(1.5), Cm(6.9))
_DETAIL_WIDTHS = (Cm(2.8), Cm(5.2), Cm(2.8), Cm(5.2))


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _text(paragraph, text: str, *, font: str = BODY_FONT, size: float = 10.5, bold: bool = False) -> None:
    lines = xml_safe(text).split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        _font(run, font, size, bold)
        if i < len(lines) - 1:
            run.add_break()


def _cell(cell, text: str, *, bold: bool = False, center: bool = False, size: float = 10.5) -> None:
    p = cell.paragraphs[0]
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(p, text, size=size, bold=bold, font=HEADING_FONT if bold else BODY_FONT)


def _heading(doc, text: str, size: float = 12) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(10)
    p.paragraph_format.space_after = Pt(4)
    _text(p, text, font=HEADING_FONT, size=size, bold=True)


def _widths(table, widths) -> None:
    # Word reads the cell widths, LibreOffice the grid columns: set both, with autofit off.
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def add_sheet(doc, sheet: SheetContent, *, new_page: bool = False) -> None:
    """Append one review sheet to the document (starting a new page when ``new_page``)."""
    title = doc.add_paragraph()
    title.paragraph_format.page_break_before = new_page
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(8)
    _text(title, sheet.title, font=HEADING_FONT, size=18, bold=True)

    details = doc.add_table(rows=0, cols=4)
    details.style = "Table Grid"
    details.alignment = WD_TABLE_ALIGNMENT.CENTER
    first, *rest = sheet.details
    cells = details.add_row().cells
    _cell(cells[0], first[0], bold=True)
    merged = cells[1].merge(cells[3])
    _cell(merged, first[1])
    for i in range(0, len(rest), 2):
        cells = details.add_row().cells
        pair = rest[i:i + 2]
        for j, (label, value) in enumerate(pair):
            _cell(cells[2 * j], label, bold=True)
            _cell(cells[2 * j + 1], value)
        if len(pair) == 1:
            cells[1].merge(cells[3])
    _widths(details, _DETAIL_WIDTHS)

    _heading(doc, "一、评分情况")
    table = doc.add_table(rows=1, cols=len(CRITERIA_HEADERS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, CRITERIA_HEADERS, strict=True):
        _cell(cell, header, bold=True, center=True)
    for line in sheet.criteria:
        cells = table.add_row().cells
        for k, value in enumerate((str(line.number), line.title, line.max_points, line.weight, line.score,
                                   line.weighted)):
            _cell(cells[k], value, center=k != 1)
        _cell(cells[6], line.explanation, size=9)
    cells = table.add_row().cells
    label = cells[0].merge(cells[4])
    _cell(label, f"合计（满分{sheet.weights_total}分）", bold=True, center=True)
    _cell(cells[5], sheet.total, bold=True, center=True)
    _widths(table, _CRITERIA_WIDTHS)

    _heading(doc, "二、总体评价")
    p = doc.add_paragraph()
    _text(p, sheet.overall_comment or "（未填写）")

    _heading(doc, "三、重点批注摘录")
    if not sheet.passages:
        _text(doc.add_paragraph(), "（无批注）")
    for passage in sheet.passages:
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Cm(0.6)
        p.paragraph_format.first_line_indent = Cm(-0.6)
        p.paragraph_format.space_after = Pt(3)
        _text(p, f"{passage.number}. 【{passage.where}】", font=HEADING_FONT, size=10)
        _text(p, f"“{passage.quote}”", size=10)
        if passage.comment:
            _text(p, f" 批注：{passage.comment}", size=10)
        if passage.evidence:
            run = p.add_run(f"（评分依据：{passage.evidence}）")
            _font(run, BODY_FONT, 9)
            run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    if sheet.more_passages:
        _text(doc.add_paragraph(), f"另有 {sheet.more_passages} 条批注，见 Excel 评阅表“批注”工作表。", size=9)

    sign = doc.add_paragraph()
    sign.paragraph_format.space_before = Pt(18)
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _text(sign, f"评阅人：{sheet.reviewer or '__________'}　　　　评阅日期：{sheet.date}　　（{sheet.status}）")


def write_docx(data: ExportData, path: Path, progress: Progress) -> int:
    """Write every sheet row as a review sheet; return the number of sheets."""
    doc = Document()
    _setup(doc)
    # python-docx inserts each new element before the section properties by scanning the body, which makes a
    # long document quadratic: each sheet is built in a small scratch document and its elements moved over.
    scratch = Document()
    _setup(scratch)
    body = doc.element.body
    sect = body.sectPr
    if sect is not None:
        body.remove(sect)
    total = len(data.rows)
    for i, row in enumerate(data.rows):
        progress.check()
        if i % 20 == 0:
            progress.update(i, total, "docx")
        add_sheet(scratch, sheet_content(data, row), new_page=i > 0)
        for element in list(scratch.element.body):
            if element.tag != qn("w:sectPr"):
                body.append(element)
    if sect is not None:
        body.append(sect)
    progress.update(total, total, "saving")
    doc.save(str(path))
    return total
