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
    apart_json: str                    # JSON list of the seqs of the reports read apart
    placed_json: str                   # JSON list of the seqs of the reports placed one by one
    keyless_json: str                  # JSON list of the agency names without a key (their reports: read apart)
    named: dict[str, tuple[str, str]]  # group key -> its name (from every report, whatever the filter), sort key
    names_of: dict[str, tuple[str, ...]]  # group key -> the agency names whose reports (not apart) it holds
    stored_keys: dict[str, tuple[str | None, ...]]  # agency name -> the documents.agency_key values stored with it

    def group_of(self, doc_id: str, agency: str | None) -> str:
        """The group key of a current report (its id and stored agency name)."""
        key = self.apart.get(doc_id)
        if key is None:
            key = self.by_name.get(agency or "")
        if key is None:  # not in the corpus this identity was read from
            raise KeyError(doc_id)
        return key


def _build(db: Database) -> GroupIdentity:
    placed_ids = json.dumps([r["subject"] for r in db.query(
        "SELECT DISTINCT subject FROM agency_identity WHERE kind = ? AND deleted_at IS NULL", [DOCUMENT])])
    placed = json.dumps([r["seq"] for r in db.query(
        "SELECT seq FROM documents WHERE replaced_by IS NULL AND id IN (SELECT value FROM json_each(?))",
        [placed_ids])])
    # every name with its stored keys and its latest year among the reports not placed one by one (the name a
    # group shows does not change with the filter)
    latest: dict[str, int | None] = {}
    stored: dict[str, list[str | None]] = {}
    for r in db.query(
            f"SELECT agency, agency_key, max(CASE WHEN seq IN (SELECT value FROM json_each(?)) THEN NULL "
            f"ELSE coalesce(year, 0) END) AS latest FROM documents INDEXED BY {_COVER} WHERE replaced_by IS NULL "
            "AND agency != '' GROUP BY agency, agency_key", [placed]):
        stored.setdefault(r["agency"], []).append(r["agency_key"])
        if r["latest"] is not None:
            latest[r["agency"]] = max(latest.get(r["agency"]) or 0, r["latest"])
    names = list(stored)
    keyless_names = [n for n in names if not cached_key(n)]
    keyless = json.dumps(keyless_names, ensure_ascii=False)
    apart_rows = [(r["id"], r["seq"], r["agency"], r["year"], r["title"]) for r in db.query(
        f"SELECT id, seq, agency, year, coalesce(nullif(title, ''), name) AS title FROM documents INDEXED BY "
        f"{_BY_SEQ} WHERE replaced_by IS NULL AND (coalesce(agency, '') = '' OR seq IN (SELECT value FROM "
        "json_each(:placed)) OR agency IN (SELECT value FROM json_each(:keyless))) ORDER BY seq",
        {"placed": placed, "keyless": keyless})]
    keyed = [n for n in names if cached_key(n)]
    keys, _ = group_keys(db, [(f"\0{n}", n) for n in keyed] + [(i, a or None) for i, _s, a, _y, _t in apart_rows],
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
    for doc_id, seq, name, year, _title in apart_rows:
        apart[doc_id] = keys[doc_id]
        apart_of.setdefault(keys[doc_id], []).append(seq)
        if name:
            printed.setdefault(keys[doc_id], {})[(name, year)] = None
    for key in set(apart.values()):
        if key.startswith(NAMED):  # a group the reviewer named, of reports without an agency only: its name
            printed.setdefault(key, {})
    named = {}
    for key, pairs in printed.items():
        name = _group_name(key, pairs)
        # the stored pinyin key of that name (pypinyin only for a name the reviewer gave a group)
        sort_key = next((k for k in stored.get(name, ()) if k), None) or pinyin_sort_key(name) or ""
        named[key] = (name, sort_key)
    return GroupIdentity(by_name, by_key, mixed, apart, {s: (y, t, keys[i]) for i, s, _a, y, t in apart_rows},
                         {k: tuple(v) for k, v in apart_of.items()}, json.dumps([s for _i, s, *_ in apart_rows]),
                         placed, keyless, named, {k: tuple(v) for k, v in names_of.items()},
                         {k: tuple(v) for k, v in stored.items()})


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


def grouped_listing(db: Database, flt: ListingFilter = ListingFilter()) -> list[GroupedRow]:  # noqa: B008 - frozen
    """The agency groups of the current reports that pass ``flt``, with their years and counts (read-only)."""
    with one_snapshot(db):
        identity = group_identity(db)
        where, params = listing_where(db, flt)
        args: dict[str, object] = {f"p{i}": value for i, value in enumerate(params)}
        where = _named_params(where, len(params))
        args.update(placed=identity.placed_json, keyless=identity.keyless_json, apart=identity.apart_json)
        # counted per stored key and year, in the index's order (no sort); the reports of a key stored with
        # several names (a name written without its key) are counted per name
        counted = [(r["agency_key"], r["year"], r["n"]) for r in named_rows(db, (
            f"SELECT agency_key, year, count(*) AS n FROM documents INDEXED BY {_COVER} WHERE {where} AND "
            f"{_not_apart(identity)} GROUP BY agency_key IS NULL, agency_key, year"), args)]
        by_key = identity.by_key
        rows = [(by_key[k], y, n) for k, y, n in counted if k not in identity.mixed_keys]
        if len(rows) < len(counted):
            args["mixed"] = json.dumps([k for k in identity.mixed_keys if k is not None], ensure_ascii=False)
            args["mixed_null"] = None in identity.mixed_keys
            rows += [(r["agency"], r["year"], r["n"]) for r in named_rows(db, (
                f"SELECT agency, year, count(*) AS n FROM documents INDEXED BY {_COVER} WHERE {where} AND "
                f"{_not_apart(identity)} AND (agency_key IN (SELECT value FROM json_each(:mixed)) OR "
                "(agency_key IS NULL AND :mixed_null)) GROUP BY agency, year"), args)]
        if flt.is_filtering():
            apart = [r["seq"] for r in named_rows(db, (
                f"SELECT seq FROM documents INDEXED BY {_BY_SEQ} WHERE {where} AND seq IN (SELECT value FROM "
                "json_each(:apart)) ORDER BY seq"), args)]
        else:
            apart = list(identity.apart_rows)
    years: dict[str, dict[int | None, int]] = {}  # group key -> year -> reports that pass
    by_name = identity.by_name
    for name, year, n in rows:
        by_year = years.setdefault(by_name[name], {})
        by_year[year] = by_year.get(year, 0) + n
    first: dict[str, int] = {}  # a group's first report read apart (the groups without an agency: import order)
    for key, seqs in identity.apart_of.items():
        first[key] = seqs[0]
    titles: dict[str, str] = {}
    for seq in apart:
        year, title, key = identity.apart_rows[seq]
        by_year = years.setdefault(key, {})
        by_year[year] = by_year.get(year, 0) + 1
        titles.setdefault(key, title)
    out = []
    named = identity.named
    for key, by_year in years.items():
        ordered = tuple(sorted(by_year.items(), key=lambda item: (item[0] is None, item[0] or 0)))
        has_agency = not key.startswith(NO_AGENCY)
        name, sort_key = named.get(key) or (titles.get(key, ""), "")
        out.append((not has_agency, sort_key, first.get(key, 0), key, GroupedRow(key, name, ordered, has_agency)))
    # agencies in pinyin order, then the reports without one in import order
    out.sort(key=lambda item: item[:4])
    return [item[4] for item in out]


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
