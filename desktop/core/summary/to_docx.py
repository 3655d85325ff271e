"""The summary as a Word document (python-docx), laid out as a government assessment report.

Chapters use Word's built-in heading styles (Heading 1, 标题 1 in a Chinese Word or WPS), so the navigation pane
and 引用 > 目录 build a table of contents. Fonts are named as an office expects: 仿宋 for text, 黑体 for
headings, 宋体 for the title, set for East Asian text as well (w:eastAsia), with their English names as
alternatives in the font table (FangSong, SimHei, SimSun) so that Word and WPS on a system with either name find
them; LibreOffice substitutes its own CJK font. A4, margins as in GB/T 9704 (3.7/3.5/2.8/2.6 cm), page numbers
(— X —, the Word field PAGE) centred in the footer, charts embedded as PNG. Report text is only ever text.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from desktop.core.export.safe import xml_safe
from desktop.core.summary.model import Chart, Draft, Paragraph, QuoteList, Table

BODY_FONT, BODY_FONT_EN = "仿宋", "FangSong"
HEADING_FONT, HEADING_FONT_EN = "黑体", "SimHei"
TITLE_FONT, TITLE_FONT_EN = "宋体", "SimSun"
LATIN_FONT = "Times New Roman"
TEXT_WIDTH_CM = 15.6


def _fonts(element, east_asian: str) -> None:
    rfonts = element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:hint"), "eastAsia")
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # a theme font would win
        rfonts.attrib.pop(qn(theme), None)


def _font_table(doc) -> None:
    """Name each Chinese font's English name as its alternative (w:altName), for systems that know only that."""
    part = next((p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    from lxml import etree

    root = etree.fromstring(part.blob)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for name, alt in ((BODY_FONT, BODY_FONT_EN), (HEADING_FONT, HEADING_FONT_EN), (TITLE_FONT, TITLE_FONT_EN)):
        font = etree.SubElement(root, f"{{{w}}}font")
        font.set(f"{{{w}}}name", name)
        etree.SubElement(font, f"{{{w}}}altName").set(f"{{{w}}}val", alt)
        etree.SubElement(font, f"{{{w}}}charset").set(f"{{{w}}}val", "86")  # GB2312
        etree.SubElement(font, f"{{{w}}}family").set(f"{{{w}}}val", "modern" if name != TITLE_FONT else "roman")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _style(doc, name: str, font: str, size: float, *, bold: bool = False, align=None, before: float = 0,
           after: float = 0, indent: float | None = None, base: str = "Normal"):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
    style.font.name = LATIN_FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    _fonts(style.element, font)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.5 if size >= 12 else 1.25
    if indent is not None:
        fmt.first_line_indent = Pt(indent)
    return style


def _page_number(section) -> None:
    """— PAGE — centred in the footer."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = p.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    p.add_run(" —")


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(14)
    _fonts(normal.element, BODY_FONT)
    _style(doc, "RD Summary Title", TITLE_FONT, 22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    _style(doc, "RD Summary Subtitle", BODY_FONT, 14, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    _style(doc, "Heading 1", HEADING_FONT, 16, before=12, after=6)
    doc.styles["Heading 1"].paragraph_format.keep_with_next = True
    _style(doc, "RD Summary Body", BODY_FONT, 14, indent=28, align=WD_ALIGN_PARAGRAPH.LEFT)
    quote = _style(doc, "RD Summary Quote", BODY_FONT, 12, after=3)
    quote.paragraph_format.left_indent = Cm(1.0)
    _style(doc, "RD Summary Caption", HEADING_FONT, 12, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=4)
    doc.styles["RD Summary Caption"].paragraph_format.keep_with_next = True
    _style(doc, "RD Summary Cell", BODY_FONT, 9)
    _style(doc, "RD Summary Cell Head", HEADING_FONT, 9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _font_table(doc)
    _page_number(section)


def _add(doc, style: str, text: str):
    p = doc.add_paragraph(style=style)
    p.add_run(xml_safe(text))
    return p


def _row(cells: tuple[str, ...], style_id: str, widths: list[int], header: bool = False):
    """One table row as XML: kept on one page (w:cantSplit); the header repeats on every page (w:tblHeader)."""
    tr = OxmlElement("w:tr")
    trpr = OxmlElement("w:trPr")
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        trpr.append(repeat)
    tr.append(trpr)
    for text, width in zip(cells, widths, strict=True):
        tc = OxmlElement("w:tc")
        tcpr = OxmlElement("w:tcPr")
        tcw = OxmlElement("w:tcW")
        tcw.set(qn("w:w"), str(width))
        tcw.set(qn("w:type"), "dxa")
        tcpr.append(tcw)
        tc.append(tcpr)
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style_id)
        ppr.append(pstyle)
        p.append(ppr)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = xml_safe(text)
        r.append(t)
        p.append(r)
        tc.append(p)
        tr.append(tc)
    return tr


def _table(doc, table: Table) -> None:
    """A grid table built as XML rows directly (python-docx's cell access is quadratic in the rows: a
    1,000-row appendix took minutes)."""
    _add(doc, "RD Summary Caption", table.caption)
    t = doc.add_table(rows=0, cols=len(table.headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    relative = table.widths or tuple(1.0 for _ in table.headers)
    scale = TEXT_WIDTH_CM / sum(relative)
    widths = [int(w * scale * 567) for w in relative]  # twentieths of a point (dxa)
    for col, width in zip(t._tbl.tblGrid.gridCol_lst, widths, strict=True):  # LibreOffice reads the grid
        col.set(qn("w:w"), str(width))
    head = doc.styles["RD Summary Cell Head"].style_id
    body = doc.styles["RD Summary Cell"].style_id
    tbl = t._tbl
    tbl.append(_row(table.headers, head, widths, header=True))
    for row in table.rows:
        tbl.append(_row(row, body, widths))


def _quotes(doc, quotes: QuoteList) -> None:
    for i, q in enumerate(quotes.quotes, 1):
        p = doc.add_paragraph(style="RD Summary Quote")
        p.add_run(f"{i}. “{xml_safe(q.text)}”")
        p.add_run(f"（{xml_safe(q.where)}）").italic = False


def write_docx(draft: Draft, path: Path, charts: dict[str, bytes]) -> int:
    """Write the draft; ``charts`` maps a chart block's key to its PNG. Returns the number of chapters."""
    doc = Document()
    _setup(doc)
    _add(doc, "RD Summary Title", draft.title)
    _add(doc, "RD Summary Subtitle", draft.subtitle)
    _add(doc, "RD Summary Subtitle", draft.date)
    for chapter in draft.chapters:
        doc.add_paragraph(chapter.heading, style="Heading 1")
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                _add(doc, "RD Summary Body", block.text)
            elif isinstance(block, QuoteList):
                _quotes(doc, block)
            elif isinstance(block, Table):
                if chapter.key == "appendix" and block is not chapter.blocks[0]:
                    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                _table(doc, block)
            elif isinstance(block, Chart) and block.key in charts:
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.keep_with_next = True
                p.add_run().add_picture(io.BytesIO(charts[block.key]), width=Cm(14.5))
                _add(doc, "RD Summary Caption", block.caption).paragraph_format.keep_with_next = False
    doc.core_properties.title = draft.title
    doc.save(str(path))
    return len(draft.chapters)
