"""The report text's left margin: a stripe in the strong colour of the part each line belongs to, and the coding
bars (one per annotation, in the colour of its tag, beside the lines it covers; the QualCoder/MAXQDA habit).

The stripe is a widget beside the text (:class:`Margin`); the coding bars are drawn by the text pane in the page's
own left margin (:data:`LANES_WIDTH`), which is there with or without annotations: the text never moves sideways or
reflows when the first annotation gets its bar (it moved 6-10 px and rewrapped when the margin widened for it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.gui import palette
from desktop.gui.plain import plain_tip

if TYPE_CHECKING:
    from desktop.gui.reading.text_pane import TextPane

KIND_PROPERTY = QTextFormat.Property.UserProperty + 1  # block format: the part kind, for the margin stripe
GAP_PROPERTY = QTextFormat.Property.UserProperty + 2  # block format: a gap banner line
STRIPE_WIDTH = 6
CODING_LANE = 3  # width of one coding stripe (one tag's bar beside the lines it applies to, and a gap)
MAX_CODING_LANES = 4
LANES_WIDTH = MAX_CODING_LANES * CODING_LANE + 2  # the page's left margin holds the lanes and a gap before the text
MARGIN_WIDTH = STRIPE_WIDTH


class Margin(QWidget):
    """The part stripe left of a :class:`TextPane`; it also keeps the coding bars (the pane draws them)."""

    def __init__(self, pane: TextPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self._doc: list[tuple[int, int, QColor, str]] = []  # document start, end, colour, label
        self._coding: list[tuple[int, int, QColor, str, int]] = []  # display start, end, colour, label, lane

    def sizeHint(self) -> QSize:
        return QSize(MARGIN_WIDTH, 0)

    # --- coding bars --------------------------------------------------------------------------------------
    def set_coding(self, spans: Sequence[tuple[int, int, QColor, str]]) -> None:
        """Bars for (document start, end, tag colour, tag name); overlapping bars get their own lanes."""
        self._doc = list(spans)
        self.remap()

    def remap(self) -> None:
        """Place the bars on the pane's display text again (after a load)."""
        spans = sorted(self._doc, key=lambda s: (s[0], -s[1]))
        mapped = self._pane.textmap.spans_to_display([(a, b) for a, b, _c, _l in spans]) if spans else []
        lane_ends: list[int] = []
        coding = []
        for (a, b), (_s, _e, color, label) in zip(mapped, spans, strict=True):
            if b <= a:
                continue
            lane = next((i for i, end in enumerate(lane_ends) if end <= a), len(lane_ends))
            lane = min(lane, MAX_CODING_LANES - 1)
            if lane == len(lane_ends):
                lane_ends.append(b)
            else:
                lane_ends[lane] = max(lane_ends[lane], b) if lane == MAX_CODING_LANES - 1 else b
            coding.append((a, b, color, label, lane))
        self._coding = coding
        self.update()

    def stripes(self) -> list[tuple[int, int, str, int]]:
        """(display start, end, label, lane) of the coding bars."""
        return [(a, b, label, lane) for a, b, _c, label, lane in self._coding]

    def _display_y_range(self, a: int, b: int) -> tuple[float, float]:
        pane = self._pane
        cursor = QTextCursor(pane.document())
        cursor.setPosition(min(a, pane.document().characterCount() - 1))
        top = pane.cursorRect(cursor).top()
        cursor.setPosition(min(max(b - 1, a), pane.document().characterCount() - 1))
        bottom = pane.cursorRect(cursor).bottom()
        return top, bottom

    def bars(self, left: float = 0) -> list[tuple[float, float, float, QColor]]:
        """(x, top, bottom, colour) of the coding bars on screen, in the pane's viewport coordinates, the lanes
        beginning at x = ``left``."""
        if not self._coding:
            return []
        blocks = self._pane.visible_blocks()
        if not blocks:
            return []
        first, last = blocks[0][0], blocks[-1][0]
        vis_start, vis_end = first.position(), last.position() + last.length()
        out: list[tuple[float, float, float, QColor]] = []
        for a, b, color, _label, lane in self._coding:
            if b < vis_start or a > vis_end:
                continue
            top, bottom = self._display_y_range(max(a, vis_start), min(b, vis_end))
            out.append((left + 1 + lane * CODING_LANE, top, bottom, color))
        return out

    def labels_at(self, y: int) -> list[str]:
        """The tags whose bars cover this height of the view."""
        pane = self._pane
        first = pane.cursorForPosition(QPoint(0, y)).position()  # the line at this height, start to end
        last = pane.cursorForPosition(QPoint(pane.viewport().width() - 1, y)).position()
        return sorted({label for a, b, _c, label, _l in self._coding if a <= last and first < b})

    def paint_bars(self, viewport: QWidget, left: float) -> None:
        """Draw the coding bars on the pane's viewport, the lanes beginning at x = ``left``."""
        bars = self.bars(left)
        if bars:
            painter = QPainter(viewport)
            for x, top, bottom, color in bars:
                painter.fillRect(QRectF(x, top, CODING_LANE - 1, bottom - top), color)
            painter.end()

    def show_tags(self, event: QHelpEvent, left: float) -> bool:
        """A tooltip over the coding lanes (from x = ``left`` in the viewport): the tags of the bars there."""
        if event.type() != QEvent.Type.ToolTip or not left <= event.pos().x() < left + LANES_WIDTH - 2:
            return False
        labels = self.labels_at(event.pos().y())
        if labels:
            QToolTip.showText(event.globalPos(), plain_tip("\n".join(labels)), self._pane.viewport())
        return bool(labels)

    # --- Qt -----------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().base())
        blocks = self._pane.visible_blocks()
        for i, (block, top, height) in enumerate(blocks):
            bottom = blocks[i + 1][1] if i + 1 < len(blocks) else top + height
            fmt = block.blockFormat()
            kind = fmt.property(KIND_PROPERTY)
            if fmt.property(GAP_PROPERTY):
                painter.fillRect(QRectF(1, top, STRIPE_WIDTH - 2, bottom - top), palette.MISSING_BORDER)
            elif kind:
                painter.fillRect(QRectF(1, top, STRIPE_WIDTH - 2, bottom - top), palette.kind_colors(kind).strong)
