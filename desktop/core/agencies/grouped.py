"""The corpus grouped by agency: one row per agency group with its years in a row, under the corpus filters.

What the groups are made of (:class:`GroupIdentity`: each distinct agency name's group — short and full names, the
reviewer's merges, :mod:`desktop.core.agencies.groups` — the reports read apart, each group's name and order) is
built once per state of the corpus (desktop.core.agencies.cache) and shared with the corpus table's years column
(desktop.core.agencies.years). A filter then costs one SQL pass over the listing's covering index that counts the
reports passing it per stored agency key and year, in the index's order (no sort, no report text read), a
dictionary lookup per (name, year), and one small query for the reports read apart: those the reviewer placed in
a group one by one (splits), those without an agency (a group of their own: their title or file name shows) and
those whose name has no key. Which reports a group holds is read only when a view opens it
(:func:`group_reports`), so a keystroke never costs a pass in Python over the reports.

Groups come in pinyin order of their names (the corpus table's order, core/collation.py), then by their first
report; those without an agency last, in import order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlite_utils import Database

from desktop.core.agencies.cache import cached, one_snapshot
from desktop.core.agencies.groups import DOCUMENT, NAMED, NO_AGENCY, group_keys
from desktop.core.agencies.identity import cached_key
from desktop.core.collation import pinyin_sort_key
from desktop.core.storage.database import named_rows, one
from desktop.core.storage.listing import SORTS, ListingFilter, listing_where

_COVER, _BY_SEQ = SORTS["agency"].index, SORTS["seq"].index


@dataclass(frozen=True)
class GroupedRow:
    """One agency group under the filter: key, the name shown, and per year (oldest first; no year last) how many
    of its reports pass the filter."""

    key: str
    name: str
    years: tuple[tuple[int | None, int], ...]
    has_agency: bool = True

    @property
    def reports(self) -> int:
        return sum(count for _, count in self.years)

    def in_a_row(self) -> str:
        """The years as the grouped corpus shows them: ``2020 · 2023×2 · 2024`` (``×2``: two reports that year,
        ``?``: reports whose year was not found)."""
        return " · ".join(("?" if year is None else str(year)) + (f"×{count}" if count > 1 else "")
                          for year, count in self.years)


def _group_name(key: str, named: Iterable[tuple[str, int | None]]) -> str:
    """The rule of :func:`desktop.core.agencies.groups.group_name` over (agency, year) pairs: the reviewer's name
    for the group, else the fullest name of its latest year (tests/core/agencies/test_grouped.py checks both agree)."""
    if key.startswith(NAMED):
        return key[len(NAMED):]
    pairs = [(a, y or 0) for a, y in named if a]
    if not pairs:
        return ""
    latest = max(y for _, y in pairs)
    return max((a for a, y in pairs if y == latest), key=lambda n: (len(n), n))


@dataclass(frozen=True)
class GroupIdentity:
    """What the agency groups are made of, whatever the filter (kept while the corpus' identity value stands)."""

    by_name: dict[str, str]            # agency name -> group key of its reports not read apart
    by_key: dict[str, str]             # stored agency key -> the one name stored with it (keys of one name only)
    mixed_keys: frozenset[str | None]  # stored keys written with several names, or a name without one (rare)
    apart: dict[str, str]              # report id -> group key, for the reports read apart (see the module doc)
    apart_rows: dict[int, tuple[int | None, str, str]]  # seq of each report read apart -> year, title, group key
    apart_of: dict[str, tuple[int, ...]]  # group key -> seqs of its reports read apart
    placed_json: str                   # JSON list of the seqs of the reports placed one by one
    keyless_json: str                  # JSON list of the agency names without a key (their reports: read apart)
    named: dict[str, tuple[str, str]]  # group key -> its name (from every report, whatever the filter), sort key
    names_of: dict[str, tuple[str, ...]]  # group key -> the agency names whose reports (not apart) it holds
    stored_keys: dict[str, tuple[str | None, ...]]  # agency name -> the documents.agency_key values stored with it
    odd_apart_json: str                # JSON list of the seqs read apart that have an agency name or a stored key
    ordered: tuple[str, ...]           # every group key in display order (see the module doc)
    rank: dict[str, int]               # group key -> its place in that order

    def title_of(self, key: str) -> str:
        """What a group of reports without an agency shows: its first report's title (or file name)."""
        seqs = self.apart_of.get(key)
        return self.apart_rows[seqs[0]][1] if seqs else ""

    def group_of(self, doc_id: str, agency: str | None) -> str:
        """The group key of a current report (its id and stored agency name)."""
        key = self.apart.get(doc_id)
        if key is None:
            key = self.by_name.get(agency or "")
        if key is None:  # not in the corpus this identity was read from
            raise KeyError(doc_id)
        return key


class _Apart(NamedTuple):
    """A report read apart while the identity is built (``odd``: one with a name or a stored key)."""

    id: str
    seq: int
    agency: str | None
    year: int | None
    title: str
    odd: bool


def _build(db: Database) -> GroupIdentity:
    placed_ids = json.dumps([r["subject"] for r in db.query(
        "SELECT DISTINCT subject FROM agency_identity WHERE kind = ? AND deleted_at IS NULL", [DOCUMENT])])
    placed = json.dumps([r["seq"] for r in db.query(
        "SELECT seq FROM documents WHERE replaced_by IS NULL AND id IN (SELECT value FROM json_each(?))",
        [placed_ids])])
    # every name with its stored keys and its latest year among the reports not placed one by one (the name a
    # group shows does not change with the filter): one pass over the covering index in its order, per stored key
    # (a key stores one name: the names of the few keys that hold several, or none, are read again apart)
    latest: dict[str, int] = {}
    stored: dict[str, list[str | None]] = {}
    by_year = "max(CASE WHEN seq IN (SELECT value FROM json_each(:placed)) THEN NULL ELSE coalesce(year, 0) END)"
    unclear: list[str | None] = []

    def take(name: str, key: str | None, year: int | None) -> None:
        stored.setdefault(name, []).append(key)
        if year is not None:
            latest[name] = max(latest.get(name, 0), year)

    for r in db.query(
            f"SELECT agency_key, min(agency) AS lo, max(agency) AS hi, count(agency) AS named, count(*) AS n, "
            f"{by_year} AS latest FROM documents INDEXED BY {_COVER} WHERE replaced_by IS NULL "
            "GROUP BY agency_key IS NULL, agency_key", {"placed": placed}):
        if r["agency_key"] is not None and r["named"] == r["n"] and r["lo"] == r["hi"] and r["lo"]:
            take(r["lo"], r["agency_key"], r["latest"])
        elif r["named"] and r["hi"]:  # several names, or names and rows without one, or names without a key
            unclear.append(r["agency_key"])
        elif r["agency_key"] is not None:  # rows without a name that kept a key: read apart below
            unclear.append(r["agency_key"])
    unclear_keys = json.dumps([k for k in unclear if k is not None], ensure_ascii=False)
    if unclear:
        for r in db.query(
                f"SELECT agency, agency_key, {by_year} AS latest FROM documents INDEXED BY {_COVER} WHERE "
                "replaced_by IS NULL AND agency != '' AND ((agency_key IS NULL) = 0 AND agency_key IN (SELECT value "
                "FROM json_each(:mixed)) OR (agency_key IS NULL) = :null) GROUP BY agency, agency_key",
                {"placed": placed, "mixed": unclear_keys, "null": None in unclear}):
            take(r["agency"], r["agency_key"], r["latest"])
    names = list(stored)
    keyless_names = [n for n in names if not cached_key(n)]
    keyless = json.dumps(keyless_names, ensure_ascii=False)
    odd_keys = json.dumps([k for k in unclear if k is not None] + [k for n in keyless_names for k in stored[n]
                                                                 if k is not None], ensure_ascii=False)
    # the reports read apart: without an agency (the end of the covering index: no key), and the few others
    # (placed one by one, a name without a key, no name but a key) found by seq
    columns = "id, seq, agency, year, coalesce(nullif(title, ''), name) AS title"
    args = {"placed": placed, "keyless": keyless, "odd": odd_keys}
    plain = [_Apart(r["id"], r["seq"], r["agency"], r["year"], r["title"], False) for r in db.query(
        f"SELECT {columns} FROM documents INDEXED BY {_BY_SEQ} WHERE replaced_by IS NULL AND seq IN (SELECT seq "
        f"FROM documents INDEXED BY {_COVER} WHERE replaced_by IS NULL AND (agency_key IS NULL) = 1 AND "
        "coalesce(agency, '') = '')", args)]
    odd = [_Apart(r["id"], r["seq"], r["agency"], r["year"], r["title"], True) for r in db.query(
        f"SELECT {columns} FROM documents INDEXED BY {_BY_SEQ} WHERE replaced_by IS NULL AND seq IN (SELECT seq "
        f"FROM documents INDEXED BY {_COVER} WHERE replaced_by IS NULL AND (agency_key IS NULL) = 1 AND agency "
        f"IN (SELECT value FROM json_each(:keyless)) UNION SELECT seq FROM documents INDEXED BY {_COVER} WHERE "
        "replaced_by IS NULL AND (agency_key IS NULL) = 0 AND agency_key IN (SELECT value FROM json_each(:odd)) "
        "AND (coalesce(agency, '') = '' OR agency IN (SELECT value FROM json_each(:keyless))) "
        "UNION SELECT value FROM json_each(:placed))", args)]
    apart_rows = sorted(plain + odd, key=lambda row: row.seq)
    keyed = [n for n in names if cached_key(n)]
    keys, _ = group_keys(db, [(f"\0{n}", n) for n in keyed] + [(r.id, r.agency or None) for r in apart_rows],
                         names)
    by_name = {n: keys[f"\0{n}"] for n in keyed}
    names_by_key: dict[str | None, list[str]] = {}
    for name in keyed:
        for stored_key in stored[name]:
            names_by_key.setdefault(stored_key, []).append(name)
    by_key = {k: ns[0] for k, ns in names_by_key.items() if k is not None and len(ns) == 1}
    mixed = frozenset(k for k, ns in names_by_key.items() if k is None or len(ns) > 1)
    printed: dict[str, dict[tuple[str, int | None], None]] = {}
    names_of: dict[str, list[str]] = {}
    for name in keyed:
        names_of.setdefault(by_name[name], []).append(name)
        if name in latest:
            printed.setdefault(by_name[name], {})[(name, latest[name])] = None
    apart: dict[str, str] = {}
    apart_of: dict[str, list[int]] = {}
    for row in apart_rows:
        apart[row.id] = keys[row.id]
        apart_of.setdefault(keys[row.id], []).append(row.seq)
        if row.agency:
            printed.setdefault(keys[row.id], {})[(row.agency, row.year)] = None
    for key in set(apart.values()):
        if key.startswith(NAMED):  # a group the reviewer named, of reports without an agency only: its name
            printed.setdefault(key, {})
    named = {}
    for key, pairs in printed.items():
        name = _group_name(key, pairs)
        # the stored pinyin key of that name (pypinyin only for a name the reviewer gave a group)
        sort_key = next((k for k in stored.get(name, ()) if k), None) or pinyin_sort_key(name) or ""
        named[key] = (name, sort_key)
    # agencies in pinyin order, then the groups without one (their reports' first in import order)
    order = sorted(set(named) | set(apart_of), key=lambda k: (
        k.startswith(NO_AGENCY), named[k][1] if k in named else "", apart_of[k][0] if k in apart_of else 0, k))
    odd_seqs = [r.seq for r in apart_rows if r.odd]
    return GroupIdentity(by_name, by_key, mixed, apart, {r.seq: (r.year, r.title, keys[r.id]) for r in apart_rows},
                         {k: tuple(v) for k, v in apart_of.items()}, placed, keyless, named, {k: tuple(v) for k, v in names_of.items()},
                         {k: tuple(v) for k, v in stored.items()}, json.dumps(odd_seqs), tuple(order),
                         {k: i for i, k in enumerate(order)})


def group_identity(db: Database) -> GroupIdentity:
    """What the groups are made of in the corpus as it stands (built once per state of the corpus; call it inside
    :func:`desktop.core.agencies.cache.one_snapshot` when rows read next must agree with it)."""
    return cached(db, "group_identity", _build)


def _not_apart(identity: GroupIdentity) -> str:
    """The clause that leaves out the reports read apart from a pass over the names (only what this corpus has)."""
    clauses = ["agency != ''"]
    if identity.placed_json != "[]":
        clauses.append("seq NOT IN (SELECT value FROM json_each(:placed))")
    if identity.keyless_json != "[]":
        clauses.append("agency NOT IN (SELECT value FROM json_each(:keyless))")
    return " AND ".join(clauses)


class GroupedListing:
    """The groups that pass a filter, in order (:func:`grouped_groups`): counted in SQL, a :class:`GroupedRow` made
    only for the rows a view asks for."""

    def __init__(self, identity: GroupIdentity, order: list[str], totals: dict[str, int],
                 years: dict[str, list[str]]) -> None:
        self._identity = identity
        self.keys = order                  # group keys in display order
        self._totals = totals              # group key -> reports that pass
        self._years = years                # group key -> their years, as SQL joined them ('' for no year)
        self.reports = sum(totals.values())

    def __len__(self) -> int:
        return len(self.keys)

    def count(self, i: int) -> int:
        return self._totals[self.keys[i]]

    def row(self, i: int) -> GroupedRow:
        key = self.keys[i]
        by_year: dict[int | None, int] = {}
        for joined in self._years[key]:
            for year in joined.split(","):
                value = int(year) if year else None
                by_year[value] = by_year.get(value, 0) + 1
        ordered = tuple(sorted(by_year.items(), key=lambda item: (item[0] is None, item[0] or 0)))
        name = self._identity.named[key][0] if key in self._identity.named else self._identity.title_of(key)
        return GroupedRow(key, name, ordered, not key.startswith(NO_AGENCY))

    def rows(self) -> list[GroupedRow]:
        return [self.row(i) for i in range(len(self.keys))]


def grouped_listing(db: Database, flt: ListingFilter = ListingFilter()) -> list[GroupedRow]:  # noqa: B008 - frozen
    """The agency groups of the current reports that pass ``flt``, with their years and counts (read-only)."""
    return grouped_groups(db, flt).rows()


def grouped_groups(db: Database, flt: ListingFilter = ListingFilter()) -> GroupedListing:  # noqa: B008 - frozen
    """The agency groups of the current reports that pass ``flt`` (read-only): one pass over the listing's covering
    index counting per stored key, one range of it for the reports without an agency; nothing per report in
    Python."""
    with one_snapshot(db):
        identity = group_identity(db)
        where, params = listing_where(db, flt)
        args: dict[str, object] = {f"p{i}": value for i, value in enumerate(params)}
        where = _named_params(where, len(params))
        args.update(placed=identity.placed_json, keyless=identity.keyless_json, odd=identity.odd_apart_json)
        # counted per stored key in the index's order (no sort), the years joined in SQL; the reports of a key
        # stored with several names (a name written without its key) are counted per name
        counted = named_rows(db, (
            "SELECT agency_key, count(*) AS n, group_concat(coalesce(year, ''), ',') AS years FROM documents "
            f"INDEXED BY {_COVER} WHERE {where} AND {_not_apart(identity)} GROUP BY agency_key IS NULL, agency_key"),
            args)
        by_key, mixed = identity.by_key, identity.mixed_keys
        rows = [(by_key[r["agency_key"]], r["n"], r["years"]) for r in counted if r["agency_key"] not in mixed]
        if len(rows) < len(counted):
            args["mixed"] = json.dumps([k for k in mixed if k is not None], ensure_ascii=False)
            args["mixed_null"] = None in mixed
            rows += [(r["agency"], r["n"], r["years"]) for r in named_rows(db, (
                "SELECT agency, count(*) AS n, group_concat(coalesce(year, ''), ',') AS years FROM documents "
                f"INDEXED BY {_COVER} WHERE {where} AND {_not_apart(identity)} AND (agency_key IN (SELECT value "
                "FROM json_each(:mixed)) OR (agency_key IS NULL AND :mixed_null)) GROUP BY agency"), args)]
        if flt.is_filtering():
            # the reports without an agency are the end of the covering index (no key); the few others read
            # apart (placed one by one, a name without a key or a key without a name) are looked up by seq
            apart = [r["seq"] for r in named_rows(db, (
                f"SELECT seq FROM documents INDEXED BY {_COVER} WHERE {where} AND (agency_key IS NULL) = 1 AND "
                f"coalesce(agency, '') = '' UNION ALL SELECT seq FROM documents INDEXED BY {_BY_SEQ} WHERE {where} "
                "AND seq IN (SELECT value FROM json_each(:odd))"), args)]
        else:
            apart = list(identity.apart_rows)
    totals: dict[str, int] = {}
    years: dict[str, list[str]] = {}
    by_name = identity.by_name
    for name, n, joined in rows:
        key = by_name[name]
        totals[key] = totals.get(key, 0) + n
        years.setdefault(key, []).append(joined)
    apart_rows = identity.apart_rows
    for seq in apart:
        year, _title, key = apart_rows[seq]
        totals[key] = totals.get(key, 0) + 1
        years.setdefault(key, []).append("" if year is None else str(year))
    rank = identity.rank
    if len(totals) * 8 < len(rank):
        order = sorted(totals, key=rank.__getitem__)
    else:
        order = [key for key in identity.ordered if key in totals]
    return GroupedListing(identity, order, totals, years)


def _named_params(where: str, count: int) -> str:
    """The listing's WHERE clause with its ``?`` written as ``:p0``, ``:p1``… (to mix with named parameters)."""
    parts = where.split("?")
    if len(parts) != count + 1:
        raise ValueError("a listing clause holds a '?' that is not a parameter")
    return "".join(part + (f":p{i}" if i < count else "") for i, part in enumerate(parts))


def group_reports(db: Database, key: str, flt: ListingFilter = ListingFilter()) -> list[int]:  # noqa: B008 - frozen
    """The ``documents.seq`` of a group's reports that pass ``flt``, oldest year first (no year last), then in
    import order: read when a view opens the group (a lookup of its names' keys in the covering index)."""
    with one_snapshot(db):
        identity = group_identity(db)
        where, params = listing_where(db, flt)
        args: dict[str, object] = {f"p{i}": value for i, value in enumerate(params)}
        where = _named_params(where, len(params))
        names = identity.names_of.get(key, ())
        stored = [k for n in names for k in identity.stored_keys.get(n, ())]
        args.update(placed=identity.placed_json, keyless=identity.keyless_json,
                    names=json.dumps(names, ensure_ascii=False),
                    keys=json.dumps([k for k in stored if k is not None], ensure_ascii=False),
                    apart=json.dumps(identity.apart_of.get(key, ())))
        found = [(r["year"], r["seq"]) for r in named_rows(db, (
            f"SELECT year, seq FROM documents INDEXED BY {_COVER} WHERE {where} AND {_not_apart(identity)} AND "
            "agency IN (SELECT value FROM json_each(:names)) AND ((agency_key IS NULL) = 0 AND agency_key IN "
            "(SELECT value FROM json_each(:keys))" + (" OR (agency_key IS NULL) = 1" if None in stored else "") +
            ")"), args)]
        found += [(r["year"], r["seq"]) for r in named_rows(db, (
            f"SELECT year, seq FROM documents INDEXED BY {_BY_SEQ} WHERE {where} AND seq IN (SELECT value FROM "
            "json_each(:apart))"), args)]
    found.sort(key=lambda pair: (pair[0] is None, pair[0] or 0, pair[1]))
    return [seq for _year, seq in found]


def report_group(db: Database, doc_id: str) -> str | None:
    """The group key of a current report (None when it is not in the corpus)."""
    with one_snapshot(db):
        row = one(db, f"SELECT id, agency FROM documents INDEXED BY {_BY_SEQ} WHERE replaced_by IS NULL AND seq = "
                  "(SELECT seq FROM documents WHERE id = ?)", [doc_id])
        return group_identity(db).group_of(row["id"], row["agency"]) if row else None
