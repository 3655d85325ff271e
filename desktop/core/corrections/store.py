"""The corrections table and the effective values it gives a document (storage side).

The rows of ``documents`` (title … published_at, on_time, missing, metadata_sources) and ``sections`` hold the
*effective* values: what segmentation found with the reviewer's live corrections applied
(desktop.core.corrections.apply). Every reader — corpus table, filters, search, banners, alignment, aids,
suggestions, exports, ``list --json`` — therefore sees corrected values without knowing about corrections.
While a document has live corrections, ``documents.auto_segmentation`` keeps what segmentation found, so that
:func:`refresh_effective` can recompute the effective values after any change: a correction added, reset or
undone, a re-segmentation, a re-import, a merge. Without live corrections it is NULL and the columns are the
automatic values.

Creating corrections and re-anchoring them belongs to desktop.core.corrections.records; this module only reads
and writes rows.
"""

from __future__ import annotations

import dataclasses
import json

from sqlite_utils import Database

from desktop.core.collation import pinyin_sort_key
from desktop.core.corrections.apply import FIELDS, CorrectionRecord, Effective, apply_corrections
from desktop.core.segmentation.segment import Section, Segmentation
from desktop.core.storage.database import one
from desktop.core.storage.passages import passages_follow_skips

_META_COLUMNS = ("title", "agency", "year", "doc_number", "doc_date", "published_at", "source", "on_time")


def live_corrections(db: Database, document_id: str) -> list[CorrectionRecord]:
    """A document's corrections that are not deleted, oldest first, as the apply step needs them."""
    rows = db.query(
        "SELECT c.id, c.kind, c.target, c.after, c.start, c.\"end\", c.status, coalesce(r.name, '') AS reviewer, "
        "c.updated_at FROM corrections c LEFT JOIN reviewers r ON r.id = c.reviewer_id "
        "WHERE c.document_id = ? AND c.deleted_at IS NULL ORDER BY c.updated_at, c.id", [document_id])
    return [CorrectionRecord(r["id"], r["kind"], r["target"], json.loads(r["after"]) if r["after"] is not None else None,
                             r["start"], r["end"], r["status"] != "orphan", r["reviewer"], r["updated_at"])
            for r in rows]


def _section_json(section: Section) -> dict:
    return dataclasses.asdict(section)  # every field, so fields segmentation adds later survive the round trip


def auto_json(seg: Segmentation) -> str:
    """What segmentation found, as kept in ``documents.auto_segmentation``."""
    return json.dumps({"metadata": seg.metadata.values(), "sources": seg.metadata.sources(),
                       "sections": [_section_json(s) for s in seg.sections]}, ensure_ascii=False)


@dataclasses.dataclass
class AutoValues:
    """The automatic metadata, sources and sections of a stored document."""

    text: str
    metadata: dict
    sources: dict
    sections: list[Section]


def _read_sections(db: Database, document_id: str) -> list[Section]:
    return [Section(r["kind"], r["heading"], r["level"], r["placement"], r["start"], r["end"], r["confidence"],
                    r["reason"]) for r in db.query(
        'SELECT kind, heading, level, placement, start, "end", confidence, reason FROM sections WHERE document_id = ? '
        "ORDER BY ordinal",
        [document_id])]


def auto_values(db: Database, document_id: str) -> AutoValues | None:
    """What segmentation found for a document (from the kept JSON, or the columns when it has no corrections)."""
    row = one(db, f"SELECT text, auto_segmentation, metadata_sources, {', '.join(_META_COLUMNS)} "
              "FROM documents WHERE id = ?", [document_id])
    if row is None:
        return None
    text, kept, sources = row["text"], row["auto_segmentation"], row["metadata_sources"]
    if kept is not None:
        data = json.loads(kept)
        fields = {f.name for f in dataclasses.fields(Section)}
        sections = [Section(**{k: v for k, v in s.items() if k in fields}) for s in data["sections"]]
        return AutoValues(text, data["metadata"], data["sources"], sections)
    metadata = {c: row[c] for c in _META_COLUMNS}
    if metadata["on_time"] is not None:
        metadata["on_time"] = bool(metadata["on_time"])
    return AutoValues(text, metadata, json.loads(sources), _read_sections(db, document_id))


def _auto_from_values(auto: AutoValues) -> str:
    return json.dumps({"metadata": auto.metadata, "sources": auto.sources,
                       "sections": [_section_json(s) for s in auto.sections]}, ensure_ascii=False)


def write_sections(db: Database, document_id: str, sections: list[Section]) -> None:
    """Replace a document's sections rows (the one writer of that table: automatic and effective values alike)."""
    db.execute("DELETE FROM sections WHERE document_id = ?", [document_id])
    insert_sections(db, [(document_id, sections)])


def insert_sections(db: Database, documents: list[tuple[str, list[Section]]]) -> None:
    """Add the sections rows of documents that have none yet (a batch of new documents: one ``executemany``)."""
    db.conn.executemany(
        'INSERT INTO sections (document_id, ordinal, kind, heading, level, placement, start, "end", confidence, '
        "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(document_id, i, s.kind, s.heading, s.level, s.placement, s.start, s.end, s.confidence, s.reason)
         for document_id, sections in documents for i, s in enumerate(sections)])


def _write_metadata(db: Database, document_id: str, metadata: dict, sources: dict, missing: list[str],
                    kept: str | None) -> None:
    on_time = metadata.get("on_time")
    db.execute("UPDATE documents SET title = ?, agency = ?, year = ?, doc_number = ?, doc_date = ?, published_at = ?, "
               "on_time = ?, missing = ?, metadata_sources = ?, auto_segmentation = ?, agency_key = ? WHERE id = ?",
               [*(metadata.get(name) for name in FIELDS), None if on_time is None else int(on_time),
                json.dumps(missing), json.dumps(sources, ensure_ascii=False), kept,
                pinyin_sort_key(metadata.get("agency")), document_id])


def effective_values(db: Database, document_id: str) -> tuple[AutoValues, Effective] | None:
    """A document's automatic values and its effective ones (computed, not written)."""
    auto = auto_values(db, document_id)
    if auto is None:
        return None
    return auto, apply_corrections(auto.text, auto.metadata, auto.sources, auto.sections,
                                   live_corrections(db, document_id))


def refresh_effective(db: Database, document_id: str) -> Effective | None:
    """Recompute and store a document's effective values from its automatic ones and live corrections.

    Runs inside the caller's transaction. Without live corrections the automatic values are put back and
    ``auto_segmentation`` is cleared.
    """
    found = effective_values(db, document_id)
    if found is None:
        return None
    auto, effective = found
    live = db.execute("SELECT 1 FROM corrections WHERE document_id = ? AND deleted_at IS NULL LIMIT 1",
                      [document_id]).fetchone() is not None
    kept = _auto_from_values(auto) if live else None
    _write_metadata(db, document_id, effective.metadata, effective.sources, effective.missing, kept)
    with passages_follow_skips(db, [document_id]):  # a corrected part moves the heading the index skips
        write_sections(db, document_id, effective.sections)
    return effective


def after_segmentation(db: Database, document_id: str, seg: Segmentation) -> None:
    """Called when new automatic values were written for a document (import, re-import, re-segmentation).

    The columns and sections now hold ``seg``'s values; when the document has live corrections they are kept
    as its automatic values and the corrections are applied again on top of them.
    """
    live = db.execute("SELECT 1 FROM corrections WHERE document_id = ? AND deleted_at IS NULL LIMIT 1",
                      [document_id]).fetchone() is not None
    db.execute("UPDATE documents SET auto_segmentation = ? WHERE id = ?",
               [auto_json(seg) if live else None, document_id])
    if live:
        refresh_effective(db, document_id)
