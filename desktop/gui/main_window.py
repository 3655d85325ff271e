"""The main window (a minimal corpus list; the full review window is built on top of this)."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QMainWindow
from sqlite_utils import Database

from desktop.core.storage.documents import list_documents


class MainWindow(QMainWindow):
    """Lists the corpus' documents by agency and year."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("ReviewDesk — 报告评阅台"))
        self.list = QListWidget(self)
        for doc in list_documents(db):
            self.list.addItem(f"{doc.year or '—'}  {doc.agency or doc.title or doc.name}")
        self.setCentralWidget(self.list)
        self.resize(900, 600)
