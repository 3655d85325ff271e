"""Helpers for the scoring and export tests: real annotation and tag rows written as the schema defines them."""

from __future__ import annotations

import uuid

from sqlite_utils import Database

from desktop.core.storage.documents import get_document, now_iso


def add_tag(db: Database, name: str, name_en: str = "") -> str:
    tag_id = str(uuid.uuid4())
    now = now_iso()
    with db.atomic():
        db.execute("INSERT INTO tags (id, name, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                   [tag_id, name, name_en, now, now])
    return tag_id


def add_annotation(db: Database, document_id: str, reviewer_id: str, start: int, end: int, comment: str = "",
                   tag_ids: tuple[str, ...] = (), criterion_id: str | None = None) -> str:
    """An annotation over text[start:end] of the document, with its quote, prefix and suffix."""
    text = get_document(db, document_id).text
    annotation_id = str(uuid.uuid4())
    now = now_iso()
    with db.atomic():
        db.execute('INSERT INTO annotations (id, document_id, reviewer_id, start, "end", quote, prefix, suffix, '
                   "comment, criterion_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [annotation_id, document_id, reviewer_id, start, end, text[start:end], text[max(0, start - 32):start],
                    text[end:end + 32], comment, criterion_id, now, now])
        db.conn.executemany("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                            [(annotation_id, t) for t in tag_ids])
    return annotation_id


def section_span(db: Database, document_id: str, kind: str) -> tuple[int, int]:
    """The [start, end) of the document's first section of a kind."""
    for s in get_document(db, document_id).sections:
        if s.kind == kind:
            return s.start, s.end
    raise LookupError(f"no {kind} section in {document_id}")
