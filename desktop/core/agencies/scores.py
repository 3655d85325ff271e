"""The one seam between the agency views and the score model: a report's total and 等次 as the panel decided.

The panel's score model (desktop.core.panel.summary, formatted by desktop.core.scoring.numbers.fmt) is read here
only, so that when that model changes only this module follows. A total is the panel's final total when the panel
has one, else the mean of the complete reviews' totals (said so in ``basis`` and by a star), else none.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.panel.summary import panel_summary
from desktop.core.scoring.numbers import fmt

FINAL, MEAN, NONE = "final", "mean", "none"


@dataclass(frozen=True)
class ReportScore:
    """A report's total (None: not scored yet), its 等次 (None: none decided) and what the total rests on."""

    total: float | None
    grade: str | None
    basis: str  # final | mean | none
    reviews: int  # complete reviews

    def total_text(self) -> str:
        """The total as shown everywhere in the agency views (the score model's formatter; '—' when there is none;
        a star when it is the mean of the complete reviews, not a final)."""
        if self.total is None:
            return "—"
        return fmt(self.total) + ("" if self.basis == FINAL else "*")


def report_scores(db: Database, document_ids: list[str] | None = None) -> dict[str, ReportScore]:
    """Each current report's score under the active rubric (read-only)."""
    summary = panel_summary(db)
    wanted = set(document_ids) if document_ids is not None else None
    out = {}
    for report in summary.reports:
        if wanted is not None and report.document_id not in wanted:
            continue
        if report.final_total is not None:
            out[report.document_id] = ReportScore(report.final_total, report.grade, FINAL, report.n_complete)
        elif report.mean_total is not None:
            out[report.document_id] = ReportScore(report.mean_total, report.grade, MEAN, report.n_complete)
        else:
            out[report.document_id] = ReportScore(None, report.grade, NONE, report.n_complete)
    return out
