"""The summary's one seam to the score model: each report's final total, 等次 and rank, agreement, and formatting.

Nothing else in :mod:`desktop.core.summary` reads scores, computes a grade or a rank, or formats a number: when the
score model changes, this module is the one edit. Until the panel's single score model lands, it reads
:func:`desktop.core.panel.summary.panel_summary` (final total = the lead's decisions over the defaults, grade =
the lead's choice or the rubric's band) and :func:`desktop.core.panel.agreement.panel_agreement`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from sqlite_utils import Database

from desktop.core.panel.agreement import (
    Alpha,
    CriterionAgreement,
    PanelAgreement,
    krippendorff_alpha,
    panel_agreement,
)
from desktop.core.panel.summary import PanelSummary, ReportPanel, ReviewColumn, panel_summary
from desktop.core.scoring.rubric import Rubric


@dataclass(frozen=True)
class Result:
    """One report's panel result as the summary uses it."""

    document_id: str
    total: float | None          # the final total (None: not decided yet, no complete review)
    grade: str | None            # 等次
    rank: int | None             # within the summary's scope
    comment: str                 # the panel's 评审意见 (the lead's final comment)
    complete_reviews: int
    reviewers: tuple[str, ...]   # names of the reviewers with a review of it
    finals: dict[str, float | None]  # criterion id -> final score (None: not applicable or not decided)
    not_applicable: frozenset[str]


def _result(r: ReportPanel) -> Result:
    finals = {c.criterion.id: c.final for c in r.criteria}
    na = frozenset(c.criterion.id for c in r.criteria if c.final_not_applicable)
    return Result(r.document.id, r.final_total, r.grade, r.rank, r.comment, r.n_complete,
                  tuple(x.reviewer for x in r.reviews), finals, na)


def panel(db: Database, rubric_id: str | None = None) -> PanelSummary:
    """Every current report's panel under the rubric (default: the active one)."""
    return panel_summary(db, rubric_id)


def results(summary: PanelSummary, document_ids: Sequence[str] | None = None) -> list[Result]:
    """The results of the reports in ``document_ids`` (all when None), ranked among themselves."""
    from desktop.core.panel.summary import _ranked  # the score model's competition ranking (1, 2, 2, 4)

    wanted = None if document_ids is None else set(document_ids)
    reports = [r for r in summary.reports if wanted is None or r.document.id in wanted]
    return [_result(r) for r in _ranked([replace(r, rank=None) for r in reports])]


def agreement(db: Database, rubric_id: str | None = None) -> PanelAgreement:
    """Krippendorff's alpha per criterion and on the total over the complete reviews of every report."""
    return panel_agreement(db, rubric_id)


def agreement_of(summary: PanelSummary, document_ids: Collection[str]) -> PanelAgreement:
    """Krippendorff's alpha over the complete reviews of some reports only (the summary's scope), computed as
    :func:`desktop.core.panel.agreement.panel_agreement` computes it for all."""
    wanted = set(document_ids)
    reports = [r for r in summary.reports if r.document.id in wanted]
    reviewers = sorted({c.reviewer_id for r in reports for c in r.complete_reviews})
    column = {rid: j for j, rid in enumerate(reviewers)}

    def matrix(value_of: Callable[[ReviewColumn], float | None]) -> list[list[float | None]]:
        rows = []
        for r in reports:
            row: list[float | None] = [None] * len(reviewers)
            for review in r.complete_reviews:
                row[column[review.reviewer_id]] = value_of(review)
            rows.append(row)
        return rows

    def why(alpha: Alpha) -> str | None:
        if alpha.reason and alpha.n_units == 0:
            return "no report has complete reviews (submitted, every criterion settled) from two or more reviewers"
        return alpha.reason

    criteria = []
    for c in summary.rubric.criteria:
        def value(review: ReviewColumn, cid: str = c.id) -> float | None:
            return review.values.get(cid)

        data = matrix(value)
        interval, ordinal = krippendorff_alpha(data, "interval"), krippendorff_alpha(data, "ordinal")
        criteria.append(CriterionAgreement(c.id, c.title, interval.value, ordinal.value, interval.n_units,
                                           interval.n_coders, why(interval) or why(ordinal)))
    total = krippendorff_alpha(matrix(lambda review: review.total), "interval")
    return PanelAgreement(criteria, total.value, total.n_units, total.n_coders, why(total))


def grade_labels(rubric: Rubric) -> list[str]:
    """The rubric's 等次 from the highest band down."""
    return [g.label for g in rubric.grades]


# --- the one place numbers become text ----------------------------------------------------------------------

def fmt_score(value: float | None) -> str:
    """A score or total as shown: at most two decimals, no trailing zeros (80, 72.5, 65.83); '—' for none."""
    if value is None:
        return "—"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_rate(value: float | None) -> str:
    """A share as a percentage with one decimal (72.5%)."""
    return "—" if value is None else f"{value * 100:.1f}%"


def fmt_alpha(value: float | None) -> str:
    """Krippendorff's alpha with two decimals."""
    return "无法计算" if value is None else f"{value:.2f}"


def fmt_count(value: int) -> str:
    return str(value)


def alpha_meaning(value: float | None) -> str:
    """What an alpha means in words (Krippendorff's customary thresholds 0.667 and 0.8)."""
    if value is None:
        return "无法计算"
    if value >= 0.8:
        return "一致性好，可据以下结论"
    if value >= 0.667:
        return "一致性尚可，可作初步结论"
    if value >= 0:
        return "一致性不足，评分标准的理解可能不一致"
    return "一致性低于随机水平，评分存在系统性分歧"


def fmt_date(value: str | None) -> str:
    """An ISO date (YYYY-MM-DD…) as a Chinese document writes it: 2025年3月1日; the text itself if not a date."""
    import datetime as dt

    if not value:
        return "—"
    try:
        d = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{d.year}年{d.month}月{d.day}日"


def alpha_reason(reason: str | None) -> str:
    """Why an alpha could not be computed, in Chinese (the score model states it in English)."""
    if not reason:
        return ""
    if "all values are the same" in reason:
        return "各评阅人给分完全相同，无法与随机一致相区分"
    if "two or more" in reason:
        return "没有报告有两名以上评阅人的完整评阅"
    return reason
