"""Evidence across years for two criteria of the default rubric, as hints with their passages (never a score):

- ``next_plan`` (下一年度安排具体并回应不足): what became of last year's plan — how many of its items this report
  reports done (with the passages), names as shortcomings, or does not mention (desktop.core.agencies.tracker);
- ``originality`` (不照搬往年): this report's shortcomings that repeat an earlier year's nearly verbatim
  (desktop.core.agencies.timeline), and its sentences found word for word in other agencies' reports
  (desktop.core.agencies.shared; only as far as the shared-text index covers the corpus, which the hint says).

Read-only. The reviewer weighs them; nothing here is stored as a score or a suggestion value.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.agencies.promises import DONE, NOT_MENTIONED, SHORTCOMING
from desktop.core.agencies.shared import SharedTextError, shared_with_others
from desktop.core.agencies.timeline import REPEATED, timeline_for
from desktop.core.agencies.tracker import PromiseError, track_promises

NEXT_PLAN, ORIGINALITY = "next_plan", "originality"


@dataclass(frozen=True)
class HintPassage:
    """A passage of the report the hint rests on, and why it is listed."""

    start: int
    end: int
    text: str
    why: str


@dataclass(frozen=True)
class CriterionHint:
    criterion_id: str
    text: str          # Chinese, for the sheet and the reviewer
    text_en: str
    passages: tuple[HintPassage, ...]


def _plan_hint(db: Database, document_id: str) -> CriterionHint | None:
    try:
        tracked = track_promises(db, document_id)
    except PromiseError:
        return None
    if tracked.previous is None:
        return CriterionHint(NEXT_PLAN, "语料中没有该机关往年的报告，无法核对上年安排的落实情况。",
                             "No earlier report of this agency in the corpus: last year's plan cannot be checked.", ())
    year = tracked.previous.year
    if not tracked.promises:
        return CriterionHint(NEXT_PLAN, f"{year}年报告未列出下一年度安排，无从核对。",
                             f"The {year} report lists no plan items to check.", ())
    done, short, silent = tracked.count(DONE), tracked.count(SHORTCOMING), tracked.count(NOT_MENTIONED)
    passages = tuple(HintPassage(p.match.passage.start, p.match.passage.end, p.match.passage.text,
                                 f"{'完成' if p.match.status == DONE else '列为不足'}：{p.match.item.text[:40]}")
                     for p in tracked.promises if p.match.passage is not None)
    return CriterionHint(
        NEXT_PLAN,
        f"{year}年报告的下一年度安排共{len(tracked.promises)}项：本报告报告完成{done}项、列为不足{short}项、未提及{silent}项"
        "（按文字比对，供参考，请核实）。",
        f"The {year} plan has {len(tracked.promises)} items: {done} reported done here, {short} back as shortcomings, "
        f"{silent} not mentioned (matched by text; a hint, check it).", passages)


def _originality_hint(db: Database, document_id: str) -> CriterionHint | None:
    timeline = timeline_for(db, document_id)
    if timeline is None:
        return None
    entry = next(e for e in timeline.entries if e.report.id == document_id)
    repeated = [h for h in entry.shortcomings if h.verdict == REPEATED]
    passages = [HintPassage(h.item.start, h.item.end, h.item.text, f"与{h.earlier_year}年不足基本相同")
                for h in repeated]
    try:
        shared = shared_with_others(db, document_id)
    except SharedTextError:
        shared = None
    others = len(shared.passages) if shared is not None else 0
    mine = shared.group_key if shared is not None else ""
    for start, end, p in shared.passages if shared is not None else ():
        others_here = [o for o in p.occurrences if o.group_key != mine]  # earliest first
        names = "、".join(f"{o.agency or '未知机关'} {o.year or ''}".strip() for o in others_here[:5])
        more = f"等{len(others_here)}个机关" if len(others_here) > 5 else ""
        earliest = "（其中最早的早于本报告）" if p.occurrences and p.occurrences[0].group_key != mine else ""
        passages.append(HintPassage(start, end, p.text, f"另见于其他机关的报告：{names}{more}{earliest}"))
    text = (f"不足部分{len(entry.shortcomings)}项中{len(repeated)}项与往年（{entry.earlier_reports}份）基本相同；"
            if entry.earlier_reports else "语料中没有该机关往年的报告，未比对往年不足；")
    text_en = (f"{len(repeated)} of {len(entry.shortcomings)} shortcomings repeat an earlier year's nearly verbatim "
               f"({entry.earlier_reports} earlier report(s)); " if entry.earlier_reports else
               "No earlier report of this agency to compare the shortcomings with; ")
    text += f"{others}句与其他机关报告逐字相同。"
    text_en += f"{others} sentence(s) are found word for word in other agencies' reports."
    if shared is not None and shared.unindexed:
        text += f"（{shared.unindexed}份报告尚未建立比对索引，未计入）"
        text_en += f" ({shared.unindexed} report(s) not yet indexed were not compared.)"
    return CriterionHint(ORIGINALITY, text, text_en, tuple(passages))


def criterion_hints(db: Database, document_id: str) -> dict[str, CriterionHint]:
    """The hints for a report, keyed by criterion id (absent when the report is unknown)."""
    out = {}
    for hint in (_plan_hint(db, document_id), _originality_hint(db, document_id)):
        if hint is not None:
            out[hint.criterion_id] = hint
    return out
