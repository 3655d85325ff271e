"""Assignments: which reviewer is to review which report, who assigned it and when; progress per reviewer.

The panel lead assigns reports by hand (:func:`assign`) or asks for k reviewers per report, balanced
(:func:`assign_balanced`). Each mutator is one transaction and returns what it added or removed, which is what
undo needs (:func:`unassign` / :func:`restore_assignments`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError
from desktop.core.scoring.scores import DONE, IN_PROGRESS


class AssignmentError(ReviewDeskError):
    """An assignment that cannot be made (unknown report or reviewer, k out of range)."""


@dataclass(frozen=True)
class Assignment:
    """One report assigned to one reviewer."""

    id: str
    document_id: str
    reviewer_id: str
    assigned_by: str
    assigned_at: str


@dataclass(frozen=True)
class ReviewerProgress:
    """A reviewer's progress: reports assigned, and reviews not started / in progress / submitted.

    The review counts cover the reports assigned to the reviewer and any other report the reviewer has started;
    ``started`` is in progress + submitted.
    """

    reviewer_id: str
    reviewer: str
    assigned: int
    not_started: int
    in_progress: int
    submitted: int

    @property
    def started(self) -> int:
        return self.in_progress + self.submitted


def _check(db: Database, document_ids: Sequence[str], reviewer_ids: Sequence[str]) -> None:
    for doc in document_ids:
        if not db.execute("SELECT 1 FROM documents WHERE id = ?", [doc]).fetchone():
            raise AssignmentError(f"no report with id {doc} in this database")
    for rid in reviewer_ids:
        if not db.execute("SELECT 1 FROM reviewers WHERE id = ?", [rid]).fetchone():
            raise AssignmentError(f"no reviewer with id {rid} in this database")


def list_assignments(db: Database, *, document_id: str | None = None,
                     reviewer_id: str | None = None) -> list[Assignment]:
    """Assignments, optionally of one report or one reviewer, oldest first."""
    where, args = [], []
    if document_id:
        where.append("document_id = ?")
        args.append(document_id)
    if reviewer_id:
        where.append("reviewer_id = ?")
        args.append(reviewer_id)
    sql = "SELECT id, document_id, reviewer_id, assigned_by, assigned_at FROM assignments"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [Assignment(**r) for r in db.query(sql + " ORDER BY assigned_at, rowid", args)]  # names = fields


def assigned_reviewers(db: Database) -> dict[str, list[str]]:
    """Document id -> the ids of the reviewers assigned to it."""
    out: dict[str, list[str]] = {}
    for doc, rid in db.execute("SELECT document_id, reviewer_id FROM assignments ORDER BY rowid").fetchall():
        out.setdefault(doc, []).append(rid)
    return out


def restore_assignments(db: Database, assignments: Iterable[Assignment]) -> None:
    """Write assignments back as they were (undo of :func:`unassign`, redo of :func:`assign`)."""
    now = now_iso()
    with db.atomic():
        for a in assignments:
            db.execute("INSERT OR IGNORE INTO assignments (id, document_id, reviewer_id, assigned_by, assigned_at, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                       [a.id, a.document_id, a.reviewer_id, a.assigned_by, a.assigned_at, now])


def assign(db: Database, document_ids: Sequence[str], reviewer_ids: Sequence[str], by: str = "") -> list[Assignment]:
    """Assign every report to every reviewer given; return the assignments added (existing ones are kept)."""
    _check(db, document_ids, reviewer_ids)
    now = now_iso()
    added: list[Assignment] = []
    with db.atomic():
        for doc in dict.fromkeys(document_ids):
            for rid in dict.fromkeys(reviewer_ids):
                if db.execute("SELECT 1 FROM assignments WHERE document_id = ? AND reviewer_id = ?",
                              [doc, rid]).fetchone():
                    continue
                a = Assignment(str(uuid.uuid4()), doc, rid, by, now)
                added.append(a)
        restore_assignments(db, added)
    return added


def delete_assignments(db: Database, assignment_ids: Sequence[str]) -> None:
    """Delete assignments by id (undo of :func:`assign` / :func:`assign_balanced`)."""
    with db.atomic():
        db.conn.executemany("DELETE FROM assignments WHERE id = ?", [(i,) for i in assignment_ids])


def unassign(db: Database, document_ids: Sequence[str], reviewer_ids: Sequence[str]) -> list[Assignment]:
    """Remove the assignments of these reports to these reviewers; return the ones removed (reviews stay)."""
    removed: list[Assignment] = []
    with db.atomic():
        for doc in dict.fromkeys(document_ids):
            for a in list_assignments(db, document_id=doc):
                if a.reviewer_id in reviewer_ids:
                    removed.append(a)
                    db.execute("DELETE FROM assignments WHERE id = ?", [a.id])
    return removed


def assign_balanced(db: Database, document_ids: Sequence[str], reviewer_ids: Sequence[str], k: int,
                    by: str = "") -> list[Assignment]:
    """Give every report k reviewers from ``reviewer_ids``, keeping the reviewers' loads as even as possible.

    Existing assignments count: a report that already has k of these reviewers gets none, one with fewer gets
    the missing ones, each time the reviewer with the fewest assignments (ties: the order given). Deterministic.
    Returns the assignments added.
    """
    reviewers = list(dict.fromkeys(reviewer_ids))
    if not reviewers:
        raise AssignmentError("choose at least one reviewer to assign reports to")
    if not 1 <= k <= len(reviewers):
        raise AssignmentError(f"cannot give each report {k} reviewer(s) from {len(reviewers)} reviewer(s); "
                              f"choose k from 1 to {len(reviewers)}")
    _check(db, document_ids, reviewers)
    current = assigned_reviewers(db)
    load = {rid: 0 for rid in reviewers}
    for rids in current.values():
        for rid in rids:
            if rid in load:
                load[rid] += 1
    order = {rid: i for i, rid in enumerate(reviewers)}
    plan: list[tuple[str, str]] = []
    for doc in dict.fromkeys(document_ids):
        have = [rid for rid in current.get(doc, []) if rid in load]
        for _ in range(k - len(have)):
            rid = min((r for r in reviewers if r not in have), key=lambda r: (load[r], order[r]))
            have.append(rid)
            load[rid] += 1
            plan.append((doc, rid))
    now = now_iso()
    added = [Assignment(str(uuid.uuid4()), doc, rid, by, now) for doc, rid in plan]
    restore_assignments(db, added)
    return added


def reviewer_progress(db: Database, rubric_id: str) -> list[ReviewerProgress]:
    """Progress of every reviewer under a rubric, by name: assigned / not started / in progress / submitted."""
    assigned: dict[str, set[str]] = {}
    for doc, rid in db.execute("SELECT a.document_id, a.reviewer_id FROM assignments a JOIN documents d "
                               "ON d.id = a.document_id WHERE d.replaced_by IS NULL").fetchall():
        assigned.setdefault(rid, set()).add(doc)
    statuses: dict[str, dict[str, str]] = {}
    for doc, rid, status in db.execute("SELECT r.document_id, r.reviewer_id, r.status FROM reviews r JOIN documents d "
                                       "ON d.id = r.document_id WHERE d.replaced_by IS NULL AND r.rubric_id = ?",
                                       [rubric_id]).fetchall():
        statuses.setdefault(rid, {})[doc] = status
    out = []
    for rid, name in db.execute("SELECT id, name FROM reviewers ORDER BY name").fetchall():
        mine = statuses.get(rid, {})
        docs = assigned.get(rid, set()) | {d for d, s in mine.items() if s in (IN_PROGRESS, DONE)}
        if not docs and not mine:
            continue
        in_progress = sum(1 for d in docs if mine.get(d) == IN_PROGRESS)
        submitted = sum(1 for d in docs if mine.get(d) == DONE)
        out.append(ReviewerProgress(rid, name, len(assigned.get(rid, ())), len(docs) - in_progress - submitted,
                                    in_progress, submitted))
    return out


def existing_assignment_ids(db: Database, ids: list[str]) -> tuple[str, ...]:
    """Which of these assignment ids are stored now, sorted (what an undoable assign step compares)."""
    if not ids:
        return ()
    marks = ",".join("?" * len(ids))
    return tuple(sorted(r["id"] for r in db.query(f"SELECT id FROM assignments WHERE id IN ({marks})", ids)))
