"""The agency column drawn so that the rows in view can be told apart: the place kept, the distinguishing body shown.

:class:`AgencyDelegate` shortens each agency name with :func:`desktop.core.review.agency_elision.distinct_elisions`
over the names of the rows in view (``梨树县政务…理局`` / ``梨树县政务…中心`` / ``梨树县人力…障局``, where Qt's own
eliding gave ``梨树…理局`` twice); the full name is in the tooltip and in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QWidget,
)

from desktop.core.review.agency_elision import ELLIPSIS, distinct_elisions
from desktop.core.review.agency_elision import elide_agency as _elide

__all__ = ["ELLIPSIS", "AgencyDelegate", "elide_agency", "shown_names"]

_Index = QModelIndex | QPersistentModelIndex
_MODEL_SIGNALS = ("modelReset", "layoutChanged", "rowsInserted", "rowsRemoved", "dataChanged", "rowsMoved")


def elide_agency(name: str, metrics: QFontMetrics, width: int) -> str:
    """One agency name as shown in ``width`` pixels on its own (place kept, body elided in the middle)."""
    return _elide(name, width, metrics.horizontalAdvance)


def _rows_in_view(view: QAbstractItemView, column: int) -> list[QModelIndex]:
    """The indexes of ``column`` in the rows the view shows now, and half as many again above and below (a row
    scrolled into view keeps its text apart from those it comes beside); a tree: its expanded rows, in order."""
    height = view.viewport().height()
    first = view.indexAt(QPoint(1, 1))
    if not first.isValid():
        return []
    tree = view if isinstance(view, QTreeView) else None

    def step(index: QModelIndex, down: bool) -> QModelIndex:
        if tree is not None:
            other = tree.indexBelow(index) if down else tree.indexAbove(index)
            return other.sibling(other.row(), column) if other.isValid() else other
        return index.sibling(index.row() + (1 if down else -1), column)

    rows: list[QModelIndex] = []
    index = first.sibling(first.row(), column)
    while index.isValid() and len(rows) < 200 and view.visualRect(index).top() < height:
        rows.append(index)
        index = step(index, True)
    extra = max(1, len(rows) // 2)
    below: list[QModelIndex] = []
    while index.isValid() and len(below) < extra:
        below.append(index)
        index = step(index, True)
    above: list[QModelIndex] = []
    index = step(first.sibling(first.row(), column), False)
    while index.isValid() and len(above) < extra:
        above.append(index)
        index = step(index, False)
    return above[::-1] + rows + below


def shown_names(view: QAbstractItemView, column: int, width: int) -> dict[str, str]:
    """The agency names of the rows in view, each as shown in ``width`` pixels beside the others."""
    names = [str(i.data() or "") for i in _rows_in_view(view, column)]
    return distinct_elisions(names, width, view.fontMetrics().horizontalAdvance)


class AgencyDelegate(QStyledItemDelegate):
    """Draws agency names shortened apart from the other names in view (the view's own eliding would cut the place
    or the body, and leave several agencies of one county alike). Computed once per view state, not per cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._watched: QObject | None = None
        self._cache: tuple[tuple, dict[str, str]] | None = None

    def _invalidate(self, *_args: object) -> None:
        self._generation += 1

    def _watch(self, view: QAbstractItemView) -> None:
        """Read the names again whenever the view's model changes (rows, order, names)."""
        model = view.model()
        if model is self._watched or model is None:
            return
        if isinstance(self._watched, QObject):
            for name in _MODEL_SIGNALS:
                try:
                    getattr(self._watched, name).disconnect(self._invalidate)
                except (RuntimeError, TypeError):  # already gone with its model
                    pass
        for name in _MODEL_SIGNALS:
            getattr(model, name).connect(self._invalidate)
        if isinstance(view, QTreeView) and self._watched is None:  # once: the view stays
            view.expanded.connect(self._invalidate)
            view.collapsed.connect(self._invalidate)
        self._watched = model
        self._invalidate()

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                        index: _Index) -> None:
        super().initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1 if style else 4
        width = option.rect.width() - 2 * margin
        text = option.text
        parent = self.parent()
        view = widget if isinstance(widget, QAbstractItemView) else (
            parent if isinstance(parent, QAbstractItemView) else None)
        if view is None or not text or option.font.italic():  # italic: a title standing in for a missing agency
            option.text = elide_agency(text, option.fontMetrics, width)
            return
        self._watch(view)
        top = view.indexAt(QPoint(1, 1))
        key = (self._generation, width, index.column(), top.row(), top.internalId() if top.isValid() else -1,
               view.viewport().height(), view.font().key())
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, shown_names(view, index.column(), width))
        shown = self._cache[1].get(text)
        option.text = shown if shown is not None else elide_agency(text, option.fontMetrics, width)

    def tooltip(self, option: QStyleOptionViewItem, index: _Index) -> str:
        """The cell's tooltip: the agency's full name first when the cell shows it shortened, then the model's."""
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        name = str(index.data() or "")
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        if not name or shown.text == name or name in tip.splitlines():
            return tip
        return name + ("\n" + tip if tip else "")

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 (Qt's name)
                  option: QStyleOptionViewItem, index: _Index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            text = self.tooltip(option, index)
            if text:
                QToolTip.showText(event.globalPos(), text, view)
            else:
                QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)
