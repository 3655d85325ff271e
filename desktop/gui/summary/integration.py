"""Wire the Summary tab (评估报告) into the review window: a tab beside the report views, its store on the window's
writer, reader, undo stack and change bus, re-attached when another database is opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from desktop.gui.i18n import follow_language
from desktop.gui.review_window import ReviewWindow, follow_database
from desktop.gui.reviewer_name import saved_name
from desktop.gui.summary.store import SummaryStore
from desktop.gui.summary.view import SummaryTab


class SummaryController(QObject):
    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = SummaryStore(window.executor, window.reader, window.undo_stack, window.changes, self)
        self.tab = SummaryTab(self.store, window.db_path, window)

    def on_database(self) -> None:
        w = self.window
        self.store.set_database(w.executor, w.reader)
        self.store.reviewer_name = saved_name(w.settings) or ""
        self.tab.db_path = w.db_path
        self.tab.year.clear()
        self.tab.draft = None
        self.tab.stale = True
        if self.tab.isVisible():
            self.tab.regenerate()

    def retranslate(self) -> None:
        tabs = self.window.tabs
        tabs.setTabText(tabs.indexOf(self.tab), QCoreApplication.translate("Summary", "Evaluation summary"))
        self.tab.retranslate()


def install_summary(main_window: ReviewWindow) -> SummaryController:
    """Add the Summary tab to the window and follow its database."""
    ctrl = SummaryController(main_window)
    main_window.tabs.addTab(ctrl.tab, "")
    ctrl.retranslate()
    follow_language(main_window, ctrl, ctrl.retranslate)
    follow_database(main_window, ctrl.on_database)
    return ctrl
