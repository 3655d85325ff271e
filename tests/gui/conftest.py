"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS

RECORDED_DIALOGS = ("info", "warning", "error", "show_table")


@pytest.fixture(autouse=True)
def no_widgets_left_behind(qapp):
    """Close and delete every window a test leaves open (not only those given to qtbot.addWidget).

    A window left alive keeps receiving application-wide events in later tests (a language change re-reads its
    closed database, a palette change repaints it), so the outcome would depend on the order of the tests.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def no_dialogs(monkeypatch) -> list[tuple[str, tuple]]:
    """Record every message dialog (desktop.gui.dialogs) instead of showing it, as (kind, args)."""
    from desktop.gui import dialogs

    shown: list[tuple[str, tuple]] = []
    for name in RECORDED_DIALOGS:
        monkeypatch.setattr(dialogs, name, lambda *args, _n=name: shown.append((_n, args)))
    return shown


@pytest.fixture
def shown(no_dialogs) -> list[tuple[str, tuple]]:
    """The same recording under the name the import and scoring tests use."""
    return no_dialogs


@pytest.fixture(scope="module")
def records():
    """The five seed reports as stored (prefix "000".."004" -> DocumentRecord)."""
    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import get_document, list_documents

    db = open_database(":memory:")
    import_paths(db, [SEEDS])
    out = {d.name[:3]: get_document(db, d.id) for d in list_documents(db)}
    db.conn.close()
    return out
