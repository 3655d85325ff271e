"""Undoable score and review changes, and the store that runs them.

:class:`ScoreStore` is the one place the scoring widgets change data. Each method makes the change once through
the database's writer thread (a refused change raises :class:`~desktop.core.scoring.scores.ScoreError` before anything
is on the undo stack), then pushes a QUndoCommand onto the main window's undo stack; its undo and redo are each
one more transaction that writes back the whole state before or after (score and review together). The store
emits ``scores_changed(document_id)`` after every change, undo and redo, so views re-read what they show.
Successive edits of one note or comment merge into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlite_utils import Database

from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import Rubric, active_rubric, set_active_rubric
from desktop.core.scoring.scores import ReviewState, ScoreChange, ScoreEntry
from desktop.core.scoring.suggestions import Suggestion
from desktop.core.storage.executor import DatabaseExecutor

T = TypeVar("T")
_NOTE_ID, _COMMENT_ID = 5101, 5102  # QUndoCommand ids: consecutive typing in one field merges


def _tr(text: str) -> str:
    return QCoreApplication.translate("Scoring", text)


def restore_state(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, entry: ScoreEntry,
                  review: ReviewState | None) -> None:
    """Write back a criterion's score and the review's state in one transaction (undo/redo of a score change)."""
    with db.atomic():
        scoring.put_score(db, document_id, reviewer_id, rubric, entry)
        if review is not None:
            scoring.put_review(db, document_id, reviewer_id, rubric, review)


class ScoreStore(QObject):
    """Runs score and review changes on the writer thread, with undo; reads through ``reader``."""

    scores_changed = Signal(str)   # document id
    rubric_changed = Signal()
    failed = Signal(str)           # a message when an undo/redo could not be applied

    def __init__(self, executor: DatabaseExecutor | None, reader: Database | None, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor, self.reader, self.undo_stack = executor, reader, undo_stack
        self.reviewer_id: str | None = None
        self.rubric: Rubric | None = None

    def set_database(self, executor: DatabaseExecutor | None, reader: Database | None) -> None:
        self.executor, self.reader = executor, reader
        self.rubric = self.write(active_rubric) if executor is not None else None
        self.rubric_changed.emit()

    @property
    def ready(self) -> bool:
        return self.executor is not None and self.reader is not None and self.rubric is not None

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, ...)`` as one transaction on the writer thread and return its result."""
        if self.executor is None:
            raise RuntimeError(_tr("No database is open."))
        return self.executor.call(fn, *args, **kwargs)

    def use_rubric(self, rubric: Rubric) -> None:
        """Make ``rubric`` the one scores are made under (earlier scores stay with their rubric)."""
        self.write(set_active_rubric, rubric)
        self.rubric = rubric
        self.undo_stack.clear()  # earlier steps belong to the other rubric's scores
        self.rubric_changed.emit()

    # --- reads ---------------------------------------------------------------------------------------

    def scores(self, document_id: str) -> dict[str, ScoreEntry]:
        if not (self.ready and self.reviewer_id and document_id):
            return {}
        return scoring.get_scores(self.reader, document_id, self.reviewer_id, self.rubric.id)

    def review(self, document_id: str) -> ReviewState:
        if not (self.ready and self.reviewer_id and document_id):
            return ReviewState()
        return scoring.get_review(self.reader, document_id, self.reviewer_id, self.rubric.id)

    # --- score changes --------------------------------------------------------------------------------

    def _score_change(self, text: str, document_id: str, fn: Callable[..., ScoreChange], *args: Any,
                      merge_id: int = -1) -> ScoreChange:
        assert self.reviewer_id and self.rubric is not None
        review_before = self.review(document_id)
        change = self.write(fn, document_id, self.reviewer_id, self.rubric, *args)
        review_after = self.review(document_id)
        criterion = (change.new or change.old or ScoreEntry("")).criterion_id
        self.undo_stack.push(_ScoreCommand(self, text, document_id, self.reviewer_id, self.rubric,
                                           change.old or ScoreEntry(criterion), change.new or ScoreEntry(criterion),
                                           review_before, review_after, merge_id))
        return change

    def set_value(self, document_id: str, criterion_id: str, value: float | None,
                  suggestion: Suggestion | None = None) -> ScoreChange:
        title = self.rubric.criterion(criterion_id).title
        text = (_tr("Clear score of “%1”") if value is None else _tr("Score “%1”: %2")).replace("%1", title)
        return self._score_change(text.replace("%2", f"{value:g}" if value is not None else ""), document_id,
                                  scoring.set_score, criterion_id, value, suggestion)

    def accept(self, document_id: str, suggestion: Suggestion) -> ScoreChange:
        title = self.rubric.criterion(suggestion.criterion_id).title
        return self._score_change(_tr("Accept suggested score of “%1”").replace("%1", title), document_id,
                                  scoring.accept_suggestion, suggestion)

    def set_note(self, document_id: str, criterion_id: str, note: str) -> ScoreChange:
        title = self.rubric.criterion(criterion_id).title
        return self._score_change(_tr("Note on “%1”").replace("%1", title), document_id, scoring.set_note,
                                  criterion_id, note, merge_id=_NOTE_ID)

    def link(self, document_id: str, criterion_id: str, annotation_id: str) -> ScoreChange:
        title = self.rubric.criterion(criterion_id).title
        return self._score_change(_tr("Link evidence to “%1”").replace("%1", title), document_id,
                                  scoring.link_evidence, criterion_id, annotation_id)

    def unlink(self, document_id: str, criterion_id: str, annotation_id: str) -> ScoreChange:
        title = self.rubric.criterion(criterion_id).title
        return self._score_change(_tr("Remove evidence from “%1”").replace("%1", title), document_id,
                                  scoring.unlink_evidence, criterion_id, annotation_id)

    # --- review changes -------------------------------------------------------------------------------

    def _review_change(self, text: str, document_id: str, fn: Callable[..., scoring.ReviewChange], *args: Any,
                       merge_id: int = -1) -> scoring.ReviewChange:
        assert self.reviewer_id and self.rubric is not None
        change = self.write(fn, document_id, self.reviewer_id, self.rubric, *args)
        self.undo_stack.push(_ReviewCommand(self, text, document_id, self.reviewer_id, self.rubric, change.old,
                                            change.new, merge_id))
        return change

    def set_status(self, document_id: str, status: str) -> scoring.ReviewChange:
        label = scoring.STATUS_LABELS[status][1] if status in scoring.STATUS_LABELS else status
        return self._review_change(_tr("Review status: %1").replace("%1", _tr(label)), document_id,
                                   scoring.set_review_status, status)

    def set_comment(self, document_id: str, comment: str) -> scoring.ReviewChange:
        return self._review_change(_tr("Overall comment"), document_id, scoring.set_overall_comment, comment,
                                   merge_id=_COMMENT_ID)

    # --- plumbing -------------------------------------------------------------------------------------

    def _apply(self, fn: Callable[[Database], object], command: QUndoCommand) -> bool:
        try:
            self.write(fn)
        except Exception as exc:  # e.g. evidence whose annotation was deleted meanwhile: say so, drop the step
            command.setObsolete(True)
            self.failed.emit(_tr("“%1” could not be applied: %2").replace("%1", command.text()).replace("%2", str(exc)))
            return False
        return True


class _Command(QUndoCommand):
    """A change already made once; undo/redo write back a whole state, then tell the store's listeners."""

    def __init__(self, store: ScoreStore, text: str, document_id: str, reviewer_id: str, rubric: Rubric,
                 merge_id: int) -> None:
        super().__init__(text)
        self.store, self.document_id, self.reviewer_id, self.rubric = store, document_id, reviewer_id, rubric
        self._merge_id = merge_id
        self._first = True

    def id(self) -> int:
        return self._merge_id

    def _write(self, state_before: bool) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._first:  # the change is already saved: the first redo only announces it
            self._first = False
        elif not self._write(state_before=False):
            return
        self.store.scores_changed.emit(self.document_id)

    def undo(self) -> None:
        if self._write(state_before=True):
            self.store.scores_changed.emit(self.document_id)


class _ScoreCommand(_Command):
    def __init__(self, store: ScoreStore, text: str, document_id: str, reviewer_id: str, rubric: Rubric,
                 old: ScoreEntry, new: ScoreEntry, review_old: ReviewState, review_new: ReviewState,
                 merge_id: int) -> None:
        super().__init__(store, text, document_id, reviewer_id, rubric, merge_id)
        self.old, self.new, self.review_old, self.review_new = old, new, review_old, review_new

    def _write(self, state_before: bool) -> bool:
        entry, review = (self.old, self.review_old) if state_before else (self.new, self.review_new)
        return self.store._apply(lambda db: restore_state(db, self.document_id, self.reviewer_id, self.rubric,
                                                          entry, review), self)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, _ScoreCommand) and other.document_id == self.document_id
                and other.new.criterion_id == self.new.criterion_id and other.rubric.id == self.rubric.id):
            return False
        self.new, self.review_new = other.new, other.review_new
        return True


class _ReviewCommand(_Command):
    def __init__(self, store: ScoreStore, text: str, document_id: str, reviewer_id: str, rubric: Rubric,
                 old: ReviewState, new: ReviewState, merge_id: int) -> None:
        super().__init__(store, text, document_id, reviewer_id, rubric, merge_id)
        self.old, self.new = old, new

    def _write(self, state_before: bool) -> bool:
        state = self.old if state_before else self.new
        return self.store._apply(lambda db: scoring.put_review(db, self.document_id, self.reviewer_id, self.rubric,
                                                               state), self)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, _ReviewCommand) and other.document_id == self.document_id):
            return False
        self.new = other.new
        return True
