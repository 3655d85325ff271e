"""The reviews as the score model reads them: one :class:`ReviewColumn` per (report, reviewer) under a rubric.

:func:`read_reviews` runs the bulk queries (reviewers, reviews, scores; nothing per report) and
:func:`review_column` applies the rules of desktop.core.scoring.rules: what is settled, the total (四舍五入 to 2
decimals), whether the review is complete. The panel (desktop.core.panel.summary) combines the columns of a report;
:func:`reviewer_overview` gives one reviewer's columns for every report (the corpus table, the overview dialog).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import Rubric
from desktop.core.scoring.rules import is_settled
from desktop.core.scoring.scores import DONE, NOT_STARTED, STATUS_LABELS
from desktop.core.storage.documents import list_documents


def incomplete_label(settled: int, criteria: int) -> str:
    """How an incomplete review is shown on sheets: ``未完成（已评 n/8）``."""
    return f"未完成（已评 {settled}/{criteria}）"


@dataclass(frozen=True)
class ReviewColumn:
    """One reviewer's review of one report.

    ``values``: criterion id -> score (absent: not scored); ``not_applicable``: criteria marked not applicable
    (with a reason, where allowed); ``settled``: criteria scored or not applicable; ``total``: the weighted total
    of what is scored, 四舍五入 to 2 decimals (None if nothing is scored; a total only when ``complete``);
    ``assigned``: the report is assigned to the reviewer (set by the panel).
    """

    reviewer_id: str
    reviewer: str
    status: str
    values: dict[str, float]
    not_applicable: frozenset[str]
    settled: int
    criteria: int
    total: float | None
    complete: bool
    assigned: bool
    comment: str = ""
    notes: dict[str, str] = field(default_factory=dict)  # criterion id -> the reviewer's note

    @property
    def label(self) -> str:
        """``已提交`` for a complete review, else ``未完成（已评 n/8）``."""
        return STATUS_LABELS[DONE][0] if self.complete else incomplete_label(self.settled, self.criteria)

    @property
    def total_text(self) -> str:
        """The total as every view shows it: the number of a complete review, else how far it got."""
        return fmt(self.total) if self.complete else self.label


@dataclass
class ReviewData:
    """The rows of every review under a rubric (of one report, or of all), keyed by (document, reviewer)."""

    names: dict[str, str]
    statuses: dict[tuple[str, str], tuple[str, str]]  # (doc, reviewer) -> (status, overall comment)
    values: dict[tuple[str, str], dict[str, float]]
    na: dict[tuple[str, str], set[str]]
    notes: dict[tuple[str, str], dict[str, str]]
    by_doc: dict[str, set[str]] = field(default_factory=dict)  # doc -> reviewers with a review, score or mark

    def __post_init__(self) -> None:
        for keys in (self.statuses, self.values, self.na):
            for d, r in keys:
                self.by_doc.setdefault(d, set()).add(r)


def read_reviews(db: Database, rubric: Rubric, document_id: str | None = None) -> ReviewData:
    """Every review's status, comment, settled values and notes under the rubric (of one report, or all)."""
    doc_filter = " AND document_id = ?" if document_id else ""
    args = [rubric.id, document_id] if document_id else [rubric.id]
    names = {row["id"]: row["name"] for row in db.query("SELECT id, name FROM reviewers")}
    statuses = {(row["document_id"], row["reviewer_id"]): (row["status"], row["overall_comment"]) for row in db.query(
        f"SELECT document_id, reviewer_id, status, overall_comment FROM reviews WHERE rubric_id = ?{doc_filter}",
        args)}
    criteria = {c.id: c for c in rubric.criteria}
    values: dict[tuple[str, str], dict[str, float]] = {}
    na: dict[tuple[str, str], set[str]] = {}
    notes: dict[tuple[str, str], dict[str, str]] = {}
    for row in db.query("SELECT document_id, reviewer_id, criterion_id, value, not_applicable, na_reason, note "
                        f"FROM scores WHERE rubric_id = ?{doc_filter}", args):
        c = criteria.get(row["criterion_id"])
        if c is None:
            continue
        key = (row["document_id"], row["reviewer_id"])
        if row["note"]:
            notes.setdefault(key, {})[c.id] = row["note"]
        if row["value"] is not None:
            values.setdefault(key, {})[c.id] = row["value"]
        elif is_settled(c, None, bool(row["not_applicable"]), row["na_reason"]):
            na.setdefault(key, set()).add(c.id)
    return ReviewData(names, statuses, values, na, notes)


def review_column(rubric: Rubric, data: ReviewData, doc: str, rid: str, assigned: bool = False) -> ReviewColumn:
    """One reviewer's review of one report by the rules (a reviewer without rows: not started, nothing settled)."""
    status, comment = data.statuses.get((doc, rid), (NOT_STARTED, ""))
    values = dict(data.values.get((doc, rid), {}))
    na = frozenset(data.na.get((doc, rid), set()))
    settled = len(values) + len(na)
    total = rubric.weighted_total(values, na) if values else None
    complete = status == DONE and settled == len(rubric.criteria)
    return ReviewColumn(rid, data.names.get(rid, ""), status, values, na, settled, len(rubric.criteria), total,
                        complete, assigned, comment, dict(data.notes.get((doc, rid), {})))


def reviewer_overview(db: Database, reviewer_id: str, rubric: Rubric) -> dict[str, ReviewColumn]:
    """One reviewer's review of every current report (document id -> column; not-started reports included)."""
    data = read_reviews(db, rubric)
    return {d.id: review_column(rubric, data, d.id, reviewer_id) for d in list_documents(db)}
