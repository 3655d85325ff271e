"""Scores and reviews: one score per (document, reviewer, rubric, criterion), one review per (document, reviewer,
rubric), each change its own transaction.

Every mutator takes the database first (so the GUI runs it on the writer thread through the executor) and
returns a :class:`ScoreChange` / :class:`ReviewChange` holding the state before and after, which is what an undo
command needs: undo writes ``old`` back with :func:`put_score` / :func:`put_review`, redo writes ``new``.

A score row remembers the suggestion shown for its criterion (``suggested`` and ``suggestion_basis``) and whether
the reviewer accepted it as it was (``suggestion_accepted``); any other value the reviewer sets is an override.
Where the rubric allows it (``allow_na``) a criterion may be marked not applicable instead, with a reason.

Review states: 未开始 ``not_started``, 进行中 ``in_progress``, 已提交 ``done`` (the stored code kept from earlier
versions, so exported json and older databases keep their meaning; :data:`SUBMITTED` is the same code).
:func:`submit_review` requires every criterion scored or marked not applicable and raises
:class:`IncompleteReview` listing what is missing. A submitted review is read-only (its scores, notes, evidence
and comment cannot change) until :func:`reopen_review`, which records who reopened it and when.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError
from desktop.core.scoring.rubric import Criterion, Rubric, active_rubric_readonly, get_rubric, store_rubric
from desktop.core.scoring.suggestions import Suggestion
from desktop.core.storage.database import one, scalar
from desktop.core.storage.limits import MAX_COMMENT_CHARS, too_long

NOT_STARTED, IN_PROGRESS, DONE = "not_started", "in_progress", "done"
SUBMITTED = DONE  # "done" is the stored code of a submitted review
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE)
STATUS_LABELS = {NOT_STARTED: ("未开始", "Not started"), IN_PROGRESS: ("进行中", "In progress"),
                 DONE: ("已提交", "Submitted")}


class ScoreError(ReviewDeskError):
    """A score or review change that cannot be made (value out of range, unknown criterion, …)."""


class IncompleteReview(ScoreError):
    """A review that cannot be submitted yet; ``missing`` lists the criteria neither scored nor not applicable."""

    def __init__(self, missing: list[Criterion], total: int) -> None:
        self.missing = missing
        self.total = total
        names = "、".join(f"{c.title} ({c.id})" for c in missing)
        super().__init__(f"the review cannot be submitted: {len(missing)} of {total} criteria are not scored yet: "
                         f"{names}; score them (or mark them not applicable with a reason, where the rubric "
                         "allows it) and submit again")


class ReviewLocked(ScoreError):
    """A change to a submitted review; it must be reopened first."""


@dataclass(frozen=True)
class ScoreEntry:
    """The stored state of one criterion's score for one document, reviewer and rubric."""

    criterion_id: str
    value: float | None = None
    note: str = ""
    suggested: float | None = None
    suggestion_basis: str = ""
    suggestion_accepted: bool = False
    evidence: tuple[str, ...] = ()
    updated_at: str = ""
    not_applicable: bool = False
    na_reason: str = ""

    @property
    def is_empty(self) -> bool:
        """Nothing worth keeping: no value, note, suggestion record, evidence or not-applicable mark."""
        return (self.value is None and not self.note and self.suggested is None and not self.evidence
                and not self.not_applicable)

    @property
    def is_settled(self) -> bool:
        """Scored, or marked not applicable with a reason: counts as done for submitting."""
        return self.value is not None or (self.not_applicable and bool(self.na_reason.strip()))


@dataclass(frozen=True)
class ScoreChange:
    old: ScoreEntry | None
    new: ScoreEntry | None


@dataclass(frozen=True)
class ReviewState:
    """A reviewer's review of one document under one rubric."""

    status: str = NOT_STARTED
    overall_comment: str = ""
    done_at: str | None = None  # when it was submitted
    updated_at: str = ""
    submitted_by: str | None = None
    reopened_at: str | None = None
    reopened_by: str | None = None

    @property
    def submitted(self) -> bool:
        return self.status == SUBMITTED


@dataclass(frozen=True)
class ReviewChange:
    old: ReviewState
    new: ReviewState


# --- reading -------------------------------------------------------------------------------------------------

_SCORE_COLUMNS = ("id, criterion_id, value, note, suggested, suggestion_basis, suggestion_accepted, updated_at, "
                  "not_applicable, na_reason")


def _entry(row: dict[str, Any], evidence: tuple[str, ...]) -> ScoreEntry:
    return ScoreEntry(row["criterion_id"], row["value"], row["note"], row["suggested"], row["suggestion_basis"],
                      bool(row["suggestion_accepted"]), evidence, row["updated_at"], bool(row["not_applicable"]),
                      row["na_reason"])


def _evidence(db: Database, score_ids: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    if not score_ids:
        return {}
    marks = ",".join("?" * len(score_ids))
    for row in db.query(
            "SELECT e.score_id, e.annotation_id FROM score_evidence e JOIN annotations a ON a.id = e.annotation_id "
            f"WHERE e.score_id IN ({marks}) AND a.deleted_at IS NULL ORDER BY a.start, a.id", score_ids):
        out.setdefault(row["score_id"], []).append(row["annotation_id"])
    return {k: tuple(v) for k, v in out.items()}


def get_scores(db: Database, document_id: str, reviewer_id: str, rubric_id: str) -> dict[str, ScoreEntry]:
    """The reviewer's stored scores for a document under a rubric, keyed by criterion id."""
    rows = list(db.query(f"SELECT {_SCORE_COLUMNS} FROM scores WHERE document_id = ? AND reviewer_id = ? "
                         "AND rubric_id = ?", [document_id, reviewer_id, rubric_id]))
    evidence = _evidence(db, [r["id"] for r in rows])
    return {r["criterion_id"]: _entry(r, evidence.get(r["id"], ())) for r in rows}


def get_score(db: Database, document_id: str, reviewer_id: str, rubric_id: str,
              criterion_id: str) -> ScoreEntry | None:
    row = one(db, f"SELECT {_SCORE_COLUMNS} FROM scores WHERE document_id = ? AND reviewer_id = ? "
              "AND rubric_id = ? AND criterion_id = ?", [document_id, reviewer_id, rubric_id, criterion_id])
    if row is None:
        return None
    evidence = _evidence(db, [row["id"]])
    return _entry(row, evidence.get(row["id"], ()))


def get_review(db: Database, document_id: str, reviewer_id: str, rubric_id: str) -> ReviewState:
    """The review's state (``not_started`` with no comment when nothing was stored yet)."""
    row = one(db, "SELECT status, overall_comment, done_at, updated_at, submitted_by, reopened_at, reopened_by "
              "FROM reviews WHERE document_id = ? AND reviewer_id = ? AND rubric_id = ?",
              [document_id, reviewer_id, rubric_id])
    return ReviewState(**row) if row else ReviewState()


def missing_criteria(rubric: Rubric, scores: dict[str, ScoreEntry]) -> list[Criterion]:
    """The criteria neither scored nor (where the rubric allows it) marked not applicable with a reason."""
    from desktop.core.scoring.rules import is_settled

    return [c for c in rubric.criteria
            if (e := scores.get(c.id)) is None or not is_settled(c, e.value, e.not_applicable, e.na_reason)]


def weighted_total(rubric: Rubric, scores: dict[str, ScoreEntry]) -> float:
    """The weighted total of the scored criteria (out of the rubric's weights_total; not-applicable ones left out),
    四舍五入 to 2 decimals; by the same rules as the score model's totals."""
    from desktop.core.scoring.rules import is_settled

    known = {c.id: c for c in rubric.criteria}
    values = {cid: e.value for cid, e in scores.items() if cid in known and e.value is not None}
    na = [cid for cid, e in scores.items()
          if cid in known and e.value is None and is_settled(known[cid], None, e.not_applicable, e.na_reason)]
    return rubric.weighted_total(values, na)


# --- writing -------------------------------------------------------------------------------------------------

def _criterion(rubric: Rubric, criterion_id: str) -> Criterion:
    try:
        return rubric.criterion(criterion_id)
    except KeyError:
        raise ScoreError(f"the rubric {rubric.name!r} (version {rubric.version}) has no criterion "
                         f"{criterion_id!r}") from None


def _check_value(criterion: Criterion, value: float | None) -> float | None:
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ScoreError(f"{value!r} is not a number; give {criterion.title} a score from 0 to "
                         f"{criterion.max_points:g}") from None
    if not criterion.is_valid_value(value):
        raise ScoreError(f"{value:g} is not a valid score for {criterion.title} ({criterion.id}): use 0–"
                         f"{criterion.max_points:g} in steps of {criterion.step:g}")
    return value


def _check_evidence(db: Database, document_id: str, annotation_ids: tuple[str, ...]) -> None:
    for annotation_id in annotation_ids:
        row = one(db, "SELECT document_id, deleted_at FROM annotations WHERE id = ?", [annotation_id])
        if row is None or row["deleted_at"] is not None:
            raise ScoreError(f"annotation {annotation_id} does not exist (it may have been deleted); link another "
                             "annotation as evidence")
        if row["document_id"] != document_id:
            raise ScoreError(f"annotation {annotation_id} belongs to another report; only annotations of this "
                             "report can be evidence for its scores")


def _touch_review(db: Database, document_id: str, reviewer_id: str, rubric_id: str, now: str) -> None:
    """Make sure a review row exists; a first score moves a review from not started to in progress."""
    db.execute("INSERT INTO reviews (id, document_id, reviewer_id, rubric_id, status, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(document_id, reviewer_id, rubric_id) DO UPDATE SET "
               "status = CASE WHEN status = 'not_started' THEN 'in_progress' ELSE status END, "
               "updated_at = excluded.updated_at",
               [str(uuid.uuid4()), document_id, reviewer_id, rubric_id, IN_PROGRESS, now])


def _check_unlocked(db: Database, document_id: str, reviewer_id: str, rubric_id: str) -> None:
    if get_review(db, document_id, reviewer_id, rubric_id).status == SUBMITTED:
        raise ReviewLocked("this review has been submitted and is read-only; reopen it to change it")


def put_score(db: Database, document_id: str, reviewer_id: str, rubric: Rubric,
              entry: ScoreEntry) -> ScoreChange:
    """Write a criterion's whole score state in one transaction (an empty entry deletes the row).

    Refused (:class:`ReviewLocked`) while the review is submitted. A not-applicable entry needs a criterion that
    allows it, a reason, and no value.
    """
    criterion = _criterion(rubric, entry.criterion_id)
    value = _check_value(criterion, entry.value)
    for text, what in ((entry.note, "the note"), (entry.na_reason, "the reason")):
        message = too_long(text, MAX_COMMENT_CHARS, f"{what} on {criterion.title}")
        if message:
            raise ScoreError(message)
    if entry.not_applicable:
        if not criterion.allow_na:
            raise ScoreError(f"{criterion.title} ({criterion.id}) cannot be marked not applicable: the rubric "
                             "requires a score for it")
        if not entry.na_reason.strip():
            raise ScoreError(f"give a reason why {criterion.title} ({criterion.id}) does not apply")
        if value is not None:
            raise ScoreError(f"{criterion.title} ({criterion.id}) is marked not applicable and cannot also have a "
                             "score; clear one of them")
    _check_evidence(db, document_id, entry.evidence)
    now = now_iso()
    with db.atomic():
        _check_unlocked(db, document_id, reviewer_id, rubric.id)
        store_rubric(db, rubric)
        old = get_score(db, document_id, reviewer_id, rubric.id, entry.criterion_id)
        if entry.is_empty:
            db.execute("DELETE FROM scores WHERE document_id = ? AND reviewer_id = ? AND rubric_id = ? AND "
                       "criterion_id = ?", [document_id, reviewer_id, rubric.id, entry.criterion_id])
            return ScoreChange(old, None)
        row = one(db, "SELECT id FROM scores WHERE document_id = ? AND reviewer_id = ? AND rubric_id = ? AND "
                  "criterion_id = ?", [document_id, reviewer_id, rubric.id, entry.criterion_id])
        score_id = row["id"] if row else str(uuid.uuid4())
        db.execute(
            "INSERT INTO scores (id, document_id, reviewer_id, rubric_id, criterion_id, value, note, suggested, "
            "suggestion_basis, suggestion_accepted, updated_at, not_applicable, na_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET value = excluded.value, note = excluded.note, "
            "suggested = excluded.suggested, suggestion_basis = excluded.suggestion_basis, "
            "suggestion_accepted = excluded.suggestion_accepted, updated_at = excluded.updated_at, "
            "not_applicable = excluded.not_applicable, na_reason = excluded.na_reason",
            [score_id, document_id, reviewer_id, rubric.id, entry.criterion_id, value, entry.note, entry.suggested,
             entry.suggestion_basis, int(entry.suggestion_accepted), now, int(entry.not_applicable),
             entry.na_reason.strip() if entry.not_applicable else ""])
        db.execute("DELETE FROM score_evidence WHERE score_id = ?", [score_id])
        db.conn.executemany("INSERT INTO score_evidence (score_id, annotation_id) VALUES (?, ?)",
                            [(score_id, a) for a in dict.fromkeys(entry.evidence)])
        if value is not None or entry.not_applicable:
            _touch_review(db, document_id, reviewer_id, rubric.id, now)
        new = get_score(db, document_id, reviewer_id, rubric.id, entry.criterion_id)
    return ScoreChange(old, new)


def _current(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, criterion_id: str) -> ScoreEntry:
    _criterion(rubric, criterion_id)
    return get_score(db, document_id, reviewer_id, rubric.id, criterion_id) or ScoreEntry(criterion_id)


def _with_suggestion(entry: ScoreEntry, suggestion: Suggestion | None) -> ScoreEntry:
    if suggestion is None or suggestion.value is None:
        return entry
    return replace(entry, suggested=suggestion.value, suggestion_basis=suggestion.basis)


def set_score(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, criterion_id: str,
              value: float | None, suggestion: Suggestion | None = None) -> ScoreChange:
    """Set (or with None clear) a criterion's value; records the suggestion shown, and the value as an override.

    A value equal to the suggestion that was already accepted stays accepted; any other value is an override.
    """
    current = _current(db, document_id, reviewer_id, rubric, criterion_id)
    entry = _with_suggestion(current, suggestion)
    accepted = entry.suggestion_accepted and value is not None and value == entry.value
    if value is not None:  # a score replaces a not-applicable mark
        entry = replace(entry, not_applicable=False, na_reason="")
    return put_score(db, document_id, reviewer_id, rubric, replace(entry, value=value, suggestion_accepted=accepted))


def set_not_applicable(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, criterion_id: str,
                       reason: str | None) -> ScoreChange:
    """Mark a criterion not applicable with ``reason`` (its value is cleared); ``None`` takes the mark off."""
    current = _current(db, document_id, reviewer_id, rubric, criterion_id)
    if reason is None:
        return put_score(db, document_id, reviewer_id, rubric, replace(current, not_applicable=False, na_reason=""))
    return put_score(db, document_id, reviewer_id, rubric,
                     replace(current, value=None, suggestion_accepted=False, not_applicable=True, na_reason=reason))


def clear_score(db: Database, document_id: str, reviewer_id: str, rubric: Rubric,
                criterion_id: str) -> ScoreChange:
    """Remove a criterion's value (its note and evidence stay)."""
    return set_score(db, document_id, reviewer_id, rubric, criterion_id, None)


def accept_suggestion(db: Database, document_id: str, reviewer_id: str, rubric: Rubric,
                      suggestion: Suggestion) -> ScoreChange:
    """Take the suggested value as the score, recorded as a suggestion accepted as it was."""
    if suggestion.value is None:
        raise ScoreError(f"there is no suggested value for {suggestion.criterion_id}: {suggestion.basis_en}")
    current = _current(db, document_id, reviewer_id, rubric, suggestion.criterion_id)
    entry = replace(_with_suggestion(current, suggestion), value=suggestion.value, suggestion_accepted=True,
                    not_applicable=False, na_reason="")
    return put_score(db, document_id, reviewer_id, rubric, entry)


def set_note(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, criterion_id: str,
             note: str) -> ScoreChange:
    current = _current(db, document_id, reviewer_id, rubric, criterion_id)
    return put_score(db, document_id, reviewer_id, rubric, replace(current, note=note))


def link_evidence(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, criterion_id: str,
                  annotation_id: str) -> ScoreChange:
    """Link an annotation of the document as evidence for a criterion's score."""
    current = _current(db, document_id, reviewer_id, rubric, criterion_id)
    if annotation_id in current.evidence:
        return ScoreChange(current, current)
    return put_score(db, document_id, reviewer_id, rubric,
                     replace(current, evidence=(*current.evidence, annotation_id)))


def unlink_evidence(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, criterion_id: str,
                    annotation_id: str) -> ScoreChange:
    current = _current(db, document_id, reviewer_id, rubric, criterion_id)
    evidence = tuple(a for a in current.evidence if a != annotation_id)
    return put_score(db, document_id, reviewer_id, rubric, replace(current, evidence=evidence))


def put_review(db: Database, document_id: str, reviewer_id: str, rubric: Rubric,
               state: ReviewState) -> ReviewChange:
    """Write a review's whole state in one transaction (what undo/redo use; the verbs below check more).

    A submitted review's comment cannot change while it stays submitted (:class:`ReviewLocked`).
    """
    if state.status not in STATUSES:
        raise ScoreError(f"unknown review status {state.status!r}; use one of {', '.join(STATUSES)}")
    message = too_long(state.overall_comment, MAX_COMMENT_CHARS, "the overall comment")
    if message:
        raise ScoreError(message)
    now = now_iso()
    done_at = state.done_at or (now if state.status == DONE else None)
    if state.status != DONE:
        done_at = None
    with db.atomic():
        store_rubric(db, rubric)
        old = get_review(db, document_id, reviewer_id, rubric.id)
        if old.status == DONE and state.status == DONE and old.overall_comment != state.overall_comment:
            raise ReviewLocked("this review has been submitted and is read-only; reopen it to change its comment")
        db.execute("INSERT INTO reviews (id, document_id, reviewer_id, rubric_id, status, overall_comment, "
                   "done_at, updated_at, submitted_by, reopened_at, reopened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT(document_id, reviewer_id, rubric_id) DO UPDATE SET status = excluded.status, "
                   "overall_comment = excluded.overall_comment, done_at = excluded.done_at, "
                   "updated_at = excluded.updated_at, submitted_by = excluded.submitted_by, "
                   "reopened_at = excluded.reopened_at, reopened_by = excluded.reopened_by",
                   [str(uuid.uuid4()), document_id, reviewer_id, rubric.id, state.status, state.overall_comment,
                    done_at, now, state.submitted_by if state.status == DONE else None, state.reopened_at,
                    state.reopened_by])
        new = get_review(db, document_id, reviewer_id, rubric.id)
    return ReviewChange(old, new)


def submit_review(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, by: str = "") -> ReviewChange:
    """Submit a review: every criterion must be scored or not applicable (else :class:`IncompleteReview`).

    ``by`` is who submitted it (default: the reviewer's name). Submitting a submitted review changes nothing.
    """
    with db.atomic():
        current = get_review(db, document_id, reviewer_id, rubric.id)
        if current.status == DONE:
            return ReviewChange(current, current)
        missing = missing_criteria(rubric, get_scores(db, document_id, reviewer_id, rubric.id))
        if missing:
            raise IncompleteReview(missing, len(rubric.criteria))
        if not by:
            by = scalar(db, "SELECT name FROM reviewers WHERE id = ?", [reviewer_id], default="")
        change = put_review(db, document_id, reviewer_id, rubric,
                            replace(current, status=DONE, done_at=None, submitted_by=by))
        from desktop.core.scoring.versions import record_version  # every submitted version is kept

        record_version(db, document_id, reviewer_id, rubric.id, change.new.done_at or now_iso(), by,
                       change.new.overall_comment)
        return change


def reopen_review(db: Database, document_id: str, reviewer_id: str, rubric: Rubric, by: str = "") -> ReviewChange:
    """Reopen a submitted review for changes, recording who (``by``) and when; other reviews: nothing changes."""
    current = get_review(db, document_id, reviewer_id, rubric.id)
    if current.status != DONE:
        return ReviewChange(current, current)
    return put_review(db, document_id, reviewer_id, rubric,
                      replace(current, status=IN_PROGRESS, done_at=None, reopened_at=now_iso(), reopened_by=by))


def set_review_status(db: Database, document_id: str, reviewer_id: str, rubric: Rubric,
                      status: str, by: str = "") -> ReviewChange:
    """Move a review to ``status``: to submitted through :func:`submit_review`, out of it through
    :func:`reopen_review`."""
    if status not in STATUSES:
        raise ScoreError(f"unknown review status {status!r}; use one of {', '.join(STATUSES)}")
    current = get_review(db, document_id, reviewer_id, rubric.id)
    if status == DONE:
        return submit_review(db, document_id, reviewer_id, rubric, by)
    if current.status == DONE:
        change = reopen_review(db, document_id, reviewer_id, rubric, by)
        if status == IN_PROGRESS:
            return change
        current = change.new
        return ReviewChange(change.old, put_review(db, document_id, reviewer_id, rubric,
                                                   replace(current, status=status)).new)
    return put_review(db, document_id, reviewer_id, rubric, replace(current, status=status, done_at=None))


def set_overall_comment(db: Database, document_id: str, reviewer_id: str, rubric: Rubric,
                        comment: str) -> ReviewChange:
    current = get_review(db, document_id, reviewer_id, rubric.id)
    if current.status == DONE and comment != current.overall_comment:
        raise ReviewLocked("this review has been submitted and is read-only; reopen it to change its comment")
    status = IN_PROGRESS if current.status == NOT_STARTED and comment.strip() else current.status
    return put_review(db, document_id, reviewer_id, rubric, replace(current, status=status, overall_comment=comment))


# --- overview ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OverviewRow:
    """One document's review by one reviewer: status, weighted total (None if nothing scored), progress.

    ``complete``: submitted with every criterion settled; until then ``total`` is a total in progress.
    """

    document_id: str
    status: str
    total: float | None
    scored: int
    criteria: int
    complete: bool = False


@dataclass(frozen=True)
class ReviewOverview:
    """Review progress of one reviewer across the corpus under one rubric."""

    reviewer_id: str
    rubric_id: str
    weights_total: float
    rows: dict[str, OverviewRow]
    counts: dict[str, int]

    @property
    def documents(self) -> int:
        return len(self.rows)

    @property
    def done_fraction(self) -> float:
        return self.counts[DONE] / len(self.rows) if self.rows else 0.0


def review_overview(db: Database, reviewer_id: str, rubric_id: str | None = None) -> ReviewOverview:
    """Status and weighted total of every current document for a reviewer, with counts per status.

    Without ``rubric_id`` the active rubric is used. Read-only: safe on a reader connection. The numbers come from
    the score model (desktop.core.scoring.reviews), like every other view's.
    """
    from desktop.core.scoring.reviews import reviewer_overview

    rubric = get_rubric(db, rubric_id) if rubric_id else active_rubric_readonly(db)
    rows: dict[str, OverviewRow] = {}
    counts = dict.fromkeys(STATUSES, 0)
    for doc_id, column in reviewer_overview(db, reviewer_id, rubric).items():
        counts[column.status] = counts.get(column.status, 0) + 1
        rows[doc_id] = OverviewRow(doc_id, column.status, column.total, column.settled, column.criteria,
                                   column.complete)
    return ReviewOverview(reviewer_id, rubric.id, rubric.weights_total, rows, counts)
