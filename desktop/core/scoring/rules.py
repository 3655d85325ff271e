"""The scoring rules, written once: what is settled, what is complete, ranks, and how a final score is made.

Every reader of scores (the score form, the corpus table, the panel view, the dashboard, agreement and every
export) goes through these functions and desktop.core.panel.summary, which applies them to the database; numbers
are rounded and written by desktop.core.scoring.numbers.

- A criterion is **settled** when it has a score, or it is marked not applicable with a reason where the rubric
  allows it (:func:`is_settled`). A review is **complete** when it is submitted and every criterion is settled.
- A review's **total** is :meth:`Rubric.weighted_total` (exact, then 四舍五入 to 2 decimals).
- The **final score** of a report (:func:`combine`) follows the panel's rule (:func:`final_rule`): ``mean`` of the
  complete reviews' totals (the default), their ``median``, the ``trimmed`` mean (without the highest and the
  lowest from :data:`TRIM_FROM` reviewers up), or ``criteria``: the weighted total of each criterion's final
  (the mean of the reviewers' scores, to 2 decimals). A criterion the lead decided takes the lead's value in every
  rule (for the rules over totals: in each reviewer's total in place of the reviewer's own score).
- **Ranks** are competition ranks (1, 2, 2, 4) among the reports given (:func:`competition_ranks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from sqlite_utils import Database

from desktop.core.scoring.numbers import exact, half_up, mean, median, trimmed_mean
from desktop.core.scoring.rubric import FINAL_RULES, Criterion, Rubric
from desktop.core.storage.settings import get_setting, set_setting

TRIM_FROM = 5  # the trimmed mean drops the highest and the lowest total from this many complete reviews up
DEFAULT_RULE = "mean"
FINAL_RULE_KEY = "final_rule"  # project setting (desktop.core.storage.settings); overrides the rubric's
FINAL_RULE_LABELS = {
    "mean": ("各评阅人总分的平均分", "mean of the reviewers' totals"),
    "median": ("各评阅人总分的中位数", "median of the reviewers' totals"),
    "trimmed": (f"去掉一个最高分和一个最低分后的平均分（{TRIM_FROM}人及以上评阅时；不足{TRIM_FROM}人取平均分）",
                f"mean without the highest and lowest total ({TRIM_FROM} or more reviewers; fewer: the mean)"),
    "criteria": ("各评阅项目平均分的加权合计", "weighted total of each criterion's mean"),
}


def is_settled(criterion: Criterion, value: float | None, not_applicable: bool, reason: str | None) -> bool:
    """Scored, or marked not applicable with a reason where the rubric allows it."""
    return value is not None or (criterion.allow_na and bool(not_applicable) and bool((reason or "").strip()))


def final_rule(db: Database, rubric: Rubric) -> str:
    """The panel's final-score rule: the project setting, else the rubric's ``final_rule``, else ``mean``."""
    chosen = get_setting(db, FINAL_RULE_KEY)
    if chosen in FINAL_RULES:
        return chosen
    return rubric.final_rule or DEFAULT_RULE


def set_final_rule(db: Database, rule: str | None) -> None:
    """Choose the project's final-score rule (None or "": follow the rubric, else the mean)."""
    if rule and rule not in FINAL_RULES:
        raise ValueError(f"unknown final-score rule {rule!r}; use one of {', '.join(FINAL_RULES)}")
    set_setting(db, FINAL_RULE_KEY, rule or "")


def rule_label(rule: str) -> str:
    """The rule as printed on a panel sheet (最终得分计算方式)."""
    return FINAL_RULE_LABELS.get(rule, (rule, rule))[0]


def combine_totals(rule: str, totals: Sequence[float]) -> Fraction | None:
    """A rule over totals (``mean``, ``median``, ``trimmed``) applied exactly to the totals as shown."""
    values = [exact(t) for t in totals]
    if rule == "median":
        return median(values)
    if rule == "trimmed":
        return trimmed_mean(values, TRIM_FROM)
    return mean(values)


def weighted_points(criterion: Criterion, value: float) -> Fraction:
    """What a criterion's score adds to the total (score ÷ maximum × weight), exactly."""
    return exact(value) / exact(criterion.max_points) * exact(criterion.weight)


def criterion_mean(scores: Sequence[float]) -> float | None:
    """A criterion's mean over the reviewers' scores, 四舍五入 to 2 decimals (what its final shows)."""
    m = mean([exact(s) for s in scores])
    return None if m is None else float(half_up(m))


def competition_ranks(totals: Sequence[float | None]) -> list[int | None]:
    """Competition ranks (1, 2, 2, 4) by total, highest first; None totals get no rank."""
    order = sorted((i for i, t in enumerate(totals) if t is not None), key=lambda i: -exact(totals[i] or 0))
    ranks: list[int | None] = [None] * len(totals)
    for pos, i in enumerate(order):
        prev = order[pos - 1] if pos else None
        same = prev is not None and exact(totals[prev] or 0) == exact(totals[i] or 0)
        ranks[i] = ranks[prev] if same and prev is not None else pos + 1
    return ranks
