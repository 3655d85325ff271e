"""Helpers for the scoring and export tests: real tags and annotations made through the core's own functions."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.core.annotations import create_annotation
from desktop.core.codebook import create_tag
from desktop.core.storage.documents import get_document


def add_tag(db: Database, name: str, name_en: str = "", color: str = "#e07a5f") -> str:
    return create_tag(db, name, color, name_en=name_en).id


def add_annotation(db: Database, document_id: str, reviewer_id: str, start: int, end: int, comment: str = "",
                   tag_ids: tuple[str, ...] = (), criterion_id: str | None = None) -> str:
    """An annotation over text[start:end] of the document (trimmed of white space, as the editor does)."""
    return create_annotation(db, document_id, start, end, reviewer_id=reviewer_id, tag_ids=tag_ids,
                             comment=comment, criterion_id=criterion_id).id


def section_span(db: Database, document_id: str, kind: str) -> tuple[int, int]:
    """The [start, end) of the document's first section of a kind."""
    for s in get_document(db, document_id).sections:
        if s.kind == kind:
            return s.start, s.end
    raise LookupError(f"no {kind} section in {document_id}")
