"""Every submitted version of a review, kept: what was submitted each time (scores, notes, the overall comment).

:func:`record_version` runs inside :func:`desktop.core.scoring.scores.submit_review`'s transaction; a review reopened
and submitted again gets version 2, 3, … . :func:`version_changes` compares two versions (or the last one with the
review as it is now) criterion by criterion, for the reopen message, ``reviewdesk reopen`` and the panel view.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class ReviewVersion:
    """One submission: its number, when and by whom, the overall comment and the scores as submitted."""

    version: int
    submitted_at: str
    submitted_by: str
    overall_comment: str
    scores: dict[str, dict[str, Any]]    # criterion id -> {value, not_applicable, na_reason, note}


@dataclass(frozen=True)
class Difference:
    """One thing that differs between two versions: a criterion's score or note, or the overall comment."""

    what: str                # criterion id, or "overall_comment"
    field: str               # value | not_applicable | na_reason | note | overall_comment
    before: object
    after: object


def _snapshot(db: Database, document_id: str, reviewer_id: str, rubric_id: str) -> dict[str, dict[str, Any]]:
    out = {}
    for values in db.query("SELECT criterion_id, value, not_applicable, na_reason, note FROM scores WHERE "
                           "document_id = ? AND reviewer_id = ? AND rubric_id = ?",
                           [document_id, reviewer_id, rubric_id]):
        out[values.pop("criterion_id")] = {**values, "not_applicable": bool(values["not_applicable"])}
    return out


def record_version(db: Database, document_id: str, reviewer_id: str, rubric_id: str, submitted_at: str,
                   submitted_by: str, overall_comment: str) -> int:
    """Store what is being submitted as the next version; returns its number (call inside the submit's
    transaction)."""
    last = next(db.query("SELECT coalesce(max(version), 0) AS last FROM review_versions WHERE document_id = ? AND "
                         "reviewer_id = ? AND rubric_id = ?", [document_id, reviewer_id, rubric_id]))["last"]
    number = int(last) + 1
    db.execute("INSERT INTO review_versions (id, document_id, reviewer_id, rubric_id, version, submitted_at, "
               "submitted_by, overall_comment, scores) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [str(uuid.uuid4()), document_id, reviewer_id, rubric_id, number, submitted_at, submitted_by,
                overall_comment, json.dumps(_snapshot(db, document_id, reviewer_id, rubric_id), ensure_ascii=False)])
    return number


def list_versions(db: Database, document_id: str, reviewer_id: str, rubric_id: str) -> list[ReviewVersion]:
    """The review's submitted versions, oldest first."""
    out = []
    for row in db.query("SELECT version, submitted_at, submitted_by, overall_comment, scores FROM review_versions "
                        "WHERE document_id = ? AND reviewer_id = ? AND rubric_id = ? ORDER BY version",
                        [document_id, reviewer_id, rubric_id]):
        try:
            scores = json.loads(row["scores"])
        except ValueError:
            scores = {}
        out.append(ReviewVersion(row["version"], row["submitted_at"], row["submitted_by"], row["overall_comment"],
                                 scores if isinstance(scores, dict) else {}))
    return out


def current_state(db: Database, document_id: str, reviewer_id: str, rubric_id: str) -> ReviewVersion:
    """The review as it is now, shaped as a version (number 0) to compare with the submitted ones."""
    row = next(db.query("SELECT overall_comment FROM reviews WHERE document_id = ? AND reviewer_id = ? AND "
                        "rubric_id = ?", [document_id, reviewer_id, rubric_id]), None)
    return ReviewVersion(0, "", "", row["overall_comment"] if row else "",
                         _snapshot(db, document_id, reviewer_id, rubric_id))


def version_changes(before: ReviewVersion, after: ReviewVersion) -> list[Difference]:
    """What differs from ``before`` to ``after``: each criterion's value, not-applicable mark, reason and note,
    then the overall comment."""
    out: list[Difference] = []
    empty = {"value": None, "not_applicable": False, "na_reason": "", "note": ""}
    for criterion in sorted(set(before.scores) | set(after.scores)):
        old = {**empty, **before.scores.get(criterion, {})}
        new = {**empty, **after.scores.get(criterion, {})}
        for field in ("value", "not_applicable", "na_reason", "note"):
            if old[field] != new[field]:
                out.append(Difference(criterion, field, old[field], new[field]))
    if before.overall_comment != after.overall_comment:
        out.append(Difference("overall_comment", "overall_comment", before.overall_comment, after.overall_comment))
    return out


def versions_text(db: Database, document_id: str, reviewer_id: str, rubric_id: str,
                  criteria: dict[str, str]) -> list[str]:
    """Each submitted version of a review in words, and what changed from one to the next (``criteria``: id ->
    title), for ``reviewdesk reopen`` and the score form after a reopen."""
    versions = list_versions(db, document_id, reviewer_id, rubric_id)
    out = []
    for previous, version in zip([None, *versions], versions, strict=False):
        out.append(f"version {version.version}: submitted {version.submitted_at} by {version.submitted_by or '?'}")
        if previous is None:
            continue
        for d in version_changes(previous, version):
            what = "overall comment" if d.what == "overall_comment" else f"{criteria.get(d.what, d.what)} {d.field}"
            if d.field == "value":
                out.append(f"    {what}: {_num(d.before)} → {_num(d.after)}")
            else:
                out.append(f"    {what}: {d.before!r} → {d.after!r}")
    return out


def resubmitted(db: Database, document_id: str, rubric_id: str) -> list[tuple[str, list[ReviewVersion]]]:
    """(reviewer name, versions oldest first) of each reviewer who submitted a report's review more than once."""
    return [(row["name"], list_versions(db, document_id, row["reviewer_id"], rubric_id)) for row in db.query(
        "SELECT v.reviewer_id, coalesce(r.name, '') AS name, count(*) AS n FROM review_versions v "
        "LEFT JOIN reviewers r ON r.id = v.reviewer_id WHERE v.document_id = ? AND v.rubric_id = ? "
        "GROUP BY v.reviewer_id HAVING count(*) > 1 ORDER BY name", [document_id, rubric_id])]


def _num(value: object) -> str:
    from desktop.core.scoring.numbers import fmt

    return fmt(value) if isinstance(value, int | float) else "—"
