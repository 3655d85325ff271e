"""Undoable score and review changes: the scoring feature's store.

:class:`ScoreStore` is the one place the scoring widgets change data. Each method makes its change once through
:meth:`~desktop.gui.undo.UndoableStore.record` (a refused change raises
:class:`~desktop.core.scoring.scores.ScoreError` before anything is on the undo stack); its undo and redo are
each one more transaction that writes back the whole state before or after (score and review together), refused
when another window changed that score or review since. Every change, undo and redo is announced on the window's
change bus as ``scores``/``reviews`` of the document; choosing another rubric as ``rubric``. Successive edits of
one note or comment merge into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import Rubric, active_rubric, set_active_rubric
from desktop.core.scoring.scores import ReviewState, ScoreChange, ScoreEntry
from desktop.core.scoring.suggestions import Suggestion
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui import i18n
from desktop.gui.undo import Step, UndoableStore

_NOTE_ID, _COMMENT_ID = 5101, 5102  # QUndoCommand ids: consecutive typing in one field merges


def restore_state(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, entry: ScoreEntry,
                  review: ReviewState | None) -> None:
    """Write back a criterion's score and the review's state in one transaction (undo/redo of a score change)."""
    with db.atomic():
        scoring.put_score(db, document_id, reviewer_id, rubric, entry)
        if review is not None:
            scoring.put_review(db, document_id, reviewer_id, rubric, review)


class ScoreStore(UndoableStore):
    """Runs score and review changes on the writer thread, with undo; reads through ``reader``."""

    rubric: Rubric | None = None

    def set_database(self, executor: DatabaseExecutor | None, reader: Database | None) -> None:
        """Work on another database under its active rubric (the reviewer is kept: the window knows it)."""
        reviewer_id = self.reviewer_id
        super().set_database(executor, reader)
        self.reviewer_id = reviewer_id
        self.rubric = self.write(active_rubric) if executor is not None else None

    @property
    def ready(self) -> bool:
        return self.executor is not None and self.reader is not None and self.rubric is not None

    @property
    def active(self) -> Rubric:
        """The rubric scores are made under; only while :attr:`ready`."""
        if self.rubric is None:
            raise RuntimeError("no rubric is loaded")
        return self.rubric

    def use_rubric(self, rubric: Rubric) -> None:
        """Make ``rubric`` the one scores are made under (earlier scores stay with their rubric)."""
        self.write(set_active_rubric, rubric)
        self.rubric = rubric
        self.undo_stack.clear()  # earlier steps belong to the other rubric's scores
        self.announce(Changes.of("rubric", "scores", "reviews"))

    # --- reads ---------------------------------------------------------------------------------------

    def scores(self, document_id: str) -> dict[str, ScoreEntry]:
        if not (self.ready and self.reviewer_id and document_id):
            return {}
        return scoring.get_scores(self.db, document_id, self.reviewer_id, self.active.id)

    def review(self, document_id: str) -> ReviewState:
        if not (self.ready and self.reviewer_id and document_id):
            return ReviewState()
        return scoring.get_review(self.db, document_id, self.reviewer_id, self.active.id)

    # --- score changes --------------------------------------------------------------------------------

    def _step(self, text: str, document_id: str, state: Callable[[Database], object],
              undo: Callable[[Database], object], redo: Callable[[Database], object], merge_id: int,
              merge_key: object) -> Step:
        return Step(text, undo=undo, redo=redo, state=state, merge_id=merge_id, merge_key=merge_key,
                    changes=Changes.of("scores", "reviews", document_ids=[document_id]))

    def _score_change(self, text: str, document_id: str, fn: Callable[..., ScoreChange], *args: Any,
                      merge_id: int = -1) -> ScoreChange:
        assert self.reviewer_id and self.rubric is not None
        reviewer_id, rubric = self.reviewer_id, self.rubric
        review_before = self.review(document_id)

        review_after: list[ReviewState] = []

        def change_and_review(db: Database) -> ScoreChange:
            change = fn(db, document_id, reviewer_id, rubric, *args)
            review_after.append(scoring.get_review(db, document_id, reviewer_id, rubric.id))  # same transaction
            return change

        def step(change: ScoreChange) -> Step:
            criterion = (change.new or change.old or ScoreEntry("")).criterion_id
            old, new = change.old or ScoreEntry(criterion), change.new or ScoreEntry(criterion)

            def state(db: Database) -> object:
                return (scoring.get_score(db, document_id, reviewer_id, rubric.id, criterion),
                        scoring.get_review(db, document_id, reviewer_id, rubric.id))

            def put(entry: ScoreEntry, review: ReviewState) -> Callable[[Database], object]:
                return lambda db: restore_state(db, document_id, reviewer_id, rubric, entry, review)

            return self._step(text, document_id, state, undo=put(old, review_before),
                              redo=put(new, review_after[-1]), merge_id=merge_id,
                              merge_key=("score", document_id, criterion, rubric.id))

        return self.record(change_and_review, step)

    def set_value(self, document_id: str, criterion_id: str, value: float | None,
                  suggestion: Suggestion | None = None) -> ScoreChange:
        title = self.active.criterion(criterion_id).title
        text = (QCoreApplication.translate("Scoring", "Clear score of “%1”") if value is None else QCoreApplication.translate("Scoring", "Score “%1”: %2")).replace("%1", title)
        return self._score_change(text.replace("%2", f"{value:g}" if value is not None else ""), document_id,
                                  scoring.set_score, criterion_id, value, suggestion)

    def accept(self, document_id: str, suggestion: Suggestion) -> ScoreChange:
        title = self.active.criterion(suggestion.criterion_id).title
        return self._score_change(QCoreApplication.translate("Scoring", "Accept suggested score of “%1”").replace("%1", title), document_id,
                                  scoring.accept_suggestion, suggestion)

    def set_note(self, document_id: str, criterion_id: str, note: str) -> ScoreChange:
        title = self.active.criterion(criterion_id).title
        return self._score_change(QCoreApplication.translate("Scoring", "Note on “%1”").replace("%1", title), document_id, scoring.set_note,
                                  criterion_id, note, merge_id=_NOTE_ID)

    def set_not_applicable(self, document_id: str, criterion_id: str, reason: str | None) -> ScoreChange:
        """Mark a criterion not applicable with a reason (None: take the mark off)."""
        title = self.active.criterion(criterion_id).title
        text = QCoreApplication.translate("Scoring", "“%1” not applicable") if reason is not None else QCoreApplication.translate("Scoring", "“%1” applicable again")
        return self._score_change(text.replace("%1", title), document_id, scoring.set_not_applicable,
                                  criterion_id, reason)

    def link(self, document_id: str, criterion_id: str, annotation_id: str) -> ScoreChange:
        title = self.active.criterion(criterion_id).title
        return self._score_change(QCoreApplication.translate("Scoring", "Link evidence to “%1”").replace("%1", title), document_id,
                                  scoring.link_evidence, criterion_id, annotation_id)

    def unlink(self, document_id: str, criterion_id: str, annotation_id: str) -> ScoreChange:
        title = self.active.criterion(criterion_id).title
        return self._score_change(QCoreApplication.translate("Scoring", "Remove evidence from “%1”").replace("%1", title), document_id,
                                  scoring.unlink_evidence, criterion_id, annotation_id)

    # --- review changes -------------------------------------------------------------------------------

    def _review_change(self, text: str, document_id: str, fn: Callable[..., scoring.ReviewChange], *args: Any,
                       merge_id: int = -1) -> scoring.ReviewChange:
        assert self.reviewer_id and self.rubric is not None
        reviewer_id, rubric = self.reviewer_id, self.rubric

        def state(db: Database) -> object:
            return scoring.get_review(db, document_id, reviewer_id, rubric.id)

        def put(review: ReviewState) -> Callable[[Database], object]:
            return lambda db: scoring.put_review(db, document_id, reviewer_id, rubric, review)

        return self.record(lambda db: fn(db, document_id, reviewer_id, rubric, *args),
                           lambda change: self._step(text, document_id, state, undo=put(change.old),
                                                     redo=put(change.new), merge_id=merge_id,
                                                     merge_key=("review", document_id, rubric.id)))

    def set_status(self, document_id: str, status: str) -> scoring.ReviewChange:
        label = i18n.in_language(*scoring.STATUS_LABELS[status]) if status in scoring.STATUS_LABELS else status
        return self._review_change(QCoreApplication.translate("Scoring", "Review status: %1").replace("%1", label), document_id,
                                   scoring.set_review_status, status)

    def submit(self, document_id: str) -> scoring.ReviewChange:
        """Submit the review (raises IncompleteReview listing what is missing); it is read-only afterwards."""
        return self._review_change(QCoreApplication.translate("Scoring", "Submit review"), document_id, scoring.submit_review,
                                   self.reviewer_name)

    def reopen(self, document_id: str) -> scoring.ReviewChange:
        """Reopen a submitted review for changes (who and when are recorded)."""
        return self._review_change(QCoreApplication.translate("Scoring", "Reopen review"), document_id, scoring.reopen_review,
                                   self.reviewer_name)

    def set_comment(self, document_id: str, comment: str) -> scoring.ReviewChange:
        return self._review_change(QCoreApplication.translate("Scoring", "Overall comment"), document_id, scoring.set_overall_comment, comment,
                                   merge_id=_COMMENT_ID)
