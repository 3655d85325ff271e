"""Aids for reading the shortcomings part: hints shown to the reviewer, never scores.

Pure functions over a document's frozen text, sections and outline (a DocumentRecord or anything with
``text``, ``sections`` and ``outline``). :func:`shortcomings_aids` splits the shortcomings part into items
and says, per item, what makes it specific (figures, named documents, names) or formulaic (stock phrases
from resources/phrases/formulaic.txt), whether causes are analysed, which items of next year's plan answer
it, and whether it repeats a shortcoming of the same agency's earlier report.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from desktop.core.errors import ReviewDeskError
from desktop.core.resources import resource_path
from desktop.core.segmentation.outline import Heading
from desktop.core.segmentation.segment import Section

PHRASES_FILE = resource_path("phrases", "formulaic.txt")
# Cosine of TF-IDF weighted character bigrams above which a plan item is taken to answer a shortcoming.
# Measured on the seeds (000, 001, 002): the seven shortcoming/plan pairs that answer each other score
# 0.146–0.349, the 22 other pairs 0.000–0.075; tests/core/test_aids.py checks both sides on the seeds and on
# synthetic reports.
PLAN_LINK_THRESHOLD = 0.12
# Jaccard overlap of character bigram sets above which a shortcoming repeats an earlier year's. Measured:
# copies with a few words or the year changed 0.57–0.78; different shortcomings of one report that share
# stock phrases (seed 002) 0.12–0.19; the same topic in other words 0.03.
REPEAT_THRESHOLD = 0.45

SPECIFIC, PARTLY, VAGUE = "specific", "partly", "vague"


class ReportLike(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def sections(self) -> list[Section]: ...

    @property
    def outline(self) -> list[Heading]: ...


@dataclass(frozen=True)
class Span:
    """A marked piece of the text: [start, end) and what it is (the phrase, figure or cue found)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Item:
    """One shortcoming or plan item: its span in the text and its heading (empty for a plain sentence)."""

    index: int
    start: int
    end: int
    heading: str
    text: str


@dataclass(frozen=True)
class Specificity:
    """What in an item is concrete (figures, 《named documents》, “named things”, named units) or formulaic."""

    figures: tuple[Span, ...]
    documents: tuple[Span, ...]
    names: tuple[Span, ...]
    formulaic: tuple[Span, ...]

    @property
    def evidence(self) -> int:
        return len(self.figures) + len(self.documents) + len(self.names)

    @property
    def level(self) -> str:
        """specific: two or more concrete details outweighing stock phrases; vague: none; partly otherwise."""
        if self.evidence == 0:
            return VAGUE
        if self.evidence >= 2 and len(self.formulaic) <= self.evidence:
            return SPECIFIC
        return PARTLY


@dataclass(frozen=True)
class Link:
    """A link from a shortcoming to another item (a plan item, or an earlier report's shortcoming)."""

    index: int
    similarity: float
    shared: tuple[str, ...]


@dataclass(frozen=True)
class ShortcomingAid:
    """The hints for one shortcoming item."""

    item: Item
    specificity: Specificity
    causes: tuple[Span, ...]
    plan_links: tuple[Link, ...]
    repeats: tuple[Link, ...]

    @property
    def answered(self) -> bool:
        return bool(self.plan_links)


@dataclass
class ShortcomingsAids:
    """Everything :func:`shortcomings_aids` found; ``section`` is None when the report has no shortcomings part."""

    section: Section | None
    formulaic: list[Span] = field(default_factory=list)
    items: list[ShortcomingAid] = field(default_factory=list)
    plan_section: Section | None = None
    plan_items: list[Item] = field(default_factory=list)
    heading_mentions_causes: bool = False
    previous_items: list[Item] | None = None   # None: no earlier report; []: it has no shortcomings part

    @property
    def causes_analysed(self) -> bool:
        return any(a.causes for a in self.items)

    @property
    def unanswered(self) -> list[ShortcomingAid]:
        return [a for a in self.items if not a.answered] if self.plan_section else []


# --- phrases and cues ------------------------------------------------------------------------------------------


def read_phrases(path: Path = PHRASES_FILE) -> list[re.Pattern[str]]:
    """The formulaic-phrase patterns of a phrase file; raises ReviewDeskError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ReviewDeskError(f"{path}: cannot read the phrase list ({exc}); restore it from the installation") from exc
    patterns = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            patterns.append(re.compile(line))
        except re.error as exc:
            raise ReviewDeskError(f"{path}, line {number}: {line!r} is not a valid pattern ({exc})") from exc
    return patterns


@lru_cache(maxsize=4)
def _default_phrases(path: Path = PHRASES_FILE) -> tuple[re.Pattern[str], ...]:
    return tuple(read_phrases(path))


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Leftmost-longest spans, none overlapping another."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and span.start < out[-1].end:
            if span.end > out[-1].end and span.start == out[-1].start:
                out[-1] = span
            continue
        out.append(span)
    return out


def find_formulaic(text: str, start: int = 0, end: int | None = None,
                   patterns: tuple[re.Pattern[str], ...] | list[re.Pattern[str]] | None = None) -> list[Span]:
    """Stock phrases in text[start:end], as non-overlapping spans in document offsets."""
    end = len(text) if end is None else end
    found = []
    for pattern in patterns if patterns is not None else _default_phrases():
        for m in pattern.finditer(text, start, end):
            if m.end() > m.start():
                found.append(Span(m.start(), m.end(), m.group(0)))
    return _non_overlapping(found)


_FIGURE = re.compile(
    r"(?<![\d.])(?!(?:19|20)\d{2}\s*年)\d+(?:[.,]\d+)*\s*(?:%|％|个|项|次|件|人次|人|家|名|条|份|万|亿|元|天|日|"
    r"小时|场|期|批|类|户|余|多|倍|篇|部|所|套|台|起|宗)"
    r"|百分之[零一二三四五六七八九十百点]+"
    r"|(?<![一十])[两二三四五六七八九十百千]+(?:个|项|次|件|名|家|条|份|批|场|期|类|户|篇|部)")
_DOCUMENT = re.compile(r"《[^《》\n]{2,60}》")
_NAMED = re.compile(r"[“\"][^“”\"\n]{2,20}[”\"]")
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,6}(?:省|市|县|区|州)[\u4e00-\u9fff]{2,14}?(?:局|委员会|办公室|厅|中心|法院|检察院|"
                   r"人民政府|街道|乡|镇)")
_CAUSE = re.compile(
    r"究其原因|原因(?:是|在于|主要|有|之一)|主要是因为|是因为|由于|根源(?:在于)?|根本(?:原因)?在于|归因于|归结于|"
    r"源于|缘于|导致|致使|造成(?:这|此|上述|了)|受[^。；，,]{1,12}(?:影响|制约|限制|所限)|因为")


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text, start, end))


def assess_specificity(text: str, start: int, end: int,
                       patterns: tuple[re.Pattern[str], ...] | None = None) -> Specificity:
    """What makes text[start:end] concrete or formulaic."""
    return Specificity(_spans(_FIGURE, text, start, end), _spans(_DOCUMENT, text, start, end),
                       tuple(_non_overlapping(list(_spans(_NAMED, text, start, end) + _spans(_UNIT, text, start, end)))),
                       tuple(find_formulaic(text, start, end, patterns)))


def find_causes(text: str, start: int, end: int) -> tuple[Span, ...]:
    """Words that introduce a cause (原因, 由于, 主要是因为, 究其原因, 根源 …) in text[start:end]."""
    return _spans(_CAUSE, text, start, end)


# --- items ---------------------------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_INTRO = re.compile(r"(虽然|虽|尽管|取得了?.{0,8}(成效|成绩|进展)).{0,40}(但|还|仍)|(不足|问题|短板|差距|方面)[:：。]?$|如下[:：。]?$")


def body_start(text: str, section: Section, outline: list[Heading]) -> int:
    """Where a section's body starts: after its heading."""
    for h in outline:
        if h.start == section.start and h.heading_end > h.start:
            return h.heading_end
    if section.heading and text.startswith(section.heading, section.start):
        return section.start + len(section.heading)
    return section.start


def split_items(text: str, section: Section, outline: list[Heading]) -> list[Item]:
    """The items of a part: its top outline children (（一）…, 一是…), else its sentences (lead-in left out)."""
    begin = body_start(text, section, outline)
    inside = [h for h in outline if begin <= h.start < section.end and h.level > section.level]
    items: list[Item] = []
    if inside:
        top = min(h.level for h in inside)
        nodes = [h for h in inside if h.level == top]
        for i, h in enumerate(nodes):
            end = min(h.end, section.end, nodes[i + 1].start if i + 1 < len(nodes) else section.end)
            end = _rstrip(text, h.start, end)
            items.append(Item(len(items), h.start, end, h.text, text[h.start:end]))
        return items
    for m in _SENTENCE.finditer(text, begin, section.end):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        b = _rstrip(text, a, b)
        sentence = text[a:b]
        if len(re.findall(r"[\u4e00-\u9fff]", sentence)) < 6:
            continue
        if not items and _INTRO.search(sentence.rstrip("。：:")) and not find_formulaic(sentence):
            continue
        items.append(Item(len(items), a, b, "", sentence))
    return items


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# --- similarity ----------------------------------------------------------------------------------------------------

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


def bigrams(text: str) -> list[str]:
    """Character bigrams of the text's runs of letters and digits (punctuation and white space break runs)."""
    out: list[str] = []
    for run in _KEEP.findall(text):
        out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return out


def _mask(text: str, start: int, end: int, spans: list[Span]) -> str:
    """text[start:end] with the given spans blanked (so stock phrases do not make items look alike)."""
    chars = list(text[start:end])
    for s in spans:
        for i in range(max(s.start, start), min(s.end, end)):
            chars[i - start] = " "
    return "".join(chars)


class _Weights:
    """Inverse document frequency of bigrams over the sentences of one report: words every part uses weigh little."""

    def __init__(self, text: str) -> None:
        sentences = [set(bigrams(m.group(0))) for m in _SENTENCE.finditer(text)]
        sentences = [s for s in sentences if s]
        self.n = max(len(sentences), 1)
        self.df = Counter(g for s in sentences for g in s)

    def vector(self, text: str) -> dict[str, float]:
        counts = Counter(bigrams(text))
        return {g: c * math.log((self.n + 1) / (self.df.get(g, 0) + 1)) for g, c in counts.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(w * b[g] for g, w in a.items() if g in b)
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def jaccard(a: str, b: str) -> float:
    """Overlap of the character bigram sets of two texts."""
    sa, sb = set(bigrams(a)), set(bigrams(b))
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def _shared(text: str, a: dict[str, float], b: dict[str, float], limit: int = 5) -> tuple[str, ...]:
    """The words two items share, most telling first: runs of ``text`` made of bigrams both vectors weigh."""
    common = {g: a[g] * b[g] for g in a if g in b and a[g] * b[g] > 0}
    runs: dict[str, float] = {}
    for run in _KEEP.findall(text):
        i = 0
        while i < len(run) - 1:
            if run[i:i + 2] not in common:
                i += 1
                continue
            j = i
            while j < len(run) - 1 and run[j:j + 2] in common:
                j += 1
            word = run[i:j + 1]
            runs[word] = max(runs.get(word, 0.0), sum(common[word[k:k + 2]] for k in range(len(word) - 1)))
            i = j
    chosen: list[str] = []
    for word in sorted(runs, key=lambda w: -runs[w]):
        if not any(word in c for c in chosen):  # 宣传 adds nothing next to 宣传方式
            chosen.append(word)
    return tuple(chosen[:limit])


# --- the whole part ------------------------------------------------------------------------------------------------


def _first(sections: list[Section], kind: str) -> Section | None:
    found = [s for s in sections if s.kind == kind]
    found.sort(key=lambda s: (s.placement != "section", s.start))
    return found[0] if found else None


def shortcomings_items(report: ReportLike) -> list[Item]:
    """The items of a report's shortcomings part ([] when it has none)."""
    section = _first(report.sections, "shortcomings")
    return split_items(report.text, section, report.outline) if section else []


def shortcomings_aids(report: ReportLike, previous: ReportLike | None = None,
                      patterns: tuple[re.Pattern[str], ...] | None = None) -> ShortcomingsAids:
    """All hints for a report's shortcomings part; ``previous`` is the same agency's earlier report, if any."""
    text = report.text
    section = _first(report.sections, "shortcomings")
    if section is None:
        return ShortcomingsAids(None)
    begin = body_start(text, section, report.outline)
    aids = ShortcomingsAids(section, find_formulaic(text, begin, section.end, patterns))
    aids.heading_mentions_causes = "原因" in text[section.start:begin]
    items = split_items(text, section, report.outline)
    aids.plan_section = _first(report.sections, "next_plan")
    aids.plan_items = split_items(text, aids.plan_section, report.outline) if aids.plan_section else []
    weights = _Weights(text)
    plan_vectors = [weights.vector(_mask(text, p.start, p.end, find_formulaic(text, p.start, p.end, patterns)))
                    for p in aids.plan_items]
    if previous is not None:
        aids.previous_items = shortcomings_items(previous)
    for item in items:
        spec = assess_specificity(text, item.start, item.end, patterns)
        vector = weights.vector(_mask(text, item.start, item.end, list(spec.formulaic)))
        links = []
        for plan, pv in zip(aids.plan_items, plan_vectors, strict=True):
            sim = cosine(vector, pv)
            if sim >= PLAN_LINK_THRESHOLD:
                links.append(Link(plan.index, round(sim, 3), _shared(item.text, vector, pv)))
        links.sort(key=lambda link: -link.similarity)
        repeats = []
        for old in aids.previous_items or []:
            sim = jaccard(item.text, old.text)
            if sim >= REPEAT_THRESHOLD:
                repeats.append(Link(old.index, round(sim, 3), ()))
        aids.items.append(ShortcomingAid(item, spec, find_causes(text, item.start, item.end), tuple(links),
                                         tuple(repeats)))
    return aids
