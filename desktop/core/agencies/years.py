"""Each report's agency with its years in a row, for one page of the corpus table (never a pass over the corpus).

:func:`agency_years` answers for a page of report ids: the agency group of each (desktop.core.agencies.groups:
short and full names, the reviewer's merges and splits) and the years of that group's current reports, oldest
first. The groups come from the corpus' group identity (built once per state of the corpus, shared with the grouped
corpus); a page reads only the rows of its groups' names, through the listing's covering index.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.agencies.cache import one_snapshot
from desktop.core.agencies.grouped import group_identity
from desktop.core.storage.listing import SORTS


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


def agency_years(db: Database, ids: Sequence[str]) -> dict[str, AgencyYears]:
    """For each current report among ``ids`` (one page: a few hundred), its agency group's years (read-only).

    The groups come from the corpus' group identity (desktop.core.agencies.grouped, built once per state of the
    corpus); the page's groups' reports are then read through the listing's covering index by their names' keys."""
    with one_snapshot(db):
        identity = group_identity(db)
        page = [(r["id"], r["agency"], r["year"]) for r in db.query(
            f"SELECT id, agency, year FROM documents INDEXED BY {SORTS['seq'].index} WHERE replaced_by IS NULL AND "
            "seq IN (SELECT seq FROM documents WHERE id IN (SELECT value FROM json_each(?)))",
            [json.dumps(list(ids))])]
        if not page:
            return {}
        page_keys = {doc_id: identity.group_of(doc_id, agency) for doc_id, agency, _ in page}
        wanted = set(page_keys.values())
        names = [n for key in wanted for n in identity.names_of.get(key, ())]
        stored = [k for n in names for k in identity.stored_keys.get(n, ())]
        apart = [seq for key in wanted for seq in identity.apart_of.get(key, ())]
        # (a report the reviewer placed one by one comes in both halves: counted once)
        rows = {r["id"]: (r["id"], r["agency"], r["year"]) for r in db.query(
            f"SELECT d.id, d.agency, d.year FROM documents AS c INDEXED BY {SORTS['agency'].index} "
            "JOIN documents AS d ON d.seq = c.seq WHERE c.replaced_by IS NULL AND c.agency IN (SELECT value FROM "
            "json_each(:names)) AND ((c.agency_key IS NULL) = 0 AND c.agency_key IN (SELECT value FROM "
            "json_each(:keys))" + (" OR (c.agency_key IS NULL) = 1" if None in stored else "") + ") "
            f"UNION ALL SELECT id, agency, year FROM documents INDEXED BY {SORTS['seq'].index} WHERE replaced_by IS "
            "NULL AND seq IN (SELECT value FROM json_each(:apart))",
            {"names": json.dumps(names, ensure_ascii=False), "apart": json.dumps(apart),
             "keys": json.dumps([k for k in stored if k is not None], ensure_ascii=False)})}
    years: dict[str, dict[int | None, list[str]]] = {}
    for doc_id, agency, year in rows.values():
        key = identity.group_of(doc_id, agency)
        if key in wanted:  # (a report of these names the reviewer placed in another group is not)
            years.setdefault(key, {}).setdefault(year, []).append(doc_id)
    out = {}
    for doc_id, _agency, year in page:
        group = years[page_keys[doc_id]]
        ordered = sorted(group.items(), key=lambda item: (item[0] is None, item[0] or 0))
        out[doc_id] = AgencyYears(page_keys[doc_id], year, tuple((y, tuple(sorted(d))) for y, d in ordered))
    return out
