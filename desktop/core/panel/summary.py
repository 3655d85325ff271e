"""The score model: every reviewer's scores of a report side by side, combined into one final score.

This is the one place the numbers people see are made (read-only, safe on a reader connection); the score form,
the corpus table, the panel view, the dashboard, agreement and every export read it, and write its numbers with
desktop.core.scoring.numbers.fmt. The rules themselves are in desktop.core.scoring.rules.

- :func:`panel_summary` (``db, rubric=None``) -> :class:`PanelSummary`: every current report under a rubric
  (default: the active one), in corpus order, ranked among themselves;
- :func:`report_panel` (``db, document_id, rubric=None``) -> :class:`ReportPanel`: one report (no rank);
- :func:`reviewer_totals` (``db, reviewer_id, rubric``): one reviewer's review of every report (the corpus table);
- :func:`ranked` (``reports``): the same reports ranked among themselves (a sheet of some reports only).

Per report:

- A review is **complete** when it is submitted and every criterion is settled (scored, or not applicable with a
  reason where allowed). Only complete reviews enter means, medians, spreads, disagreement flags and the final. An
  incomplete one is still listed (``未完成（已评 n/8）``), and so are assigned reviewers who have not started.
- Per criterion: ``mean`` (四舍五入 to 2 decimals), ``median``, ``spread`` of the complete reviews' scores;
  ``disagreement`` when two or more scores spread by the criterion's threshold or more. Its ``final`` is the lead's
  decision, else the mean (not rounded to the step: that leaned every split upwards); not applicable when every
  complete review said so.
- ``mean_total`` (平均分): the mean of the complete reviews' totals as shown, 四舍五入 to 2 decimals. The **final**
  follows the panel's rule (desktop.core.scoring.rules): by default the mean of the totals, each with the lead's
  decided criteria in place of the reviewer's own; ``outside_range`` when it falls outside the reviewers' totals.
- **State**: ``in_review`` 评审中 (a review is missing or unfinished: no final, grade or rank; ``missing`` says
  which), ``pending`` 待裁定 (a disagreement without a decision, or a decision that needs re-checking:
  ``open_items``), ``decided`` 已裁定, ``checked`` 已复核 (the 复核 rests on the current numbers).
- A decision whose inputs changed since it was made is **stale** (需复核, desktop.core.panel.basis).
- The **grade** (等次) is the lead's hand choice (``grade_by``; stale when the final changed since) else the
  rubric's band for the final. **Rank**: competition ranks (1, 2, 2, 4) by final among the reports ranked together.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction

from sqlite_utils import Database

from desktop.core.panel import basis as basis_
from desktop.core.panel.adjudication import (
    Adjudication,
    FinalScore,
    all_adjudications,
    all_final_scores,
    grade_basis,
)
from desktop.core.panel.assignments import assigned_reviewers
from desktop.core.scoring.numbers import exact, fmt, half_up, median
from desktop.core.scoring.reviews import ReviewColumn, ReviewData, incomplete_label, read_reviews, review_column
from desktop.core.scoring.rubric import Criterion, Rubric, active_rubric_readonly, get_rubric
from desktop.core.scoring.rules import (
    combine_totals,
    competition_ranks,
    criterion_mean,
    final_rule,
)
from desktop.core.scoring.scores import DONE, NOT_STARTED, STATUS_LABELS
from desktop.core.storage.documents import DocumentSummary, get_summary, list_documents

IN_REVIEW, PENDING, DECIDED, CHECKED = "in_review", "pending", "decided", "checked"
STATES = (IN_REVIEW, PENDING, DECIDED, CHECKED)
STATE_LABELS = {IN_REVIEW: ("评审中", "In review"), PENDING: ("待裁定", "Pending decision"),
                DECIDED: ("已裁定", "Decided"), CHECKED: ("已复核", "Checked")}
STALE_LABEL = "需复核"
UNDECIDED = "待定"  # what a report without a final shows in place of its final, grade and rank


@dataclass(frozen=True)
class CriterionPanel:
    """One criterion of one report across the complete reviews, and its final score.

    ``scores``: reviewer id -> score of each complete review that scored it; ``not_applicable_by``: reviewer ids of
    complete reviews that marked it not applicable. ``final`` / ``final_not_applicable``: the lead's decision when
    ``adjudicated``, else the default (``default_final``: the mean / ``default_not_applicable``). ``stale``: the
    decision rests on values that have changed since (需复核).
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
    stale: bool = False
    confirmed_by: str = ""
    confirmed_at: str | None = None
    basis: str | None = None

    @property
    def has_final(self) -> bool:
        return self.final is not None or self.final_not_applicable

    @property
    def open(self) -> bool:
        """A disagreement the lead has not decided (or whose decision needs re-checking)."""
        return (self.disagreement and not self.adjudicated) or self.stale


@dataclass(frozen=True)
class ReportPanel:
    """One report under one rubric: the reviews side by side, the statistics, the final and the panel state."""

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
    rule: str = "mean"
    state: str = IN_REVIEW
    missing: tuple[str, ...] = ()      # why the report is 评审中 (which reviews are missing or unfinished)
    open_items: tuple[str, ...] = ()   # why it is 待裁定 (disagreements without a decision, stale decisions)
    outside_range: bool = False        # the final is outside the range of the reviewers' totals
    computed_final: float | None = None  # the final by the rule while the panel is unfinished (not shown as final)
    grade_by: str = ""
    grade_at: str | None = None
    grade_stale: bool = False
    settled_by: str = ""
    settled_at: str | None = None
    settled_stale: bool = False
    checked_by: str = ""
    checked_at: str | None = None
    checked_stale: bool = False
    check_basis: str = ""              # what a 复核 now would rest on

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

    @property
    def has_final(self) -> bool:
        return self.final_total is not None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state][0]

    @property
    def stale(self) -> bool:
        """Any decision of the report needs re-checking (需复核)."""
        return (any(c.stale for c in self.criteria) or self.grade_stale or self.settled_stale
                or (self.checked_at is not None and self.checked_stale))

    @property
    def pending_text(self) -> str:
        """What keeps the report from a settled final, in words (empty when nothing does)."""
        if self.state == IN_REVIEW:
            return f"{UNDECIDED}：{'；'.join(self.missing)}"
        return "；".join(self.open_items)

    @property
    def final_text(self) -> str:
        return fmt(self.final_total) if self.final_total is not None else UNDECIDED

    @property
    def rank_text(self) -> str:
        return str(self.rank) if self.rank is not None else (UNDECIDED if self.final_total is None else "")

    @property
    def grade_text(self) -> str:
        """The grade as sheets print it: a hand-chosen one marked with who chose it (and 需复核 when stale)."""
        if self.final_total is None:
            return UNDECIDED
        if not self.grade:
            return ""
        if not self.grade_adjudicated:
            return self.grade
        mark = f"{self.grade}（{self.grade_by or '裁定人未记录'}裁定，非按分数段）"
        return f"{mark}{STALE_LABEL}" if self.grade_stale else mark

    def criterion(self, criterion_id: str) -> CriterionPanel:
        for c in self.criteria:
            if c.criterion.id == criterion_id:
                return c
        raise KeyError(criterion_id)


@dataclass(frozen=True)
class PanelSummary:
    """Reports under a rubric (corpus order), ranked among themselves; ``rule`` is the final-score rule."""

    rubric: Rubric
    reports: list[ReportPanel] = field(default_factory=list)
    rule: str = "mean"

    def report(self, document_id: str) -> ReportPanel:
        for r in self.reports:
            if r.document.id == document_id:
                return r
        raise KeyError(document_id)


# --- reading -------------------------------------------------------------------------------------------------

@dataclass
class _Raw:
    reviews: ReviewData
    assigned: dict[str, list[str]]
    finals: dict[str, dict[str, FinalScore]]
    adjudications: dict[str, Adjudication]


def _fetch(db: Database, rubric: Rubric, document_id: str | None) -> _Raw:
    assigned = assigned_reviewers(db)
    if document_id:
        assigned = {document_id: assigned.get(document_id, [])}
    return _Raw(read_reviews(db, rubric, document_id), assigned, all_final_scores(db, rubric.id),
                all_adjudications(db, rubric.id))


def _settled_map(reviews: tuple[ReviewColumn, ...]) -> basis_.Settled:
    out: basis_.Settled = {}
    for r in reviews:
        entry = {cid: basis_.value_text(v, False) for cid, v in r.values.items()}
        entry.update({cid: basis_.NA for cid in r.not_applicable})
        if entry:
            out[r.reviewer_id] = entry
    return out


def _stats(values: list[float]) -> tuple[float | None, float | None, float | None]:
    """Mean and median (四舍五入 to 2 decimals) and spread (max - min) of values as shown."""
    exacts = [exact(v) for v in values]
    if not exacts:
        return None, None, None
    mid = median(exacts)
    spread = max(exacts) - min(exacts)
    return criterion_mean(values), float(half_up(mid)) if mid is not None else None, float(half_up(spread))


def _criterion_panel(c: Criterion, complete: list[ReviewColumn], final: FinalScore | None,
                     settled: basis_.Settled) -> CriterionPanel:
    scores = {r.reviewer_id: r.values[c.id] for r in complete if c.id in r.values}
    na_by = tuple(r.reviewer_id for r in complete if c.id in r.not_applicable)
    mean, med, spread = _stats(list(scores.values()))
    disagreement = (len(scores) >= 2 and c.disagreement is not None and spread is not None
                    and exact(spread) >= exact(c.disagreement))
    default_na = mean is None and bool(na_by)
    if final is None:
        return CriterionPanel(c, scores, na_by, mean, med, spread, disagreement, mean, default_na, mean, default_na,
                              False)
    stale = basis_.is_stale(final.basis, basis_.criterion_basis(settled, c.id))
    return CriterionPanel(c, scores, na_by, mean, med, spread, disagreement, mean, default_na, final.value,
                          final.not_applicable, True, final.decided_by, final.decided_at, stale, final.confirmed_by,
                          final.confirmed_at, final.basis)


def _final(rubric: Rubric, rule: str, complete: list[ReviewColumn],
           criteria: tuple[CriterionPanel, ...]) -> Fraction | None:
    """The final by the rule over the complete reviews (None without any, or a criterion without a final)."""
    if not complete or not all(c.has_final for c in criteria):
        return None
    if rule == "criteria":
        return rubric.exact_total({c.criterion.id: c.final for c in criteria},
                                  [c.criterion.id for c in criteria if c.final_not_applicable])
    decided = [c for c in criteria if c.adjudicated]
    totals = []
    for r in complete:
        if not decided:
            totals.append(r.total or 0.0)
            continue
        values: dict[str, float | None] = dict(r.values)
        na = set(r.not_applicable)
        for c in decided:  # the lead's decision replaces each reviewer's own score of the criterion
            values[c.criterion.id] = c.final
            if c.final_not_applicable:
                na.add(c.criterion.id)
            else:
                na.discard(c.criterion.id)
        totals.append(rubric.weighted_total(values, na))
    return combine_totals(rule, totals)


def _missing(reviews: tuple[ReviewColumn, ...]) -> tuple[str, ...]:
    if not reviews:
        return ("尚未分配评阅人",)
    out = []
    for r in reviews:
        if r.complete:
            continue
        name = r.reviewer or "—"
        if r.status == NOT_STARTED and not r.settled:
            out.append(f"{name}未开始")
        elif r.status == DONE:
            out.append(f"{name}{incomplete_label(r.settled, r.criteria)}")
        else:
            out.append(f"{name}{STATUS_LABELS[r.status][0]}（已评 {r.settled}/{r.criteria}）")
    return tuple(out)


def _report(rubric: Rubric, rule: str, raw: _Raw, doc: DocumentSummary) -> ReportPanel:
    assigned = set(raw.assigned.get(doc.id, ()))
    reviewer_ids = assigned | raw.reviews.by_doc.get(doc.id, set())
    reviews = tuple(sorted((review_column(rubric, raw.reviews, doc.id, rid, rid in assigned) for rid in reviewer_ids),
                           key=lambda r: (r.reviewer, r.reviewer_id)))
    complete = [r for r in reviews if r.complete]
    settled = _settled_map(reviews)
    finals = raw.finals.get(doc.id, {})
    criteria = tuple(_criterion_panel(c, complete, finals.get(c.id), settled) for c in rubric.criteria)
    totals = [r.total for r in complete if r.total is not None]
    mean_exact = combine_totals("mean", totals) if totals else None
    mean_total = float(half_up(mean_exact)) if mean_exact is not None else None
    _, median_total, spread_total = _stats(totals)
    total_disagreement = (len(complete) >= 2 and rubric.disagreement_total is not None and spread_total is not None
                          and exact(spread_total) >= exact(rubric.disagreement_total))
    final_exact = _final(rubric, rule, complete, criteria)
    computed = float(half_up(final_exact)) if final_exact is not None else None
    missing = _missing(reviews)
    finished = bool(complete) and not missing
    final_total = computed if finished else None
    adjudication = raw.adjudications.get(doc.id) or Adjudication()
    band = rubric.grade_for(final_total)
    grade = adjudication.grade or (band.label if band else None)
    grade_stale = adjudication.grade is not None and adjudication.grade_basis != grade_basis(final_total)
    settled_stale = (adjudication.settled_at is not None
                     and basis_.is_stale(adjudication.settled_basis, basis_.report_basis(settled)))
    outside = (final_total is not None and bool(totals)
               and not exact(min(totals)) <= exact(final_total) <= exact(max(totals)))
    open_items: list[str] = []
    settled_ok = adjudication.settled_at is not None and not settled_stale
    for c in criteria:
        if c.stale:
            open_items.append(f"{c.criterion.title}的裁定{STALE_LABEL}")
        elif c.disagreement and not c.adjudicated and not settled_ok:
            open_items.append(f"{c.criterion.title}分歧待裁定")
    if total_disagreement and not settled_ok:
        open_items.append("总分分歧待裁定")
    if settled_stale:
        open_items.append(f"报告裁定{STALE_LABEL}")
    if grade_stale and finished:
        open_items.append(f"等次{STALE_LABEL}（裁定时最终得分{adjudication.grade_basis or '未记录'}）")
    ratios = [exact(c.spread) / exact(c.criterion.disagreement) for c in criteria
              if c.spread is not None and c.criterion.disagreement and len(c.scores) >= 2]
    if spread_total is not None and rubric.disagreement_total and len(complete) >= 2:
        ratios.append(exact(spread_total) / exact(rubric.disagreement_total))
    decided = [(c.decided_at, c.decided_by) for c in criteria if c.adjudicated]
    if adjudication.decided_at:
        decided.append((adjudication.decided_at, adjudication.decided_by))
    last_at, last_by = max(decided) if decided else ("", "")
    report = ReportPanel(doc, rubric.id, reviews, criteria, len(complete), mean_total, median_total, spread_total,
                         total_disagreement, final_total, grade if finished else None, adjudication.grade is not None,
                         adjudication.comment, last_by, last_at, float(half_up(max(ratios), 4)) if ratios else 0.0,
                         rule=rule, missing=missing if not finished else (), open_items=tuple(open_items),
                         outside_range=outside, computed_final=computed, grade_by=adjudication.grade_by,
                         grade_at=adjudication.grade_at, grade_stale=grade_stale, settled_by=adjudication.settled_by,
                         settled_at=adjudication.settled_at, settled_stale=settled_stale,
                         checked_by=adjudication.checked_by, checked_at=adjudication.checked_at)
    check = _check_basis(report, settled)
    checked_stale = adjudication.checked_at is not None and basis_.is_stale(adjudication.checked_basis, check)
    if not finished:
        state = IN_REVIEW
    elif open_items:
        state = PENDING
    elif adjudication.checked_at is not None and not checked_stale:
        state = CHECKED
    else:
        state = DECIDED
    if finished and checked_stale and not open_items:
        report = replace(report, open_items=(f"复核{STALE_LABEL}",))
    return replace(report, state=state, checked_stale=checked_stale, check_basis=check)


def _check_basis(report: ReportPanel, settled: basis_.Settled) -> str:
    finals = {c.criterion.id: (basis_.NA if c.final_not_applicable else fmt(c.final, 6)) for c in report.criteria}
    return basis_.encode({"values": settled, "finals": finals, "final": fmt(report.final_total),
                          "grade": report.grade or ""})


def ranked(reports: list[ReportPanel]) -> list[ReportPanel]:
    """The reports ranked among themselves: competition ranks by final; reports without a final get none."""
    ranks = competition_ranks([r.final_total for r in reports])
    return [replace(r, rank=rank) for r, rank in zip(reports, ranks, strict=True)]


def _rubric(db: Database, rubric: Rubric | str | None) -> Rubric:
    if isinstance(rubric, Rubric):
        return rubric
    return get_rubric(db, rubric) if rubric else active_rubric_readonly(db)


def panel_summary(db: Database, rubric: Rubric | str | None = None) -> PanelSummary:
    """Every current report's panel under the rubric (a Rubric, a stored rubric's id, or None: the active one),
    in corpus order, ranked among all of them."""
    r = _rubric(db, rubric)
    rule = final_rule(db, r)
    raw = _fetch(db, r, None)
    return PanelSummary(r, ranked([_report(r, rule, raw, d) for d in list_documents(db)]), rule)


def report_panel(db: Database, document_id: str, rubric: Rubric | str | None = None) -> ReportPanel:
    """One report's panel (its rank is left None: ranks need the reports ranked together, see :func:`ranked`)."""
    r = _rubric(db, rubric)
    doc = get_summary(db, document_id)
    if doc is None:
        raise KeyError(f"no report with id {document_id}")
    return _report(r, final_rule(db, r), _fetch(db, r, document_id), doc)

