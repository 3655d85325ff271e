"""The reviewer's rewrites of summary paragraphs and the quotes picked for it, one transaction per change.

A rewrite (:class:`Edit`) is stored per (scope, paragraph key) with the figures the generated paragraph showed when
it was written; :func:`put_edit` writes a whole state (None soft-deletes: back to the generated text), which is
what undo and redo need. Quote picks (:class:`Pick`) are stored per (scope, tag) as an ordered list of annotation
ids. Every mutator returns the state before and after.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError

MAX_PICKS = 3


class EditError(ReviewDeskError):
    """A rewrite or pick that cannot be stored (an empty text, too many quotes, an unknown annotation)."""


@dataclass(frozen=True)
class Edit:
    scope: str
    paragraph: str
    text: str
    figures: dict[str, str]
    edited_by: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class EditChange:
    old: Edit | None
    new: Edit | None


@dataclass(frozen=True)
class Pick:
    scope: str
    tag_id: str
    annotation_ids: tuple[str, ...]
    picked_by: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class PickChange:
    old: Pick | None
    new: Pick | None


def get_edit(db: Database, scope: str, paragraph: str) -> Edit | None:
    for row in db.query("SELECT scope, paragraph, text, figures, edited_by, updated_at FROM summary_edits "
                        "WHERE scope = ? AND paragraph = ? AND deleted_at IS NULL", [scope, paragraph]):
        return Edit(row["scope"], row["paragraph"], row["text"], json.loads(row["figures"]), row["edited_by"],
                    row["updated_at"])
    return None


def list_edits(db: Database, scope: str) -> dict[str, Edit]:
    """The live rewrites of a scope, by paragraph key."""
    return {row["paragraph"]: Edit(row["scope"], row["paragraph"], row["text"], json.loads(row["figures"]),
                                   row["edited_by"], row["updated_at"])
            for row in db.query("SELECT scope, paragraph, text, figures, edited_by, updated_at FROM summary_edits "
                                "WHERE scope = ? AND deleted_at IS NULL", [scope])}


def put_edit(db: Database, scope: str, paragraph: str, edit: Edit | None) -> EditChange:
    """Write a paragraph's rewrite state (None: no rewrite, the generated text is shown)."""
    if edit is not None and not edit.text.strip():
        raise EditError("a rewritten paragraph cannot be empty; write the text, or go back to the generated text")
    now = now_iso()
    with db.atomic():
        old = get_edit(db, scope, paragraph)
        if edit is None:
            db.execute("UPDATE summary_edits SET deleted_at = ?, updated_at = ? WHERE scope = ? AND paragraph = ? "
                       "AND deleted_at IS NULL", [now, now, scope, paragraph])
            return EditChange(old, None)
        db.execute("INSERT INTO summary_edits (id, scope, paragraph, text, figures, edited_by, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(scope, paragraph) DO UPDATE SET text = excluded.text, "
                   "figures = excluded.figures, edited_by = excluded.edited_by, updated_at = excluded.updated_at, "
                   "deleted_at = NULL",
                   [str(uuid.uuid4()), scope, paragraph, edit.text, json.dumps(edit.figures, ensure_ascii=False,
                                                                               sort_keys=True),
                    edit.edited_by, now, now])
        return EditChange(old, get_edit(db, scope, paragraph))


def set_edit(db: Database, scope: str, paragraph: str, text: str, figures: dict[str, str],
             by: str = "") -> EditChange:
    """Store the reviewer's text for a paragraph with the figures the generated paragraph shows now."""
    return put_edit(db, scope, paragraph, Edit(scope, paragraph, text, dict(figures), by))


def get_pick(db: Database, scope: str, tag_id: str) -> Pick | None:
    for row in db.query("SELECT scope, tag_id, annotation_ids, picked_by, updated_at FROM summary_quotes "
                        "WHERE scope = ? AND tag_id = ? AND deleted_at IS NULL", [scope, tag_id]):
        return Pick(row["scope"], row["tag_id"], tuple(json.loads(row["annotation_ids"])), row["picked_by"],
                    row["updated_at"])
    return None


def list_picks(db: Database, scope: str) -> dict[str, list[str]]:
    """Tag id -> the annotation ids picked as its typical quotes."""
    return {row["tag_id"]: list(json.loads(row["annotation_ids"]))
            for row in db.query("SELECT tag_id, annotation_ids FROM summary_quotes WHERE scope = ? "
                                "AND deleted_at IS NULL", [scope])}


def put_pick(db: Database, scope: str, tag_id: str, pick: Pick | None) -> PickChange:
    """Write the quotes picked for a tag (None or no ids: back to the first ones)."""
    now = now_iso()
    with db.atomic():
        old = get_pick(db, scope, tag_id)
        if pick is None or not pick.annotation_ids:
            db.execute("UPDATE summary_quotes SET deleted_at = ?, updated_at = ? WHERE scope = ? AND tag_id = ? "
                       "AND deleted_at IS NULL", [now, now, scope, tag_id])
            return PickChange(old, None)
        ids = list(dict.fromkeys(pick.annotation_ids))
        if len(ids) > MAX_PICKS:
            raise EditError(f"pick at most {MAX_PICKS} typical quotes per problem ({len(ids)} were chosen)")
        marks = ",".join("?" * len(ids))
        found = {row["id"] for row in db.query(
            f"SELECT a.id FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id WHERE a.id IN ({marks}) "
            "AND t.tag_id = ? AND a.deleted_at IS NULL", [*ids, tag_id])}
        unknown = [i for i in ids if i not in found]
        if unknown:
            raise EditError(f"annotation(s) {', '.join(unknown)} do not exist or do not carry this tag; pick among "
                            "the tagged annotations")
        db.execute("INSERT INTO summary_quotes (id, scope, tag_id, annotation_ids, picked_by, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(scope, tag_id) DO UPDATE SET "
                   "annotation_ids = excluded.annotation_ids, picked_by = excluded.picked_by, "
                   "updated_at = excluded.updated_at, deleted_at = NULL",
                   [str(uuid.uuid4()), scope, tag_id, json.dumps(ids), pick.picked_by, now, now])
        return PickChange(old, get_pick(db, scope, tag_id))


def set_pick(db: Database, scope: str, tag_id: str, annotation_ids: list[str], by: str = "") -> PickChange:
    return put_pick(db, scope, tag_id, Pick(scope, tag_id, tuple(annotation_ids), by))
