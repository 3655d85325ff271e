"""FlowLayout: a row of widgets that wraps onto more rows when the room is narrow (as words wrap in a line).

Used for tool rows (filters, the side-by-side toolbar) so that a narrow window or pane stacks them instead of
asking for the width of the whole row: the layout's minimum width is that of its widest item.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new row when the next one does not fit; a stretch item (``stretch``
    set on :meth:`add_widget`) takes the room left at the end of its row."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()  # ids of items that take the rest of their row
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def add_widget(self, widget: QWidget, stretch: bool = False) -> None:
        self.addWidget(widget)
        if stretch:
            self._stretch.add(id(self._items[-1]))

    # -- QLayout ---------------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        visible = [i for i in self._items if not i.isEmpty()]
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in visible) + self._spacing * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Place the items in rows within ``rect`` (when ``apply``); the height the rows take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            width = min(item.sizeHint().width(), area.width())
            if rows[-1] and used + self._spacing + width > area.width():
                rows.append([])
                used = 0
            used += (self._spacing if rows[-1] else 0) + width
            rows[-1].append(item)
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(i.sizeHint().height() for i in row)
            widths = [max(i.minimumSize().width(), min(i.sizeHint().width(), area.width())) for i in row]
            spare = area.width() - sum(widths) - self._spacing * (len(row) - 1)
            stretchers = [k for k, i in enumerate(row) if id(i) in self._stretch or _expanding(i)]
            if spare > 0 and stretchers:
                for k in stretchers:
                    widths[k] += spare // len(stretchers)
            x = area.x()
            for item, width in zip(row, widths, strict=True):
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (height - item.sizeHint().height()) // 2),
                                           QSize(width, item.sizeHint().height())))
                x += width + self._spacing
            y += height + self._spacing
        return y - self._spacing - area.y() + margins.top() + margins.bottom() if y > area.y() else 0


def _expanding(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding
