"""Every modal question the GUI asks, as small module-level functions that tests replace with monkeypatch.

Call them through the module (``dialogs.info(...)``, never ``from dialogs import info``) so that a test's
``monkeypatch.setattr(dialogs, "info", fake)`` reaches every caller. Each function blocks in a modal dialog and
returns the user's answer (``None`` when the user cancelled).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.plain import PlainLabel, make_plain, plain_tip

# Strings of Qt's own file dialog that the qtbase_zh_CN catalog shipped with Qt 6 lacks (it has "Look in:", Qt 6
# asks for "&Look in:"): marked here so that our catalog, searched before Qt's, translates them.
QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    # the file dialog's Type column (Qt 6 moved these to a context qtbase_zh_CN does not have)
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),  # asked with the comment "All other platforms"
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
)


def _message(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names, titles and file names in it are data, never markup
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if details:
        box.setDetailedText(details)
    box.exec()


def info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Tell the user something; wait for OK."""
    _message(QMessageBox.Icon.Information, parent, title, text, details)


def warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Warn the user about something they can fix (the text says how)."""
    _message(QMessageBox.Icon.Warning, parent, title, text, details)


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Report a failure: what went wrong and what to do."""
    _message(QMessageBox.Icon.Critical, parent, title, text, details)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def open_file(parent: QWidget | None, title: str, filters: str = "", directory: str = "") -> str | None:
    """One existing file chosen by the user, or None."""
    path, _ = QFileDialog.getOpenFileName(parent, title, directory, filters)
    return path or None


def open_files(parent: QWidget | None, title: str, filters: str = "", directory: str = "") -> list[str]:
    """Existing files chosen by the user (empty when cancelled)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, directory, filters)
    return list(paths)


def save_file(parent: QWidget | None, title: str, filters: str = "", directory: str = "") -> str | None:
    """A file name to write (the dialog asks before overwriting), or None."""
    path, _ = QFileDialog.getSaveFileName(parent, title, directory, filters)
    return path or None


def choose_folder(parent: QWidget | None, title: str, directory: str = "") -> str | None:
    """An existing folder, or None."""
    path = QFileDialog.getExistingDirectory(parent, title, directory)
    return path or None


def get_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text typed by the user, or None when cancelled."""
    dialog = _input_dialog(parent, title, label)
    dialog.setTextValue(text)
    return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None


def get_item(parent: QWidget | None, title: str, label: str, items: Sequence[str], current: int = 0) -> str | None:
    """One of ``items`` picked by the user, or None when cancelled."""
    dialog = _input_dialog(parent, title, label)
    dialog.setComboBoxItems(list(items))
    dialog.setComboBoxEditable(False)
    if 0 <= current < len(items):
        dialog.setTextValue(items[current])
    return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _input_dialog(parent: QWidget | None, title: str, label: str) -> QInputDialog:
    """An input dialog whose question is shown as plain text (it may name a report or a reviewer)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    make_plain(*dialog.findChildren(QLabel))
    return dialog


def show_table(parent: QWidget | None, title: str, text: str, headers: Sequence[str],
               rows: Sequence[Sequence[str]]) -> None:
    """A summary sentence above a read-only table of rows (e.g. files with the reason each was not imported)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = PlainLabel(text, dialog)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(label)
    if rows:
        model = QStandardItemModel(len(rows), len(headers), dialog)
        model.setHorizontalHeaderLabels(list(headers))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QStandardItem(value)
                item.setToolTip(plain_tip(value))
                item.setEditable(False)
                model.setItem(r, c, item)
        view = QTableView(dialog)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        # The last column (a reason, with its advice) is shown whole: wrapped over as many lines as it needs.
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long file paths keep their file name
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for c in range(len(headers) - 1):
            view.setColumnWidth(c, 110 if c == 0 else 260)
        layout.addWidget(view)
        dialog.resize(900, 420)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(buttons)
    dialog.exec()


def report_list_dialog(parent: QWidget | None, title: str, text: str, lines: Sequence[str],
                       action: str = "") -> QDialog:
    """The dialog :func:`show_report_list` shows (built separately so that a test can look at it): ``text``
    above a scrollable, read-only plain-text list of ``lines``; with ``action``, a button that closes the dialog
    with ``QDialog.Accepted`` (Close rejects)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = PlainLabel(text, dialog)
    label.setObjectName("counts")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(label)
    box = QPlainTextEdit(dialog)  # plain text by construction: file names and reasons are data, never markup
    box.setObjectName("lines")
    box.setReadOnly(True)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    box.setPlainText("\n".join(lines))
    layout.addWidget(box, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    if action:
        button = buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName("action")
        button.clicked.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(900, 460)
    return dialog


def show_report_list(parent: QWidget | None, title: str, text: str, lines: Sequence[str], action: str = "") -> bool:
    """Show :func:`report_list_dialog`; True when the user pressed the ``action`` button."""
    return report_list_dialog(parent, title, text, lines, action).exec() == QDialog.DialogCode.Accepted


def crash_dialog(parent: QWidget | None, title: str, text: str, details: str) -> QDialog:
    """The dialog :func:`crash` shows (built separately so that a test can look at it without a modal loop)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = PlainLabel(text, dialog)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(label)
    box = QPlainTextEdit(details, dialog)
    box.setObjectName("details")
    box.setReadOnly(True)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    layout.addWidget(box)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    copy = buttons.addButton(QCoreApplication.translate("dialogs", "&Copy Details"),
                             QDialogButtonBox.ButtonRole.ActionRole)
    copy.setObjectName("copy")
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(760, 420)
    return dialog


def crash(parent: QWidget | None, title: str, text: str, details: str) -> None:
    """An unexpected error: what happened, the details (traceback, log file) and a button that copies them."""
    crash_dialog(parent, title, text, details).exec()


def database_filter() -> str:
    """The file-dialog filter for ReviewDesk databases."""
    return QCoreApplication.translate("dialogs", "ReviewDesk databases (*.sqlite3 *.db);;All files (*)")


def report_filter() -> str:
    """The file-dialog filter for report files the importer reads."""
    from desktop.core.ingest import SUPPORTED_SUFFIXES

    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    return QCoreApplication.translate("dialogs", "Reports (%1);;All files (*)").replace("%1", patterns)


def choose_reviewers(parent: QWidget | None, title: str, text: str,
                     names: Sequence[str]) -> tuple[list[str], int | None] | None:
    """Reviewers to assign reports to: (names checked or typed, k per report balanced or None for every one).

    The known ``names`` are listed with check boxes; more can be typed, separated by commas. None when cancelled.
    """
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = PlainLabel(text, dialog)
    label.setWordWrap(True)
    layout.addWidget(label)
    listing = QListWidget(dialog)
    for name in names:
        item = QListWidgetItem(name, listing)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    layout.addWidget(listing)
    extra = QLineEdit(dialog)
    extra.setPlaceholderText(QCoreApplication.translate("Dialogs", "New reviewers, separated by commas"))
    layout.addWidget(extra)
    balanced = QCheckBox(QCoreApplication.translate("Dialogs", "Give each report only this many of them, balancing their loads:"), dialog)
    k = QSpinBox(dialog)
    k.setRange(1, 20)
    k.setValue(2)
    layout.addWidget(balanced)
    layout.addWidget(k)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = [listing.item(i).text() for i in range(listing.count())
              if listing.item(i).checkState() == Qt.CheckState.Checked]
    chosen += [n.strip() for n in extra.text().replace("，", ",").split(",") if n.strip()]
    return list(dict.fromkeys(chosen)), (k.value() if balanced.isChecked() else None)


def choose_items(parent: QWidget | None, title: str, text: str, items: Sequence[str],
                 checked: Sequence[int] = ()) -> list[int] | None:
    """Tick items of a list (shown as plain text): the indexes ticked, in list order; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(760, 480)
    layout = QVBoxLayout(dialog)
    label = PlainLabel(text, dialog)
    label.setWordWrap(True)
    layout.addWidget(label)
    listing = QListWidget(dialog)
    listing.setWordWrap(True)
    for i, name in enumerate(items):
        item = QListWidgetItem(name, listing)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if i in checked else Qt.CheckState.Unchecked)
    layout.addWidget(listing)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return [i for i in range(listing.count()) if listing.item(i).checkState() == Qt.CheckState.Checked]


def open_path(path: str | Path) -> bool:
    """Open a file or folder with the desktop's default application (tests patch this)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
