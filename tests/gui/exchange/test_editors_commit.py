"""Every editor commits on leaving: text typed without Enter or Tab is stored when the reviewer moves to the next
report (Alt+Down) or quits (Ctrl+Q), and found again when the database is opened anew."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.review.reviewers import find_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage.database import open_read_only
from desktop.core.storage.documents import get_summary
from tests.gui.keys import type_text

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


pytestmark = [
    pytest.mark.settings({"reviewer/name": "张三", "documents/last": ""}),
    pytest.mark.window(features="app", active=True),
]


@pytest.fixture(autouse=True)
def _first_report_open(qtbot, window):
    window.corpus_panel.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(window.current_document_id()))


def _metadata_editor(window):
    ctrl = window.extensions["corrections"]
    ctrl.toggle_editor(window.report_view, True)
    return ctrl.editors[window.report_view]


def _type(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)


def _stored(path, fn):
    db = open_read_only(path)
    try:
        return fn(db)
    finally:
        db.conn.close()


def _next_report(qtbot, window):
    before = window.current_document_id()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, ALT)  # where the reviewer is typing
    qtbot.waitUntil(lambda: window.current_document_id() != before)


def test_metadata_typed_without_enter_is_stored_on_alt_down(qtbot, window, seeded_db_path):
    first = window.current_document_id()
    editor = _metadata_editor(window)
    _type(qtbot, editor.edits["title"], "改过的标题")
    _type(qtbot, editor.edits["agency"], "某某市司法局")  # moving between fields commits the title
    _next_report(qtbot, window)
    assert get_summary(window.reader, first).agency == "某某市司法局"
    assert get_summary(window.reader, first).title == "改过的标题"
    second = window.current_document_id()
    assert get_summary(window.reader, second).title != "改过的标题"  # not written to the report shown next
    assert editor.edits["title"].text() == (get_summary(window.reader, second).title or "")


def test_metadata_typed_without_enter_is_stored_on_quit(qtbot, window, seeded_db_path):
    doc = window.current_document_id()
    editor = _metadata_editor(window)
    _type(qtbot, editor.edits["doc_number"], "某司发〔2025〕1号")
    window.quit_action.trigger()  # Ctrl+Q
    assert not window.isVisible()
    assert _stored(seeded_db_path, lambda db: get_summary(db, doc).doc_number) == "某司发〔2025〕1号"


def test_score_note_and_overall_comment_typed_are_stored_on_alt_down_and_quit(qtbot, window, seeded_db_path):
    panel = window.extensions["scoring"].panel
    first = window.current_document_id()
    box = next(iter(panel.boxes.values()))
    panel.show()
    box.details.setVisible(True)
    _type(qtbot, box.note, "措施具体")
    _type(qtbot, panel.comment, "第一份的总体评价")
    _next_report(qtbot, window)
    second = window.current_document_id()
    _type(qtbot, panel.comment, "第二份，未按回车")
    window.quit_action.trigger()

    def read(db):
        rubric = active_rubric(db)
        zhang = find_reviewer(db, "张三")
        return (scoring.get_scores(db, first, zhang.id, rubric.id)[box.criterion.id].note,
                scoring.get_review(db, first, zhang.id, rubric.id).overall_comment,
                scoring.get_review(db, second, zhang.id, rubric.id).overall_comment)

    assert _stored(seeded_db_path, read) == ("措施具体", "第一份的总体评价", "第二份，未按回车")


def test_panel_comment_typed_is_stored_on_quit_before_its_pause(qtbot, window, seeded_db_path):
    from desktop.core.panel.adjudication import get_adjudication

    panel_ctrl = window.extensions["panel"]
    view = panel_ctrl.show_view()
    qtbot.waitUntil(lambda: bool(view.document_id))
    doc = view.document_id
    view._comment_timer.setInterval(600_000)  # the reviewer quits before the pause that would save it
    _type(qtbot, view.comment, "组长的评审意见")
    window.quit_action.trigger()

    def read(db):
        found = get_adjudication(db, doc, active_rubric(db).id)
        return found.comment if found else None

    assert _stored(seeded_db_path, read) == "组长的评审意见"


def test_a_look_alike_name_is_refused_with_a_message_not_a_crash(qtbot, window, settings, no_dialogs):
    from desktop.core.review.reviewers import list_reviewers
    from desktop.gui.reviewer_name import SETTINGS_KEY, ensure_reviewer

    store = window.extensions["corrections"].store
    assert ensure_reviewer(window, settings, store) is not None  # 张三 registered
    settings.setValue(SETTINGS_KEY, "张 三")  # the same person typed with a space on another day
    store.reviewer_id = None
    assert ensure_reviewer(window, settings, store) is None
    kind, args = no_dialogs[-1]
    assert kind == "warning" and "looks like the existing reviewer '张三'" in args[2]
    assert settings.value(SETTINGS_KEY) == ""  # asked again next time
    assert [r.name for r in list_reviewers(window.reader)] == ["张三"]


def test_reopening_in_the_score_form_lists_the_versions_kept(qtbot, window):
    panel = window.extensions["scoring"].panel
    doc = window.current_document_id()
    assert panel.ensure_reviewer()
    store = panel.store
    for c in store.active.criteria:
        store.set_value(doc, c.id, c.max_points, None)
    assert panel.submit()
    assert panel.reopen()
    assert panel.versions_label.text().splitlines()[1].startswith("version 1: submitted")
    crit = store.active.criteria[0]
    store.set_value(doc, crit.id, 0, None)
    assert panel.submit() and panel.reopen()
    text = panel.versions_label.text()
    title = crit.title_en or crit.title  # the English interface names criteria in English
    assert "version 2: submitted" in text and f"    {title}: {fmt(crit.max_points)} → 0" in text
    assert panel.submit()
    view = window.extensions["panel"].show_view()  # the lead's panel view shows the difference too
    view.show_report(view.store.report(doc))
    assert view.resubmitted.text().startswith("↻ 张三: submitted 3 times")
    assert view.resubmitted.text().endswith("no value changed")  # the third submission changed nothing
    view.close()
    window.next_action.trigger()  # Alt+Down
    qtbot.waitUntil(lambda: window.current_document_id() != doc)
    assert panel.versions_label.text() == ""
