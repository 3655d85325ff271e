"""Merge another reviewer's database into this one.

Rows that reviewers create carry UUIDs, so the same row is recognised in both files:
documents by id, then by content (sha256); reviewers by id, then by name; tags by id, then by name; rubrics by
content (sha256); annotations and the reviewer's corrections by id; reviews and scores by (document, reviewer, rubric[, criterion]).
Where both files changed the same row, the one edited last (``updated_at``) wins; nothing is ever deleted.
An annotation whose document text differs between the files (a document re-imported in one of them) is
re-anchored onto this database's text, or kept as an orphan for the reviewer to place; so is a part correction.
Two reviewers' corrections of the same field or part both stay: the newer applies, the pair is reported.
The whole merge is one transaction, after a backup of this database.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.package import check_package_project
from desktop.core.exchange.validate import MergeRefused, validate_source
from desktop.core.progress import Progress
from desktop.core.storage.documents import text_hash
from desktop.core.storage.schema import MIGRATIONS
from desktop.core.storage.search import index_document

log = logging.getLogger(__name__)


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

    def counts(self, table: str) -> TableCounts:
        return self.tables.setdefault(table, TableCounts())

    def lines(self) -> list[str]:
        """The contract lines printed by ``reviewdesk merge``: ``TABLE<TAB>added N<TAB>updated N<TAB>kept N``."""
        out = [f"{name}\tadded {c.added}\tupdated {c.updated}\tkept {c.kept}" for name, c in self.tables.items()]
        out.append(f"annotations re-anchored\t{self.reanchored}\torphaned\t{self.orphaned}")
        out.extend(self.correction_conflicts)
        return out


def _columns(db: Database, schema: str, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA {schema}.table_info({table})").fetchall()]


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
        there = {r[0] for r in db.execute(
            "SELECT name FROM src._sqlite_migrations WHERE migration_set = 'reviewdesk'").fetchall()}
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


def merge_database(db: Database, source: str | Path, progress: Progress | None = None) -> MergeReport:
    """Merge the database file ``source`` into ``db`` in one transaction and report what changed."""
    progress = progress or Progress()
    source = Path(source)
    if not source.is_file():
        raise ReviewDeskError(f"{source}: file not found; choose the other reviewer's .sqlite3 file")
    with open(source, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise ReviewDeskError(f"{source} is not a ReviewDesk database (not an SQLite file)")
    main_file = db.execute("PRAGMA database_list").fetchone()[2]
    if main_file and Path(main_file).resolve() == source.resolve():
        raise ReviewDeskError(f"{source} is this database itself; choose the other reviewer's file")
    problems = validate_source(source, db)  # every incoming row, before anything is changed
    if problems:
        raise MergeRefused(source, problems)
    if main_file:
        log.info("merge of %s into %s: backup %s", source, main_file, backup_database(db, Path(main_file)))
    db.execute("ATTACH DATABASE ? AS src", [str(source)])
    try:
        _check_versions(db, source)
        check_package_project(db, "src", str(source))
        report = MergeReport(str(source))
        with db.atomic():
            doc_map = _merge_documents(db, report, progress)
            reviewer_map = _merge_by_key(db, report, "reviewers", "id", natural="name")
            tag_map = _merge_by_key(db, report, "tags", "id", natural="name", newer="updated_at")
            rubric_map = _merge_by_key(db, report, "rubrics", "id", natural="sha256")
            progress.check()
            _merge_annotations(db, report, doc_map, reviewer_map, tag_map)
            _merge_corrections(db, report, doc_map, reviewer_map)
            _merge_keyed(db, report, "reviews", ("document_id", "reviewer_id", "rubric_id"),
                         {"document_id": doc_map, "reviewer_id": reviewer_map, "rubric_id": rubric_map})
            score_map = _merge_keyed(db, report, "scores", ("document_id", "reviewer_id", "rubric_id", "criterion_id"),
                                     {"document_id": doc_map, "reviewer_id": reviewer_map, "rubric_id": rubric_map})
            _merge_evidence(db, report, score_map)
            _merge_panel(db, report, doc_map, reviewer_map, rubric_map)
        log.info("merged %s: %s", source, "; ".join(report.lines()))
        return report
    finally:
        db.execute("DETACH DATABASE src")


def _merge_panel(db: Database, report: MergeReport, doc_map: dict[str, str], reviewer_map: dict[str, str],
                 rubric_map: dict[str, str]) -> None:
    """Assignments and the lead's adjudications (schema 0006), by natural key, the later edit winning; a source
    from before panel review has none."""
    if not db.execute("SELECT 1 FROM src.sqlite_master WHERE name = 'assignments'").fetchone():
        return
    _merge_keyed(db, report, "assignments", ("document_id", "reviewer_id"),
                 {"document_id": doc_map, "reviewer_id": reviewer_map})
    _merge_keyed(db, report, "adjudications", ("document_id", "rubric_id"),
                 {"document_id": doc_map, "rubric_id": rubric_map})
    _merge_keyed(db, report, "adjudication_scores", ("document_id", "rubric_id", "criterion_id"),
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
            db.execute("SELECT id FROM main.documents WHERE sha256 = ?", [row["sha256"]]).fetchone()
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


def _merge_annotations(db: Database, report: MergeReport, doc_map: dict[str, str], reviewer_map: dict[str, str],
                       tag_map: dict[str, str]) -> None:
    from desktop.core.compare.anchoring import Anchor, locate

    cols = [c for c in _columns(db, "src", "annotations") if c in set(_columns(db, "main", "annotations"))]
    counts = report.counts("annotations")
    texts: dict[str, tuple[str, str]] = {}
    for row in _rows(db, "annotations", cols):
        row["document_id"] = doc_map.get(row["document_id"], row["document_id"])
        if row.get("reviewer_id"):
            row["reviewer_id"] = reviewer_map.get(row["reviewer_id"], row["reviewer_id"])
        doc = row["document_id"]
        if doc not in texts:
            here = db.execute("SELECT text FROM main.documents WHERE id = ?", [doc]).fetchone()
            texts[doc] = (here[0] if here else "", "")
        text = texts[doc][0]
        if row.get("status", "anchored") == "anchored" and text[row["start"]:row["end"]] != row["quote"]:
            placed = locate(Anchor(row["start"], row["end"], row["quote"], row["prefix"], row["suffix"]), text)
            if placed.placed:
                row["start"], row["end"] = placed.start, placed.end
                report.reanchored += 1
            else:
                row["status"] = "orphan"
                report.orphaned += 1
        same = db.execute("SELECT updated_at FROM main.annotations WHERE id = ?", [row["id"]]).fetchone()
        if same is None:
            _insert(db, "annotations", row)
            counts.added += 1
        elif row["updated_at"] > same[0]:
            _update(db, "annotations", "id", row)
            db.execute("DELETE FROM main.annotation_tags WHERE annotation_id = ?", [row["id"]])
            counts.updated += 1
        else:
            counts.kept += 1
            continue
        for (tag_id,) in db.execute("SELECT tag_id FROM src.annotation_tags WHERE annotation_id = ?",
                                    [row["id"]]).fetchall():
            db.execute("INSERT OR IGNORE INTO main.annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                       [row["id"], tag_map.get(tag_id, tag_id)])


def _merge_corrections(db: Database, report: MergeReport, doc_map: dict[str, str],
                       reviewer_map: dict[str, str]) -> None:
    """Corrections by id, the later edit winning; part corrections re-anchored like annotations.

    Two live corrections of the same field or part (one from each file, different ids) both stay: the newer
    applies and the pair is reported (``correction conflict`` lines). The documents concerned get their
    effective values recomputed.
    """
    from desktop.core.compare.anchoring import Anchor, locate
    from desktop.core.storage.corrections import refresh_effective

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
        same = db.execute("SELECT updated_at FROM main.corrections WHERE id = ?", [row["id"]]).fetchone()
        if same is None:
            _insert(db, "corrections", row)
            counts.added += 1
        elif row["updated_at"] > same[0]:
            _update(db, "corrections", "id", row)
            counts.updated += 1
        else:
            counts.kept += 1
            continue
        changed.setdefault(doc, set()).add(row["id"])
    for doc, ids in changed.items():
        for target, in db.execute("SELECT DISTINCT target FROM main.corrections WHERE document_id = ? "
                                  "AND deleted_at IS NULL AND target != ''", [doc]).fetchall():
            live = db.execute(
                "SELECT c.id, c.after, coalesce(r.name, ''), c.updated_at FROM main.corrections c "
                "LEFT JOIN main.reviewers r ON r.id = c.reviewer_id WHERE c.document_id = ? AND c.target = ? "
                "AND c.deleted_at IS NULL ORDER BY c.updated_at DESC, c.id DESC", [doc, target]).fetchall()
            if len(live) > 1 and any(r[0] in ids for r in live):
                win = live[0]
                for other in live[1:]:
                    report.correction_conflicts.append(
                        f"correction conflict\t{doc}\t{target}\tapplied {win[1]} by {win[2] or '?'} ({win[3]})"
                        f"\tkept {other[1]} by {other[2] or '?'} ({other[3]})")
        refresh_effective(db, doc)


def _merge_keyed(db: Database, report: MergeReport, table: str, natural: tuple[str, ...],
                 maps: dict[str, dict[str, str]]) -> dict[str, str]:
    cols = [c for c in _columns(db, "src", table) if c in set(_columns(db, "main", table))]
    counts = report.counts(table)
    id_map: dict[str, str] = {}
    for row in _rows(db, table, cols):
        for column, mapping in maps.items():
            row[column] = mapping.get(row[column], row[column])
        where = " AND ".join(f"{c} = ?" for c in natural)
        same = db.execute(f"SELECT id, updated_at FROM main.{table} WHERE {where}",
                          [row[c] for c in natural]).fetchone()
        if same is None:
            _insert(db, table, row)
            id_map[row["id"]] = row["id"]
            counts.added += 1
        else:
            id_map[row["id"]] = same[0]
            if row["updated_at"] > same[1]:
                row = {**row, "id": same[0]}
                _update(db, table, "id", row)
                counts.updated += 1
            else:
                counts.kept += 1
    return id_map


def _merge_evidence(db: Database, report: MergeReport, score_map: dict[str, str]) -> None:
    counts = report.counts("score_evidence")
    for score_id, annotation_id in db.execute("SELECT score_id, annotation_id FROM src.score_evidence").fetchall():
        target = score_map.get(score_id, score_id)
        if not db.execute("SELECT 1 FROM main.annotations WHERE id = ?", [annotation_id]).fetchone():
            continue
        cursor = db.execute("INSERT OR IGNORE INTO main.score_evidence (score_id, annotation_id) VALUES (?, ?)",
                            [target, annotation_id])
        if cursor.rowcount:
            counts.added += 1
        else:
            counts.kept += 1
