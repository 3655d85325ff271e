"""Inter-rater agreement: Krippendorff's alpha (interval and ordinal) per criterion and on the total.

:func:`krippendorff_alpha` is the general computation over units (reports) x coders (reviewers) with missing
values, through the coincidence matrix of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
``alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck)`` over pairable values (units with at least two
values), with the interval metric ``d_ck = (c - k)^2`` or the ordinal metric
``d_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2``.

:func:`panel_agreement` applies it to a database: only complete reviews (submitted, every criterion scored or
not applicable) count, a criterion marked not applicable is a missing value, and where alpha cannot be computed
(no report scored by two complete reviews, or no variation at all) it is None with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:  # the summary module imports this one
    from desktop.core.panel.summary import ReportPanel, ReviewColumn
    from desktop.core.scoring.rubric import Rubric

METRICS = ("interval", "ordinal")


@dataclass(frozen=True)
class Alpha:
    """Alpha (None when it cannot be computed, with ``reason``) and the data it rests on.

    ``n_units``: units with two or more values (the only ones that count); ``n_coders``: coders who gave a value
    in those units; ``n_values``: the pairable values.
    """

    value: float | None
    n_units: int
    n_coders: int
    n_values: int
    reason: str | None = None


def krippendorff_alpha(data: Sequence[Sequence[float | None]], metric: str = "interval") -> Alpha:
    """Krippendorff's alpha of ``data``: one row per unit, one column per coder, None for a missing value."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    units = []
    coders: set[int] = set()
    for row in data:
        present = [(j, v) for j, v in enumerate(row) if v is not None]
        if len(present) >= 2:
            units.append([v for _, v in present])
            coders.update(j for j, _ in present)
    n_values = sum(len(u) for u in units)
    if len(units) < 1 or n_values < 2:
        return Alpha(None, len(units), len(coders), n_values,
                     "no unit has values from two or more coders (reports scored by two or more reviewers)")
    coincidence: dict[tuple[float, float], float] = {}
    for u in units:
        m = len(u)
        for i, a in enumerate(u):
            for j, b in enumerate(u):
                if i != j:
                    coincidence[(a, b)] = coincidence.get((a, b), 0.0) + 1 / (m - 1)
    n_c: dict[float, float] = {}
    for (a, _), weight in coincidence.items():
        n_c[a] = n_c.get(a, 0.0) + weight
    values = sorted(n_c)
    n = sum(n_c.values())

    def delta(c: float, k: float) -> float:
        if metric == "interval":
            return (c - k) ** 2
        lo, hi = (c, k) if c <= k else (k, c)
        between = sum(n_c[g] for g in values if lo <= g <= hi)
        return (between - (n_c[c] + n_c[k]) / 2) ** 2

    observed = sum(w * delta(a, b) for (a, b), w in coincidence.items())
    expected = sum(n_c[a] * n_c[b] * delta(a, b) for a in values for b in values if a != b)
    if expected == 0:
        return Alpha(None, len(units), len(coders), n_values,
                     "all values are the same, so agreement cannot be told from chance")
    return Alpha(1 - (n - 1) * observed / expected, len(units), len(coders), n_values)


@dataclass(frozen=True)
class CriterionAgreement:
    """Agreement on one criterion (the reason says why an alpha is None)."""

    id: str
    title: str
    alpha_interval: float | None
    alpha_ordinal: float | None
    n_reports: int
    n_reviewers: int
    reason: str | None


@dataclass(frozen=True)
class PanelAgreement:
    """Agreement per criterion and on the weighted total, under one rubric."""

    criteria: list[CriterionAgreement]
    total_alpha_interval: float | None
    total_n_reports: int
    total_n_reviewers: int
    total_reason: str | None

    def to_json(self) -> dict:
        """The ``reviewdesk agreement --json`` shape (alphas rounded to 4 places; a ``reason`` where null)."""
        def r(v: float | None) -> float | None:
            return None if v is None else round(v, 4)
        return {
            "criteria": [{"id": c.id, "title": c.title, "alpha_interval": r(c.alpha_interval),
                          "alpha_ordinal": r(c.alpha_ordinal), "n_reports": c.n_reports,
                          "n_reviewers": c.n_reviewers, "reason": c.reason} for c in self.criteria],
            "total": {"alpha_interval": r(self.total_alpha_interval), "n_reports": self.total_n_reports,
                      "n_reviewers": self.total_n_reviewers, "reason": self.total_reason},
        }


def panel_agreement(db: Database, rubric_id: str | None = None) -> PanelAgreement:
    """Krippendorff's alpha over the complete reviews of every current report (rubric default: the active one)."""
    from desktop.core.panel.summary import panel_summary

    summary = panel_summary(db, rubric_id)
    return agreement_over(summary.rubric, summary.reports)


def agreement_over(rubric: Rubric, reports: Sequence[ReportPanel]) -> PanelAgreement:
    """Krippendorff's alpha per criterion and on the total over the complete reviews of these reports."""
    reviewers = sorted({r.reviewer_id for rep in reports for r in rep.complete_reviews})
    column = {rid: j for j, rid in enumerate(reviewers)}

    def matrix(value_of: Callable[[ReviewColumn], float | None]) -> list[list[float | None]]:
        rows = []
        for rep in reports:
            row: list[float | None] = [None] * len(reviewers)
            for review in rep.complete_reviews:
                row[column[review.reviewer_id]] = value_of(review)
            rows.append(row)
        return rows

    def why(alpha: Alpha) -> str | None:
        if alpha.reason and alpha.n_units == 0:
            return "no report has complete reviews (submitted, every criterion settled) from two or more reviewers"
        return alpha.reason

    criteria = []
    for c in rubric.criteria:
        def value(review: ReviewColumn, cid: str = c.id) -> float | None:
            return review.values.get(cid)

        data = matrix(value)
        interval, ordinal = krippendorff_alpha(data, "interval"), krippendorff_alpha(data, "ordinal")
        criteria.append(CriterionAgreement(c.id, c.title, interval.value, ordinal.value, interval.n_units,
                                           interval.n_coders, why(interval) or why(ordinal)))
    total = krippendorff_alpha(matrix(lambda review: review.total), "interval")
    return PanelAgreement(criteria, total.value, total.n_units, total.n_coders, why(total))
