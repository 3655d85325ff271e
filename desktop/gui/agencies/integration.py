"""The Agencies menu of the review window: Agencies over the Years… (the timeline with its promise tracker) and
Text Shared Across Agencies…, and the shared-text marks in the report view.

Built on the main window's extension points only (``add_menu``, ``undo_stack``, ``changes``, ``executor`` and
``reader``, ``database_changed``, ``report_view``, ``open_document``, ``working_view``): no change to its layout.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.core.changes import Changes
from desktop.gui.agencies.calibration import Calibration
from desktop.gui.agencies.evidence_dock import EvidenceDock
from desktop.gui.agencies.promise_dock import PromiseDock
from desktop.gui.agencies.shared_dialog import SharedTextDialog
from desktop.gui.agencies.shared_marks import SharedMarks
from desktop.gui.agencies.store import AgencyStore
from desktop.gui.agencies.timeline_dialog import TimelineDialog
from desktop.gui.i18n import follow_language
from desktop.gui.review_window import ReviewWindow, follow_database
from desktop.gui.reviewer_name import saved_name


class AgenciesController(QObject):
    """Owns the agency store, the timeline and shared-text dialogs and the shared-text marks."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = AgencyStore(window.executor, window.reader, window.undo_stack, window.changes, self)
        self.timeline: TimelineDialog | None = None
        self.shared: SharedTextDialog | None = None
        self.marks = SharedMarks(window)
        self.calibration = Calibration(window)
        self.evidence = EvidenceDock(window)
        self.promise_dock = PromiseDock(window, self.store)
        # opens side by side with the agency's earlier report when needed; again: closes the tracker
        self.promises_action = QAction(self)
        self.promises_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.promises_action.triggered.connect(self.toggle_promises)
        self.timeline_action = QAction(self)
        self.timeline_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.timeline_action.triggered.connect(self.show_timeline)
        self.shared_action = QAction(self)
        self.shared_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.shared_action.triggered.connect(self.show_shared)
        # the corpus table's context menu: the chosen report's agency with its years in a row
        self.corpus_action = QAction(self)
        self.corpus_action.triggered.connect(self.show_selected_agency)
        self.menu: QMenu | None = None
        window.changes.changed.connect(self._on_changes)

    def on_database(self) -> None:
        w = self.window
        self.store.set_database(w.executor, w.reader)
        for dialog in (self.timeline, self.shared):
            if dialog is not None:
                dialog.close()
        self.timeline = self.shared = None
        self._update_actions()
        self.evidence.refresh()

    def _update_actions(self) -> None:
        self.timeline_action.setEnabled(self.store.ready)
        self.corpus_action.setEnabled(self.store.ready)
        self.shared_action.setEnabled(self.store.ready)
        self.promises_action.setEnabled(self.store.ready)

    def _who(self) -> None:
        from desktop.core.review.reviewers import get_or_create_reviewer

        name = saved_name(self.window.settings) or ""
        if name and (self.store.reviewer_id is None or self.store.reviewer_name != name):
            self.store.reviewer_name = name
            self.store.reviewer_id = self.store.write(lambda db: get_or_create_reviewer(db, name).id)

    def show_timeline(self, document_id: str = "") -> TimelineDialog | None:
        """Show the timeline, at the agency of ``document_id`` (default: the report shown) when it has one."""
        if not self.store.ready:
            return None
        self._who()
        if self.timeline is None:
            self.timeline = TimelineDialog(self.store, self.window)
        doc = document_id or self.window.current_document_id()
        if doc:
            key = self.store.grouping().by_document.get(doc)
            if key:
                self.timeline.choose_group(key)
        self.timeline.show()
        self.timeline.raise_()
        return self.timeline

    def show_selected_agency(self) -> TimelineDialog | None:
        """The timeline of the agency of the report chosen in the corpus table."""
        selected = self.window.selected_document_ids()
        return self.show_timeline(selected[0] if selected else "")

    def toggle_promises(self) -> None:
        """The promise tracker beside side by side: shown (opening side by side first if needed), or closed."""
        w = self.window
        if self.promise_dock.isVisible() and w.tabs.currentWidget() is w.compare_view:
            self.promise_dock.hide()
        elif self.store.ready:
            self.promise_dock.open_beside()

    def show_shared(self) -> SharedTextDialog | None:
        if not self.store.ready:
            return None
        if self.shared is None:
            self.shared = SharedTextDialog(self.window)
        self.shared.show()
        self.shared.raise_()
        return self.shared

    def _on_changes(self, changes: Changes) -> None:
        if self.timeline is not None and self.timeline.isVisible():
            self.timeline.on_changes(changes)

    def retranslate(self) -> None:
        self.timeline_action.setText(QCoreApplication.translate("Agencies", "Agencies over the &Years…"))
        self.shared_action.setText(QCoreApplication.translate("Agencies", "Text S&hared Across Agencies…"))
        self.corpus_action.setText(QCoreApplication.translate("Agencies", "This Agency Across the Years…"))
        self.calibration.retranslate()
        self.evidence.retranslate()
        self.promise_dock.retranslate()
        self.promises_action.setText(QCoreApplication.translate("Agencies", "&Promise Tracker Beside Side by Side"))
        self.promise_dock.toggleViewAction().setText(
            QCoreApplication.translate("Agencies", "Promise Tracker (Side by Side)"))
        if self.menu is not None:
            self.menu.setTitle(QCoreApplication.translate("Agencies", "A&gencies"))
        for dialog in (self.timeline, self.shared):
            if dialog is not None:
                dialog.retranslate()


def install_agencies(main_window: ReviewWindow) -> AgenciesController:
    """Add the Agencies menu and the shared-text marks to the MainWindow, wired to its database."""
    mw = main_window
    ctrl = AgenciesController(mw)
    menu = QMenu(mw)
    menu.addActions([ctrl.timeline_action, ctrl.shared_action, ctrl.calibration.action,
                     ctrl.evidence.toggleViewAction(), ctrl.promises_action])
    mw.add_menu(menu)
    mw.add_corpus_action(ctrl.corpus_action)
    mw.add_dock(ctrl.evidence, visible=False)  # beside the score form when the reviewer opens it (View or Agencies menu)
    mw.add_dock(ctrl.promise_dock, visible=False)  # beside side by side when the reviewer opens it
    ctrl.menu = menu
    ctrl.retranslate()
    follow_language(mw, ctrl, ctrl.retranslate)
    follow_database(mw, ctrl.on_database, ctrl._update_actions)
    return ctrl
