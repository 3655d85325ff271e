"""Each report's agency with its years in a row, for one page of the corpus table (never a pass over the corpus).

:func:`agency_years` answers for a page of report ids: the agency group of each (desktop.core.agencies.groups:
short and full names, the reviewer's merges and splits) and the years of that group's current reports, oldest
first. It reads the corpus' distinct agency names (from the covering index, to complete short names the way the
agency views do), the reviewer's identity decisions, and the rows of only the names of the page's groups.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.agencies.groups import DOCUMENT, group_keys
from desktop.core.agencies.identity import cached_key


@dataclass(frozen=True)
class AgencyYears:
    """One report's agency across years: the group key and each year's reports (year, report ids), oldest first;
    reports with no year last (year None)."""

    group_key: str
    year: int | None                                       # this report's year
    years: tuple[tuple[int | None, tuple[str, ...]], ...]

    @property
    def known_years(self) -> list[int]:
        return [y for y, _ in self.years if y is not None]

    @property
    def reports(self) -> int:
        return sum(len(ids) for _, ids in self.years)

    def in_a_row(self) -> str:
        """The years as the corpus table shows them: ``2020 · 2023 · 【2024】`` (this report's year in brackets,
        ``×2`` after a year with two reports, ``?`` for reports whose year was not found)."""
        cells = []
        for year, ids in self.years:
            cell = "?" if year is None else str(year)
            if len(ids) > 1:
                cell += f"×{len(ids)}"
            cells.append(f"【{cell}】" if year == self.year else cell)
        return " · ".join(cells)


def _rows(db: Database, sql: str, values: Sequence[object]) -> list[tuple[str, str | None, int | None]]:
    """(id, agency, year) of the current reports the query selects from a JSON list of ``values``."""
    return [(r["id"], r["agency"], r["year"]) for r in db.query(
        f"SELECT id, agency, year FROM documents INDEXED BY documents_identity WHERE replaced_by IS NULL AND {sql} "
        "IN (SELECT value FROM json_each(?))", [json.dumps(list(values), ensure_ascii=False)])]


def agency_years(db: Database, ids: Sequence[str]) -> dict[str, AgencyYears]:
    """For each current report among ``ids`` (one page: a few hundred), its agency group's years (read-only)."""
    page = _rows(db, "id", ids)
    if not page:
        return {}
    names = [r["agency"] for r in db.query("SELECT DISTINCT agency FROM documents INDEXED BY documents_identity "
                                           "WHERE replaced_by IS NULL AND agency IS NOT NULL")]
    placed = [r["subject"] for r in db.query("SELECT DISTINCT subject FROM agency_identity WHERE kind = ? AND "
                                             "deleted_at IS NULL", [DOCUMENT])]
    # every name's group (a name's reports share it unless the reviewer placed a report elsewhere)
    by_name, _ = group_keys(db, [(f"\0{n}", n) for n in names], names)
    page_keys, _ = group_keys(db, [(i, a) for i, a, _ in page], names)
    wanted = set(page_keys.values())
    members = [n for n in names if by_name[f"\0{n}"] in wanted and cached_key(n)]
    candidates = {doc_id: (doc_id, agency, year) for doc_id, agency, year in _rows(db, "agency", members)}
    candidates.update({doc_id: (doc_id, agency, year) for doc_id, agency, year in _rows(db, "id", placed)})
    candidates.update({i: (i, a, y) for i, a, y in page})
    keys, _ = group_keys(db, [(i, a) for i, a, _ in candidates.values()], names)
    years: dict[str, dict[int | None, list[str]]] = {}
    for doc_id, _agency, year in candidates.values():
        if keys[doc_id] in wanted:
            years.setdefault(keys[doc_id], {}).setdefault(year, []).append(doc_id)
    out = {}
    for doc_id, _agency, year in page:
        group = years[page_keys[doc_id]]
        ordered = sorted(group.items(), key=lambda item: (item[0] is None, item[0] or 0))
        out[doc_id] = AgencyYears(page_keys[doc_id], year, tuple((y, tuple(sorted(d))) for y, d in ordered))
    return out
