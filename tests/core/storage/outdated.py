"""Databases as an older segmenter left them, for the re-segmentation tests (core, child process and GUI)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.storage import open_database
from desktop.core.storage.resegment import count_outdated


def age(db, doc_ids: list[str] | None = None) -> None:
    """Make documents (all, or those named) look as an old segmenter left them: segmenter version 1, other
    metadata (agency, year, type), the part "achievements" said missing and its sections gone."""
    chosen = f"id IN ({', '.join('?' * len(doc_ids))})" if doc_ids is not None else "1"
    ids = list(doc_ids or [])
    with db.atomic():
        db.execute("UPDATE documents SET segmenter_version = 1, agency = 'old agency', year = 1999, missing = ?, "
                   f"doc_type = 'annual_report', metadata_confidence = '{{}}' WHERE {chosen}",
                   [json.dumps(["achievements"]), *ids])
        db.execute(f"DELETE FROM sections WHERE kind = 'achievements' AND document_id IN "
                   f"(SELECT id FROM documents WHERE {chosen})", ids)


def age_file(path: Path) -> None:
    """:func:`age` every document of the database file at ``path``."""
    db = open_database(path)
    try:
        age(db)
    finally:
        db.conn.close()


def outdated_in(path: Path) -> int:
    """How many documents of the database file at ``path`` an older segmenter left."""
    db = open_database(path)
    try:
        return count_outdated(db)
    finally:
        db.conn.close()
