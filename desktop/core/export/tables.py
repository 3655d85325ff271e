"""The review sheet's tables as plain columns and rows, shared by the xlsx and csv writers.

Values are Python values (text, numbers, dates, None); each writer formats them for its format. Headers are
Chinese, the language of the offices that read the sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.core.export.data import PLACEMENT_LABELS, ExportData, SheetRow
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS

Value = str | int | float | dt.date | None


@dataclass(frozen=True)
class Column:
    """A column: Chinese header, English name (for the docs), width in characters, Excel number format."""

    header: str
    header_en: str
    width: float
    number_format: str | None = None
    wrap: bool = False


def to_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def on_time_label(value: bool | None) -> str:
    return "未知" if value is None else ("是" if value else "否")


def missing_label(kinds: tuple[str, ...]) -> str:
    return "、".join(KIND_LABELS.get(k, (k,))[0] for k in kinds)


def report_label(row_doc) -> str:
    return row_doc.title or row_doc.name


def summary_columns(data: ExportData) -> list[Column]:
    cols = [
        Column("序号", "No.", 6, "0"),
        Column("报告", "Report", 34, wrap=True),
        Column("机关", "Agency", 22, wrap=True),
        Column("年度", "Year", 7, "0"),
        Column("文号", "Document number", 16, wrap=True),
        Column("成文日期", "Document date", 12, "yyyy-mm-dd"),
        Column("发布日期", "Published", 12, "yyyy-mm-dd"),
        Column("按时公开", "On time", 9),
        Column("缺少部分", "Missing parts", 16, wrap=True),
    ]
    for c in data.rubric.criteria:
        cols.append(Column(f"{c.title}（{c.max_points:g}分）", f"{c.title_en} (of {c.max_points:g})", 11, "0.0",
                           wrap=True))
    cols += [
        Column(f"总分（满分{data.rubric.weights_total:g}）", f"Total (of {data.rubric.weights_total:g})", 10, "0.00"),
        Column("排名", "Rank", 6, "0"),
        Column("评阅人", "Reviewer", 10),
        Column("评阅状态", "Status", 9),
        Column("采纳系统建议的项目", "Suggestions accepted as they were", 20, wrap=True),
        Column("总体评价", "Overall comment", 40, wrap=True),
    ]
    return cols


def summary_row(data: ExportData, index: int, row: SheetRow) -> list[Value]:
    d = row.document
    titles = {c.id: c.title for c in data.rubric.criteria}
    values: list[Value] = [index, report_label(d), d.agency, d.year, d.doc_number, to_date(d.doc_date),
                           to_date(d.published_at), on_time_label(d.on_time), missing_label(d.missing)]
    for c in data.rubric.criteria:
        entry = row.scores.get(c.id)
        values.append(entry.value if entry else None)
    values += [row.total, row.rank, row.reviewer, row.status_label,
               "、".join(titles[cid] for cid in row.accepted_suggestions() if cid in titles),
               row.review.overall_comment]
    return values


def summary_rows(data: ExportData) -> Iterator[list[Value]]:
    for i, row in enumerate(data.rows, 1):
        yield summary_row(data, i, row)


def annotation_columns() -> list[Column]:
    return [
        Column("序号", "No.", 6, "0"),
        Column("报告", "Report", 36, wrap=True),
        Column("机关", "Agency", 22, wrap=True),
        Column("年度", "Year", 7, "0"),
        Column("部分", "Part", 16),
        Column("标签", "Tags", 18, wrap=True),
        Column("原文摘录", "Quote", 60, wrap=True),
        Column("批注意见", "Comment", 40, wrap=True),
        Column("作为评分依据", "Evidence for", 18, wrap=True),
        Column("评阅人", "Reviewer", 10),
        Column("位置", "Offsets", 12),
    ]


def annotation_rows(data: ExportData) -> Iterator[list[Value]]:
    docs = {d.id: d for d in data.documents}
    titles = {c.id: c.title for c in data.rubric.criteria}
    for i, a in enumerate(data.annotations, 1):
        d = docs[a.document_id]
        yield [i, report_label(d), d.agency, d.year, a.part_label, "、".join(a.tags), a.quote, a.comment,
               "、".join(titles.get(c, c) for c in a.evidence_for), a.reviewer, f"{a.start}–{a.end}"]


def section_columns() -> list[Column]:
    cols = [Column("报告", "Report", 42, wrap=True), Column("机关", "Agency", 26, wrap=True),
            Column("年度", "Year", 7, "0")]
    cols += [Column(KIND_LABELS[k][0], KIND_LABELS[k][1], 14) for k in REQUIRED_KINDS]
    cols.append(Column("缺少部分数", "Parts missing", 10, "0"))
    return cols


def section_rows(data: ExportData) -> Iterator[list[Value]]:
    for d in data.documents:
        placements = data.placements.get(d.id, {})
        cells = [PLACEMENT_LABELS[placements.get(k)] for k in REQUIRED_KINDS]
        yield [report_label(d), d.agency, d.year, *cells, sum(1 for k in REQUIRED_KINDS if placements.get(k) is None)]


def score_distribution(data: ExportData, bins: int = 10) -> tuple[list[str], list[str], list[list[int]]]:
    """Histogram of totals: bin labels, reviewer names (series) and counts[bin][reviewer]."""
    top = data.rubric.weights_total
    width = top / bins
    labels = [f"{i * width:g}–{(i + 1) * width:g}" for i in range(bins)]
    reviewers = sorted({r.reviewer for r in data.rows if r.total is not None})
    counts = [[0] * len(reviewers) for _ in range(bins)]
    for r in data.rows:
        if r.total is None:
            continue
        b = min(int(r.total / width), bins - 1) if width else 0
        counts[b][reviewers.index(r.reviewer)] += 1
    return labels, reviewers or [""], counts if reviewers else [[0] for _ in range(bins)]
