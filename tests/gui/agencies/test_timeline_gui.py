"""The agency timeline, its promise tracker and merges driven by keys; undo through the window's stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.agencies.groups import grouping
from desktop.core.agencies.promises import DONE, NOT_MENTIONED
from desktop.gui import dialogs

pytestmark = [
    pytest.mark.settings({"reviewer/name": "王评审"}),
    pytest.mark.window(features=("agencies",), shown=False),
]


def _ctrl(window):
    return window.extensions["agencies"]


def test_timeline_of_the_shown_reports_agency_by_keys(window, seed_ids, qtbot):
    assert window.open_document(seed_ids["000"])
    dialog = _ctrl(window).show_timeline()
    assert dialog is not None and dialog.isVisible()
    assert dialog.title.text().startswith("吉林省政务服务和数字化建设管理局")
    years = [dialog.reports_model.index(r, 0).data() for r in range(dialog.reports_model.rowCount())]
    assert years == ["2022", "2025"]
    assert dialog.current_report_id() == seed_ids["000"]  # the latest year is chosen
    dialog.reports.setFocus()
    qtbot.keyClick(dialog.reports, Qt.Key.Key_Up)
    assert dialog.current_report_id() == seed_ids["003"]
    assert dialog.history_model.rowCount() == 0  # 2022 has no shortcomings part
    qtbot.keyClick(dialog.reports, Qt.Key.Key_Down)
    assert dialog.history_model.rowCount() == 3  # 2025's three shortcomings, new against 2022
    assert all(dialog.history_model.index(r, 0).data() == "new" for r in range(3))  # 新提出 in Chinese
    qtbot.keyClick(dialog.reports, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.reports, Qt.Key.Key_Return)  # Enter opens the chosen report
    assert window.current_document_id() == seed_ids["003"]
    # the groups list: type to filter, arrows to choose
    dialog.filter.setFocus()
    dialog.filter.insert("梨树")  # what an input method commits (QTest types ASCII only)
    assert dialog.groups_proxy.rowCount() == 1
    dialog.groups.setFocus()
    qtbot.keyClick(dialog.groups, Qt.Key.Key_Home)
    assert dialog.timeline.group.name == "梨树县政务服务和数字化建设管理局"


def test_promise_verdicts_by_keys_are_stored_and_undone(window, seed_ids, qtbot, shown):
    dialog = _ctrl(window).show_timeline(seed_ids["000"])
    tracker = dialog.promises
    assert tracker.model.rowCount() == 18 and "18" in tracker.summary.text()
    statuses = [p.match.status for p in tracker.report.promises]
    done_row = statuses.index(DONE)
    silent_row = statuses.index(NOT_MENTIONED)
    tracker.table.setFocus()
    tracker.table.setCurrentIndex(tracker.model.index(done_row, 0))
    qtbot.keyClick(tracker.table, Qt.Key.Key_N)  # the reviewer disagrees: not mentioned
    assert tracker.report.promises[done_row].corrected
    assert tracker.report.promises[done_row].match.status == NOT_MENTIONED
    assert tracker.report.promises[done_row].correction.reviewer_name == "王评审"
    assert "※" in tracker.model.index(done_row, 0).data()
    # D on an item nothing was found for, with no selection in the report: the reviewer is told what to do
    tracker.table.setCurrentIndex(tracker.model.index(silent_row, 0))
    qtbot.keyClick(tracker.table, Qt.Key.Key_D)
    assert shown and shown[-1][0] == "info" and not tracker.report.promises[silent_row].corrected
    # …and with a passage selected in the report, it is taken as the passage that reports it done
    window.open_document(seed_ids["000"])
    window.report_view.select_span(300, 340)
    tracker.table.setCurrentIndex(tracker.model.index(silent_row, 0))
    qtbot.keyClick(tracker.table, Qt.Key.Key_D)
    p = tracker.report.promises[silent_row]
    assert p.match.status == DONE and (p.match.passage.start, p.match.passage.end) == (300, 340)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not tracker.report.promises[silent_row].corrected)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: tracker.report.promises[done_row].match.status == DONE)
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: tracker.report.promises[done_row].match.status == NOT_MENTIONED)


def test_merge_by_keys_and_undo(window, seed_ids, qtbot, monkeypatch):
    dialog = _ctrl(window).show_timeline(seed_ids["001"])
    source = dialog.current_group_key()
    asked = []

    def choose(parent, title, label, items, current=0):
        asked.append(items)
        return next(i for i in items if i.startswith("吉林省政务服务"))

    monkeypatch.setattr(dialogs, "get_item", choose)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.reports.setFocus()
    qtbot.keyClick(dialog.reports, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert asked and len(asked[0]) == 3  # the three other agencies
    g = grouping(window.reader)
    assert g.by_document[seed_ids["001"]] == g.by_document[seed_ids["000"]]
    assert [dialog.reports_model.index(r, 0).data() for r in range(dialog.reports_model.rowCount())] == \
        ["2022", "2025", "2025"]
    assert "[grouped by a reviewer]" in dialog.title.text()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: grouping(window.reader).by_document[seed_ids["001"]] == source)


def test_split_by_keys(window, seed_ids, qtbot, monkeypatch):
    dialog = _ctrl(window).show_timeline(seed_ids["000"])
    monkeypatch.setattr(dialogs, "get_text", lambda *args, **kwargs: "吉林省政务服务和数字化建设管理局（2025年新设）")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.reports.setFocus()
    qtbot.keyClick(dialog.reports, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    g = grouping(window.reader)
    assert g.by_document[seed_ids["000"]] != g.by_document[seed_ids["003"]]
    assert dialog.timeline.group.name == "吉林省政务服务和数字化建设管理局（2025年新设）"
    assert dialog.reports_model.rowCount() == 1


def test_names_that_look_like_markup_are_shown_as_written(window, seed_ids, qtbot):
    from PySide6.QtCore import Qt as QtCore_Qt

    from desktop.core.corrections.records import correct_field

    markup = '<img src="/dev/zero">梨树县<b>政数局</b>'
    window.executor.call(lambda db: correct_field(db, seed_ids["001"], "agency", markup, reviewer_id=None))
    dialog = _ctrl(window).show_timeline(seed_ids["001"])
    assert dialog.title.textFormat() == QtCore_Qt.TextFormat.PlainText
    assert dialog.title.text().startswith(markup)
    assert dialog.reports_model.index(0, 8).data() == markup
    assert dialog.promises.summary.textFormat() == QtCore_Qt.TextFormat.PlainText


def test_the_corpus_tables_context_entry_opens_the_chosen_reports_agency(window, seed_ids, monkeypatch):
    ctrl = _ctrl(window)
    assert ctrl.corpus_action in window.corpus_panel.table.actions()
    monkeypatch.setattr(window, "selected_document_ids", lambda: [seed_ids["003"]])
    ctrl.corpus_action.trigger()
    assert ctrl.timeline.isVisible() and ctrl.timeline.timeline.group.years == [2022, 2025]
    groups = [ctrl.timeline.groups_model.index(r, 0).data() for r in range(ctrl.timeline.groups_model.rowCount())]
    assert "吉林省政务服务和数字化建设管理局  ·  2022, 2025" in groups  # each agency with its years in a row
