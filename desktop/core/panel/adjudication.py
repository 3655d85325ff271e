"""The panel lead's decision on a report: final score per criterion, final comment (评审意见) and grade (等次).

Stored per (document, rubric): ``adjudication_scores`` holds a final score per criterion the lead decided (a
criterion without a row takes the default, the mean of the complete reviews rounded to the rubric's step; see
desktop.core.panel.summary), and ``adjudications`` holds the comment and a grade chosen by hand (NULL: the grade
follows from the final total and the rubric's bands). Every decision records who made it and when, and what it
rested on (desktop.core.panel.basis): a criterion's decision the reviewers' values of that criterion, a grade
chosen by hand the final score it was chosen for, the lead's 裁定 of a report (:func:`settle_report`) every
reviewer's values, its 复核 (:func:`check_report`) the values, the finals and the grade. When those change the
decision is stale (需复核) until the lead confirms it (:func:`confirm_final_score`, or settles/checks again).

Like the score functions, every mutator is one transaction and returns a change holding the state before and
after; undo writes ``old`` back with :func:`put_final_score` / :func:`put_adjudication`, redo writes ``new``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.panel.basis import criterion_basis, read_settled, report_basis
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import Rubric, store_rubric
from desktop.core.scoring.scores import ScoreError, _check_value, _criterion
from desktop.core.storage.database import one


@dataclass(frozen=True)
class FinalScore:
    """The lead's final score for one criterion (``value`` None with ``not_applicable``)."""

    criterion_id: str
    value: float | None
    not_applicable: bool = False
    decided_by: str = ""
    decided_at: str = ""
    basis: str | None = None  # the reviewers' values it rested on (None: not recorded)
    confirmed_by: str = ""
    confirmed_at: str | None = None


@dataclass(frozen=True)
class Adjudication:
    """The lead's final comment, (optional) hand-chosen grade, 裁定 and 复核 of a report."""

    comment: str = ""
    grade: str | None = None
    decided_by: str = ""
    decided_at: str = ""
    grade_by: str = ""
    grade_at: str | None = None
    grade_basis: str | None = None  # the final score the grade was chosen for
    settled_by: str = ""
    settled_at: str | None = None
    settled_basis: str | None = None
    checked_by: str = ""
    checked_at: str | None = None
    checked_basis: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.comment and self.grade is None and self.settled_at is None and self.checked_at is None


@dataclass(frozen=True)
class FinalScoreChange:
    old: FinalScore | None
    new: FinalScore | None


@dataclass(frozen=True)
class AdjudicationChange:
    old: Adjudication | None
    new: Adjudication | None


# --- reading -------------------------------------------------------------------------------------------------

_FINAL_COLUMNS = "criterion_id, value, not_applicable, decided_by, decided_at, basis, confirmed_by, confirmed_at"
_ADJ_COLUMNS = ("comment, grade, decided_by, decided_at, grade_by, grade_at, grade_basis, settled_by, settled_at, "
                "settled_basis, checked_by, checked_at, checked_basis")


def _final(row: dict[str, Any]) -> FinalScore:
    return FinalScore(row["criterion_id"], row["value"], bool(row["not_applicable"]), row["decided_by"],
                      row["decided_at"], row["basis"], row["confirmed_by"], row["confirmed_at"])


def _adjudication(row: dict[str, Any]) -> Adjudication:
    return Adjudication(**{name: row[name] for name in _ADJ_COLUMNS.split(", ")})


def get_final_scores(db: Database, document_id: str, rubric_id: str) -> dict[str, FinalScore]:
    """The final scores the lead decided for a report, keyed by criterion id (undecided ones are absent)."""
    rows = db.query(f"SELECT {_FINAL_COLUMNS} FROM adjudication_scores WHERE document_id = ? AND rubric_id = ?",
                    [document_id, rubric_id])
    return {r["criterion_id"]: _final(r) for r in rows}


def all_final_scores(db: Database, rubric_id: str) -> dict[str, dict[str, FinalScore]]:
    """Every report's decided final scores under a rubric: document id -> criterion id -> final score."""
    out: dict[str, dict[str, FinalScore]] = {}
    for row in db.query(f"SELECT document_id, {_FINAL_COLUMNS} FROM adjudication_scores WHERE rubric_id = ?",
                        [rubric_id]):
        out.setdefault(row["document_id"], {})[row["criterion_id"]] = _final(row)
    return out


def get_adjudication(db: Database, document_id: str, rubric_id: str) -> Adjudication | None:
    """The lead's comment, chosen grade, 裁定 and 复核 of a report (None when nothing was decided)."""
    row = one(db, f"SELECT {_ADJ_COLUMNS} FROM adjudications WHERE document_id = ? AND rubric_id = ?",
              [document_id, rubric_id])
    return _adjudication(row) if row else None


def all_adjudications(db: Database, rubric_id: str) -> dict[str, Adjudication]:
    """Every report's adjudication under a rubric, keyed by document id."""
    return {r["document_id"]: _adjudication(r) for r in db.query(
        f"SELECT document_id, {_ADJ_COLUMNS} FROM adjudications WHERE rubric_id = ?", [rubric_id])}


# --- writing -------------------------------------------------------------------------------------------------

def put_final_score(db: Database, document_id: str, rubric: Rubric, criterion_id: str,
                    final: FinalScore | None) -> FinalScoreChange:
    """Write (or with None remove, going back to the default) a criterion's final score in one transaction."""
    criterion = _criterion(rubric, criterion_id)
    if final is not None:
        if final.not_applicable and not criterion.allow_na:
            raise ScoreError(f"{criterion.title} ({criterion.id}) cannot be not applicable: the rubric requires a "
                             "score for it")
        if final.not_applicable and final.value is not None:
            raise ScoreError(f"a final score for {criterion.title} cannot be both a value and not applicable")
        if not final.not_applicable and final.value is None:
            raise ScoreError(f"give a final score for {criterion.title} ({criterion.id})")
        _check_value(criterion, final.value)
    now = now_iso()
    with db.atomic():
        store_rubric(db, rubric)
        old = get_final_scores(db, document_id, rubric.id).get(criterion_id)
        if final is None:
            db.execute("DELETE FROM adjudication_scores WHERE document_id = ? AND rubric_id = ? AND criterion_id = ?",
                       [document_id, rubric.id, criterion_id])
            return FinalScoreChange(old, None)
        db.execute("INSERT INTO adjudication_scores (id, document_id, rubric_id, criterion_id, value, not_applicable, "
                   "decided_by, decided_at, updated_at, basis, confirmed_by, confirmed_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT(document_id, rubric_id, criterion_id) DO UPDATE SET value = excluded.value, "
                   "not_applicable = excluded.not_applicable, decided_by = excluded.decided_by, "
                   "decided_at = excluded.decided_at, updated_at = excluded.updated_at, basis = excluded.basis, "
                   "confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at",
                   [str(uuid.uuid4()), document_id, rubric.id, criterion_id,
                    None if final.value is None else float(final.value), int(final.not_applicable),
                    final.decided_by, final.decided_at or now, now, final.basis, final.confirmed_by,
                    final.confirmed_at])
        new = get_final_scores(db, document_id, rubric.id)[criterion_id]
    return FinalScoreChange(old, new)


def _criterion_basis(db: Database, document_id: str, rubric: Rubric, criterion_id: str) -> str:
    return criterion_basis(read_settled(db, document_id, rubric), criterion_id)


def set_final_score(db: Database, document_id: str, rubric: Rubric, criterion_id: str, value: float | None,
                    by: str, *, not_applicable: bool = False) -> FinalScoreChange:
    """Decide a criterion's final score (``value`` None and not applicable: decided as not applicable), on the
    reviewers' values of the criterion as they are now."""
    with db.atomic():
        basis = _criterion_basis(db, document_id, rubric, criterion_id)
        return put_final_score(db, document_id, rubric, criterion_id,
                               FinalScore(criterion_id, value, not_applicable, by, now_iso(), basis))


def confirm_final_score(db: Database, document_id: str, rubric: Rubric, criterion_id: str,
                        by: str) -> FinalScoreChange:
    """Keep a stale (需复核) decision as it is: it now rests on the reviewers' current values; records who, when."""
    with db.atomic():
        current = get_final_scores(db, document_id, rubric.id).get(criterion_id)
        if current is None:
            raise ScoreError(f"there is no decision on {rubric.criterion(criterion_id).title} to confirm")
        basis = _criterion_basis(db, document_id, rubric, criterion_id)
        return put_final_score(db, document_id, rubric, criterion_id,
                               replace(current, basis=basis, confirmed_by=by, confirmed_at=now_iso()))


def clear_final_score(db: Database, document_id: str, rubric: Rubric, criterion_id: str) -> FinalScoreChange:
    """Take the lead's decision off a criterion: its final score is the default again."""
    return put_final_score(db, document_id, rubric, criterion_id, None)


def put_adjudication(db: Database, document_id: str, rubric: Rubric,
                     state: Adjudication | None) -> AdjudicationChange:
    """Write (or with None / an empty state remove) a report's final comment and grade in one transaction."""
    if state is not None and state.grade is not None and state.grade not in {g.label for g in rubric.grades}:
        known = "、".join(g.label for g in rubric.grades) or "none"
        raise ScoreError(f"{state.grade!r} is not a grade of the rubric {rubric.name!r} (grades: {known})")
    now = now_iso()
    with db.atomic():
        store_rubric(db, rubric)
        old = get_adjudication(db, document_id, rubric.id)
        if state is None or state.is_empty:
            db.execute("DELETE FROM adjudications WHERE document_id = ? AND rubric_id = ?", [document_id, rubric.id])
            return AdjudicationChange(old, None)
        columns = [c.strip() for c in _ADJ_COLUMNS.split(",")]
        db.execute(f"INSERT INTO adjudications (id, document_id, rubric_id, updated_at, {_ADJ_COLUMNS}) "
                   f"VALUES ({', '.join('?' * (4 + len(columns)))}) ON CONFLICT(document_id, rubric_id) DO UPDATE SET "
                   + ", ".join(f"{c} = excluded.{c}" for c in ["updated_at", *columns]),
                   [str(uuid.uuid4()), document_id, rubric.id, now, state.comment, state.grade, state.decided_by,
                    state.decided_at or now, state.grade_by, state.grade_at, state.grade_basis, state.settled_by,
                    state.settled_at, state.settled_basis, state.checked_by, state.checked_at, state.checked_basis])
        new = get_adjudication(db, document_id, rubric.id)
    return AdjudicationChange(old, new)


def set_final_comment(db: Database, document_id: str, rubric: Rubric, comment: str, by: str) -> AdjudicationChange:
    """Set the report's final comment (评审意见), keeping a chosen grade."""
    current = get_adjudication(db, document_id, rubric.id) or Adjudication()
    return put_adjudication(db, document_id, rubric,
                            replace(current, comment=comment, decided_by=by, decided_at=now_iso()))


def set_grade(db: Database, document_id: str, rubric: Rubric, grade: str | None, by: str) -> AdjudicationChange:
    """Choose the report's grade (等次) by hand, for the final score it has now (recorded: when the final changes
    the grade shows 需复核); None: the grade follows from the final total again. Choosing the same grade again
    confirms it for the current final."""
    from desktop.core.panel.summary import report_panel

    with db.atomic():
        current = get_adjudication(db, document_id, rubric.id) or Adjudication()
        now = now_iso()
        if grade is None:
            return put_adjudication(db, document_id, rubric, replace(current, grade=None, grade_by="", grade_at=None,
                                                                   grade_basis=None))
        final = report_panel(db, document_id, rubric).final_total
        return put_adjudication(db, document_id, rubric, replace(
            current, grade=grade, decided_by=by, decided_at=now, grade_by=by, grade_at=now,
            grade_basis=grade_basis(final)))


def grade_basis(final: float | None) -> str:
    """What a hand-chosen grade rests on: the final score as shown (``待定`` without one)."""
    return fmt(final) if final is not None else "待定"


def settle_report(db: Database, document_id: str, rubric: Rubric, by: str) -> AdjudicationChange:
    """The lead's 裁定 of a report: its disagreements are resolved as the finals now stand, on the reviewers'
    values as they are now (stale when they change)."""
    with db.atomic():
        current = get_adjudication(db, document_id, rubric.id) or Adjudication()
        basis = report_basis(read_settled(db, document_id, rubric))
        return put_adjudication(db, document_id, rubric,
                                replace(current, settled_by=by, settled_at=now_iso(), settled_basis=basis))


def check_report(db: Database, document_id: str, rubric: Rubric, by: str) -> AdjudicationChange:
    """The 复核 of a report: its finals, grade and the reviewers' values are checked as they are now."""
    from desktop.core.panel.summary import report_panel

    with db.atomic():
        current = get_adjudication(db, document_id, rubric.id) or Adjudication()
        basis = report_panel(db, document_id, rubric).check_basis
        return put_adjudication(db, document_id, rubric,
                                replace(current, checked_by=by, checked_at=now_iso(), checked_basis=basis))
