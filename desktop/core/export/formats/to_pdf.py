"""Review sheets as a pdf (reportlab): the same sheet as the docx, A4, with the Chinese font embedded.

Text is set with CJK line breaking; each sheet starts on a new page; every page has the report's name in its
header and 第 X 页 共 Y 页 in its footer, counted per sheet (a two-pass canvas: a sheet's pages are kept until
the sheet ends, when its page count is known, then written out). The sign-off block is kept together with the
passage before it. The font comes from :mod:`desktop.core.export.fonts`.

Cost and memory stay linear in the number of sheets: the layout is fed one sheet at a time
(:meth:`SheetDocTemplate.build_sheets`; reportlab's ``build`` takes the whole story as one list and removes each
flowable from its front, quadratic in a story of thousands of sheets, and holds it all), only one sheet's pages
are held at a time, and paragraphs are made from their text as it is (:class:`_Texts`: no markup parsing, so
report text is never read as markup and needs no escaping).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import dumbSplit
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.export.data import ExportData
from desktop.core.export.fonts import cjk_font_name
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
        self.sign = ParagraphStyle("sign", fontSize=12, leading=18, alignment=TA_RIGHT, spaceBefore=20, spaceAfter=4,
                                   **base)
        self.record = ParagraphStyle("record", fontSize=8.5, leading=11.5, alignment=TA_RIGHT,
                                     textColor=colors.HexColor("#555555"), **base)


class SheetMark(Flowable):
    """Zero-size marker at the start of a sheet: tells the canvas which sheet (and header text) its pages carry."""

    def __init__(self, header: str) -> None:
        super().__init__()
        self.header = header
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas.rd_sheet = getattr(canvas, "rd_sheet", -1) + 1
        canvas.rd_header = self.header


def numbered_canvas(font: str, left_note: str):
    """A canvas class that draws each page's header (its sheet's report) and 第 X 页 共 Y 页 (within the sheet)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[tuple[dict, int, str]] = []  # the pages of the sheet being laid out
            self.rd_sheet, self.rd_header = 0, ""

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            finished = dict(self.__dict__)  # the page just laid out, drawn when its sheet's page count is known
            del finished["_pages"]
            if self._pages and self._pages[-1][1] != self.rd_sheet:  # the sheets before this page are complete
                self._flush()
                self.__dict__.update(finished)
            self._pages.append((finished, self.rd_sheet, self.rd_header))
            self._startPage()

        def _flush(self) -> None:
            """Write the held pages (one sheet's) with their page numbers, now that their count is known."""
            pages, self._pages = self._pages, []
            for number, (state, _, header) in enumerate(pages, 1):
                self.__dict__.update(state)
                self._decorate(header, number, len(pages))
                Canvas.showPage(self)

        def save(self) -> None:
            self._flush()
            Canvas.save(self)

        def _decorate(self, header: str, page: int, pages: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont(font, 9)
            self.setFillColor(colors.HexColor("#444444"))
            if header:
                self.drawCentredString(width / 2, height - 1.2 * cm, header[:60])
                self.setStrokeColor(colors.HexColor("#999999"))
                self.setLineWidth(0.5)
                self.line(2 * cm, height - 1.35 * cm, width - 2 * cm, height - 1.35 * cm)
            self.drawCentredString(width / 2, 1.2 * cm, f"第 {page} 页 共 {pages} 页")
            self.setFont(font, 7.5)
            self.drawString(2 * cm, 0.7 * cm, left_note)
            self.restoreState()

    return NumberedCanvas


class _CharWidths:
    """Each character's width in a font at a size, measured once: reportlab's CJK line breaking measures every
    character of every paragraph with a call of its own (the most of a sheet's layout time)."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[str, float], dict[str, float]] = {}

    def of(self, text: str, font: str, size: float) -> list[float]:
        widths = self._fonts.get((font, size))
        if widths is None:
            widths = self._fonts[(font, size)] = {}
        out = []
        for c in text:
            w = widths.get(c)
            if w is None:
                w = widths[c] = stringWidth(c, font, size)
            out.append(w)
        return out


_WIDTHS = _CharWidths()


class CJKParagraph(Paragraph):
    """A reportlab Paragraph whose one-fragment CJK text is broken into lines as reportlab breaks it
    (``textsplit.dumbSplit`` over each character's width), with the widths looked up rather than measured anew;
    anything else (several fragments, bullets, a split paragraph's lines) goes to reportlab's own code."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (reportlab's names)
        frags = self.frags
        if (len(frags) != 1 or hasattr(frags[0], "cbDefn") or self.style.endDots or self.bulletText
                or (hasattr(self, "blPara") and getattr(self, "_splitpara", 0))
                or not isinstance(getattr(frags[0], "text", None), str)):
            return super().breakLinesCJK(maxWidths)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        f = frags[0]
        lines = dumbSplit(f.text, _WIDTHS.of(f.text, f.fontName, f.fontSize), maxWidths)
        return f.clone(kind=0, lines=[(space, [line]) for space, line in lines], ascent=f.fontSize,
                       descent=-0.2 * f.fontSize)


class _Texts:
    """Paragraphs made from plain text: the style's parsed fragment is cloned with the text (one per line, line
    breaks between), so no text is parsed as markup (faster, and ``<``, ``&`` in a report stay what they are)."""

    def __init__(self) -> None:
        # per style object (an export's styles carry its font): forgotten with the styles
        self._frags: weakref.WeakKeyDictionary[ParagraphStyle, tuple] = weakref.WeakKeyDictionary()

    def _templates(self, style: ParagraphStyle) -> tuple:
        found = self._frags.get(style)
        if found is None:
            text, br = Paragraph("x<br/>x", style).frags[:2]
            found = self._frags[style] = (text, br)
        return found

    def para(self, value: str, style: ParagraphStyle) -> Paragraph:
        text, br = self._templates(style)
        frags = []
        for i, line in enumerate(xml_safe(value).split("\n")):
            if i:
                frags.append(br.clone())
            frags.append(text.clone(text=line))
        return CJKParagraph(value, style, frags=frags)


_TEXTS = _Texts()


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return _TEXTS.para(text, style)


def _lines(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """One paragraph per line: a paragraph with line breaks is split character by character, several times slower."""
    return [_TEXTS.para(line, style) for line in text.split("\n") if line]


def _grid(font: str, extra: list | None = None) -> TableStyle:
    # Short one-line cells are plain strings (drawn directly, in the FONTNAME/FONTSIZE set here); only cells that
    # may wrap are Paragraphs, which cost far more to lay out.
    return TableStyle([("GRID", (0, 0), (-1, -1), 0.5, _GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                       ("LEADING", (0, 0), (-1, -1), 12.5), ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
                       ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                       ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3), *(extra or [])])


_PADDING = 6  # points: a cell's left and right padding (_grid)


def _fit(text: str, style: ParagraphStyle, width: float) -> Paragraph | str:
    """A cell's text: plain (drawn as it is, in the table's font) when it fits on one line of the column, else a
    paragraph that wraps. Most cells are short (numbers, dates, names): a paragraph costs ten times more to lay out."""
    clean = xml_safe(text)
    if "\n" not in clean and stringWidth(clean, style.fontName, style.fontSize) <= width - _PADDING:
        return clean
    return _p(text, style)


def _s(text: str) -> str:
    return xml_safe(text)


def sheet_flowables(sheet: SheetContent, st: _Styles) -> list:
    """The flowables of one review sheet."""
    font = st.body.fontName
    out: list = [SheetMark(sheet.report), _p(sheet.title, st.title)]
    (first_label, first_value), *rest = sheet.details
    wide = sum(_DETAIL_WIDTHS[1:])
    rows = [[_s(first_label), _fit(first_value, st.cell, wide), "", ""]]
    spans = [("SPAN", (1, 0), (3, 0))]
    for i in range(0, len(rest), 2):
        pair = rest[i:i + 2]
        row: list = []
        for k, (label, value) in enumerate(pair):
            row += [_s(label), _fit(value, st.cell, wide if len(pair) == 1 else _DETAIL_WIDTHS[2 * k + 1])]
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
        rows.append([str(line.number), _fit(line.title, st.cell, _CRITERIA_WIDTHS[1]), line.max_points, line.weight,
                     line.score,
                     line.weighted, _lines(line.explanation, st.small)])
    rows.append([f"合计（满分{sheet.weights_total}分）", "", "", "", "", sheet.total, _p(sheet.total_note, st.small)])
    last = len(rows) - 1
    out.append(Table(rows, colWidths=_CRITERIA_WIDTHS, repeatRows=1, splitInRow=1,
                     style=_grid(font, [("BACKGROUND", (0, 0), (-1, 0), _SHADE), ("SPAN", (0, last), (4, last)),
                                        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("ALIGN", (1, 1), (1, -1), "LEFT"),
                                        ("ALIGN", (6, 1), (6, -1), "LEFT"),
                                        ("BACKGROUND", (0, last), (-1, last), _SHADE)])))

    out.append(_p("二、总体评价", st.heading))
    out.append(_p(sheet.overall_comment or "（未填写）", st.body))
    tail: list = [_p("三、重点批注摘录", st.heading)]
    if not sheet.passages:
        tail.append(_p("（无批注）", st.body))
    for passage in sheet.passages:
        text = f"{passage.number}. 【{passage.where}】“{passage.quote}”"
        if passage.comment:
            text += f" 批注：{passage.comment}"
        if passage.evidence:
            text += f"（评分依据：{passage.evidence}）"
        tail.append(_p(text, st.passage))
    if sheet.more_passages:
        tail.append(_p(f"另有 {sheet.more_passages} 条批注，见 Excel 评阅表“批注”工作表。", st.small))
    out += tail[:-1]
    out.append(sign_off(tail[-1], [sheet.sign_off], sheet.record, st))
    return out


def sign_off(before, lines: list[str], record: str, st: _Styles) -> KeepTogether:
    """The sign-off lines with the flowable before them on one page: a signature never stands alone."""
    # reportlab collapses runs of spaces, full-width ones included: the gaps are non-breaking spaces
    items = [before, Spacer(1, 4)]
    items += [_p(line.replace("　", "\u00a0" * 3), st.sign) for line in lines]
    if record:
        items.append(_p(record, st.record))
    return KeepTogether(items)


def panel_flowables(sheet: PanelSheetContent, st: _Styles) -> list:
    """The flowables of one report's panel summary sheet (评审汇总表)."""
    font = st.body.fontName
    out: list = [SheetMark(sheet.report), _p(sheet.title, st.title)]
    rows = [[_s(name), _fit(value, st.cell, 14.2 * cm)] for name, value in sheet.details]
    out.append(Table(rows, colWidths=[2.8 * cm, 14.2 * cm],
                     style=_grid(font, [("BACKGROUND", (0, 0), (0, -1), _SHADE),
                                        ("TEXTCOLOR", (0, 0), (0, -1), _LABEL)])))
    out.append(_p("一、各评阅人评分", st.heading))
    n = len(sheet.headers)
    rest = (17.0 - 4.4 - 1.1) / max(1, n - 2)
    widths = [4.4 * cm, 1.1 * cm, *[rest * cm] * (n - 2)]
    table = [[_fit(h, st.cell_center, w) for h, w in zip(sheet.headers, widths, strict=True)]]
    for values in [*sheet.rows, sheet.total_row]:
        table.append([_fit(v, st.cell if k == 0 else st.cell_center, w)
                      for k, (v, w) in enumerate(zip(values, widths, strict=True))])
    last = len(table) - 1
    out.append(Table(table, colWidths=widths, repeatRows=1,
                     style=_grid(font, [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("ALIGN", (0, 0), (0, 0), "CENTER"),
                                        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                                        ("BACKGROUND", (0, last), (-1, last), _SHADE)])))
    out.append(_p(sheet.note, st.small))
    out.append(_p("二、评审结论", st.heading))
    rows = [[_s(name), _fit(value, st.cell, 14.2 * cm)] for name, value in sheet.conclusion]  # one line each
    out.append(Table(rows, colWidths=[2.8 * cm, 14.2 * cm],
                     style=_grid(font, [("BACKGROUND", (0, 0), (0, -1), _SHADE),
                                        ("TEXTCOLOR", (0, 0), (0, -1), _LABEL)])))
    out.append(_p("三、评审意见", st.heading))
    out.append(sign_off(_p(sheet.comment or "（未填写）", st.body), sheet.sign_lines, "", st))
    return out


class SheetDocTemplate(BaseDocTemplate):
    """A document laid out one sheet at a time (see the module's docstring)."""

    def build_sheets(self, sheets: Iterable[list], canvasmaker) -> None:
        """Lay out each sheet's flowables in turn, on one canvas, as ``build`` does with one list of them all."""
        self._calc()
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="normal")
        self.addPageTemplates([PageTemplate(id="Sheet", frames=frame, pagesize=self.pagesize)])
        self._startBuild(None, canvasmaker)
        canv = self.canv
        saved_info = canv._doc.info
        canv._doctemplate = self
        try:
            for flowables in sheets:
                while flowables:
                    self.clean_hanging()
                    self.handle_flowable(flowables)
        finally:
            del canv._doctemplate
        canv._doc.info = saved_info
        self._endBuild()


def write_pdf(data: ExportData, path: Path, progress: Progress) -> int:
    """Write every sheet row as a review sheet; return the number of sheets."""
    font = cjk_font_name()
    st = _Styles(font)
    note = f"{data.rubric.name}（版本 {data.rubric.version}）　导出于 {data.date}"
    total = len(data.rows)
    sequence = list(sheet_sequence(data))

    def sheets():
        for i, (kind, item) in enumerate(sequence):
            progress.check()
            if i % 20 == 0:
                progress.update(i, len(sequence), "pdf")
            story: list = [PageBreak()] if i else []
            if kind == "panel":
                story += panel_flowables(panel_sheet_content(data, item), st)
            else:
                story += sheet_flowables(sheet_content(data, item), st)
            yield story
        if not sequence:
            yield [_p("法治政府建设年度报告评阅表", st.title), _p("（数据库中没有可导出的报告。）", st.body)]

    doc = SheetDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                           bottomMargin=2 * cm, title="法治政府建设年度报告评阅表", author="ReviewDesk",
                           creator="ReviewDesk")
    doc.build_sheets(sheets(), numbered_canvas(font, note))
    progress.update(total, total, "saving")
    return total
