"""The summary's one seam to the score model: each report's final total, 等次 and rank, agreement, and formatting.

Nothing else in :mod:`desktop.core.summary` reads scores, computes a grade, a rank or a mean, or formats a number:
when the score model changes, this module is the one edit. It reads the panel's score model
(:func:`desktop.core.panel.summary.panel_summary`: the final total by the panel's rule once every review of the
report is complete, the grade, competition ranks by :func:`desktop.core.panel.summary.ranked`), takes means and
medians exactly (desktop.core.scoring.numbers) and writes every number with its one formatter
(:func:`desktop.core.scoring.numbers.fmt`, 四舍五入).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from sqlite_utils import Database

from desktop.core.panel.agreement import (
    PanelAgreement,
    agreement_over,
    panel_agreement,
)
from desktop.core.panel.summary import PanelSummary, ReportPanel, panel_summary, ranked
from desktop.core.scoring import numbers as score_numbers
from desktop.core.scoring.numbers import Number
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
    wanted = None if document_ids is None else set(document_ids)
    reports = [r for r in summary.reports if wanted is None or r.document.id in wanted]
    return [_result(r) for r in ranked([replace(r, rank=None) for r in reports])]


def agreement(db: Database, rubric_id: str | None = None) -> PanelAgreement:
    """Krippendorff's alpha per criterion and on the total over the complete reviews of every report."""
    return panel_agreement(db, rubric_id)


def agreement_of(summary: PanelSummary, document_ids: Collection[str]) -> PanelAgreement:
    """Krippendorff's alpha over the complete reviews of some reports only (the summary's scope), computed as
    :func:`desktop.core.panel.agreement.panel_agreement` computes it for all."""
    wanted = set(document_ids)
    return agreement_over(summary.rubric, [r for r in summary.reports if r.document.id in wanted])


def grade_labels(rubric: Rubric) -> list[str]:
    """The rubric's 等次 from the highest band down."""
    return [g.label for g in rubric.grades]


# --- the one place numbers become text ----------------------------------------------------------------------

def mean_of(values: Sequence[float]) -> Fraction | None:
    """The exact mean of stored scores or totals (None for none)."""
    return score_numbers.mean([score_numbers.exact(v) for v in values])


def median_of(values: Sequence[float]) -> Fraction | None:
    return score_numbers.median([score_numbers.exact(v) for v in values])


def share(part: Number | None, whole: Number | None) -> Fraction | None:
    """``part / whole`` exactly (None when either is None or the whole is 0)."""
    if part is None or whole is None or score_numbers.exact(whole) == 0:
        return None
    return score_numbers.exact(part) / score_numbers.exact(whole)


def difference(a: float | None, b: float | None) -> Fraction | None:
    """``a - b`` exactly (a change of a total from last year), None when either is missing."""
    return None if a is None or b is None else score_numbers.exact(a) - score_numbers.exact(b)


def compare(a: float, b: float) -> int:
    """-1, 0 or 1 as ``a`` is below, equal to or above ``b`` (on the decimal values)."""
    x, y = score_numbers.exact(a), score_numbers.exact(b)
    return (x > y) - (x < y)


def fmt_score(value: Number | None) -> str:
    """A score, total or mean as shown: the score model's formatter (四舍五入 to 2 decimals, no trailing zeros);
    '—' for none."""
    return score_numbers.fmt(value, blank="—")


def fmt_change(value: Number | None) -> str:
    """A change of a total: +12.5, -3, 0; '—' for none."""
    text = fmt_score(value)
    return f"+{text}" if text not in ("—", "0") and not text.startswith("-") else text


def fmt_rate(value: Number | None) -> str:
    """A share as a percentage, 四舍五入 to one decimal (72.5%, 70%)."""
    return "—" if value is None else score_numbers.fmt(score_numbers.exact(value) * 100, 1) + "%"


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
