"""Opening a file from an earlier ReviewDesk: the upgrade runs off the GUI thread behind a progress dialog the
reviewer can cancel; a cancelled upgrade leaves the file unchanged and the open database open."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton
from sqlite_utils import Database

from desktop.core.storage import database as database_module
from desktop.core.storage.database import pending_upgrade
from desktop.core.storage.schema import MIGRATIONS

WAIT_S = 30  # the longest the held backup waits for the test's GUI-thread side (never reached when it works)


def _older_file(path, documents=12):
    old = Database(sqlite3.connect(path, isolation_level=None))
    MIGRATIONS.apply(old, stop_before="0015_search_grams")
    for i in range(documents):
        old.execute("INSERT INTO documents (id, sha256, name, size, format, encoding, text, segmenter_version, "
                    "imported_at) VALUES (?, ?, ?, 1, 'txt', 'utf-8', ?, 1, 'now')",
                    [f"d{i:02d}", f"{i}", f"{i}.txt", "推进法治政府建设。" * (i + 1)])
    old.conn.close()


def _hold_backup(monkeypatch):
    """The backup waits until the test releases it: the upgrade is surely running while the GUI thread works."""
    release, started = threading.Event(), threading.Event()
    original = database_module._backup

    def held(path):
        started.set()
        release.wait(WAIT_S)
        return original(path)

    monkeypatch.setattr(database_module, "_backup", held)
    return started, release


def test_the_window_stays_live_while_an_older_file_is_upgraded(open_window, tmp_path, monkeypatch, qtbot):
    path = tmp_path / "R&D older.sqlite3"  # a file name is data: shown as typed, never as markup
    _older_file(path)
    started, release = _hold_backup(monkeypatch)
    w = open_window(None)
    seen = {"ticks": 0, "dialog": None}

    def tick():  # runs on the GUI thread while open_database waits for the upgrade
        seen["ticks"] += 1
        dialog = w.findChild(QProgressDialog, "upgradeProgress")
        if dialog is not None and dialog.isVisible() and started.is_set():
            seen["dialog"] = dialog.labelText()
            seen["format"] = dialog.findChild(QLabel).textFormat()
            release.set()

    timer = QTimer(w)
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    try:
        assert w.open_database(path)
    finally:
        timer.stop()
        release.set()
    assert seen["dialog"] is not None and seen["ticks"] >= 1
    assert seen["format"] == Qt.TextFormat.PlainText
    assert w.db_path == path.resolve()
    assert pending_upgrade(path) == []
    assert w.findChild(QProgressDialog, "upgradeProgress") is None or not w.findChild(
        QProgressDialog, "upgradeProgress").isVisible()


def test_a_cancelled_upgrade_keeps_the_file_and_the_open_database(open_window, seeded_db_path, tmp_path,
                                                                 monkeypatch, no_dialogs):
    path = tmp_path / "older.sqlite3"
    _older_file(path)
    before = pending_upgrade(path)
    started, release = _hold_backup(monkeypatch)
    w = open_window(seeded_db_path)
    rows = w.corpus_model.rowCount()

    def cancel_when_shown():
        dialog = w.findChild(QProgressDialog, "upgradeProgress")
        if dialog is not None and dialog.isVisible() and started.is_set():
            button = dialog.findChild(QPushButton)
            assert button.text() == "Cancel"
            button.click()
            timer.stop()
            release.set()

    timer = QTimer(w)
    timer.setInterval(5)
    timer.timeout.connect(cancel_when_shown)
    timer.start()
    try:
        assert not w.open_database(path)
    finally:
        timer.stop()
        release.set()
    assert pending_upgrade(path) == before  # rolled back: still at its old schema
    assert w.db_path == seeded_db_path.resolve() and w.corpus_model.rowCount() == rows
    kinds = [(kind, args[1]) for kind, args in no_dialogs]
    assert kinds == [("info", "Upgrade cancelled")]
    assert str(path.resolve()) in no_dialogs[0][1][2]
