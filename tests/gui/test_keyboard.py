"""A whole review with the keyboard only: corpus → report → annotation → score form → comment → submit → reopen →
submit again, by key events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget

from desktop.core.review.annotations import list_annotations
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.versions import list_versions
from tests.gui.keys import ALT, CTRL, SHIFT, focused, press

pytestmark = [
    pytest.mark.settings({"reviewer/name": "张三", "documents/last": ""}),
    pytest.mark.window(features="app", active=True),
]


def test_tab_leaves_the_corpus_table_without_opening_reports(qtbot, window):
    opened: list[str] = []
    window.current_document_changed.connect(opened.append)
    table = window.corpus_panel.table
    press_target = table
    table.setFocus()
    for _ in range(3):
        qtbot.keyClick(press_target, Qt.Key.Key_Tab)
        press_target = focused(window)
    assert not table.hasFocus()
    assert window.search_panel.edit.hasFocus() or window.search_panel.view.hasFocus() or \
        window.report_view.text.hasFocus()
    # whatever Tab started has run its course (the open-on-settle timer fires or was never started): nothing opened
    qtbot.waitUntil(lambda: not window._open_timer.isActive())
    assert opened == []


def test_arrows_open_the_row_the_reviewer_settles_on(qtbot, window):
    opened: list[str] = []
    window.current_document_changed.connect(opened.append)
    window.focus_corpus()
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0] == window.corpus_panel.current_document_id()
    assert window.corpus_panel.table.hasFocus()  # moving through the table keeps the focus there


def test_down_from_the_search_box_reaches_the_hits(qtbot, window):
    window.find_action.trigger()
    assert window.search_panel.edit.hasFocus()
    with qtbot.waitSignal(window.search_panel.search_finished, timeout=10000):
        window.search_panel.search("法治")
    press(qtbot, Qt.Key.Key_Down)
    assert window.search_panel.view.hasFocus()
    assert window.search_panel.view.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.current_document_id()))
    assert window.report_view.text.hasFocus()


def test_f6_cycles_through_the_panes(qtbot, window):
    window.focus_corpus()
    seen = []
    for _ in range(len(window.panes()) - 1):
        press(qtbot, Qt.Key.Key_F6)
        seen.append(focused(window))
    assert window.report_view.text in seen
    assert any(window.findChild(QDockWidget, "scorePanel").isAncestorOf(w) for w in seen)
    assert any(window.findChild(QDockWidget, "annotationsDock").isAncestorOf(w) for w in seen)
    press(qtbot, Qt.Key.Key_F6)
    assert focused(window) is window.corpus_panel.table  # round again
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focused(window) is seen[-1]


def test_shortcuts_focus_the_panes_and_are_listed(qtbot, window, no_dialogs):
    window.open_document(window.corpus_panel.proxy.document_id(0))
    press(qtbot, Qt.Key.Key_1, ALT)
    assert window.corpus_panel.table.hasFocus()
    press(qtbot, Qt.Key.Key_2, ALT)
    assert window.report_view.text.hasFocus()
    press(qtbot, Qt.Key.Key_3, ALT)
    assert window.findChild(QDockWidget, "annotationsDock").isAncestorOf(focused(window))
    press(qtbot, Qt.Key.Key_4, ALT)
    assert window.findChild(QDockWidget, "scorePanel").isAncestorOf(focused(window))
    window.shortcuts_action.trigger()
    kind, args = no_dialogs[-1]
    rows = dict(args[4])
    assert kind == "show_table"
    assert "F11" in rows["Reading Mode"] and rows["Report Text"] == "Alt+2" and rows["Next Pane"] == "F6"
    assert "Ctrl+M" in rows["Annotate Selection"]
    # The menus show the same keys.
    assert window.focus_score_action.shortcut().toString() == "Alt+4"


def test_a_whole_review_by_key_events_only(qtbot, window, seeded_db_path):
    scoring_ctrl = window.extensions["scoring"]
    # 1. Corpus: focus the table, go to the second report, open it with Enter.
    press(qtbot, Qt.Key.Key_1, ALT)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    doc_id = window.corpus_panel.current_document_id()
    qtbot.waitUntil(lambda: window.current_document_id() == doc_id)
    assert window.report_view.text.hasFocus()
    # 2. Report: select two lines with Shift+Down and annotate them (Ctrl+M; 1 ticks the first tag; Ctrl+Enter).
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_End, SHIFT)
    assert window.report_view.selection() != (-1, -1)

    answered: list[str] = []

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not shown yet
            QTimer.singleShot(50, answer_dialog)
            return
        answered.append(type(dialog).__name__)
        target = dialog.focusWidget() or dialog
        qtbot.keyClick(target, Qt.Key.Key_1)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return, CTRL)
        if dialog.isVisible():  # never hang the suite: the assertions below fail instead
            answered.append("still open")
            dialog.reject()

    QTimer.singleShot(200, answer_dialog)
    press(qtbot, Qt.Key.Key_M, CTRL)
    assert answered == ["AnnotationEditor"]
    reader = window.reader
    qtbot.waitUntil(lambda: len(list_annotations(reader, doc_id)) == 1)
    assert list_annotations(reader, doc_id)[0].tag_ids
    # (A window manager gives the window back its activation when the dialog closes; offscreen there is none.)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is window)
    # 3. Score form: Alt+4, then a digit per criterion and Tab to the next one.
    press(qtbot, Qt.Key.Key_4, ALT)
    panel = scoring_ctrl.panel
    digits = {}
    for box in panel.boxes.values():
        assert focused(window) is box.spin, box.criterion.id
        value = min(2, int(box.criterion.max_points))
        press(qtbot, getattr(Qt.Key, f"Key_{value}"))
        digits[box.criterion.id] = value
        press(qtbot, Qt.Key.Key_Tab)
    # 4. The overall comment: typed, and Tab moves on instead of typing a tab.
    assert focused(window) is panel.comment
    qtbot.keyClicks(panel.comment, "ok")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused(window) is not panel.comment
    rubric = scoring_ctrl.store.rubric.id
    reviewer = scoring_ctrl.store.reviewer_id
    qtbot.waitUntil(lambda: scoring.get_review(reader, doc_id, reviewer, rubric).overall_comment == "ok")
    stored = {cid: scoring.get_score(reader, doc_id, reviewer, rubric, cid).value
              for cid in digits}
    assert stored == {cid: float(v) for cid, v in digits.items()}
    assert panel.completion.value() == len(digits)
    # 5. Submit: Alt+4 back in the score form, Ctrl+Enter (issue 18: before, 4x Shift+Tab and Space).
    press(qtbot, Qt.Key.Key_4, ALT)
    assert focused(window).window() is window and panel.isAncestorOf(focused(window))
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: scoring.get_review(reader, doc_id, reviewer, rubric).status == scoring.DONE)
    assert not panel.submit_button.isVisible() and panel.reopen_button.isVisible()
    # 6. Reopen by the Scoring menu's key from the report text (Alt+2), change a score by key, submit again.
    press(qtbot, Qt.Key.Key_2, ALT)
    assert focused(window) is window.report_view.text
    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: scoring.get_review(reader, doc_id, reviewer, rubric).status != scoring.DONE)
    assert {cid: scoring.get_score(reader, doc_id, reviewer, rubric, cid).value for cid in digits} == stored
    press(qtbot, Qt.Key.Key_4, ALT)
    first = next(iter(panel.boxes.values()))
    assert focused(window) is first.spin
    press(qtbot, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: scoring.get_score(reader, doc_id, reviewer, rubric, first.criterion.id).value == 1.0)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: scoring.get_review(reader, doc_id, reviewer, rubric).status == scoring.DONE)
    assert len(list_versions(reader, doc_id, reviewer, rubric)) == 2  # two submissions recorded
