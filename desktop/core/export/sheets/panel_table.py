"""The 评审汇总 table (panel summary): one row per report, the reviewers combined into one decision.

Columns: 序号, 报告, one column per reviewer with that reviewer's total (未完成（已评 n/8）for a review that is not
complete: not submitted, or criteria left unsettled; blank when the report is not theirs), 平均分 (mean of the
complete reviews), the final score of each criterion (the lead's decision ＊, else the mean), 最终得分 (by the
panel's rule: a formula over the reviewers' totals or over the criteria's finals where the sheet's own cells make
it; 待定 while a review is missing), 排名 (among the reports of the sheet, which the header names), 等次 (a hand-set
one marked with who set it), 评审状态, 完成情况 and 评审意见. The numbers come from the score model
(desktop.core.panel.summary), written by its formatter.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from desktop.core.export.data import ExportData
from desktop.core.export.sheets.tables import (
    NOT_APPLICABLE,
    Column,
    Formula,
    Value,
    criterion_columns,
    report_label,
)
from desktop.core.panel.summary import UNDECIDED, PanelSummary, ReportPanel
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rules import TRIM_FROM

FINAL_HEADER = "最终得分"


_last_reviewers: tuple[weakref.ref[PanelSummary], int, tuple[str, ...]] | None = None


def panel_reviewers(panel: PanelSummary) -> list[str]:
    """The reviewers of the panel, by name (one column each).

    Asked for on every row of the sheet (each row's cells and its 最终得分 formula), so the last panel's answer
    is kept while it is the same panel (frozen: the same list of reports) of the same length, held weakly: a pass
    over every review per row made the 评审汇总 sheet quadratic in the number of reports."""
    global _last_reviewers
    last = _last_reviewers
    if last is not None and last[0]() is panel and last[1] == len(panel.reports):
        return list(last[2])
    names = sorted({r.reviewer for report in panel.reports for r in report.reviews})
    _last_reviewers = (weakref.ref(panel), len(panel.reports), tuple(names))
    return names


def panel_columns(data: ExportData, panel: PanelSummary) -> list[Column]:
    r = data.rubric
    cols = [Column("序号", "No.", 4.5, "0"), Column("报告", "Report", 20, wrap=True)]
    cols += [Column(f"{name}评分", f"{name}'s total", 7, "0.00", wrap=True) for name in panel_reviewers(panel)]
    cols.append(Column("平均分", "Mean", 7, "0.00", wrap=True))
    cols += [Column(f"{c.title}（{fmt(c.max_points)}分）", f"Final: {c.title_en}", 5.5, "0.00", wrap=True)
             for c in r.criteria]
    cols += [Column(f"{FINAL_HEADER}（满分{fmt(r.weights_total)}）", f"Final total (of {fmt(r.weights_total)})", 8,
                    "0.00", wrap=True),
             Column(f"排名（{data.scope or '本表所列报告'}）", "Rank (among the reports of this sheet)", 6, "0",
                    wrap=True),
             Column("等次", "Grade", 8, wrap=True), Column("评审状态", "Panel state", 12, wrap=True),
             Column("完成情况", "Complete reviews", 8, wrap=True), Column("评审意见", "Panel comment", 18, wrap=True)]
    return cols


def reviewer_columns(panel: PanelSummary) -> tuple[int, int]:
    """The 0-based [first, last] indexes of the reviewers' total columns (last < first without reviewers)."""
    return 2, 2 + len(panel_reviewers(panel)) - 1


def final_columns(data: ExportData, panel: PanelSummary) -> tuple[int, int]:
    """The 0-based [first, last] indexes of the final-score columns."""
    first = 2 + len(panel_reviewers(panel)) + 1
    return first, first + len(data.rubric.criteria) - 1


def completion(report: ReportPanel) -> str:
    if not report.reviews:
        return "未分配"
    return f"{report.n_complete}/{len(report.reviews)} 份已提交"


def state_text(report: ReportPanel) -> str:
    """评审中 / 待裁定 / 已裁定 / 已复核 with what is missing or open, and a final outside the reviewers' range."""
    details = [*report.missing, *report.open_items]
    if report.outside_range:
        details.append("最终得分超出各评阅人总分范围")
    return report.state_label + (f"：{'；'.join(details)}" if details else "")


def criterion_final(c) -> Value:
    """A criterion's final as a number (a formula may sum it); a stale decision is named in the 评审状态 column."""
    if c.final_not_applicable:
        return NOT_APPLICABLE
    return c.final


def panel_row(data: ExportData, panel: PanelSummary, index: int, report: ReportPanel,
              final: Value = None) -> list[Value]:
    """One report's row; ``final`` replaces the final total (the xlsx passes its formula)."""
    by_name = {r.reviewer: r for r in report.reviews}
    values: list[Value] = [index, report_label(report.document)]
    for name in panel_reviewers(panel):
        review = by_name.get(name)
        if review is None:
            values.append(None)
        else:
            values.append(review.total if review.complete else review.label)
    values.append(report.mean_total)
    values += [criterion_final(c) for c in report.criteria]
    shown_final: Value = report.final_total if report.final_total is not None else UNDECIDED
    values += [final if final is not None else shown_final, report.rank if report.rank is not None else
               report.rank_text, report.grade_text, state_text(report), completion(report), report.comment]
    return values


def panel_rows(data: ExportData, panel: PanelSummary) -> Iterator[list[Value]]:
    for i, report in enumerate(panel.reports, 1):
        yield panel_row(data, panel, i, report)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def final_formula(first: str, last: str, row: int, criteria: int) -> str:
    """最终得分 by the per-criterion rule: blank until every criterion has a final score (or 不适用), then
    Σ final ÷ maximum × weight."""
    cells, maxima, weights = f"{first}{row}:{last}{row}", f"{first}$1:{last}$1", f"{first}$2:{last}$2"
    settled = f'(COUNT({cells})+COUNTIF({cells},"{NOT_APPLICABLE}"))'
    applicable = f'(SUM({weights})-SUMIF({cells},"{NOT_APPLICABLE}",{weights}))'
    return (f'IF({settled}<{criteria},"",IF({applicable}=0,0,'
            f"ROUND(SUMPRODUCT({cells},{weights}/{maxima})*SUM({weights})/{applicable},2)))")


def totals_formula(rule: str, cells: str) -> str:
    """最终得分 by a rule over the reviewers' totals (the numbers in ``cells``; unfinished ones are text)."""
    if rule == "median":
        return f"ROUND(MEDIAN({cells}),2)"
    if rule == "trimmed":
        return (f"IF(COUNT({cells})>={TRIM_FROM},ROUND((SUM({cells})-MAX({cells})-MIN({cells}))/(COUNT({cells})-2),2),"
                f"ROUND(AVERAGE({cells}),2))")
    return f"ROUND(AVERAGE({cells}),2)"


SUMMARY_SHEET = "汇总"  # the sheet holding each reviewer's scores, one row per report and reviewer
MAX_FORMULA = 8000  # characters: Excel's limit is 8,192


def decided_totals_formula(data: ExportData, panel: PanelSummary, row: int, report: ReportPanel,
                           summary_rows: dict[tuple[str, str], int]) -> str | None:
    """最终得分 by a rule over the reviewers' totals when the lead decided some criteria: each complete review's
    total recomputed with the decided final (this row's cell) in place of the reviewer's own score (their 汇总 row),
    as the score model does; None when a review's 汇总 row is not in the workbook or the formula is too long.

    A total is Σ score ÷ maximum × weight over the criteria that apply, scaled up to the full weight when some are
    不适用, rounded to 2 places (the total the review shows); N() reads 不适用 (text) as 0."""
    lo, _ = final_columns(data, panel)
    own_lo, _ = criterion_columns(data, printable=True)
    decided = {c.criterion.id for c in report.criteria if c.adjudicated}
    weights = f"SUM({column_letter(lo)}$2:{column_letter(lo + len(data.rubric.criteria) - 1)}$2)"
    totals = []
    for review in report.complete_reviews:
        at = summary_rows.get((report.document.id, review.reviewer_id))
        if at is None:
            return None
        weighted, not_applicable = [], []
        for j, c in enumerate(data.rubric.criteria):
            final = column_letter(lo + j)
            cell = (f"{final}{row}" if c.id in decided
                    else f"'{SUMMARY_SHEET}'!{column_letter(own_lo + j)}{at}")
            weighted.append(f"N({cell})/{final}$1*{final}$2")
            not_applicable.append(f'({cell}="{NOT_APPLICABLE}")*{final}$2')
        applicable = f"({weights}-({'+'.join(not_applicable)}))"
        totals.append(f"IF({applicable}=0,0,ROUND(({'+'.join(weighted)})*{weights}/{applicable},2))")
    if not totals:
        return None
    formula = totals_formula(report.rule, ",".join(totals))
    return formula if len(formula) <= MAX_FORMULA else None


def final_cell(data: ExportData, panel: PanelSummary, row: int, report: ReportPanel,
               summary_rows: dict[tuple[str, str], int] | None = None) -> Value:
    """The 最终得分 cell of a report's row: a formula where the sheet's own cells make it (so a corrected cell
    updates it), 待定 without a final.

    With the lead's decisions in a rule over the reviewers' totals, the formula recomputes each total from the
    reviewer's 汇总 row (``summary_rows``: the 1-based row of each (report, reviewer id)) and the decided finals
    of this row; without those rows, or when it would be too long for Excel, the cell holds the model's number."""
    cached = report.final_total
    if cached is None:
        return UNDECIDED
    if report.rule == "criteria":
        lo, hi = final_columns(data, panel)
        return Formula(final_formula(column_letter(lo), column_letter(hi), row, len(data.rubric.criteria)), cached)
    first, last = reviewer_columns(panel)
    if any(c.adjudicated for c in report.criteria):
        decided = decided_totals_formula(data, panel, row, report, summary_rows or {})
        return Formula(decided, cached) if decided is not None else cached
    if last < first:
        return cached
    return Formula(totals_formula(report.rule, f"{column_letter(first)}{row}:{column_letter(last)}{row}"), cached)
