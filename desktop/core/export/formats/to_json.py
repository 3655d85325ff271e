"""The full dump as json: documents with text and parts, annotations, tags, every rubric, reviews and scores.

The structure is the documented contract in docs/export-json-schema.md (JSON Schema: docs/export-json.schema.json);
``schema_version`` changes when it changes incompatibly. Offsets are [start, end) into each document's ``text``.
Unlike the review sheet, the dump holds the scores made under every rubric (each with its exact content), so an
old rubric's scores can be read back as they were made.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

from sqlite_utils import Database

from desktop import __version__
from desktop.core.export.data import resolve_reviewer
from desktop.core.panel.assignments import list_assignments
from desktop.core.panel.summary import PanelSummary, panel_summary
from desktop.core.progress import Progress
from desktop.core.scoring.rubric import Rubric, active_rubric_readonly, parse_rubric

SCHEMA_VERSION = 1
FORMAT_NAME = "reviewdesk-export"


def _rubric_json(rubric: Rubric, row_id: str, loaded_at: str) -> dict:
    return {
        "id": row_id, "key": rubric.key, "name": rubric.name, "name_en": rubric.name_en, "version": rubric.version,
        "sha256": rubric.sha256, "loaded_at": loaded_at, "weights_total": rubric.weights_total,
        "criteria": [{"id": c.id, "title": c.title, "title_en": c.title_en, "description": c.description,
                      "description_en": c.description_en, "max_points": c.max_points, "weight": c.weight,
                      "step": c.step, "suggest": c.suggest,
                      "levels": [{"points": lv.points, "label": lv.label, "label_en": lv.label_en,
                                  "descriptor": lv.descriptor, "descriptor_en": lv.descriptor_en}
                                 for lv in c.levels]} for c in rubric.criteria],
        "content": rubric.content,
    }


def _basis(text: str | None) -> object:
    """A decision's stored basis as JSON (None: not recorded)."""
    return None if text is None else json.loads(text)


def panel_json(summary: PanelSummary) -> dict:
    """The panel layer under one rubric: every report's state, statistics, final, rank, grade and decisions."""
    reports = []
    for r in summary.reports:
        reports.append({
            "document_id": r.document_id, "state": r.state, "state_label": r.state_label,
            "missing": list(r.missing), "open_items": list(r.open_items),
            "reviews": [{"reviewer_id": c.reviewer_id, "status": c.status, "assigned": c.assigned,
                         "complete": c.complete, "settled": c.settled, "total": c.total} for c in r.reviews],
            "mean_total": r.mean_total, "median_total": r.median_total, "spread_total": r.spread_total,
            "total_disagreement": r.total_disagreement, "final_total": r.final_total, "rank": r.rank,
            "outside_range": r.outside_range, "grade": r.grade, "grade_by_hand": r.grade_adjudicated,
            "grade_by": r.grade_by or None, "grade_at": r.grade_at, "grade_stale": r.grade_stale,
            "comment": r.comment, "last_decided_by": r.decided_by or None, "last_decided_at": r.decided_at or None,
            "settled_by": r.settled_by or None, "settled_at": r.settled_at, "settled_stale": r.settled_stale,
            "checked_by": r.checked_by or None, "checked_at": r.checked_at, "checked_stale": r.checked_stale,
            "criteria": [{"criterion_id": c.criterion.id, "mean": c.mean, "median": c.median, "spread": c.spread,
                          "disagreement": c.disagreement, "final": c.final,
                          "final_not_applicable": c.final_not_applicable, "decided": c.adjudicated,
                          "decided_by": c.decided_by if c.adjudicated else None,
                          "decided_at": c.decided_at if c.adjudicated else None,
                          "basis": _basis(c.basis) if c.adjudicated else None, "stale": c.stale,
                          "confirmed_by": c.confirmed_by or None, "confirmed_at": c.confirmed_at}
                         for c in r.criteria],
        })
    return {"rubric_id": summary.rubric.id, "final_rule": summary.rule, "reports": reports}


def build_dump(db: Database, progress: Progress, reviewer: str | None = None) -> dict:
    """The whole dump as a dict (for one reviewer's annotations, reviews and scores, or everyone's)."""
    who = resolve_reviewer(db, reviewer)
    where = " AND reviewer_id = ?" if who else ""
    args = [who.id] if who else []
    rubrics, parsed = [], {}
    for rid, content, loaded_at in db.execute("SELECT id, content, loaded_at FROM rubrics ORDER BY loaded_at"):
        rubric = parse_rubric(content, f"stored rubric {rid}")
        parsed[rid] = rubric
        rubrics.append(_rubric_json(rubric, rid, loaded_at))
    active = active_rubric_readonly(db)

    sections: dict[str, list[dict]] = defaultdict(list)
    for doc_id, kind, heading, level, placement, start, end in db.execute(
            'SELECT document_id, kind, heading, level, placement, start, "end" FROM sections '
            "ORDER BY document_id, ordinal"):
        sections[doc_id].append({"kind": kind, "heading": heading, "level": level, "placement": placement,
                                 "start": start, "end": end})
    doc_rows = list(db.query(
        "SELECT id, name, sha256, format, encoding, size, title, agency, year, doc_number, doc_date, published_at, "
        "on_time, source, missing, metadata_sources, imported_at, text FROM documents WHERE replaced_by IS NULL "
        "ORDER BY agency IS NULL, agency, year, name, seq"))
    documents = []
    total = len(doc_rows)
    for i, r in enumerate(doc_rows):
        if i % 200 == 0:
            progress.check()
            progress.update(i, total, "json")
        on_time = r["on_time"]
        documents.append({  # the keys of the json are the column names, in the schema's order
            **{k: r[k] for k in ("id", "name", "sha256", "format", "encoding", "size", "title", "agency", "year",
                                 "doc_number", "doc_date", "published_at")},
            "on_time": None if on_time is None else bool(on_time), "source": r["source"],
            "missing": json.loads(r["missing"]), "metadata_sources": json.loads(r["metadata_sources"]),
            "imported_at": r["imported_at"], "text": r["text"], "sections": sections.get(r["id"], []),
        })
    current = {d["id"] for d in documents}

    tag_ids: dict[str, list[str]] = defaultdict(list)
    for annotation_id, tag_id in db.execute("SELECT at.annotation_id, at.tag_id FROM annotation_tags at "
                                            "JOIN tags t ON t.id = at.tag_id ORDER BY t.ordinal, t.name"):
        tag_ids[annotation_id].append(tag_id)
    annotations = [
        {**{k: r[k] for k in ("id", "document_id", "reviewer_id", "start", "end", "quote", "prefix", "suffix",
                              "comment", "criterion_id", "status")},
         "tag_ids": tag_ids.get(r["id"], []), "created_at": r["created_at"], "updated_at": r["updated_at"]}
        for r in db.query(
            'SELECT id, document_id, reviewer_id, start, "end", quote, prefix, suffix, comment, criterion_id, status, '
            f"created_at, updated_at FROM annotations WHERE deleted_at IS NULL{where} "
            "ORDER BY document_id, start", args)
        if r["document_id"] in current]
    live = {a["id"] for a in annotations}
    used_tags = {t for a in annotations for t in a["tag_ids"]}
    tags = [{"id": t, "name": n, "name_en": ne, "color": col, "description": desc}
            for t, n, ne, col, desc, deleted in db.execute(
                "SELECT id, name, name_en, color, description, deleted_at FROM tags ORDER BY ordinal, name")
            if deleted is None or t in used_tags]

    evidence: dict[str, list[str]] = defaultdict(list)
    for score_id, annotation_id in db.execute("SELECT score_id, annotation_id FROM score_evidence"):
        if annotation_id in live:
            evidence[score_id].append(annotation_id)
    scores = []
    values: dict[tuple[str, str, str], dict[str, float | None]] = defaultdict(dict)
    for r in db.query(
            "SELECT id, document_id, reviewer_id, rubric_id, criterion_id, value, note, suggested, suggestion_basis, "
            f"suggestion_accepted, updated_at, not_applicable, na_reason FROM scores WHERE 1 = 1{where} "
            "ORDER BY document_id, rubric_id, reviewer_id, criterion_id", args):
        if r["document_id"] not in current:
            continue
        scores.append({**{k: r[k] for k in ("id", "document_id", "reviewer_id", "rubric_id", "criterion_id", "value",
                                            "note", "suggested", "suggestion_basis")},
                       "suggestion_accepted": bool(r["suggestion_accepted"]), "evidence": evidence.get(r["id"], []),
                       "updated_at": r["updated_at"], "not_applicable": bool(r["not_applicable"]),
                       "na_reason": r["na_reason"]})
        values[(r["document_id"], r["reviewer_id"], r["rubric_id"])][r["criterion_id"]] = r["value"]
    reviews = [r for r in db.query(  # the json keys are the column names, in this order
                   "SELECT document_id, reviewer_id, rubric_id, status, overall_comment, done_at, updated_at, "
                   f"submitted_by, reopened_at, reopened_by FROM reviews WHERE 1 = 1{where} "
                   "ORDER BY document_id, rubric_id, reviewer_id", args)
               if r["document_id"] in current]
    columns = {}  # the score model's reviews under each rubric that has scores: the totals every sheet shows
    panels = []
    decided = {r for (r,) in db.execute("SELECT rubric_id FROM adjudications UNION SELECT rubric_id FROM "
                                        "adjudication_scores")}
    for rb in sorted(({rb for (_d, _rv, rb) in values} | decided | {active.id}) & set(parsed)):
        summary = panel_summary(db, parsed[rb])
        for report in summary.reports:
            for c in report.reviews:
                columns[(report.document_id, c.reviewer_id, rb)] = c
        if who is None:  # the panel's decisions are the lead's: in the dump of every reviewer only
            panels.append(panel_json(summary))
    totals = [{"document_id": d, "reviewer_id": rv, "rubric_id": rb,
               "total": columns[(d, rv, rb)].total if (d, rv, rb) in columns else None,
               "complete": columns[(d, rv, rb)].complete if (d, rv, rb) in columns else False}
              for (d, rv, rb), v in values.items() if any(x is not None for x in v.values())]
    assignments = [{"id": a.id, "document_id": a.document_id, "reviewer_id": a.reviewer_id,
                    "assigned_by": a.assigned_by, "assigned_at": a.assigned_at}
                   for a in list_assignments(db, reviewer_id=who.id if who else None) if a.document_id in current]
    reviewers = [{"id": rid, "name": name} for rid, name in db.execute("SELECT id, name FROM reviewers ORDER BY name")
                 if who is None or rid == who.id]
    progress.update(total, total, "json")
    return {
        "format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, "app_version": __version__,
        "generated_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "reviewer_filter": who.name if who else None, "active_rubric_id": active.id,
        "reviewers": reviewers, "rubrics": rubrics, "tags": tags, "documents": documents,
        "annotations": annotations, "reviews": reviews, "scores": scores, "totals": totals,
        "assignments": assignments, "panels": panels,
    }


def write_json(db: Database, path: Path, progress: Progress, reviewer: str | None = None) -> int:
    """Write the dump (UTF-8, Chinese as is); return the number of documents."""
    dump = build_dump(db, progress, reviewer)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(dump, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return len(dump["documents"])
