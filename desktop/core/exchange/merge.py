"""Merge another reviewer's database into this one.

Rows that reviewers create carry UUIDs, so the same row is recognised in both files:
documents by id, then by content (sha256, then the hash of the normalized text: the same report saved in another
encoding); reviewers by id only (a different person of the same or a look-alike name is refused); tags by id,
then by name; rubrics by content (sha256); annotations and the reviewer's corrections by id; reviews and scores by
(document, reviewer, rubric[, criterion]). What a source may change is decided first (``authority.py``): a
reviewer's package brings only that reviewer's work; any other database only when trusted.

A row whose values (time stamps aside) are the same in both files is kept and not counted as updated. Where only
the source changed a row since the package was made, its version applies; where both files changed it since, the
newer applies and the other is kept in ``merge_conflicts`` and listed (``conflict`` lines) for someone to choose.
Time stamps later than this computer's clock (beyond ``CLOCK_SKEW``) are set to now, with a ``clock`` warning,
so that a PC whose clock runs ahead cannot make its edits outrank every later one. Nothing is ever deleted.
An annotation whose document text differs between the files (a document re-imported in one of them) is
re-anchored onto this database's text, or kept as an orphan for the reviewer to place; so is a part correction.
Two reviewers' corrections of the same field or part both stay: the newer applies, the pair is reported.
The whole merge is one transaction, after a backup of this database.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.authority import (
    Authority,
    SourceRefused,
    check_has_work,
    check_source_file,
    overreach,
    refuse_overreach,
    source_authority,
)
from desktop.core.exchange.package import check_package_project, package_returns
from desktop.core.exchange.validate import MergeRefused, validate_source
from desktop.core.progress import Progress
from desktop.core.storage.database import column, database_file, named_rows
from desktop.core.storage.documents import text_hash
from desktop.core.storage.schema import MIGRATIONS
from desktop.core.storage.search import index_document

log = logging.getLogger(__name__)
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


def _columns(db: Database, schema: str, table: str) -> list[str]:
    return [row["name"] for row in db.query(f"PRAGMA {schema}.table_info({table})")]


def _rows(db: Database, table: str, columns: list[str]) -> list[dict]:
    quoted = ", ".join(f'"{c}"' for c in columns)
    return [dict(zip(columns, row, strict=True))
            for row in db.execute(f"SELECT {quoted} FROM src.{table}").fetchall()]


def _insert(db: Database, table: str, row: dict) -> int:
    cols = list(row)
    cursor = db.execute(
        f'INSERT INTO main.{table} ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
        f'VALUES ({", ".join("?" for _ in cols)})', [row[c] for c in cols])
    assert cursor.lastrowid is not None  # an INSERT always sets it
    return cursor.lastrowid


def _update(db: Database, table: str, key: str, row: dict) -> None:
    cols = [c for c in row if c != key]
    db.execute(f'UPDATE main.{table} SET {", ".join(chr(34) + c + chr(34) + " = ?" for c in cols)} WHERE "{key}" = ?',
               [row[c] for c in cols] + [row[key]])


def _check_versions(db: Database, source: Path) -> None:
    applied_here = {m.name for m in MIGRATIONS.applied(db)}
    try:
        there = set(column(db, "SELECT name FROM src._sqlite_migrations WHERE migration_set = 'reviewdesk'"))
    except sqlite3.OperationalError as exc:
        raise ReviewDeskError(f"{source} is not a ReviewDesk database ({exc}); choose a database file") from exc
    newer = there - applied_here
    if newer:
        raise ReviewDeskError(f"{source} was written by a newer ReviewDesk (schema {', '.join(sorted(newer))}); "
                              "update ReviewDesk before merging it")


def backup_database(db: Database, path: Path) -> Path:
    """Copy the open database to ``<file>.backup-before-merge-<time>[-N]`` next to it and return that path (a new
    name every time: two merges in the same second keep both backups)."""
    from desktop.core.storage.database import backup_to

    return backup_to(db.conn, path, "backup-before-merge")


def merge_database(db: Database, source: str | Path, progress: Progress | None = None, *,
                   trust: bool = False) -> MergeReport:
    """Merge the database file ``source`` into ``db`` in one transaction and report what changed.

    A reviewer's package merges its reviewer's work; a database that is not a package is refused unless
    ``trust`` (see ``authority.py``).
    """
    progress = progress or Progress()
    source = Path(source)
    if not source.is_file():
        raise ReviewDeskError(f"{source}: file not found; choose the other reviewer's .sqlite3 file")
    with open(source, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise ReviewDeskError(f"{source} is not a ReviewDesk database (not an SQLite file)")
    main_file = database_file(db)  # bytes-safe: a database named in GBK bytes
    if main_file and Path(main_file).resolve() == source.resolve():
        raise ReviewDeskError(f"{source} is this database itself; choose the other reviewer's file")
    check_source_file(source)
    problems = validate_source(source, db)  # every incoming row, before anything is changed
    if problems:
        raise MergeRefused(source, problems)
    db.execute("ATTACH DATABASE ? AS src", [os.fsencode(source)])  # bytes: a file name that is not UTF-8
    try:
        _check_versions(db, source)
        check_package_project(db, "src", str(source))
        auth = source_authority(db, source, trust)
        check_has_work(db, source, auth)
        refuse_overreach(source, auth, overreach(db, auth))
        if main_file:
            log.info("merge of %s into %s: backup %s", source, main_file, backup_database(db, Path(main_file)))
        report = MergeReport(str(source))
        merge = _Merge(db, report, auth, str(source))
        with db.atomic():
            doc_map = _merge_documents(db, report, progress)
            reviewer_map = _merge_reviewers(db, report, auth, source)
            tag_map = _merge_by_key(db, report, "tags", "id", natural="name", newer="updated_at")
            rubric_map = _merge_by_key(db, report, "rubrics", "id", natural="sha256")
            progress.check()
            _merge_annotations(merge, doc_map, reviewer_map, tag_map)
            _merge_corrections(merge, doc_map, reviewer_map)
            merge.keyed("reviews", ("document_id", "reviewer_id", "rubric_id"),
                        {"document_id": doc_map, "reviewer_id": reviewer_map, "rubric_id": rubric_map})
            score_map = merge.keyed("scores", ("document_id", "reviewer_id", "rubric_id", "criterion_id"),
                                    {"document_id": doc_map, "reviewer_id": reviewer_map, "rubric_id": rubric_map})
            _merge_evidence(db, report, score_map, only_mapped=auth.is_package)
            _merge_versions(merge, doc_map, reviewer_map, rubric_map)
            for table in ("agency_identity", "promise_matches"):  # schema 0014, a source before it has none
                if db.execute("SELECT 1 FROM src.sqlite_master WHERE name = ?", [table]).fetchone():
                    merge.keyed(table, ("id",), {"document_id": doc_map, "previous_id": doc_map,
                                                 "reviewer_id": reviewer_map})
            if not auth.is_package:
                _merge_panel(merge, doc_map, reviewer_map, rubric_map)
                # the panel's final-score rule (schema 0009), when this database has not chosen one
                db.execute("INSERT OR IGNORE INTO main.settings (key, value) SELECT key, value FROM src.settings "
                           "WHERE key = 'final_rule'")
            else:
                for entry in package_returns(db, "src"):
                    db.execute("INSERT OR IGNORE INTO main.merged_returns (return_id, reviewer_id, returned_at, "
                               "merged_at, source) VALUES (?, ?, ?, ?, ?)",
                               [entry["id"], auth.reviewer_id, entry["at"], merge.now, str(source)])
        log.info("merged %s: %s", source, "; ".join(report.lines()))
        return report
    finally:
        db.execute("DETACH DATABASE src")


def _merge_panel(merge: _Merge, doc_map: dict[str, str], reviewer_map: dict[str, str],
                 rubric_map: dict[str, str]) -> None:
    """Assignments and the lead's adjudications (schema 0006) from a trusted database, by natural key, the later
    edit winning; a source from before panel review has none."""
    if not merge.db.execute("SELECT 1 FROM src.sqlite_master WHERE name = 'assignments'").fetchone():
        return
    merge.keyed("assignments", ("document_id", "reviewer_id"), {"document_id": doc_map, "reviewer_id": reviewer_map})
    merge.keyed("adjudications", ("document_id", "rubric_id"), {"document_id": doc_map, "rubric_id": rubric_map})
    merge.keyed("adjudication_scores", ("document_id", "rubric_id", "criterion_id"),
                {"document_id": doc_map, "rubric_id": rubric_map})


def _merge_documents(db: Database, report: MergeReport, progress: Progress) -> dict[str, str]:
    cols = [c for c in _columns(db, "src", "documents") if c in set(_columns(db, "main", "documents"))]
    doc_map: dict[str, str] = {}
    rows = _rows(db, "documents", cols)
    counts = report.counts("documents")
    for i, row in enumerate(rows):
        progress.update(i, len(rows), row["name"])
        progress.check()
        here = db.execute("SELECT id FROM main.documents WHERE id = ?", [row["id"]]).fetchone() or \
            db.execute("SELECT id FROM main.documents WHERE sha256 = ?", [row["sha256"]]).fetchone() or \
            db.execute("SELECT id FROM main.documents WHERE text_sha256 = ? AND replaced_by IS NULL "
                       "ORDER BY seq LIMIT 1", [text_hash(row["text"])]).fetchone()
        if here:
            doc_map[row["id"]] = here[0]
            counts.kept += 1
            continue
        src_id = row["id"]
        new = {k: v for k, v in row.items() if k not in ("seq", "replaced_by")}
        seq = _insert(db, "documents", new)
        for child in ("sections", "outline", "clutter", "document_versions"):
            if not db.execute("SELECT 1 FROM src.sqlite_master WHERE name = ?", [child]).fetchone():
                continue
            child_cols = [c for c in _columns(db, "src", child) if c != "id" and c in set(_columns(db, "main", child))]
            quoted = ", ".join(f'"{c}"' for c in child_cols)
            db.execute(f"INSERT INTO main.{child} ({quoted}) SELECT {quoted} FROM src.{child} WHERE document_id = ?",
                       [src_id])
        index_document(db, seq, row["text"])
        db.execute("UPDATE main.documents SET text_sha256 = ? WHERE seq = ?", [text_hash(row["text"]), seq])
        doc_map[src_id] = src_id
        counts.added += 1
    return doc_map


def _merge_by_key(db: Database, report: MergeReport, table: str, key: str, *, natural: str,
                  newer: str | None = None) -> dict[str, str]:
    cols = [c for c in _columns(db, "src", table) if c in set(_columns(db, "main", table))]
    mapping: dict[str, str] = {}
    counts = report.counts(table)
    for row in _rows(db, table, cols):
        same = db.execute(f"SELECT {key}{', ' + newer if newer else ''} FROM main.{table} WHERE {key} = ?",
                          [row[key]]).fetchone()
        if same is None:
            same = db.execute(f"SELECT {key}{', ' + newer if newer else ''} FROM main.{table} WHERE {natural} = ?",
                              [row[natural]]).fetchone()
            if same is not None:
                mapping[row[key]] = same[0]
                counts.kept += 1
                continue
            _insert(db, table, row)
            mapping[row[key]] = row[key]
            counts.added += 1
            continue
        mapping[row[key]] = same[0]
        if newer and row[newer] and same[1] and row[newer] > same[1]:
            _update(db, table, key, row)
            counts.updated += 1
        else:
            counts.kept += 1
    return mapping


def _merge_reviewers(db: Database, report: MergeReport, auth: Authority, source: Path) -> dict[str, str]:
    """Reviewers by id only. A package's reviewer is this database's (checked); a trusted database's new
    reviewers are added under their clean name, unless the name is (or looks like) another person's here."""
    from desktop.core.review.reviewers import clean_name, name_key

    counts = report.counts("reviewers")
    mapping: dict[str, str] = {}
    here = {r["id"]: r["name"] for r in db.query("SELECT id, name FROM main.reviewers")}
    keys = {name_key(name): (rid, name) for rid, name in here.items()}
    clashes = []
    for src_row in list(db.query("SELECT id, name, created_at FROM src.reviewers")):
        rid, name, created = src_row["id"], src_row["name"], src_row["created_at"]
        mapping[rid] = rid
        if rid in here:
            counts.kept += 1
            continue
        if auth.is_package:
            continue  # none of its rows merge (overreach checked that they change nothing)
        clean = clean_name(name)
        twin = keys.get(name_key(clean))
        if twin is not None:
            clashes.append(f"{clean!r} (id {rid}) is not this database's {twin[1]!r} (id {twin[0]})")
            continue
        _insert(db, "reviewers", {"id": rid, "name": clean, "created_at": created})
        keys[name_key(clean)] = (rid, clean)
        counts.added += 1
    if clashes:
        raise SourceRefused(
            f"{source}: reviewers are matched by id, and {len(clashes)} reviewer(s) in it have the name (or a "
            "look-alike) of a different reviewer here, so the two could not be told apart on any sheet. Nothing "
            "was merged. Rename one of them (in the database they come from) and merge again:\n"
            + "\n".join(f"  - {c}" for c in clashes))
    return mapping


def _parse_time(value: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _same_values(a: dict, b: dict) -> list[str]:
    """The columns (time stamps and ids aside) whose values differ between two versions of a row."""
    return [c for c in a if c in b and c not in ("id", "seq") and not c.endswith("_at") and a[c] != b[c]]


class _Merge:
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
        when = _parse_time(base) if base else None
        # a package "made" in the future (hand-edited): everything in it counts as changed since
        self.since = base if when and when <= self.limit else (self.now if when else None)
        self.names = {r["id"]: r["name"] for r in db.query("SELECT id, name FROM main.reviewers")}

    def clamp(self, table: str, row: dict) -> dict:
        """The row with time stamps from the future set to now (counted for the ``clock`` warning)."""
        for stamp in [c for c in row if c.endswith("_at") and c != "deleted_at"]:
            value = row.get(stamp)
            if not isinstance(value, str):
                continue
            when = _parse_time(value)
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
            _insert(self.db, table, row)
            counts.added += 1
            return True
        differs = _same_values(row, here)
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
            _update(self.db, table, "id", {**row, "id": here["id"]})
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
            f"\tapplied {_brief(applied, shown)} ({applied.get('updated_at')})"
            f"\tkept {_brief(other, shown)} ({other.get('updated_at')})")

    def keyed(self, table: str, natural: tuple[str, ...], maps: dict[str, dict[str, str]]) -> dict[str, str]:
        """Rows of ``table`` matched by their natural key; returns source id -> id here."""
        db = self.db
        cols = [c for c in _columns(db, "src", table) if c in set(_columns(db, "main", table))]
        self.report.counts(table)
        id_map: dict[str, str] = {}
        for row in _rows(db, table, cols):
            for key, mapping in maps.items():
                if key in row and row[key] is not None:
                    row[key] = mapping.get(row[key], row[key])
            if not self.auth.may_merge(table, row):
                continue
            self.clamp(table, row)
            where = " AND ".join(f"{c} = ?" for c in natural)
            here = next(db.query(f"SELECT * FROM main.{table} WHERE {where}", [row[c] for c in natural]), None)
            id_map[row["id"]] = here["id"] if here else row["id"]
            self.apply(table, row, here)
        return id_map


def _brief(version: dict, fields: list[str]) -> str:
    def show(v: object) -> str:
        text = str(v).replace("\t", " ").replace("\n", " ")
        return text if len(text) <= 60 else text[:57] + "…"

    return "; ".join(f"{f}={show(version.get(f))}" for f in fields[:3])


def _merge_annotations(merge: _Merge, doc_map: dict[str, str], reviewer_map: dict[str, str],
                       tag_map: dict[str, str]) -> None:
    from desktop.core.compare.anchoring import Anchor, locate

    db, report = merge.db, merge.report
    cols = [c for c in _columns(db, "src", "annotations") if c in set(_columns(db, "main", "annotations"))]
    report.counts("annotations")
    texts: dict[str, tuple[str, str]] = {}
    for row in _rows(db, "annotations", cols):
        row["document_id"] = doc_map.get(row["document_id"], row["document_id"])
        if row.get("reviewer_id"):
            row["reviewer_id"] = reviewer_map.get(row["reviewer_id"], row["reviewer_id"])
        if not merge.auth.may_merge("annotations", row):
            continue
        merge.clamp("annotations", row)
        doc = row["document_id"]
        if doc not in texts:
            here_text = db.execute("SELECT text FROM main.documents WHERE id = ?", [doc]).fetchone()
            texts[doc] = (here_text[0] if here_text else "", "")
        text = texts[doc][0]
        if row.get("status", "anchored") == "anchored" and text[row["start"]:row["end"]] != row["quote"]:
            placed = locate(Anchor(row["start"], row["end"], row["quote"], row["prefix"], row["suffix"]), text)
            if placed.placed:
                row["start"], row["end"] = placed.start, placed.end
                report.reanchored += 1
            else:
                row["status"] = "orphan"
                report.orphaned += 1
        here = next(db.query("SELECT * FROM main.annotations WHERE id = ?", [row["id"]]), None)
        tags_there = sorted(tag_map.get(t["tag_id"], t["tag_id"]) for t in db.query(
            "SELECT tag_id FROM src.annotation_tags WHERE annotation_id = ?", [row["id"]]))
        tags_here = sorted(t["tag_id"] for t in db.query(
            "SELECT tag_id FROM main.annotation_tags WHERE annotation_id = ?", [row["id"]]))
        if here is not None and row.get("quote") == here.get("quote") and row.get("status") == here.get("status"):
            # the same passage placed anew on this text (re-anchoring) is not the reviewer's change
            for column in ("start", "end", "anchored_by", "anchor_score"):
                if column in here and column in row:
                    row[column] = here[column]
        if not merge.apply("annotations", row, here, {"tags": tags_here}, {"tags": tags_there}):
            continue
        db.execute("DELETE FROM main.annotation_tags WHERE annotation_id = ?", [row["id"]])
        for tag_id in tags_there:
            db.execute("INSERT OR IGNORE INTO main.annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                       [row["id"], tag_id])


def _merge_corrections(merge: _Merge, doc_map: dict[str, str], reviewer_map: dict[str, str]) -> None:
    """Corrections by id, the later edit winning; part corrections re-anchored like annotations.

    Two live corrections of the same field or part (one from each file, different ids) both stay: the newer
    applies and the pair is reported (``correction conflict`` lines). The documents concerned get their
    effective values recomputed.
    """
    from desktop.core.compare.anchoring import Anchor, locate
    from desktop.core.storage.corrections import refresh_effective

    db, report = merge.db, merge.report
    if not db.execute("SELECT 1 FROM src.sqlite_master WHERE name = 'corrections'").fetchone():
        return
    cols = [c for c in _columns(db, "src", "corrections") if c in set(_columns(db, "main", "corrections"))]
    counts = report.counts("corrections")
    changed: dict[str, set[str]] = {}
    texts: dict[str, str] = {}
    for row in _rows(db, "corrections", cols):
        row["document_id"] = doc_map.get(row["document_id"], row["document_id"])
        if row.get("reviewer_id"):
            row["reviewer_id"] = reviewer_map.get(row["reviewer_id"], row["reviewer_id"])
        if not merge.auth.may_merge("corrections", row):
            continue
        merge.clamp("corrections", row)
        doc = row["document_id"]
        if doc not in texts:
            here = db.execute("SELECT text FROM main.documents WHERE id = ?", [doc]).fetchone()
            if here is None:
                continue
            texts[doc] = here[0]
        text = texts[doc]
        if row.get("start") is not None and row.get("status") != "orphan" \
                and text[row["start"]:row["end"]] != row["quote"]:
            placed = locate(Anchor(row["start"], row["end"], row["quote"], row["prefix"], row["suffix"]), text)
            if placed.placed:
                row["start"], row["end"] = placed.start, placed.end
            else:
                row["status"] = "orphan"
        same = next(db.query("SELECT * FROM main.corrections WHERE id = ?", [row["id"]]), None)
        if same is None:
            _insert(db, "corrections", row)
            counts.added += 1
        else:
            if _same_values(row, same) and row["updated_at"] > same["updated_at"]:
                _update(db, "corrections", "id", row)
                counts.updated += 1
            else:
                counts.kept += 1
                continue
        changed.setdefault(doc, set()).add(row["id"])
    for doc, ids in changed.items():
        for target in column(db, "SELECT DISTINCT target FROM main.corrections WHERE document_id = ? "
                                 "AND deleted_at IS NULL AND target != ''", [doc]):
            live = named_rows(
                db, "SELECT c.id, c.after, coalesce(r.name, '') AS reviewer, c.updated_at FROM main.corrections c "
                "LEFT JOIN main.reviewers r ON r.id = c.reviewer_id WHERE c.document_id = ? AND c.target = ? "
                "AND c.deleted_at IS NULL ORDER BY c.updated_at DESC, c.id DESC", [doc, target])
            if len(live) > 1 and any(r["id"] in ids for r in live):
                win = live[0]
                for other in live[1:]:
                    if other["after"] == win["after"]:
                        continue  # the same value from both (two confirmations of one field): no conflict
                    report.correction_conflicts.append(
                        f"correction conflict\t{doc}\t{target}\tapplied {win['after']} by {win['reviewer'] or '?'} "
                        f"({win['updated_at']})\tkept {other['after']} by {other['reviewer'] or '?'} "
                        f"({other['updated_at']})")
        refresh_effective(db, doc)


def _merge_versions(merge: _Merge, doc_map: dict[str, str], reviewer_map: dict[str, str],
                    rubric_map: dict[str, str]) -> None:
    """Submitted versions by id, appended: history is never rewritten; a version number already used here for
    another submission is given the next free number."""
    db = merge.db
    if not db.execute("SELECT 1 FROM src.sqlite_master WHERE name = 'review_versions'").fetchone():
        return
    counts = merge.report.counts("review_versions")
    cols = [c for c in _columns(db, "src", "review_versions") if c in set(_columns(db, "main", "review_versions"))]
    for row in sorted(_rows(db, "review_versions", cols), key=lambda r: (str(r["submitted_at"]), r["version"])):
        row["document_id"] = doc_map.get(row["document_id"], row["document_id"])
        row["reviewer_id"] = reviewer_map.get(row["reviewer_id"], row["reviewer_id"])
        row["rubric_id"] = rubric_map.get(row["rubric_id"], row["rubric_id"])
        if not merge.auth.may_merge("review_versions", row):
            continue
        if db.execute("SELECT 1 FROM main.review_versions WHERE id = ?", [row["id"]]).fetchone():
            counts.kept += 1
            continue
        merge.clamp("review_versions", row)
        key = [row["document_id"], row["reviewer_id"], row["rubric_id"]]
        if db.execute("SELECT 1 FROM main.review_versions WHERE document_id = ? AND reviewer_id = ? AND rubric_id = ? "
                      "AND version = ?", [*key, row["version"]]).fetchone():
            row["version"] = next(db.query("SELECT max(version) + 1 AS next FROM main.review_versions WHERE "
                                           "document_id = ? AND reviewer_id = ? AND rubric_id = ?", key))["next"]
        _insert(db, "review_versions", row)
        counts.added += 1


def _merge_evidence(db: Database, report: MergeReport, score_map: dict[str, str], *, only_mapped: bool) -> None:
    """Evidence links of the merged scores (``only_mapped``: of the scores this source may change only)."""
    counts = report.counts("score_evidence")
    for score_id, annotation_id in db.execute("SELECT score_id, annotation_id FROM src.score_evidence").fetchall():
        if only_mapped and score_id not in score_map:
            continue
        target = score_map.get(score_id, score_id)
        if not db.execute("SELECT 1 FROM main.annotations WHERE id = ?", [annotation_id]).fetchone():
            continue
        cursor = db.execute("INSERT OR IGNORE INTO main.score_evidence (score_id, annotation_id) VALUES (?, ?)",
                            [target, annotation_id])
        if cursor.rowcount:
            counts.added += 1
        else:
            counts.kept += 1
