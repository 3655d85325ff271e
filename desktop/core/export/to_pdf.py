"""Review sheets as a pdf (reportlab): the same sheet as the docx, A4, with the Chinese font embedded.

Text is set with CJK line breaking; each sheet starts on a new page; the footer carries the page number and
the rubric version. The font comes from :mod:`desktop.core.export.fonts`.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.core.export.data import ExportData
from desktop.core.export.fonts import cjk_font_name
from desktop.core.export.safe import xml_safe
from desktop.core.export.sheet import CRITERIA_HEADERS, SheetContent, sheet_content
from desktop.core.progress import Progress

_GRID = colors.HexColor("#808080")
_SHADE = colors.HexColor("#E8ECF2")
_LABEL = colors.HexColor("#1F3A5F")
_CRITERIA_WIDTHS = [1.0 * cm, 3.4 * cm, 1.2 * cm, 1.2 * cm, 1.2 * cm, 1.4 * cm, 7.6 * cm]
_DETAIL_WIDTHS = [2.8 * cm, 5.2 * cm, 2.8 * cm, 6.2 * cm]


class _Styles:
    def __init__(self, font: str) -> None:
        base = dict(fontName=font, wordWrap="CJK")
        self.title = ParagraphStyle("title", fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=10, **base)
        self.heading = ParagraphStyle("heading", fontSize=12, leading=16, spaceBefore=10, spaceAfter=4,
                                      textColor=colors.HexColor("#1F3A5F"), **base)
        self.body = ParagraphStyle("body", fontSize=10.5, leading=15, **base)
        self.cell = ParagraphStyle("cell", fontSize=9.5, leading=12.5, **base)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.label = ParagraphStyle("label", parent=self.cell, textColor=colors.HexColor("#1F3A5F"))
        self.small = ParagraphStyle("small", fontSize=8.5, leading=11.5, textColor=colors.HexColor("#444444"),
                                    **base)
        self.passage = ParagraphStyle("passage", fontSize=9.5, leading=13.5, leftIndent=14, firstLineIndent=-14,
                                      spaceAfter=3, **base)
        self.sign = ParagraphStyle("sign", fontSize=10.5, leading=15, alignment=TA_RIGHT, spaceBefore=16, **base)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(xml_safe(text)).replace("\n", "<br/>"), style)


def _lines(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """One paragraph per line: a paragraph with line breaks is split character by character, several times slower."""
    return [Paragraph(escape(xml_safe(line)), style) for line in text.split("\n") if line]


def _grid(font: str, extra: list | None = None) -> TableStyle:
    # Short one-line cells are plain strings (drawn directly, in the FONTNAME/FONTSIZE set here); only cells that
    # may wrap are Paragraphs, which cost far more to lay out.
    return TableStyle([("GRID", (0, 0), (-1, -1), 0.5, _GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                       ("LEADING", (0, 0), (-1, -1), 12.5), ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
                       ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                       ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3), *(extra or [])])


def _s(text: str) -> str:
    return xml_safe(text)


def sheet_flowables(sheet: SheetContent, st: _Styles) -> list:
    """The flowables of one review sheet."""
    font = st.body.fontName
    out: list = [_p(sheet.title, st.title)]
    (first_label, first_value), *rest = sheet.details
    rows = [[_s(first_label), _p(first_value, st.cell), "", ""]]
    spans = [("SPAN", (1, 0), (3, 0))]
    for i in range(0, len(rest), 2):
        pair = rest[i:i + 2]
        row: list = []
        for label, value in pair:
            row += [_s(label), _p(value, st.cell)]
        if len(pair) == 1:
            row += ["", ""]
            spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append(row)
    labels = [("BACKGROUND", (0, 0), (0, -1), _SHADE), ("BACKGROUND", (2, 1), (2, -1), _SHADE),
              ("TEXTCOLOR", (0, 0), (0, -1), _LABEL), ("TEXTCOLOR", (2, 0), (2, -1), _LABEL)]
    out.append(Table(rows, colWidths=_DETAIL_WIDTHS, splitInRow=1,  # a long value may run onto the next page
                     style=_grid(font, spans + labels)))

    out.append(_p("一、评分情况", st.heading))
    rows = [list(CRITERIA_HEADERS)]
    for line in sheet.criteria:
        rows.append([str(line.number), _p(line.title, st.cell), line.max_points, line.weight, line.score,
                     line.weighted, _lines(line.explanation, st.small)])
    rows.append([f"合计（满分{sheet.weights_total}分）", "", "", "", "", sheet.total, ""])
    last = len(rows) - 1
    out.append(Table(rows, colWidths=_CRITERIA_WIDTHS, repeatRows=1, splitInRow=1,
                     style=_grid(font, [("BACKGROUND", (0, 0), (-1, 0), _SHADE), ("SPAN", (0, last), (4, last)),
                                        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("ALIGN", (1, 1), (1, -1), "LEFT"),
                                        ("ALIGN", (6, 1), (6, -1), "LEFT"),
                                        ("BACKGROUND", (0, last), (-1, last), _SHADE)])))

    out.append(_p("二、总体评价", st.heading))
    out.append(_p(sheet.overall_comment or "（未填写）", st.body))
    out.append(_p("三、重点批注摘录", st.heading))
    if not sheet.passages:
        out.append(_p("（无批注）", st.body))
    for passage in sheet.passages:
        text = f"{passage.number}. 【{passage.where}】“{passage.quote}”"
        if passage.comment:
            text += f" 批注：{passage.comment}"
        if passage.evidence:
            text += f"（评分依据：{passage.evidence}）"
        out.append(_p(text, st.passage))
    if sheet.more_passages:
        out.append(_p(f"另有 {sheet.more_passages} 条批注，见 Excel 评阅表“批注”工作表。", st.small))
    gap = "&nbsp;" * 8  # reportlab collapses runs of spaces, full-width ones included
    sign = (f"评阅人：{escape(sheet.reviewer) or '__________'}{gap}评阅日期：{sheet.date}{gap[:24]}"
            f"（{sheet.status}）")
    out.append(KeepTogether([Spacer(1, 4), Paragraph(sign, st.sign)]))
    return out


def write_pdf(data: ExportData, path: Path, progress: Progress) -> int:
    """Write every sheet row as a review sheet; return the number of sheets."""
    font = cjk_font_name()
    st = _Styles(font)
    footer = f"{data.rubric.name}（版本 {data.rubric.version}）　导出于 {data.date}"

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(2 * cm, 1.2 * cm, footer)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"第 {doc.page} 页")
        canvas.restoreState()

    story: list = []
    total = len(data.rows)
    for i, row in enumerate(data.rows):
        if i % 20 == 0:
            progress.check()
            progress.update(i, total, "pdf")
        if i:
            story.append(PageBreak())
        story += sheet_flowables(sheet_content(data, row), st)
    if not story:
        story = [_p("法治政府建设年度报告评阅表", st.title), _p("（数据库中没有可导出的报告。）", st.body)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                            bottomMargin=2 * cm, title="法治政府建设年度报告评阅表", author="ReviewDesk",
                            creator="ReviewDesk")
    progress.update(total, total, "laying out pages")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return total
