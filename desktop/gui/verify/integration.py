"""install_verify(window): the Verify menu and its queue dialog on the main window's extension points."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.gui.i18n import follow_language
from desktop.gui.verify.queue import VerifyQueueDialog
from desktop.gui.verify.store import VerifyStore

if TYPE_CHECKING:
    from desktop.gui.review_window import ReviewWindow


class VerifyController(QObject):
    """Owns the queue's store and dialog; opens a report at a doubt's passage when the reviewer asks to fix it."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = VerifyStore(window.executor, window.reader, window.undo_stack, window.changes, window)
        self.dialog: VerifyQueueDialog | None = None
        self.menu = QMenu(window)
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.action.triggered.connect(lambda: self.open_queue())
        self.menu.addAction(self.action)
        window.add_menu(self.menu)
        window.database_changed.connect(lambda: self.store.set_database(window.executor, window.reader))
        self.retranslate()
        follow_language(window, self, self.retranslate)
        # the import summary's "n reports have no agency → verify" opens the queue on those reports
        window.import_controller.open_verify = self.open_queue

    def retranslate(self) -> None:
        """Set every text again (after a language switch)."""
        self.menu.setTitle(QCoreApplication.translate("VerifyQueue", "Ver&ify"))
        self.action.setText(QCoreApplication.translate("VerifyQueue", "Verify queue (核对队列)…"))
        self.action.setToolTip(QCoreApplication.translate("VerifyQueue", "Walk every value and part the program is unsure of, across the corpus"))

    def open_queue(self, document_ids: list[str] | None = None) -> VerifyQueueDialog:
        """Show the queue (non-modal), read afresh from the database: every doubt of the corpus, or only those of
        ``document_ids`` (their agency first), as the import summary asks for the reports it found no agency in."""
        if self.dialog is None:
            self.dialog = VerifyQueueDialog(self.store, self.window.settings, self.window)
            self.dialog.fix_requested.connect(self.open_for_fix)
        self.dialog.load_in_background(document_ids)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def open_for_fix(self, document_id: str, start: int, end: int) -> None:
        """Open the report in the window at the passage, where the correction menus are."""
        if self.window.open_document(document_id, offset=max(start, 0)) and start >= 0:
            self.window.show_passage(start, max(end, start + 1))


def install_verify(window: ReviewWindow) -> VerifyController:
    return VerifyController(window)
