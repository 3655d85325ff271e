"""The undoable-store base with two windows (two stores, two writer threads) on one database file.

Undo and redo replay a step only over the rows as this window left them; a newer edit made elsewhere is never
overwritten: the step is refused, dropped from the undo history, and a dialog says why.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from desktop.core.review.annotations import Content, get_annotation
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.storage.documents import list_documents
from desktop.core.storage.executor import DatabaseExecutor, open_reader
from desktop.gui.annotate.store import AnnotationStore
from desktop.gui.changes import ChangeBus
from desktop.gui.scoring.store import ScoreStore


class Window:
    """What one review window holds: a writer thread, a reader, an undo stack, a change bus and both stores."""

    def __init__(self, path) -> None:
        self.executor = DatabaseExecutor(path)
        self.reader = open_reader(path)
        self.stack = QUndoStack()
        self.changes = ChangeBus()
        self.heard = []
        self.changes.changed.connect(self.heard.append)
        self.scores = ScoreStore(self.executor, self.reader, self.stack, self.changes)
        self.scores.set_database(self.executor, self.reader)
        self.scores.reviewer_id = self.executor.call(get_or_create_reviewer, "张三").id
        self.annotations = AnnotationStore(self.executor, self.reader, self.stack, self.changes)
        self.annotations.set_database(self.executor, self.reader)

    def value(self, doc: str, criterion: str):
        entry = scoring.get_score(self.reader, doc, self.scores.reviewer_id, self.scores.rubric.id, criterion)
        return entry.value if entry else None

    def close(self) -> None:
        self.reader.conn.close()
        self.executor.close()


@pytest.fixture
def two(seeded_db_path, shown):
    a, b = Window(seeded_db_path), Window(seeded_db_path)
    doc = list_documents(a.reader)[0].id
    criterion = a.scores.rubric.criteria[1]
    yield a, b, doc, criterion.id, shown
    a.close()
    b.close()


def test_undo_refuses_to_overwrite_a_newer_score_from_another_window(two):
    a, b, doc, cid, shown = two
    a.scores.set_value(doc, cid, 1)
    b.scores.set_value(doc, cid, 2)  # newer, elsewhere
    a.stack.undo()
    assert a.value(doc, cid) == 2  # kept
    assert len(shown) == 1 and shown[0][0] == "warning"
    assert "was not undone" in shown[0][1][2] and "another window" in shown[0][1][2]
    assert a.stack.count() == 0  # the step is gone from the history
    assert a.heard[-1].outside and a.heard[-1].concerns(doc, "scores")  # the views re-read the newer value
    b.stack.undo()  # the other window's own step still undoes (to what it found: 1)
    assert a.value(doc, cid) == 1 and len(shown) == 1


def test_redo_refuses_too(two):
    a, b, doc, cid, shown = two
    a.scores.set_value(doc, cid, 1)
    a.stack.undo()
    assert a.value(doc, cid) is None
    b.scores.set_value(doc, cid, 2)
    a.stack.redo()
    assert a.value(doc, cid) == 2 and "was not redone" in shown[0][1][2]


def test_steps_of_one_window_undo_in_order_without_refusals(two):
    """The review row is touched by every score step: that alone is no conflict."""
    a, _b, doc, cid, shown = two
    other = a.scores.rubric.criteria[2].id
    a.scores.set_value(doc, cid, 1)
    a.scores.set_value(doc, other, 1)
    a.scores.set_comment(doc, "总体还行")
    for _ in range(3):
        a.stack.undo()
    assert (a.value(doc, cid), a.value(doc, other)) == (None, None) and shown == []
    assert a.scores.review(doc).status == scoring.NOT_STARTED and a.scores.review(doc).overall_comment == ""
    for _ in range(3):
        a.stack.redo()
    assert (a.value(doc, cid), a.value(doc, other)) == (1, 1) and a.scores.review(doc).overall_comment == "总体还行"
    assert shown == []


def test_a_scoring_step_elsewhere_on_another_criterion_does_not_block_undo_of_a_note(two):
    a, b, doc, cid, shown = two
    a.scores.set_note(doc, cid, "我的")
    b.scores.set_note(doc, a.scores.rubric.criteria[3].id, "他的")  # another row
    a.stack.undo()
    assert shown == [] and a.scores.scores(doc).get(cid) is None


def test_undo_of_an_annotation_refuses_over_an_edit_made_elsewhere(two):
    a, b, doc, _cid, shown = two
    tag = a.annotations.tags()[0].id
    made = a.annotations.create(doc, 10, 30, [tag], "我的")
    assert a.heard[-1].concerns(doc, "annotations") and not a.heard[-1].outside
    b.annotations.edit(made.id, Content((tag,), "别人改过", None))
    a.stack.undo()  # would delete the annotation someone just edited
    live = get_annotation(a.reader, made.id)
    assert live.comment == "别人改过" and live.deleted_at is None
    assert shown and "was not undone" in shown[0][1][2]
    # the other window deleting it, then undoing its delete, is its own business: no refusal there
    b.annotations.delete(made.id)
    b.stack.undo()
    b.stack.undo()
    assert get_annotation(a.reader, made.id).comment == "我的" and len(shown) == 1


def test_a_refused_change_is_not_put_on_the_undo_stack(two):
    a, _b, doc, cid, _shown = two
    with pytest.raises(scoring.ScoreError):
        a.scores.set_value(doc, cid, 999)
    assert a.stack.count() == 0 and a.heard == []


def test_undo_of_a_correction_refuses_over_a_newer_correction_from_another_window(seeded_db_path, shown):
    from desktop.core.storage.documents import get_summary
    from desktop.gui.corrections.store import CorrectionStore

    stores = []
    for window in (Window(seeded_db_path), Window(seeded_db_path)):
        store = CorrectionStore(window.executor, window.reader, window.stack, window.changes)
        store.set_database(window.executor, window.reader)
        stores.append((window, store))
    (a, mine), (b, theirs) = stores
    doc = list_documents(a.reader)[0].id
    mine.correct_field(doc, "agency", "本窗口改的机关")
    assert a.heard[-1].concerns(doc, "corrections", "metadata", "parts")
    theirs.correct_field(doc, "agency", "另一窗口改的机关")  # supersedes mine
    a.stack.undo()
    assert get_summary(a.reader, doc).agency == "另一窗口改的机关" and "was not undone" in shown[0][1][2]
    b.stack.undo()  # theirs undoes to what it replaced
    assert get_summary(a.reader, doc).agency == "本窗口改的机关" and len(shown) == 1
    # resetting a field nobody corrected changes nothing and leaves nothing to undo
    count = a.stack.count()
    assert mine.reset_field(doc, "title") == [] and a.stack.count() == count
    for window, _store in stores:
        window.close()
