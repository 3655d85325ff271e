"""The promise tracker beside side by side: opened by its key, follows the pair shown, shows passages in both
panes, takes verdicts by keys with the newer pane's selection, says when the left report is not the one tracked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.agencies.promises import DONE, NOT_MENTIONED

pytestmark = [
    pytest.mark.settings({"reviewer/name": "王评审"}),
    pytest.mark.window(features=("agencies",)),
]


def _key(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _open_dock(window, qtbot):
    dock = window.extensions["agencies"].promise_dock
    assert dock.isHidden()  # hidden until the reviewer asks for it
    _key(window, qtbot)
    qtbot.waitUntil(dock.isVisible)
    return dock


def test_the_key_opens_side_by_side_with_the_agencys_earlier_report_and_closes_again(window, seed_ids, qtbot):
    assert window.open_document(seed_ids["000"])  # 吉林省 2025
    dock = _open_dock(window, qtbot)
    assert window.tabs.currentWidget() is window.compare_view
    left, right = window.compare_view.documents()
    assert (left.id, right.id) == (seed_ids["003"], seed_ids["000"])  # its 2022 report on the left
    assert dock.tracker.model.rowCount() == 18 and window.focusWidget() is dock.tracker.table
    _key(window, qtbot)
    qtbot.waitUntil(dock.isHidden)
    window.tabs.setCurrentIndex(0)
    assert dock.isHidden()  # closed by the reviewer: not brought back with the report tab


def test_the_tracker_follows_the_pair_and_shows_passages_in_both_panes(window, seed_ids, qtbot):
    # 吉林省 2022 on the left, 2025 on the right: the 2022 plan against the 2025 report
    assert window.compare_documents(seed_ids["003"], seed_ids["000"])
    dock = _open_dock(window, qtbot)
    assert dock.tracker.document_id == seed_ids["000"] and dock.tracker.model.rowCount() == 18
    assert dock.caption.text() == "The 2022 plan (left) against the 2025 report (right)."
    statuses = [p.match.status for p in dock.tracker.report.promises]
    row = statuses.index(DONE)
    promise = dock.tracker.report.promises[row]
    dock.tracker.table.setFocus()
    dock.tracker.table.setCurrentIndex(dock.tracker.model.index(row, 0))
    qtbot.keyClick(dock.tracker.table, Qt.Key.Key_Return)
    compare = window.compare_view
    assert compare.right.selection() == (promise.match.passage.start, promise.match.passage.end)
    assert compare.left.selection() == (promise.match.item.start, promise.match.item.end)
    # both in view at once: synchronized scrolling does not pull one pane away from its span
    for pane, start in ((compare.left, promise.match.item.start), (compare.right, promise.match.passage.start)):
        assert pane.text.offset_at_y(0) <= start <= pane.text.offset_at_y(pane.text.viewport().height() - 1)
    # the reviewer selects another passage in the newer pane and says D: that passage is stored as the evidence
    silent = statuses.index(NOT_MENTIONED)
    dock.tracker.table.setCurrentIndex(dock.tracker.model.index(silent, 0))
    compare.right.select_span(10, 30)
    dock.tracker.table.setFocus()
    qtbot.keyClick(dock.tracker.table, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: dock.tracker.report.promises[silent].corrected)
    assert dock.tracker.report.promises[silent].match.passage.start == 10
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not dock.tracker.report.promises[silent].corrected)
    # swapped panes: still the newer report tracked
    assert window.compare_documents(seed_ids["000"], seed_ids["003"])
    qtbot.waitUntil(lambda: dock.newer is not None and dock.newer.id == seed_ids["000"])
    assert dock.tracker.document_id == seed_ids["000"]


def test_a_pair_the_tracker_does_not_compare_is_said(window, seed_ids, qtbot):
    # two different agencies: the newer one's tracker has no earlier report of its own agency, or another one
    assert window.compare_documents(seed_ids["002"], seed_ids["000"])
    dock = _open_dock(window, qtbot)
    qtbot.waitUntil(lambda: dock.newer is not None)
    text = dock.caption.text()
    assert "not the report on the left" in text or "no earlier report" in text
    assert dock.caption.textFormat() == Qt.TextFormat.PlainText
