"""Side by side: the annotation and score panels follow the pane the reviewer works in; headers take one line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

pytestmark = [
    pytest.mark.settings({"reviewer/name": "张三"}),
    pytest.mark.window(features="app"),
]


@pytest.fixture(autouse=True)
def _first_two_reports_side_by_side(window):
    proxy = window.corpus_panel.proxy
    ids = [proxy.document_id(r) for r in range(proxy.rowCount())]
    assert window.compare_documents(ids[0], ids[1])


def test_panels_follow_the_pane_worked_in(qtbot, window):
    left, right = window.compare_view.left, window.compare_view.right
    annotations = window.extensions["annotations"]
    score = window.extensions["scoring"].panel
    # Side by side starts with the right (newer) report.
    assert window.working_document_id() == right.current_document().id
    assert score.document_id == right.current_document().id
    qtbot.mouseClick(left.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    left_id = left.current_document().id
    assert window.working_document_id() == left_id
    assert score.document_id == left_id
    assert annotations.current_document().id == left_id
    # An annotation made in the left pane shows in the panel (it is the left report's list now).
    start = left.current_document().text.index("。") + 1
    made = annotations.store.create(left_id, start, start + 12, [annotations.store.tags()[0].id], "左侧", None)
    qtbot.waitUntil(lambda: made.id in [annotations.panel.model.annotation(r).id
                                        for r in range(annotations.panel.model.rowCount())])
    # Focusing the right pane's text moves the panels back.
    right.text.setFocus()
    qtbot.waitUntil(lambda: score.document_id == right.current_document().id)
    assert annotations.current_document().id == right.current_document().id
    # Back in the report tab the panels describe the report there.
    window.tabs.setCurrentIndex(0)
    assert window.working_document_id() == window.report_view.current_document().id


def test_headers_take_one_line_side_by_side(qtbot, window):
    left = window.compare_view.left
    line = left.header.fontMetrics().height()
    assert left.header.collapsed() and not left.header.meta.isVisible()
    assert left.header.height() <= 3 * line + 16
    left.header.details_button.click()
    assert left.header.meta.isVisible()
    assert not window.report_view.header.collapsed()  # the report tab shows everything
    summary = window.compare_view.summary
    assert summary.width() > 300 and summary.text()  # the shared-text summary is readable


def test_changed_wording_between_two_versions_with_next_and_previous_keys(qtbot, window):
    view = window.compare_view
    assert view.changes == [] and view.left.text.marks("wording") == []
    view.wording_box.setChecked(True)
    assert len(view.changes) > 0
    left_marks, right_marks = view.left.text.marks("wording"), view.right.text.marks("wording")
    assert left_marks or right_marks
    # Every change lies inside a pair of aligned parts, and the shared-passage marks stay beside them.
    assert view.left.text.marks("reuse") or view.right.text.marks("reuse")
    view.right.text.setFocus()
    qtbot.keyClick(view.right.text, Qt.Key.Key_F8)
    assert view._change_index == 0
    qtbot.keyClick(view.right.text, Qt.Key.Key_F8)
    assert view._change_index == 1 % len(view.changes)
    qtbot.keyClick(view.right.text, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view._change_index == 0
    view.wording_box.setChecked(False)
    assert view.left.text.marks("wording") == [] and view.right.text.marks("wording") == []
