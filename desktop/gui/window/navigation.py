"""The main window's way through the reports: the current row opens (once the reviewer settles on it), search hits
and Enter open at once, Alt+Up/Down step through the table, two reports go side by side (the pane worked in is the
one the side panels describe).

A mixin of :class:`~desktop.gui.window.main_window.MainWindow`. Its strings are translated in the context "MainWindow",
written out so that lupdate files them where the window looks them up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from desktop.core.storage.documents import DocumentRecord
from desktop.gui import dialogs
from desktop.gui.reading.report_view import ReportView

if TYPE_CHECKING:  # a mixin of MainWindow: typed as the window it is mixed into
    from PySide6.QtCore import QTimer

    from desktop.gui.review_window import ReviewWindow as _WindowBase
else:
    _WindowBase = object


class WindowNavigation(_WindowBase):
    """Opening reports (from the table, a search hit, a key), side by side, and the report worked in."""

    _current_id: str
    _pending_open: str
    _open_timer: QTimer
    _working_pane: ReportView
    _working_id: str

    if TYPE_CHECKING:  # MainWindow's
        def _update_actions(self) -> None: ...
        def _update_hints(self) -> None: ...

    def current_document_id(self) -> str:
        """The document shown in the report view ('' for none)."""
        return self._current_id

    def _on_current_row(self, doc_id: str) -> None:
        # Holding an arrow key moves the current row faster than reports render: open only the last one.
        self._pending_open = doc_id
        self._open_timer.start()
        self._show_row_status(doc_id)

    def _show_row_status(self, doc_id: str) -> None:
        """The current row in full in the status bar: the agency as named and the missing parts spelt out."""
        line = self.corpus_model.row_status(doc_id) if doc_id else ""
        if line:
            self.statusBar().showMessage(line, 10000)

    def _open_pending(self) -> None:
        if self._pending_open and self._pending_open != self._current_id:
            self.open_document(self._pending_open, keep_focus=True)

    def open_document(self, doc_id: str, query: str = "", offset: int = -1, *, keep_focus: bool = False) -> bool:
        """Show a report in the report view, optionally with a search query highlighted and an offset in view.

        Opened on purpose (Enter, a search hit), the report text gets the keyboard focus; opened by moving through
        the table (``keep_focus``), the focus stays where it is."""
        self._open_timer.stop()
        from desktop.core.storage.documents import get_document

        record = get_document(self.reader, doc_id) if self.reader is not None and doc_id else None
        if record is None:
            return False
        self._show_document(record)
        self.tabs.setCurrentIndex(0)
        if self.corpus_panel.current_document_id() != doc_id and not self.corpus_panel.select_document(doc_id):
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "%1 is hidden by the corpus filters; they are kept (Edit › Clear Filters shows it).")
                .replace("%1", self.corpus_model.describe(doc_id)), 10000)
        if query:
            self.report_view.highlight_query(query)
        if offset >= 0:
            self.report_view.scroll_to_offset(offset)
        if not keep_focus and self.isVisible():
            self.report_view.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _show_document(self, record: DocumentRecord | None) -> None:
        doc_id = record.id if record is not None else ""
        if record is not None:
            self.report_view.show_document(record)
        if doc_id != self._current_id:
            self._current_id = doc_id
            self.corpus_panel.set_open_document(doc_id)
            self.current_document_changed.emit(doc_id)
        self._update_actions()
        self._update_hints()

    def working_view(self) -> ReportView:
        """The view the side panels describe: the report tab's view, or side by side the pane worked in last."""
        return self._working_pane if self.tabs.currentWidget() is self.compare_view else self.report_view

    def working_document_id(self) -> str:
        record = self.working_view().current_document()
        return record.id if record is not None else ""

    def set_working_pane(self, pane: ReportView) -> None:
        """Side by side: make the panels follow this pane (focusing or clicking a pane does it)."""
        if pane in (self.compare_view.left, self.compare_view.right):
            self._working_pane = pane
            for p in (self.compare_view.left, self.compare_view.right):
                p.header.setStyleSheet("" if p is not pane or self.tabs.currentWidget() is not self.compare_view
                                       else "MetadataHeader { border-bottom: 2px solid #2f74c0; }")
            self._update_working()

    def _update_working(self) -> None:
        doc_id = self.working_document_id()
        if doc_id != self._working_id:
            self._working_id = doc_id
            self.working_document_changed.emit(doc_id)

    def _open_selected(self) -> None:
        doc_id = self.corpus_panel.current_document_id()
        if doc_id:
            self.open_document(doc_id)

    def _step(self, delta: int) -> None:
        self.corpus_panel.step(delta)  # the table's next row, or grouped by agency the next report

    def compare_documents(self, left_id: str, right_id: str) -> bool:
        """Show two reports side by side (the earlier year on the left)."""
        from desktop.core.storage.documents import get_document

        if self.reader is None:
            return False
        left, right = get_document(self.reader, left_id), get_document(self.reader, right_id)
        if left is None or right is None:
            return False
        if (left.summary.year or 0) > (right.summary.year or 0):
            left, right = right, left
        self.compare_view.show_pair(left, right)
        self.tabs.setCurrentIndex(1)
        # The newer report is worked in first (the tab switch may have moved the keyboard into the left pane).
        self.compare_view.right.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.set_working_pane(self.compare_view.right)
        return True

    def compare_selected(self) -> None:
        ids = self.corpus_panel.selected_ids()
        if len(ids) != 2:
            dialogs.info(self, QCoreApplication.translate("MainWindow", "Compare reports"),
                         QCoreApplication.translate("MainWindow", "Select exactly two reports in the table (Ctrl+click the second one), then "
                                 "compare them."))
            return
        self.compare_documents(*ids)

    def compare_with_previous_year(self) -> None:
        from desktop.core.agencies.previous import previous_report
        from desktop.core.storage.documents import get_summary

        doc_id = self._current_id or self.corpus_panel.current_document_id()
        if not doc_id or self.reader is None:
            return
        previous = previous_report(self.reader, doc_id)
        if previous is None:
            current = get_summary(self.reader, doc_id)
            agency = (current.agency if current else None) or QCoreApplication.translate("MainWindow", "this report's agency")
            dialogs.info(self, QCoreApplication.translate("MainWindow", "Compare with previous year"),
                         QCoreApplication.translate("MainWindow", "The corpus holds no earlier report of %1. Import it, or select two reports and "
                                 "use Compare Selected Reports.").replace("%1", agency))
            return
        self.compare_documents(previous.id, doc_id)
