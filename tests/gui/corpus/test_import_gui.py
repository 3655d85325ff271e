"""Importing from the GUI: menu and drag and drop, off the GUI thread, with progress, cancel and a summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.core.ingest.importer import DUPLICATE, FAILED, IMPORTED, SKIPPED
from desktop.core.progress import Progress
from desktop.core.storage.documents import count_documents
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui import dialogs
from desktop.gui.corpus.import_controller import import_with_executor, paths_from_mime
from desktop.gui.window.main_window import MainWindow

pytestmark = pytest.mark.window(database="db_path", shown=False)


@pytest.fixture
def mixed_folder(tmp_path, seeds_dir) -> Path:
    """Two good reports, the same report again under another name, a broken PDF and a spreadsheet."""
    folder = tmp_path / "incoming"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(seeds_dir / "001_a35be3758fcb709b.txt", folder / "a.txt")
    shutil.copy(seeds_dir / "003_768f1515f39e9dba.txt", folder / "sub" / "b.txt")
    shutil.copy(seeds_dir / "001_a35be3758fcb709b.txt", folder / "sub" / "copy-of-a.txt")
    (folder / "broken.pdf").write_bytes(b"this was never a PDF")
    (folder / "scores.xlsx").write_bytes(b"PK\x03\x04 not a report")
    return folder


def test_import_folder_from_the_menu_reports_every_file(qtbot, window, mixed_folder, monkeypatch, shown, settings):
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: str(mixed_folder))
    with qtbot.waitSignal(window.import_controller.finished, timeout=20000) as blocker:
        window.import_folder_action.trigger()
        assert window.import_controller.progress_bar.isVisible() or window.import_controller.busy
    report = blocker.args[0]
    assert (report.count(IMPORTED), report.count(DUPLICATE), report.count(FAILED), report.count(SKIPPED)) == (2, 1, 1, 1)
    # The summary dialog: counts, then every file with its result (problems first) and the reason or report.
    kind, (parent, title, text, lines, action) = shown[-1]
    assert kind == "show_report_list" and title == "Import finished"
    assert text.startswith("2 imported, 1 duplicate, 1 failed, 1 skipped.")
    assert len(lines) == 5
    outcomes = {Path(line.split("  ")[1]).name: line for line in lines}
    assert outcomes["broken.pdf"].startswith("failed  ") and "PDF" in outcomes["broken.pdf"]
    assert outcomes["copy-of-a.txt"].startswith("duplicate  ")
    assert "same content as 梨树县政务服务和数字化建设管理局, year 2025 (a.txt)" in outcomes["copy-of-a.txt"]
    assert outcomes["scores.xlsx"].startswith("skipped  ") and ".xlsx" in outcomes["scores.xlsx"]
    assert outcomes["a.txt"].startswith("imported  ") and "as 梨树县政务服务和数字化建设管理局, year 2025" in outcomes["a.txt"]
    assert [line.split("  ")[0] for line in lines] == ["failed", "skipped", "duplicate", "imported", "imported"]
    assert action == ""  # every new report has its agency: no verify button
    # The table shows the new reports; the progress widgets are gone; the folder is remembered.
    qtbot.waitUntil(lambda: window.corpus_panel.proxy.rowCount() == 2)
    assert not window.import_controller.progress_bar.isVisible()
    assert settings.value("import/last_dir") == str(mixed_folder)


def test_import_files_from_the_menu(qtbot, window, seeds_dir, monkeypatch, shown):
    files = [str(seeds_dir / "000_0a101bd46eacac2a.txt"), str(seeds_dir / "002_b264e5a26ee73ea4.txt")]
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: files)
    with qtbot.waitSignal(window.import_controller.finished, timeout=20000):
        window.import_files_action.trigger()
    qtbot.waitUntil(lambda: window.corpus_panel.proxy.rowCount() == 2)
    assert shown[-1][1][2].startswith("2 imported, 0 duplicate, 0 failed, 0 skipped.")
    assert [line.split("  ")[0] for line in shown[-1][1][3]] == ["imported", "imported"]


def test_dropping_a_folder_imports_it(qtbot, window, mixed_folder):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(mixed_folder))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_controller.finished, timeout=20000) as blocker:
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert blocker.args[0].count(IMPORTED) == 2
    qtbot.waitUntil(lambda: window.corpus_panel.proxy.rowCount() == 2)


def test_a_drag_without_local_files_is_refused(window):
    mime = QMimeData()
    mime.setText("some text")
    mime.setUrls([QUrl("https://example.org/report.pdf")])
    assert paths_from_mime(mime) == []
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.handle_drop(mime) is False
    assert not window.import_controller.busy


def test_imports_requested_while_one_runs_are_queued(qtbot, window, seeds_dir, shown):
    finished: list[object] = []
    window.import_controller.finished.connect(finished.append)
    window.handle_drop(_mime(seeds_dir / "000_0a101bd46eacac2a.txt"))
    window.handle_drop(_mime(seeds_dir / "004_17b2aa831f4a821a.txt"))
    assert window.import_controller.busy
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=20000)
    assert [r.count(IMPORTED) for r in finished] == [1, 1]
    qtbot.waitUntil(lambda: window.corpus_panel.proxy.rowCount() == 2)


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_cancel_stops_the_import_and_keeps_what_was_stored(qtbot, window, tmp_path, seeds_dir, shown):
    folder = tmp_path / "many"
    folder.mkdir()
    text = (seeds_dir / "001_a35be3758fcb709b.txt").read_text(encoding="utf-8")
    for i in range(40):
        (folder / f"r{i:02}.txt").write_text(text + f"\n附件{i}\n", encoding="utf-8")
    controller = window.import_controller
    with qtbot.waitSignal(controller.finished, timeout=30000) as blocker:
        window.handle_drop(_mime(folder))
        qtbot.waitUntil(lambda: controller.progress_bar.value() >= 1, timeout=10000)
        qtbot.mouseClick(controller.cancel_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert report.cancelled
    assert 1 <= report.count(IMPORTED) < 40
    kind, args = shown[-1]
    assert args[1] == "Import cancelled" and "cancelled" in args[2]
    qtbot.waitUntil(lambda: window.corpus_model.total == report.count(IMPORTED))


def test_import_without_a_database_says_what_to_do(qtbot, settings, shown, seeds_dir):
    w = MainWindow(settings)
    qtbot.addWidget(w)
    assert not w.import_files_action.isEnabled()
    w.import_controller.import_paths([str(seeds_dir)])
    assert shown[-1][0] == "warning" and "Open or create a database first" in shown[-1][1][2]


def test_import_with_executor_stores_through_the_writer_thread(db_path, mixed_folder):
    executor = DatabaseExecutor(db_path)
    try:
        updates: list[tuple[int, int]] = []
        report = import_with_executor(executor, [mixed_folder], progress=Progress(lambda d, t, m: updates.append((d, t))))
        assert report.count(IMPORTED) == 2 and report.count(DUPLICATE) == 1
        assert updates[-1] == (5, 5)
        assert executor.call(count_documents) == 2
        again = import_with_executor(executor, [mixed_folder / "a.txt"], progress=Progress())
        assert [o.status for o in again.outcomes] == [DUPLICATE]
        missing = import_with_executor(executor, [mixed_folder / "nope.txt"], progress=Progress())
        assert missing.outcomes[0].status == FAILED and "nope.txt" in missing.outcomes[0].path
    finally:
        executor.close()


@pytest.mark.parametrize(("cpus", "files", "expected"), [(2, 1000, 1), (4, 1000, 3), (8, 1000, 4), (8, 10, 1), (1, 500, 1)])
def test_gui_imports_leave_a_core_for_the_gui(monkeypatch, cpus, files, expected):
    import os

    from desktop.gui.corpus.import_controller import gui_workers

    monkeypatch.setattr(os, "cpu_count", lambda: cpus)  # the core's default_workers reads it too
    assert gui_workers(files) == expected
