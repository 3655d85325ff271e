"""Suggested scores for the objective criteria, computed from what the core detected in a report.

A suggestion is a value plus the reason for it (in Chinese for the sheet, in English for the interface); the
reviewer accepts it or overrides it. A suggestion is never stored as a score on its own. Suggesters (named by a
criterion's ``suggest`` key in the rubric):

- ``completeness``: the four required parts; a part of its own counts fully, one folded into another part (a
  subsection, an 一是… item or a sentence) counts half, a missing part nothing.
- ``timeliness``: made public by 1 April of the following year (no suggestion when no publication date was found).
- ``formalities``: title, issuing body and document date present.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from desktop.core.scoring.rubric import Criterion, Rubric
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS
from desktop.core.storage.documents import DocumentRecord

_PLACEMENT_CREDIT = {"section": 1.0, "subsection": 0.5, "inline": 0.5}
_PLACEMENT_LABELS = {"section": ("单独成章", "a part of its own"), "subsection": ("仅为小节", "only a subsection"),
                     "inline": ("仅为条目或一句话", "only an item or a sentence")}


@dataclass(frozen=True)
class Suggestion:
    """A suggested score for one criterion (``value`` None: the core cannot tell) and why."""

    criterion_id: str
    value: float | None
    basis: str
    basis_en: str


def _floor_to_step(value: float, criterion: Criterion) -> float:
    steps = math.floor(value / criterion.step + 1e-9)
    return round(min(max(steps * criterion.step, 0.0), criterion.max_points), 6)


def best_placements(record: DocumentRecord) -> dict[str, str | None]:
    """For each required kind, its best placement in the report (section > subsection > inline), or None."""
    rank = {"section": 3, "subsection": 2, "inline": 1}
    best: dict[str, str | None] = dict.fromkeys(REQUIRED_KINDS)
    for s in record.sections:
        if s.kind in best and rank.get(s.placement, 0) > rank.get(best[s.kind] or "", 0):
            best[s.kind] = s.placement
    return best


def suggest_completeness(criterion: Criterion, record: DocumentRecord) -> Suggestion:
    placements = best_placements(record)
    credit = sum(_PLACEMENT_CREDIT.get(p or "", 0.0) for p in placements.values())
    value = _floor_to_step(credit / len(REQUIRED_KINDS) * criterion.max_points, criterion)
    found_zh, found_en, missing_zh, missing_en = [], [], [], []
    for kind, placement in placements.items():
        zh, en = KIND_LABELS[kind]
        if placement is None:
            missing_zh.append(zh)
            missing_en.append(en)
        else:
            pzh, pen = _PLACEMENT_LABELS.get(placement, (placement, placement))
            found_zh.append(f"{zh}（{pzh}）")
            found_en.append(f"{en} ({pen})")
    basis = "检出：" + ("、".join(found_zh) or "无")
    basis_en = "Found: " + ("; ".join(found_en) or "none")
    if missing_zh:
        basis += "；缺少：" + "、".join(missing_zh)
        basis_en += ". Missing: " + "; ".join(missing_en)
    return Suggestion(criterion.id, value, basis + "。", basis_en + ".")


def suggest_timeliness(criterion: Criterion, record: DocumentRecord) -> Suggestion:
    s = record.summary
    if s.published_at is None or s.year is None:
        what = "发布日期" if s.published_at is None else "报告年度"
        what_en = "publication date" if s.published_at is None else "report year"
        return Suggestion(criterion.id, None, f"未识别{what}，无法判断是否按时公开，请人工核实。",
                          f"No {what_en} was found, so timeliness cannot be judged; please check by hand.")
    deadline = dt.date(s.year + 1, 4, 1)
    on_time = s.on_time if s.on_time is not None else dt.date.fromisoformat(s.published_at) <= deadline
    if on_time:
        return Suggestion(criterion.id, criterion.max_points,
                          f"发布于{s.published_at}，未晚于公开截止日期{deadline.isoformat()}。",
                          f"Published {s.published_at}, by the deadline {deadline.isoformat()}.")
    return Suggestion(criterion.id, 0.0, f"发布于{s.published_at}，晚于公开截止日期{deadline.isoformat()}。",
                      f"Published {s.published_at}, after the deadline {deadline.isoformat()}.")


def suggest_formalities(criterion: Criterion, record: DocumentRecord) -> Suggestion:
    s = record.summary
    items = [("标题", "title", s.title), ("落款机关", "issuing body", s.agency), ("成文日期", "document date", s.doc_date)]
    present = [(zh, en) for zh, en, v in items if v]
    absent = [(zh, en) for zh, en, v in items if not v]
    value = _floor_to_step(len(present) / len(items) * criterion.max_points, criterion)
    basis = "具备：" + ("、".join(zh for zh, _ in present) or "无")
    basis_en = "Present: " + (", ".join(en for _, en in present) or "none")
    if absent:
        basis += "；未识别：" + "、".join(zh for zh, _ in absent)
        basis_en += ". Not found: " + ", ".join(en for _, en in absent)
    return Suggestion(criterion.id, value, basis + "。", basis_en + ".")


SUGGESTERS = {"completeness": suggest_completeness, "timeliness": suggest_timeliness,
              "formalities": suggest_formalities}


def suggest_scores(rubric: Rubric, record: DocumentRecord) -> dict[str, Suggestion]:
    """Suggestions for the rubric's criteria that name a suggester, keyed by criterion id."""
    return {c.id: SUGGESTERS[c.suggest](c, record) for c in rubric.criteria if c.suggest}
