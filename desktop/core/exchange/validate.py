"""Check every row of another reviewer's database before it is merged: types, ranges, references, sizes.

A database file from elsewhere may be hand-edited, damaged or hostile: offsets stored as text, scores of 'abc',
1e308 or -50, a NULL ``updated_at``, dangling references, BLOBs or invalid UTF-8 where text belongs, an
unparseable rubric, a 20 MB comment, a ``missing`` value that is not a JSON list. Merging any of these would
leave this database crashing for good, so :func:`validate_source` reads the file on its own read-only
connection (texts as raw bytes, so invalid UTF-8 is found rather than raised) and lists every problem; the merge
refuses the whole source when the list is not empty, before it changes anything.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.scoring.scores import STATUSES
from desktop.core.segmentation.classify import ALL_KINDS, REQUIRED_KINDS
from desktop.core.storage.database import scalar
from desktop.core.storage.limits import (  # the same numbers the writers check (no stored value is unmergeable)
    MAX_COMMENT_CHARS,
    MAX_KEY_CHARS,
    MAX_NAME_CHARS,
    MAX_RUBRIC_CHARS,
    MAX_TEXT_CHARS,
)

MAX_LISTED = 40                   # problems listed in the message (all are counted)
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class MergeRefused(ReviewDeskError):
    """The source database holds rows that cannot be merged; nothing was changed."""

    def __init__(self, source: Path, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        shown = problems[:MAX_LISTED]
        more = len(problems) - len(shown)
        lines = [f"{source} cannot be merged: {len(problems)} problem(s) in its rows; nothing was changed in this "
                 "database. Ask its reviewer for an undamaged copy (or restore their backup) and merge that:"]
        lines += [f"  - {p}" for p in shown]
        if more:
            lines.append(f"  … and {more} more")
        super().__init__("\n".join(lines))


@dataclass
class _Context:
    problems: list[str]
    doc_lengths: dict[str, int]       # source documents: id -> text length
    main_lengths: Callable[[str], int | None]
    ids: dict[str, set[str]]          # table -> ids present in the source
    main_has: Callable[[str, str], bool]
    rubric_max: dict[str, dict[str, float]]  # rubric id -> criterion id -> max points

    def add(self, table: str, key: object, message: str) -> None:
        self.problems.append(f"{table} {_show(key)}: {message}")


def _show(key: object) -> str:
    text = key.decode("utf-8", "backslashreplace") if isinstance(key, bytes) else str(key)
    return text if len(text) <= 60 else text[:57] + "…"


def validate_source(source: Path, main: Database) -> list[str]:
    """Every problem found in the rows of the database file ``source`` (empty: safe to merge into ``main``)."""
    import os

    from desktop.core.storage.database import sqlite_uri

    # immutable in a read-only folder: SQLite could not create the WAL index there, even to read
    params = {"mode": "ro"} if os.access(source.parent, os.W_OK) else {"mode": "ro", "immutable": "1"}
    try:
        conn = sqlite3.connect(sqlite_uri(source, **params), uri=True)
    except sqlite3.Error as exc:
        return [f"the file cannot be opened ({exc}); check its permissions"]
    conn.text_factory = bytes
    conn.row_factory = sqlite3.Row  # rows read by column name
    try:
        return _validate(conn, main)
    except sqlite3.DatabaseError as exc:
        return [f"the file cannot be read ({exc}): it is damaged, or it is in a folder this user cannot write to "
                "(copy it to a writable folder first)"]
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r["name"].decode() for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _rows(conn: sqlite3.Connection, table: str, tables: set[str]) -> Iterator[dict[str, Any]]:
    """Rows of a source table as {column: (value, sqlite type)}; nothing when the table is absent."""
    if table not in tables:
        return
    columns = [r["name"].decode() for r in conn.execute(f'PRAGMA table_info("{table}")')]
    # aliased by place: a source's column names are anything, the aliases are names SQLite keeps as written
    select = ", ".join(f'"{c}" AS value_{i}, typeof("{c}") AS type_{i}' for i, c in enumerate(columns))
    names = [(c, f"value_{i}", f"type_{i}") for i, c in enumerate(columns)]  # made once, not per row
    kinds: dict[bytes, str] = {}
    cursor = conn.cursor()
    cursor.row_factory = None  # each row read through its aliases below (dict(zip) is C; sqlite3.Row lookups are not)
    cursor.execute(f'SELECT {select} FROM "{table}"')
    aliases = [d[0] for d in cursor.description]
    for raw in cursor:
        named = dict(zip(aliases, raw, strict=True))
        row = {}
        for c, value, kind in names:
            name = named[kind]
            row[c] = (named[value], kinds.get(name) or kinds.setdefault(name, name.decode()))
        yield row


class _Row:
    """Typed access to one source row; every failed expectation is recorded as a problem."""

    def __init__(self, ctx: _Context, table: str, row: dict[str, Any], key_columns: tuple[str, ...]) -> None:
        self.ctx, self.table, self.row = ctx, table, row
        key = " / ".join(_show(row[c][0]) if c in row and row[c][0] is not None else "?" for c in key_columns)
        self.key = key
        self.ok = True

    def fail(self, column: str, message: str) -> None:
        self.ok = False
        self.ctx.add(self.table, self.key, f"{column} {message}")

    def text(self, column: str, *, required: bool = True, limit: int = MAX_NAME_CHARS,
             nonempty: bool = False) -> str | None:
        if column not in self.row:
            if required:
                self.fail(column, "is missing")
            return None
        value, kind = self.row[column]
        if kind == "null":
            if required:
                self.fail(column, "is empty (NULL)")
            return None
        if kind != "text":
            self.fail(column, f"should be text but is {kind}")
            return None
        try:
            decoded = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.fail(column, f"is not valid UTF-8 (byte {exc.start})")
            return None
        if "\x00" in decoded:
            self.fail(column, "contains a NUL character")
            return None
        if len(decoded) > limit:
            self.fail(column, f"is {len(decoded):,} characters long (at most {limit:,})")
            return None
        if nonempty and not decoded.strip():
            self.fail(column, "is empty")
            return None
        return decoded

    def integer(self, column: str, *, required: bool = True, low: int | None = None,
                high: int | None = None) -> int | None:
        if column not in self.row:
            if required:
                self.fail(column, "is missing")
            return None
        value, kind = self.row[column]
        if kind == "null":
            if required:
                self.fail(column, "is empty (NULL)")
            return None
        if kind != "integer":
            self.fail(column, f"should be a whole number but is {kind} {_show(value)}")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(column, f"is {value}, outside {low if low is not None else ''}..{high if high is not None else ''}")
            return None
        return int(value)

    def number(self, column: str, *, required: bool = False, low: float, high: float) -> float | None:
        if column not in self.row:
            return None
        value, kind = self.row[column]
        if kind == "null":
            if required:
                self.fail(column, "is empty (NULL)")
            return None
        if kind not in ("integer", "real"):
            self.fail(column, f"should be a number but is {kind} {_show(value)}")
            return None
        if not math.isfinite(value) or not low <= value <= high:
            self.fail(column, f"is {value!r}, outside {low:g}..{high:g}")
            return None
        return float(value)

    def timestamp(self, column: str, *, required: bool = True) -> None:
        value = self.text(column, required=required, limit=64)
        if value is not None and not _TIMESTAMP.match(value):
            self.fail(column, f"is not a time stamp ({_show(value)})")

    def choice(self, column: str, allowed: tuple[str, ...], *, required: bool = True) -> str | None:
        value = self.text(column, required=required, limit=64)
        if value is not None and value not in allowed:
            self.fail(column, f"is {_show(value)!r}, not one of {', '.join(allowed)}")
            return None
        return value

    def ref(self, column: str, table: str, *, required: bool = True) -> str | None:
        """A reference to a row of ``table`` in the source or in this database."""
        value = self.text(column, required=required, limit=200)
        if value is None:
            return None
        if value not in self.ctx.ids.get(table, set()) and not self.ctx.main_has(table, value):
            self.fail(column, f"refers to {table} {_show(value)}, which exists in neither database")
            return None
        return value

    def span(self, document_id: str | None, start_col: str = "start", end_col: str = '"end"') -> None:
        end_col = end_col.strip('"')
        start = self.integer(start_col, low=0)
        end = self.integer(end_col, low=0)
        if start is None or end is None or document_id is None:
            return
        length = self.ctx.doc_lengths.get(document_id)
        if length is None:
            length = self.ctx.main_lengths(document_id)
        if end < start:
            self.fail(end_col, f"({end}) is before start ({start})")
        elif length is not None and end > length:
            self.fail(end_col, f"({end}) is past the end of the document's text ({length} characters)")


def _validate(conn: sqlite3.Connection, main: Database) -> list[str]:
    tables = _tables(conn)
    problems: list[str] = []
    ids: dict[str, set[str]] = {}
    for table in ("documents", "reviewers", "tags", "rubrics", "annotations", "scores", "reviews"):
        if table in tables and b"id" in {r["name"] for r in conn.execute(f'PRAGMA table_info("{table}")')}:
            ids[table] = {r["id"].decode("utf-8", "replace") for r in conn.execute(
                f'SELECT id FROM "{table}" WHERE typeof(id) = \'text\'')}

    def main_has(table: str, key: str) -> bool:
        return main.execute(f"SELECT 1 FROM main.{table} WHERE id = ?", [key]).fetchone() is not None

    def main_lengths(doc_id: str) -> int | None:
        return scalar(main, "SELECT length(text) FROM main.documents WHERE id = ?", [doc_id])

    ctx = _Context(problems, {}, main_lengths, ids, main_has, {})
    _check_documents(conn, tables, ctx)
    for table in ("sections", "outline", "clutter"):
        _check_parts(conn, tables, ctx, table)
    _check_versions(conn, tables, ctx)
    _check_people_and_tags(conn, tables, ctx)
    _check_rubrics(conn, tables, ctx)
    _check_annotations(conn, tables, ctx)
    _check_corrections(conn, tables, ctx)
    _check_reviews_and_scores(conn, tables, ctx)
    _check_panel(conn, tables, ctx)
    _check_agencies(conn, tables, ctx)
    _check_versions_kept(conn, tables, ctx)
    return problems


def _check_documents(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    for raw in _rows(conn, "documents", tables):
        r = _Row(ctx, "documents", raw, ("id",))
        doc_id = r.text("id", nonempty=True, limit=200)
        sha = r.text("sha256", limit=64)
        if sha is not None and not _SHA256.match(sha):
            r.fail("sha256", "is not a SHA-256 hex digest")
        r.text("name", limit=MAX_NAME_CHARS)
        r.text("source_path", required=False, limit=4096)
        r.integer("size", low=0)
        r.text("format", limit=32)
        r.text("encoding", limit=64)
        text = r.text("text", limit=MAX_TEXT_CHARS)
        for column in ("title", "agency", "doc_number", "source"):
            r.text(column, required=False)
        r.integer("year", required=False, low=1900, high=2200)
        for column in ("doc_date", "published_at"):
            value = r.text(column, required=False, limit=32)
            if value is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
                r.fail(column, f"is not a date YYYY-MM-DD ({_show(value)})")
        r.integer("on_time", required=False, low=0, high=1)
        missing = r.text("missing", limit=MAX_NAME_CHARS)
        if missing is not None:
            parsed = _json(missing)
            if not (isinstance(parsed, list) and all(isinstance(k, str) and k in REQUIRED_KINDS for k in parsed)):
                r.fail("missing", f"is not a JSON list of part kinds ({_show(missing)})")
        sources = r.text("metadata_sources", limit=MAX_COMMENT_CHARS)
        if sources is not None and not isinstance(_json(sources), dict):
            r.fail("metadata_sources", "is not a JSON object")
        r.integer("segmenter_version", low=0)
        r.timestamp("imported_at")
        if doc_id is not None and text is not None:
            ctx.doc_lengths[doc_id] = len(text)


_NOT_JSON = object()


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _NOT_JSON


def _check_parts(conn: sqlite3.Connection, tables: set[str], ctx: _Context, table: str) -> None:
    for raw in _rows(conn, table, tables):
        r = _Row(ctx, table, raw, ("document_id", "id"))
        doc = r.text("document_id", limit=200)
        if doc is not None and doc not in ctx.doc_lengths:
            r.fail("document_id", f"refers to document {_show(doc)}, which is not in the file")
            doc = None
        if table == "sections":
            r.choice("kind", ALL_KINDS)
            r.text("heading", limit=MAX_COMMENT_CHARS)
            r.text("placement", limit=32)
        elif table == "outline":
            r.text("heading", limit=MAX_COMMENT_CHARS)
            r.text("style", limit=64)
            r.integer("heading_end", low=0)
        else:
            r.text("kind", limit=64)
            r.text("text", limit=MAX_TEXT_CHARS)
        if table != "clutter":
            r.integer("level", low=0, high=100)
            r.integer("ordinal", low=0)
        r.span(doc)


def _check_versions(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    for raw in _rows(conn, "document_versions", tables):
        r = _Row(ctx, "document_versions", raw, ("document_id", "id"))
        doc = r.text("document_id", limit=200)
        if doc is not None and doc not in ctx.doc_lengths:
            r.fail("document_id", f"refers to document {_show(doc)}, which is not in the file")
        r.text("text", limit=MAX_TEXT_CHARS)
        r.text("sha256", limit=64)
        r.text("name", limit=MAX_NAME_CHARS)
        r.integer("size", low=0)
        r.timestamp("imported_at")
        r.timestamp("replaced_at")


def _check_people_and_tags(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    for raw in _rows(conn, "reviewers", tables):
        r = _Row(ctx, "reviewers", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        r.text("name", nonempty=True, limit=MAX_KEY_CHARS)
        r.timestamp("created_at")
    for raw in _rows(conn, "tags", tables):
        r = _Row(ctx, "tags", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        r.text("name", nonempty=True, limit=MAX_KEY_CHARS)
        for column in ("name_en", "description", "description_en"):
            r.text(column, required=False, limit=MAX_COMMENT_CHARS)
        color = r.text("color", required=False, limit=32)
        if color is not None and not re.match(r"^#[0-9a-fA-F]{6}$", color):
            r.fail("color", f"is not a colour #RRGGBB ({_show(color)})")
        r.integer("ordinal", required=False)
        r.text("shortcut", required=False, limit=32)
        r.timestamp("created_at")
        r.timestamp("updated_at")
        r.timestamp("deleted_at", required=False)
        r.ref("merged_into", "tags", required=False)


def _check_rubrics(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    from desktop.core.scoring.rubric import RubricError, parse_rubric

    for raw in _rows(conn, "rubrics", tables):
        r = _Row(ctx, "rubrics", raw, ("id",))
        rubric_id = r.text("id", nonempty=True, limit=200)
        r.text("name", limit=MAX_NAME_CHARS)
        r.text("version", limit=200)
        r.text("sha256", limit=64)
        r.timestamp("loaded_at")
        content = r.text("content", limit=MAX_RUBRIC_CHARS)
        if content is None or rubric_id is None:
            continue
        try:
            rubric = parse_rubric(content, f"rubric {rubric_id}")
        except RubricError as exc:
            r.fail("content", f"is not a valid rubric ({'; '.join(exc.problems[:3])})")
            continue
        except Exception as exc:  # a hostile TOML may trip the parser in other ways
            r.fail("content", f"cannot be parsed ({type(exc).__name__})")
            continue
        ctx.rubric_max[rubric_id] = {c.id: c.max_points for c in rubric.criteria}


def _check_annotations(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    for raw in _rows(conn, "annotations", tables):
        r = _Row(ctx, "annotations", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        doc = r.ref("document_id", "documents")
        r.ref("reviewer_id", "reviewers", required=False)
        r.span(doc)
        for column in ("quote", "prefix", "suffix", "comment"):
            r.text(column, required=column == "quote", limit=MAX_COMMENT_CHARS)
        r.text("criterion_id", required=False, limit=200)
        r.choice("status", ("anchored", "orphan"))
        r.choice("anchored_by", ("selection", "offsets", "exact", "fuzzy", "manual"), required=False)
        r.number("anchor_score", low=0.0, high=1.0)
        r.timestamp("created_at")
        r.timestamp("updated_at")
        r.timestamp("deleted_at", required=False)
    for raw in _rows(conn, "annotation_tags", tables):
        r = _Row(ctx, "annotation_tags", raw, ("annotation_id", "tag_id"))
        r.ref("annotation_id", "annotations")
        r.ref("tag_id", "tags")


def _check_corrections(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    from desktop.core.corrections.apply import KINDS

    for raw in _rows(conn, "corrections", tables):
        r = _Row(ctx, "corrections", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        doc = r.ref("document_id", "documents")
        r.ref("reviewer_id", "reviewers", required=False)
        r.choice("kind", KINDS)
        r.text("target", limit=MAX_NAME_CHARS)
        for column in ("before", "after"):
            value = r.text(column, required=False, limit=MAX_COMMENT_CHARS)
            if value is not None and _json(value) is _NOT_JSON:
                r.fail(column, f"is not JSON ({_show(value)})")
        if raw.get("start", (None, "null"))[1] != "null" or raw.get("end", (None, "null"))[1] != "null":
            r.span(doc)
        for column in ("quote", "prefix", "suffix"):
            r.text(column, limit=MAX_COMMENT_CHARS)
        r.choice("status", ("anchored", "orphan"))
        r.text("anchored_by", required=False, limit=64)
        r.number("anchor_score", low=0.0, high=1.0)
        r.timestamp("created_at")
        r.timestamp("updated_at")
        r.timestamp("deleted_at", required=False)


def _check_reviews_and_scores(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    for raw in _rows(conn, "reviews", tables):
        r = _Row(ctx, "reviews", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        r.ref("document_id", "documents")
        r.ref("reviewer_id", "reviewers")
        r.ref("rubric_id", "rubrics")
        r.choice("status", STATUSES)
        r.text("overall_comment", limit=MAX_COMMENT_CHARS)
        r.timestamp("updated_at")
        r.timestamp("done_at", required=False)
        r.text("submitted_by", required=False, limit=200)
        r.text("reopened_by", required=False, limit=200)
        r.timestamp("reopened_at", required=False)
    for raw in _rows(conn, "scores", tables):
        r = _Row(ctx, "scores", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        r.ref("document_id", "documents")
        r.ref("reviewer_id", "reviewers")
        rubric_id = r.ref("rubric_id", "rubrics")
        criterion = r.text("criterion_id", nonempty=True, limit=200)
        top = 1000.0
        if rubric_id is not None and criterion is not None and rubric_id in ctx.rubric_max:
            known = ctx.rubric_max[rubric_id]
            if criterion not in known:
                r.fail("criterion_id", f"{_show(criterion)!r} is not a criterion of rubric {_show(rubric_id)}")
            else:
                top = known[criterion]
        r.number("value", low=0.0, high=top)
        r.number("suggested", low=0.0, high=top)
        r.integer("suggestion_accepted", low=0, high=1)
        r.integer("not_applicable", required=False, low=0, high=1)
        r.text("na_reason", required=False, limit=MAX_COMMENT_CHARS)
        r.text("note", limit=MAX_COMMENT_CHARS)
        r.text("suggestion_basis", required=False, limit=MAX_COMMENT_CHARS)
        r.timestamp("updated_at")
    for raw in _rows(conn, "score_evidence", tables):
        r = _Row(ctx, "score_evidence", raw, ("score_id", "annotation_id"))
        r.ref("score_id", "scores")
        r.ref("annotation_id", "annotations")


def _check_panel(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    """Assignments and the lead's adjudications (schema 0006), which merge carries by their natural keys."""
    for raw in _rows(conn, "assignments", tables):
        r = _Row(ctx, "assignments", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        r.ref("document_id", "documents")
        r.ref("reviewer_id", "reviewers")
        r.text("assigned_by", limit=MAX_NAME_CHARS)
        r.timestamp("assigned_at")
        r.timestamp("updated_at")
    for raw in _rows(conn, "adjudications", tables):
        r = _Row(ctx, "adjudications", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        r.ref("document_id", "documents")
        r.ref("rubric_id", "rubrics")
        r.text("comment", limit=MAX_COMMENT_CHARS)
        r.text("grade", required=False, limit=MAX_NAME_CHARS)
        r.text("decided_by", limit=MAX_NAME_CHARS)
        r.timestamp("decided_at")
        r.timestamp("updated_at")
        for step in ("grade", "settled", "checked"):  # schema 0009: who decided, when, on which values
            r.text(f"{step}_by", required=False, limit=MAX_NAME_CHARS)
            r.timestamp(f"{step}_at", required=False)
            r.text(f"{step}_basis", required=False, limit=MAX_COMMENT_CHARS)
    for raw in _rows(conn, "adjudication_scores", tables):
        r = _Row(ctx, "adjudication_scores", raw, ("id",))
        r.text("id", nonempty=True, limit=200)
        r.ref("document_id", "documents")
        rubric_id = r.ref("rubric_id", "rubrics")
        criterion = r.text("criterion_id", nonempty=True, limit=200)
        top = 1000.0
        if rubric_id is not None and criterion is not None and rubric_id in ctx.rubric_max:
            known = ctx.rubric_max[rubric_id]
            if criterion not in known:
                r.fail("criterion_id", f"{_show(criterion)!r} is not a criterion of rubric {_show(rubric_id)}")
            else:
                top = known[criterion]
        r.number("value", low=0.0, high=top)
        r.integer("not_applicable", low=0, high=1)
        r.text("decided_by", limit=MAX_NAME_CHARS)
        r.timestamp("decided_at")
        r.timestamp("updated_at")
        _json_text(r, "basis")
        r.text("confirmed_by", required=False, limit=MAX_NAME_CHARS)
        r.timestamp("confirmed_at", required=False)


def _json_text(r: _Row, column: str) -> None:
    """An optional column holding JSON (the values a decision rested on)."""
    value = r.text(column, required=False, limit=MAX_COMMENT_CHARS)
    if value is not None and _json(value) is _NOT_JSON:
        r.fail(column, f"is not JSON ({_show(value)})")


def _check_agencies(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    """The reviewer's agency identity decisions and promise verdicts (schema 0014), merged by id."""
    for raw in _rows(conn, "agency_identity", tables):
        r = _Row(ctx, "agency_identity", raw, ("id",))
        r.text("id", nonempty=True, limit=MAX_KEY_CHARS)
        r.choice("kind", ("alias", "document"))
        r.text("subject", nonempty=True, limit=MAX_NAME_CHARS)
        r.text("group_key", nonempty=True, limit=MAX_NAME_CHARS)
        r.ref("reviewer_id", "reviewers", required=False)
        r.timestamp("created_at")
        r.timestamp("updated_at")
        r.timestamp("deleted_at", required=False)
    for raw in _rows(conn, "promise_matches", tables):
        r = _Row(ctx, "promise_matches", raw, ("id",))
        r.text("id", nonempty=True, limit=MAX_KEY_CHARS)
        doc = r.ref("document_id", "documents")
        r.ref("previous_id", "documents")
        r.text("item_quote", limit=MAX_COMMENT_CHARS)
        r.choice("status", ("done", "shortcoming", "not_mentioned"))
        if raw.get("start", (None, "null"))[1] != "null" or raw.get("end", (None, "null"))[1] != "null":
            r.span(doc)
        r.text("quote", limit=MAX_COMMENT_CHARS)
        r.ref("reviewer_id", "reviewers", required=False)
        r.timestamp("created_at")
        r.timestamp("updated_at")
        r.timestamp("deleted_at", required=False)


def _check_versions_kept(conn: sqlite3.Connection, tables: set[str], ctx: _Context) -> None:
    """Submitted versions of reviews (schema 0010)."""
    for raw in _rows(conn, "review_versions", tables):
        r = _Row(ctx, "review_versions", raw, ("id",))
        r.text("id", nonempty=True, limit=MAX_KEY_CHARS)
        r.ref("document_id", "documents")
        r.ref("reviewer_id", "reviewers")
        r.ref("rubric_id", "rubrics")
        r.integer("version", low=1, high=1_000_000)
        r.timestamp("submitted_at")
        r.text("submitted_by", limit=MAX_KEY_CHARS)
        r.text("overall_comment", limit=MAX_COMMENT_CHARS)
        scores = r.text("scores", limit=MAX_COMMENT_CHARS * 10)
        if scores is not None and not isinstance(_json(scores), dict):
            r.fail("scores", "is not a JSON object")
