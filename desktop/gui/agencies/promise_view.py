"""The promise tracker of one report: last year's plan items and what this report says of each.

A table (verdict, plan item, passage) read from desktop.core.agencies.tracker through the store. Keys on a row:
D reported as done (with the passage shown, or the text selected in the report), S back as a shortcoming,
N not mentioned; Enter opens the passage in the report. Every verdict is stored and undoable (Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.core.agencies.promises import DONE, NOT_MENTIONED, SHORTCOMING, STATUS_LABELS
from desktop.core.agencies.tracker import PromiseReport, TrackedPromise
from desktop.core.errors import ReviewDeskError
from desktop.gui import dialogs, i18n
from desktop.gui.agencies.store import AgencyStore
from desktop.gui.agencies.widths import fit_columns
from desktop.gui.plain import plain_label, plain_tip


def status_label(status: str) -> str:
    """A verdict in the interface's language (做到 / done …)."""
    return i18n.in_language(*STATUS_LABELS[status])


_KEYS = {Qt.Key.Key_D: DONE, Qt.Key.Key_S: SHORTCOMING, Qt.Key.Key_N: NOT_MENTIONED}


class _Table(QTableView):
    verdict = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        status = _KEYS.get(Qt.Key(event.key()))
        if status is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.verdict.emit(status)
            return
        super().keyPressEvent(event)


class PromiseTracker(QWidget):
    """Shows one report's tracker; ``open_passage(document_id, start, end)`` is emitted to show a passage."""

    open_passage = Signal(str, int, int)

    def __init__(self, store: AgencyStore, selection: Callable[[str], tuple[int, int]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.selection = selection  # the reader's selection in the shown report (document offsets), if any
        self.report: PromiseReport | None = None
        self.document_id = ""
        self.summary = plain_label(self)
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(0, 3, self)
        self.table = _Table(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.6))  # two lines
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # sized to its verdicts (_fit_verdicts)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verdict.connect(self._set_verdict)
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("Agencies", "Verdict"), QCoreApplication.translate("Agencies", "Last year's plan item"), QCoreApplication.translate("Agencies", "Passage this year")])
        self.table.setToolTip(QCoreApplication.translate("Agencies", "D: reported as done (the passage shown, or your selection in the report) · "
                                  "S: back as a shortcoming · N: not mentioned · Enter: show the passage · "
                                  "Ctrl+Z: undo"))
        self._fill_summary()

    def show_report(self, document_id: str) -> None:
        """Show the tracker of a report (keeps the selected row when it is the same report)."""
        row = self.table.currentIndex().row() if document_id == self.document_id else 0
        self.document_id = document_id
        self.report = self.store.promises(document_id)
        self.model.removeRows(0, self.model.rowCount())
        for p in self.report.promises if self.report else []:
            self.model.appendRow(self._row(p))
        self._fill_summary()
        self._fit_verdicts()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(max(row, 0), self.model.rowCount() - 1), 0))

    def _fit_verdicts(self) -> None:
        fit_columns(self.table, self.model, [0])

    def _row(self, p: TrackedPromise) -> list[QStandardItem]:
        verdict = QStandardItem(status_label(p.match.status) + (" ※" if p.corrected else ""))
        if p.corrected and p.correction is not None:
            verdict.setToolTip(plain_tip(QCoreApplication.translate("Agencies", "Corrected by %1 (automatic: %2)").replace(
                "%1", p.correction.reviewer_name or QCoreApplication.translate("Agencies", "a reviewer")).replace("%2", status_label(p.automatic.status))))
        item = QStandardItem(p.match.item.text)
        item.setToolTip(plain_tip(p.match.item.text))
        passage = QStandardItem(p.match.passage.text if p.match.passage else "—")
        if p.match.passage is not None:
            passage.setToolTip(plain_tip(p.match.passage.text))
        return [verdict, item, passage]

    def _fill_summary(self) -> None:
        r = self.report
        if r is None:
            text = QCoreApplication.translate("Agencies", "No report chosen.")
        elif r.previous is None:
            text = QCoreApplication.translate("Agencies", "No earlier report of this agency in the corpus: nothing to track. Import last year's report, "
                       "or merge the agency's groups.")
        elif not r.promises:
            text = QCoreApplication.translate("Agencies", "The %1 report has no plan items (下一年度安排) to track.").replace("%1", str(r.previous.year))
        else:
            text = (QCoreApplication.translate("Agencies", "%1 items of the %2 plan: %3 done, %4 back as shortcomings, %5 not mentioned.")
                    .replace("%1", str(len(r.promises))).replace("%2", str(r.previous.year))
                    .replace("%3", str(r.count(DONE))).replace("%4", str(r.count(SHORTCOMING)))
                    .replace("%5", str(r.count(NOT_MENTIONED))))
            if r.unplaced:
                text += " " + QCoreApplication.translate("Agencies", "%1 correction(s) no longer match an item of the plan (its text changed).").replace(
                    "%1", str(len(r.unplaced)))
        self.summary.setText(text)

    def current(self) -> TrackedPromise | None:
        row = self.table.currentIndex().row()
        if self.report is None or not 0 <= row < len(self.report.promises):
            return None
        return self.report.promises[row]

    def _set_verdict(self, status: str) -> None:
        p = self.current()
        if p is None or self.report is None or self.report.previous is None:
            return
        start = end = None
        if status != NOT_MENTIONED:
            selected = self.selection(self.document_id) if self.selection is not None else (-1, -1)
            if selected[0] >= 0 and selected[1] > selected[0]:
                start, end = selected
            elif p.match.passage is not None:
                start, end = p.match.passage.start, p.match.passage.end
            else:
                dialogs.info(self, QCoreApplication.translate("Agencies", "Promise tracker"),
                             QCoreApplication.translate("Agencies", "Select the passage in the report that says so, then press the key again."))
                return
        try:
            self.store.correct_promise(self.document_id, self.report.previous.id, p.match.item.text, status,
                                       start, end)
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Agencies", "Promise tracker"), str(exc))
            return
        self.show_report(self.document_id)

    def _activated(self, index: QModelIndex) -> None:
        p = self.current()
        if p is not None and p.match.passage is not None:
            self.open_passage.emit(self.document_id, p.match.passage.start, p.match.passage.end)
