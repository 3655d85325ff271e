"""Open a real MainWindow at a given size for the GUI tests (shared by several test modules)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QDockWidget

from desktop.gui.app import install_extensions
from desktop.gui.window.main_window import MainWindow


def make_window(qtbot, settings: QSettings, db_path, size: QSize) -> MainWindow:
    """A window as the app builds it (docks installed, layout restored) at an explicit size, with a report open."""
    w = MainWindow(settings)
    qtbot.addWidget(w)
    install_extensions(w)
    w.resize(size)
    w.restore_layout()
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(db_path)
    if not w.current_document_id():
        w.open_document(w.corpus_panel.proxy.document_id(0))
    QApplication.processEvents()
    return w


def docks(w: MainWindow) -> dict[str, QDockWidget]:
    return {d.objectName(): d for d in w.findChildren(QDockWidget)}
