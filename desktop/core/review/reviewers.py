"""Reviewers: the people whose annotations and scores are stored (UUIDs, so databases can be merged)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.clock import now_iso


@dataclass(frozen=True)
class Reviewer:
    id: str
    name: str


def get_or_create_reviewer(db: Database, name: str) -> Reviewer:
    """The reviewer with this name, created (in its own transaction) if new. Names are trimmed."""
    clean = name.strip()
    if not clean:
        raise ValueError("a reviewer needs a name")
    row = db.execute("SELECT id, name FROM reviewers WHERE name = ?", [clean]).fetchone()
    if row:
        return Reviewer(row[0], row[1])
    reviewer = Reviewer(str(uuid.uuid4()), clean)
    with db.atomic():
        db.execute("INSERT INTO reviewers (id, name, created_at) VALUES (?, ?, ?)", [reviewer.id, clean, now_iso()])
    return reviewer


def list_reviewers(db: Database) -> list[Reviewer]:
    return [Reviewer(r[0], r[1]) for r in db.execute("SELECT id, name FROM reviewers ORDER BY name").fetchall()]


def find_reviewer(db: Database, name: str) -> Reviewer | None:
    row = db.execute("SELECT id, name FROM reviewers WHERE name = ?", [name.strip()]).fetchone()
    return Reviewer(row[0], row[1]) if row else None
