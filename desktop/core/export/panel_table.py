"""The 评审汇总 table (panel summary): one row per report, the reviewers combined into one decision.

Columns: 序号, 报告, one column per reviewer with that reviewer's total (未完成（已评 n/8）for a review that is not
complete: not submitted, or criteria left unsettled; blank when the report is not theirs), 平均分 (mean of the
complete reviews), the final score of each criterion (the lead's decision, else the mean rounded to the rubric's
step), 最终得分 (a formula over those final scores, with the maximums and weights above the header), 排名 (by final
score, reports with one only), 等次, 完成情况 and 评审意见. The numbers come from desktop.core.panel.summary, the
one place the panel rules live.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.export.data import ExportData
from desktop.core.export.tables import NOT_APPLICABLE, Column, Formula, Value, report_label
from desktop.core.panel.summary import PanelSummary, ReportPanel

FINAL_HEADER = "最终得分"


def panel_reviewers(panel: PanelSummary) -> list[str]:
    """The reviewers of the panel, by name (one column each)."""
    return sorted({r.reviewer for report in panel.reports for r in report.reviews})


def panel_columns(data: ExportData, panel: PanelSummary) -> list[Column]:
    r = data.rubric
    cols = [Column("序号", "No.", 4.5, "0"), Column("报告", "Report", 20, wrap=True)]
    cols += [Column(f"{name}评分", f"{name}'s total", 7, "0.00", wrap=True) for name in panel_reviewers(panel)]
    cols.append(Column("平均分", "Mean", 7, "0.00", wrap=True))
    cols += [Column(f"{c.title}（{c.max_points:g}分）", f"Final: {c.title_en}", 5.5, "0.0", wrap=True)
             for c in r.criteria]
    cols += [Column(f"{FINAL_HEADER}（满分{r.weights_total:g}）", f"Final total (of {r.weights_total:g})", 8, "0.00",
                    wrap=True),
             Column("排名", "Rank", 4.5, "0", wrap=True), Column("等次", "Grade", 6, wrap=True),
             Column("完成情况", "Complete reviews", 8, wrap=True), Column("评审意见", "Panel comment", 18, wrap=True)]
    return cols


def final_columns(data: ExportData, panel: PanelSummary) -> tuple[int, int]:
    """The 0-based [first, last] indexes of the final-score columns."""
    first = 2 + len(panel_reviewers(panel)) + 1
    return first, first + len(data.rubric.criteria) - 1


def completion(report: ReportPanel) -> str:
    if not report.reviews:
        return "未分配"
    return f"{report.n_complete}/{len(report.reviews)} 份已提交"


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
    for c in report.criteria:
        values.append(NOT_APPLICABLE if c.final_not_applicable else c.final)
    values += [final if final is not None else report.final_total, report.rank, report.grade or "",
               completion(report), report.comment]
    return values


def panel_rows(data: ExportData, panel: PanelSummary) -> Iterator[list[Value]]:
    for i, report in enumerate(panel.reports, 1):
        yield panel_row(data, panel, i, report)


def final_formula(first: str, last: str, row: int, criteria: int) -> str:
    """最终得分: blank until every criterion has a final score (or 不适用), then Σ final ÷ maximum × weight."""
    cells, maxima, weights = f"{first}{row}:{last}{row}", f"{first}$1:{last}$1", f"{first}$2:{last}$2"
    settled = f'(COUNT({cells})+COUNTIF({cells},"{NOT_APPLICABLE}"))'
    applicable = f'(SUM({weights})-SUMIF({cells},"{NOT_APPLICABLE}",{weights}))'
    return (f'IF({settled}<{criteria},"",IF({applicable}=0,0,'
            f"ROUND(SUMPRODUCT({cells},{weights}/{maxima})*SUM({weights})/{applicable},2)))")


def final_cell(first: str, last: str, row: int, data: ExportData, report: ReportPanel) -> Formula:
    cached = report.final_total
    return Formula(final_formula(first, last, row, len(data.rubric.criteria)), "" if cached is None else cached)
