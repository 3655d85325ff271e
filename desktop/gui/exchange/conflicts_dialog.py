"""File › Merge Conflicts…: the rows both a package and this database changed, to choose from.

Merge applied the newer version and kept the other (``core/exchange/conflicts.py``); this dialog lists them with
both versions side by side, and the lead keeps what was applied or puts the other version back.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exchange.conflicts import KEEP, OTHER, Conflict, ConflictError, list_conflicts, resolve_conflict
from desktop.gui import dialogs, i18n
from desktop.gui.exchange.conflict_text import ConflictText
from desktop.gui.plain import PlainLabel
from desktop.gui.review_window import ReviewWindow

_NAME_KEY = "reviewer/name"


class ConflictsDialog(QDialog):
    """The open merge conflicts; Keep Applied / Use Other act on the selected row."""

    def __init__(self, window: ReviewWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.review_window = window
        self.conflicts: list[Conflict] = []
        self.setWindowTitle(self.tr("Merge Conflicts"))
        self.resize(1000, 420)
        layout = QVBoxLayout(self)
        self.label = PlainLabel("", self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Report"), self.tr("Reviewer"), self.tr("What"),
                                              self.tr("Applied (newer)"), self.tr("Other version")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 260)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.keep_button = QPushButton(self.tr("Keep Applied"), self)
        self.other_button = QPushButton(self.tr("Use Other Version"), self)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.keep_button.clicked.connect(lambda: self.choose(KEEP))
        self.other_button.clicked.connect(lambda: self.choose(OTHER))
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        reader = self.review_window.reader
        self.conflicts = list_conflicts(reader) if reader is not None else []
        self.table.setRowCount(len(self.conflicts))
        words = ConflictText(reader)  # fields, tags, criteria and statuses as the rest of the app names them
        for row, c in enumerate(self.conflicts):
            cells = (c.document, c.reviewer, words.what(c), words.describe(c, KEEP), words.describe(c, OTHER))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip("")  # the text is data: shown as typed, never as markup
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.label.setText(self.tr("%1 conflict(s): a package and this database both changed these since the "
                                   "package was made. The newer version was applied; the other is kept here.")
                           .replace("%1", str(len(self.conflicts))))
        if self.conflicts:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.keep_button.setEnabled(selected)
        self.other_button.setEnabled(selected)

    def choose(self, choice: str) -> None:
        rows = self.table.selectionModel().selectedRows()
        executor = self.review_window.executor
        if not rows or executor is None:
            return
        conflict = self.conflicts[rows[0].row()]
        by = str(self.review_window.settings.value(_NAME_KEY, "") or "")
        try:
            changes = executor.call(resolve_conflict, conflict.id, choice, by)
        except ConflictError as exc:
            dialogs.warning(self, self.tr("Merge Conflicts"), str(exc))
        else:
            self.review_window.changes.announce(changes)
        self.refresh()


class ConflictsAction(QObject):
    """File › Merge Conflicts…, shown while merges have left conflicts open."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.review_window = window
        self.dialog: ConflictsDialog | None = None
        self.action = QAction(self)
        self.action.setObjectName("mergeConflicts")
        self.action.triggered.connect(self.show_dialog)
        self.retranslate()
        window.add_import_action(self.action)
        window.database_changed.connect(self.update_action)
        window.changes.changed.connect(lambda _changes: self.update_action())
        i18n.follow_language(window, self, self.retranslate)
        self.update_action()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Merge Conflicts…"))
        self.action.setToolTip(self.tr("Rows a package and this database both changed: choose which version stays"))

    def update_action(self) -> None:
        reader = self.review_window.reader
        try:
            count = len(list_conflicts(reader)) if reader is not None else 0
        except sqlite3.Error:  # a database closed under us: nothing to show
            count = 0
        self.action.setVisible(count > 0)

    def show_dialog(self) -> ConflictsDialog:
        self.dialog = ConflictsDialog(self.review_window)
        self.dialog.show()
        return self.dialog
