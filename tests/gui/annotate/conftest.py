"""Fixtures of the annotation GUI tests: a window with a real ReportView, the store on a real writer thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from desktop.core.storage.documents import get_document, list_documents
from desktop.core.storage.executor import DatabaseExecutor, open_reader
from desktop.gui import dialogs
from desktop.gui.annotate.integration import AnnotationsController
from desktop.gui.annotate.store import AnnotationStore
from desktop.gui.changes import ChangeBus
from desktop.gui.reading.report_view import ReportView


class Env:
    """A window holding a real ReportView, the store on a real writer thread, and the controller."""

    def __init__(self, qtbot, path, tmp_path):
        self.executor = DatabaseExecutor(path)
        self.reader = open_reader(path)
        self.stack = QUndoStack()
        self.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        self.window = QMainWindow()
        self.view = ReportView(self.window)
        self.window.setCentralWidget(self.view)
        self.changes = ChangeBus()
        self.store = AnnotationStore(self.executor, self.reader, self.stack, self.changes, self.window)
        self.ctrl = AnnotationsController(self.window, self.store, self.settings, self.view,
                                          open_document=self.open_document)
        for dock in (self.ctrl.panel, self.ctrl.aids_panel, self.ctrl.segments):
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.resize(1400, 900)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.docs = {d.name[:3]: d.id for d in list_documents(self.reader)}
        self.tags = {t.name: t.id for t in self.store.tags()}

    def open_document(self, doc_id: str, _query: str = "", offset: int = -1) -> None:
        self.view.show_document(get_document(self.reader, doc_id))
        self.ctrl.on_document_changed(doc_id)
        if offset >= 0:
            self.view.scroll_to_offset(offset)

    def select(self, quote: str, occurrence: int = 0) -> tuple[int, int]:
        text = self.view.current_document().text
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(quote, start + 1)
        self.view.text.select_document_span(start, start + len(quote))
        assert self.view.selection() == (start, start + len(quote))
        return start, start + len(quote)

    def row(self, annotation_id: str):
        return self.reader.execute("SELECT comment, deleted_at, reviewer_id, status FROM annotations WHERE id = ?",
                                   [annotation_id]).fetchone()

    def tags_of(self, annotation_id: str) -> set[str]:
        return {r[0] for r in self.reader.execute("SELECT tag_id FROM annotation_tags WHERE annotation_id = ?",
                                                  [annotation_id]).fetchall()}

    def close(self):
        self.reader.conn.close()
        self.executor.close()


@pytest.fixture
def env(qtbot, seeded_db_path, tmp_path, monkeypatch):
    for name in ("info", "warning", "error"):
        monkeypatch.setattr(dialogs, name, lambda *a, _n=name: pytest.fail(f"unexpected {_n} dialog: {a}"))
    e = Env(qtbot, seeded_db_path, tmp_path)
    yield e
    e.close()
