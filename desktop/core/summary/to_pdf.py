"""The summary as a pdf (reportlab), A4, with the bundled Chinese font embedded (desktop.core.export.fonts).

Chapter headings are pdf outline entries (the viewer's bookmarks); every page has its number (— X —) in the
footer; charts are embedded as PNG. Report text is escaped: it is never read as reportlab markup.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Image, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from desktop.core.export.fonts import cjk_font_name
from desktop.core.export.safe import xml_safe
from desktop.core.summary.model import Chart, Draft, QuoteList, Table
from desktop.core.summary.model import Paragraph as DraftParagraph

TEXT_WIDTH = A4[0] - 5.4 * cm


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(xml_safe(text)).replace("\n", "<br/>"), style)


class _Styles:
    def __init__(self, font: str) -> None:
        base = dict(fontName=font, wordWrap="CJK")
        self.title = ParagraphStyle("title", fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=8, **base)
        self.subtitle = ParagraphStyle("subtitle", fontSize=12, leading=20, alignment=TA_CENTER, **base)
        self.heading = ParagraphStyle("heading", fontSize=15, leading=24, spaceBefore=12, spaceAfter=6, **base)
        self.body = ParagraphStyle("body", fontSize=12, leading=21, firstLineIndent=24, alignment=TA_JUSTIFY,
                                   spaceAfter=4, **base)
        self.quote = ParagraphStyle("quote", fontSize=10.5, leading=17, leftIndent=24, spaceAfter=3,
                                    textColor=colors.HexColor("#333333"), **base)
        self.caption = ParagraphStyle("caption", fontSize=11, leading=16, alignment=TA_CENTER, spaceBefore=6,
                                      spaceAfter=4, **base)
        self.cell = ParagraphStyle("cell", fontSize=9, leading=12, **base)
        self.head = ParagraphStyle("head", fontSize=9, leading=12, alignment=TA_CENTER, **base)


class _Heading(Paragraph):
    """A chapter heading that adds itself to the pdf outline."""

    def draw(self) -> None:
        super().draw()
        key = f"h{id(self)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(self.getPlainText(), key, level=0)


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(cjk_font_name(), 10)
    canvas.drawCentredString(A4[0] / 2, 1.6 * cm, f"— {doc.page} —")
    canvas.restoreState()


def _cell(text: str, width: float, style: ParagraphStyle) -> Paragraph | str:
    """A plain string when the text fits on one line of the cell (drawn directly: laying out a Paragraph costs
    far more, and a 1,000-row appendix has 7,000 cells), else a wrapping Paragraph."""
    wide = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)  # CJK: one em; Latin and digits: about half
    if "\n" not in text and wide * style.fontSize <= width - 7:
        return xml_safe(text)
    return _p(text, style)


def _table(table: Table, st: _Styles) -> list:
    widths = table.widths or tuple(1.0 for _ in table.headers)
    scale = TEXT_WIDTH / sum(widths)
    cols = [w * scale for w in widths]
    rows: list[list[Paragraph | str]] = [[_p(h, st.head) for h in table.headers]]
    rows += [[_cell(v, w, st.cell) for v, w in zip(row, cols, strict=True)] for row in table.rows]
    t = RLTable(rows, colWidths=cols, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8ECF2")),
                           ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),
                           ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
                           ("LEADING", (0, 0), (-1, -1), st.cell.leading),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return [_p(table.caption, st.caption), t]


def _chart(png: bytes, caption: str, st: _Styles) -> KeepTogether:
    image = Image(io.BytesIO(png))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth = 14.5 * cm
    image.drawHeight = 14.5 * cm * ratio
    return KeepTogether([image, _p(caption, st.caption)])


def write_pdf(draft: Draft, path: Path, charts: dict[str, bytes]) -> int:
    """Write the draft; ``charts`` maps a chart block's key to its PNG. Returns the number of chapters."""
    font = cjk_font_name()
    st = _Styles(font)
    story: list = [_p(draft.title, st.title), _p(draft.subtitle, st.subtitle), _p(draft.date, st.subtitle),
                   Spacer(1, 12)]
    for chapter in draft.chapters:
        story.append(_Heading(escape(xml_safe(chapter.heading)), st.heading))
        for block in chapter.blocks:
            if isinstance(block, DraftParagraph):
                story += [_p(line, st.body) for line in block.text.split("\n") if line.strip()]
            elif isinstance(block, QuoteList):
                story += [_p(f"{i}. “{q.text}”（{q.where}）", st.quote) for i, q in enumerate(block.quotes, 1)]
            elif isinstance(block, Table):
                if chapter.key == "appendix" and block is not chapter.blocks[0]:
                    story.append(PageBreak())
                story += _table(block, st)
            elif isinstance(block, Chart) and block.key in charts:
                story.append(_chart(charts[block.key], block.caption, st))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.8 * cm, rightMargin=2.6 * cm, topMargin=3.0 * cm,
                            bottomMargin=2.8 * cm, title=draft.title, author="ReviewDesk")
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return len(draft.chapters)
