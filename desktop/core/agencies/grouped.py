"""The corpus grouped by agency: one row per agency group with its years in a row, under the corpus filters.

:func:`grouped_listing` answers a filter with one SQL pass that groups the current reports that pass it by agency
name and year (on the listing's covering index: the rows holding the texts are never read) and maps each distinct
name to its agency group (:mod:`desktop.core.agencies.groups`: short and full names, the reviewer's merges) —
work per distinct name, not per report. Reports the reviewer placed in a group one by one (splits) are read apart
and put in their group. A report without an agency is a group of its own (its title or file name shows).

Each group keeps, per year, the ``documents.seq`` of its reports in import order, so a
view can open any year's report without another query. Groups come in pinyin order of their names (the corpus
table's order, core/collation.py), those without an agency last.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.agencies.cache import cached, one_snapshot
from desktop.core.agencies.groups import DOCUMENT, NAMED, NO_AGENCY, group_keys
from desktop.core.collation import pinyin_sort_key
from desktop.core.storage.database import named_rows
from desktop.core.storage.listing import SORTS, ListingFilter, listing_where


@dataclass(frozen=True)
class GroupedRow:
    """One agency group under the filter: key, the name shown, and per year (oldest first; no year last) the
    ``documents.seq`` of its reports that pass the filter, in import order."""

    key: str
    name: str
    years: tuple[tuple[int | None, tuple[int, ...]], ...]
    has_agency: bool = True

    @property
    def reports(self) -> int:
        return sum(len(keys) for _, keys in self.years)

    @property
    def keys(self) -> list[str]:
        """Every report's listing key (its seq as text, as the corpus listing gives them), oldest year first."""
        return [str(seq) for _, seqs in self.years for seq in seqs]

    def in_a_row(self) -> str:
        """The years as the grouped corpus shows them: ``2020 · 2023×2 · 2024`` (``×2``: two reports that year,
        ``?``: reports whose year was not found)."""
        return " · ".join(("?" if year is None else str(year)) + (f"×{len(keys)}" if len(keys) > 1 else "")
                          for year, keys in self.years)


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
class _Identity:
    """What the groups are made of, whatever the filter (kept while the corpus' identity value stands)."""

    by_name: dict[str, str]        # agency name -> group key (its reports not placed one by one)
    named: dict[str, tuple[str, str]]  # group key -> its name (from every report, whatever the filter), sort key
    by_document: dict[str, str]    # group key of each report placed one by one or without an agency
    placed_json: str               # the ids placed one by one (JSON list, for the queries)


def _identity(db: Database) -> _Identity:
    placed = [r["subject"] for r in db.query("SELECT DISTINCT subject FROM agency_identity WHERE kind = ? AND "
                                             "deleted_at IS NULL", [DOCUMENT])]
    placed_json = json.dumps(placed)
    # every name with its latest year (a group's name does not change with the filter)
    latest, sort_keys = {}, {}
    for r in db.query(
        f"SELECT agency, max(year) AS latest, min(agency_key) AS sort_key FROM documents INDEXED BY "
        f"{SORTS['agency'].index} WHERE "
        f"replaced_by IS NULL AND agency IS NOT NULL AND {_NOT_PLACED} GROUP BY agency", [placed_json]):
        latest[r["agency"]], sort_keys[r["agency"]] = r["latest"], r["sort_key"]
    names = [r["agency"] for r in db.query(f"SELECT DISTINCT agency FROM documents INDEXED BY {SORTS['agency'].index} "
                                           "WHERE replaced_by IS NULL AND agency IS NOT NULL")]
    by_name, _ = group_keys(db, [(f"\0{n}", n) for n in names], names)
    printed: dict[str, dict[tuple[str, int | None], None]] = {}
    for name, year in latest.items():
        printed.setdefault(by_name[f"\0{name}"], {})[(name, year)] = None
    apart = [(r["id"], r["agency"], r["year"], r["agency_key"]) for r in db.query(
        f"SELECT id, agency, year, agency_key FROM documents INDEXED BY {SORTS['seq'].index} WHERE replaced_by IS NULL AND "
        "(agency IS NULL OR id IN (SELECT value FROM json_each(?)))", [placed_json])]
    by_document, _ = group_keys(db, [(i, a) for i, a, _y, _k in apart], names)
    for doc_id, name, year, sort_key in apart:
        if name:
            printed.setdefault(by_document[doc_id], {})[(name, year)] = None
            sort_keys.setdefault(name, sort_key)
    named = {}
    for key, pairs in printed.items():
        name = _group_name(key, pairs)
        # the stored pinyin key of that name (pypinyin only for a name the reviewer gave a group)
        named[key] = (name, sort_keys.get(name) or pinyin_sort_key(name) or "")
    return _Identity({n: by_name[f"\0{n}"] for n in names}, named, by_document, placed_json)


_NOT_PLACED = "seq NOT IN (SELECT seq FROM documents WHERE id IN (SELECT value FROM json_each(?)))"


def grouped_listing(db: Database, flt: ListingFilter = ListingFilter()) -> list[GroupedRow]:  # noqa: B008 - frozen
    """The agency groups of the current reports that pass ``flt``, each with its years (read-only). What the groups
    are made of is read once per state of the corpus (desktop.core.agencies.cache); a filter costs two queries on
    the listing's indexes and a dictionary lookup per distinct (name, year) and per report without an agency."""
    with one_snapshot(db):
        identity = cached(db, "grouped_listing", _identity)
        where, params = listing_where(db, flt)
        rows = named_rows(db, (
            f"SELECT agency, year, group_concat(seq, ' ') AS keys FROM (SELECT agency, year, seq FROM documents "
            f"INDEXED BY {SORTS['agency'].index} WHERE {where} AND agency IS NOT NULL AND {_NOT_PLACED} ORDER BY seq) "
            "GROUP BY agency, year"), [*params, identity.placed_json])
        apart = named_rows(db, (
            f"SELECT id, seq, agency, year, coalesce(nullif(title, ''), name) AS title FROM documents INDEXED BY "
            f"{SORTS['seq'].index} WHERE {where} AND (agency IS NULL OR id IN (SELECT value FROM json_each(?))) "
            "ORDER BY seq"), [*params, identity.placed_json])
    years: dict[str, dict[int | None, list[int]]] = {}  # group key -> year -> seqs of the reports that pass
    titles: dict[str, str] = {}
    by_name, by_document = identity.by_name, identity.by_document
    for row in rows:
        by_year = years.setdefault(by_name[row["agency"]], {})
        by_year.setdefault(row["year"], []).extend(map(int, row["keys"].split(" ")))
    for row in apart:
        key = by_document[row["id"]]
        years.setdefault(key, {}).setdefault(row["year"], []).append(row["seq"])
        if not row["agency"]:
            titles[key] = row["title"]
    out = []
    named = identity.named
    for key, by_year in years.items():
        ordered = tuple((year, tuple(sorted(seqs))) for year, seqs in
                        sorted(by_year.items(), key=lambda item: (item[0] is None, item[0] or 0)))
        has_agency = not key.startswith(NO_AGENCY)
        name, sort_key = named.get(key) or (titles.get(key, ""), "")
        out.append((not has_agency, sort_key, min(seqs[0] for _y, seqs in ordered),
                    GroupedRow(key, name, ordered, has_agency)))
    # agencies in pinyin order, then the reports without one in import order
    out.sort(key=lambda item: item[:3])
    return [item[3] for item in out]
