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

The work is shared out by job: ``merge_rows`` (one row against this database's), ``merge_tables`` (tables matched
by identity or natural key) and ``merge_passages`` (annotations and corrections, re-anchored).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.authority import (
    check_has_work,
    check_source_file,
    overreach,
    refuse_overreach,
    source_authority,
)
from desktop.core.exchange.merge_passages import merge_annotations, merge_corrections
from desktop.core.exchange.merge_rows import CLOCK_SKEW, MergeReport, RowMerge, TableCounts, source_has
from desktop.core.exchange.merge_tables import (
    merge_by_key,
    merge_documents,
    merge_evidence,
    merge_panel,
    merge_reviewers,
    merge_versions,
)
from desktop.core.exchange.package import check_package_project, package_returns
from desktop.core.exchange.validate import MergeRefused, validate_source
from desktop.core.progress import Progress
from desktop.core.storage.database import column, database_file
from desktop.core.storage.schema import MIGRATIONS

__all__ = ["CLOCK_SKEW", "MergeReport", "TableCounts", "backup_database", "merge_database"]
log = logging.getLogger(__name__)


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
        merge = RowMerge(db, report, auth, str(source))
        with db.atomic():
            doc_map = merge_documents(db, report, progress)
            reviewer_map = merge_reviewers(db, report, auth, source)
            tag_map = merge_by_key(db, report, "tags", "id", natural="name", newer="updated_at")
            rubric_map = merge_by_key(db, report, "rubrics", "id", natural="sha256")
            progress.check()
            merge_annotations(merge, doc_map, reviewer_map, tag_map)
            merge_corrections(merge, doc_map, reviewer_map)
            merge.keyed("reviews", ("document_id", "reviewer_id", "rubric_id"),
                        {"document_id": doc_map, "reviewer_id": reviewer_map, "rubric_id": rubric_map})
            score_map = merge.keyed("scores", ("document_id", "reviewer_id", "rubric_id", "criterion_id"),
                                    {"document_id": doc_map, "reviewer_id": reviewer_map, "rubric_id": rubric_map})
            merge_evidence(db, report, score_map, only_mapped=auth.is_package)
            merge_versions(merge, doc_map, reviewer_map, rubric_map)
            for table in ("agency_identity", "promise_matches"):  # schema 0014, a source before it has none
                if source_has(db, table):
                    merge.keyed(table, ("id",), {"document_id": doc_map, "previous_id": doc_map,
                                                 "reviewer_id": reviewer_map})
            if not auth.is_package:
                merge_panel(merge, doc_map, reviewer_map, rubric_map)
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


