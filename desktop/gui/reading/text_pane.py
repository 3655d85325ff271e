"""TextPane: the read-only report text with part tints, bold headings, optional clutter and painted marks.

The pane (a QTextEdit: proportional line height for comfortable reading of Chinese text, pixel scrolling,
and a document layout that lays long texts out in the background) shows a *display* text (clutter hidden, gap banners inserted) built from the frozen document text;
a :class:`desktop.core.compare.textmap.TextMap` converts between the two. Everything the pane reports or accepts
(selection, scroll targets, marks) is in document offsets.

Part tints and headings are formats of the QTextDocument, built once per load. Marks (search hits,
reused text, annotations, the navigation flash) are painted over the visible lines only, in multiply mode:
like a highlighter pen they colour the background, keep the tint visible and leave the text dark, and
overlapping marks stay readable. That keeps loading fast for very long reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.core.compare.textmap import Insertion, TextMap, whole_line_spans
from desktop.core.segmentation.cleaning import Clutter
from desktop.core.segmentation.outline import Heading
from desktop.core.segmentation.segment import Section
from desktop.gui import palette
from desktop.gui.reading.margin import GAP_PROPERTY, KIND_PROPERTY, LANES_WIDTH, MARGIN_WIDTH, Margin
from desktop.gui.reading.marks import Layer, Span, pale

FLASH_MS = 1200
_WALK_LIMIT = 3000  # pixels: beyond this from the block found last time, hit test the top block instead of walking
LINE_HEIGHT_PERCENT = 140
BLANK_LINE_PERCENT = 50
_BLANK_LINE = re.compile(r"\n(?=\n)")
READING_FAMILIES = ["Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                    "Microsoft YaHei", "PingFang SC", "SimSun"]


def _x_of(result: object) -> float:
    """QTextLine.cursorToX's x (PySide6 returns it as the first item of a tuple)."""
    return float(result[0] if isinstance(result, tuple) else result)  # type: ignore[arg-type]


DEFAULT_POINT_SIZE = 11.5  # the report text's size until the reviewer chooses another (Ctrl+= / Ctrl+-)
DOCUMENT_MARGIN = 12


def reading_font(point_size: float = DEFAULT_POINT_SIZE) -> QFont:
    """The font of report text: a CJK-capable family when one is installed."""
    font = QFont()
    font.setFamilies(READING_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def _line_aligned(text: str, start: int, end: int) -> bool:
    """True when [start, end) begins and ends its lines (only white space around it on them)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


class TextPane(QTextEdit):
    """Read-only report text in document coordinates; see the module docstring."""

    selection_changed = Signal(int, int)  # document offsets; -1, -1 when nothing is selected
    mark_clicked = Signal(str)  # annotation id of the clicked mark
    offset_clicked = Signal(int)  # document offset of a plain click (no selection made)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(reading_font())
        self.setMouseTracking(True)
        # The part tints are pale: keep the page light with dark text whatever the desktop theme is.
        colors = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            colors.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
            colors.setColor(group, QPalette.ColorRole.Text, QColor("#1a1a1a"))
        self.setPalette(colors)
        self._text = ""
        self._map = TextMap(0)
        self._layers: dict[str, Layer] = {}
        self._doc_layers: dict[str, tuple] = {}
        self._last_selection = (-1, -1)
        self._own_document: QTextDocument | None = None
        self._top_hint, self._top_hint_doc = 0, cast(QTextDocument | None, None)  # the block at the top of the view, last time it was asked
        self._loaded: tuple | None = None  # what load() showed last: shown again at another text size
        self._max_chars: int | None = None  # reading mode: characters a line at most (a centred column)
        self._side = -1.0  # the page's right margin (its left one holds the coding lanes too); wider in a column
        self._stripe = Margin(self)
        self.setViewportMargins(MARGIN_WIDTH, 0, 0, 0)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self._set_layer("flash", [], False))
        self.selectionChanged.connect(self._on_selection_changed)
        self.verticalScrollBar().valueChanged.connect(self._stripe.update)

    # --- content ----------------------------------------------------------------------------------------

    @property
    def textmap(self) -> TextMap:
        return self._map

    def document_text(self) -> str:
        return self._text

    def load(self, text: str, sections: Sequence[Section] = (), outline: Sequence[Heading] = (),
             clutter: Sequence[Clutter] = (), *, show_clutter: bool = False,
             insertions: Sequence[Insertion] = ()) -> None:
        """Show a document text with its parts tinted, headings bold, clutter hidden or greyed, and banners."""
        self._loaded = (text, sections, outline, clutter, show_clutter, insertions)
        clutter_spans = [(c.start, c.end) for c in clutter]
        hidden = [] if show_clutter else whole_line_spans(text, clutter_spans)
        tm = TextMap(len(text), hidden, insertions)
        display = tm.display_text(text)
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        doc.setPlainText(display)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        spacing = QTextBlockFormat()
        spacing.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(spacing)
        # Blank lines between paragraphs: half a line is enough space with the taller lines. (A fixed
        # height: a proportional height under 100% breaks Qt's hit testing of the next line.)
        blank = QTextBlockFormat()
        blank.setLineHeight(round(self.fontMetrics().lineSpacing() * BLANK_LINE_PERCENT / 100),
                            QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        for m in _BLANK_LINE.finditer(display):
            cursor.setPosition(m.end())
            cursor.mergeBlockFormat(blank)
        self._format_sections(cursor, display, tm, sections)
        self._format_headings(cursor, tm, outline)
        if show_clutter:
            grey = QTextCharFormat()
            grey.setForeground(palette.CLUTTER_TEXT)
            grey.setBackground(palette.CLUTTER_BACKGROUND)
            grey.setToolTip(self.tr("Page clutter (not part of the report)"))
            for a, b in clutter_spans:
                self._merge_char(cursor, tm.to_display(a, "start"), tm.to_display(b, "end"), grey)
        self._format_insertions(cursor, tm)
        cursor.endEditBlock()
        old = self._own_document  # the edit's initial document is deleted by the edit itself
        self._text, self._map = text, tm
        self._last_selection = (-1, -1)
        self._side = -1.0
        self.setDocument(doc)
        self._own_document = doc
        self._fit_column()
        if old is not None:
            old.deleteLater()
        self._rebuild_layers()
        self._stripe.remap()

    # --- text size and reading column ---------------------------------------------------------------------

    def point_size(self) -> float:
        return self.font().pointSizeF()

    def set_point_size(self, points: float) -> None:
        """Show the text at this size (the line at the top of the view and the selection stay)."""
        if abs(self.point_size() - points) >= 0.01:
            self._keeping_place(lambda: self.setFont(reading_font(points)), reload=True)

    def max_line_chars(self) -> int | None:
        return self._max_chars

    def set_max_line_chars(self, chars: int | None) -> None:
        """At most ``chars`` characters a line, in a column centred in the view (None: the view's whole width)."""
        if chars != self._max_chars:
            self._keeping_place(lambda: setattr(self, "_max_chars", chars), reload=False)

    def column_width(self) -> float:
        """The width the lines of text take (the view less the page's margins)."""
        return self.viewport().width() - self._left_margin() - self._side

    def _left_margin(self) -> float:
        return max(self._side, float(LANES_WIDTH))

    def _fit_column(self) -> None:
        side = float(DOCUMENT_MARGIN)
        if self._max_chars:  # a CJK character is one em wide: the column is so many of them
            column = self._max_chars * self.fontMetrics().horizontalAdvance("国")
            side = max(side, (self.viewport().width() - column) / 2)
        if abs(side - self._side) < 0.5:
            return
        self._side = side
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        fmt.setLeftMargin(self._left_margin())
        fmt.setRightMargin(side)
        frame.setFrameFormat(fmt)

    def _keeping_place(self, change: Callable[[], object], *, reload: bool) -> None:
        """Make a change that lays the text out again, keeping the line at the top and the selection."""
        at_start = self.verticalScrollBar().value() == 0
        top = self.offset_at_y(0)
        selection = self.document_selection()
        change()
        if reload and self._loaded is not None:
            text, sections, outline, clutter, show_clutter, insertions = self._loaded
            self.load(text, sections, outline, clutter, show_clutter=show_clutter, insertions=insertions)
        else:
            self._fit_column()
        if at_start:
            self.verticalScrollBar().setValue(0)
        else:
            self.scroll_display_to_y(self._map.to_display(top), 0)
        if selection != (-1, -1):
            self.select_document_span(*selection, notify=False)

    # --- coding stripes -------------------------------------------------------------------------------------

    def set_coding_stripes(self, spans: Sequence[tuple[int, int, QColor, str]]) -> None:
        """Bars in the margin, one per (document start, end, tag colour, tag name), beside the lines they cover
        (the QualCoder/MAXQDA habit: which codes apply where, at a glance); overlapping bars get their own lanes."""
        self._stripe.set_coding(spans)

    def margin_width(self) -> int:
        """The part stripe plus every coding lane: constant, so that no mark ever moves the text."""
        return MARGIN_WIDTH

    def coding_stripes(self) -> list[tuple[int, int, str, int]]:
        """(display start, end, label, lane) of the coding stripes (for tests)."""
        return self._stripe.stripes()

    def coding_bars(self) -> list[tuple[float, float, float, QColor]]:
        """(x, top, bottom, colour) of the coding bars on screen, in viewport coordinates (left of the text)."""
        return self._stripe.bars(self._left_margin() - LANES_WIDTH)

    def coding_labels_at(self, y: int) -> list[str]:
        """The tags whose bars cover this height of the margin."""
        return self._stripe.labels_at(y)

    @staticmethod
    def _merge_char(cursor: QTextCursor, a: int, b: int, fmt: QTextCharFormat) -> None:
        if b <= a:
            return
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def _format_sections(self, cursor: QTextCursor, display: str, tm: TextMap, sections: Sequence[Section]) -> None:
        # Top-level parts first, nested parts (a subsection or an inline item of another part) over them.
        ordered = sorted(sections, key=lambda s: s.placement != "section")
        for s in ordered:
            a, b = tm.span_to_display(s.start, s.end)
            if b <= a:
                continue
            colors = palette.kind_colors(s.kind)
            if _line_aligned(display, a, b):  # whole lines: tinted from margin to margin by paintEvent
                fmt = QTextBlockFormat()
                fmt.setProperty(KIND_PROPERTY, s.kind)
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeBlockFormat(fmt)
            else:  # a part that starts or ends inside a line (an inline item, a report on one line)
                char_fmt = QTextCharFormat()
                char_fmt.setBackground(colors.tint)
                self._merge_char(cursor, a, b, char_fmt)

    def _format_headings(self, cursor: QTextCursor, tm: TextMap, outline: Sequence[Heading]) -> None:
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        major = QTextCharFormat(bold)
        major.setFontPointSize(self.font().pointSizeF() * 1.1)
        headings = [h for h in outline if h.style != "cn_shi"]
        spans = tm.spans_to_display([(h.start, h.heading_end) for h in headings])
        for h, (a, b) in zip(headings, spans, strict=True):
            self._merge_char(cursor, a, b, major if h.level == 1 else bold)

    def _format_insertions(self, cursor: QTextCursor, tm: TextMap) -> None:
        if not tm.insertion_spans:
            return
        block_fmt = QTextBlockFormat()
        block_fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block_fmt.setProperty(GAP_PROPERTY, True)
        char_fmt = QTextCharFormat()
        char_fmt.setForeground(palette.GAP_TEXT)
        char_fmt.setFontWeight(QFont.Weight.Bold)
        for (a, b), ins in zip(tm.insertion_spans, tm.insertions, strict=True):
            a += len(ins.text) - len(ins.text.lstrip("\n"))  # a banner may open with a line break
            b -= len(ins.text) - len(ins.text.rstrip("\n"))
            if b <= a:
                continue
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cursor.setBlockFormat(block_fmt)
            cursor.mergeCharFormat(char_fmt)

    # --- marks --------------------------------------------------------------------------------------------

    def set_marks(self, name: str, spans: Sequence[tuple[int, int, QColor, str]], *, underline: bool = False,
                  lanes: bool = False, pale_fill: bool = False, line_color: QColor | None = None) -> None:
        """Paint a layer of marks given as (document start, end, colour, key); an empty list clears it.

        Layers are painted in the order "reuse", any other names (in the order first set), "search",
        "annotations". ``underline`` draws a
        line under each mark (``lanes``: overlapping marks on separate lines); ``pale_fill`` fills with a
        pale version of each colour and underlines in the colour itself; ``line_color`` overrides the line.
        """
        self._doc_layers[name] = (list(spans), underline, lanes, pale_fill, line_color)
        self._set_layer_from_document(name)
        self.viewport().update()

    def marks(self, name: str) -> list[tuple[int, int, QColor, str]]:
        """The marks of a layer as given (document offsets)."""
        return list(self._doc_layers[name][0]) if name in self._doc_layers else []

    def display_marks(self, name: str) -> list[tuple[int, int, str, int]]:
        """(display start, end, key, underline lane) of a layer's painted marks."""
        layer = self._layers.get(name)
        return [(s.start, s.end, s.key, s.lane) for s in layer.spans] if layer else []

    def _set_layer_from_document(self, name: str) -> None:
        spans, underline, lanes, pale_fill, line_color = self._doc_layers[name]
        colors: dict[int, tuple[QColor, QColor]] = {}  # one fill/line pair per colour (thousands of hits)
        by_object: dict[int, tuple[QColor, QColor]] = {}  # the same QColor object for every hit: skip rgba()
        display = []
        mapped = self._map.spans_to_display([(start, end) for start, end, _c, _k in spans])
        for (a, b), (_start, _end, color, key) in zip(mapped, spans, strict=True):
            if b <= a:
                continue
            pair = by_object.get(id(color))  # ids are unique here: ``spans`` keeps every colour alive
            if pair is None:
                pair = colors.get(color.rgba())
                if pair is None:
                    fill = pale(color) if pale_fill else QColor(color)
                    line = QColor(line_color or (QColor(color) if pale_fill else QColor(color).darker(160)))
                    line.setAlpha(255)
                    pair = colors[color.rgba()] = (fill, line)
                by_object[id(color)] = pair
            display.append(Span(a, b, pair[0], key, 0, pair[1]))
        self._layers[name] = Layer(display, underline, lanes)

    def _set_layer(self, name: str, spans: Sequence[Span], underline: bool) -> None:
        self._layers[name] = Layer(spans, underline)
        self.viewport().update()

    def _rebuild_layers(self) -> None:
        self._layers.pop("flash", None)
        for name in self._doc_layers:
            self._set_layer_from_document(name)

    # --- geometry and painting ----------------------------------------------------------------------------

    def visible_blocks(self) -> list[tuple[QTextBlock, float, float]]:
        """(block, top, height) in viewport coordinates of the blocks currently on screen."""
        out = []
        layout = self.document().documentLayout()
        scroll = self.verticalScrollBar().value()
        block = self._top_block(scroll)
        bottom = self.viewport().height()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(0, -scroll)
            if rect.top() > bottom:
                break
            if block.isVisible() and rect.bottom() >= 0:
                out.append((block, rect.top(), rect.height()))
            block = block.next()
        return out

    def _top_block(self, scroll: int) -> QTextBlock:
        """The block at height ``scroll`` (the top of the view): the last one starting at or above it.

        Walks from the block found last time instead of hit testing (cursorForPosition costs milliseconds per
        call on long texts, and every paint asks): scrolling moves a few blocks at a time, so the walk is short.
        A jump (a search hit, the end of the report) is hit tested as before.
        """
        doc = self.document()
        layout = doc.documentLayout()
        block = doc.findBlockByNumber(self._top_hint) if self._top_hint_doc is doc else doc.firstBlock()
        if not block.isValid() or abs(layout.blockBoundingRect(block).top() - scroll) > _WALK_LIMIT:
            block = self.cursorForPosition(QPoint(0, 0)).block()  # a jump: hit testing is faster than walking
        while block.previous().isValid() and layout.blockBoundingRect(block).top() > scroll:
            block = block.previous()
        # (block rectangles overlap: a short blank line's rectangle is taller than the room it takes)
        while block.next().isValid() and layout.blockBoundingRect(block.next()).top() <= scroll:
            block = block.next()
        self._top_hint, self._top_hint_doc = block.blockNumber(), doc
        return block

    def _span_rects(self, a: int, b: int, blocks: list[tuple[QTextBlock, float, float]],
                    full_line: bool = False) -> list[QRectF]:
        """Viewport rectangles covering display span [a, b): the glyph boxes, or whole lines (hit tests)."""
        rects = []
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        for block, _top, _height in blocks:
            bpos = block.position()
            if bpos >= b or bpos + block.length() <= a:
                continue
            layout = block.layout()
            origin = layout.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                ls, le = line.textStart(), line.textStart() + line.textLength()
                s, e = max(a - bpos, ls), min(b - bpos, le)
                if e <= s:
                    continue
                x1 = _x_of(line.cursorToX(s))
                x2 = _x_of(line.cursorToX(e))
                # the glyph box (ascent + descent), not the taller proportional line
                height = line.height() if full_line else line.ascent() + line.descent() + 1
                rects.append(QRectF(origin.x() + dx + min(x1, x2), origin.y() + dy + line.y(), abs(x2 - x1), height))
        return rects

    def _paint_tints(self, blocks: list[tuple[QTextBlock, float, float]]) -> None:
        """Part tints and gap banners as full-width bands, under the text (before QTextEdit paints it)."""
        painter = QPainter(self.viewport())
        left = max(0.0, self._side - DOCUMENT_MARGIN)  # 0, or beside a reading column: bands as wide as the page
        width = self.viewport().width() - 2 * left
        for i, (block, top, height) in enumerate(blocks):
            # up to the next block's top, so that consecutive lines of a part form one band
            bottom = blocks[i + 1][1] if i + 1 < len(blocks) else top + height
            fmt = block.blockFormat()
            if fmt.property(GAP_PROPERTY):
                painter.fillRect(QRectF(left, top, width, bottom - top), palette.GAP_BACKGROUND)
                continue
            kind = fmt.property(KIND_PROPERTY)
            if kind:
                painter.fillRect(QRectF(left, top, width, bottom - top), palette.kind_colors(kind).tint)
        painter.end()

    def paintEvent(self, event: QPaintEvent) -> None:
        blocks = self.visible_blocks()
        self._paint_tints(blocks)
        super().paintEvent(event)
        self._stripe.update()
        self._stripe.paint_bars(self.viewport(), self._left_margin() - LANES_WIDTH)
        if not blocks or not any(layer.spans for layer in self._layers.values()):
            return
        first, last = blocks[0][0], blocks[-1][0]
        vis_start, vis_end = first.position(), last.position() + last.length()
        painter = QPainter(self.viewport())
        fixed = ("reuse", "search", "annotations", "flash")
        extra = [n for n in self._layers if n not in fixed]
        for name in ("reuse", *extra, "search", "annotations", "flash"):
            layer = self._layers.get(name)
            if layer is None or not layer.spans:
                continue
            for span in layer.overlapping(vis_start, vis_end):
                rects = self._span_rects(span.start, span.end, blocks)
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
                for r in rects:
                    painter.fillRect(r, span.color)
                if layer.underline and span.line is not None:
                    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
                    for r in rects:  # below the glyphs, in the room the line height leaves
                        painter.fillRect(QRectF(r.left(), r.bottom() + 1 + 3 * span.lane, r.width(), 2), span.line)
        painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and self._stripe.show_tags(event, self._left_margin() - LANES_WIDTH):
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()
        rect = self.contentsRect()
        self._stripe.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(), rect.height()))

    # --- selection, clicks ------------------------------------------------------------------------------

    def document_selection(self) -> tuple[int, int]:
        """The selection in document offsets (hidden clutter and banners excluded); (-1, -1) when none."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return (-1, -1)
        span = self._map.span_to_document(cursor.selectionStart(), cursor.selectionEnd())
        return span if span is not None else (-1, -1)

    def select_document_span(self, start: int, end: int, *, notify: bool = True) -> None:
        """Select a document span (its visible part); ``notify=False`` restores a selection silently."""
        a, b = self._map.span_to_display(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        if notify:
            self.setTextCursor(cursor)
            return
        with QSignalBlocker(self):
            self.setTextCursor(cursor)
        self._last_selection = self.document_selection()

    def _on_selection_changed(self) -> None:
        current = self.document_selection()
        if current != self._last_selection:
            self._last_selection = current
            self.selection_changed.emit(*current)

    def _display_pos_at(self, point: QPoint) -> int:
        return self.cursorForPosition(point).position()

    def _annotation_at(self, point: QPoint) -> Span | None:
        layer = self._layers.get("annotations")
        if layer is None or not layer.spans:
            return None
        pos = self._display_pos_at(point)
        blocks = self.visible_blocks()
        candidates = [s for s in layer.at(pos) + layer.at(pos - 1)
                      if any(r.contains(point.x(), point.y()) for r in self._span_rects(s.start, s.end, blocks, True))]
        return min(candidates, key=lambda s: s.end - s.start) if candidates else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        point = event.position().toPoint()
        mark = self._annotation_at(point)
        if mark is not None:
            self.mark_clicked.emit(mark.key)
        self.offset_clicked.emit(self._map.to_document(self._display_pos_at(point)))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            over = self._annotation_at(event.position().toPoint()) is not None
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor)

    # --- scrolling ----------------------------------------------------------------------------------------

    def scroll_to_offset(self, offset: int, *, context_lines: int = 1, flash: bool = True) -> None:
        """Bring a document offset near the top of the view (a line of context above) and flash its line."""
        pos = self._map.to_display(offset)
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        self.setTextCursor(cursor)
        self.scroll_display_to_y(pos, self.line_height() * context_lines)
        if flash:
            self._flash(pos)

    def line_height(self) -> float:
        """Height of a line of body text (with the proportional line height)."""
        return self.fontMetrics().lineSpacing() * LINE_HEIGHT_PERCENT / 100

    def scroll_display_to_y(self, display_pos: int, y: float) -> None:
        """Scroll so that the line holding a display position is ``y`` pixels below the top of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(display_pos, self.document().characterCount() - 1)))
        bar = self.verticalScrollBar()
        top = self.cursorRect(cursor).top()  # viewport coordinates; lays the text out up to there
        bar.setValue(max(0, min(bar.maximum(), round(bar.value() + top - y))))

    def offset_at_y(self, y: int) -> int:
        """The document offset shown at ``y`` pixels below the top of the view."""
        return self._map.to_document(self._display_pos_at(QPoint(4, y)))

    def y_of_offset(self, offset: int) -> float:
        """Vertical position in the viewport of the line holding a document offset."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_display(offset))
        return self.cursorRect(cursor).top()

    def _flash(self, display_pos: int) -> None:
        """Briefly mark the line a navigation landed on, so that the eye finds it."""
        block = self.document().findBlock(display_pos)
        if not block.isValid():
            return
        line = block.layout().lineForTextPosition(display_pos - block.position())
        if line.isValid() and line.textLength() > 0:
            start = block.position() + line.textStart()
            end = start + line.textLength()
        else:
            start, end = block.position(), block.position() + max(1, block.length() - 1)
        self._set_layer("flash", [Span(start, end, palette.FLASH, "flash")], False)
        self._flash_timer.start(FLASH_MS)
