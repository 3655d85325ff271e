"""What last year's plan promised and what this year's report says of it (pure: no database).

:func:`plan_items` splits the 下一年度安排 part into items the way the shortcomings aids do (its top outline items,
else its sentences) and goes one level further where an item lists its own 一是…二是… points. :func:`match_promises`
looks for each item in the later report: reported as **done** in the achievements part (the passage that says so),
back as a **shortcoming** (the shortcoming item), or **not mentioned**. Matching uses the text only: character
bigrams weighted by how rare they are in the two reports (words every part uses weigh little; stock phrases from
resources/phrases/formulaic.txt are left out), plus the key terms both name (《documents》, “named things”,
figures); a shortcoming in other words than the plan's is taken for the one plan item it names most, at a lower
similarity. It is a hint for the reviewer with its passages, never a score. Measured per class on labelled pairs
by bench/bench_promises.py: text overlap finds shortcomings worded near the plan's words, and misses those that
name the task by a neighbouring concept (数字化建设法规制度 → 数据领域法治化), as the real seeds' two do.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from desktop.core.agencies.parts import Report, first_part, part_items
from desktop.core.review.aids import Item, bigrams, body_start, cosine, find_formulaic, split_items
from desktop.core.segmentation.segment import Section

DONE, SHORTCOMING, NOT_MENTIONED = "done", "shortcoming", "not_mentioned"
STATUSES = (DONE, SHORTCOMING, NOT_MENTIONED)
STATUS_LABELS = {DONE: ("已报告完成", "reported as done"), SHORTCOMING: ("列为不足", "back as a shortcoming"),
                 NOT_MENTIONED: ("未提及", "not mentioned")}
# Similarity from which a passage of the achievements part is taken to report the item done, and a shortcoming to
# be the item back as a shortcoming. A shortcoming rarely repeats the plan's words (数据领域法治化建设有所不足 for
# 完善数字化建设法规制度体系), so a lower similarity is enough when the shortcoming item names this plan item more
# than any other plan item (a shortcoming names one task). Chosen per class on the tuning labels of
# bench/bench_promises.py (real seeds and written pairs); its held-back pairs, scored once at the end, are printed
# apart. tests/core/agencies/test_promises.py checks labelled pairs on both sides.
DONE_THRESHOLD = 0.25
SHORTCOMING_THRESHOLD = 0.30
SHORTCOMING_NAMED_THRESHOLD = 0.10  # when the shortcoming names this plan item more than any other
KEY_TERM_BONUS = 0.08  # per key term both texts name (at most three count)

_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_KEY_TERMS = re.compile(r"《[^《》\n]{2,40}》|“[^“”\n]{2,16}”|\"[^\"\n]{2,16}\"|(?<![\d.])\d{2,}(?:\.\d+)?(?![\d.]*年)")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Passage:
    """A span of the later report: [start, end) and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PromiseMatch:
    """One plan item and what the later report says of it; ``passage`` is None when not mentioned."""

    item: Item
    status: str
    passage: Passage | None
    similarity: float
    shared_terms: tuple[str, ...]


def plan_items(report: Report) -> list[Item]:
    """The items of a report's next-year plan, split down to their 一是… points where they list them."""
    section = first_part(report, "next_plan")
    if section is None:
        return []
    out: list[Item] = []
    for item in split_items(report.text, section, report.outline):
        heading = next((h for h in report.outline if h.start == item.start), None)
        inner: list[Item] = []
        if heading is not None:
            sub = Section("next_plan", item.heading, heading.level, "subsection", item.start, item.end)
            if any(item.start < h.start < item.end and h.level > heading.level for h in report.outline):
                inner = split_items(report.text, sub, report.outline)
        for piece in inner or [item]:
            out.append(Item(len(out), piece.start, piece.end, item.heading if inner else piece.heading, piece.text))
    return out


def _sentences(text: str, start: int, end: int) -> list[Passage]:
    out = []
    for m in _SENTENCE.finditer(text, start, end):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if len(_HAN.findall(text, a, b)) >= 6:
            out.append(Passage(a, b, text[a:b]))
    return out


def _masked(text: str) -> str:
    """The text with stock phrases blanked (they would make any two passages look alike)."""
    chars = list(text)
    for span in find_formulaic(text):
        chars[span.start:span.end] = " " * (span.end - span.start)
    return "".join(chars)


class _Weights:
    """Rarity of bigrams over the sentences of the two reports."""

    def __init__(self, *texts: str) -> None:
        sentences = [set(bigrams(m.group(0))) for t in texts for m in _SENTENCE.finditer(t)]
        sentences = [s for s in sentences if s]
        self.n = max(len(sentences), 1)
        self.df = Counter(g for s in sentences for g in s)

    def vector(self, text: str) -> dict[str, float]:
        counts = Counter(bigrams(_masked(text)))
        return {g: c * math.log((self.n + 1) / (self.df.get(g, 0) + 1)) for g, c in counts.items()}


def key_terms(text: str) -> set[str]:
    """The 《documents》, “named things” and figures a text names (quotes and brackets folded away)."""
    return {m.group(0).strip("《》“”\"") for m in _KEY_TERMS.finditer(text)}


def _score(item_vector: dict[str, float], item_terms: set[str], passage: Passage,
           weights: _Weights) -> tuple[float, tuple[str, ...]]:
    shared = tuple(sorted(item_terms & key_terms(passage.text)))
    return cosine(item_vector, weights.vector(passage.text)) + KEY_TERM_BONUS * min(len(shared), 3), shared


def _windows(sentences: list[Passage], text: str) -> list[Passage]:
    """Each sentence, and each two neighbouring sentences (a result often takes a lead sentence and a figure)."""
    out = list(sentences)
    for a, b in zip(sentences, sentences[1:], strict=False):
        out.append(Passage(a.start, b.end, text[a.start:b.end]))
    return out


def _shortcoming_passages(current: Report) -> list[tuple[int, Passage]]:
    """The shortcoming items and the sentences inside them (one sentence of a long item may be the promise), each
    with the index of the shortcoming item it belongs to."""
    out = []
    for k, item in enumerate(part_items(current, "shortcomings")):
        out.append((k, Passage(item.start, item.end, item.text)))
        sentences = _sentences(current.text, item.start, item.end)
        if len(sentences) > 1:
            out.extend((k, p) for p in _windows(sentences, current.text))
    return out


def match_promises(previous: Report, current: Report) -> list[PromiseMatch]:
    """Each item of ``previous``'s plan, matched to ``current``'s achievements and shortcomings."""
    items = plan_items(previous)
    if not items:
        return []
    text = current.text
    achievements = first_part(current, "achievements")
    done_passages: list[Passage] = []
    if achievements is not None:
        done_passages = _windows(_sentences(text, body_start(text, achievements, current.outline), achievements.end),
                                 text)
    shortcomings = _shortcoming_passages(current)
    weights = _Weights(previous.text, current.text)
    scored = []
    for item in items:
        vector, terms = weights.vector(item.text), key_terms(item.text)
        best_done = max(((p, *_score(vector, terms, p, weights)) for p in done_passages),
                        key=lambda x: x[1], default=None)
        best_short = max(((k, p, *_score(vector, terms, p, weights)) for k, p in shortcomings),
                         key=lambda x: x[2], default=None)
        scored.append((item, best_done, best_short))
    # the plan item each shortcoming item names most (a shortcoming names one task, in its own words)
    named: dict[int, tuple[float, int]] = {}
    for item, _done, short in scored:
        if short is not None and short[2] > named.get(short[0], (-1.0, -1))[0]:
            named[short[0]] = (short[2], item.index)
    out = []
    for item, best_done, best_short in scored:
        done_ok = best_done is not None and best_done[1] >= DONE_THRESHOLD
        short_ok = best_short is not None and (
            best_short[2] >= SHORTCOMING_THRESHOLD
            or (best_short[2] >= SHORTCOMING_NAMED_THRESHOLD and named[best_short[0]][1] == item.index))
        if short_ok and best_short is not None and (not done_ok or best_done is None or best_short[2] > best_done[1]):
            out.append(PromiseMatch(item, SHORTCOMING, best_short[1], round(best_short[2], 3), best_short[3]))
        elif done_ok and best_done is not None:
            out.append(PromiseMatch(item, DONE, best_done[0], round(best_done[1], 3), best_done[2]))
        else:
            best = max((b for b in (best_done and best_done[1], best_short and best_short[2]) if b is not None),
                       default=None)
            out.append(PromiseMatch(item, NOT_MENTIONED, None, round(best, 3) if best else 0.0, ()))
    return out


def best_candidates(previous: Report, current: Report) -> list[tuple[Item, float, float]]:
    """For each plan item, its best achievements and best shortcomings similarity (for measuring thresholds)."""
    matches_done = []
    items = plan_items(previous)
    text = current.text
    achievements = first_part(current, "achievements")
    done_passages = (_windows(_sentences(text, body_start(text, achievements, current.outline), achievements.end), text)
                     if achievements is not None else [])
    shortcomings = _shortcoming_passages(current)
    weights = _Weights(previous.text, current.text)
    for item in items:
        vector, terms = weights.vector(item.text), key_terms(item.text)
        d = max((_score(vector, terms, p, weights)[0] for p in done_passages), default=0.0)
        s = max((_score(vector, terms, p, weights)[0] for _k, p in shortcomings), default=0.0)
        matches_done.append((item, round(d, 3), round(s, 3)))
    return matches_done
