"""Annotations: passages of a document marked with tags, a comment and optionally a rubric criterion.

Each function is one transaction. Deleting is soft (``deleted_at``) so that undo restores the same row;
listings leave deleted annotations out. Offsets are into the frozen document text; the quote and its
context (see desktop.core.compare.anchoring) are stored with them so that an annotation survives a re-import.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.compare.anchoring import make_anchor, trim_span
from desktop.core.errors import ReviewDeskError
from desktop.core.segmentation.segment import Section
from desktop.core.storage.database import one, scalar
from desktop.core.storage.limits import MAX_COMMENT_CHARS, too_long

ANCHORED, ORPHAN = "anchored", "orphan"
_KEEP = object()


class AnnotationError(ReviewDeskError):
    """An annotation change that cannot be made (unknown document, tag or annotation; empty passage)."""


@dataclass(frozen=True)
class Annotation:
    """One annotation as stored, with its tags, its reviewer's name and the kind of section it lies in."""

    id: str
    document_id: str
    reviewer_id: str | None
    reviewer_name: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    comment: str
    criterion_id: str | None
    status: str
    anchored_by: str
    anchor_score: float | None
    tag_ids: tuple[str, ...]
    created_at: str
    updated_at: str
    deleted_at: str | None
    section_kind: str | None = None

    @property
    def orphan(self) -> bool:
        return self.status == ORPHAN


@dataclass(frozen=True)
class Content:
    """The editable part of an annotation (what an edit changes and its undo puts back)."""

    tag_ids: tuple[str, ...]
    comment: str
    criterion_id: str | None


@dataclass(frozen=True)
class AnchorState:
    """The stored anchor of an annotation (what placing an orphan changes and its undo puts back)."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    status: str
    anchored_by: str
    anchor_score: float | None


@dataclass(frozen=True)
class RetrievedSegment:
    """An annotation listed corpus-wide, with the document it is in."""

    annotation: Annotation
    document_name: str
    document_title: str | None
    agency: str | None
    year: int | None


_COLUMNS = ('a.id, a.document_id, a.reviewer_id, coalesce(r.name, \'\') AS reviewer_name, a.start, a."end", '
            "a.quote, a.prefix, a.suffix, a.comment, a.criterion_id, a.status, a.anchored_by, a.anchor_score, "
            "(SELECT group_concat(tag_id, char(31)) FROM (SELECT at.tag_id FROM annotation_tags at "
            " JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id ORDER BY t.ordinal, t.name)) AS tag_ids, "
            "a.created_at, a.updated_at, a.deleted_at")
_STORED = tuple(f.name for f in fields(Annotation) if f.name != "section_kind")  # the names _COLUMNS gives
_FROM = "FROM annotations a LEFT JOIN reviewers r ON r.id = a.reviewer_id"


def _row(row: dict[str, Any]) -> Annotation:
    values = {name: row[name] for name in _STORED}
    values["tag_ids"] = tuple(values["tag_ids"].split("\x1f")) if values["tag_ids"] else ()
    return Annotation(**values)


def _sections(db: Database, document_id: str) -> list[Section]:
    return [Section(r["kind"], r["heading"], r["level"], r["placement"], r["start"], r["end"]) for r in db.query(
        'SELECT kind, heading, level, placement, start, "end" FROM sections WHERE document_id = ? ORDER BY ordinal',
        [document_id])]


def section_kind_at(sections: list[Section], start: int, end: int) -> str | None:
    """The kind of the innermost section containing the passage's start (a subsection beats its part)."""
    inside = [s for s in sections if s.start <= start < s.end]
    if not inside:
        return None
    return min(inside, key=lambda s: s.end - s.start).kind


def _with_kinds(db: Database, annotations: list[Annotation]) -> list[Annotation]:
    cache: dict[str, list[Section]] = {}
    out = []
    for a in annotations:
        if a.document_id not in cache:
            cache[a.document_id] = _sections(db, a.document_id)
        kind = None if a.orphan else section_kind_at(cache[a.document_id], a.start, a.end)
        out.append(replace(a, section_kind=kind))
    return out


def get_annotation(db: Database, annotation_id: str, *, include_deleted: bool = False) -> Annotation:
    """One annotation; raises AnnotationError when there is no such (live) annotation."""
    sql = f"SELECT {_COLUMNS} {_FROM} WHERE a.id = ?" + ("" if include_deleted else " AND a.deleted_at IS NULL")
    row = one(db, sql, [annotation_id])
    if row is None:
        raise AnnotationError(f"no annotation with id {annotation_id} (it may have been deleted)")
    return _with_kinds(db, [_row(row)])[0]


def _check_tags(db: Database, tag_ids: tuple[str, ...]) -> None:
    for tag_id in tag_ids:
        if db.execute("SELECT 1 FROM tags WHERE id = ? AND deleted_at IS NULL", [tag_id]).fetchone() is None:
            raise AnnotationError(f"tag {tag_id} is not in the codebook (deleted or merged); choose another tag")


def _set_tags(db: Database, annotation_id: str, tag_ids: tuple[str, ...]) -> None:
    db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
    db.conn.executemany("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                        [(annotation_id, t) for t in tag_ids])


def _check_comment(comment: str | None) -> None:
    message = too_long(comment, MAX_COMMENT_CHARS, "the comment")
    if message:
        raise AnnotationError(message)


def create_annotation(db: Database, document_id: str, start: int, end: int, *, reviewer_id: str | None,
                      tag_ids: tuple[str, ...] | list[str] = (), comment: str = "",
                      criterion_id: str | None = None, annotation_id: str | None = None) -> Annotation:
    """Annotate [start, end) of a document (trimmed of white space) and return the stored annotation."""
    tags = tuple(dict.fromkeys(tag_ids))
    _check_comment(comment)
    with db.atomic():
        row = one(db, "SELECT text FROM documents WHERE id = ?", [document_id])
        if row is None:
            raise AnnotationError(f"no document with id {document_id}; it may have been deleted")
        text = row["text"]
        start, end = trim_span(text, max(0, start), min(len(text), end))
        if start >= end:
            raise AnnotationError("the selection is empty (or only white space); select the passage to annotate")
        _check_tags(db, tags)
        anchor = make_anchor(text, start, end)
        new_id = annotation_id or str(uuid.uuid4())
        stamp = now_iso()
        db.execute(
            'INSERT INTO annotations (id, document_id, reviewer_id, start, "end", quote, prefix, suffix, comment, '
            "criterion_id, status, anchored_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'selection', ?, ?)",
            [new_id, document_id, reviewer_id, anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix,
             comment, criterion_id, ANCHORED, stamp, stamp])
        _set_tags(db, new_id, tags)
    return get_annotation(db, new_id)


def content_of(annotation: Annotation) -> Content:
    return Content(annotation.tag_ids, annotation.comment, annotation.criterion_id)


def update_annotation(db: Database, annotation_id: str, *, tag_ids: tuple[str, ...] | list[str] | None = None,
                      comment: str | None = None, criterion_id: object = _KEEP) -> Annotation:
    """Change an annotation's tags, comment or criterion (arguments left out are kept)."""
    _check_comment(comment)
    with db.atomic():
        old = get_annotation(db, annotation_id)
        if tag_ids is not None:
            tags = tuple(dict.fromkeys(tag_ids))
            _check_tags(db, tuple(t for t in tags if t not in old.tag_ids))
            _set_tags(db, annotation_id, tags)
        crit = old.criterion_id if criterion_id is _KEEP else criterion_id
        db.execute("UPDATE annotations SET comment = ?, criterion_id = ?, updated_at = ? WHERE id = ?",
                   [old.comment if comment is None else comment, crit, now_iso(), annotation_id])
    return get_annotation(db, annotation_id)


def set_content(db: Database, annotation_id: str, content: Content) -> Annotation:
    """Put back a whole :class:`Content` (undo/redo of an edit)."""
    return update_annotation(db, annotation_id, tag_ids=content.tag_ids, comment=content.comment,
                             criterion_id=content.criterion_id)


def delete_annotation(db: Database, annotation_id: str) -> Annotation:
    """Delete an annotation (kept as deleted, so :func:`restore_annotation` can bring it back)."""
    with db.atomic():
        old = get_annotation(db, annotation_id)
        stamp = now_iso()
        db.execute("UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ?", [stamp, stamp, annotation_id])
    return old


def restore_annotation(db: Database, annotation_id: str) -> Annotation:
    """Bring a deleted annotation back (its tags that were deleted meanwhile stay off)."""
    with db.atomic():
        if db.execute("SELECT 1 FROM annotations WHERE id = ?", [annotation_id]).fetchone() is None:
            raise AnnotationError(f"no annotation with id {annotation_id}; it cannot be restored")
        db.execute("UPDATE annotations SET deleted_at = NULL, updated_at = ? WHERE id = ?", [now_iso(), annotation_id])
    return get_annotation(db, annotation_id)


def anchor_state(annotation: Annotation) -> AnchorState:
    return AnchorState(annotation.start, annotation.end, annotation.quote, annotation.prefix, annotation.suffix,
                       annotation.status, annotation.anchored_by, annotation.anchor_score)


def set_anchor_state(db: Database, annotation_id: str, state: AnchorState) -> Annotation:
    """Store an anchor as given (re-anchoring, and undo of placing an orphan)."""
    with db.atomic():
        db.execute('UPDATE annotations SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, status = ?, '
                   "anchored_by = ?, anchor_score = ?, updated_at = ? WHERE id = ?",
                   [state.start, state.end, state.quote, state.prefix, state.suffix, state.status,
                    state.anchored_by, state.anchor_score, now_iso(), annotation_id])
    return get_annotation(db, annotation_id, include_deleted=True)


def place_annotation(db: Database, annotation_id: str, start: int, end: int) -> Annotation:
    """Anchor an annotation (typically an orphan) on a passage the reviewer selected; the quote is the new text."""
    with db.atomic():
        old = get_annotation(db, annotation_id)
        text = scalar(db, "SELECT text FROM documents WHERE id = ?", [old.document_id])
        start, end = trim_span(text, max(0, start), min(len(text), end))
        if start >= end:
            raise AnnotationError("the selection is empty; select the passage the annotation belongs to")
        anchor = make_anchor(text, start, end)
        return set_anchor_state(db, annotation_id, AnchorState(anchor.start, anchor.end, anchor.quote, anchor.prefix,
                                                               anchor.suffix, ANCHORED, "manual", None))


def list_annotations(db: Database, document_id: str, *, tag_id: str | None = None,
                     section_kind: str | None = None, reviewer_id: str | None = None) -> list[Annotation]:
    """A document's live annotations in text order (orphans last), optionally filtered."""
    sql = f"SELECT {_COLUMNS} {_FROM} WHERE a.document_id = ? AND a.deleted_at IS NULL"
    params: list = [document_id]
    if tag_id is not None:
        sql += " AND EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_id = a.id AND x.tag_id = ?)"
        params.append(tag_id)
    if reviewer_id is not None:
        sql += " AND a.reviewer_id = ?"
        params.append(reviewer_id)
    sql += " ORDER BY a.status = 'orphan', a.start, a.\"end\", a.created_at"
    found = _with_kinds(db, [_row(r) for r in db.query(sql, params)])
    if section_kind is not None:
        found = [a for a in found if a.section_kind == section_kind]
    return found


def list_orphans(db: Database, document_id: str) -> list[Annotation]:
    """Annotations a re-import could not place, for the reviewer to place or delete."""
    return [a for a in list_annotations(db, document_id) if a.orphan]


def list_by_tag(db: Database, tag_id: str) -> list[RetrievedSegment]:
    """Every live annotation carrying a tag, across the corpus (current documents only)."""
    rows = list(db.query(
        f"SELECT {_COLUMNS}, d.name AS document_name, d.title AS document_title, d.agency AS agency, d.year AS year "
        f"{_FROM} JOIN documents d ON d.id = a.document_id "
        "WHERE a.deleted_at IS NULL AND d.replaced_by IS NULL AND EXISTS (SELECT 1 FROM annotation_tags x "
        "WHERE x.annotation_id = a.id AND x.tag_id = ?) ORDER BY d.agency IS NULL, d.agency, d.year, d.name, a.start",
        [tag_id]))
    annotations = _with_kinds(db, [_row(r) for r in rows])
    return [RetrievedSegment(a, r["document_name"], r["document_title"], r["agency"], r["year"])
            for a, r in zip(annotations, rows, strict=True)]


def count_annotations(db: Database, document_id: str | None = None) -> int:
    sql = "SELECT count(*) AS n FROM annotations WHERE deleted_at IS NULL"
    params = []
    if document_id is not None:
        sql += " AND document_id = ?"
        params.append(document_id)
    return int(scalar(db, sql, params))
