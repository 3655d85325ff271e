"""The corpus listing in SQL: which current documents pass a filter, in which order, and their rows page by page.

The corpus table is a window onto this module: a filter or sort is one query that returns the ordered document
ids (read from the covering index ``documents_listing_cover``, migration 0015, never from the rows that hold the
report texts); the rows' summaries are read only for the pages on screen (:func:`summaries_by_id`).

The agency filter keeps the table's rule — the agency (or, without one, title and file name) contains the typed
text, both folded (full width and case, :func:`fold_filter_text`) — without folding every row in Python: the
folded query becomes a GLOB pattern of character classes, each class holding every character that folds to the
query's character (``吉`` → ``吉``; ``a`` → ``[Aa\uff21\uff41]``). A character whose fold is several characters (``ß``
→ ``ss``) is put in the classes of those characters, and the rows the pattern lets through are then checked
exactly by a function registered on the connection (only for queries that contain such characters).

To add a sortable column: add its SQL order to :data:`SORTS` (terms over ``documents`` columns, ascending; the
columns must be in the covering index or the sort reads the big rows) and name that key in the GUI column.
To add a filter: a field on :class:`ListingFilter` and its clause in :func:`_where`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlite_utils import Database

from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS
from desktop.core.storage.database import column, one, scalar
from desktop.core.storage.documents import _SUMMARY_COLUMNS, DocumentSummary, _summary
from desktop.core.text import fold_width

ANY_MISSING = "*"  # missing-part filter value: "missing at least one required part"
COVER = "documents_listing_cover"
_HAYSTACK = "CASE WHEN coalesce(agency, '') = '' THEN coalesce(title, '') || ' ' || name ELSE agency END"
_FOLD_CHECK = "reviewdesk_folded_contains"


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _missing_label_sql() -> str:
    """SQL for the missing parts' Chinese labels joined with 、 (the table's text), from the stored JSON list:
    the lists segmentation writes (required kinds in their order) by lookup, any other by string replacement."""
    expr = "missing"
    for kind, (zh, _en) in sorted(KIND_LABELS.items(), key=lambda item: -len(item[0])):
        expr = f"replace({expr}, {_sql_text(json.dumps(kind))}, {_sql_text(zh)})"
    general = f"replace(replace(replace({expr}, '[', ''), ']', ''), ', ', '、')"
    known = [[k for k, bit in zip(REQUIRED_KINDS, bits, strict=True) if bit]
             for bits in itertools.product((0, 1), repeat=len(REQUIRED_KINDS))]
    cases = " ".join(f"WHEN {_sql_text(json.dumps(kinds))} THEN {_sql_text('、'.join(KIND_LABELS[k][0] for k in kinds))}"
                     for kinds in known)
    return f"CASE missing {cases} ELSE {general} END"


@dataclass(frozen=True)
class Sort:
    """An order of the listing: ORDER BY terms (ascending; ``seq`` is appended, so every order is total) and the
    index that holds the rows in that order together with every column a filter reads (no sort, no big row)."""

    terms: tuple[str, ...]
    index: str


FILTER_COLUMNS = ("agency", "title", "name", "year", "missing")  # what _where reads: every listing index has them

SORTS: dict[str, Sort] = {
    # The core's own order (as list_documents): agency in pinyin order (its key, core/collation.py; migration 0018),
    # no agency last, then year, name.
    "agency": Sort(("agency_key IS NULL", "agency_key", "year", "name"), COVER),
    "year": Sort(("year IS NULL", "year", "coalesce(agency_key, '')"), "documents_listing_year"),
    "doc_date": Sort(("doc_date IS NULL", "doc_date"), "documents_listing_doc_date"),
    "on_time": Sort(("CASE on_time WHEN 1 THEN 0 WHEN 0 THEN 1 ELSE 2 END",), "documents_listing_on_time"),
    "missing": Sort(("json_array_length(missing)", _missing_label_sql()), "documents_listing_missing"),
    "seq": Sort((), "documents_listing_seq"),  # import order (with the id: orders computed in Python)
}
"""Column key -> its order. A new order needs its index (a migration running :func:`sort_index_sql`: ``CREATE INDEX
<index> ON documents(<terms>, seq, <FILTER_COLUMNS>) WHERE replaced_by IS NULL``, terms written exactly as here); tests/core/storage/test_listing.py
fails while a listing would sort in a temporary b-tree instead of reading its index."""


def sort_index_sql(key: str) -> str:
    """The CREATE INDEX statement of an order's index as :data:`SORTS` has it now (for the migration that creates
    or changes that order's index)."""
    return _index_sql(key, SORTS[key].terms)


# The orders migration 0015 created that a later one changed (0018: agencies by their pinyin key), as 0015 made them.
_ORDERS_0015 = {"agency": ("agency IS NULL", "agency", "year", "name"),
                "year": ("year IS NULL", "year", "coalesce(agency, '')")}


def listing_index_sql(key: str) -> str:
    """The CREATE INDEX statement of an order's index as migration 0015 created it (0015 runs it; later orders and
    changed ones use :func:`sort_index_sql` in their own migration)."""
    return _index_sql(key, _ORDERS_0015.get(key, SORTS[key].terms))


def _index_sql(key: str, terms: tuple[str, ...]) -> str:
    sort = SORTS[key]
    columns = [*terms, "seq", *(["id"] if key == "seq" else [])]
    columns += [c for c in FILTER_COLUMNS if c not in columns]
    return f"CREATE INDEX {sort.index} ON documents({', '.join(columns)}) WHERE replaced_by IS NULL"


@dataclass(frozen=True)
class ListingFilter:
    """Which documents the corpus table shows (the defaults: all current documents)."""

    year: int | None = None
    agency_text: str = ""        # folded (fold_filter_text) text the agency, or title and file name, contains
    missing: str | None = None   # a required part kind, ANY_MISSING, or None
    to_verify: bool = False      # only documents with doubts for the verify queue (desktop/core/storage/doubts.py)

    def is_filtering(self) -> bool:
        return self.year is not None or bool(self.agency_text) or self.missing is not None or self.to_verify


def fold_filter_text(text: str) -> str:
    """The form in which filter texts are compared: full width folded, case folded."""
    return fold_width(text).casefold()


def validate_missing(kind: str | None) -> None:
    if kind not in (None, ANY_MISSING, *REQUIRED_KINDS):
        raise ValueError(f"unknown part kind {kind!r}")


# -- the agency filter as a GLOB ------------------------------------------------------------------------------
# The 512-character blocks (by first code point) that hold every character the filter's fold changes: planes 0 and
# 1 only (case folding and the width table end there). tests/core/storage/test_listing.py checks this list against
# the running Python's Unicode tables: scanning them all here would cost the first keystroke ~70 ms.
FOLDING_BLOCKS = (0x0, 0x200, 0x400, 0x1000, 0x1200, 0x1C00, 0x1E00, 0x2000, 0x2400, 0x2C00, 0x3000, 0xA600, 0xAA00,
                  0xFA00, 0xFE00, 0x10400, 0x10C00, 0x11800, 0x16E00, 0x1E800)


@lru_cache(maxsize=1)
def _fold_sources() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """For each character, the characters whose fold is or contains it; and the characters that only appear in
    folds of several characters (a query containing one of them needs the exact check)."""
    sources: dict[str, set[str]] = {}
    expanded: set[str] = set()
    for base in FOLDING_BLOCKS:
        for ch in map(chr, range(base, base + 512)):
            folded = fold_filter_text(ch)
            if folded == ch:
                continue
            for target in folded:
                sources.setdefault(target, {target}).add(ch)
            if len(folded) > 1:
                expanded.update(folded)
    return {k: frozenset(v) for k, v in sources.items()}, frozenset(expanded)


def prepare_agency_filter() -> None:
    """Build what the agency filter's first keystroke needs (the folding table: ~40 ms once per process), ahead of
    it (a view calls it from a worker thread when the filter field gets the keyboard focus)."""
    _fold_sources()


def _glob_class(chars: frozenset[str]) -> str:
    if len(chars) == 1:
        (ch,) = chars
        return f"[{ch}]" if ch in "*?[" else ch
    members = sorted(chars)
    # In a GLOB class "]" is literal only first, "^" only when not first, "-" only last.
    ordered = [c for c in members if c == "]"] + [c for c in members if c not in "]^-"] + \
        [c for c in members if c == "^"] + [c for c in members if c == "-"]
    if ordered[0] == "^":  # only "^" and "-" are left: put "-" first (literal there too, nothing precedes it)
        ordered = ordered[1:] + ordered[:1]
    return "[" + "".join(ordered) + "]"


def agency_glob(folded: str) -> tuple[list[str], bool]:
    """GLOB patterns a folded filter text's matches pass, and whether the rows they let through must be checked.

    Without characters that come from folds of several characters, one pattern of classes in a row is exact. With
    them (``s`` of ``ß`` → ``ss``), each distinct character gives a pattern of the one class of every character
    whose fold holds it (a superset), and the rows that pass are checked exactly."""
    sources, expanded = _fold_sources()
    if not any(ch in expanded for ch in folded):
        return ["*" + "".join(_glob_class(sources.get(ch, frozenset(ch))) for ch in folded) + "*"], False
    return [f"*{_glob_class(sources.get(ch, frozenset(ch)))}*" for ch in dict.fromkeys(folded)], True


def _folded_contains(haystack: str | None, folded: str) -> int:
    return int(haystack is not None and folded in fold_filter_text(haystack))


def _where(db: Database, flt: ListingFilter) -> tuple[str, list[object]]:
    clauses: list[str] = ["replaced_by IS NULL"]
    params: list[object] = []
    if flt.year is not None:
        clauses.append("year = ?")
        params.append(flt.year)
    if flt.missing == ANY_MISSING:
        clauses.append("json_array_length(missing) > 0")
    elif flt.missing is not None:
        validate_missing(flt.missing)
        clauses.append("instr(missing, ?) > 0")
        params.append(json.dumps(flt.missing))
    if flt.to_verify:
        from desktop.core.storage.doubts import DOUBT_COUNT_SQL

        clauses.append(f"({DOUBT_COUNT_SQL}) > 0")
    if flt.agency_text:
        patterns, check = agency_glob(flt.agency_text)
        for pattern in patterns:
            clauses.append(f"{_HAYSTACK} GLOB ?")
            params.append(pattern)
        if check:
            db.conn.create_function(_FOLD_CHECK, 2, _folded_contains, deterministic=True)
            clauses.append(f"{_FOLD_CHECK}({_HAYSTACK}, ?)")
            params.append(flt.agency_text)
    return " AND ".join(clauses), params


def listing_where(db: Database, flt: ListingFilter) -> tuple[str, list[object]]:
    """The WHERE clause (over unaliased ``documents`` columns, every one in each listing index) and its parameters
    of the current documents that pass ``flt``: for queries of other modules over the same listing."""
    return _where(db, flt)


# -- queries --------------------------------------------------------------------------------------------------
def _listing_sql(db: Database, flt: ListingFilter, sort: str, descending: bool, column: str) -> tuple[str, list]:
    order = SORTS[sort]
    terms = [*order.terms, "seq"]
    direction = " DESC" if descending else ""
    where, params = _where(db, flt)
    return (f"SELECT {column} FROM documents INDEXED BY {order.index} WHERE {where} "
            f"ORDER BY {', '.join(term + direction for term in terms)}"), params


def listing_keys(db: Database, flt: ListingFilter = ListingFilter(), sort: str = "agency",  # noqa: B008 - frozen
                 descending: bool = False) -> list[str]:
    """Keys (``seq`` as text) of the current documents that pass ``flt``, in the order of ``sort`` (a key of
    :data:`SORTS`) ascending or descending (every term reversed, ``seq`` included).

    The keys come back as one string split in C: at 100,000 documents a row per key costs twice as much."""
    sql, params = _listing_sql(db, flt, sort, descending, "seq")
    joined = scalar(db, f"SELECT group_concat(seq, ' ') AS keys FROM ({sql})", params)
    return joined.split(" ") if joined else []


def listing_ids(db: Database, flt: ListingFilter = ListingFilter(), sort: str = "agency",  # noqa: B008 - frozen
                descending: bool = False) -> list[str]:
    """Ids of the current documents that pass ``flt``, in the order of :func:`listing_keys`."""
    sql, params = _listing_sql(db, flt, sort, descending, "id")
    return column(db, sql, params)


def listing_pairs(db: Database, flt: ListingFilter = ListingFilter(),  # noqa: B008 - frozen
                  descending: bool = False) -> list[tuple[str, str]]:
    """(key, id) of the current documents that pass ``flt`` in import order (for orders computed in Python)."""
    sql, params = _listing_sql(db, flt, "seq", descending, "seq, id")
    return [(str(row["seq"]), row["id"]) for row in db.query(sql, params)]


def review_listing_keys(db: Database, flt: ListingFilter, reviewer_id: str, rubric_id: str,
                        statuses: Sequence[str], descending: bool = False) -> list[str]:
    """Keys of the current documents that pass ``flt`` in the order of one reviewer's review status under a rubric:
    by the position of the stored status in ``statuses`` (a report without a review row has ``statuses[0]``; a
    status not in it comes after them all), then import order (every term reversed when descending).

    Two queries, no sort of the whole listing: the reviewer's reviews past the first status (few: the ones begun)
    are found through the reviews' unique index and ordered by status, the rest is read in import order from the
    listing's index, minus those."""
    ranks = " ".join(f"WHEN {_sql_text(status)} THEN {i}" for i, status in enumerate(statuses))
    started = (f"WITH started(seq, rank) AS MATERIALIZED (SELECT d.seq, CASE r.status {ranks} ELSE {len(statuses)} "
               "END FROM reviews r JOIN documents d ON d.id = r.document_id WHERE r.rubric_id = ? AND "
               "r.reviewer_id = ? AND r.status != ?) ")
    args: list[object] = [rubric_id, reviewer_id, statuses[0]]
    where, params = _where(db, flt)
    direction = " DESC" if descending else ""
    rest = scalar(db, started + "SELECT group_concat(seq, ' ') AS keys FROM (SELECT seq FROM documents INDEXED BY "
                  f"{SORTS['seq'].index} WHERE {where} AND seq NOT IN (SELECT seq FROM started) "
                  f"ORDER BY seq{direction})", [*args, *params])
    begun = [str(key) for key in column(
        db, started + "SELECT documents.seq FROM started JOIN documents INDEXED BY "
        f"{SORTS['seq'].index} ON documents.seq = started.seq WHERE {where} "
        f"ORDER BY started.rank{direction}, documents.seq{direction}", [*args, *params])]
    keys = rest.split(" ") if rest else []
    return begun + keys if descending else keys + begun


def passes(db: Database, flt: ListingFilter, doc_id: str) -> bool:
    """Whether a current document passes ``flt`` (one row looked up, without reading the listing)."""
    where, params = _where(db, flt)
    return one(db, f"SELECT 1 AS found FROM documents INDEXED BY {SORTS['seq'].index} WHERE {where} AND seq = "
               "(SELECT seq FROM documents WHERE id = ?)", [*params, doc_id]) is not None


def key_of(db: Database, doc_id: str) -> str | None:
    """The listing key of a current document, None when it is not in the corpus."""
    row = one(db, "SELECT seq FROM documents WHERE id = ? AND replaced_by IS NULL", [doc_id])
    return str(row["seq"]) if row else None


def summaries_by_key(db: Database, keys: Sequence[str]) -> dict[str, DocumentSummary]:
    """The summaries of the documents with these listing keys (absent ones left out), read 500 at a time."""
    found: dict[str, DocumentSummary] = {}
    for first in range(0, len(keys), 500):
        chunk = [int(k) for k in keys[first:first + 500]]
        rows = db.query(f"SELECT {_SUMMARY_COLUMNS} FROM documents INDEXED BY documents_summary "
                        f"WHERE replaced_by IS NULL AND seq IN ({', '.join('?' * len(chunk))})", chunk)
        for row in rows:
            summary = _summary(row)
            found[str(summary.seq)] = summary
    return found


def summaries_by_id(db: Database, ids: Sequence[str]) -> dict[str, DocumentSummary]:
    """The summaries of these documents (absent ids are left out), read 500 at a time."""
    found: dict[str, DocumentSummary] = {}
    for first in range(0, len(ids), 500):
        chunk = list(ids[first:first + 500])
        rows = db.query(f"SELECT {_SUMMARY_COLUMNS} FROM documents WHERE id IN ({', '.join('?' * len(chunk))})",
                        chunk)
        for row in rows:
            summary = _summary(row)
            found[summary.id] = summary
    return found


def count_current(db: Database) -> int:
    """Number of current documents (not replaced by a re-import)."""
    return int(scalar(db, "SELECT count(*) FROM documents WHERE replaced_by IS NULL"))


def listing_years(db: Database) -> list[int]:
    """Distinct years of the current documents, newest first."""
    # documents_summary holds year as a plain column; the listing indexes' expression columns make SQLite read the
    # rows (and their texts' overflow pages) instead
    return column(db, "SELECT DISTINCT year FROM documents INDEXED BY documents_summary "
                  "WHERE replaced_by IS NULL AND year IS NOT NULL ORDER BY year DESC")
