"""The verify queue (核对队列): every doubt segmentation left in the corpus, and the reviewer's confirmations.

A *doubt* is a low-confidence metadata field (title, agency and year always; a document number or a date when
it has a doubtful value — many reports print none, so absence alone is no doubt), a low-confidence part (a
topical heading, a duty stated only in a sentence, a plan in one closing sentence…) or a required part reported
missing (with the passage a reviewer should look at first, when the text has weak evidence of it). A value the
reviewer corrected or confirmed is no longer a doubt.

Confirming stores a row of ``corrections`` of kind ``confirm`` (who, when, what was confirmed;
desktop.core.corrections.apply applies it), so confirmations survive re-segmentation, re-import and merge
exactly as corrections do: a field's confirmed value is pinned, a part's is anchored to its passage, a missing
flag's holds while the part is still missing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlite_utils import Database

from desktop.core.compare.anchoring import make_anchor, trim_span
from desktop.core.corrections.apply import AUTO, CONFIRM, FIELDS, MISSING_PREFIX
from desktop.core.corrections.records import Correction, CorrectionError, get_correction, insert_correction
from desktop.core.corrections.store import effective_values, refresh_effective
from desktop.core.segmentation.classify import REQUIRED_KINDS
from desktop.core.segmentation.segment import Section
from desktop.core.storage.database import column

if TYPE_CHECKING:
    from desktop.core.storage.documents import DocumentRecord

# fields whose doubt counts even when nothing was found (a report always has a title, a body and a year)
ALWAYS_FIELDS = ("title", "agency", "year")
PART_PREFIX = "confirm-part:"


class VerifyError(CorrectionError):
    """A confirmation that cannot be made: unknown document, field or kind, or nothing in doubt there."""


@dataclass(frozen=True)
class Doubt:
    """One entry of the verify queue: a field, a part or a missing flag of one document, and where to look."""

    document_id: str
    target: str          # "field:agency", "part:leader_duty", "missing:next_plan"
    value: object        # the field's value, the part's heading (or first words), or None for a missing part
    confidence: str      # always "low": high values are not doubts
    reason: str
    start: int | None    # the passage to show (the source sentence, the part, the best candidate), or None
    end: int | None
    section: Section | None = None  # for a part: the effective section it is about

    @property
    def field(self) -> str | None:
        return self.target.split(":", 1)[1] if self.target.startswith("field:") else None

    @property
    def kind(self) -> str | None:
        return None if self.target.startswith("field:") else self.target.split(":", 1)[1]

    def to_json(self) -> dict:
        """``{"document_id", "field" or "kind", "value", "confidence", "reason", "start", "end"}``."""
        key = {"field": self.field} if self.field else {"kind": self.kind}
        return {"document_id": self.document_id, **key, "value": self.value, "confidence": self.confidence,
                "reason": self.reason, "start": self.start, "end": self.end}


def _value_span(text: str, value: object, limit: int = 20_000) -> tuple[int | None, int | None]:
    """Where a metadata value appears first in the text (the source sentence to show), or (None, None)."""
    if value in (None, ""):
        return None, None
    needle = str(value)
    pos = text.find(needle, 0, limit + len(needle))
    if pos < 0 and needle.isdigit():  # a year: its first 2024年
        pos = text.find(needle + "年", 0, limit)
    return (pos, pos + len(needle)) if pos >= 0 else (None, None)


def source_sentence(text: str, start: int | None, end: int | None, limit: int = 120) -> str:
    """The sentence (or line) around [start, end): what a 请核对 mark shows on hover."""
    if start is None or end is None:
        return ""
    stops = "。；！？\n"
    left = max((text.rfind(ch, max(0, start - limit), start) for ch in stops), default=-1) + 1
    ends = [p for p in (text.find(ch, end, end + limit) for ch in stops) if p >= 0]
    right = min(ends) + 1 if ends else min(len(text), end + limit)
    return text[left:right].strip()


def field_marks(record: DocumentRecord) -> dict[str, tuple[str, str]]:
    """For each metadata field of a stored document the reviewer should check: (reason, source sentence).

    The same rule as the queue: low confidence, not corrected or confirmed (its source then says so), and for a
    document number or a date only when it holds a value.
    """
    out: dict[str, tuple[str, str]] = {}
    values = record.summary.to_json()
    for name in FIELDS:
        where = str(record.metadata_sources.get(name) or "")
        if record.metadata_confidence.get(name, "low") != "low" or where.startswith(("corrected", "confirmed")):
            continue
        value = values.get(name)
        if value is None and name not in ALWAYS_FIELDS:
            continue
        start, end = _value_span(record.text, value)
        reason = record.metadata_reasons.get(name) or "not found in the text"
        out[name] = (reason, source_sentence(record.text, start, end))
    return out


def document_doubts(db: Database, document_id: str) -> list[Doubt]:
    """The doubts of one document, fields first, then parts in text order, then missing parts."""
    from desktop.core.storage.documents import get_document

    record = get_document(db, document_id)
    found = effective_values(db, document_id)
    if record is None or found is None:
        raise VerifyError(f"no document with id {document_id}; `reviewdesk list` shows the ids")
    _auto, eff = found
    text = record.text
    out: list[Doubt] = []
    for name in FIELDS:
        if record.metadata_confidence.get(name, "low") != "low" or eff.metadata_origin[name].origin != AUTO:
            continue
        value = eff.metadata.get(name)
        if value is None and name not in ALWAYS_FIELDS:
            continue
        start, end = _value_span(text, value)
        if start is None and name in ("title", "agency"):  # nothing to point at: the title line
            title = record.summary.title
            start, end = _value_span(text, title) if title else (None, None)
        reason = record.metadata_reasons.get(name) or "not found in the text"
        out.append(Doubt(document_id, f"field:{name}", value, "low", reason, start, end))
    for section, origin in zip(eff.sections, eff.section_origins, strict=True):
        if section.confidence != "low" or origin.origin != AUTO or section.kind == "preamble":
            continue
        value = section.heading or text[section.start:section.start + 30].split("\n", 1)[0]
        out.append(Doubt(document_id, f"part:{section.kind}", value, "low",
                         section.reason or "the kind rests on position or body evidence", section.start,
                         section.end, section))
    for kind in eff.missing:
        if kind in eff.missing_origin:
            continue
        candidate = record.missing_candidates.get(kind) or {}
        reason = "no heading, item or sentence states this part"
        if candidate:
            reason += f"; look here: {candidate.get('reason', '')}"
        if record.truncated:
            reason = "the text seems cut off, the part may lie beyond its end; " + reason
        out.append(Doubt(document_id, f"missing:{kind}", None, "low", reason, candidate.get("start"),
                         candidate.get("end")))
    return out


def list_doubts(db: Database) -> list[Doubt]:
    """Every doubt of every current document (not replaced by a newer version), in import order."""
    from desktop.core.storage.doubts import DOUBT_COUNT_SQL

    # only the documents the SQL count says have doubts are read whole (the same rule, tested against each other)
    ids = column(db, f"SELECT id FROM documents WHERE replaced_by IS NULL AND ({DOUBT_COUNT_SQL}) > 0 ORDER BY seq")
    return [d for doc_id in ids for d in document_doubts(db, doc_id)]


def doubts_of(db: Database, document_ids: list[str], first: str | None = None) -> list[Doubt]:
    """The doubts of these documents (those still current), in the order given; with ``first`` (a target such
    as ``"field:agency"``) the doubts of that target come first, in the same order, then the others."""
    current = set(column(db, "SELECT id FROM documents WHERE replaced_by IS NULL"))
    doubts = [d for doc_id in dict.fromkeys(document_ids) if doc_id in current for d in document_doubts(db, doc_id)]
    if first is None:
        return doubts
    return [d for d in doubts if d.target == first] + [d for d in doubts if d.target != first]


# --- Confirming ------------------------------------------------------------------------------------------------

def _confirm(db: Database, document_id: str, target: str, before: object, after: dict,
             span: tuple[int, int] | None, reviewer_id: str | None) -> Correction:
    from desktop.core.storage.documents import get_document

    anchor = None
    if span is not None:
        record = get_document(db, document_id)
        assert record is not None
        start, end = trim_span(record.text, *span)
        anchor = make_anchor(record.text, start, max(end, start + 1))
    new_id, superseded = insert_correction(db, document_id, None if reviewer_id is None else reviewer_id, CONFIRM,
                                           target, before, after, anchor, None)
    refresh_effective(db, document_id)
    return replace(get_correction(db, new_id), superseded=superseded)


def confirm(db: Database, doubt: Doubt, *, reviewer_id: str | None) -> Correction:
    """Store the reviewer's confirmation of one doubt (one transaction); refused when it is no longer in doubt."""
    with db.atomic():
        current = {d.target: d for d in document_doubts(db, doubt.document_id)
                   if d.target != doubt.target or d.start == doubt.start}
        now = current.get(doubt.target)
        if now is None:
            raise VerifyError(f"{doubt.target.replace(':', ' ', 1)} of {doubt.document_id} is not in doubt any more "
                              "(corrected, confirmed or re-segmented)")
        if now.field:
            return _confirm(db, doubt.document_id, now.field, now.value, {"value": now.value}, None, reviewer_id)
        if now.target.startswith(MISSING_PREFIX):
            return _confirm(db, doubt.document_id, now.target, None, {"kind": now.kind, "absent": True}, None,
                            reviewer_id)
        section = now.section
        assert section is not None and now.start is not None and now.end is not None
        return _confirm(db, doubt.document_id, f"{PART_PREFIX}{section.kind}:{section.start}", section.to_json(),
                        {"kind": section.kind, "placement": section.placement, "level": section.level,
                         "heading": section.heading}, (now.start, now.end), reviewer_id)


def accept(db: Database, document_id: str, what: str, *, reviewer_id: str | None) -> list[Correction]:
    """Confirm a field (``agency``) or a kind (``leader_duty``: its doubtful parts, or its missing flag) of one
    document, all in one transaction; VerifyError, with nothing stored, when that is not in doubt."""
    if what not in FIELDS and what not in REQUIRED_KINDS:
        raise VerifyError(f"unknown field or kind {what!r}; fields: {', '.join(FIELDS)}; kinds: "
                          f"{', '.join(REQUIRED_KINDS)}")
    with db.atomic():
        doubts = [d for d in document_doubts(db, document_id) if what in (d.field, d.kind)]
        if not doubts:
            raise VerifyError(f"{what} of {document_id} is not in doubt (high confidence, corrected or confirmed "
                              "already); `reviewdesk verify --list` shows what is")
        return [confirm(db, d, reviewer_id=reviewer_id) for d in doubts]
