"""Anchor examples one key away: focus a criterion in the score form, press F9."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = [
    pytest.mark.settings({"reviewer/name": "李四"}),
    pytest.mark.window(database="scored_corpus", features=("scoring", "agencies"), active=True),
]


def test_f9_on_a_focused_criterion_shows_the_panels_submitted_scores_by_level(window, scored_corpus, qtbot, shown):
    calibration = window.extensions["agencies"].calibration
    window.open_document(scored_corpus.docs["003"])
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
