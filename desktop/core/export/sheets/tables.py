"""The review sheet's tables as plain columns and rows, shared by the xlsx and csv writers.

Values are Python values (text, numbers, dates, None) or a :class:`Formula` (xlsx only: the csv writes its
value); each writer formats them for its format. Headers are Chinese, the language of the offices that read the
sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.core.export.data import PLACEMENT_LABELS, ExportData, SheetRow
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS


@dataclass(frozen=True)
class Formula:
    """A spreadsheet formula (without the leading ``=``) and the value it has now (written as its cached value)."""

    text: str
    value: str | int | float | None


Value = str | int | float | dt.date | Formula | None
REPORT_SUFFIX = "法治政府建设年度报告"
NOT_APPLICABLE = "不适用"  # a criterion marked not applicable (where the rubric allows it)
MAX_QUOTE = 300  # characters of a quote in a sheet cell; the json export holds the full text


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


def report_label(doc) -> str:
    """The report's name: its title, else agency + year + 法治政府建设年度报告; never the import file name."""
    if doc.title:
        return doc.title
    year = f"{doc.year}年度" if doc.year else ""
    if doc.agency:
        return f"{doc.agency}{year}{REPORT_SUFFIX}"
    if year:
        return f"{year}{REPORT_SUFFIX}（机关未识别）"
    return f"{REPORT_SUFFIX}（标题未识别，第{doc.seq}份）"


def cap(text: str, limit: int = MAX_QUOTE) -> str:
    """``text`` cut to ``limit`` characters with a note that the rest is in the json export."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…（共{len(text)}字，全文见 JSON 导出）"


def summary_columns(data: ExportData, printable: bool = False) -> list[Column]:
    """The 汇总 columns: one row per report and reviewer.

    ``printable`` (the xlsx) leaves out what is shown elsewhere, so that the sheet fits an A4 page's width at a
    legible size: the report's own details (机关, 文号, dates, 按时公开, missing parts: once per report on the
    必备部分 sheet), 完成情况 (the total cell of an unfinished review says it) and the suggestions accepted (on
    the review sheets). The csv holds every column.
    """
    cols = [Column("序号", "No.", 4.5 if printable else 5, "0"),
            Column("报告", "Report", 22 if printable else 34, wrap=True)]
    if not printable:
        cols.append(Column("机关", "Agency", 22, wrap=True))
    cols.append(Column("年度", "Year", 5.5, "0"))
    if not printable:
        cols += [
            Column("文号", "Document number", 16, wrap=True),
            Column("成文日期", "Document date", 12, "yyyy-mm-dd"),
            Column("发布日期", "Published", 12, "yyyy-mm-dd"),
            Column("按时公开", "On time", 9),
            Column("缺少部分", "Missing parts", 16, wrap=True),
        ]
    for c in data.rubric.criteria:
        cols.append(Column(f"{c.title}（{c.max_points:g}分）", f"{c.title_en} (of {c.max_points:g})",
                           7 if printable else 11, "0.0", wrap=True))
    cols += [
        Column(f"总分（满分{data.rubric.weights_total:g}）", f"Total (of {data.rubric.weights_total:g})",
               8.5 if printable else 10, "0.00", wrap=True),
        Column("排名", "Rank", 4.5, "0", wrap=True),
        Column("评阅人", "Reviewer", 6.5, wrap=True),
        Column("评阅状态", "Status", 6.5, wrap=True),
    ]
    if not printable:
        cols += [Column("完成情况", "Completion", 12, wrap=True),
                 Column("采纳系统建议的项目", "Suggestions accepted as they were", 20, wrap=True)]
    cols.append(Column("总体评价", "Overall comment", 24 if printable else 40, wrap=True))
    return cols


def criterion_columns(data: ExportData, printable: bool = False) -> tuple[int, int]:
    """The 0-based [first, last] column indexes of the criteria in :func:`summary_columns`."""
    first = 3 if printable else 9
    return first, first + len(data.rubric.criteria) - 1


def summary_row(data: ExportData, index: int, row: SheetRow, printable: bool = False,
                total: Value = None) -> list[Value]:
    """One 汇总 row (the columns of :func:`summary_columns`); ``total`` replaces the total (the xlsx formula)."""
    d = row.document
    titles = {c.id: c.title for c in data.rubric.criteria}
    values: list[Value] = [index, report_label(d)]
    if not printable:
        values.append(d.agency)
    values.append(d.year)
    if not printable:
        values += [d.doc_number, to_date(d.doc_date), to_date(d.published_at), on_time_label(d.on_time),
                   missing_label(d.missing)]
    for c in data.rubric.criteria:
        entry = row.scores.get(c.id)
        values.append(NOT_APPLICABLE if entry and entry.not_applicable else (entry.value if entry else None))
    values += [total if total is not None else total_value(row), row.rank, row.reviewer, row.status_label]
    if not printable:
        values += [row.completion_label if row.reviewer_id else "",
                   "、".join(titles[cid] for cid in row.accepted_suggestions() if cid in titles)]
    values.append(row.review.overall_comment)
    return values


def total_value(row: SheetRow) -> str | float | None:
    """What the total cell shows: the total of a complete review; 未完成（已评 n/8）for a partial one."""
    if row.complete:
        return row.total
    return row.completion_label if row.scored else None


def summary_rows(data: ExportData) -> Iterator[list[Value]]:
    for i, row in enumerate(data.rows, 1):
        yield summary_row(data, i, row)


def annotation_columns() -> list[Column]:
    """批注 columns (narrow enough to print legibly on A4; the report's name carries its agency)."""
    return [
        Column("序号", "No.", 4.5, "0"),
        Column("报告", "Report", 20, wrap=True),
        Column("年度", "Year", 5.5, "0"),
        Column("部分", "Part", 11, wrap=True),
        Column("位置", "Paragraph", 6.5, wrap=True),
        Column("标签", "Tags", 10, wrap=True),
        Column("原文摘录", "Quote", 34, wrap=True),
        Column("批注意见", "Comment", 26, wrap=True),
        Column("作为评分依据", "Evidence for", 10, wrap=True),
        Column("评阅人", "Reviewer", 6.5, wrap=True),
    ]


def paragraph_label(a) -> str:
    """The paragraph within the part: 第2段, 标题 (the heading line), or empty when it is not known."""
    if a.orphan or a.paragraph is None:
        return ""
    return "标题" if a.paragraph == 0 else f"第{a.paragraph}段"


def annotation_rows(data: ExportData) -> Iterator[list[Value]]:
    docs = {d.id: d for d in data.documents}
    titles = {c.id: c.title for c in data.rubric.criteria}
    for i, a in enumerate(data.annotations, 1):
        d = docs[a.document_id]
        yield [i, report_label(d), d.year, a.part_label, paragraph_label(a), "、".join(a.tags), cap(a.quote),
               a.comment, "、".join(titles.get(c, c) for c in a.evidence_for), a.reviewer]


def section_columns() -> list[Column]:
    """必备部分 columns: each report's required parts with their placement, and its own details."""
    cols = [Column("报告", "Report", 24, wrap=True), Column("机关", "Agency", 14, wrap=True),
            Column("年度", "Year", 5.5, "0")]
    cols += [Column(KIND_LABELS[k][0], KIND_LABELS[k][1], 10, wrap=True) for k in REQUIRED_KINDS]
    cols += [Column("缺少部分数", "Parts missing", 6, "0", wrap=True), Column("文号", "Document number", 13, wrap=True),
             Column("成文日期", "Document date", 10.5, "yyyy-mm-dd"),
             Column("发布日期", "Published", 10.5, "yyyy-mm-dd"), Column("按时公开", "On time", 6, wrap=True)]
    return cols


def section_rows(data: ExportData) -> Iterator[list[Value]]:
    for d in data.documents:
        placements = data.placements.get(d.id, {})
        cells = [PLACEMENT_LABELS[placements.get(k)] for k in REQUIRED_KINDS]
        yield [report_label(d), d.agency, d.year, *cells, sum(1 for k in REQUIRED_KINDS if placements.get(k) is None),
               d.doc_number, to_date(d.doc_date), to_date(d.published_at), on_time_label(d.on_time)]


def score_distribution(data: ExportData, bins: int = 10) -> tuple[list[str], list[str], list[list[int]]]:
    """Histogram of complete reviews' totals: bin labels, reviewer names (series) and counts[bin][reviewer]."""
    top = data.rubric.weights_total
    width = top / bins
    labels = [f"{i * width:g}–{(i + 1) * width:g}" for i in range(bins)]
    reviewers = sorted({r.reviewer for r in data.rows if r.total is not None and r.complete})
    counts = [[0] * len(reviewers) for _ in range(bins)]
    for r in data.rows:
        if r.total is None or not r.complete:
            continue
        b = min(int(r.total / width), bins - 1) if width else 0
        counts[b][reviewers.index(r.reviewer)] += 1
    return labels, reviewers or [""], counts if reviewers else [[0] for _ in range(bins)]
