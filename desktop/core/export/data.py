"""The data every review-sheet export shares: reports, their parts, reviews, scores and annotations.

:func:`fetch_raw` runs the queries (a handful of bulk SELECTs, nothing per report) and :func:`assemble` turns
their rows into :class:`ExportData`, the one structure the xlsx, csv, docx and pdf writers read. A row of the
sheet is one report as reviewed by one reviewer; a report nobody has reviewed yet still gets one row.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.panel.summary import PanelSummary, panel_summary
from desktop.core.progress import Progress
from desktop.core.review.reviewers import Reviewer, find_reviewer, list_reviewers
from desktop.core.scoring.rubric import Rubric, active_rubric_readonly, get_rubric
from desktop.core.scoring.rules import competition_ranks, is_settled
from desktop.core.scoring.scores import DONE, NOT_STARTED, STATUS_LABELS, ReviewState, ScoreEntry
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS
from desktop.core.segmentation.segment import Section
from desktop.core.storage.database import named_rows
from desktop.core.storage.documents import DocumentSummary, list_documents

if TYPE_CHECKING:  # the sheets sit above the data they read: the dashboard's type only
    from desktop.core.export.sheets.charts import Dashboard

PLACEMENT_LABELS = {"section": "单独成章", "subsection": "小节", "inline": "条目/一句", None: "缺"}
PLACEMENT_LABELS_EN = {"section": "part", "subsection": "subsection", "inline": "item/sentence", None: "missing"}


@dataclass(frozen=True)
class SheetAnnotation:
    """An annotation as the sheet shows it: where it is, its tags, quote and comment, what it is evidence for."""

    id: str
    document_id: str
    reviewer_id: str | None
    reviewer: str
    start: int
    end: int
    part: str | None
    tags: tuple[str, ...]
    quote: str
    comment: str
    criterion_id: str | None
    orphan: bool
    evidence_for: tuple[str, ...] = ()
    paragraph: int | None = None  # within its part: 0 the heading line, 1 the first paragraph after it

    @property
    def part_label(self) -> str:
        if self.orphan:
            return "未定位"
        return KIND_LABELS[self.part][0] if self.part in KIND_LABELS else "—"

    @property
    def position_label(self) -> str:
        """Where the passage is, as a reader finds it on paper: part and paragraph (e.g. 存在的不足和原因 第2段)."""
        if self.orphan or self.part not in KIND_LABELS or self.paragraph is None:
            return self.part_label
        return f"{self.part_label} {'标题' if self.paragraph == 0 else f'第{self.paragraph}段'}"


@dataclass(frozen=True)
class SheetRow:
    """One report as reviewed by one reviewer (``reviewer_id`` None: nobody has reviewed it yet).

    ``total`` and ``scored`` come from the score model (desktop.core.panel.summary), like every number shown.
    """

    document: DocumentSummary
    reviewer_id: str | None
    reviewer: str
    review: ReviewState
    scores: dict[str, ScoreEntry]
    total: float | None
    rank: int | None = None
    annotations: tuple[SheetAnnotation, ...] = ()
    criteria: int = 0  # how many criteria the rubric has
    scored: int = 0    # how many criteria are settled: scored, or not applicable with a reason where allowed

    @property
    def complete(self) -> bool:
        """Every criterion settled: only then is the total a whole total."""
        return self.criteria > 0 and self.scored >= self.criteria

    @property
    def rankable(self) -> bool:
        """Submitted with every criterion settled: only such a review is ranked."""
        return self.complete and self.reviewer_id is not None and self.review.status == DONE

    @property
    def completion_label(self) -> str:
        """已完成 for a complete review; else 未完成（已评 n/8）; 未评 when nothing is scored."""
        if self.complete:
            return "已完成"
        return f"未完成（已评 {self.scored}/{self.criteria}）" if self.scored else "未评"

    def accepted_suggestions(self) -> list[str]:
        """Criterion ids whose score is a suggestion accepted as it was."""
        return [cid for cid, e in self.scores.items() if e.suggestion_accepted and e.value is not None]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.review.status, (self.review.status, ""))[0]

    def sheet_date(self, fallback: str) -> str:
        """The date the sheet carries: when the review was marked done, else last changed, else ``fallback``."""
        stamp = self.review.done_at or self.review.updated_at
        return _local_date(stamp) if stamp else fallback


@dataclass
class ExportData:
    """Everything a review-sheet export writes, under one rubric."""

    rubric: Rubric
    generated_at: dt.datetime
    reviewer_filter: str | None
    documents: list[DocumentSummary]
    placements: dict[str, dict[str, str | None]]
    rows: list[SheetRow]
    annotations: list[SheetAnnotation] = field(default_factory=list)
    panel: PanelSummary | None = None  # the panel's combined view (exports of every reviewer only)
    dashboard: Dashboard | None = None  # the panel dashboard's numbers (xlsx of every reviewer only)
    scope: str = ""  # which set the sheet holds, printed beside its ranks (e.g. 仅已提交的评阅)

    @property
    def date(self) -> str:
        return self.generated_at.date().isoformat()


@dataclass
class RawRows:
    """The rows the export reads from SQLite, before assembly (timed alone by the benchmark)."""

    documents: list[DocumentSummary]
    sections: list[sqlite3.Row]  # these and the rows below are read by column name (row["document_id"])
    reviewers: list[Reviewer]
    reviews: list[sqlite3.Row]
    scores: list[sqlite3.Row]
    evidence: list[sqlite3.Row]
    annotations: list[sqlite3.Row]
    annotation_tags: list[sqlite3.Row]
    lines: dict[tuple[str, int], int] = field(default_factory=dict)  # (document id, offset) -> line number
    assigned: list[tuple[str, str]] = field(default_factory=list)  # (document id, reviewer id) assignments
    # (document id, reviewer id) of every live annotation: who started a report by annotating it (read alone
    # when the annotations themselves are not wanted)
    annotated: list[tuple[str, str]] = field(default_factory=list)


def _local_date(stamp: str) -> str:
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().date().isoformat()
    except ValueError:
        return stamp[:10]


def resolve_reviewer(db: Database, name: str | None) -> Reviewer | None:
    """The reviewer named ``name`` (None for all reviewers); a clear error names the reviewers there are."""
    if name is None:
        return None
    reviewer = find_reviewer(db, name)
    if reviewer is None:
        known = ", ".join(r.name for r in list_reviewers(db)) or "none yet"
        raise ReviewDeskError(f"no reviewer named {name!r} in this database (reviewers: {known}); check the name "
                              "or leave --reviewer out to export every reviewer")
    return reviewer


def resolve_rubric(db: Database, rubric_id: str | None) -> Rubric:
    return get_rubric(db, rubric_id) if rubric_id else active_rubric_readonly(db)


def line_numbers(db: Database, offsets: dict[str, set[int]]) -> dict[tuple[str, int], int]:
    """The line (0-based; a line of the stored text is a paragraph) each (document, offset) falls on.

    Reads one document's text at a time, so the export never holds the whole corpus text.
    """
    out: dict[tuple[str, int], int] = {}
    ids = sorted(offsets)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk):
            doc_id, text = row["id"], row["text"]
            line, pos = 0, 0
            for offset in sorted(offsets[doc_id]):
                line += text.count("\n", pos, offset)
                pos = max(pos, offset)
                out[(doc_id, offset)] = line
    return out


def fetch_raw(db: Database, rubric_id: str, reviewer_id: str | None = None, annotations: bool = True) -> RawRows:
    """Run the export's queries: documents, sections, reviews, scores, evidence, annotations and their tags.

    Without ``annotations`` (a sheet that shows none, the csv) only who annotated which report is read, not the
    annotations, their tags or where they are (which reads every annotated report's text)."""
    who = " AND reviewer_id = ?" if reviewer_id else ""
    args = [reviewer_id] if reviewer_id else []
    raw = RawRows(
        documents=list_documents(db),
        sections=named_rows(db, 'SELECT s.document_id, s.kind, s.heading, s.level, s.placement, s.start, s."end" '
                                "FROM sections s JOIN documents d ON d.id = s.document_id WHERE d.replaced_by IS NULL "
                                "ORDER BY s.document_id, s.ordinal"),
        reviewers=list_reviewers(db),
        reviews=named_rows(db, "SELECT document_id, reviewer_id, status, overall_comment, done_at, updated_at "
                               f"FROM reviews WHERE rubric_id = ?{who}", [rubric_id, *args]),
        scores=named_rows(db, "SELECT id, document_id, reviewer_id, criterion_id, value, note, suggested, "
                              "suggestion_basis, suggestion_accepted, updated_at, not_applicable, na_reason FROM scores "
                              f"WHERE rubric_id = ?{who}", [rubric_id, *args]),
        evidence=named_rows(db, "SELECT e.score_id, e.annotation_id FROM score_evidence e JOIN scores s "
                                "ON s.id = e.score_id JOIN annotations a ON a.id = e.annotation_id "
                                "WHERE s.rubric_id = ? AND a.deleted_at IS NULL ORDER BY a.start", [rubric_id]),
        annotations=[], annotation_tags=[])
    who_a = " WHERE reviewer_id = ?" if reviewer_id else ""
    raw.assigned = [(r["document_id"], r["reviewer_id"])
                    for r in db.query(f"SELECT document_id, reviewer_id FROM assignments{who_a}", args)]
    if not annotations:
        raw.annotated = [(r["document_id"], r["reviewer_id"]) for r in db.query(
            f"SELECT DISTINCT document_id, reviewer_id FROM annotations WHERE deleted_at IS NULL{who}", args)]
        return raw
    raw.annotations = named_rows(db, 'SELECT id, document_id, reviewer_id, start, "end", quote, comment, '
                                     f"criterion_id, status FROM annotations WHERE deleted_at IS NULL{who} "
                                     'ORDER BY document_id, start, "end", created_at', args)
    raw.annotation_tags = named_rows(db, "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t "
                                         "ON t.id = at.tag_id JOIN annotations a ON a.id = at.annotation_id "
                                         "WHERE a.deleted_at IS NULL ORDER BY t.ordinal, t.name")
    offsets: dict[str, set[int]] = defaultdict(set)
    annotated = set()
    for row in raw.annotations:
        offsets[row["document_id"]].add(row["start"])
        annotated.add(row["document_id"])
    for row in raw.sections:
        if row["document_id"] in annotated:
            offsets[row["document_id"]].add(row["start"])
    raw.lines = line_numbers(db, offsets)
    return raw


def innermost_section(sections: list[Section], start: int) -> Section | None:
    """The innermost section containing ``start`` (a subsection beats its part), as section_kind_at picks it."""
    inside = [s for s in sections if s.start <= start < s.end]
    return min(inside, key=lambda s: s.end - s.start) if inside else None


def ranked_rows(rows: list[SheetRow]) -> list[SheetRow]:
    """The rows ranked among themselves, within each reviewer: competition ranks by total of the submitted,
    complete reviews (desktop.core.scoring.rules)."""
    by_reviewer: dict[str | None, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if row.total is not None and row.rankable:
            by_reviewer[row.reviewer_id].append(i)
    ranks: dict[int, int | None] = {}
    for indexes in by_reviewer.values():
        ranks.update(zip(indexes, competition_ranks([rows[i].total for i in indexes]), strict=True))
    return [replace(r, rank=ranks.get(i)) for i, r in enumerate(rows)]


def assemble(raw: RawRows, rubric: Rubric, model: PanelSummary, reviewer: Reviewer | None = None,
             now: dt.datetime | None = None) -> ExportData:
    """Build the export's rows from the fetched rows; totals and what is settled come from ``model``."""
    names = {r.id: r.name for r in raw.reviewers}
    sections: dict[str, list[Section]] = defaultdict(list)
    for r in raw.sections:
        sections[r["document_id"]].append(Section(r["kind"], r["heading"], r["level"], r["placement"], r["start"],
                                                  r["end"]))
    rank = {"section": 3, "subsection": 2, "inline": 1}
    placements: dict[str, dict[str, str | None]] = {}
    for d in raw.documents:
        best: dict[str, str | None] = dict.fromkeys(REQUIRED_KINDS)
        for s in sections.get(d.id, ()):
            if s.kind in best and rank.get(s.placement, 0) > rank.get(best[s.kind] or "", 0):
                best[s.kind] = s.placement
        placements[d.id] = best

    evidence: dict[str, list[str]] = defaultdict(list)
    for r in raw.evidence:
        evidence[r["score_id"]].append(r["annotation_id"])
    criteria = {c.id for c in rubric.criteria}
    scores: dict[tuple[str, str], dict[str, ScoreEntry]] = defaultdict(dict)
    evidence_for: dict[str, list[str]] = defaultdict(list)
    for r in raw.scores:
        cid, value, reason = r["criterion_id"], r["value"], r["na_reason"]
        if cid not in criteria:
            continue
        ev = tuple(evidence.get(r["id"], ()))
        na = value is None and is_settled(rubric.criterion(cid), None, bool(r["not_applicable"]), reason)
        scores[(r["document_id"], r["reviewer_id"])][cid] = ScoreEntry(
            cid, value, r["note"], r["suggested"], r["suggestion_basis"], bool(r["suggestion_accepted"]), ev,
            r["updated_at"], na, reason or "" if na else "")
        for annotation_id in ev:
            evidence_for[annotation_id].append(cid)
    reviews = {(r["document_id"], r["reviewer_id"]): ReviewState(r["status"], r["overall_comment"], r["done_at"],
                                                                 r["updated_at"])
               for r in raw.reviews}

    tags: dict[str, list[str]] = defaultdict(list)
    for r in raw.annotation_tags:
        tags[r["annotation_id"]].append(r["name"])
    current = {d.id for d in raw.documents}
    annotations: list[SheetAnnotation] = []
    by_pair: dict[tuple[str, str | None], list[SheetAnnotation]] = defaultdict(list)
    for r in raw.annotations:
        aid, doc_id, rid, start, end = r["id"], r["document_id"], r["reviewer_id"], r["start"], r["end"]
        quote, comment, cid, status = r["quote"], r["comment"], r["criterion_id"], r["status"]
        if doc_id not in current:
            continue
        orphan = status == "orphan"
        section = None if orphan else innermost_section(sections.get(doc_id, []), start)
        part = section.kind if section else None
        paragraph = None
        if section is not None and (doc_id, start) in raw.lines and (doc_id, section.start) in raw.lines:
            paragraph = raw.lines[(doc_id, start)] - raw.lines[(doc_id, section.start)]
            if not section.heading:  # a part without a heading line (the preamble) starts with its 第1段
                paragraph += 1
        a = SheetAnnotation(aid, doc_id, rid, names.get(rid, ""), start, end, part, tuple(tags.get(aid, ())),
                            quote, comment, cid, orphan, tuple(evidence_for.get(aid, ())), paragraph)
        annotations.append(a)
        by_pair[(doc_id, rid)].append(a)

    # A reviewer's row for a report exists when the report was assigned to them or they started it (a review, a
    # score or an annotation): a reviewer never gets a sheet for a report they were not given and never opened.
    pairs: dict[str, set[str]] = defaultdict(set)
    for doc_id, rid in [*reviews, *scores, *by_pair, *raw.annotated, *raw.assigned]:
        if rid is not None:
            pairs[doc_id].add(rid)
    columns = {(report.document.id, c.reviewer_id): c for report in model.reports for c in report.reviews}
    rows: list[SheetRow] = []
    for d in raw.documents:
        reviewer_ids = sorted(pairs.get(d.id, ()), key=lambda r: names.get(r, r))
        if reviewer:
            reviewer_ids = [r for r in reviewer_ids if r == reviewer.id]
            if not reviewer_ids:
                continue
        if not reviewer_ids:
            rows.append(SheetRow(d, None, "", ReviewState(NOT_STARTED), {}, None, criteria=len(rubric.criteria)))
            continue
        for rid in reviewer_ids:
            column = columns.get((d.id, rid))
            rows.append(SheetRow(d, rid, names.get(rid, ""), reviews.get((d.id, rid), ReviewState()),
                                 scores.get((d.id, rid), {}), column.total if column else None, None,
                                 tuple(by_pair.get((d.id, rid), ())), len(rubric.criteria),
                                 column.settled if column else 0))
    order = {d.id: i for i, d in enumerate(raw.documents)}
    annotations.sort(key=lambda a: (order.get(a.document_id, 0), a.orphan, a.start, a.end))
    return ExportData(rubric, now or dt.datetime.now().astimezone(), reviewer.name if reviewer else None,
                      raw.documents, placements, ranked_rows(rows), annotations,
                      scope=f"全部{len(raw.documents)}份报告")


def collect_export_data(db: Database, reviewer: str | None = None, rubric_id: str | None = None,
                        progress: Progress | None = None, annotations: bool = True) -> ExportData:
    """Everything the review sheet shows, for one reviewer (by name) or all, under a rubric (default: active);
    without ``annotations``, the rows' annotations are left empty (the same rows, for a sheet that shows none)."""
    progress = progress or Progress()
    progress.update(0, 1, "reading the database")
    who = resolve_reviewer(db, reviewer)
    rubric = resolve_rubric(db, rubric_id)
    raw = fetch_raw(db, rubric.id, who.id if who else None, annotations)
    progress.check()
    model = panel_summary(db, rubric)
    data = assemble(raw, rubric, model, who)
    if who is None:
        data.panel = model
    return data


def key_annotations(row: SheetRow, limit: int = 12) -> tuple[list[SheetAnnotation], int]:
    """The passages a review sheet quotes: evidence for a score first, then commented ones; and how many remain."""
    ranked = sorted(row.annotations, key=lambda a: (not a.evidence_for, not a.comment, a.orphan, a.start))
    chosen = sorted(ranked[:limit], key=lambda a: (a.orphan, a.start))
    return chosen, max(0, len(row.annotations) - limit)
