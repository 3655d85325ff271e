"""File › Re-import Changed Version… in the real window: read and re-anchored on a worker, refused files change
nothing, and the action sits beside import."""

from __future__ import annotations

import threading

import pytest

import desktop.core.ingest as ingest
from desktop.core.storage.documents import get_document
from desktop.gui import dialogs

pytestmark = [
    pytest.mark.settings({"reviewer/name": "张三"}),
    # corrections: the feature that re-reads the views showing a report whose text, parts or metadata changed
    pytest.mark.window(features=("reimport", "corrections"), shown=False),
]


@pytest.fixture
def first_report(window) -> str:
    """The id of the corpus table's first report, open in the window."""
    doc = window.corpus_panel.proxy.document_id(0)
    assert window.open_document(doc)
    return doc


def test_reimport_reads_and_stores_on_a_worker_and_keeps_the_window_responsive(window, first_report, monkeypatch,
                                                                               qtbot, tmp_path):
    ctrl = window.extensions["reimport"]
    old_text = window.report_view.current_document().text
    changed = tmp_path / "changed.txt"
    changed.write_text(old_text.replace("法治", "法制", 1), encoding="utf-8")
    threads, infos = [], []
    real_read = ingest.read_report
    monkeypatch.setattr(ingest, "read_report", lambda path: threads.append(threading.current_thread()) or
                        real_read(path))
    monkeypatch.setattr(dialogs, "open_file", lambda *a: str(changed))
    monkeypatch.setattr(dialogs, "info", lambda *a: infos.append(a[2]))
    announced = []
    window.changes.changed.connect(announced.append)
    with qtbot.waitSignal(ctrl.reimported, timeout=20000) as blocker:
        ctrl.reimport_current()
        assert not ctrl.action.isEnabled()  # returned at once; the work is elsewhere
    assert threads and threads[0] is not threading.main_thread()
    assert blocker.args[0].changed
    assert "法制" in get_document(window.reader, first_report).text
    assert announced and first_report in announced[-1].document_ids  # the views refresh from this
    assert infos and "re-attached" in infos[0]
    qtbot.waitUntil(lambda: ctrl.action.isEnabled())
    assert "法制" in window.report_view.current_document().text  # the report view re-read it


def test_reimport_of_an_unreadable_file_warns_and_changes_nothing(window, first_report, monkeypatch, qtbot,
                                                                  tmp_path):
    ctrl = window.extensions["reimport"]
    old_text = window.report_view.current_document().text
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not a pdf")
    warnings = []
    monkeypatch.setattr(dialogs, "open_file", lambda *a: str(broken))
    monkeypatch.setattr(dialogs, "warning", lambda *a: warnings.append(a[2]))
    ctrl.reimport_current()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    qtbot.waitUntil(lambda: ctrl.action.isEnabled())
    assert "broken.pdf" in warnings[0] or "pdf" in warnings[0].lower()
    assert get_document(window.reader, first_report).text == old_text


@pytest.mark.window(database=None, features=("reimport",), shown=False)
def test_without_an_open_report_it_says_so_and_asks_for_no_file(window, monkeypatch):
    asked, messages = [], []
    monkeypatch.setattr(dialogs, "open_file", lambda *a: asked.append(a) or "")
    ctrl = window.extensions["reimport"]
    ctrl.message.connect(messages.append)
    ctrl.reimport_current()
    assert asked == [] and messages == ["Open the report to re-import first."]


def test_the_action_sits_in_the_file_menu_after_the_import_entries(window):
    ctrl = window.extensions["reimport"]
    entries = [a for a in window.file_menu.actions() if not a.isSeparator()]
    assert ctrl.action in entries
    assert entries.index(ctrl.action) > entries.index(window.import_folder_action)
    assert ctrl.action.text() == "Re-import Changed &Version…"
