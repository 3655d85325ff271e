"""Review sheets as a Word document (python-docx): one sheet per report and reviewer, each its own section.

Fonts are named as Chinese offices expect (宋体 for text, 黑体 for headings, set for East Asian text too);
Word and WPS use them, LibreOffice substitutes its CJK font. The paper is A4 portrait. All formatting lives in a
few named styles defined once per document (runs carry no formatting of their own), which keeps a document of
thousands of sheets small and fast to build. Each sheet is a section with the report's name in its header and
第 X 页 共 Y 页 in its footer (Word fields PAGE and NUMPAGES), and is written out as soon as it is built
(:mod:`desktop.core.export.formats.docx_stream`), so memory does not grow with the number of sheets. The sign-off block
is kept on one page with the paragraph before it, so a signature never stands alone on a page.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from desktop.core.export.data import ExportData
from desktop.core.export.formats.docx_stream import DocxStream
from desktop.core.export.safe import xml_safe
from desktop.core.export.sheets.review_sheet import (
    CRITERIA_HEADERS,
    PanelSheetContent,
    SheetContent,
    panel_sheet_content,
    sheet_content,
    sheet_sequence,
)
from desktop.core.progress import Progress

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
_CRITERIA_WIDTHS = (Cm(1.2), Cm(3.4), Cm(1.3), Cm(1.3), Cm(1.3), Cm(1.5), Cm(6.7))
_DETAIL_WIDTHS = (Cm(2.8), Cm(5.2), Cm(2.8), Cm(6.2))

# name: (type, font, size, bold, alignment, space before, space after)
_STYLES = {
    "RD Title": (WD_STYLE_TYPE.PARAGRAPH, HEADING_FONT, 18, True, WD_ALIGN_PARAGRAPH.CENTER, 0, 8),
    "RD Heading": (WD_STYLE_TYPE.PARAGRAPH, HEADING_FONT, 12, True, None, 10, 4),
    "RD Text": (WD_STYLE_TYPE.PARAGRAPH, BODY_FONT, 10.5, False, None, 0, 0),
    "RD Cell": (WD_STYLE_TYPE.PARAGRAPH, BODY_FONT, 10.5, False, None, 0, 0),
    "RD Cell Center": (WD_STYLE_TYPE.PARAGRAPH, BODY_FONT, 10.5, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 0),
    "RD Cell Label": (WD_STYLE_TYPE.PARAGRAPH, HEADING_FONT, 10.5, True, None, 0, 0),
    "RD Cell Head": (WD_STYLE_TYPE.PARAGRAPH, HEADING_FONT, 10.5, True, WD_ALIGN_PARAGRAPH.CENTER, 0, 0),
    "RD Cell Small": (WD_STYLE_TYPE.PARAGRAPH, BODY_FONT, 9, False, None, 0, 0),
    "RD Passage": (WD_STYLE_TYPE.PARAGRAPH, BODY_FONT, 10, False, None, 0, 3),
    "RD Note": (WD_STYLE_TYPE.PARAGRAPH, BODY_FONT, 9, False, None, 0, 0),
    "RD Sign": (WD_STYLE_TYPE.PARAGRAPH, BODY_FONT, 12, False, WD_ALIGN_PARAGRAPH.RIGHT, 24, 6),
    "RD Record": (WD_STYLE_TYPE.PARAGRAPH, BODY_FONT, 9, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, 0),
    "RD Mark": (WD_STYLE_TYPE.CHARACTER, HEADING_FONT, 10, False, None, 0, 0),
    "RD Gray": (WD_STYLE_TYPE.CHARACTER, BODY_FONT, 9, False, None, 0, 0),
}


def _setup(doc) -> dict[str, str]:
    """A4 page, and the sheet's named styles; returns their style ids by name."""
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    styles = {}
    for name, (kind, font, size, bold, align, before, after) in _STYLES.items():
        style = doc.styles.add_style(name, kind)
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = normal
            style.paragraph_format.alignment = align
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(after)
        style.font.name = font
        style.font.size = Pt(size)
        style.font.bold = bold
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        styles[name] = style
    styles["RD Gray"].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    styles["RD Record"].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    styles["RD Heading"].paragraph_format.keep_with_next = True
    styles["RD Sign"].paragraph_format.keep_with_next = True
    passage = styles["RD Passage"].paragraph_format
    passage.left_indent, passage.first_line_indent = Cm(0.6), Cm(-0.6)
    return {name: style.style_id for name, style in styles.items()}


# Styles are applied by id on the XML elements: python-docx's style-by-object lookup scans every style of the
# document for each paragraph, which dominated the time of a long export.
def _para(container, style_id: str):
    p = container.add_paragraph()
    p._p.style = style_id
    return p


def _text(paragraph, text: str, style_id: str | None = None) -> None:
    lines = xml_safe(text).split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if style_id:
            run._r.style = style_id
        if i < len(lines) - 1:
            run.add_break()


def _cell(cell, text: str, style_id: str) -> None:
    p = cell.paragraphs[0]
    p._p.style = style_id
    _text(p, text)


def _widths(table, widths) -> None:
    # Word reads the cell widths, LibreOffice the grid columns: set both, with autofit off.
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def keep_with_next(paragraph) -> None:
    """Keep the paragraph on the page of the next one (Word and LibreOffice honour w:keepNext)."""
    paragraph.paragraph_format.keep_with_next = True


def add_sign_off(doc, styles: dict[str, str], lines: list[str], record: str = "") -> None:
    """Sign-off lines (role（签字）：＿＿＿＿  年  月  日), kept on the page of the paragraph before them."""
    body = doc.element.body
    previous = [el for el in body if el.tag == qn("w:p")]
    if previous:
        ppr = previous[-1].get_or_add_pPr()
        ppr.get_or_add_keepNext()
    for i, line in enumerate(lines):
        p = _para(doc, styles["RD Sign"])
        if i == len(lines) - 1 and not record:
            p.paragraph_format.keep_with_next = False
        _text(p, line)
    if record:
        _text(_para(doc, styles["RD Record"]), record)


def add_sheet(doc, styles: dict[str, str], sheet: SheetContent) -> None:
    """Append one review sheet to the document."""
    _text(_para(doc, styles["RD Title"]), sheet.title)

    label, cell, center = styles["RD Cell Label"], styles["RD Cell"], styles["RD Cell Center"]
    details = doc.add_table(rows=0, cols=4)
    details.style = "Table Grid"
    details.alignment = WD_TABLE_ALIGNMENT.CENTER
    first, *rest = sheet.details
    cells = details.add_row().cells
    _cell(cells[0], first[0], label)
    _cell(cells[1].merge(cells[3]), first[1], cell)
    for i in range(0, len(rest), 2):
        cells = details.add_row().cells
        pair = rest[i:i + 2]
        for j, (name, value) in enumerate(pair):
            _cell(cells[2 * j], name, label)
            _cell(cells[2 * j + 1], value, cell)
        if len(pair) == 1:
            cells[1].merge(cells[3])
    _widths(details, _DETAIL_WIDTHS)

    _text(_para(doc, styles["RD Heading"]), "一、评分情况")
    table = doc.add_table(rows=1, cols=len(CRITERIA_HEADERS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, header in zip(table.rows[0].cells, CRITERIA_HEADERS, strict=True):
        _cell(c, header, styles["RD Cell Head"])
    for line in sheet.criteria:
        cells = table.add_row().cells
        for k, value in enumerate((str(line.number), line.title, line.max_points, line.weight, line.score,
                                   line.weighted)):
            _cell(cells[k], value, cell if k == 1 else center)
        _cell(cells[6], line.explanation, styles["RD Cell Small"])
    cells = table.add_row().cells
    _cell(cells[0].merge(cells[4]), f"合计（满分{sheet.weights_total}分）", styles["RD Cell Head"])
    _cell(cells[5], sheet.total, styles["RD Cell Head"])
    _cell(cells[6], sheet.total_note, styles["RD Cell Small"])
    _widths(table, _CRITERIA_WIDTHS)

    _text(_para(doc, styles["RD Heading"]), "二、总体评价")
    _text(_para(doc, styles["RD Text"]), sheet.overall_comment or "（未填写）")

    _text(_para(doc, styles["RD Heading"]), "三、重点批注摘录")
    if not sheet.passages:
        _text(_para(doc, styles["RD Text"]), "（无批注）")
    for passage in sheet.passages:
        p = _para(doc, styles["RD Passage"])
        _text(p, f"{passage.number}. 【{passage.where}】", styles["RD Mark"])
        _text(p, f"“{passage.quote}”")
        if passage.comment:
            _text(p, f" 批注：{passage.comment}")
        if passage.evidence:
            _text(p, f"（评分依据：{passage.evidence}）", styles["RD Gray"])
    if sheet.more_passages:
        _text(_para(doc, styles["RD Note"]),
              f"另有 {sheet.more_passages} 条批注，见 Excel 评阅表“批注”工作表。")

    add_sign_off(doc, styles, [sheet.sign_off], sheet.record)


def add_panel_sheet(doc, styles: dict[str, str], sheet: PanelSheetContent) -> None:
    """Append one report's panel summary sheet (评审汇总表), signed by the lead (组长) and the checker (复核人)."""
    _text(_para(doc, styles["RD Title"]), sheet.title)
    label, cell, center = styles["RD Cell Label"], styles["RD Cell"], styles["RD Cell Center"]
    details = doc.add_table(rows=0, cols=2)
    details.style = "Table Grid"
    details.alignment = WD_TABLE_ALIGNMENT.CENTER
    for name, value in sheet.details:
        cells = details.add_row().cells
        _cell(cells[0], name, label)
        _cell(cells[1], value, cell)
    _widths(details, (Cm(2.8), Cm(14.2)))

    _text(_para(doc, styles["RD Heading"]), "一、各评阅人评分")
    n = len(sheet.headers)
    table = doc.add_table(rows=1, cols=n)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, header in zip(table.rows[0].cells, sheet.headers, strict=True):
        _cell(c, header, styles["RD Cell Head"])
    for values in [*sheet.rows, sheet.total_row]:
        cells = table.add_row().cells
        for k, value in enumerate(values):
            _cell(cells[k], value, cell if k == 0 else center)
    rest = (17.0 - 4.2 - 1.4) / max(1, n - 2)
    _widths(table, (Cm(4.2), Cm(1.4), *[Cm(rest)] * (n - 2)))
    _text(_para(doc, styles["RD Note"]), sheet.note)

    _text(_para(doc, styles["RD Heading"]), "二、评审结论")
    conclusion = doc.add_table(rows=0, cols=2)
    conclusion.style = "Table Grid"
    conclusion.alignment = WD_TABLE_ALIGNMENT.CENTER
    for name, value in sheet.conclusion:  # one line each: the state and the lead's decisions can be long
        cells = conclusion.add_row().cells
        _cell(cells[0], name, label)
        _cell(cells[1], value, cell)
    _widths(conclusion, (Cm(2.8), Cm(14.2)))
    _text(_para(doc, styles["RD Heading"]), "三、评审意见")
    _text(_para(doc, styles["RD Text"]), sheet.comment or "（未填写）")
    add_sign_off(doc, styles, sheet.sign_lines)


def _take(scratch) -> list:
    """The body elements built in the scratch document, removed from it (its section properties stay)."""
    body = scratch.element.body
    out = [el for el in body if el.tag != qn("w:sectPr")]
    for el in out:
        body.remove(el)
    return out


def write_docx(data: ExportData, path: Path, progress: Progress) -> int:
    """Write every sheet row as a review sheet; return the number of sheets."""
    template = Document()
    _setup(template)
    # Each sheet is built in a small scratch document (python-docx appends by scanning the body, quadratic in a
    # long one), then streamed to the file and dropped.
    scratch = Document()
    styles = _setup(scratch)
    total = len(data.rows)
    sequence = list(sheet_sequence(data))
    stream = DocxStream(template, path, len(sequence))
    try:
        for i, (kind, item) in enumerate(sequence):
            progress.check()
            if i % 20 == 0:
                progress.update(i, len(sequence), "docx")
            if kind == "panel":
                panel = panel_sheet_content(data, item)
                add_panel_sheet(scratch, styles, panel)
                stream.add_section(_take(scratch), panel.report)
                continue
            sheet = sheet_content(data, item)
            add_sheet(scratch, styles, sheet)
            stream.add_section(_take(scratch), sheet.report)
        if not sequence:
            _text(_para(scratch, styles["RD Text"]), "（数据库中没有可导出的报告。）")
            stream.add_section(_take(scratch), "法治政府建设年度报告评阅表")
        progress.update(total, total, "saving")
        stream.close()
    except BaseException:
        stream.abort()
        raise
    return total
