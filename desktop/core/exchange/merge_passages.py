"""The passages of a merge, re-anchored onto this database's text: annotations (with their tags) and the
reviewers' corrections. A passage whose text differs here (the report re-imported in one of the files) is placed
anew or kept as an orphan for the reviewer to place; two live corrections of the same field both stay, the newer
applying, and the pair is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.exchange.merge_rows import (
    RowMerge,
    changed_columns,
    dict_rows,
    insert_row,
    shared_columns,
    source_has,
    source_rows,
    update_row,
)
from desktop.core.storage.database import column, named_rows, scalar


def _incoming(merge: RowMerge, table: str, doc_map: dict[str, str],
              reviewer_map: dict[str, str]) -> Iterator[tuple[dict, str | None]]:
    """The source's rows of the passage ``table`` that it may merge, ids mapped to this database's and time
    stamps clamped, each with this database's text of its report (None: this database has no such report)."""
    db = merge.db
    texts: dict[str, str | None] = {}
    for row in source_rows(db, table, shared_columns(db, table)):
        row["document_id"] = doc_map.get(row["document_id"], row["document_id"])
        if row.get("reviewer_id"):
            row["reviewer_id"] = reviewer_map.get(row["reviewer_id"], row["reviewer_id"])
        if not merge.auth.may_merge(table, row):
            continue
        merge.clamp(table, row)
        doc = row["document_id"]
        if doc not in texts:
            texts[doc] = scalar(db, "SELECT text FROM main.documents WHERE id = ?", [doc])
        yield row, texts[doc]


def _reanchor(row: dict, text: str) -> bool:
    """Place the passage of ``row`` (its quote no longer at its offsets in ``text``) anew on ``text``, or mark it
    an orphan for the reviewer to place; True when placed."""
    from desktop.core.compare.anchoring import Anchor, locate

    placed = locate(Anchor(row["start"], row["end"], row["quote"], row["prefix"], row["suffix"]), text)
    if placed.placed:
        row["start"], row["end"] = placed.start, placed.end
    else:
        row["status"] = "orphan"
    return placed.placed


def merge_annotations(merge: RowMerge, doc_map: dict[str, str], reviewer_map: dict[str, str],
                      tag_map: dict[str, str]) -> None:
    """Annotations by id with their tags, the later edit winning, re-anchored onto this database's text."""
    db, report = merge.db, merge.report
    report.counts("annotations")
    # this database's version of each incoming annotation and both files' tags, read once: the loop below changes
    # only the rows of the annotation it is at (ids are unique), so what it reads of the others stays as read here
    here_rows = {r["id"]: r for r in dict_rows(
        db, "SELECT * FROM main.annotations WHERE id IN (SELECT id FROM src.annotations)")}
    tags_of: dict[str, dict[str, list[str]]] = {"src": {}, "main": {}}
    for schema, found in tags_of.items():
        for t in dict_rows(db, f"SELECT annotation_id, tag_id FROM {schema}.annotation_tags "
                               "WHERE annotation_id IN (SELECT id FROM src.annotations)"):
            found.setdefault(t["annotation_id"], []).append(t["tag_id"])
    for row, here_text in _incoming(merge, "annotations", doc_map, reviewer_map):
        text = here_text or ""
        if row.get("status", "anchored") == "anchored" and text[row["start"]:row["end"]] != row["quote"]:
            if _reanchor(row, text):
                report.reanchored += 1
            else:
                report.orphaned += 1
        here = here_rows.get(row["id"])
        tags_there = sorted(tag_map.get(t, t) for t in tags_of["src"].get(row["id"], ()))
        tags_here = sorted(tags_of["main"].get(row["id"], ()))
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


def merge_corrections(merge: RowMerge, doc_map: dict[str, str], reviewer_map: dict[str, str]) -> None:
    """Corrections by id, the later edit winning; part corrections re-anchored like annotations.

    Two live corrections of the same field or part (one from each file, different ids) both stay: the newer
    applies and the pair is reported (``correction conflict`` lines). The documents concerned get their
    effective values recomputed.
    """
    from desktop.core.corrections.store import refresh_effective

    db, report = merge.db, merge.report
    if not source_has(db, "corrections"):
        return
    counts = report.counts("corrections")
    changed: dict[str, set[str]] = {}
    for row, text in _incoming(merge, "corrections", doc_map, reviewer_map):
        if text is None:
            continue  # a report this database does not hold: nothing to correct here
        doc = row["document_id"]
        if row.get("start") is not None and row.get("status") != "orphan" \
                and text[row["start"]:row["end"]] != row["quote"]:
            _reanchor(row, text)
        same = next(db.query("SELECT * FROM main.corrections WHERE id = ?", [row["id"]]), None)
        if same is None:
            insert_row(db, "corrections", row)
            counts.added += 1
        else:
            if changed_columns(row, same) and row["updated_at"] > same["updated_at"]:
                update_row(db, "corrections", "id", row)
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


