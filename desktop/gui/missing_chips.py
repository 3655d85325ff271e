"""A report's missing required parts as short chips (缺 不足 · 缺 履职 · 缺 安排), wherever they show.

The chips name each part by one short word in the interface language; the full names are in the tooltip and the
status bar (:func:`tooltip`, :func:`spelt_out`). Where a cell or label is too narrow for every chip it says the same
compactly — the first chip and how many more (``缺 不足 +2``), else how many (``缺 3 项``) — and never cuts a word
(:func:`fitted`). :class:`MissingChipsDelegate` draws a table cell that way, :class:`MissingChipsLabel` a label.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.core.segmentation.classify import KIND_LABELS
from desktop.gui import i18n, palette

__all__ = ["SEPARATOR", "MissingChipsDelegate", "MissingChipsLabel", "chip", "chips", "chips_text", "column_sample",
           "count_text", "first_and_more", "fitted", "part_word", "spelt_out", "text_width", "tooltip"]

SEPARATOR = " · "  # between two chips of a cell (no chip holds it: the delegate splits a cell's text on it)


def part_word(kind: str) -> str:
    """A part's one-word name, the chips' word: 不足 (zh_CN), "flaws" (en); a narrow column's part name."""
    # one literal per word, so that lupdate finds each of them
    words = {
        "preamble": QCoreApplication.translate("MissingChips", "preamble", "a part's one-word name"),
        "achievements": QCoreApplication.translate("MissingChips", "measures", "a part's one-word name"),
        "shortcomings": QCoreApplication.translate("MissingChips", "flaws", "a part's one-word name"),
        "leader_duty": QCoreApplication.translate("MissingChips", "duty", "a part's one-word name"),
        "next_plan": QCoreApplication.translate("MissingChips", "plan", "a part's one-word name"),
        "other": QCoreApplication.translate("MissingChips", "other", "a part's one-word name"),
    }
    return words[kind] if kind in words else palette.kind_label(kind)


def chip(kind: str) -> str:
    """One missing part's chip: 缺 不足 (zh_CN), "no flaws" (en)."""
    return QCoreApplication.translate("MissingChips", "no %1", "a missing part's chip").replace("%1", part_word(kind))


def chips(kinds: Sequence[str]) -> list[str]:
    return [chip(k) for k in kinds]


def chips_text(kinds: Sequence[str]) -> str:
    """Every chip, ``缺 不足 · 缺 履职`` (a table's cell text; its delegate fits it to the cell)."""
    return SEPARATOR.join(chips(kinds))


def _part_names(kinds: Sequence[str]) -> list[str]:
    # English glosses the regulation's Chinese name (the name the reports themselves use)
    english = i18n.current_language() == i18n.ENGLISH
    return [f"{palette.kind_label(k)} ({KIND_LABELS[k][0]})" if english and k in KIND_LABELS else palette.kind_label(k)
            for k in kinds]


def spelt_out(kinds: Sequence[str]) -> str:
    """The missing parts by their full names on one line (the status bar): 缺少必备部分：存在的不足和原因、…"""
    if not kinds:
        return QCoreApplication.translate("MissingChips", "All required parts were found.")
    names = _part_names(kinds)
    comma = QCoreApplication.translate("MissingChips", ", ", "between two part names")
    return QCoreApplication.translate("MissingChips", "Missing required parts: %1").replace("%1", comma.join(names))


def tooltip(kinds: Sequence[str]) -> str:
    """The missing parts by their full names, one a line (a chip's tooltip)."""
    if not kinds:
        return QCoreApplication.translate("MissingChips", "All required parts were found.")
    return "\n".join([QCoreApplication.translate("MissingChips", "Missing required parts:"), *_part_names(kinds)])


def column_sample() -> str:
    """The text a missing-parts column is sized for, one chip and how many more (缺 不足 +2): longer lists fold so."""
    return first_and_more(chip("shortcomings"), 2)


def first_and_more(first: str, more: int) -> str:
    """The first chip and how many more: 缺 不足 +2."""
    text = QCoreApplication.translate("MissingChips", "%1 +%2", "the first missing part's chip, how many more")
    return text.replace("%1", first).replace("%2", str(more))


def count_text(count: int) -> str:
    return QCoreApplication.translate("MissingChips", "%1 missing").replace("%1", str(count))


def fitted(shown: Sequence[str], width: float, metrics: QFontMetricsF) -> str:
    """The chips ``shown`` said within ``width`` pixels: all of them, else the first and how many more, else how
    many; the shortest form (the bare count) when nothing fits. Never a cut word."""
    count = len(shown)
    if not count:
        return ""
    forms = [SEPARATOR.join(shown)]
    if count > 1:
        forms.append(first_and_more(shown[0], count - 1))
    forms += [count_text(count), str(count)]
    # whole pixels, rounded up: what the view compares when it decides to elide
    return next((form for form in forms if math.ceil(metrics.horizontalAdvance(form)) <= width), forms[-1])


def text_width(option: QStyleOptionViewItem, widget: QWidget | None) -> int:
    """The room for text in an item view's cell (the style's text rectangle less its margins)."""
    style = widget.style() if widget is not None else QApplication.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
    return rect.width() - 2 * margin


class MissingChipsDelegate(QStyledItemDelegate):
    """Draws a missing-parts cell (its text: :func:`chips_text`) fitted to the column's width (:func:`fitted`)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if option.text and option.rect.width() > 0:  # (no width: a size hint, which asks for every chip)
            widget = option.widget if option.widget is not None else self.parent()
            view = widget if isinstance(widget, QWidget) else None
            option.text = fitted(option.text.split(SEPARATOR), text_width(option, view), QFontMetricsF(option.font))

    def shown_text(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> str:
        """The text this delegate draws in ``option.rect`` (tests compare it with the font's measure)."""
        self.initStyleOption(option, index)
        return option.text


class MissingChipsLabel(QLabel):
    """A label showing missing parts as chips fitted to its width; the full names in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._kinds: tuple[str, ...] = ()
        self.setStyleSheet(f"QLabel {{ color: {palette.css(palette.MISSING_TEXT)}; }}")

    def set_kinds(self, kinds: Sequence[str]) -> None:
        """Show these missing parts (none: the label is empty and hidden)."""
        self._kinds = tuple(kinds)
        self.setToolTip(tooltip(self._kinds) if self._kinds else "")
        self.setVisible(bool(self._kinds))
        self.updateGeometry()
        self._fit()

    def kinds(self) -> tuple[str, ...]:
        return self._kinds

    def _room(self) -> int:
        return self.contentsRect().width() - 2 * self.margin()

    def _fit(self) -> None:
        super().setText(fitted(chips(self._kinds), self._room(), QFontMetricsF(self.font())) if self._kinds else "")

    def sizeHint(self) -> QSize:
        # a line shared with a title: the first chip and how many more (the label shows all when given the room)
        shown = chips(self._kinds)
        compact = first_and_more(shown[0], len(shown) - 1) if len(shown) > 1 else "".join(shown)
        hint = super().sizeHint()
        return QSize(math.ceil(QFontMetricsF(self.font()).horizontalAdvance(compact)) + self.width() - self._room(),
                     hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        least = math.ceil(QFontMetricsF(self.font()).horizontalAdvance(str(len(self._kinds))))
        return QSize(least + self.width() - self._room(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
