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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from desktop.core.export.data import ExportData
from desktop.core.export.formats.docx_stream import DocxStream
from desktop.core.export.formats.docx_xml import Cell, paragraph, runs, table, text_paragraph
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
_CRITERIA_WIDTHS = (1.2, 3.4, 1.3, 1.3, 1.3, 1.5, 6.7)  # cm
_DETAIL_WIDTHS = (2.8, 5.2, 2.8, 6.2)
_TEXT_WIDTH = 17.0  # cm between the margins

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
    ids = {name: style.style_id for name, style in styles.items()}
    ids["Table Grid"] = doc.styles["Table Grid"].style_id
    return ids


def _sign_off(styles: dict[str, str], lines: list[str], record: str = "") -> str:
    """Sign-off lines (role（签字）：＿＿＿＿  年  月  日), each kept with the next but the last (or the record)."""
    out = [text_paragraph(styles["RD Sign"], line, keep_next=False if i == len(lines) - 1 and not record else None)
           for i, line in enumerate(lines)]
    if record:
        out.append(text_paragraph(styles["RD Record"], record))
    return "".join(out)


def sheet_xml(styles: dict[str, str], sheet: SheetContent) -> str:
    """One review sheet as body XML, its last element a paragraph."""
    label, cell, center = styles["RD Cell Label"], styles["RD Cell"], styles["RD Cell Center"]
    head, small = styles["RD Cell Head"], styles["RD Cell Small"]
    (first_name, first_value), *rest = sheet.details
    details = [[Cell(first_name, label), Cell(first_value, cell, 3)]]
    for i in range(0, len(rest), 2):
        pair = rest[i:i + 2]
        cells = [c for name, value in pair for c in (Cell(name, label), Cell(value, cell))]
        if len(pair) == 1:  # an odd last detail spans the rest of its line
            cells = [cells[0], Cell(pair[0][1], cell, 3)]
        details.append(cells)
    criteria = [[Cell(h, head) for h in CRITERIA_HEADERS]]
    for line in sheet.criteria:
        criteria.append([Cell(str(line.number), center), Cell(line.title, cell), Cell(line.max_points, center),
                         Cell(line.weight, center), Cell(line.score, center), Cell(line.weighted, center),
                         Cell(line.explanation, small)])
    criteria.append([Cell(f"合计（满分{sheet.weights_total}分）", head, 5), Cell(sheet.total, head),
                     Cell(sheet.total_note, small)])
    out = [text_paragraph(styles["RD Title"], sheet.title), table(styles["Table Grid"], _DETAIL_WIDTHS, details),
           text_paragraph(styles["RD Heading"], "一、评分情况"), table(styles["Table Grid"], _CRITERIA_WIDTHS, criteria),
           text_paragraph(styles["RD Heading"], "二、总体评价"),
           text_paragraph(styles["RD Text"], sheet.overall_comment or "（未填写）"),
           text_paragraph(styles["RD Heading"], "三、重点批注摘录")]
    # the paragraph before the sign-off is kept on its page: a signature never stands alone
    tail: list[tuple[str, str]] = []  # (style id, runs)
    if not sheet.passages:
        tail.append((styles["RD Text"], runs("（无批注）")))
    for passage in sheet.passages:
        content = runs(f"{passage.number}. 【{passage.where}】", styles["RD Mark"]) + runs(f"“{passage.quote}”")
        if passage.comment:
            content += runs(f" 批注：{passage.comment}")
        if passage.evidence:
            content += runs(f"（评分依据：{passage.evidence}）", styles["RD Gray"])
        tail.append((styles["RD Passage"], content))
    if sheet.more_passages:
        tail.append((styles["RD Note"], runs(f"另有 {sheet.more_passages} 条批注，见 Excel 评阅表“批注”工作表。")))
    out += [paragraph(style, content, keep_next=True if i == len(tail) - 1 else None)
            for i, (style, content) in enumerate(tail)]
    out.append(_sign_off(styles, [sheet.sign_off], sheet.record))
    return "".join(out)


def panel_sheet_xml(styles: dict[str, str], sheet: PanelSheetContent) -> str:
    """One report's panel summary sheet (评审汇总表) as body XML, signed by the lead (组长) and the checker (复核人)."""
    label, cell, center, head = styles["RD Cell Label"], styles["RD Cell"], styles["RD Cell Center"], styles["RD Cell Head"]
    grid = styles["Table Grid"]
    n = len(sheet.headers)
    rest = (_TEXT_WIDTH - 4.2 - 1.4) / max(1, n - 2)
    scores = [[Cell(h, head) for h in sheet.headers]]
    scores += [[Cell(v, cell if k == 0 else center) for k, v in enumerate(values)]
               for values in [*sheet.rows, sheet.total_row]]
    pairs = (2.8, _TEXT_WIDTH - 2.8)
    out = [text_paragraph(styles["RD Title"], sheet.title),
           table(grid, pairs, [[Cell(name, label), Cell(value, cell)] for name, value in sheet.details]),
           text_paragraph(styles["RD Heading"], "一、各评阅人评分"),
           table(grid, (4.2, 1.4, *[rest] * (n - 2)), scores),
           text_paragraph(styles["RD Note"], sheet.note),
           text_paragraph(styles["RD Heading"], "二、评审结论"),
           # one line each: the state and the lead's decisions can be long
           table(grid, pairs, [[Cell(name, label), Cell(value, cell)] for name, value in sheet.conclusion]),
           text_paragraph(styles["RD Heading"], "三、评审意见"),
           text_paragraph(styles["RD Text"], sheet.comment or "（未填写）", keep_next=True),
           _sign_off(styles, sheet.sign_lines)]
    return "".join(out)


def write_docx(data: ExportData, path: Path, progress: Progress) -> int:
    """Write every sheet row as a review sheet; return the number of sheets."""
    template = Document()
    styles = _setup(template)  # the page and the named styles, once; the body is written as text
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
                stream.add_section(panel_sheet_xml(styles, panel), panel.report)
            else:
                sheet = sheet_content(data, item)
                stream.add_section(sheet_xml(styles, sheet), sheet.report)
        if not sequence:
            stream.add_section(text_paragraph(styles["RD Text"], "（数据库中没有可导出的报告。）"),
                               "法治政府建设年度报告评阅表")
        progress.update(total, total, "saving")
        stream.close()
    except BaseException:
        stream.abort()
        raise
    return total
