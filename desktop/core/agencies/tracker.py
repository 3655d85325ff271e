"""The promise tracker of a stored report: last year's plan items matched to this report, with the reviewer's
corrections applied (table ``promise_matches``: who, when, soft-deleted so that undo and merge find the same row).

"Last year's" report is the same agency group's latest report of an earlier year (desktop.core.agencies.groups).
A correction is tied to the plan item by its text; when the earlier report changes so that no item reads the
same any more, the correction is listed as unplaced, never dropped.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.agencies.parts import as_report
from desktop.core.agencies.previous import previous_report, same_agency
from desktop.core.agencies.promises import DONE, NOT_MENTIONED, STATUSES, Passage, PromiseMatch, match_promises
from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError
from desktop.core.storage.documents import DocumentSummary, get_document, get_summary


class PromiseError(ReviewDeskError):
    """A correction of a promise match that cannot be made (unknown report or item, a passage out of range)."""


@dataclass(frozen=True)
class MatchCorrection:
    """One stored verdict of a reviewer on one plan item."""

    id: str
    document_id: str
    previous_id: str
    item_quote: str
    status: str
    start: int | None
    end: int | None
    quote: str
    reviewer_id: str | None
    reviewer_name: str
    created_at: str
    updated_at: str
    deleted_at: str | None


@dataclass(frozen=True)
class TrackedPromise:
    """A plan item's match as shown: the automatic one, or the reviewer's correction of it."""

    match: PromiseMatch
    automatic: PromiseMatch
    correction: MatchCorrection | None

    @property
    def corrected(self) -> bool:
        return self.correction is not None


@dataclass
class PromiseReport:
    """The tracker of one report; ``previous`` is None when the agency has no earlier report in the corpus."""

    report: DocumentSummary
    previous: DocumentSummary | None
    promises: list[TrackedPromise] = field(default_factory=list)
    unplaced: list[MatchCorrection] = field(default_factory=list)
    previous_has_plan: bool = False

    def count(self, status: str) -> int:
        return sum(1 for p in self.promises if p.match.status == status)


def previous_in_group(db: Database, document_id: str) -> tuple[DocumentSummary | None, DocumentSummary | None]:
    """The report and its agency group's latest report of an earlier year (None when there is none)."""
    return get_summary(db, document_id), previous_report(db, document_id)


def _corrections(db: Database, document_id: str, previous_id: str) -> list[MatchCorrection]:
    return [MatchCorrection(**r) for r in db.query(
        "SELECT p.id, p.document_id, p.previous_id, p.item_quote, p.status, p.start, p.\"end\" AS end, p.quote, "
        "p.reviewer_id, coalesce(r.name, '') AS reviewer_name, p.created_at, p.updated_at, p.deleted_at "
        "FROM promise_matches p LEFT JOIN reviewers r ON r.id = p.reviewer_id "
        "WHERE p.document_id = ? AND p.previous_id = ? AND p.deleted_at IS NULL ORDER BY p.updated_at, p.id",
        [document_id, previous_id])]


def track_promises(db: Database, document_id: str, previous_id: str | None = None) -> PromiseReport:
    """The promise tracker of a report (read-only); ``previous_id`` picks the earlier report (default: last year's)."""
    report, previous = previous_in_group(db, document_id)
    if report is None:
        raise PromiseError(f"no current report with id {document_id}; list them with `reviewdesk list`")
    if previous_id is not None:
        previous = get_summary(db, previous_id) if same_agency(db, document_id, previous_id) else None
        if previous is None:
            raise PromiseError(f"{previous_id} is not a report of the same agency; see `reviewdesk timeline {document_id}`")
    out = PromiseReport(report, previous)
    if previous is None:
        return out
    current_record, previous_record = get_document(db, document_id), get_document(db, previous.id)
    assert current_record is not None and previous_record is not None  # both listed as current just now
    current = as_report(current_record)
    automatic = match_promises(as_report(previous_record), current)
    out.previous_has_plan = bool(automatic) or any(s.kind == "next_plan" for s in previous_record.sections)
    latest: dict[str, MatchCorrection] = {}
    for c in _corrections(db, document_id, previous.id):
        latest[c.item_quote] = c  # oldest first: the latest verdict on an item wins
    placed = set()
    for match in automatic:
        correction = latest.get(match.item.text)
        shown = match
        if correction is not None:
            placed.add(correction.item_quote)
            passage = None
            if correction.start is not None and correction.end is not None:
                passage = Passage(correction.start, correction.end, current.text[correction.start:correction.end])
            shown = PromiseMatch(match.item, correction.status, passage, match.similarity, ())
        out.promises.append(TrackedPromise(shown, match, correction))
    out.unplaced = [c for q, c in latest.items() if q not in placed]
    return out


def correct_promise(db: Database, document_id: str, previous_id: str, item_text: str, status: str,
                    start: int | None = None, end: int | None = None, *,
                    reviewer_id: str | None = None) -> tuple[str, list[str]]:
    """Store the reviewer's verdict on one plan item; returns the new row's id and the ids of the verdicts on the
    same item it replaced (one transaction)."""
    if status not in STATUSES:
        raise PromiseError(f"unknown verdict {status!r}; use one of {', '.join(STATUSES)}")
    with db.atomic():
        current = get_document(db, document_id)
        previous = get_document(db, previous_id)
        if current is None or previous is None:
            raise PromiseError(f"no report with id {document_id if current is None else previous_id}")
        if item_text not in previous.text:
            raise PromiseError("the plan item is not in the earlier report's text; reload the tracker and try again")
        quote = ""
        if status == NOT_MENTIONED:
            start = end = None
        else:
            if start is None or end is None or not 0 <= start < end <= len(current.text):
                raise PromiseError(f"a verdict {status!r} needs the passage that says so (offsets inside the report, "
                                   f"0 to {len(current.text)})")
            quote = current.text[start:end]
        if status == DONE and not quote.strip():
            raise PromiseError("the passage is empty; select the sentence that reports the work done")
        now = now_iso()
        old = [r["id"] for r in db.query(
            "SELECT id FROM promise_matches WHERE document_id = ? AND previous_id = ? AND item_quote = ? AND "
            "deleted_at IS NULL", [document_id, previous_id, item_text])]
        if old:
            db.execute(f"UPDATE promise_matches SET deleted_at = ?, updated_at = ? WHERE id IN "
                       f"({','.join('?' * len(old))})", [now, now, *old])
        row_id = str(uuid.uuid4())
        db.execute("INSERT INTO promise_matches (id, document_id, previous_id, item_quote, status, start, \"end\", "
                   "quote, reviewer_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [row_id, document_id, previous_id, item_text, status, start, end, quote, reviewer_id, now, now])
    return row_id, old


def promise_states(db: Database, ids: list[str]) -> list[tuple]:
    """The rows with these ids (deleted or not) for undo's unchanged-check, time stamps left out."""
    if not ids:
        return []
    return [(r["id"], r["status"], r["start"], r["end"], r["deleted"]) for r in db.query(
        f"SELECT id, status, start, \"end\", deleted_at IS NOT NULL AS deleted FROM promise_matches WHERE id IN "
        f"({','.join('?' * len(ids))}) ORDER BY id", ids)]


def set_deleted(db: Database, ids: list[str], deleted: bool) -> None:
    """Soft-delete (or bring back) verdict rows (undo and redo)."""
    if ids:
        now = now_iso()
        db.execute(f"UPDATE promise_matches SET deleted_at = ?, updated_at = ? WHERE id IN "
                   f"({','.join('?' * len(ids))})", [now if deleted else None, now, *ids])
