"""The global exception handler and the log file: an uncaught error is written to the log and shown with its
details (copyable), from the GUI thread or any other; the log goes to the user log directory."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

from desktop.core import logs
from desktop.gui import dialogs
from desktop.gui.window import crash


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWDESK_LOG_DIR", str(tmp_path / "logs"))
    logs.stop_file_logging()
    yield tmp_path / "logs"
    logs.stop_file_logging()


@pytest.fixture
def reporter(qapp, log_dir, monkeypatch):
    shown: list[tuple] = []
    monkeypatch.setattr(dialogs, "crash", lambda *a: shown.append((threading.current_thread(), *a)))
    installed = crash.install()
    installed.shown = shown
    yield installed
    crash.uninstall()


def boom():
    raise ValueError("计分表 out of range")


def test_uncaught_error_is_logged_and_shown_with_its_traceback(reporter, qtbot, log_dir):
    assert sys.excepthook == reporter.handle
    try:
        boom()
    except ValueError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(reporter.shown))
    thread, _parent, title, text, details = reporter.shown[0]
    assert thread is threading.main_thread()
    assert title == "Unexpected error"
    assert str(log_dir / "reviewdesk.log") in text and "every edit was saved" in text
    assert "计分表" not in text  # the error's own words are in the details, not in the sentence around them
    assert details.splitlines()[0] == "ValueError: 计分表 out of range"
    assert "Traceback" in details and "in boom" in details and "ReviewDesk 0." in details
    logged = (log_dir / "reviewdesk.log").read_text(encoding="utf-8")
    assert "ERROR desktop.crash" in logged and "in boom" in logged


def test_error_in_a_plain_thread_is_shown_on_the_gui_thread(reporter, qtbot):
    worker = threading.Thread(target=boom)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(reporter.shown))
    assert reporter.shown[0][0] is threading.main_thread()
    assert reporter.shown[0][4].startswith("ValueError")


def test_a_second_error_while_the_dialog_is_open_is_only_logged(reporter, qtbot, log_dir):
    reporter.showing = True
    try:
        boom()
    except ValueError:
        reporter.handle(*sys.exc_info())
    QCoreApplication.sendPostedEvents()  # the report is queued: deliver it, then look
    QCoreApplication.processEvents()
    assert reporter.shown == []
    assert "in boom" in (log_dir / "reviewdesk.log").read_text(encoding="utf-8")


def test_crash_dialog_copies_the_details(qtbot, qapp):
    dialog = dialogs.crash_dialog(None, "Unexpected error", "what happened", "Traceback (most recent call last): …")
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPlainTextEdit, "details").toPlainText().startswith("Traceback")
    QApplication.clipboard().clear()
    dialog.findChild(QPushButton, "copy").click()
    assert QApplication.clipboard().text() == "Traceback (most recent call last): …"
    assert dialog.isVisible() is False or dialog.result() == 0  # copying does not close it


def test_log_file_is_under_the_user_log_directory_by_default(monkeypatch):
    monkeypatch.delenv("REVIEWDESK_LOG_DIR", raising=False)
    from platformdirs import user_log_dir

    assert logs.log_file() == logs.Path(user_log_dir("ReviewDesk", appauthor=False)) / "reviewdesk.log"


def test_log_setup_is_idempotent_and_survives_an_unwritable_folder(log_dir, tmp_path, monkeypatch):
    assert logs.setup_file_logging() == log_dir / "reviewdesk.log"
    assert logs.setup_file_logging() == log_dir / "reviewdesk.log"
    handlers = [h for h in logging.getLogger("desktop").handlers if isinstance(h, logging.FileHandler)]
    assert len(handlers) == 1
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("REVIEWDESK_LOG_DIR", str(blocker / "logs"))  # a folder below a file cannot exist
    assert logs.setup_file_logging() is None
    logging.getLogger("desktop.test").warning("still fine")  # no handler error, no exception
