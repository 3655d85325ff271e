"""The content of one review sheet (评阅表), shared by the docx and pdf writers: the same fields in the same order.

Layout (as review sheets in Chinese offices are laid out): title; report details; a criteria table with score,
weighted score and notes; the weighted total; the overall comment; key annotated passages; and a sign-off block
to be signed and dated by hand (评阅人（签字）：＿＿＿＿  年  月  日), not a typed name and date.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.export.data import ExportData, SheetRow, key_annotations
from desktop.core.export.sheets.tables import cap, missing_label, on_time_label, report_label
from desktop.core.panel.summary import STALE_LABEL, UNDECIDED, ReportPanel
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import Criterion
from desktop.core.scoring.rules import rule_label, weighted_points

SHEET_TITLE = "法治政府建设年度报告评阅表"
CRITERIA_HEADERS = ("序号", "评阅项目", "满分", "权重", "得分", "折算分", "评分说明")
BLANK = "＿" * 8  # a line to sign on
SIGN_DATE = "年　　月　　日"


def sign_line(role: str) -> str:
    """A sign-off line: role（签字）, a blank to sign on and a date to fill in by hand."""
    return f"{role}（签字）：{BLANK}　　{SIGN_DATE}"


@dataclass(frozen=True)
class CriterionLine:
    number: int
    title: str
    max_points: str
    weight: str
    score: str
    weighted: str
    explanation: str


@dataclass(frozen=True)
class Passage:
    number: int
    where: str       # part and tags, e.g. 存在的不足和原因｜泛泛而谈
    quote: str
    comment: str
    evidence: str    # criteria it is evidence for


@dataclass(frozen=True)
class SheetContent:
    title: str
    report: str
    details: list[tuple[str, str]]
    criteria: list[CriterionLine]
    total: str
    weights_total: str
    overall_comment: str
    passages: list[Passage]
    more_passages: int
    reviewer: str
    date: str
    status: str
    completion: str = ""
    total_note: str = ""  # beside the total: why there is none (an unfinished review)

    @property
    def sign_off(self) -> str:
        return sign_line("评阅人")

    @property
    def record(self) -> str:
        """A small line under the sign-off: whose review this is and its state (the signature is by hand)."""
        who = f"评阅记录：{self.reviewer}" if self.reviewer else "评阅记录：尚无评阅人"
        return f"{who}；评阅状态：{self.status}；{self.completion}" if self.completion else f"{who}；评阅状态：{self.status}"


def _explanation(criterion: Criterion, row: SheetRow) -> str:
    entry = row.scores.get(criterion.id)
    if entry is None:
        return ""
    parts = []
    level = criterion.level_for(entry.value)
    if level is not None:
        parts.append(f"{level.label}：{level.descriptor}")
    if entry.note:
        parts.append(f"评阅意见：{entry.note}")
    if entry.suggested is not None:
        basis = entry.suggestion_basis.rstrip("。")
        if entry.value is not None and entry.suggestion_accepted:
            parts.append(f"采纳系统建议分（{basis}）")
        elif entry.value is not None and abs(entry.value - entry.suggested) < 1e-9:
            parts.append(f"评分与系统建议分一致（{basis}）")
        elif entry.value is not None:
            parts.append(f"系统建议{fmt(entry.suggested)}分，评阅人改为{fmt(entry.value)}分")
    return "\n".join(parts)


def sheet_content(data: ExportData, row: SheetRow, passage_limit: int = 12) -> SheetContent:
    """Everything one review sheet shows, as display text."""
    d = row.document
    r = data.rubric
    details = [
        ("报告名称", report_label(d)),
        ("报告机关", d.agency or "未识别"),
        ("报告年度", f"{d.year}年度" if d.year else "未识别"),
        ("文号", d.doc_number or "无"),
        ("成文日期", d.doc_date or "未识别"),
        ("发布日期", d.published_at or "未识别"),
        ("按时公开", on_time_label(d.on_time)),
        ("缺少的必备部分", missing_label(d.missing) or "无"),
        ("评阅标准", f"{r.name}（版本 {r.version}）"),
    ]
    lines = []
    for i, c in enumerate(r.criteria, 1):
        entry = row.scores.get(c.id)
        value = entry.value if entry else None
        lines.append(CriterionLine(i, c.title, fmt(c.max_points), fmt(c.weight), fmt(value),
                                   fmt(weighted_points(c, value)) if value is not None else "", _explanation(c, row)))
    titles = {c.id: c.title for c in r.criteria}
    chosen, more = key_annotations(row, passage_limit)
    passages = [Passage(i, "｜".join([a.position_label, *a.tags]), cap(" ".join(a.quote.split())), a.comment,
                        "、".join(titles.get(cid, cid) for cid in a.evidence_for))
                for i, a in enumerate(chosen, 1)]
    total, note = fmt(row.total), ""
    if not row.complete:  # a partial sum is not a total: say how far the review got
        total = "—"
        note = f"{row.completion_label}，不计总分、不参加排名" if row.scored else "尚未评分"
    return SheetContent(SHEET_TITLE, report_label(d), details, lines, total, fmt(r.weights_total),
                        row.review.overall_comment, passages, more, row.reviewer, row.sheet_date(data.date),
                        row.status_label, row.completion_label if row.reviewer_id else "", note)


# --- the panel summary sheet (评审汇总表), one per report ------------------------------------------------------

PANEL_TITLE = "法治政府建设年度报告评审汇总表"


@dataclass(frozen=True)
class PanelSheetContent:
    """One report's panel summary: the reviewers' scores side by side, the final scores, grade and sign-off."""

    title: str
    report: str
    details: list[tuple[str, str]]
    headers: list[str]
    rows: list[list[str]]          # one per criterion: title, max, each reviewer, mean, spread, final
    total_row: list[str]
    conclusion: list[tuple[str, str]]
    comment: str
    sign_lines: list[str]
    note: str


def _decided_mark(c) -> str:
    """＊ for a criterion the lead decided, with 需复核 when its inputs changed since."""
    return ("＊" + (STALE_LABEL if c.stale else "")) if c.adjudicated else ""


def panel_sheet_content(data: ExportData, report: ReportPanel) -> PanelSheetContent:
    """The panel summary sheet of a report: every number from the score model, written by its formatter."""
    d = report.document
    reviews = list(report.reviews)
    headers = ["评阅项目", "满分", *[r.reviewer or "—" for r in reviews], "平均分", "极差", "最终得分"]
    rows = []
    for c in report.criteria:
        cells = [c.criterion.title, fmt(c.criterion.max_points)]
        for r in reviews:
            if c.criterion.id in r.not_applicable:
                cells.append("不适用")
            else:
                v = r.values.get(c.criterion.id)
                cells.append("" if v is None else fmt(v))
        final = "不适用" if c.final_not_applicable else fmt(c.final)
        cells += [fmt(c.mean), fmt(c.spread), final + _decided_mark(c)]
        if c.disagreement:
            cells[0] += "（分歧）"
        rows.append(cells)
    total = [f"合计（满分{fmt(data.rubric.weights_total)}）", ""]
    total += [r.total_text for r in reviews]
    total += [fmt(report.mean_total), fmt(report.spread_total), report.final_text]
    final = report.final_text
    if report.outside_range:
        final += "（超出各评阅人总分范围）"
    scope = data.scope or "本表所列报告"
    conclusion = [("最终得分", final), ("等次", report.grade_text or "—"),
                  ("排名", f"{report.rank_text or '—'}（{scope}中）"),
                  ("评审状态", report.state_label + (f"：{report.pending_text}" if report.pending_text else "")),
                  ("完成评阅", f"{report.n_complete}/{len(reviews)} 份")]
    if report.checked_at and not report.checked_stale:
        conclusion.append(("复核", f"{report.checked_by or '（未记录）'}已复核"))
    decided = [f"{c.criterion.title}：{c.decided_by or '（未记录）'}裁定{'，' + STALE_LABEL if c.stale else ''}"
               for c in report.criteria if c.adjudicated]
    if decided:
        conclusion.append(("组长裁定", "；".join(decided)))
    details = [("报告名称", report_label(d)), ("报告机关", d.agency or "未识别"),
               ("报告年度", f"{d.year}年度" if d.year else "未识别"),
               ("评阅标准", f"{data.rubric.name}（版本 {data.rubric.version}）"),
               ("最终得分计算方式", rule_label(report.rule))]
    note = ("平均分、极差只计已提交且各项均已评定的评阅；未完成的评阅标为“未完成（已评 n/8）”。评阅未全部完成的报告"
            f"最终得分、等次和排名均为“{UNDECIDED}”。各项“最终得分”为各评阅人该项平均分，标＊者为组长裁定（裁定的分值"
            f"代替各评阅人该项得分），标“{STALE_LABEL}”者为裁定后评阅分值有变、待组长确认。数值均按四舍五入保留两位小数。")
    return PanelSheetContent(PANEL_TITLE, report_label(d), details, headers, rows, total, conclusion,
                             report.comment, [sign_line("组长"), sign_line("复核人")], note)


def sheet_sequence(data: ExportData):
    """What the docx/pdf hold, in order: each report's reviewer sheets, then its panel summary sheet.

    Yields ("reviewer", SheetRow) and ("panel", ReportPanel); the panel sheet only in exports of every reviewer,
    for a report with at least one reviewer.
    """
    panels = {r.document.id: r for r in data.panel.reports} if data.panel is not None else {}
    emitted: set[str] = set()
    for i, row in enumerate(data.rows):
        yield "reviewer", row
        doc = row.document.id
        last = i + 1 == len(data.rows) or data.rows[i + 1].document.id != doc
        if last and doc in panels and panels[doc].reviews:
            emitted.add(doc)
            yield "panel", panels[doc]
    if not data.rows:
        for report in panels.values():
            if report.reviews and report.document.id not in emitted:
                yield "panel", report
