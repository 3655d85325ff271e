"""Anchor examples one key away: focus a criterion in the score form, press F9."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.agencies.integration import install_agencies
from desktop.gui.main_window import MainWindow
from desktop.gui.scoring.integration import install_scoring
from tests.core.scoring.scoring_data import build_scored_corpus


@pytest.fixture
def window(qtbot, tmp_path, shown):
    corpus = build_scored_corpus(tmp_path / "scored.sqlite3")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "李四")
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.extensions["scoring"] = install_scoring(w)
    w.extensions["agencies"] = install_agencies(w)
    assert w.open_database(corpus.path)
    w.corpus = corpus
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.close()


def test_f9_on_a_focused_criterion_shows_the_panels_submitted_scores_by_level(window, qtbot, shown):
    calibration = window.extensions["agencies"].calibration
    window.open_document(window.corpus.docs["003"])
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F9)
    assert shown and shown[-1][0] == "info" and calibration.dialog is None  # no criterion focused: told how
    spin = window.extensions["scoring"].panel.boxes["shortcomings"].spin
    spin.setFocus()
    qtbot.waitUntil(lambda: calibration.criterion_id == "shortcomings")
    qtbot.keyClick(spin, Qt.Key.Key_F9)
    dialog = calibration.dialog
    assert dialog is not None and dialog.isVisible()
    tree = dialog.tree
    rows = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        rows[top.text(0)] = [(top.child(j).text(1), top.child(j).text(2)) for j in range(top.childCount())]
    assert ("3", "张三") in [x for v in rows.values() for x in v]
    assert ("2", "张三") in [x for v in rows.values() for x in v]
    assert not any(r == "李四" for v in rows.values() for _, r in v)  # not submitted: no anchor
