"""Apply a reviewer's corrections to what segmentation found: the effective metadata and parts.

Pure: :func:`apply_corrections` takes the automatic result (metadata values and sources, sections) and the
live corrections of one document, and returns the effective values, each field and section marked with its
origin (``auto`` or ``corrected``) and who corrected it. Storage writes the effective values where every
reader looks (documents columns, sections rows); the automatic ones are kept beside them so that a
re-segmentation or a reset can recompute the effective values.

Corrections are applied oldest first, so a newer one overrides an older one on the same target. Kinds:

- ``field``: a metadata field (``target``) gets the value ``after`` (None clears it);
- ``relabel``: the part whose heading the anchor covers changes its kind to ``after["kind"]``;
- ``mark_part``: the anchored passage is the part ``after["kind"]`` with ``after["placement"]``; nested
  sections of that kind found automatically elsewhere are dropped (the reviewer said where it is);
- ``not_heading``: the part starting at the anchored line is no part: its text joins the part before;
- ``new_part``: a new top-level part of kind ``after["kind"]`` starts at the anchored line;
- ``confirm``: the reviewer checked a doubtful value and found it right. On a metadata field (``target`` the
  field name) it pins ``after["value"]`` like a field correction, with origin ``confirmed``; on a part
  (``after["kind"]``, anchored to its passage) the detected section of that kind over the anchor is marked
  confirmed, or put back as it was confirmed when a newer segmentation lost it; on a missing flag
  (``target`` ``missing:<kind>``) the absence is confirmed while the kind is still missing.

A part correction whose anchor could not be placed (an orphan after a re-import) or that finds nothing to act
on is not applied and is listed in :attr:`Effective.unapplied`, never dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from desktop.core.segmentation.classify import ALL_KINDS, REQUIRED_KINDS
from desktop.core.segmentation.segment import PLACEMENTS, Section

FIELDS = ("title", "agency", "year", "doc_number", "doc_date", "published_at")
FIELD, RELABEL, MARK_PART, NOT_HEADING, NEW_PART = "field", "relabel", "mark_part", "not_heading", "new_part"
CONFIRM = "confirm"
KINDS = (FIELD, RELABEL, MARK_PART, NOT_HEADING, NEW_PART, CONFIRM)
PART_KINDS = tuple(k for k in ALL_KINDS if k != "preamble")
AUTO, CORRECTED, CONFIRMED = "auto", "corrected", "confirmed"
MISSING_PREFIX = "missing:"


@dataclass(frozen=True)
class CorrectionRecord:
    """One live correction as the apply step needs it (storage builds these from the corrections table)."""

    id: str
    kind: str
    target: str
    after: object
    start: int | None = None
    end: int | None = None
    placed: bool = True
    reviewer_name: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class Origin:
    """Where an effective value comes from: ``auto`` or ``corrected`` (by whom, by which correction)."""

    origin: str = AUTO
    corrected_by: str | None = None
    correction_id: str | None = None

    def to_json(self) -> dict:
        return {"origin": self.origin, "corrected_by": self.corrected_by}


@dataclass
class Effective:
    """A document's metadata and parts after corrections."""

    metadata: dict
    sources: dict
    metadata_origin: dict[str, Origin]
    sections: list[Section]
    section_origins: list[Origin]
    missing: list[str]
    unapplied: list[str] = field(default_factory=list)
    # missing kinds whose absence a reviewer confirmed
    missing_origin: dict[str, Origin] = field(default_factory=dict)


def on_time_for(year: object, published_at: object) -> bool | None:
    """Timeliness as the 2019 regulation sets it: published by 1 April of the year after the one covered."""
    if year is None or not published_at:
        return None
    try:
        return dt.date.fromisoformat(str(published_at)) <= dt.date(int(str(year)) + 1, 4, 1)
    except ValueError:
        return None


def missing_kinds(sections: list[Section]) -> list[str]:
    present = {s.kind for s in sections}
    return [k for k in REQUIRED_KINDS if k not in present]


def _line_heading(text: str, start: int, end: int, limit: int = 60) -> str:
    line = text[start:end].split("\n", 1)[0].strip()
    return line[:limit]


def _trim_back(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _heading_match(items: list[tuple[Section, Origin]], start: int, end: int,
                   placement: str | None = None, kind: str | None = None, top_only: bool = False,
                   headed: bool = False) -> int | None:
    """Index of the section whose heading the span [start, end) covers (best: same placement and kind, nearest)."""
    best: tuple | None = None
    for i, (s, _o) in enumerate(items):
        if (top_only and s.placement != "section") or (headed and not s.heading):
            continue
        head_end = s.start + max(len(s.heading), 1)
        if not (start - 1 <= s.start < max(end, start + 1) or s.start <= start < head_end):
            continue
        rank = (s.placement != placement if placement else 0, s.kind != kind if kind else 0, abs(s.start - start),
                PLACEMENTS.index(s.placement))
        if best is None or rank < best[0]:
            best = (rank, i)
    return None if best is None else best[1]


def _apply_part(text: str, items: list[tuple[Section, Origin]], c: CorrectionRecord) -> bool:
    """Apply one part correction to ``items`` in place; False when it finds nothing to act on."""
    assert c.start is not None and c.end is not None
    after = c.after if isinstance(c.after, dict) else {}
    origin = Origin(CORRECTED, c.reviewer_name or None, c.id)
    kind = after.get("kind")
    if c.kind == RELABEL:
        i = _heading_match(items, c.start, c.end, after.get("placement"), after.get("from_kind"))
        if i is None or kind not in ALL_KINDS:
            return False
        items[i] = (replace(items[i][0], kind=kind), origin)
        return True
    if c.kind == NOT_HEADING:
        i = _heading_match(items, c.start, c.end, headed=True)
        if i is None:
            return False
        gone = items.pop(i)[0]
        if gone.placement == "section":
            before = [j for j, (s, _o) in enumerate(items) if s.placement == "section" and s.start < gone.start]
            if before:
                j = max(before, key=lambda j: items[j][0].start)
                items[j] = (replace(items[j][0], end=max(items[j][0].end, gone.end)), items[j][1])
            else:
                items.append((Section("preamble", "", 0, "section", gone.start, gone.end), origin))
        return True
    if c.kind == NEW_PART:
        if kind not in ALL_KINDS:
            return False
        i = _heading_match(items, c.start, c.end, top_only=True)
        heading = _line_heading(text, c.start, c.end)
        if i is not None:  # a part already starts on that line: the reviewer names its kind
            items[i] = (replace(items[i][0], kind=kind), origin)
            return True
        tops = [j for j, (s, _o) in enumerate(items) if s.placement == "section"]
        holder = next((j for j in tops if items[j][0].start < c.start < items[j][0].end), None)
        if holder is not None:
            part = items[holder][0]
            items[holder] = (replace(part, end=max(part.start + 1, _trim_back(text, part.start, c.start))),
                             items[holder][1])
            items.append((Section(kind, heading, 1, "section", c.start, part.end), origin))
            return True
        later = [items[j][0].start for j in tops if items[j][0].start > c.start]
        end = _trim_back(text, c.start, min(later) if later else len(text))
        if end <= c.start:  # nothing but white space before the next part
            return False
        items.append((Section(kind, heading, 1, "section", c.start, end), origin))
        return True
    if c.kind == MARK_PART:
        placement = after.get("placement", "inline")
        if kind not in ALL_KINDS or placement not in PLACEMENTS:
            return False
        items[:] = [(s, o) for s, o in items if not (s.kind == kind and s.placement != "section")]
        if placement == "section":
            overlaps: list[tuple[int, int]] = [(min(s.end, c.end) - max(s.start, c.start), j)
                                               for j, (s, _o) in enumerate(items) if s.placement == "section"]
            overlap, j = max(overlaps, default=(0, -1))
            if overlap <= 0:
                return False
            items[j] = (replace(items[j][0], kind=kind), origin)
            return True
        level = int(after.get("level") or 2)
        items.append((Section(kind, _line_heading(text, c.start, c.end, 40), level, placement, c.start, c.end),
                      origin))
        return True
    return False


def apply_corrections(text: str, metadata: dict, sources: dict, sections: list[Section],
                      corrections: list[CorrectionRecord]) -> Effective:
    """The effective metadata and parts of a document (see the module docstring)."""
    meta = dict(metadata)
    srcs = dict(sources)
    meta_origin = {name: Origin() for name in FIELDS}
    items: list[tuple[Section, Origin]] = [(s, Origin()) for s in sections]
    unapplied: list[str] = []
    missing_confirms: list[CorrectionRecord] = []
    for c in sorted(corrections, key=lambda c: (c.updated_at, c.id)):
        if c.kind == CONFIRM and c.target in FIELDS:
            after = c.after if isinstance(c.after, dict) else {}
            meta[c.target] = after.get("value")
            found = srcs.get(c.target) or ""
            srcs[c.target] = (f"confirmed by {c.reviewer_name}" if c.reviewer_name else "confirmed") + (
                f" (found in: {found})" if found and not found.startswith(("confirmed", "corrected")) else "")
            meta_origin[c.target] = Origin(CONFIRMED, c.reviewer_name or None, c.id)
            continue
        if c.kind == CONFIRM and c.target.startswith(MISSING_PREFIX):
            missing_confirms.append(c)
            continue
        if c.kind == CONFIRM:
            if not c.placed or c.start is None or c.end is None or c.end > len(text) \
                    or not _confirm_part(text, items, c):
                unapplied.append(c.id)
            continue
        if c.kind == FIELD:
            if c.target in FIELDS:
                meta[c.target] = c.after
                srcs[c.target] = f"corrected by {c.reviewer_name}" if c.reviewer_name else "corrected"
                meta_origin[c.target] = Origin(CORRECTED, c.reviewer_name or None, c.id)
            continue
        if not c.placed or c.start is None or c.end is None or c.end > len(text) or not _apply_part(text, items, c):
            unapplied.append(c.id)
    if meta_origin["year"].origin == CORRECTED or meta_origin["published_at"].origin == CORRECTED:
        meta["on_time"] = on_time_for(meta.get("year"), meta.get("published_at"))
        srcs["on_time"] = (f"published {meta['published_at']}, deadline {int(str(meta['year'])) + 1}-04-01"
                           if meta["on_time"] is not None else "")
    # a part the reviewer corrected or confirmed is as sure as it gets: never marked for checking again
    items = [(replace(s, confidence="high", reason="") if o.origin != AUTO and s.confidence != "high" else s, o)
             for s, o in items]
    items.sort(key=lambda it: (it[0].start, PLACEMENTS.index(it[0].placement), -it[0].end))
    effective_sections = [s for s, _o in items]
    missing = missing_kinds(effective_sections)
    missing_origin: dict[str, Origin] = {}
    for c in missing_confirms:  # a confirmed absence holds while the kind is still missing
        kind = c.target[len(MISSING_PREFIX):]
        if kind in missing:
            missing_origin[kind] = Origin(CONFIRMED, c.reviewer_name or None, c.id)
        else:
            unapplied.append(c.id)
    return Effective(meta, srcs, meta_origin, effective_sections, [o for _s, o in items], missing, unapplied,
                     missing_origin)


def _confirm_part(text: str, items: list[tuple[Section, Origin]], c: CorrectionRecord) -> bool:
    """Mark the section of the confirmed kind over the anchor as confirmed; put it back when it was lost."""
    assert c.start is not None and c.end is not None
    after = c.after if isinstance(c.after, dict) else {}
    kind = after.get("kind")
    placement = after.get("placement", "inline")
    if kind not in ALL_KINDS or placement not in PLACEMENTS:
        return False
    origin = Origin(CONFIRMED, c.reviewer_name or None, c.id)
    best: tuple[tuple, int] | None = None
    for i, (s, o) in enumerate(items):
        overlap = min(s.end, c.end) - max(s.start, c.start)
        if s.kind != kind or overlap <= 0 or o.origin == CORRECTED:
            continue
        rank = (s.placement != placement, abs(s.start - c.start))
        if best is None or rank < best[0]:
            best = (rank, i)
    if best is not None:
        items[best[1]] = (items[best[1]][0], origin)
        return True
    if placement == "section":
        return False  # a whole part is never invented: the confirmation waits, listed as not applied
    level = int(after.get("level") or 2)
    heading = str(after.get("heading") or _line_heading(text, c.start, c.end, 40))
    items.append((Section(kind, heading, level, placement, c.start, c.end, "high"), origin))
    return True
