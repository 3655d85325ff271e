"""The panel lead's decision on a report: final score per criterion, final comment (评审意见) and grade (等次).

Stored per (document, rubric): ``adjudication_scores`` holds a final score per criterion the lead decided (a
criterion without a row takes the default, the mean of the complete reviews rounded to the rubric's step; see
desktop.core.panel.summary), and ``adjudications`` holds the comment and a grade chosen by hand (NULL: the grade
follows from the final total and the rubric's bands). Every decision records who made it and when.

Like the score functions, every mutator is one transaction and returns a change holding the state before and
after; undo writes ``old`` back with :func:`put_final_score` / :func:`put_adjudication`, redo writes ``new``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.scoring.rubric import Rubric, store_rubric
from desktop.core.scoring.scores import ScoreError, _check_value, _criterion


@dataclass(frozen=True)
class FinalScore:
    """The lead's final score for one criterion (``value`` None with ``not_applicable``)."""

    criterion_id: str
    value: float | None
    not_applicable: bool = False
    decided_by: str = ""
    decided_at: str = ""


@dataclass(frozen=True)
class Adjudication:
    """The lead's final comment and (optional) hand-chosen grade for a report."""

    comment: str = ""
    grade: str | None = None
    decided_by: str = ""
    decided_at: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.comment and self.grade is None


@dataclass(frozen=True)
class FinalScoreChange:
    old: FinalScore | None
    new: FinalScore | None


@dataclass(frozen=True)
class AdjudicationChange:
    old: Adjudication | None
    new: Adjudication | None


# --- reading -------------------------------------------------------------------------------------------------

def get_final_scores(db: Database, document_id: str, rubric_id: str) -> dict[str, FinalScore]:
    """The final scores the lead decided for a report, keyed by criterion id (undecided ones are absent)."""
    rows = db.execute("SELECT criterion_id, value, not_applicable, decided_by, decided_at FROM adjudication_scores "
                      "WHERE document_id = ? AND rubric_id = ?", [document_id, rubric_id]).fetchall()
    return {r[0]: FinalScore(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows}


def all_final_scores(db: Database, rubric_id: str) -> dict[str, dict[str, FinalScore]]:
    """Every report's decided final scores under a rubric: document id -> criterion id -> final score."""
    out: dict[str, dict[str, FinalScore]] = {}
    for doc, cid, value, na, by, at in db.execute(
            "SELECT document_id, criterion_id, value, not_applicable, decided_by, decided_at "
            "FROM adjudication_scores WHERE rubric_id = ?", [rubric_id]).fetchall():
        out.setdefault(doc, {})[cid] = FinalScore(cid, value, bool(na), by, at)
    return out


def get_adjudication(db: Database, document_id: str, rubric_id: str) -> Adjudication | None:
    """The lead's comment and chosen grade for a report (None when nothing was decided)."""
    row = db.execute("SELECT comment, grade, decided_by, decided_at FROM adjudications WHERE document_id = ? AND "
                     "rubric_id = ?", [document_id, rubric_id]).fetchone()
    return Adjudication(*row) if row else None


def all_adjudications(db: Database, rubric_id: str) -> dict[str, Adjudication]:
    """Every report's adjudication under a rubric, keyed by document id."""
    return {r[0]: Adjudication(*r[1:]) for r in db.execute(
        "SELECT document_id, comment, grade, decided_by, decided_at FROM adjudications WHERE rubric_id = ?",
        [rubric_id]).fetchall()}


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
                   "decided_by, decided_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT(document_id, rubric_id, criterion_id) DO UPDATE SET value = excluded.value, "
                   "not_applicable = excluded.not_applicable, decided_by = excluded.decided_by, "
                   "decided_at = excluded.decided_at, updated_at = excluded.updated_at",
                   [str(uuid.uuid4()), document_id, rubric.id, criterion_id,
                    None if final.value is None else float(final.value), int(final.not_applicable),
                    final.decided_by, final.decided_at or now, now])
        new = get_final_scores(db, document_id, rubric.id)[criterion_id]
    return FinalScoreChange(old, new)


def set_final_score(db: Database, document_id: str, rubric: Rubric, criterion_id: str, value: float | None,
                    by: str, *, not_applicable: bool = False) -> FinalScoreChange:
    """Decide a criterion's final score (``value`` None and not applicable: decided as not applicable)."""
    return put_final_score(db, document_id, rubric, criterion_id,
                           FinalScore(criterion_id, value, not_applicable, by, now_iso()))


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
        db.execute("INSERT INTO adjudications (id, document_id, rubric_id, comment, grade, decided_by, decided_at, "
                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(document_id, rubric_id) DO UPDATE SET "
                   "comment = excluded.comment, grade = excluded.grade, decided_by = excluded.decided_by, "
                   "decided_at = excluded.decided_at, updated_at = excluded.updated_at",
                   [str(uuid.uuid4()), document_id, rubric.id, state.comment, state.grade, state.decided_by,
                    state.decided_at or now, now])
        new = get_adjudication(db, document_id, rubric.id)
    return AdjudicationChange(old, new)


def set_final_comment(db: Database, document_id: str, rubric: Rubric, comment: str, by: str) -> AdjudicationChange:
    """Set the report's final comment (评审意见), keeping a chosen grade."""
    current = get_adjudication(db, document_id, rubric.id) or Adjudication()
    return put_adjudication(db, document_id, rubric,
                            replace(current, comment=comment, decided_by=by, decided_at=now_iso()))


def set_grade(db: Database, document_id: str, rubric: Rubric, grade: str | None, by: str) -> AdjudicationChange:
    """Choose the report's grade (等次) by hand; None: the grade follows from the final total again."""
    current = get_adjudication(db, document_id, rubric.id) or Adjudication()
    return put_adjudication(db, document_id, rubric, replace(current, grade=grade, decided_by=by, decided_at=now_iso()))
