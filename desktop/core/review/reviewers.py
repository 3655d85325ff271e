"""Reviewers: the people whose annotations and scores are stored (UUIDs, so databases can be merged).

A name is stored normalised (:func:`clean_name`: NFKC, invisible characters removed, spaces collapsed), so that
``王明`` typed with a zero-width space is the same 王明. A name that differs from an existing one only in spaces,
width or letter case (``王 明`` beside ``王明``) is a look-alike: it is refused where names are first entered,
since two reviewers who look the same on every sheet cannot be told apart.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError
from desktop.core.storage.database import column, one
from desktop.core.storage.limits import MAX_KEY_CHARS
from desktop.core.text import INVISIBLE, fold_width

MAX_REVIEWER_NAME_CHARS = MAX_KEY_CHARS  # as merge checks it


class ReviewerNameError(ReviewDeskError, ValueError):
    """A reviewer name that cannot be stored (empty, too long, a look-alike of another reviewer's name)."""


@dataclass(frozen=True)
class Reviewer:
    id: str
    name: str


def clean_name(name: str) -> str:
    """The stored form of a name: NFKC, no invisible or control characters, runs of spaces made one, trimmed."""
    text = unicodedata.normalize("NFKC", name)
    text = INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\t\n")
    return re.sub(r"\s+", " ", text).strip()


def name_key(name: str) -> str:
    """What two names that look alike share: the clean name without spaces, width-folded, case-folded."""
    return re.sub(r"\s+", "", fold_width(clean_name(name))).casefold()


def check_new_name(db: Database, name: str, *, schema: str = "main") -> str:
    """The clean form of a name about to be stored for a new reviewer; refused when empty, too long or a
    look-alike of an existing reviewer's name (ReviewerNameError)."""
    clean = clean_name(name)
    if not clean:
        raise ReviewerNameError("a reviewer needs a name")
    if len(clean) > MAX_REVIEWER_NAME_CHARS:
        raise ReviewerNameError(f"a reviewer name is at most {MAX_REVIEWER_NAME_CHARS} characters "
                                f"(this one has {len(clean)})")
    key = name_key(clean)
    for existing in column(db, f"SELECT name FROM {schema}.reviewers"):
        if existing != clean and name_key(existing) == key:
            raise ReviewerNameError(
                f"{clean!r} looks like the existing reviewer {existing!r} (they differ only in spaces, width or "
                f"letter case); use {existing!r} exactly, or a name that is clearly different")
    return clean


def get_or_create_reviewer(db: Database, name: str) -> Reviewer:
    """The reviewer with this (clean) name, created in its own transaction if new; a look-alike of an existing
    name is refused (ReviewerNameError)."""
    found = find_reviewer(db, name)
    if found is not None:
        return found
    clean = check_new_name(db, name)
    reviewer = Reviewer(str(uuid.uuid4()), clean)
    with db.atomic():
        db.execute("INSERT INTO reviewers (id, name, created_at) VALUES (?, ?, ?)", [reviewer.id, clean, now_iso()])
    return reviewer


def list_reviewers(db: Database) -> list[Reviewer]:
    return [Reviewer(r["id"], r["name"]) for r in db.query("SELECT id, name FROM reviewers ORDER BY name")]


def find_reviewer(db: Database, name: str) -> Reviewer | None:
    """The reviewer of this name, compared in clean form (a stray zero-width space or full-width letter does
    not make another person)."""
    clean = clean_name(name)
    row = one(db, "SELECT id, name FROM reviewers WHERE name = ?", [clean])
    if row is None and clean:
        row = next((r for r in db.query("SELECT id, name FROM reviewers") if clean_name(r["name"]) == clean), None)
    return Reviewer(row["id"], row["name"]) if row else None


def find_reviewer_loosely(db: Database, name: str) -> Reviewer | None:
    """The one reviewer whose name looks like ``name`` (spaces and full-width forms ignored), as a clerk reads a
    name written on a paper sheet; None when none or several do."""
    exact = find_reviewer(db, name)
    if exact is not None:
        return exact
    key = name_key(name)
    found = [Reviewer(r["id"], r["name"]) for r in db.query("SELECT id, name FROM reviewers")
             if name_key(r["name"]) == key]
    return found[0] if len(found) == 1 else None
