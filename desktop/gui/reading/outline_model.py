"""OutlineModel: a read-only tree model over a report's heading outline (record.outline).

The core gives the outline as a flat list of headings in text order, each with a level; this model nests
them (a heading's parent is the nearest earlier heading of a lower level) and exposes one column: the
heading text, decorated with the colour of the part it lies in. A heading that starts a part segmentation is
unsure of carries the 请核对 mark (the reason on hover); ``DOUBT_ROLE`` gives that reason. ``OFFSET_ROLE``
gives the heading's document offset, which the report view scrolls to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.core.segmentation.outline import Heading
from desktop.core.segmentation.segment import Section
from desktop.gui.i18n import core_text
from desktop.gui.palette import kind_colors, kind_label
from desktop.gui.plain import plain_tip

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3
DOUBT_ROLE = Qt.ItemDataRole.UserRole + 4

_SPACES = re.compile(r"\s+")
_ROOT = -1
_NO_PARENT = QModelIndex()


@dataclass
class _Node:
    heading: int  # index into the outline list, _ROOT for the invisible root
    parent: int
    row: int
    children: list[int] = field(default_factory=list)


def kind_lookup(sections: Sequence[Section]) -> Callable[[int], str | None]:
    """A function giving the kind of the innermost section at a document offset (nested placements win)."""
    nested = sorted((s for s in sections if s.placement != "section"), key=lambda s: s.start)
    nested_starts = [s.start for s in nested]
    reach: list[int] = []  # running maximum of the nested sections' ends: where a backwards scan can stop
    running = -1
    for s in nested:
        running = max(running, s.end)
        reach.append(running)
    top = sorted((s for s in sections if s.placement == "section"), key=lambda s: s.start)
    starts = [s.start for s in top]

    def kind_at(offset: int) -> str | None:
        # Only the nested sections starting at or before the offset and reaching past it (thousands of headings
        # on a long report: no scan of every nested section per heading).
        inner = []
        j = bisect_right(nested_starts, offset) - 1
        while j >= 0 and reach[j] > offset:
            if nested[j].end > offset:
                inner.append(nested[j])
            j -= 1
        if inner:
            return min(inner, key=lambda s: s.end - s.start).kind
        i = bisect_right(starts, offset) - 1
        return top[i].kind if i >= 0 and offset < top[i].end else None

    return kind_at


class OutlineModel(QAbstractItemModel):
    """The heading hierarchy of one report; node ids are indices into the outline list (root is -1)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headings: list[Heading] = []
        self._kinds: list[str | None] = []
        self._doubts: list[str] = []
        self._nodes: dict[int, _Node] = {_ROOT: _Node(_ROOT, _ROOT, 0)}
        self._starts: list[int] = []

    def set_outline(self, outline: Sequence[Heading], sections: Sequence[Section] = ()) -> None:
        """Replace the outline (and the sections that give each heading its kind colour)."""
        self.beginResetModel()
        self._headings = list(outline)
        kind_at = kind_lookup(sections)
        self._kinds = [kind_at(h.start) for h in self._headings]
        # a part segmentation is unsure of, starting at this heading (corrected/confirmed parts are high)
        low = {s.start: s.reason or s.kind for s in sections if s.confidence == "low" and s.kind != "preamble"}
        self._doubts = [low.get(h.start, "") for h in self._headings]
        self._starts = [h.start for h in self._headings]
        nodes: dict[int, _Node] = {_ROOT: _Node(_ROOT, _ROOT, 0)}
        stack: list[int] = []
        for i, h in enumerate(self._headings):
            while stack and self._headings[stack[-1]].level >= h.level:
                stack.pop()
            parent = stack[-1] if stack else _ROOT
            siblings = nodes[parent].children
            nodes[i] = _Node(i, parent, len(siblings))
            siblings.append(i)
            stack.append(i)
        self._nodes = nodes
        self.endResetModel()

    def heading(self, index: QModelIndex) -> Heading | None:
        if not index.isValid():
            return None
        return self._headings[index.internalId()]

    def index_for_offset(self, offset: int) -> QModelIndex:
        """The index of the last heading starting at or before a document offset (invalid if none)."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[i].row, 0, i)

    # --- QAbstractItemModel ---------------------------------------------------------------------------

    def _node_id(self, index: QModelIndex | QPersistentModelIndex) -> int:
        return index.internalId() if index.isValid() else _ROOT

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._nodes[self._node_id(parent)].children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None):
        if index is None:  # QObject.parent(), which this overload shadows
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent = self._nodes[index.internalId()].parent
        if parent == _ROOT:
            return QModelIndex()
        return self.createIndex(self._nodes[parent].row, 0, parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._nodes[self._node_id(parent)].children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Outline")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        h = self._headings[index.internalId()]
        kind = self._kinds[index.internalId()]
        doubt = self._doubts[index.internalId()] if self._doubts else ""
        if role == Qt.ItemDataRole.DisplayRole:
            text = _SPACES.sub(" ", h.text).strip()
            return "【" + self.tr("请核对") + f"】{text}" if doubt else text  # in front: a long heading is cut at its end
        if role == Qt.ItemDataRole.ToolTipRole:
            label = kind_label(kind) if kind else ""
            tip = f"{h.text.strip()}\n{label}" if label else h.text.strip()
            if doubt:
                tip += "\n" + self.tr("Please check: %1").replace("%1", core_text(doubt))
            return plain_tip(tip)
        if role == Qt.ItemDataRole.ForegroundRole and doubt:
            return QColor("#b35c00")
        if role == DOUBT_ROLE:
            return doubt
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_colors(kind).strong if kind else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if h.level == 1 and h.style != "cn_shi":
                font.setBold(True)
            elif h.style == "cn_shi":
                font.setItalic(True)
            return font
        if role == OFFSET_ROLE:
            return h.start
        if role == KIND_ROLE:
            return kind
        if role == LEVEL_ROLE:
            return h.level
        return None
