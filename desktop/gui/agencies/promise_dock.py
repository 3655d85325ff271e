"""The promise tracker beside side by side: last year's plan items and what the newer report of the pair says of
each, while the two reports are read side by side.

A dock (hidden until the reviewer opens it: Agencies › Promise Tracker Beside Side by Side, or the View menu) that
follows the pair shown side by side: it tracks the newer report of the pair (the right pane by convention) and
says when the tracker's earlier report is not the one on the left (the agency's latest earlier report is another
year). Enter on an item shows its passage in the newer report's pane and the plan item in the left pane when the
left report is the one that promised; D/S/N correct the verdict, with the newer pane's selection as the passage
(desktop.gui.agencies.promise_view).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

from desktop.core.changes import Changes
from desktop.core.storage.documents import DocumentRecord
from desktop.gui.agencies.promise_view import PromiseTracker
from desktop.gui.agencies.store import AgencyStore
from desktop.gui.plain import plain_label
from desktop.gui.review_window import ReviewWindow

if TYPE_CHECKING:  # the panes belong to the reading feature: used through the window, never imported
    from desktop.gui.reading.report_view import ReportView


def _older_first(left: DocumentRecord, right: DocumentRecord) -> tuple[DocumentRecord, DocumentRecord]:
    """The pair as (older, newer): by year, the right pane being the newer one when the years say nothing."""
    a, b = left.summary.year, right.summary.year
    if a is not None and b is not None and a > b:
        return right, left
    return left, right


class PromiseDock(QDockWidget):
    """The tracker of the newer report shown side by side; see the module docstring."""

    def __init__(self, window: ReviewWindow, store: AgencyStore) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("agencyPromises")
        self.older: DocumentRecord | None = None
        self.newer: DocumentRecord | None = None
        body = QWidget(self)
        self.caption = plain_label(body)
        self.caption.setObjectName("promiseDockCaption")
        self.caption.setWordWrap(True)
        self.store = store
        self.tracker = PromiseTracker(store, self._selection, body)
        self.tracker.open_passage.connect(self._open_passage)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.tracker, 1)
        self.setWidget(body)
        self.setFocusProxy(self.tracker.table)
        window.compare_view.pair_shown.connect(self.refresh)
        window.changes.changed.connect(self._on_changes)
        self.visibilityChanged.connect(lambda shown: self.refresh() if shown else None)
        self.retranslate()

    def open_beside(self) -> None:
        """Show the tracker beside side by side: when side by side is not shown, first open the working report
        there with the agency's latest earlier report (the one the tracker compares with)."""
        w = self.window_
        if w.tabs.currentWidget() is not w.compare_view:
            doc = w.working_document_id() or w.current_document_id()
            report = self.store.promises(doc) if doc else None
            if report is not None and report.previous is not None:
                w.compare_documents(report.previous.id, doc)
            elif w.compare_view.documents()[0] is not None:
                w.tabs.setCurrentWidget(w.compare_view)
        self.show()  # shown while side by side is: it stays (desktop.gui.window.layout)
        self.raise_()
        self.tracker.table.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Agencies", "Promise Tracker (Side by Side)"))
        self.tracker.retranslate()
        self._fill_caption()

    def refresh(self) -> None:
        """Track the newer report of the pair shown side by side (nothing when no pair is shown)."""
        if not self.isVisible():
            return  # read when shown: a hidden dock costs nothing
        left, right = self.window_.compare_view.documents()
        if left is None or right is None:
            self.older = self.newer = None
            self.tracker.show_report("")
        else:
            self.older, self.newer = _older_first(left, right)
            self.tracker.show_report(self.newer.id)
        self._fill_caption()

    def _fill_caption(self) -> None:
        report = self.tracker.report
        if self.newer is None:
            text = QCoreApplication.translate(
                "Agencies", "Show two reports side by side (one agency's reports of two years): the tracker "
                "follows the newer one.")
        elif report is None or report.previous is None or self.older is None:
            text = QCoreApplication.translate(
                "Agencies", "Tracking the %1 report: its agency has no earlier report in the corpus.").replace(
                "%1", self._year(self.newer))
        elif report.previous.id == self.older.id:
            text = QCoreApplication.translate(
                "Agencies", "The %1 plan (left) against the %2 report (right).").replace(
                "%1", self._year(self.older)).replace("%2", self._year(self.newer))
        else:
            text = QCoreApplication.translate(
                "Agencies", "Tracking the %1 report against its agency's %2 plan, not the report on the left (%3): "
                "the tracker always compares with the agency's latest earlier report.").replace(
                "%1", self._year(self.newer)).replace("%2", str(report.previous.year or "?")).replace(
                "%3", self._year(self.older))
        self.caption.setText(text)

    @staticmethod
    def _year(record: DocumentRecord) -> str:
        return str(record.summary.year) if record.summary.year is not None else "?"

    def _pane(self, document_id: str) -> ReportView | None:
        """The side-by-side pane showing this report (None: not shown there)."""
        compare = self.window_.compare_view
        for pane in (compare.right, compare.left):
            doc = pane.current_document()
            if doc is not None and doc.id == document_id:
                return pane
        return None

    def _selection(self, document_id: str) -> tuple[int, int]:
        pane = self._pane(document_id)
        return pane.selection() if pane is not None else (-1, -1)

    def _open_passage(self, document_id: str, start: int, end: int) -> None:
        pane = self._pane(document_id)
        if pane is None:
            return
        compare = self.window_.compare_view
        current = self.tracker.current()
        report = self.tracker.report
        promised = self._pane(report.previous.id) if report is not None and report.previous is not None else None
        item = (current.match.item.start, current.match.item.end) if current is not None else None
        spans = {id(pane): (start, end)}
        if promised is not None and promised is not pane and item is not None:
            spans[id(promised)] = item
        compare.show_spans(spans.get(id(compare.left)), spans.get(id(compare.right)))

    def _on_changes(self, changes: Changes) -> None:
        if self.newer is not None and (changes.documents or changes.metadata or changes.reviews or changes.parts
                                       or changes.outside):
            self.refresh()
