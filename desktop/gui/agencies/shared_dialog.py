"""The corpus-wide view of text shared across agencies: passages found word for word in reports of different
agencies, each with the agencies holding it (agency, year, publication date; the earliest first).

Top, the passages (most agencies first; type to filter); bottom, the agencies of the chosen passage. Keys:
Up/Down choose, Tab moves to the agencies, Enter on an agency opens its report at the passage, F5 reads again.
The work runs on a worker (the index is brought up to date first); report text is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from desktop.core.agencies.shared import DEFAULT_MIN_CHARS, CorpusShared, SharedPassage
from desktop.core.storage.passages import MIN_INDEXED
from desktop.gui.agencies.shared_work import corpus_shared
from desktop.gui.agencies.widths import fit_columns
from desktop.gui.plain import plain_label, plain_tip
from desktop.gui.review_window import ReviewWindow
from desktop.gui.workers import LatestTask

ROW = Qt.ItemDataRole.UserRole + 1


class SharedTextDialog(QDialog):
    """Non-modal; ``window`` gives the database (executor) and opens reports."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("sharedText")
        self.found: CorpusShared | None = None
        self.status = plain_label(self)
        self.status.setWordWrap(True)
        self.min_chars = QSpinBox(self)
        self.min_chars.setRange(MIN_INDEXED, 500)
        self.min_chars.setValue(DEFAULT_MIN_CHARS)
        self.min_chars.valueChanged.connect(lambda _v: self.reload())
        self.filter = QLineEdit(self)
        self.passages_model = QStandardItemModel(0, 4, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.passages_model)
        self.proxy.setFilterKeyColumn(3)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.passages = QTableView(self)
        self.passages.setModel(self.proxy)
        self.passages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.passages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.passages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.passages.setWordWrap(True)
        self.passages.verticalHeader().setVisible(False)
        self.passages.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.6))  # two lines
        header = self.passages.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.passages.selectionModel().currentRowChanged.connect(self._passage_chosen)
        self.occurrences_model = QStandardItemModel(0, 4, self)
        self.occurrences = QTableView(self)
        self.occurrences.setModel(self.occurrences_model)
        self.occurrences.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.occurrences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.occurrences.verticalHeader().setVisible(False)
        self.occurrences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.occurrences.horizontalHeader().setStretchLastSection(True)
        self.occurrences.activated.connect(self._open)
        self.min_label = plain_label(self)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.min_label)
        bar.addWidget(self.min_chars)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.passages)
        split.addWidget(self.occurrences)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split)
        self.reload_action = QAction(self)
        self.reload_action.setShortcut(QKeySequence("F5"))
        self.reload_action.triggered.connect(self.reload)
        self.addAction(self.reload_action)
        self.latest = LatestTask("shared-corpus", self)
        self.latest.done.connect(self._show)
        self.latest.failed.connect(self._failed)
        self.resize(1100, 720)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Agencies", "Text shared across agencies"))
        self.filter.setPlaceholderText(QCoreApplication.translate("Agencies", "Filter passages…"))
        self.min_label.setText(QCoreApplication.translate("Agencies", "Shortest sentence (characters):"))
        self.passages_model.setHorizontalHeaderLabels([QCoreApplication.translate("Agencies", "Agencies"), QCoreApplication.translate("Agencies", "Reports"), QCoreApplication.translate("Agencies", "Earliest"),
                                                       QCoreApplication.translate("Agencies", "Passage")])
        self.occurrences_model.setHorizontalHeaderLabels([QCoreApplication.translate("Agencies", "Agency"), QCoreApplication.translate("Agencies", "Year"), QCoreApplication.translate("Agencies", "Published"),
                                                          QCoreApplication.translate("Agencies", "Report")])
        self.occurrences.setToolTip(QCoreApplication.translate("Agencies", "Enter: open this agency's report at the passage · F5: read again"))

    @property
    def busy(self) -> bool:
        return self.latest.running

    def reload(self) -> None:
        w = self.window_
        if w.executor is None:
            self.status.setText(QCoreApplication.translate("Agencies", "No database is open."))
            return
        self.status.setText(QCoreApplication.translate("Agencies", "Comparing the reports' sentences…"))
        task = self.latest.start(corpus_shared, w.executor, w.executor.path, self.min_chars.value())
        task.progress.connect(self._progress)

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.status.setText(QCoreApplication.translate("Agencies", "Indexing the sentences of new reports: %1 of %2…").replace("%1", str(done))
                            .replace("%2", str(total)))

    def _failed(self, exc: object, _traceback: str) -> None:
        self.status.setText(QCoreApplication.translate("Agencies", "The shared text could not be read: %1").replace("%1", str(exc)))

    def _show(self, result: CorpusShared) -> None:
        self.found = result
        self.passages_model.removeRows(0, self.passages_model.rowCount())
        for i, p in enumerate(result.passages):
            earliest = p.earliest
            when = " ".join(x for x in (str(earliest.year) if earliest.year is not None else "",
                                        earliest.published_at or "") if x)
            cells = [QStandardItem(str(p.agencies)), QStandardItem(str(p.reports)),
                     QStandardItem(f"{earliest.agency or '—'} {when}".strip()), QStandardItem(p.text)]
            cells[0].setData(i, ROW)
            cells[3].setToolTip(plain_tip(p.text))
            self.passages_model.appendRow(cells)
        text = QCoreApplication.translate("Agencies", "%1 passages of at least %2 characters are found in reports of different agencies "
                   "(the earliest agency is listed first).").replace("%1", str(len(result.passages))).replace(
            "%2", str(self.min_chars.value()))
        if result.unindexed:
            text += " " + QCoreApplication.translate("Agencies", "%1 report(s) could not be indexed and were not compared.").replace(
                "%1", str(result.unindexed))
        self.status.setText(text)
        if self.proxy.rowCount():
            self.passages.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self.occurrences_model.removeRows(0, self.occurrences_model.rowCount())

    def current_passage(self) -> SharedPassage | None:
        index = self.passages.currentIndex()
        if self.found is None or not index.isValid():
            return None
        row = self.proxy.index(index.row(), 0).data(ROW)
        return self.found.passages[int(row)] if row is not None else None

    def _passage_chosen(self, _index: QModelIndex, _previous: QModelIndex) -> None:
        self.occurrences_model.removeRows(0, self.occurrences_model.rowCount())
        p = self.current_passage()
        for o in p.occurrences if p else ():
            cells = [QStandardItem(o.agency or QCoreApplication.translate("Agencies", "(no agency found)")),
                     QStandardItem(str(o.year) if o.year is not None else "—"),
                     QStandardItem(o.published_at or "—"), QStandardItem(o.document_id)]
            self.occurrences_model.appendRow(cells)
        fit_columns(self.occurrences, self.occurrences_model, [0, 1, 2])
        if self.occurrences_model.rowCount():
            self.occurrences.setCurrentIndex(self.occurrences_model.index(0, 0))

    def _open(self, index: QModelIndex) -> None:
        p = self.current_passage()
        if p is not None and 0 <= index.row() < len(p.occurrences):
            o = p.occurrences[index.row()]
            self.window_.open_document(o.document_id, offset=o.start)
