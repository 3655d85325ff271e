"""Retrieved segments: every passage in the corpus that carries a tag (the coding query of analysis tools).

:class:`SegmentsModel` is a table over ``desktop.core.review.annotations.list_by_tag`` results; the dock lets the
reviewer pick a tag and open any passage in its report (double-click or Enter).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review.annotations import RetrievedSegment
from desktop.core.review.codebook import Tag
from desktop.gui.annotate.models import ID_ROLE, SPAN_ROLE, _kind_label, swatch
from desktop.gui.plain import PlainLabel, plain_tip

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 20
Index = QModelIndex | QPersistentModelIndex


class SegmentsModel(QAbstractTableModel):
    """Rows: annotations with one tag across the corpus — report, year, part, passage, comment, reviewer."""

    REPORT, YEAR, PART, PASSAGE, COMMENT, REVIEWER = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RetrievedSegment] = []

    def set_segments(self, segments: list[RetrievedSegment]) -> None:
        self.beginResetModel()
        self._rows = list(segments)
        self.endResetModel()

    def segment(self, row: int) -> RetrievedSegment:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 6:
            return None
        return [QCoreApplication.translate("Annotations", "Report"), QCoreApplication.translate("Annotations", "Year"), QCoreApplication.translate("Annotations", "Part"), QCoreApplication.translate("Annotations", "Passage"), QCoreApplication.translate("Annotations", "Comment"), QCoreApplication.translate("Annotations", "Reviewer")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        seg = self._rows[index.row()]
        a = seg.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            return [seg.agency or seg.document_title or seg.document_name, "" if seg.year is None else str(seg.year),
                    _kind_label(a.section_kind) if not a.orphan else QCoreApplication.translate("Annotations", "Orphan"), " ".join(a.quote.split()),
                    " ".join(a.comment.split()), a.reviewer_name][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(a.quote + (f"\n\n{a.comment}" if a.comment else ""))
        return {ID_ROLE: a.id, SPAN_ROLE: (a.start, a.end), DOCUMENT_ROLE: a.document_id}.get(role)


class RetrievedSegmentsDock(QDockWidget):
    """Pick a tag, see every passage with it in the corpus, open one in its report."""

    open_requested = Signal(str, int, int)  # document id, start, end
    tag_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrievedSegmentsDock")
        self.model = SegmentsModel(self)
        body = QWidget(self)
        self.tag_combo = QComboBox(body)
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_combo.currentIndexChanged.connect(lambda _i: self.tag_changed.emit(self.current_tag_id()))
        self.count = PlainLabel(body)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.tag_label = PlainLabel(body)
        top.addWidget(self.tag_label)
        top.addWidget(self.tag_combo)
        top.addWidget(self.count, 1)
        self.table = QTableView(body)
        self.table.setObjectName("segmentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 200), (1, 50), (2, 110), (3, 320), (4, 160)):
            self.table.setColumnWidth(col, width)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.retranslate()

    def set_tags(self, tags: list[Tag]) -> None:
        """Offer these tags (keeping the chosen one if it is still there)."""
        keep = self.current_tag_id()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        for tag in tags:
            self.tag_combo.addItem(swatch(QColor(tag.color)), tag.name, tag.id)
        found = self.tag_combo.findData(keep) if keep else 0
        self.tag_combo.setCurrentIndex(max(found, 0))
        self.tag_combo.blockSignals(False)
        if self.current_tag_id() != keep:
            self.tag_changed.emit(self.current_tag_id())

    def current_tag_id(self) -> str:
        return str(self.tag_combo.currentData() or "")

    def choose_tag(self, tag_id: str) -> None:
        found = self.tag_combo.findData(tag_id)
        if found >= 0:
            self.tag_combo.setCurrentIndex(found)

    def set_segments(self, segments: list[RetrievedSegment]) -> None:
        self.model.set_segments(segments)
        self._counts = (len(segments), len({s.annotation.document_id for s in segments}))
        self._show_count()

    def _show_count(self) -> None:
        passages, reports = getattr(self, "_counts", (0, 0))
        self.count.setText(QCoreApplication.translate("Annotations", "%1 passage(s) in %2 report(s)").replace("%1", str(passages))
                           .replace("%2", str(reports)))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            start, end = index.data(SPAN_ROLE)
            self.open_requested.emit(str(index.data(DOCUMENT_ROLE)), start, end)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Annotations", "Retrieved Segments"))
        self.tag_label.setText(QCoreApplication.translate("Annotations", "Passages tagged"))
        self.table.setToolTip(QCoreApplication.translate("Annotations", "Double-click or press Enter to open the passage in its report"))
        if hasattr(self, "_counts"):
            self._show_count()  # the count line follows a language switch too

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
