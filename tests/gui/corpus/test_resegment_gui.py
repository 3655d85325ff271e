"""The GUI re-segments outdated documents when a database is opened: worker, status-bar progress, cancel."""

from __future__ import annotations

import pytest

from desktop.core.storage.documents import list_documents
from tests.core.storage.outdated import age_file, outdated_in

pytestmark = pytest.mark.window(database=None, features=("resegment",), shown=False)


def test_opening_a_database_resegments_outdated_documents_on_a_worker(qtbot, window, seeded_db_path):
    age_file(seeded_db_path)
    controller = window.extensions["resegment"]
    with qtbot.waitSignal(window.database_changed):
        assert window.open_database(seeded_db_path)
    task = controller.task
    assert task is not None and controller.widget is not None  # progress and cancel in the status bar
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)
    assert outdated_in(seeded_db_path) == 0
    agencies = {d.agency for d in list_documents(window.reader)}
    assert "old agency" not in agencies
    model = window.corpus_model
    shown = {model.summary(r).agency for r in range(model.rowCount())}
    assert "old agency" not in shown  # the corpus table was reloaded


def test_cancel_stops_and_the_next_opening_finishes(qtbot, window, seeded_db_path):
    age_file(seeded_db_path)
    controller = window.extensions["resegment"]
    assert window.open_database(seeded_db_path)
    task = controller.task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        task.cancel()
    assert controller.widget is None
    assert window.open_database(seeded_db_path)  # opening again picks up what is left
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)
    assert outdated_in(seeded_db_path) == 0


def test_a_current_database_starts_no_worker(window, seeded_db_path):
    assert window.open_database(seeded_db_path)
    assert window.extensions["resegment"].task is None


def test_the_work_runs_outside_the_windows_process(qtbot, window, seeded_db_path, monkeypatch):
    """The window's process never segments (its threads would hold the interpreter lock the GUI thread needs):
    segmenting here fails, yet every document is brought up to date."""
    import desktop.core.segmentation.segment as segment
    import desktop.core.storage.resegment as resegment

    def not_here(text):
        raise AssertionError("segmented in the window's process")

    monkeypatch.setattr(segment, "segment_report", not_here)
    monkeypatch.setattr(resegment, "segment_report", not_here)
    age_file(seeded_db_path)
    controller = window.extensions["resegment"]
    assert window.open_database(seeded_db_path)
    task = controller.task
    assert task is not None
    failures: list[object] = []
    task.failed.connect(failures.append)
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)
    assert not failures and outdated_in(seeded_db_path) == 0


def test_the_change_bus_is_held_while_the_work_runs_and_released_after(qtbot, window, seeded_db_path):
    """The child's batches are not announced one by one (every view would re-read everything each second): the
    bus is held while it runs and released when it ends, cancelled or not."""
    age_file(seeded_db_path)
    controller = window.extensions["resegment"]
    heard: list = []
    window.changes.changed.connect(heard.append)
    assert window.open_database(seeded_db_path)
    assert controller.task is not None and window.changes.held
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)
    assert not window.changes.held
    qtbot.waitUntil(lambda: len(heard) >= 1, timeout=5000)
    for _ in range(3):  # the bus's next polls announce nothing more: the views re-read once
        with qtbot.waitSignal(window.changes.checked, timeout=5000):
            pass
    assert len(heard) == 1 and heard[0].any("parts", "metadata")
    age_file(seeded_db_path)
    assert window.open_database(seeded_db_path)
    task = controller.task
    assert task is not None and window.changes.held
    with qtbot.waitSignal(task.finished, timeout=30_000):
        task.cancel()
    assert not window.changes.held
