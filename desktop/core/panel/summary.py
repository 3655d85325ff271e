"""Panel statistics: every reviewer's scores of a report side by side, combined into one decision.

Read-only (safe on a reader connection). The entry points:

- :func:`panel_summary` (``db, rubric_id=None``) -> :class:`PanelSummary`: every current report under a rubric
  (default: the active one), in corpus order, with ranks by final total;
- :func:`report_panel` (``db, document_id, rubric_id=None``) -> :class:`ReportPanel`: one report.

Rules, per report:

- A review is **complete** when it is submitted (status ``done``) and every criterion is scored or marked not
  applicable. Only complete reviews enter means, medians, spreads, disagreement flags, defaults and ranks. An
  incomplete one is still listed (:attr:`ReviewColumn.label` says ``未完成（已评 n/8）``) with what it has.
  Reviewers assigned to the report who have not started are listed too (``已评 0/8``).
- Per criterion (:class:`CriterionPanel`): ``mean``, ``median`` and ``spread`` (max - min) of the complete
  reviews' scores (not-applicable marks left out); ``disagreement`` when at least two scores spread by the
  criterion's ``disagreement`` threshold or more. The **default final** score is the mean rounded to the
  criterion's step (halves up); when every complete review marked it not applicable, the default is not
  applicable. The lead's decision (desktop.core.panel.adjudication) overrides the default.
- Totals: each complete review's weighted total; their ``mean_total``, ``median_total``, ``spread_total`` and
  ``total_disagreement`` (spread >= the rubric's ``disagreement_total``). The **final total** is the weighted total
  of the final scores, None while any criterion has no final score. The **grade** (等次) is the lead's choice,
  else the rubric's band for the final total.
- **Rank**: competition ranking (1, 2, 2, 4) by final total among reports that have one.
- ``disagreement_score`` orders reports by how far they disagree (HotCRP-style sorting): the largest
  spread / threshold over the criteria and the total (0 without flags possible).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.panel.adjudication import (
    Adjudication,
    FinalScore,
    all_adjudications,
    all_final_scores,
)
from desktop.core.panel.assignments import assigned_reviewers
from desktop.core.scoring.rubric import Criterion, Rubric, active_rubric_readonly, get_rubric
from desktop.core.scoring.scores import DONE, NOT_STARTED, STATUS_LABELS
from desktop.core.storage.documents import DocumentSummary, get_summary, list_documents


def incomplete_label(settled: int, criteria: int) -> str:
    """How an incomplete review is shown on sheets: ``未完成（已评 n/8）``."""
    return f"未完成（已评 {settled}/{criteria}）"


@dataclass(frozen=True)
class ReviewColumn:
    """One reviewer's review of one report.

    ``values``: criterion id -> score (absent: not scored); ``not_applicable``: criteria marked not applicable;
    ``settled``: criteria scored or not applicable; ``total``: weighted total of what is scored (None if nothing).
    """

    reviewer_id: str
    reviewer: str
    status: str
    values: dict[str, float]
    not_applicable: frozenset[str]
    settled: int
    criteria: int
    total: float | None
    complete: bool
    assigned: bool
    comment: str = ""

    @property
    def label(self) -> str:
        """``已提交`` for a complete review, else ``未完成（已评 n/8）``."""
        return STATUS_LABELS[DONE][0] if self.complete else incomplete_label(self.settled, self.criteria)


@dataclass(frozen=True)
class CriterionPanel:
    """One criterion of one report across the complete reviews, and its final score.

    ``scores``: reviewer id -> score of each complete review that scored it; ``not_applicable_by``: reviewer
    ids of complete reviews that marked it not applicable. ``final`` / ``final_not_applicable``: the lead's
    decision when ``adjudicated``, else the default (``default_final`` / ``default_not_applicable``).
    """

    criterion: Criterion
    scores: dict[str, float]
    not_applicable_by: tuple[str, ...]
    mean: float | None
    median: float | None
    spread: float | None
    disagreement: bool
    default_final: float | None
    default_not_applicable: bool
    final: float | None
    final_not_applicable: bool
    adjudicated: bool
    decided_by: str = ""
    decided_at: str = ""

    @property
    def has_final(self) -> bool:
        return self.final is not None or self.final_not_applicable


@dataclass(frozen=True)
class ReportPanel:
    """One report under one rubric: the reviews side by side, the statistics and the final decision."""

    document: DocumentSummary
    rubric_id: str
    reviews: tuple[ReviewColumn, ...]
    criteria: tuple[CriterionPanel, ...]
    n_complete: int
    mean_total: float | None
    median_total: float | None
    spread_total: float | None
    total_disagreement: bool
    final_total: float | None
    grade: str | None
    grade_adjudicated: bool
    comment: str
    decided_by: str
    decided_at: str
    disagreement_score: float
    rank: int | None = None

    @property
    def document_id(self) -> str:
        return self.document.id

    @property
    def disagreements(self) -> list[str]:
        """Ids of the criteria flagged as disagreements (the total is :attr:`total_disagreement`)."""
        return [c.criterion.id for c in self.criteria if c.disagreement]

    @property
    def complete_reviews(self) -> list[ReviewColumn]:
        return [r for r in self.reviews if r.complete]

    def criterion(self, criterion_id: str) -> CriterionPanel:
        for c in self.criteria:
            if c.criterion.id == criterion_id:
                return c
        raise KeyError(criterion_id)


@dataclass(frozen=True)
class PanelSummary:
    """Every current report under a rubric (corpus order), with ranks by final total."""

    rubric: Rubric
    reports: list[ReportPanel] = field(default_factory=list)

    def report(self, document_id: str) -> ReportPanel:
        for r in self.reports:
            if r.document.id == document_id:
                return r
        raise KeyError(document_id)


# --- computing -----------------------------------------------------------------------------------------------

@dataclass
class _Raw:
    names: dict[str, str]
    statuses: dict[tuple[str, str], tuple[str, str]]                     # (doc, reviewer) -> (status, comment)
    values: dict[tuple[str, str], dict[str, float]]
    na: dict[tuple[str, str], set[str]]
    assigned: dict[str, list[str]]
    finals: dict[str, dict[str, FinalScore]]
    adjudications: dict[str, Adjudication]
    by_doc: dict[str, set[str]] = field(default_factory=dict)  # doc -> reviewers with a review, score or mark
    known: frozenset[str] = frozenset()       # the rubric's criterion ids
    allowed_na: frozenset[str] = frozenset()  # those that may be not applicable

    def __post_init__(self) -> None:
        for keys in (self.statuses, self.values, self.na):
            for d, r in keys:
                self.by_doc.setdefault(d, set()).add(r)


def _fetch(db: Database, rubric: Rubric, document_id: str | None) -> _Raw:
    doc_filter = " AND document_id = ?" if document_id else ""
    args = [rubric.id, document_id] if document_id else [rubric.id]
    names = dict(db.execute("SELECT id, name FROM reviewers").fetchall())
    statuses = {(d, r): (s, c) for d, r, s, c in db.execute(
        f"SELECT document_id, reviewer_id, status, overall_comment FROM reviews WHERE rubric_id = ?{doc_filter}",
        args).fetchall()}
    values: dict[tuple[str, str], dict[str, float]] = {}
    na: dict[tuple[str, str], set[str]] = {}
    for d, r, cid, value, not_applicable, reason in db.execute(
            "SELECT document_id, reviewer_id, criterion_id, value, not_applicable, na_reason FROM scores "
            f"WHERE rubric_id = ?{doc_filter}", args).fetchall():
        if value is not None:
            values.setdefault((d, r), {})[cid] = value
        elif not_applicable and reason.strip():
            na.setdefault((d, r), set()).add(cid)
    return _Raw(names, statuses, values, na, assigned_reviewers(db), all_final_scores(db, rubric.id),
                all_adjudications(db, rubric.id), known=frozenset(c.id for c in rubric.criteria),
                allowed_na=frozenset(c.id for c in rubric.criteria if c.allow_na))


def _review_column(rubric: Rubric, raw: _Raw, doc: str, rid: str) -> ReviewColumn:
    status, comment = raw.statuses.get((doc, rid), (NOT_STARTED, ""))
    known, allowed_na = raw.known, raw.allowed_na
    values = {cid: v for cid, v in raw.values.get((doc, rid), {}).items() if cid in known}
    na = frozenset(cid for cid in raw.na.get((doc, rid), set()) if cid in allowed_na and cid not in values)
    settled = len(values) + len(na)
    total = rubric.weighted_total(values, na) if values else None
    complete = status == DONE and settled == len(rubric.criteria)
    return ReviewColumn(rid, raw.names.get(rid, ""), status, values, na, settled, len(rubric.criteria), total,
                        complete, rid in raw.assigned.get(doc, ()), comment)


def _stats(values: list[float]) -> tuple[float | None, float | None, float | None]:
    """Mean, median and spread (max - min); plain arithmetic: two or three values per report, thousands of reports."""
    n = len(values)
    if not n:
        return None, None, None
    ordered = sorted(values)
    half = n // 2
    median = ordered[half] if n % 2 else (ordered[half - 1] + ordered[half]) / 2
    return round(sum(values) / n, 4), float(median), round(ordered[-1] - ordered[0], 4)


def _criterion_panel(c: Criterion, complete: list[ReviewColumn], final: FinalScore | None) -> CriterionPanel:
    scores = {r.reviewer_id: r.values[c.id] for r in complete if c.id in r.values}
    na_by = tuple(r.reviewer_id for r in complete if c.id in r.not_applicable)
    mean, median, spread = _stats(list(scores.values()))
    disagreement = (len(scores) >= 2 and c.disagreement is not None and spread is not None
                    and spread + 1e-9 >= c.disagreement)
    default = c.round_to_step(mean) if mean is not None else None
    default_na = mean is None and bool(na_by)
    if final is not None:
        return CriterionPanel(c, scores, na_by, mean, median, spread, disagreement, default, default_na,
                              final.value, final.not_applicable, True, final.decided_by, final.decided_at)
    return CriterionPanel(c, scores, na_by, mean, median, spread, disagreement, default, default_na, default,
                          default_na, False)


def _report(rubric: Rubric, raw: _Raw, doc: DocumentSummary) -> ReportPanel:
    reviewer_ids = set(raw.assigned.get(doc.id, ())) | raw.by_doc.get(doc.id, set())
    reviews = tuple(sorted((_review_column(rubric, raw, doc.id, rid) for rid in reviewer_ids),
                           key=lambda r: (r.reviewer, r.reviewer_id)))
    complete = [r for r in reviews if r.complete]
    finals = raw.finals.get(doc.id, {})
    criteria = tuple(_criterion_panel(c, complete, finals.get(c.id)) for c in rubric.criteria)
    mean_total, median_total, spread_total = _stats([r.total for r in complete if r.total is not None])
    if mean_total is not None:
        mean_total = round(mean_total, 2)
    total_disagreement = (len(complete) >= 2 and rubric.disagreement_total is not None and spread_total is not None
                          and spread_total + 1e-9 >= rubric.disagreement_total)
    final_total = None
    if all(c.has_final for c in criteria):
        final_total = rubric.weighted_total({c.criterion.id: c.final for c in criteria},
                                            [c.criterion.id for c in criteria if c.final_not_applicable])
    adjudication = raw.adjudications.get(doc.id) or Adjudication()
    band = rubric.grade_for(final_total)
    grade = adjudication.grade or (band.label if band else None)
    ratios = [c.spread / c.criterion.disagreement for c in criteria
              if c.spread is not None and c.criterion.disagreement and len(c.scores) >= 2]
    if spread_total is not None and rubric.disagreement_total and len(complete) >= 2:
        ratios.append(spread_total / rubric.disagreement_total)
    decided = [(c.decided_at, c.decided_by) for c in criteria if c.adjudicated]
    if adjudication.decided_at:
        decided.append((adjudication.decided_at, adjudication.decided_by))
    last_at, last_by = max(decided) if decided else ("", "")
    return ReportPanel(doc, rubric.id, reviews, criteria, len(complete), mean_total, median_total, spread_total,
                       total_disagreement, final_total, grade, adjudication.grade is not None, adjudication.comment,
                       last_by, last_at, round(max(ratios), 4) if ratios else 0.0)


def _ranked(reports: list[ReportPanel]) -> list[ReportPanel]:
    """Competition ranks (1, 2, 2, 4) by final total; reports without one get no rank."""
    from dataclasses import replace

    order = sorted((i for i, r in enumerate(reports) if r.final_total is not None),
                   key=lambda i: -(reports[i].final_total or 0))
    ranks: dict[int, int] = {}
    for pos, i in enumerate(order):
        prev = order[pos - 1] if pos else None
        if prev is not None and reports[prev].final_total == reports[i].final_total:
            ranks[i] = ranks[prev]
        else:
            ranks[i] = pos + 1
    return [replace(r, rank=ranks.get(i)) for i, r in enumerate(reports)]


def _rubric(db: Database, rubric_id: str | None) -> Rubric:
    return get_rubric(db, rubric_id) if rubric_id else active_rubric_readonly(db)


def panel_summary(db: Database, rubric_id: str | None = None) -> PanelSummary:
    """Every current report's panel under the rubric (default: active), in corpus order, ranked by final total."""
    rubric = _rubric(db, rubric_id)
    raw = _fetch(db, rubric, None)
    return PanelSummary(rubric, _ranked([_report(rubric, raw, d) for d in list_documents(db)]))


def report_panel(db: Database, document_id: str, rubric_id: str | None = None) -> ReportPanel:
    """One report's panel (its rank is left None: ranks need the whole corpus, see :func:`panel_summary`)."""
    rubric = _rubric(db, rubric_id)
    doc = get_summary(db, document_id)
    if doc is None:
        raise KeyError(f"no report with id {document_id}")
    return _report(rubric, _fetch(db, rubric, document_id), doc)
