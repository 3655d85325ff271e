"""The panel dashboard's numbers, read from the database: progress, totals, criteria, agreement, compliance.

:func:`build_dashboard` gathers a :class:`~desktop.core.export.sheets.charts.Dashboard` (read-only, safe on a reader
connection) from the panel's own rules (desktop.core.panel.summary, agreement and assignments), so the charts
show the same numbers as the panel view and the 评审汇总 sheet. :func:`write_charts` writes them as PNG files.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from desktop.core.export.data import collect_export_data
from desktop.core.export.sheets.charts import (
    AgreementBar,
    ComplianceRow,
    CriterionStat,
    Dashboard,
    ProgressBar,
    write_pngs,
)
from desktop.core.export.sheets.tables import report_label
from desktop.core.panel.agreement import panel_agreement
from desktop.core.panel.assignments import reviewer_progress
from desktop.core.panel.summary import PanelSummary, panel_summary
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS


def dashboard_from(panel: PanelSummary, progress, agreement, documents, placements) -> Dashboard:
    """The dashboard from the panel summary, reviewer progress, agreement and each report's parts."""
    rubric = panel.rubric
    d = Dashboard(rubric.weights_total, tuple(KIND_LABELS[k][0] for k in REQUIRED_KINDS))
    d.progress = [ProgressBar(p.reviewer, p.assigned, p.not_started, p.in_progress, p.submitted) for p in progress]
    d.totals = [r.final_total for r in panel.reports if r.final_total is not None]  # unfinished panels: no final
    d.grade_bounds = [(g.label, g.min) for g in rubric.grades]
    for i, c in enumerate(rubric.criteria):
        scores = [s for r in panel.reports for s in r.criteria[i].scores.values()]
        mean = sum(scores) / len(scores) if scores else None
        flagged = sum(1 for r in panel.reports if r.criteria[i].disagreement)
        d.criteria.append(CriterionStat(c.title, c.max_points, mean, min(scores) if scores else None,
                                        max(scores) if scores else None, flagged))
    d.agreement = [AgreementBar(a.title, a.alpha_interval, a.n_reports, a.reason) for a in agreement.criteria]
    d.agreement.append(AgreementBar("总分", agreement.total_alpha_interval, agreement.total_n_reports,
                                    agreement.total_reason))
    for doc in documents:
        parts = placements.get(doc.id, {})
        label = report_label(doc)
        short = f"{doc.agency or label[:14]}{f' {doc.year}' if doc.year else ''}"
        d.compliance.append(ComplianceRow(short[:22], tuple(parts.get(k) for k in REQUIRED_KINDS), doc.on_time))
    return d


def build_dashboard(db: Database, rubric_id: str | None = None) -> Dashboard:
    """Every number the dashboard shows, under the rubric (default: the active one)."""
    panel = panel_summary(db, rubric_id)
    data = collect_export_data(db, None, rubric_id)
    return dashboard_from(panel, reviewer_progress(db, panel.rubric.id), panel_agreement(db, rubric_id),
                          data.documents, data.placements)


def write_charts(db: Database, folder: str | Path, rubric_id: str | None = None) -> list[Path]:
    """Write every dashboard chart as ``folder/<name>.png``; return the paths."""
    return write_pngs(build_dashboard(db, rubric_id), folder)
