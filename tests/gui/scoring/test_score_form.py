"""The score panel driven as a reviewer would: values within limits, live total, suggestions, notes, evidence,
status, undo/redo, and everything persisted in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.core.review.annotations import get_annotation
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.storage.documents import list_documents
from desktop.core.storage.executor import DatabaseExecutor, open_reader
from desktop.gui.changes import ChangeBus
from desktop.gui.scoring.score_form import ScorePanel
from desktop.gui.scoring.store import ScoreStore
from tests.core.scoring.scoring_data import add_annotation, section_span


class Rig:
    """An executor, a reader, an undo stack, a store with a reviewer, and the panel on one report."""

    def __init__(self, qtbot, path, reviewer: str | None = "张三") -> None:
        self.path = path
        self.executor = DatabaseExecutor(path)
        self.reader = open_reader(path)
        self.undo = QUndoStack()
        self.changes = ChangeBus()
        self.store = ScoreStore(self.executor, self.reader, self.undo, self.changes)
        self.store.set_database(self.executor, self.reader)
        if reviewer:
            self.store.reviewer_id = self.executor.call(get_or_create_reviewer, reviewer).id
        self.panel = ScorePanel(self.store)
        qtbot.addWidget(self.panel)
        self.docs = {d.name[:3]: d.id for d in list_documents(self.reader)}
        self.panel.show_document(self.docs["001"])
        self.panel.show()

    def stored(self, criterion: str):
        return scoring.get_score(self.reader, self.panel.document_id, self.store.reviewer_id, self.store.rubric.id,
                                 criterion)

    def close(self) -> None:
        self.panel.close()
        self.reader.conn.close()
        self.executor.close()


@pytest.fixture
def rig(qtbot, seeded_db_path):
    r = Rig(qtbot, seeded_db_path)
    yield r
    r.close()


def test_a_value_is_saved_at_once_and_the_total_updates(rig):
    box = rig.panel.boxes["measures"]
    assert rig.panel.total_text().startswith("Total 0 / 100")
    box.spin.setValue(4)
    assert rig.stored("measures").value == 4
    assert rig.panel.total_text().startswith("Total 16 / 100  (1 of 8")
    rig.panel.boxes["completeness"].spin.setValue(3)
    assert rig.panel.total_text().startswith("Total 31 / 100  (2 of 8")
    assert "▶" in box.levels.text() and "较具体" in box.levels.text().split("▶")[1][:120]
    assert box.current_level.full_text().startswith("4 · 较具体")
    assert box.level_buttons[4].isChecked() and not box.level_buttons[5].isChecked()


def test_typed_values_are_limited_to_the_criterion_range_and_step(rig, qtbot):
    measures = rig.panel.boxes["measures"].spin
    assert (measures.minimum(), measures.maximum(), measures.singleStep()) == (-1, 5, 1)
    measures.setValue(9)
    assert measures.value() == 5 and rig.stored("measures").value == 5
    completeness = rig.panel.boxes["completeness"].spin
    assert completeness.maximum() == 4 and completeness.singleStep() == 0.5
    completeness.lineEdit().selectAll()
    qtbot.keyClicks(completeness, "3.3")
    qtbot.keyClick(completeness, Qt.Key.Key_Return)
    assert rig.stored("completeness").value == 3.5
    assert completeness.value() == 3.5
    # the minimum means "not scored"
    measures.setValue(-1)
    assert measures.text() == "—" and rig.stored("measures") is None  # nothing left to keep


def test_accepting_and_overriding_a_suggestion(rig):
    box = rig.panel.boxes["timeliness"]
    assert box.accept_button.isVisible() and "Suggested 2" in box.suggestion.text()
    box.accept_button.click()
    entry = rig.stored("timeliness")
    assert (entry.value, entry.suggested, entry.suggestion_accepted) == (2, 2, True)
    assert not box.accept_button.isVisible() and "accepted" in box.suggestion.text()
    box.spin.setValue(1)
    entry = rig.stored("timeliness")
    assert (entry.value, entry.suggestion_accepted) == (1, False)
    assert "your score 1" in box.suggestion.text() and box.accept_button.isVisible()


def test_no_suggestion_is_explained(rig):
    rig.panel.show_document(rig.docs["000"])  # no publication date found in this report
    box = rig.panel.boxes["timeliness"]
    assert "No suggestion" in box.suggestion.text() and not box.accept_button.isVisible()


def test_undo_and_redo_scores_notes_and_status(rig):
    box = rig.panel.boxes["measures"]
    box.spin.setValue(4)
    box.spin.setValue(2)
    assert rig.undo.count() == 2
    rig.undo.undo()
    assert rig.stored("measures").value == 4 and box.spin.value() == 4
    rig.undo.undo()
    assert rig.stored("measures") is None and box.spin.text() == "—"
    assert rig.store.review(rig.panel.document_id).status == "not_started"
    rig.undo.redo()
    assert rig.stored("measures").value == 4 and rig.panel.total_text().startswith("Total 16")
    # a note typed letter by letter is one undo step
    for text in ("有", "有数", "有数据"):
        box.note.setText(text)
        box.note.textEdited.emit(text)
    assert rig.stored("measures").note == "有数据"
    count = rig.undo.count()
    rig.undo.undo()
    assert rig.stored("measures").note == "" and box.note.text() == ""
    assert rig.undo.count() == count
    rig.undo.redo()
    assert box.note.text() == "有数据"
    # submitting needs every criterion scored; undo takes the submission back
    for b in rig.panel.boxes.values():
        if rig.stored(b.criterion.id) is None:
            b.spin.setValue(1)
    assert rig.panel.submit()
    assert rig.store.review(rig.panel.document_id).status == "done"
    rig.undo.undo()
    assert rig.store.review(rig.panel.document_id).status == "in_progress"
    assert rig.panel.submit_button.isVisibleTo(rig.panel) and not rig.panel.reopen_button.isVisibleTo(rig.panel)


def test_submit_lists_what_is_missing_then_locks_until_reopened(rig, shown, monkeypatch):
    from desktop.gui import dialogs

    panel = rig.panel
    assert panel.state_label.text().startswith("Not started")
    panel.boxes["measures"].spin.setValue(4)
    assert panel.state_label.text().startswith("In progress")
    assert not panel.submit()
    kind, (_, title, text) = shown[-1]
    assert kind == "warning" and title == "Cannot submit yet"
    assert text.startswith("7 of 8 criteria are neither scored nor marked not applicable")
    assert "• 必备内容齐全" in text and "举措具体" not in text
    assert rig.store.review(panel.document_id).status == "in_progress"
    # originality may be not applicable: N/A asks a reason (cancel leaves it as it was)
    originality = panel.boxes["originality"]
    assert originality.na_button.isVisibleTo(panel) and not panel.boxes["measures"].na_button.isVisibleTo(panel)
    monkeypatch.setattr(dialogs, "get_text", lambda *a, **k: None)
    originality.na_button.click()
    assert rig.stored("originality") is None and not originality.na_button.isChecked()
    monkeypatch.setattr(dialogs, "get_text", lambda *a, **k: "首次报告，无上年可比")
    originality.na_button.click()
    assert rig.stored("originality").not_applicable and originality.na_button.isChecked()
    assert originality.current_level.full_text() == "Not applicable: 首次报告，无上年可比"
    for cid, box in panel.boxes.items():
        if cid not in ("measures", "originality"):
            box.spin.setValue(2)
    assert panel.total_text().startswith("Total") and "(8 of 8" in panel.total_text()
    assert panel.submit()
    review = rig.store.review(panel.document_id)
    assert review.status == "done" and review.submitted_by == "张三"  # the reviewer, by default
    assert panel.state_label.text().startswith("Submitted") and panel.reopen_button.isVisibleTo(panel)
    assert not panel.boxes["measures"].spin.isEnabled() and panel.comment.isReadOnly()
    panel.boxes["measures"].value_edited.emit("measures", 1.0)  # a change slipped through is refused
    assert rig.stored("measures").value == 4 and "read-only" in panel.message_label.text()
    assert panel.reopen()
    review = rig.store.review(panel.document_id)
    assert review.status == "in_progress" and review.reopened_at
    assert panel.boxes["measures"].spin.isEnabled() and not panel.comment.isReadOnly()
    assert "reopened by" in panel.state_label.text()


def test_overall_comment_is_saved_and_undone(rig, qtbot):
    qtbot.keyClicks(rig.panel.comment, "good")
    assert rig.store.review(rig.panel.document_id).overall_comment == "good"
    rig.undo.undo()
    assert rig.store.review(rig.panel.document_id).overall_comment == ""
    assert rig.panel.comment.toPlainText() == ""


def test_evidence_links_jump_and_unlink(rig, qtbot):
    doc = rig.panel.document_id
    start, _ = section_span(rig.reader, doc, "shortcomings")
    annotation_id = rig.executor.call(add_annotation, doc, rig.store.reviewer_id, start + 11, start + 40, "套话")
    rig.panel.refresh()
    box = rig.panel.boxes["shortcomings"]
    box.evidence_menu.aboutToShow.emit()
    labels = [a.text() for a in box.evidence_menu.actions()]
    assert len(labels) == 1 and labels[0].startswith("[存在的不足和原因]")
    box.evidence_menu.actions()[0].trigger()
    assert rig.stored("shortcomings").evidence == (annotation_id,)
    assert f"go:{annotation_id}" in box.evidence.text()
    with qtbot.waitSignal(rig.panel.jump_requested) as jump:
        box.evidence.linkActivated.emit(f"go:{annotation_id}")
    stored = get_annotation(rig.reader, annotation_id)
    assert jump.args == [stored.start, stored.end] and start + 11 <= stored.start < stored.end == start + 40
    box.evidence.linkActivated.emit(f"rm:{annotation_id}")
    assert rig.stored("shortcomings") is None  # no value, note or evidence left
    rig.undo.undo()
    assert rig.stored("shortcomings").evidence == (annotation_id,)


def test_refused_changes_are_explained_and_nothing_is_stored(rig, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise scoring.ScoreError("refused for the test")

    monkeypatch.setattr(rig.store, "set_value", refuse)
    rig.panel.boxes["measures"].spin.setValue(3)
    assert rig.panel.message_label.text() == "refused for the test"
    assert rig.panel.boxes["measures"].spin.text() == "—" and rig.stored("measures") is None


def test_without_a_reviewer_nothing_is_scored(qtbot, seeded_db_path):
    rig = Rig(qtbot, seeded_db_path, reviewer=None)
    try:
        rig.panel.boxes["measures"].spin.setValue(3)
        assert rig.panel.boxes["measures"].spin.text() == "—"
        assert rig.reader.execute("SELECT count(*) FROM scores").fetchone()[0] == 0
    finally:
        rig.close()


def test_scores_persist_across_sessions(qtbot, seeded_db_path):
    first = Rig(qtbot, seeded_db_path)
    first.panel.boxes["leader_duty"].spin.setValue(3)
    first.panel.boxes["leader_duty"].note.textEdited.emit("具体")
    first.close()
    second = Rig(qtbot, seeded_db_path)
    try:
        box = second.panel.boxes["leader_duty"]
        assert box.spin.value() == 3 and box.note.text() == "具体"
        assert second.panel.total_text().startswith("Total 6 / 100")
    finally:
        second.close()


def test_switching_reports_shows_each_ones_scores(rig):
    rig.panel.boxes["measures"].spin.setValue(5)
    rig.panel.show_document(rig.docs["000"])
    assert rig.panel.boxes["measures"].spin.text() == "—"
    rig.panel.show_document(rig.docs["001"])
    assert rig.panel.boxes["measures"].spin.value() == 5
    rig.panel.show_document("")
    assert not rig.panel.boxes["measures"].isEnabled()


def test_one_compact_row_per_criterion_with_the_total_pinned_above(rig, qtbot):
    rig.panel.resize(340, 900)
    qtbot.waitUntil(lambda: rig.panel.boxes["measures"].height() > 0)
    heights = [box.sizeHint().height() for box in rig.panel.boxes.values()]
    line = rig.panel.fontMetrics().height()
    assert max(heights) <= 4 * line + 24  # a title row and one descriptor line, not a page of descriptors
    assert sum(heights) < 900 - 200  # the eight criteria fit under the pinned total in a 900 px dock
    assert not rig.panel.scroll_area.isAncestorOf(rig.panel.total_label)  # the total never scrolls away
    assert rig.panel.completion.maximum() == 8 and rig.panel.completion.value() == 0
    box = rig.panel.boxes["measures"]
    assert [b.text() for b in box.level_buttons.values()] == ["0", "1", "2", "3", "4", "5"]
    assert "具体充分" in box.level_buttons[5].toolTip()  # the descriptor on hover
    assert not box.expanded()
    box.expand_button.click()
    assert box.expanded() and box.levels.isVisible() and box.note.isVisible()


def test_a_level_button_or_a_descriptor_chooses_the_level(rig):
    box = rig.panel.boxes["measures"]
    box.level_buttons[3].click()
    assert rig.stored("measures").value == 3 and box.level_buttons[3].isChecked()
    assert rig.panel.completion.value() == 1
    box.levels.linkActivated.emit("lv:5")
    assert rig.stored("measures").value == 5


def test_digit_keys_choose_the_level_of_the_focused_criterion(rig, qtbot):
    box = rig.panel.boxes["measures"]
    box.spin.setFocus()
    qtbot.keyClick(box.spin, Qt.Key.Key_3)
    assert rig.stored("measures").value == 3
    qtbot.keyClick(box.spin, Qt.Key.Key_4)  # a second digit is a new choice (34 is no score here)
    assert rig.stored("measures").value == 4
    qtbot.keyClick(box.spin, Qt.Key.Key_Space)
    assert box.expanded()


def test_a_typed_value_out_of_range_is_answered_on_the_spot(rig, qtbot):
    box = rig.panel.boxes["measures"]
    box.spin.setFocus()
    with qtbot.waitSignal(rig.panel.message) as said:
        qtbot.keyClick(box.spin, Qt.Key.Key_9)
    assert "9" in said.args[0] and "0–5" in said.args[0]
    assert box.warning.isVisible() and "0–5" in box.warning.text()
    assert rig.stored("measures") is None  # nothing changed, and the reviewer was told


def test_tab_in_the_overall_comment_moves_on(rig, qtbot):
    rig.panel.comment.setFocus()
    qtbot.keyClicks(rig.panel.comment, "ok")
    qtbot.keyClick(rig.panel.comment, Qt.Key.Key_Tab)
    assert "\t" not in rig.panel.comment.toPlainText()
    assert rig.panel.comment.tabChangesFocus()
