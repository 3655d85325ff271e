"""Classify report parts into the kinds the 2019 regulation requires.

Kinds: ``achievements`` (主要举措和成效), ``shortcomings`` (存在的不足和原因), ``leader_duty`` (党政主要负责人履行
第一责任人职责), ``next_plan`` (下一年度主要安排), ``other`` (其他需要报告的情况), and ``preamble`` for the text
before the first part.

Headings are scored against weighted cue patterns for each kind; the body adds weaker evidence; a part whose
heading names no kind (a topical heading such as 坚持党的领导…) takes its kind from its body and position.
The cues are families of wording seen across many reports, not the headings of particular files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

REQUIRED_KINDS = ("achievements", "shortcomings", "leader_duty", "next_plan")
ALL_KINDS = ("preamble", *REQUIRED_KINDS, "other")

KIND_LABELS = {
    "preamble": ("前言", "Preamble"),
    "achievements": ("主要举措和成效", "Measures and results"),
    "shortcomings": ("存在的不足和原因", "Shortcomings and causes"),
    "leader_duty": ("第一责任人履职情况", "Leaders' duty"),
    "next_plan": ("下一年度主要安排", "Next year's plan"),
    "other": ("其他情况", "Other"),
}

# (pattern, weight, anchor). Anchor cues name a part outright and count in any heading; the others are
# ordinary words (问题, 计划, 情况…) that also occur in topical headings such as 着力解决群众急难愁盼问题, so
# they count only in short headings.
_HEADING_CUES: dict[str, list[tuple[str, float, bool]]] = {
    "leader_duty": [
        (r"第一责任人", 6, True), (r"第一责任(?!人)", 5, True), (r"一把手", 5, True), (r"(党政)?主要负责(人|同志)", 5, True),
        (r"主要领导", 4, False), (r"关键少数", 3, False),
        (r"党政主要", 4, True), (r"履行.{0,12}职责", 3, True), (r"述法", 3, False), (r"履职", 2, False),
        (r"责任落实", 1, False),
    ],
    "shortcomings": [
        (r"存在的?(主要)?(问题|不足|短板|差距|困难|薄弱)", 7, True),
        (r"(问题|不足|短板|差距|困难)(和|及|与|、)(原因|不足|问题|短板|差距|困难|弱项)", 6, True),
        (r"不足", 4, False), (r"短板", 4, False), (r"差距", 3, False), (r"薄弱", 3, False), (r"弱项", 3, False),
        (r"原因", 2, False), (r"问题", 2, False), (r"困难", 2, False), (r"欠缺", 3, False), (r"挑战", 1, False),
    ],
    "next_plan": [
        (r"下一?步|下一?阶段", 5, True), (r"下一?年度", 5, True), (r"明年", 5, True), (r"来年", 4, True), (r"打算", 5, True),
        (r"(工作|主要|重点)安排", 5, True), (r"安排", 4, False), (r"(工作)?计划", 3, False),
        (r"(工作)?思路", 3, False), (r"展望", 4, True), (r"努力方向", 5, True), (r"今后", 4, True),
        (r"谋划", 2, False), (r"工作重点|重点工作|重点任务", 2, False),
        (r"整改(措施|举措|方向|计划|打算)", 5, True),
    ],
    "achievements": [
        (r"举措", 4, True), (r"成效", 4, True), (r"成绩", 3, False), (r"做法", 3, True), (r"进展", 2, False),
        (r"主要工作", 3, True), (r"基本情况", 4, True), (r"工作情况", 3, True), (r"总体情况", 4, True),
        (r"(开展|落实|完成|建设|推进)情况", 2, False), (r"情况", 1, False), (r"亮点", 2, False),
        (r"经验", 2, False), (r"回顾", 3, False), (r"取得", 2, False),
    ],
    "other": [(r"其[他它](需要|应当)?(报告|说明)?的?(情况|事项)", 6, True), (r"需要报告", 4, True),
              (r"^其[他它]$", 5, True)],
}
_SHORT_HEADING = 16
_BODY_CUES: dict[str, list[tuple[str, float]]] = {
    "shortcomings": [(r"有待", 1), (r"不够", 1), (r"不足", 1), (r"尚未|尚不|仍需|仍有|还需|还存在", 1),
                     (r"欠缺|滞后|薄弱|短板", 1), (r"存在.{0,8}(问题|不足)", 2)],
    # (^|[，,。；])(我们|我局|我委|我厅|我办)?(将|要)(进一步|…|全面) counted as where its 将/要 stands (a look-behind
    # for the line start or stop, with or without the subject): the same count, ~5x faster (it starts with 将|要)
    "next_plan": [(r"[将要](?:(?<=(?<![^，,。；\n])[将要])|(?<=(?<![^，,。；\n])(?:我们|我局|我委|我厅|我办)[将要]))"
                   r"(?:进一步|继续|持续|加强|加快|深化|推动|推进|坚持|着力|全面)", 1),
                  (r"下一步|明年|来年", 2)],
    "leader_duty": [(r"第一责任人", 3), (r"主要负责(人|同志)", 2), (r"亲自(部署|研究|督办|过问|协调)", 2)],
    # \d+(\.\d+)?(万|…|人), tried only where a run of digits starts (a match never starts inside one): same count
    "achievements": [(r"\d(?<!\d\d)\d*(?:\.\d+)?(?:万|亿|%|件|次|项|个|家|人)", 0.5), (r"(完成|实现|累计|建成|出台|制定)", 0.5)],
}
_COMPILED_HEAD = {k: [(re.compile(p), w, a) for p, w, a in v] for k, v in _HEADING_CUES.items()}
_COMPILED_BODY = {k: [(re.compile(p, re.MULTILINE), w) for p, w in v] for k, v in _BODY_CUES.items()}
_SENTENCE_SPLIT = re.compile(r"[^。！？；\n]+")
_NUMBERING = re.compile(r"^\s*(第?[一二三四五六七八九十]+(部分|[、．.])|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])\s*")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
_YEAR_NUMBER = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class KindScore:
    """The best kind for a heading, its score, and the runner-up's score (for confidence)."""

    kind: str | None
    score: float
    runner_up: float


def strip_numbering(heading: str) -> str:
    """Heading text without its numbering marker, years and trailing punctuation."""
    text = _NUMBERING.sub("", heading.strip())
    return text.rstrip("。：:；;，, ")


def heading_scores(heading: str) -> dict[str, float]:
    """Weighted cue score of a heading for each kind (a fresh dict the caller may change)."""
    return dict(_heading_scores(heading))


@lru_cache(maxsize=4096)
def _heading_scores(heading: str) -> tuple[tuple[str, float], ...]:
    # cached: pages repeat the same short lines thousands of times
    text = _YEAR.sub("", strip_numbering(heading))
    short = len(text) <= _SHORT_HEADING
    scores: dict[str, float] = {}
    for kind, cues in _COMPILED_HEAD.items():
        total = 0.0
        for pattern, weight, anchor in cues:
            if (anchor or short) and pattern.search(text):
                total += weight
        if total:
            scores[kind] = total
    return tuple(scores.items())


def classify_heading(heading: str) -> KindScore:
    """Best kind for a heading alone (None when no cue matches)."""
    scores = heading_scores(heading)
    if not scores:
        return KindScore(None, 0.0, 0.0)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    return KindScore(ranked[0][0], ranked[0][1], runner)


def body_scores(body: str) -> dict[str, float]:
    """Cue density of a part's body per kind: weighted cue matches per sentence."""
    sentences = max(1, len(_SENTENCE_SPLIT.findall(body)))
    if not body.strip():
        return {}
    scores: dict[str, float] = {}
    for kind, cues in _COMPILED_BODY.items():
        total = 0.0
        for pattern, weight in cues:
            total += weight * len(pattern.findall(body))
        scores[kind] = total / sentences
    return scores


def classify_part(heading: str, body: str, report_year: int | None = None) -> tuple[str | None, float]:
    """Kind of a top-level part from its heading, with its body as tie-breaker; (None, 0) if undecided.

    ``report_year`` (the year the report covers, when known) lets a heading such as 2024年重点工作 in a
    report on 2023 count as next year's plan.
    """
    head = heading_scores(heading)
    if report_year is not None:
        years = [int(y) for y in _YEAR_NUMBER.findall(heading)]
        if years and max(years) == report_year + 1:
            head["next_plan"] = head.get("next_plan", 0.0) + 6.0
    body_s = body_scores(body[:3000])
    combined = {k: 2.0 * v for k, v in head.items()}
    for kind, value in body_s.items():
        combined[kind] = combined.get(kind, 0.0) + value
    if not head:
        # Topical heading: trust the body only when it clearly reads like one kind.
        best = max(body_s.items(), key=lambda kv: kv[1], default=(None, 0.0))
        if best[0] in ("shortcomings", "next_plan", "leader_duty") and best[1] >= 1.0:
            return best[0], best[1]
        return None, 0.0
    ranked = sorted(combined.items(), key=lambda kv: -kv[1])
    kind, score = ranked[0]
    # A heading naming two parts (存在的问题及下一步打算) belongs to the one it names first.
    strong = [k for k, v in head.items() if v >= 5]
    if len(strong) >= 2:
        kind = min(strong, key=lambda k: cue_position(heading, k))
        score = combined[kind]
    return kind, score


def cue_position(heading: str, kind: str) -> int:
    """Where in the heading the first cue of ``kind`` appears (large when none does)."""
    text = strip_numbering(heading)
    positions = [m.start() for pattern, _w, _a in _COMPILED_HEAD.get(kind, []) for m in [pattern.search(text)] if m]
    return min(positions, default=10_000)


def named_kinds(heading: str, threshold: float = 5.0) -> list[str]:
    """Kinds a heading names outright (score at least ``threshold``), in the order it names them."""
    scores = heading_scores(heading)
    return sorted((k for k, v in scores.items() if v >= threshold), key=lambda k: cue_position(heading, k))
