"""The codebook: the tags reviewers put on passages, and what each change to it does to annotations.

Every function is one transaction. Deleting a tag and merging tags never delete annotations: a deleted tag is
taken off its annotations (the result says which, and how many are left with no tag at all); a merged tag's
annotations get the target tag instead. Tags are soft-deleted (``deleted_at``) so that undo can bring them
back with the same id. The default codebook (resources/codebook.toml) is loaded the first time it is needed.
"""

from __future__ import annotations

import re
import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError
from desktop.core.resources import resource_path
from desktop.core.storage.database import column, one, scalar
from desktop.core.storage.settings import get_setting, set_setting

DEFAULT_CODEBOOK = resource_path("codebook.toml")
_SEEDED_KEY = "default_codebook_loaded"
# Default tags get ids derived from their key, so databases that started from the same file share tag ids.
_TAG_NAMESPACE = uuid.UUID("6f1c6a52-2d7e-4f0b-9d3e-5b8f0c1a7e21")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class CodebookError(ReviewDeskError):
    """A codebook change that cannot be made (empty or duplicate name, bad colour, unknown tag)."""


@dataclass(frozen=True)
class Tag:
    """One tag of the codebook."""

    id: str
    name: str
    name_en: str
    color: str
    description: str
    description_en: str
    ordinal: int

    def label(self, english: bool = False) -> str:
        return (self.name_en or self.name) if english else self.name


@dataclass(frozen=True)
class TagRemoval:
    """What deleting a tag did: the annotations it was taken off, and those left with no tag at all."""

    tag: Tag
    annotation_ids: tuple[str, ...]
    left_untagged: tuple[str, ...]


@dataclass(frozen=True)
class TagMerge:
    """What merging ``source`` into ``target`` did.

    ``annotation_ids`` carried the source tag; ``newly_tagged`` are those that did not carry the target tag
    before (the others already had both and simply lost the source tag).
    """

    source: Tag
    target: Tag
    annotation_ids: tuple[str, ...]
    newly_tagged: tuple[str, ...]


_TAG_COLUMNS = "id, name, name_en, color, description, description_en, ordinal"


def _tag(row: dict[str, Any]) -> Tag:
    return Tag(**row)  # the names of _TAG_COLUMNS are Tag's fields


def default_tag_id(key: str) -> str:
    """The stable id of a default tag."""
    return str(uuid.uuid5(_TAG_NAMESPACE, key))


def read_codebook_file(path: Path = DEFAULT_CODEBOOK) -> list[dict]:
    """The tags of a codebook TOML file, checked; raises CodebookError naming the file and the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CodebookError(f"{path}: cannot read the codebook ({exc}); restore the file from the installation") from exc
    tags = data.get("tag", [])
    for i, entry in enumerate(tags, 1):
        for field in ("key", "name", "color"):
            if not str(entry.get(field, "")).strip():
                raise CodebookError(f"{path}: tag {i} has no {field}; every [[tag]] needs key, name and color")
        if not _COLOR.match(entry["color"]):
            raise CodebookError(f"{path}: tag {entry['name']} has colour {entry['color']!r}; use #rrggbb")
    return tags


def codebook_loaded(db: Database) -> bool:
    """Whether the database has had its codebook set up (so reading it needs no write)."""
    return bool(get_setting(db, _SEEDED_KEY))


def ensure_default_codebook(db: Database, path: Path = DEFAULT_CODEBOOK) -> int:
    """Load the default codebook into a database that never had one; returns the number of tags added.

    Runs once per database (a setting records it), so tags a reviewer deleted do not come back.
    """
    if get_setting(db, _SEEDED_KEY):
        return 0
    if scalar(db, "SELECT count(*) FROM tags"):
        set_setting(db, _SEEDED_KEY, "1")
        return 0
    entries = read_codebook_file(path)
    stamp = now_iso()
    with db.atomic():
        for ordinal, entry in enumerate(entries):
            db.execute(
                "INSERT OR IGNORE INTO tags (id, name, name_en, color, description, description_en, ordinal, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [default_tag_id(entry["key"]), entry["name"].strip(), entry.get("name_en", "").strip(),
                 entry["color"].lower(), entry.get("description", ""), entry.get("description_en", ""),
                 ordinal, stamp, stamp],
            )
        set_setting(db, _SEEDED_KEY, "1")
    return len(entries)


def list_tags(db: Database) -> list[Tag]:
    """The live tags in codebook order (loading the default codebook first if the database has none)."""
    ensure_default_codebook(db)
    rows = db.query(f"SELECT {_TAG_COLUMNS} FROM tags WHERE deleted_at IS NULL ORDER BY ordinal, name")
    return [_tag(r) for r in rows]


def get_tag(db: Database, tag_id: str, *, include_deleted: bool = False) -> Tag:
    """One tag; raises CodebookError when there is no such (live) tag."""
    sql = f"SELECT {_TAG_COLUMNS} FROM tags WHERE id = ?" + ("" if include_deleted else " AND deleted_at IS NULL")
    row = one(db, sql, [tag_id])
    if row is None:
        raise CodebookError(f"no tag with id {tag_id} in the codebook (it may have been deleted or merged)")
    return _tag(row)


def tag_usage(db: Database) -> dict[str, int]:
    """How many live annotations carry each tag."""
    rows = db.query(
        "SELECT at.tag_id, count(*) AS n FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id "
        "WHERE a.deleted_at IS NULL GROUP BY at.tag_id")
    return {row["tag_id"]: row["n"] for row in rows}


def _check_name(db: Database, name: str, exclude_id: str | None = None) -> str:
    clean = name.strip()
    if not clean:
        raise CodebookError("a tag needs a name")
    row = one(db, "SELECT id FROM tags WHERE name = ? AND deleted_at IS NULL AND id IS NOT ?", [clean, exclude_id])
    if row:
        raise CodebookError(f"the codebook already has a tag named {clean!r}; choose another name or merge the two")
    return clean


def _check_color(color: str) -> str:
    if not _COLOR.match(color.strip()):
        raise CodebookError(f"colour {color!r} is not of the form #rrggbb")
    return color.strip().lower()


def create_tag(db: Database, name: str, color: str, *, name_en: str = "", description: str = "",
               description_en: str = "", tag_id: str | None = None) -> Tag:
    """Add a tag at the end of the codebook and return it."""
    ensure_default_codebook(db)
    with db.atomic():
        clean = _check_name(db, name)
        colour = _check_color(color)
        ordinal = scalar(db, "SELECT coalesce(max(ordinal), -1) + 1 AS next FROM tags")
        new_id = tag_id or str(uuid.uuid4())
        stamp = now_iso()
        db.execute(
            "INSERT INTO tags (id, name, name_en, color, description, description_en, ordinal, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [new_id, clean, name_en.strip(), colour, description, description_en, ordinal, stamp, stamp])
    return get_tag(db, new_id)


def update_tag(db: Database, tag_id: str, *, name: str | None = None, name_en: str | None = None,
               color: str | None = None, description: str | None = None,
               description_en: str | None = None) -> Tag:
    """Rename, recolour or re-describe a tag (fields left None are kept); returns the tag as it now is."""
    with db.atomic():
        old = get_tag(db, tag_id)
        values = {
            "name": old.name if name is None else _check_name(db, name, tag_id),
            "name_en": old.name_en if name_en is None else name_en.strip(),
            "color": old.color if color is None else _check_color(color),
            "description": old.description if description is None else description,
            "description_en": old.description_en if description_en is None else description_en,
        }
        db.execute("UPDATE tags SET name = ?, name_en = ?, color = ?, description = ?, description_en = ?, "
                   "updated_at = ? WHERE id = ?", [*values.values(), now_iso(), tag_id])
    return get_tag(db, tag_id)


def rename_tag(db: Database, tag_id: str, name: str, name_en: str | None = None) -> Tag:
    return update_tag(db, tag_id, name=name, name_en=name_en)


def recolour_tag(db: Database, tag_id: str, color: str) -> Tag:
    return update_tag(db, tag_id, color=color)


def _tagged(db: Database, tag_id: str) -> list[str]:
    return column(db, "SELECT annotation_id FROM annotation_tags WHERE tag_id = ? ORDER BY annotation_id", [tag_id])


def _live(db: Database, ids: list[str]) -> list[str]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return column(db, f"SELECT id FROM annotations WHERE id IN ({marks}) AND deleted_at IS NULL ORDER BY id", ids)


def removal_preview(db: Database, tag_id: str) -> TagRemoval:
    """What :func:`delete_tag` would do, without doing it (counted over live annotations)."""
    tag = get_tag(db, tag_id)
    live = _live(db, _tagged(db, tag_id))
    untagged = [a for a in live if scalar(
        db, "SELECT count(*) FROM annotation_tags WHERE annotation_id = ?", [a]) == 1]
    return TagRemoval(tag, tuple(live), tuple(untagged))


def delete_tag(db: Database, tag_id: str) -> TagRemoval:
    """Delete a tag: it is taken off every annotation (which stay, with their comments); returns what changed.

    ``annotation_ids`` of the result lists every annotation that carried the tag (deleted ones too, so that
    :func:`restore_tag` puts everything back); ``left_untagged`` the live ones that now have no tag.
    """
    with db.atomic():
        preview = removal_preview(db, tag_id)
        every = _tagged(db, tag_id)
        db.execute("DELETE FROM annotation_tags WHERE tag_id = ?", [tag_id])
        db.execute("UPDATE tags SET deleted_at = ?, updated_at = ? WHERE id = ?", [now_iso(), now_iso(), tag_id])
    return TagRemoval(preview.tag, tuple(every), preview.left_untagged)


def restore_tag(db: Database, tag_id: str, annotation_ids: tuple[str, ...] | list[str] = ()) -> Tag:
    """Undo a deletion: the tag is live again and back on the given annotations."""
    with db.atomic():
        tag = get_tag(db, tag_id, include_deleted=True)
        _check_name(db, tag.name, tag_id)
        db.execute("UPDATE tags SET deleted_at = NULL, merged_into = NULL, updated_at = ? WHERE id = ?",
                   [now_iso(), tag_id])
        db.conn.executemany("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) "
                            "SELECT id, ? FROM annotations WHERE id = ?", [(tag_id, a) for a in annotation_ids])
    return get_tag(db, tag_id)


def merge_tags(db: Database, source_id: str, target_id: str) -> TagMerge:
    """Merge ``source`` into ``target``: its annotations get the target tag, and the source tag is retired."""
    if source_id == target_id:
        raise CodebookError("a tag cannot be merged into itself")
    with db.atomic():
        source, target = get_tag(db, source_id), get_tag(db, target_id)
        ids = _tagged(db, source_id)
        had_target = set(_tagged(db, target_id))
        newly = [a for a in ids if a not in had_target]
        db.conn.executemany("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                            [(a, target_id) for a in newly])
        db.execute("DELETE FROM annotation_tags WHERE tag_id = ?", [source_id])
        stamp = now_iso()
        db.execute("UPDATE tags SET deleted_at = ?, merged_into = ?, updated_at = ? WHERE id = ?",
                   [stamp, target_id, stamp, source_id])
    return TagMerge(source, target, tuple(ids), tuple(newly))


def unmerge_tags(db: Database, merge: TagMerge) -> None:
    """Undo a merge: the source tag is back on its annotations, and taken off those it was added to."""
    with db.atomic():
        restore_tag(db, merge.source.id, merge.annotation_ids)
        db.conn.executemany("DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?",
                            [(a, merge.target.id) for a in merge.newly_tagged])


def purge_created_tag(db: Database, tag_id: str) -> None:
    """Undo the creation of a tag: soft-delete it (it carries no annotations yet, or loses them)."""
    delete_tag(db, tag_id)
