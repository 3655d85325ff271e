"""One row of a merge source against this database's: the per-table counts of a merge (``MergeReport``), the
SQL that reads the attached source (``src``) and writes this database (``main``), and ``RowMerge``, which decides
for each row whether it is added, updated or kept: the source's authority, the clock clamp (time stamps from the
future set to now), real changes only (time stamps aside), and the conflicts kept when both files changed a row.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.exchange.authority import Authority
from desktop.core.exchange.package import package_returns
from desktop.core.storage.database import column

CLOCK_SKEW = dt.timedelta(minutes=10)   # how far ahead of this computer another one's clock may run unremarked


@dataclass
class TableCounts:
    added: int = 0
    updated: int = 0
    kept: int = 0


@dataclass
class MergeReport:
    """How many rows of each kind were added, updated (the other file's edit was newer) or kept."""

    source: str
    tables: dict[str, TableCounts] = field(default_factory=dict)
    reanchored: int = 0
    orphaned: int = 0
    # corrections of the same field or part made in both files: the newer applies, the other is kept
    correction_conflicts: list[str] = field(default_factory=list)
    # rows both files changed since the package was made: the newer applies, the other is kept (merge_conflicts)
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # time stamps from the future set to now: table -> (count, latest seen)
    clamped: dict[str, tuple[int, str]] = field(default_factory=dict)

    def counts(self, table: str) -> TableCounts:
        return self.tables.setdefault(table, TableCounts())

    def lines(self) -> list[str]:
        """The contract lines printed by ``reviewdesk merge``: ``TABLE<TAB>added N<TAB>updated N<TAB>kept N``, then
        re-anchoring, correction conflicts, ``conflict`` lines and ``clock`` warnings."""
        out = [f"{name}\tadded {c.added}\tupdated {c.updated}\tkept {c.kept}" for name, c in self.tables.items()]
        out.append(f"annotations re-anchored\t{self.reanchored}\torphaned\t{self.orphaned}")
        out.extend(self.correction_conflicts)
        out.extend(self.conflicts)
        for table, (count, latest) in self.clamped.items():
            out.append(f"clock\t{table}\t{count} time stamp(s) later than this computer's clock (latest {latest}) "
                       "set to the time of the merge: the other computer's clock is probably wrong")
        out.extend(self.warnings)
        return out


def columns_of(db: Database, schema: str, table: str) -> list[str]:
    """The column names of ``table`` in the attached ``schema`` (``main`` or ``src``)."""
    return [row["name"] for row in db.query(f"PRAGMA {schema}.table_info({table})")]


def source_rows(db: Database, table: str, columns: list[str]) -> list[dict]:
    """Every row of the source's ``table`` as {column: value}, read whole before anything here changes."""
    quoted = ", ".join(f'"{c}"' for c in columns)
    return list(db.query(f"SELECT {quoted} FROM src.{table}"))


def dict_rows(db: Database, sql: str, params: list | tuple = ()) -> list[dict]:
    """Every row of ``sql`` as {column: value}, through a plain cursor: a merge asks one row at a time tens of
    thousands of times, where sqlite-utils' ``query`` re-parses each statement (most of a merge's time)."""
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def insert_row(db: Database, table: str, row: dict) -> int:
    """Insert ``row`` into this database's ``table``; returns its rowid."""
    cols = tuple(row)
    cursor = db.execute(_insert_sql(table, cols), [row[c] for c in cols])
    assert cursor.lastrowid is not None  # an INSERT always sets it
    return cursor.lastrowid


@functools.lru_cache(maxsize=64)
def _insert_sql(table: str, cols: tuple[str, ...]) -> str:
    """The INSERT of ``cols`` into this database's ``table`` (made once per table and columns, not per row)."""
    return f'INSERT INTO main.{table} ({", ".join(chr(34) + c + chr(34) for c in cols)}) ' \
           f'VALUES ({", ".join("?" for _ in cols)})'


def update_row(db: Database, table: str, key: str, row: dict) -> None:
    """Set this database's row of ``table`` whose ``key`` is ``row[key]`` to the values of ``row``."""
    cols = [c for c in row if c != key]
    db.execute(f'UPDATE main.{table} SET {", ".join(chr(34) + c + chr(34) + " = ?" for c in cols)} WHERE "{key}" = ?',
               [row[c] for c in cols] + [row[key]])


def shared_columns(db: Database, table: str) -> list[str]:
    """The source's columns of ``table`` that this database has too (a source may be older or newer)."""
    here = set(columns_of(db, "main", table))
    return [c for c in columns_of(db, "src", table) if c in here]


def source_has(db: Database, table: str) -> bool:
    """Whether the source has ``table`` (one written before its migration has not)."""
    return bool(column(db, "SELECT name FROM src.sqlite_master WHERE name = ?", [table]))


def parse_time(value: str) -> dt.datetime | None:
    """An ISO time stamp as an aware datetime (UTC when it names no zone), or None when it is not one."""
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def changed_columns(a: dict, b: dict) -> list[str]:
    """The columns (time stamps and ids aside) whose values differ between two versions of a row."""
    return [c for c in a if c in b and c not in ("id", "seq") and not c.endswith("_at") and a[c] != b[c]]


class RowMerge:
    """Row-by-row merge of one source: authority filter, clock clamp, real changes only, conflicts kept."""

    def __init__(self, db: Database, report: MergeReport, auth: Authority, source: str) -> None:
        self.db, self.report, self.auth, self.source = db, report, auth, source
        self.now = now_iso()
        self.limit = dt.datetime.now(dt.UTC) + CLOCK_SKEW
        base = auth.created_at
        if auth.is_package:
            merged = {r["return_id"] for r in db.query("SELECT return_id FROM main.merged_returns")}
            # a package sent again from the same file: what its earlier return brought is no conflict now
            earlier = [r["at"] for r in package_returns(db, "src") if r["id"] in merged]
            if earlier and base:
                base = max([base, *earlier])
        when = parse_time(base) if base else None
        # a package "made" in the future (hand-edited): everything in it counts as changed since
        self.since = base if when and when <= self.limit else (self.now if when else None)
        self.names = {r["id"]: r["name"] for r in db.query("SELECT id, name FROM main.reviewers")}

    def clamp(self, table: str, row: dict) -> dict:
        """The row with time stamps from the future set to now (counted for the ``clock`` warning)."""
        for stamp in [c for c in row if c.endswith("_at") and c != "deleted_at"]:
            value = row.get(stamp)
            if not isinstance(value, str):
                continue
            when = parse_time(value)
            if when is not None and when > self.limit:
                count, latest = self.report.clamped.get(table, (0, ""))
                self.report.clamped[table] = (count + 1, max(latest, value))
                row[stamp] = self.now
        return row

    def apply(self, table: str, row: dict, here: dict | None, extra_here: dict | None = None,
              extra_there: dict | None = None) -> bool:
        """Insert, update or keep ``row`` (source version, ids mapped) against ``here`` (this database's row with
        the same key, ``id`` being the id here). ``extra_*``: values kept outside the row (annotation tags) that
        count as the row's values. True when this database's row now holds the source's version."""
        counts = self.report.counts(table)
        if here is None:
            insert_row(self.db, table, row)
            counts.added += 1
            return True
        differs = changed_columns(row, here)
        if extra_here is not None and extra_there is not None:
            differs += [k for k in extra_there if extra_there[k] != extra_here.get(k)]
        if not differs:
            counts.kept += 1
            return False
        mine, theirs = here.get("updated_at") or "", row.get("updated_at") or ""
        if self.since is None:  # a trusted database: no common origin known, the later edit wins
            there_newer = theirs > mine
        else:
            # changed since the package was made (or since its last return merged here); the same second
            # counts as changed on the package's side (its values differ from what it brought before)
            theirs_changed, mine_changed = theirs >= self.since, mine > self.since
            there_newer = theirs_changed and (not mine_changed or theirs > mine)
            if theirs_changed and mine_changed:
                applied, other = (row, here) if there_newer else (here, row)
                self._conflict(table, here["id"], row, differs, applied, other, extra_there, extra_here,
                               there_newer)
        if there_newer:
            update_row(self.db, table, "id", {**row, "id": here["id"]})
            counts.updated += 1
            return True
        counts.kept += 1
        return False

    def _conflict(self, table: str, row_id: str, row: dict, fields: list[str], applied: dict, other: dict,
                  extra_there: dict | None, extra_here: dict | None, there_newer: bool) -> None:
        def blob(version: dict, extra: dict | None) -> str:
            return json.dumps({**version, **(extra or {})}, ensure_ascii=False, default=str)

        ex_applied, ex_other = (extra_there, extra_here) if there_newer else (extra_here, extra_there)
        self.db.execute(
            "INSERT INTO main.merge_conflicts (id, table_name, row_id, document_id, reviewer_id, fields, applied, "
            "other, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [str(uuid.uuid4()), table, row_id, row.get("document_id"), row.get("reviewer_id"), ",".join(fields),
             blob(applied, ex_applied), blob(other, ex_other), self.source, self.now])
        what = row.get("criterion_id") or ""
        who = self.names.get(row.get("reviewer_id") or "", "")
        shown = [f for f in fields if f in applied] or fields
        self.report.conflicts.append(
            f"conflict\t{table}\t{row.get('document_id') or ''}\t{what}\t{who}\t{','.join(fields)}"
            f"\tapplied {brief(applied, shown)} ({applied.get('updated_at')})"
            f"\tkept {brief(other, shown)} ({other.get('updated_at')})")

    def keyed(self, table: str, natural: tuple[str, ...], maps: dict[str, dict[str, str]]) -> dict[str, str]:
        """Rows of ``table`` matched by their natural key; returns source id -> id here."""
        db = self.db
        cols = shared_columns(db, table)
        self.report.counts(table)
        id_map: dict[str, str] = {}
        where = " AND ".join(f"{c} = ?" for c in natural)
        select = f"SELECT * FROM main.{table} WHERE {where} LIMIT 1"
        for row in source_rows(db, table, cols):
            for key, mapping in maps.items():
                if key in row and row[key] is not None:
                    row[key] = mapping.get(row[key], row[key])
            if not self.auth.may_merge(table, row):
                continue
            self.clamp(table, row)
            # asked row by row, after the rows before it were applied (two source rows may map to one key here)
            found = dict_rows(db, select, [row[c] for c in natural])
            here = found[0] if found else None
            id_map[row["id"]] = here["id"] if here else row["id"]
            self.apply(table, row, here)
        return id_map


def brief(version: dict, fields: list[str]) -> str:
    """The first three of ``fields`` of a row version as ``field=value``, each value on one short line."""
    def show(v: object) -> str:
        text = str(v).replace("\t", " ").replace("\n", " ")
        return text if len(text) <= 60 else text[:57] + "…"

    return "; ".join(f"{f}={show(version.get(f))}" for f in fields[:3])


