"""The tables of a merge matched by identity or natural key: documents (by id, then content), reviewers (by id
only), tags and rubrics, the panel's assignments and adjudications, submitted versions (appended) and the
evidence links of merged scores. Each returns or fills the source id -> id here maps the later tables use.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from desktop.core.collation import pinyin_sort_key
from desktop.core.exchange.authority import Authority, SourceRefused
from desktop.core.exchange.merge_rows import (
    MergeReport,
    RowMerge,
    insert_row,
    shared_columns,
    source_has,
    source_rows,
    update_row,
)
from desktop.core.progress import Progress
from desktop.core.storage.database import one, scalar
from desktop.core.storage.documents import text_hash
from desktop.core.storage.search import index_document


def merge_panel(merge: RowMerge, doc_map: dict[str, str], reviewer_map: dict[str, str],
                 rubric_map: dict[str, str]) -> None:
    """Assignments and the lead's adjudications (schema 0006) from a trusted database, by natural key, the later
    edit winning; a source from before panel review has none."""
    if not source_has(merge.db, "assignments"):
        return
    merge.keyed("assignments", ("document_id", "reviewer_id"), {"document_id": doc_map, "reviewer_id": reviewer_map})
    merge.keyed("adjudications", ("document_id", "rubric_id"), {"document_id": doc_map, "rubric_id": rubric_map})
    merge.keyed("adjudication_scores", ("document_id", "rubric_id", "criterion_id"),
                {"document_id": doc_map, "rubric_id": rubric_map})



def merge_documents(db: Database, report: MergeReport, progress: Progress) -> dict[str, str]:
    cols = shared_columns(db, "documents")
    doc_map: dict[str, str] = {}
    rows = source_rows(db, "documents", cols)
    counts = report.counts("documents")
    for i, row in enumerate(rows):
        progress.update(i, len(rows), row["name"])
        progress.check()
        here = scalar(db, "SELECT id FROM main.documents WHERE id = ?", [row["id"]]) or \
            scalar(db, "SELECT id FROM main.documents WHERE sha256 = ?", [row["sha256"]]) or \
            scalar(db, "SELECT id FROM main.documents WHERE text_sha256 = ? AND replaced_by IS NULL "
                   "ORDER BY seq LIMIT 1", [text_hash(row["text"])])
        if here:
            doc_map[row["id"]] = here
            counts.kept += 1
            continue
        src_id = row["id"]
        new = {k: v for k, v in row.items() if k not in ("seq", "replaced_by")}
        new["agency_key"] = pinyin_sort_key(row.get("agency"))  # made here (a source may predate the key, or be edited)
        seq = insert_row(db, "documents", new)
        for child in ("sections", "outline", "clutter", "document_versions"):
            if not source_has(db, child):
                continue
            child_cols = [c for c in shared_columns(db, child) if c != "id"]
            quoted = ", ".join(f'"{c}"' for c in child_cols)
            db.execute(f"INSERT INTO main.{child} ({quoted}) SELECT {quoted} FROM src.{child} WHERE document_id = ?",
                       [src_id])
        index_document(db, seq, row["text"])
        db.execute("UPDATE main.documents SET text_sha256 = ? WHERE seq = ?", [text_hash(row["text"]), seq])
        doc_map[src_id] = src_id
        counts.added += 1
    return doc_map



def merge_by_key(db: Database, report: MergeReport, table: str, key: str, *, natural: str,
                 newer: str | None = None) -> dict[str, str]:
    """Rows of ``table`` by ``key``, else by the ``natural`` column (kept as it is here); with ``newer``, a row the
    source edited later updates this database's. Returns source key -> key here."""
    cols = shared_columns(db, table)
    mapping: dict[str, str] = {}
    counts = report.counts(table)
    shown = f"{key} AS key{f', {newer} AS newer' if newer else ''}"
    for row in source_rows(db, table, cols):
        same = one(db, f"SELECT {shown} FROM main.{table} WHERE {key} = ?", [row[key]])
        if same is None:
            same = one(db, f"SELECT {shown} FROM main.{table} WHERE {natural} = ?", [row[natural]])
            if same is not None:
                mapping[row[key]] = same["key"]
                counts.kept += 1
                continue
            insert_row(db, table, row)
            mapping[row[key]] = row[key]
            counts.added += 1
            continue
        mapping[row[key]] = same["key"]
        if newer and row[newer] and same["newer"] and row[newer] > same["newer"]:
            update_row(db, table, key, row)
            counts.updated += 1
        else:
            counts.kept += 1
    return mapping



def merge_reviewers(db: Database, report: MergeReport, auth: Authority, source: Path) -> dict[str, str]:
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
        insert_row(db, "reviewers", {"id": rid, "name": clean, "created_at": created})
        keys[name_key(clean)] = (rid, clean)
        counts.added += 1
    if clashes:
        raise SourceRefused(
            f"{source}: reviewers are matched by id, and {len(clashes)} reviewer(s) in it have the name (or a "
            "look-alike) of a different reviewer here, so the two could not be told apart on any sheet. Nothing "
            "was merged. Rename one of them (in the database they come from) and merge again:\n"
            + "\n".join(f"  - {c}" for c in clashes))
    return mapping



def merge_versions(merge: RowMerge, doc_map: dict[str, str], reviewer_map: dict[str, str],
                    rubric_map: dict[str, str]) -> None:
    """Submitted versions by id, appended: history is never rewritten; a version number already used here for
    another submission is given the next free number."""
    db = merge.db
    if not source_has(db, "review_versions"):
        return
    counts = merge.report.counts("review_versions")
    cols = shared_columns(db, "review_versions")
    for row in sorted(source_rows(db, "review_versions", cols), key=lambda r: (str(r["submitted_at"]), r["version"])):
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
        insert_row(db, "review_versions", row)
        counts.added += 1



def merge_evidence(db: Database, report: MergeReport, score_map: dict[str, str], *, only_mapped: bool) -> None:
    """Evidence links of the merged scores (``only_mapped``: of the scores this source may change only)."""
    counts = report.counts("score_evidence")
    for link in db.query("SELECT score_id, annotation_id FROM src.score_evidence"):
        score_id, annotation_id = link["score_id"], link["annotation_id"]
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
