"""Review progress across the corpus: how many reports are not started, in progress and done, with each total.

:class:`OverviewModel` is a table adapter over :func:`desktop.core.scoring.scores.review_overview` rows joined with the
documents' summaries (one row per current document). :class:`OverviewDialog` shows it with a progress bar and a
status filter; double-clicking a report asks the main window to open it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from desktop.core.collation import pinyin_sort_key
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import find_rubric
from desktop.core.scoring.scores import DONE, IN_PROGRESS, NOT_STARTED, STATUSES, OverviewRow, review_overview
from desktop.core.storage.documents import DocumentSummary, list_documents
from desktop.gui.plain import PlainLabel
from desktop.gui.proxies import change_filter

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
_STATUS_TEXT = {NOT_STARTED: QT_TRANSLATE_NOOP("Scoring", "Not started"), IN_PROGRESS: QT_TRANSLATE_NOOP("Scoring", "In progress"),
                DONE: QT_TRANSLATE_NOOP("Scoring", "Submitted")}


class OverviewModel(QAbstractTableModel):
    """Rows: (document summary, overview row); columns: agency, year, report, status, scored criteria, total."""

    COLUMNS = ("agency", "year", "report", "status", "scored", "total")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[DocumentSummary, OverviewRow]] = []
        self._name_keys: dict[tuple[int, str], str] = {}  # pinyin keys, made once per row and column

    def set_rows(self, rows: list[tuple[DocumentSummary, OverviewRow]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._name_keys = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {"agency": QCoreApplication.translate("Scoring", "Agency"), "year": QCoreApplication.translate("Scoring", "Year"), "report": QCoreApplication.translate("Scoring", "Report"), "status": QCoreApplication.translate("Scoring", "Status"),
                "scored": QCoreApplication.translate("Scoring", "Scored"), "total": QCoreApplication.translate("Scoring", "Total")}[self.COLUMNS[section]]

    # A report's title is read in pinyin up to this many characters (a key costs ~0.4 ms for a whole title: a corpus'
    # titles differ well before), then compared as written.
    TITLE_READ = 24

    def _name_key(self, row: int, column: str, doc: DocumentSummary) -> str:
        key = self._name_keys.get((row, column))
        if key is None:
            if column == "agency":
                key = pinyin_sort_key(doc.agency) or "\uffff"  # no agency: last
            else:
                title = doc.title or doc.name
                key = (pinyin_sort_key(title[:self.TITLE_READ]) or "") + "\x1f" + title
            self._name_keys[(row, column)] = key
        return key

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc, row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return doc.id
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.DisplayRole:
            return {"agency": doc.agency or "—", "year": str(doc.year) if doc.year else "—",
                    "report": doc.title or doc.name, "status": QCoreApplication.translate("Scoring", str(_STATUS_TEXT.get(row.status, row.status))),
                    "scored": f"{row.scored} / {row.criteria}",
                    "total": fmt(row.total)}[column]
        if role == SORT_ROLE:
            if column in ("agency", "report"):  # Chinese names in pinyin order (as WPS and Excel sort them)
                return self._name_key(index.row(), column, doc)
            return {"year": doc.year or 0,
                    "status": STATUSES.index(row.status) if row.status in STATUSES else 9, "scored": row.scored,
                    "total": -1.0 if row.total is None else row.total}[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("year", "scored", "total"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _StatusFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.status = ""
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: str) -> None:
        def apply() -> None:
            self.status = status

        change_filter(self, apply)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.status:
            return True
        return self.sourceModel().index(source_row, 0, source_parent).data(STATUS_ROLE) == self.status


class OverviewDialog(QDialog):
    """Review progress of one reviewer across the corpus under one rubric."""

    open_requested = Signal(str)  # document id

    def __init__(self, reader: Database, reviewer_id: str, reviewer_name: str, rubric_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Scoring", "Review overview"))
        self.reader, self.reviewer_id, self.rubric_id = reader, reviewer_id, rubric_id
        self.model = OverviewModel(self)
        self.proxy = _StatusFilter(self)
        self.proxy.setSourceModel(self.model)
        self.heading = PlainLabel(self)
        self.heading.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.counts = PlainLabel(self)
        self.filter = QComboBox(self)
        self.filter.addItem(QCoreApplication.translate("Scoring", "All reports"), "")
        for status in STATUSES:
            self.filter.addItem(QCoreApplication.translate("Scoring", str(_STATUS_TEXT[status])), status)
        self.filter.currentIndexChanged.connect(lambda _i: self.proxy.set_status(self.filter.currentData()))
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.reviewer_name = reviewer_name
        self.reload()

    def reload(self) -> None:
        """Re-read the overview from the database."""
        overview = review_overview(self.reader, self.reviewer_id, self.rubric_id)
        rubric = find_rubric(self.reader, overview.rubric_id)
        docs = {d.id: d for d in list_documents(self.reader)}
        self.model.set_rows([(docs[i], r) for i, r in overview.rows.items() if i in docs])
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        n = overview.documents
        self.progress.setRange(0, max(1, n))
        self.progress.setValue(overview.counts[DONE])
        self.progress.setFormat(QCoreApplication.translate("Scoring", "%1 of %2 reports submitted (%p%)").replace("%1", str(overview.counts[DONE]))
                                .replace("%2", str(n)))
        self.counts.setText(QCoreApplication.translate("Scoring", "Not started: %1 · In progress: %2 · Submitted: %3")
                            .replace("%1", str(overview.counts[NOT_STARTED]))
                            .replace("%2", str(overview.counts[IN_PROGRESS])).replace("%3", str(overview.counts[DONE])))
        rubric_text = f"{rubric.name}（{rubric.version}）" if rubric else QCoreApplication.translate("Scoring", "default rubric")
        self.heading.setText(QCoreApplication.translate("Scoring", "Reviewer: %1 — rubric: %2").replace("%1", self.reviewer_name)
                             .replace("%2", rubric_text))

    def _open(self, index: QModelIndex) -> None:
        doc_id = self.proxy.data(index, ID_ROLE)
        if doc_id:
            self.open_requested.emit(doc_id)
