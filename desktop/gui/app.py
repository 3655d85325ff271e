"""Start the ReviewDesk desktop application."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(db_path: Path | None = None) -> int:
    """Open (seeding on first start) the database and show the main window; return the exit code."""
    from PySide6.QtWidgets import QApplication

    from desktop.core.demo import ensure_demo_corpus
    from desktop.core.storage import default_db_path, open_database
    from desktop.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("ReviewDesk")
    app.setOrganizationName("ReviewDesk")
    path = db_path or default_db_path()
    db = open_database(path)
    ensure_demo_corpus(db)
    window = MainWindow(db)
    window.show()
    return app.exec()
