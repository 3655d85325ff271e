"""Merge conflicts kept for someone to choose: list them, keep the applied version or put the other one back.

When a package and this database both changed the same row since the package was made, merge applied the newer
version and kept the other in ``merge_conflicts`` (whole, as JSON). :func:`resolve_conflict` either keeps what was
applied or writes the other version's differing values back into the row (an annotation's tags too), and records
who chose and when. Nothing is deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError

KEEP, OTHER = "kept", "other"
# table -> the kinds of change a resolution announces
_KINDS = {"annotations": ("annotations",), "scores": ("scores", "reviews"), "reviews": ("reviews",),
          "agency_identity": ("documents",), "promise_matches": ("documents",)}


class ConflictError(ReviewDeskError):
    """A conflict that cannot be resolved (unknown, already resolved, its row gone)."""


@dataclass(frozen=True)
class Conflict:
    """One row both sides changed: the version applied and the other one."""

    id: str
    table: str
    row_id: str
    document_id: str | None
    document: str          # the report's title or file name
    reviewer: str
    fields: tuple[str, ...]
    applied: dict[str, Any]
    other: dict[str, Any]
    source: str
    created_at: str
    resolution: str | None = None

    def describe(self, which: str) -> str:
        """The differing values of one version (``applied`` or ``other``), ``field: value`` per line."""
        version = self.applied if which == KEEP else self.other
        return "\n".join(f"{f}: {_show(version.get(f))}" for f in self.fields)


def _show(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def list_conflicts(db: Database, *, include_resolved: bool = False) -> list[Conflict]:
    """The conflicts kept by merges, oldest first (unresolved ones only unless ``include_resolved``)."""
    rows = db.query(
        "SELECT c.id, c.table_name, c.row_id, c.document_id, "
        "coalesce(nullif(d.title, ''), d.name, c.document_id, '') AS document, coalesce(r.name, '') AS reviewer, "
        "c.fields, c.applied, c.other, c.source, c.created_at, c.resolution "
        "FROM merge_conflicts c LEFT JOIN documents d ON d.id = c.document_id "
        "LEFT JOIN reviewers r ON r.id = c.reviewer_id "
        + ("" if include_resolved else "WHERE c.resolved_at IS NULL ") + "ORDER BY c.created_at, c.rowid")
    return [Conflict(r["id"], r["table_name"], r["row_id"], r["document_id"], r["document"] or "", r["reviewer"],
                     tuple(f for f in r["fields"].split(",") if f), _load(r["applied"]), _load(r["other"]),
                     r["source"], r["created_at"], r["resolution"]) for r in rows]


def _load(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def resolve_conflict(db: Database, conflict_id: str, choice: str, by: str = "") -> Changes:
    """Keep the applied version (``KEEP``) or write the other one back (``OTHER``); returns what changed."""
    if choice not in (KEEP, OTHER):
        raise ConflictError(f"choose {KEEP!r} or {OTHER!r}, not {choice!r}")
    found = [c for c in list_conflicts(db) if c.id == conflict_id]
    if not found:
        raise ConflictError(f"no open merge conflict with id {conflict_id}; it may have been resolved already")
    conflict = found[0]
    now = now_iso()
    with db.atomic():
        if choice == OTHER:
            _write_other(db, conflict, now)
        db.execute("UPDATE merge_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
                   [now, by, choice, conflict_id])
    if choice == KEEP:
        return Changes.of()
    kinds = _KINDS.get(conflict.table, ("documents",))
    return Changes.of(*kinds, document_ids=[conflict.document_id] if conflict.document_id else [])


def _write_other(db: Database, conflict: Conflict, now: str) -> None:
    table = conflict.table
    if table not in _KINDS:
        raise ConflictError(f"a conflict in {table} cannot be written back here")
    columns = {r["name"] for r in db.query(f"PRAGMA table_info({table})")}
    if not db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [conflict.row_id]).fetchone():
        raise ConflictError(f"the {table} row of this conflict is no longer in the database")
    values = {f: conflict.other.get(f) for f in conflict.fields if f in columns and f not in ("id", "seq")}
    if "updated_at" in columns:
        values["updated_at"] = now
    if values:
        sets = ", ".join(f'"{c}" = ?' for c in values)
        db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*values.values(), conflict.row_id])
    if table == "annotations" and "tags" in conflict.fields and isinstance(conflict.other.get("tags"), list):
        db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [conflict.row_id])
        for tag in conflict.other["tags"]:
            if db.execute("SELECT 1 FROM tags WHERE id = ?", [tag]).fetchone():
                db.execute("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                           [conflict.row_id, tag])
