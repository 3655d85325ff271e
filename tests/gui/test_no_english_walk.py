"""No English in the Chinese interface (issue 18): after a live switch to Chinese, every menu action of the window is
triggered and every window, dock and dialog it opens (through the ``dialogs`` seam or ``exec``/``show``) is read
for English words: labels (rich text as the reader sees it), buttons, group boxes, tabs, menus and actions,
column headers, placeholders, window titles and the tooltips of visible widgets. Only tokens that are names or
formats (ReviewDesk, .docx, Ctrl+F, OCR…) may be Latin. Qt's own file dialog is read the same way."""

from __future__ import annotations

import re
import shutil
import sqlite3
import sys

import shiboken6
from PySide6.QtCore import QModelIndex, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QTreeView,
    QWidget,
)

from desktop.gui import dialogs, i18n
from tests.conftest import SEEDS
from tests.gui.exchange.conflicts_data import lead_with_conflicts
from tests.gui.windows import make_window

# Latin tokens that are names, formats or key names, the same in a Chinese interface.
ALLOWED = {
    "reviewdesk", "sqlite", "sqlite3", "docx", "doc", "pdf", "txt", "html", "htm", "mhtml", "xlsx", "csv", "json", "rtf",
    "zip", "png", "svg", "odt", "ofd", "xps", "pptx", "toml", "tsv", "md", "utf", "gbk", "gb18030", "ocr", "wps", "word",
    "excel", "libreoffice", "ocrmypdf", "qt", "icc", "alpha", "krippendorff", "ctrl", "shift", "alt", "esc", "enter",
    "tab", "space", "del", "delete", "backspace", "ins", "home", "end", "pgup", "pgdown", "up", "down", "left", "right",
    "menu", "return", "ok", "id", "mb", "kb", "markdown", "shtml", "mht", "text", "db",
    "english",  # the language choice names each language in its own words (中文（简体）, English)
    "wenquanyi", "micro", "hei", "mono",  # the bundled font's family name (Help › Check Chinese fonts)
}
_TOKEN = re.compile(r"[A-Za-z]+")


def english_words(text: str) -> list[str]:
    """The Latin words of a text that are not allowed tokens (F1…F12, Ctrl+Shift+S and file names pass)."""
    text = re.sub(r"\bF\d{1,2}\b", "", text.replace("&", ""))
    text = re.sub(r"(/[^\s/（）()]+)+/?", "", text)  # paths and file names are data
    # a report's file name shown alone (a report without a title is named by its file: 002_b264e5a26ee73ea4.txt)
    text = re.sub(r"[^\s/（）()：:]+\.(?:txt|docx?|pdf|html?|mhtml?|rtf|wps|ofd)\b", "", text, flags=re.IGNORECASE)
    return [w for w in _TOKEN.findall(text) if w.lower() not in ALLOWED and len(w) > 1]


def _plain(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText or "<" not in label.text():
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def _cell_texts(view: QAbstractItemView) -> list[str]:
    """The texts a list, table or tree shows in its visible cells (as drawn: a delegate may shorten them)."""
    model, out = view.model(), []
    if model is None or not view.isVisible() or isinstance(view.window(), QFileDialog):
        return out  # (Qt's file dialog lists folder and file names: data; its Type column is read on its own)
    rect = view.viewport().rect()

    def columns(parent) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model's columnCount is private: it has one column
            return 1

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                cell = view.visualRect(index)
                if cell.isEmpty() or not cell.intersects(rect):
                    continue
                out.append(str(index.data() or ""))
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and view.isExpanded(first):
                walk(first)

    walk(QModelIndex())
    return out


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of what a reader sees in a top-level widget (its docks, menus and their actions included)."""
    found: list[tuple[str, str]] = [(f"{type(top).__name__} title", top.windowTitle())]
    if isinstance(top, QMainWindow):
        found.append(("status bar", top.statusBar().currentMessage()))
    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible() and not isinstance(w, QMenu):
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel):
            found.append((name, _plain(w)))
        elif isinstance(w, QAbstractButton):
            found.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QDockWidget):
            found.append((name, w.windowTitle()))
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            found.append((name + " placeholder", w.placeholderText()))
        elif isinstance(w, QTabBar):
            found += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            found += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QMenu):
            found.append((name, w.title()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            found += [(name + " header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(model.columnCount()) if not w.isColumnHidden(c)] \
                if hasattr(w, "isColumnHidden") else []
            found += [(name + " cell", text) for text in _cell_texts(w)]
        if w.isVisible() and w.toolTip() and not isinstance(w, QMenu):
            found.append((name + " tooltip", w.toolTip()))
    for action in top.findChildren(QAction):
        if action.isVisible() and not action.isSeparator() and action.text():
            found.append(("action", action.text()))
            if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
                found.append(("action tooltip", action.toolTip()))
    return [(where, text) for where, text in found if text and english_words(text)]


def menu_actions(window: QMainWindow) -> list[QAction]:
    """Every action reachable from the menu bar, submenus opened recursively."""
    out: list[QAction] = []

    def walk(menu: QMenu) -> None:
        menu.aboutToShow.emit()  # menus filled on show (recent files, language) fill now
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                out.append(action)

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    return out


def test_the_chinese_interface_shows_no_english(qtbot, tmp_path, seeded_db_path, monkeypatch):
    asked: list[tuple[str, tuple]] = []

    def record(name: str, answer: object):
        def fake(*args, **kwargs):
            asked.append((name, args))
            return answer
        return fake

    for name, answer in [("info", None), ("warning", None), ("error", None), ("confirm", False), ("open_file", None),
                         ("open_files", []), ("save_file", None), ("choose_folder", None), ("get_text", None),
                         ("get_item", None), ("show_table", None), ("crash", None), ("choose_reviewers", None),
                         ("choose_items", None), ("open_path", True)]:
        if hasattr(dialogs, name):
            monkeypatch.setattr(dialogs, name, record(name, answer))
    opened: list[QDialog] = []
    modal: list[str] = []
    modal_kinds: set[str] = set()

    def exec_shown(dialog: QDialog) -> int:  # a modal dialog is shown, read at once, then cancelled
        dialog.show()
        QApplication.processEvents()
        opened.append(dialog)
        modal_kinds.add(type(dialog).__name__)
        if i18n.current_language() == i18n.CHINESE:
            modal.extend(f"{type(dialog).__name__} · {where}: {text}" for where, text in visible_texts(dialog))
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QDialog, "exec", exec_shown)
    monkeypatch.setattr(QDialog, "exec_", exec_shown, raising=False)
    db = tmp_path / "评阅.sqlite3"
    shutil.copy(seeded_db_path, db)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "张三")
    w = make_window(qtbot, settings, db, QSize(1600, 1000))
    for dock in w.findChildren(QDockWidget):
        dock.show()
    assert i18n.set_language(i18n.CHINESE)
    left: list[str] = []
    try:
        QApplication.processEvents()
        qtbot.waitUntil(lambda: w.file_menu.title() == "文件(&F)")
        model, proxy = w.corpus_model, w.corpus_panel.proxy
        lacking = next(r for r in range(proxy.rowCount()) if model.summary(model.row_of(proxy.document_id(r))).missing)
        assert w.statusBar().currentMessage() == ""  # the message shown before the switch is gone with it
        w.corpus_panel.table.selectRow(0 if lacking else 1)
        w.corpus_panel.table.selectRow(lacking)  # the row's agency and its missing parts spelt out in the status bar
        QApplication.processEvents()
        assert "不足" in w.statusBar().currentMessage() or "履职" in w.statusBar().currentMessage()
        left += [f"main window · {where}: {text}" for where, text in visible_texts(w)]
        # a criterion focused (F9 shows its anchor examples) and, before each action, a passage selected (Annotate
        # Selection opens its editor): earlier actions may move to another report or clear the selection
        w.extensions["scoring"].panel.boxes["measures"].spin.setFocus()
        QApplication.processEvents()

        def select_a_passage() -> None:
            report = w.report_view.current_document()
            if report is not None and "。" in report.text:
                start = report.text.index("。") + 1
                w.report_view.select_span(start, start + 12)
        before = set(QApplication.topLevelWidgets())
        seen: set[str] = set()
        skip = {w.quit_action}
        actions = [a for a in menu_actions(w) if a not in skip and a.isEnabled()]
        assert len(actions) > 30
        for action in actions:
            label = action.text().replace("&", "")
            select_a_passage()
            action.trigger()
            QApplication.processEvents()
            for top in QApplication.topLevelWidgets():
                if top is w or not top.isVisible() or isinstance(top, QMenu):
                    continue
                seen.add(type(top).__name__)
                left += [f"{label} → {type(top).__name__} · {where}: {text}" for where, text in visible_texts(top)]
            for top in set(QApplication.topLevelWidgets()) - before:
                if shiboken6.isValid(top) and top.isVisible() and top is not w:
                    top.close()
            left += [f"{label} → dialogs.{kind}: {text}" for kind, args in asked
                     for text in args[1:3] if isinstance(text, str) and english_words(text)]
            asked.clear()
        left += [f"main window after the walk · {where}: {text}" for where, text in visible_texts(w)]
        # the dialogs a reviewer meets from the menus (a broken menu entry would leave this list short)
        seen |= modal_kinds
        left += modal
        assert {"SettingsDialog", "CodebookDialog", "ExportDialog", "OverviewDialog", "VerifyQueueDialog",
                "PanelDialog", "TimelineDialog", "SharedTextDialog", "AnnotationEditor", "AnchorDialog"} <= seen, seen
        (tmp_path / "新到报告").mkdir()
        for mode in (QFileDialog.FileMode.ExistingFiles, QFileDialog.FileMode.AnyFile, QFileDialog.FileMode.Directory):
            chooser = QFileDialog(w, "选择", str(tmp_path), dialogs.report_filter())
            chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own dialog, as on Linux
            chooser.setFileMode(mode)
            chooser.setViewMode(QFileDialog.ViewMode.Detail)
            chooser.show()
            QApplication.processEvents()
            left += [f"Qt file dialog ({mode.name}) · {where}: {text}" for where, text in visible_texts(chooser)]
            left += [f"Qt file dialog ({mode.name}) · Type of a folder: {text}"
                     for text in _folder_types(qtbot, chooser) if english_words(text)]
            chooser.close()
        left += _conflicts_dialog(qtbot, w, tmp_path)
        left += _crash_dialog(qtbot, w, monkeypatch)
    finally:
        for dialog in opened:
            if shiboken6.isValid(dialog):
                dialog.close()
        i18n.set_language(i18n.ENGLISH)
    unique = sorted(set(left))
    assert unique == [], f"{len(unique)} English strings:\n" + "\n".join(unique)


def _conflicts_dialog(qtbot, w, tmp_path) -> list[str]:
    """File › Merge Conflicts… on a lead's database after two returns of a package (an annotation's comment and
    tags, a score, the overall comment in conflict): the dialog and every cell of its table."""
    (tmp_path / "lead").mkdir()
    lead, _doc = lead_with_conflicts(tmp_path / "lead", SEEDS)
    assert w.open_database(lead)
    action = w.findChild(QAction, "mergeConflicts")
    assert action is not None and action.isVisible() and english_words(action.text()) == []
    before = set(QApplication.topLevelWidgets())
    action.trigger()
    qtbot.waitUntil(lambda: any(type(t).__name__ == "ConflictsDialog" and t.isVisible()
                                for t in QApplication.topLevelWidgets()))
    dialog = next(t for t in QApplication.topLevelWidgets() if type(t).__name__ == "ConflictsDialog")
    table = dialog.table
    assert table.rowCount() == 3  # annotation, score, overall comment
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
    assert "举措具体，有量化指标" in "\n".join(cells)  # the content is there, in Chinese, as typed
    found = [f"ConflictsDialog · {where}: {text}" for where, text in visible_texts(dialog)]
    found += [f"ConflictsDialog cell: {text}" for text in cells if english_words(text)]
    for top in set(QApplication.topLevelWidgets()) - before:
        if shiboken6.isValid(top):
            top.close()
    return found


def _crash_dialog(qtbot, w, monkeypatch) -> list[str]:
    """An uncaught error as the app shows it (the crash reporter's dialog): the words around the error are in the
    interface language; the error itself and its traceback are the details, for whoever reads the report."""
    from desktop.gui.window import crash

    built: list[QDialog] = []
    monkeypatch.setattr(dialogs, "crash", lambda *args: built.append(dialogs.crash_dialog(*args)))
    reporter = crash.install(w)
    try:
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError:
            reporter.handle(*sys.exc_info())
        qtbot.waitUntil(lambda: bool(built))
    finally:
        crash.uninstall()
    dialog = built[0]
    dialog.show()
    QApplication.processEvents()
    details = dialog.findChild(QPlainTextEdit, "details").toPlainText()
    assert details.startswith("OperationalError: database is locked")
    found = [f"crash dialog · {where}: {text}" for where, text in visible_texts(dialog)]
    dialog.close()
    return found


def _folder_types(qtbot, chooser: QFileDialog) -> list[str]:
    """The Type column of the folders listed in Qt's file dialog (Qt's word; a file's type comes from the
    system's MIME database, in the default locale)."""
    view = chooser.findChild(QTreeView, "treeView")
    model, root = view.model(), view.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) > 0)
    types = []
    for row in range(model.rowCount(root)):
        name = model.index(row, 0, root)
        if model.hasChildren(name) or str(model.data(name)) == "新到报告":
            types.append(str(model.data(model.index(row, 2, root))))
    assert types, "the folder made for the walk is listed"
    return types
