"""The reviewer's corrections of detected parts and metadata: add, reset, undo, list, re-anchor, show.

Each correction is its own row in ``corrections`` (who, when, before, after). A part correction is anchored to
the frozen text like an annotation (desktop.core.compare.anchoring), so it survives a re-import of a changed
version; one that cannot be placed becomes an orphan, listed and never dropped. Every change is one
transaction that also recomputes the document's effective values (desktop.core.corrections.store), which is
what every other reader sees. Deleting is soft, so undo and redo bring back the same row.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.compare.anchoring import ORPHAN, Anchor, TextIndex, locate, make_anchor, trim_span
from desktop.core.corrections.apply import (
    FIELD,
    FIELDS,
    MARK_PART,
    NEW_PART,
    NOT_HEADING,
    PART_KINDS,
    RELABEL,
    Effective,
)
from desktop.core.corrections.store import AutoValues, effective_values, refresh_effective
from desktop.core.errors import ReviewDeskError
from desktop.core.segmentation.classify import ALL_KINDS, REQUIRED_KINDS
from desktop.core.segmentation.outline import Heading
from desktop.core.segmentation.segment import Section
from desktop.core.storage.database import column, one
from desktop.core.storage.limits import MAX_NAME_CHARS, too_long

_DATE_FORMS = re.compile(r"(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?度?")


class CorrectionError(ReviewDeskError):
    """A correction that cannot be made: unknown document, field or kind, a value that is not valid."""


@dataclass(frozen=True)
class Correction:
    """One correction as stored, with its reviewer's name."""

    id: str
    document_id: str
    reviewer_id: str | None
    reviewer_name: str
    kind: str
    target: str
    before: object
    after: object
    start: int | None
    end: int | None
    quote: str
    status: str
    anchored_by: str
    created_at: str
    updated_at: str
    deleted_at: str | None
    # the corrections of the same target this one replaced (deleted when it was made; undo restores them)
    superseded: tuple[str, ...] = ()

    @property
    def orphan(self) -> bool:
        return self.status == ORPHAN

    def describe(self) -> str:
        """A one-line English description (CLI and logs)."""
        if self.kind == FIELD:
            return f"{self.target}: {self.before!r} -> {self.after!r}"
        after = self.after if isinstance(self.after, dict) else {}
        return f"{self.kind} {after.get('kind', '')} at {self.start}:{self.end} «{self.quote[:30]}»"


_COLUMNS = ("c.id, c.document_id, c.reviewer_id, coalesce(r.name, '') AS reviewer_name, c.kind, c.target, c.before, "
            "c.after, "
            'c.start, c."end", c.quote, c.status, c.anchored_by, c.created_at, c.updated_at, c.deleted_at')
_FROM = "FROM corrections c LEFT JOIN reviewers r ON r.id = c.reviewer_id"


def _row(row: dict[str, Any]) -> Correction:
    values = dict(row)  # the names of _COLUMNS are Correction's fields
    for name in ("before", "after"):
        values[name] = json.loads(values[name]) if values[name] is not None else None
    return Correction(**values)


def get_correction(db: Database, correction_id: str) -> Correction:
    row = one(db, f"SELECT {_COLUMNS} {_FROM} WHERE c.id = ?", [correction_id])
    if row is None:
        raise CorrectionError(f"no correction with id {correction_id}")
    return _row(row)


def list_corrections(db: Database, document_id: str, *, include_deleted: bool = False) -> list[Correction]:
    """A document's corrections, oldest first (live ones only unless ``include_deleted``)."""
    sql = f"SELECT {_COLUMNS} {_FROM} WHERE c.document_id = ?"
    if not include_deleted:
        sql += " AND c.deleted_at IS NULL"
    return [_row(r) for r in db.query(sql + " ORDER BY c.updated_at, c.id", [document_id])]


# --- Validation ------------------------------------------------------------------------------------------------

def parse_field_value(name: str, raw: object) -> object:
    """The stored value of a metadata field typed by a reviewer; raises CorrectionError with what is wrong.

    Text fields are trimmed; an empty value clears the field. ``year`` is a four-digit year (2024 or 2024年);
    dates are ISO (2025-03-15), 2025/3/15 or 2025年3月15日, stored as ISO.
    """
    if name not in FIELDS:
        raise CorrectionError(f"unknown field {name!r}; the fields are {', '.join(FIELDS)}")
    if raw is None:
        return None
    if name == "year" and isinstance(raw, int):
        raw = str(raw)
    value = str(raw).strip()
    if not value:
        return None
    if name == "year":
        m = _YEAR.fullmatch(value)
        if not m:
            raise CorrectionError(f"year {value!r} is not a year; give four digits such as 2024")
        return int(m.group(1))
    if name in ("doc_date", "published_at"):
        m = _DATE_FORMS.fullmatch(value)
        if not m:
            raise CorrectionError(f"{name} {value!r} is not a date; give it as 2025-03-15 or 2025年3月15日")
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            raise CorrectionError(f"{name} {value!r} is not a date that exists; check month and day") from None
    message = too_long(value, MAX_NAME_CHARS, f"the {name}")
    if message:
        raise CorrectionError(message)
    return value


def _check_kind(kind: str, allowed: tuple[str, ...] = REQUIRED_KINDS) -> None:
    if kind not in allowed:
        raise CorrectionError(f"unknown part kind {kind!r}; the kinds are {', '.join(allowed)}")


def _document(db: Database, document_id: str) -> tuple[str, list[Section], list[Heading]]:
    from desktop.core.storage.documents import get_document

    record = get_document(db, document_id)
    if record is None:
        raise CorrectionError(f"no document with id {document_id}; `reviewdesk list` shows the ids")
    return record.text, record.sections, record.outline


# --- Where a marked passage sits -------------------------------------------------------------------------------

def infer_placement(text: str, sections: list[Section], outline: list[Heading], start: int,
                    end: int) -> tuple[str, int]:
    """(placement, level) of a passage marked as a part: ``section`` when it is (nearly) a whole top-level part,
    ``subsection`` when it starts at a numbered sub-heading, ``inline`` otherwise (an item or sentences)."""
    for s in sections:
        if s.placement != "section" or s.kind == "preamble" and not s.heading:
            continue
        size = max(s.end - s.start, 1)
        if abs(s.start - start) <= 2 and end >= s.end - max(2, size // 10):
            return "section", 1
    for h in outline:
        if abs(h.start - start) <= 1 and h.level >= 2 or (abs(h.start - start) <= 1 and h.style == "cn_shi"):
            return ("inline" if h.style == "cn_shi" else "subsection"), max(h.level, 2)
    return "inline", 2


def _line_span(text: str, position: int, outline: list[Heading], sections: list[Section]) -> tuple[int, int]:
    """The heading span at ``position``: a part or outline heading there, else its line (trimmed, capped)."""
    for s in sections:
        if s.heading and s.start <= position < s.start + len(s.heading):
            return s.start, s.start + len(s.heading)
    for h in outline:
        if h.start <= position < max(h.heading_end, h.start + 1):
            return h.start, h.heading_end
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 80:  # a flattened report: the heading starts where the reviewer points
        line_start = position
        stop = re.search(r"[。；！？]", text[position:position + 80])
        line_end = position + (stop.end() if stop else min(60, len(text) - position))
    start, end = trim_span(text, line_start, line_end)
    if start >= end:
        raise CorrectionError("that line is empty; point at the heading's line")
    return start, end


# --- Adding, resetting, undoing -------------------------------------------------------------------------------

def _insert(db: Database, document_id: str, reviewer_id: str | None, kind: str, target: str, before: object,
            after: object, anchor: Anchor | None, correction_id: str | None) -> tuple[str, tuple[str, ...]]:
    """Insert a correction, deleting the live ones of the same target it replaces; (its id, their ids)."""
    new_id = correction_id or str(uuid.uuid4())
    stamp = now_iso()
    superseded = tuple(column(
        db, "SELECT id FROM corrections WHERE document_id = ? AND target = ? AND deleted_at IS NULL AND id != ?",
        [document_id, target, new_id]))
    for old in superseded:
        db.execute("UPDATE corrections SET deleted_at = ?, updated_at = ? WHERE id = ?", [stamp, stamp, old])
    db.execute(
        'INSERT INTO corrections (id, document_id, reviewer_id, kind, target, before, after, start, "end", quote, '
        "prefix, suffix, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new_id, document_id, reviewer_id, kind, target, json.dumps(before, ensure_ascii=False),
         json.dumps(after, ensure_ascii=False), anchor.start if anchor else None, anchor.end if anchor else None,
         anchor.quote if anchor else "", anchor.prefix if anchor else "", anchor.suffix if anchor else "",
         stamp, stamp])
    return new_id, superseded


def insert_correction(db: Database, document_id: str, reviewer_id: str | None, kind: str, target: str,
                      before: object, after: object, anchor: Anchor | None,
                      correction_id: str | None) -> tuple[str, tuple[str, ...]]:
    """Insert a correction row (any kind, e.g. a confirmation) inside the caller's transaction, deleting the
    live ones of the same target it replaces; (its id, their ids). The caller refreshes the effective values."""
    return _insert(db, document_id, reviewer_id, kind, target, before, after, anchor, correction_id)


def correct_field(db: Database, document_id: str, name: str, value: object, *, reviewer_id: str | None,
                  correction_id: str | None = None) -> Correction:
    """Set a metadata field (value as typed; see :func:`parse_field_value`)."""
    parsed = parse_field_value(name, value)
    with db.atomic():
        found = effective_values(db, document_id)
        if found is None:
            raise CorrectionError(f"no document with id {document_id}; `reviewdesk list` shows the ids")
        _auto, effective = found
        new_id, superseded = _insert(db, document_id, reviewer_id, FIELD, name, effective.metadata.get(name),
                                     parsed, None, correction_id)
        refresh_effective(db, document_id)
    return replace(get_correction(db, new_id), superseded=superseded)


def _part_correction(db: Database, document_id: str, kind: str, target: str, before: object, after: dict,
                     span: tuple[int, int], reviewer_id: str | None, correction_id: str | None) -> Correction:
    text, _sections, _outline = _document(db, document_id)
    anchor = make_anchor(text, *span)
    with db.atomic():
        new_id, superseded = _insert(db, document_id, reviewer_id, kind, target, before, after, anchor,
                                     correction_id)
        refresh_effective(db, document_id)
    return replace(get_correction(db, new_id), superseded=superseded)


def mark_part(db: Database, document_id: str, kind: str, start: int, end: int, *, reviewer_id: str | None,
              correction_id: str | None = None) -> Correction:
    """Mark the passage [start, end) as the required part ``kind`` (placement inferred)."""
    _check_kind(kind)
    text, sections, outline = _document(db, document_id)
    if not (0 <= start < end <= len(text)):
        raise CorrectionError(f"offsets {start}:{end} are outside the text (0:{len(text)}); give START < END "
                              "within the stored text")
    start, end = trim_span(text, start, end)
    if start >= end:
        raise CorrectionError(f"the passage {start}:{end} is empty or only white space; select the part's text")
    placement, level = infer_placement(text, sections, outline, start, end)
    before = [s.to_json() for s in sections if s.kind == kind]
    return _part_correction(db, document_id, MARK_PART, f"part:{kind}", before,
                            {"kind": kind, "placement": placement, "level": level}, (start, end), reviewer_id,
                            correction_id)


def relabel_part(db: Database, document_id: str, section: Section, kind: str, *, reviewer_id: str | None,
                 correction_id: str | None = None) -> Correction:
    """Change the kind of a detected part (or subsection/inline part) to ``kind``."""
    _check_kind(kind, ALL_KINDS)
    text, _sections, _outline = _document(db, document_id)
    head = len(section.heading) if section.heading and text[section.start:section.start + len(section.heading)] \
        == section.heading else min(40, section.end - section.start)
    span = trim_span(text, section.start, section.start + max(head, 1))
    if span[0] >= span[1]:
        span = (section.start, min(len(text), section.start + 1))
    return _part_correction(db, document_id, RELABEL, f"heading:{section.start}", section.kind,
                            {"kind": kind, "from_kind": section.kind, "placement": section.placement},
                            span, reviewer_id, correction_id)


def not_a_heading(db: Database, document_id: str, position: int, *, reviewer_id: str | None,
                  correction_id: str | None = None) -> Correction:
    """Say that the line at ``position`` is not a part heading (its text joins the part before)."""
    text, sections, outline = _document(db, document_id)
    if not 0 <= position < len(text):
        raise CorrectionError(f"position {position} is outside the text (0:{len(text)})")
    span = _line_span(text, position, outline, sections)
    gone = [s.to_json() for s in sections if s.heading and span[0] - 1 <= s.start < span[1]]
    if not gone:
        raise CorrectionError("no part starts on that line; choose a line where a detected part begins")
    return _part_correction(db, document_id, NOT_HEADING, f"heading:{span[0]}", gone, {"kind": None}, span,
                            reviewer_id, correction_id)


def start_part(db: Database, document_id: str, position: int, kind: str, *, reviewer_id: str | None,
               correction_id: str | None = None) -> Correction:
    """Start a new top-level part of ``kind`` at the heading on the line at ``position``."""
    _check_kind(kind, PART_KINDS)
    text, sections, outline = _document(db, document_id)
    if not 0 <= position < len(text):
        raise CorrectionError(f"position {position} is outside the text (0:{len(text)})")
    span = _line_span(text, position, outline, [])
    return _part_correction(db, document_id, NEW_PART, f"heading:{span[0]}", None, {"kind": kind}, span,
                            reviewer_id, correction_id)


def _set_deleted(db: Database, ids: list[str], deleted: bool) -> list[str]:
    docs = []
    stamp = now_iso()
    with db.atomic():
        for correction_id in ids:
            row = one(db, "SELECT document_id FROM corrections WHERE id = ?", [correction_id])
            if row is None:
                raise CorrectionError(f"no correction with id {correction_id}")
            db.execute("UPDATE corrections SET deleted_at = ?, updated_at = ? WHERE id = ?",
                       [stamp if deleted else None, stamp, correction_id])
            docs.append(row["document_id"])
        for document_id in dict.fromkeys(docs):
            refresh_effective(db, document_id)
    return ids


def correction_states(db: Database, ids: list[str]) -> list[Correction]:
    """The stored state of some corrections (what an undo step compares before it writes)."""
    return [_row(r) for r in db.query(f"SELECT {_COLUMNS} {_FROM} WHERE c.id IN "
                                      f"({', '.join('?' for _ in ids)}) ORDER BY c.id", ids)]


def delete_corrections(db: Database, ids: list[str]) -> list[str]:
    """Delete corrections (undo of adding them); one transaction; the effective values are recomputed."""
    return _set_deleted(db, ids, True)


def restore_corrections(db: Database, ids: list[str]) -> list[str]:
    """Bring deleted corrections back (redo, or undo of a reset)."""
    return _set_deleted(db, ids, False)


def reset_field(db: Database, document_id: str, name: str) -> list[str]:
    """Reset a metadata field to its automatic value: its live corrections are deleted; returns their ids."""
    if name not in FIELDS:
        raise CorrectionError(f"unknown field {name!r}; the fields are {', '.join(FIELDS)}")
    with db.atomic():
        if db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is None:
            raise CorrectionError(f"no document with id {document_id}; `reviewdesk list` shows the ids")
        # the field's corrections and the reviewer's confirmations of its value (kind confirm, same target)
        ids = column(db, "SELECT id FROM corrections WHERE document_id = ? AND kind IN (?, 'confirm') "
                         "AND target = ? AND deleted_at IS NULL", [document_id, FIELD, name])
        if ids:
            delete_corrections(db, ids)
    return ids


# --- Reading the corrected document ----------------------------------------------------------------------------

@dataclass(frozen=True)
class CorrectedView:
    """A document's automatic and effective values, and the corrections that could not be applied."""

    document_id: str
    auto: AutoValues
    effective: Effective
    unplaced: tuple[Correction, ...]


def corrected_view(db: Database, document_id: str) -> CorrectedView:
    found = effective_values(db, document_id)
    if found is None:
        raise CorrectionError(f"no document with id {document_id}; `reviewdesk list` shows the ids")
    auto, effective = found
    unplaced = tuple(c for c in list_corrections(db, document_id) if c.id in set(effective.unapplied))
    return CorrectedView(document_id, auto, effective, unplaced)


def show_json(db: Database, document_id: str) -> dict:
    """The effective document in the shape of ``segment --json``, each field and section with its origin."""
    from desktop.core.storage.documents import get_document

    view = corrected_view(db, document_id)
    record = get_document(db, document_id)
    assert record is not None
    eff = view.effective
    meta = eff.metadata
    out = {key: meta.get(key) for key in ("title", "agency", "year", "doc_number", "doc_date", "published_at",
                                          "on_time", "source")}
    out["sections"] = [{**s.to_json(), **o.to_json()} for s, o in zip(eff.sections, eff.section_origins,
                                                                         strict=True)]
    out["missing"] = list(eff.missing)
    out["clutter"] = [c.to_json() for c in record.clutter]
    out["outline"] = [h.to_json() for h in record.outline]
    out["metadata_sources"] = eff.sources
    out["encoding"] = record.summary.encoding
    # a field the reviewer corrected is as sure as it gets
    confidence: dict[str, str] = {**record.metadata_confidence,
                                  **{name: "high" for name, origin in eff.metadata_origin.items()
                                     if origin.origin in ("corrected", "confirmed")}}
    out["metadata_confidence"] = confidence
    out["metadata_reasons"] = {name: why for name, why in record.metadata_reasons.items()
                               if confidence.get(name) == "low"}
    out["missing_candidates"] = {kind: c for kind, c in record.missing_candidates.items() if kind in eff.missing}
    out["missing_confirmed_by"] = {kind: origin.corrected_by for kind, origin in eff.missing_origin.items()}
    out["doc_type"] = record.doc_type
    out["truncated"] = record.truncated
    out["id"] = document_id
    out["metadata_origin"] = {
        name: {**origin.to_json(), "auto_value": view.auto.metadata.get(name),
               "auto_source": view.auto.sources.get(name, "")}
        for name, origin in eff.metadata_origin.items()}
    out["unplaced_corrections"] = [{"id": c.id, "kind": c.kind, "quote": c.quote, "status": c.status,
                                    "corrected_by": c.reviewer_name or None} for c in view.unplaced]
    return out


# --- Re-anchoring after a re-import ----------------------------------------------------------------------------

def reanchor_corrections(db: Database, document_id: str, text: str) -> tuple[dict[str, int], list[str]]:
    """Re-attach a document's part corrections (deleted ones too, for undo) to ``text``; returns how each was
    placed and the ids of those that could not be (orphans: kept, listed, not applied)."""
    rows = list(db.query('SELECT id, start, "end", quote, prefix, suffix FROM corrections WHERE document_id = ? '
                         "AND start IS NOT NULL", [document_id]))
    index = TextIndex(text)
    methods: dict[str, int] = defaultdict(int)
    orphans: list[str] = []
    with db.atomic():
        for row in rows:
            cid = row["id"]
            place = locate(Anchor(row["start"], row["end"], row["quote"], row["prefix"], row["suffix"]), text, index)
            methods[place.method] += 1
            if not place.placed or place.start is None or place.end is None:
                orphans.append(cid)
                db.execute("UPDATE corrections SET status = 'orphan', anchor_score = NULL WHERE id = ?", [cid])
                continue
            new = make_anchor(text, place.start, place.end)
            db.execute('UPDATE corrections SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, '
                       "status = 'anchored', anchored_by = ?, anchor_score = ? WHERE id = ?",
                       [new.start, new.end, new.quote, new.prefix, new.suffix, place.method, place.score, cid])
        refresh_effective(db, document_id)
    return dict(methods), orphans
