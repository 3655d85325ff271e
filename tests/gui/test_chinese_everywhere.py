"""No English in the Chinese interface (issue 18): Qt's own file dialog (whose shipped zh_CN catalog misses the
strings Qt 6 uses: ``&Look in:``, ``Files of &type:``) and the window title, which names the database once and
leaves the application's name to Qt."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QFileDialog, QLabel, QWidget

from desktop.gui import i18n
from tests.gui.windows import make_window


def english_in(widget: QWidget) -> list[str]:
    """Visible strings of a widget tree with a run of three Latin letters (an English word)."""
    texts: set[str] = {widget.windowTitle()}
    for w in widget.findChildren(QWidget):
        if isinstance(w, QLabel | QAbstractButton) and w.isVisible():
            texts.add(w.text())
        if w.isVisible() and w.toolTip():
            texts.add(w.toolTip())
        if isinstance(w, QAbstractItemView) and w.isVisible() and w.model() is not None:
            model = w.model()
            texts |= {str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())}
    texts |= {a.text() for a in widget.findChildren(QAction)}
    return sorted(t for t in texts if re.search(r"[A-Za-z]{3}", t.replace("&", "")))


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_qts_file_dialog_speaks_chinese(qtbot, mode):
    assert i18n.set_language(i18n.CHINESE)
    try:
        dialog = QFileDialog(None, "选择")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if mode == "save":
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if mode == "folder":
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.show()
        QApplication.processEvents()
        assert english_in(dialog) == []
        assert any("查找范围" in label.text() for label in dialog.findChildren(QLabel))
    finally:
        i18n.set_language(i18n.ENGLISH)


def test_the_window_title_names_the_database_once(qtbot, tmp_path, seeded_db_path, no_dialogs):
    app = QApplication.instance()
    before = app.applicationDisplayName()
    app.setApplicationDisplayName("ReviewDesk 报告评阅台")
    try:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
        assert w.windowTitle() == seeded_db_path.name  # Qt shows "<title> — ReviewDesk 报告评阅台"
        assert "ReviewDesk" not in w.windowTitle()
    finally:
        app.setApplicationDisplayName(before)
