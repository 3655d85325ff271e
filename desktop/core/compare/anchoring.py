"""Anchor a span of a text, and find it again when the text changes (pure: text in, placements out).

An anchor is a [start, end) span plus the exact quote and about 32 characters before (prefix) and after
(suffix) it. :func:`locate` finds an anchor in a (possibly changed) text, trying in turn:

1. ``offsets`` — the quote is still at its offsets with the same context;
2. ``exact`` — the quote occurs elsewhere; of several occurrences the one whose context agrees best wins,
   and between equally good ones the nearest to the old position (when even the best copy's context
   mostly disagrees, an edited passage found by step 3 with a higher score is preferred);
3. ``fuzzy`` — the quote was edited: candidate places come from character bigrams of prefix, quote and
   suffix voting for a start position; at each, the best approximate occurrence of the quote is found by a
   bit-parallel edit distance (Myers 1999), and the candidate is scored on quote, prefix and suffix
   similarity and position.

What none of these places is an orphan: the caller keeps it, flagged, for the reviewer to place or delete.
The database side (re-importing a changed file, re-attaching annotations and corrections) is
``desktop/core/ingest/reimport.py``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32
UNCHANGED, OFFSETS, EXACT, FUZZY, ORPHAN = "unchanged", "offsets", "exact", "fuzzy", "orphan"
# A fuzzy match must keep this much of the quote (difflib ratio of old and new quote) ...
MIN_QUOTE_SIMILARITY = 0.6
# ... and reach this combined score (weights below); short quotes also need their context to agree.
MIN_FUZZY_SCORE = 0.6
SHORT_QUOTE = 8
GOOD_ENOUGH = 0.9
# An exact copy of the quote is taken without looking further when this share of its context agrees.
EXACT_CONTEXT = 0.5
_WEIGHTS = {"quote": 0.6, "prefix": 0.15, "suffix": 0.15, "position": 0.1}
# Bigrams more frequent than this in the text (法治, 建设…) carry no information about where a quote is.
_MAX_GRAM_HITS = 60
_CANDIDATES = 6


@dataclass(frozen=True)
class Anchor:
    """Where an annotation is: [start, end), the quote, and the context either side."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Placement:
    """Where :func:`locate` put an anchor: method is unchanged/offsets/exact/fuzzy, or orphan (no span)."""

    method: str
    start: int | None = None
    end: int | None = None
    score: float = 0.0

    @property
    def placed(self) -> bool:
        return self.method != ORPHAN


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space at either end (a selection often catches a line break)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """The anchor of [start, end) in ``text``; raises ValueError for an empty or out-of-range span."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"span [{start}, {end}) is not a non-empty range inside a text of {len(text)} characters")
    return Anchor(start, end, text[start:end], text[max(0, start - context):start], text[end:end + context])


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_agreement(anchor: Anchor, text: str, start: int, end: int) -> int:
    """How many context characters next to [start, end) equal the anchor's (exactly, outward from the span)."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    return _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)


def _exact(anchor: Anchor, text: str) -> tuple[Placement, float] | None:
    """The best exact occurrence of the quote, and how well its context agrees (0–1).

    Occurrences are ranked by context similarity (a few characters inserted next to the passage barely
    lower it), then by distance from the old position.
    """
    spans = []
    pos = text.find(anchor.quote)
    while pos >= 0:
        spans.append((pos, pos + len(anchor.quote)))
        pos = text.find(anchor.quote, pos + 1)
    if not spans:
        return None
    ranked = []
    for start, end in spans:
        p_sim, s_sim = _context_similarity(anchor, text, start, end)
        ranked.append((-round((p_sim + s_sim) / 2, 2), abs(start - anchor.start), start, end))
    key, _dist, start, end = min(ranked)
    return Placement(EXACT, start, end, _score(anchor, text, start, end, 1.0)), -key


def _best_end(pattern: str, window: str) -> list[int]:
    """Edit distance of ``pattern`` to the best substring of ``window`` ending at each position (Myers)."""
    m = len(pattern)
    peq: dict[str, int] = defaultdict(int)
    for i, ch in enumerate(pattern):
        peq[ch] |= 1 << i
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    out = []
    for ch in window:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        out.append(score)
    return out


def _align(quote: str, text: str, lo: int, hi: int, expected_end: int) -> tuple[int, int, int]:
    """The span of text[lo:hi] closest to ``quote`` in edit distance: (start, end, distance)."""
    window = text[lo:hi]
    ends = _best_end(quote, window)
    dist = min(ends)
    end = min((i for i, d in enumerate(ends) if d == dist), key=lambda i: abs(lo + i + 1 - expected_end)) + lo + 1
    # The start: the same search with both reversed, over the window up to the chosen end.
    back = _best_end(quote[::-1], text[lo:end][::-1])
    bdist = min(back)
    length = min((i for i, d in enumerate(back) if d == bdist), key=lambda i: abs(i + 1 - len(quote))) + 1
    return end - length, end, dist


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_similarity(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float]:
    return (_similarity(anchor.prefix, text[max(0, start - len(anchor.prefix)):start]),
            _similarity(anchor.suffix, text[end:end + len(anchor.suffix)]))


def _score(anchor: Anchor, text: str, start: int, end: int, q_sim: float) -> float:
    """The combined score of a candidate span: quote, prefix and suffix similarity, and closeness."""
    p_sim, s_sim = _context_similarity(anchor, text, start, end)
    pos = 1.0 - min(1.0, abs(start - anchor.start) / max(len(text), 1))
    return round(_WEIGHTS["quote"] * q_sim + _WEIGHTS["prefix"] * p_sim + _WEIGHTS["suffix"] * s_sim
                 + _WEIGHTS["position"] * pos, 3)


class TextIndex:
    """Positions of every character bigram of a text, built once and shared by all anchors in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._grams: dict[str, list[int]] | None = None

    @property
    def grams(self) -> dict[str, list[int]]:
        if self._grams is None:  # built on first use: most anchors are found without it
            grams: dict[str, list[int]] = defaultdict(list)
            for i in range(len(self.text) - 1):
                grams[self.text[i:i + 2]].append(i)
            self._grams = grams
        return self._grams

    def candidates(self, anchor: Anchor, limit: int = _CANDIDATES) -> list[int]:
        """Likely new start positions of the quote, best first, from bigram votes of prefix+quote+suffix."""
        probe = anchor.prefix + anchor.quote + anchor.suffix
        offset = len(anchor.prefix)
        votes: dict[int, float] = defaultdict(float)
        for i in range(len(probe) - 1):
            hits = self.grams.get(probe[i:i + 2])
            if not hits or len(hits) > _MAX_GRAM_HITS:
                continue
            weight = 2.0 if offset <= i < offset + len(anchor.quote) else 1.0
            for p in hits:
                votes[(p - i + offset) // 4] += weight / len(hits) ** 0.5
        best = sorted(votes.items(), key=lambda kv: -kv[1])[:limit]
        return [bucket * 4 for bucket, _ in best]


def _snap_to_context(anchor: Anchor, text: str, start: int, end: int) -> tuple[int, int]:
    """Move the span's ends to where the old prefix ends and the old suffix starts, when those are still there.

    Edit distance alone prefers to cut a quote short rather than include text inserted at its end; the
    context says where the passage really ends.
    """
    reach = max(8, (end - start) // 3)
    probe = anchor.suffix[:16]
    if len(probe) >= 4:
        lo, hi = max(start + 1, end - reach), min(len(text), end + reach + len(probe))
        if hi - lo >= len(probe):
            s, _e, d = _align(probe, text, lo, hi, end + len(probe))
            if d <= len(probe) // 4 and s > start:
                end = s
    probe = anchor.prefix[-16:]
    if len(probe) >= 4:
        lo, hi = max(0, start - reach - len(probe)), min(end - 1, start + reach)
        if hi - lo >= len(probe):
            _s, e, d = _align(probe, text, lo, hi, start)
            if d <= len(probe) // 4 and e < end:
                start = e
    return start, end


def _fuzzy(anchor: Anchor, index: TextIndex) -> Placement | None:
    text, quote = index.text, anchor.quote
    slack = max(16, len(quote) // 2)
    best: Placement | None = None
    seen: set[tuple[int, int]] = set()
    tried: list[int] = []
    for cand in index.candidates(anchor):
        # Neighbouring vote buckets give the same window: align once per region.
        if any(abs(cand - t) <= slack // 2 for t in tried):
            continue
        tried.append(cand)
        lo, hi = max(0, cand - slack), min(len(text), cand + len(quote) + slack)
        if hi <= lo:
            continue
        start, end, _dist = _align(quote, text, lo, hi, cand + len(quote))
        start, end = _snap_to_context(anchor, text, start, end)
        if (start, end) in seen or end <= start:
            continue
        seen.add((start, end))
        q_sim = _similarity(quote, text[start:end])
        if q_sim < MIN_QUOTE_SIMILARITY:
            continue
        score = _score(anchor, text, start, end, q_sim)
        if score < MIN_FUZZY_SCORE:
            continue
        if len(quote) < SHORT_QUOTE and sum(_context_similarity(anchor, text, start, end)) / 2 < 0.6:
            continue
        if best is None or score > best.score:
            best = Placement(FUZZY, start, end, score)
            if score >= GOOD_ENOUGH:  # candidates come best-voted first; a near-perfect fit ends the search
                break
    return best


def locate(anchor: Anchor, text: str, index: TextIndex | None = None) -> Placement:
    """Where ``anchor`` is in ``text`` now (see the module docstring for the order of attempts)."""
    if not anchor.quote:
        return Placement(ORPHAN)
    if text[anchor.start:anchor.end] == anchor.quote:
        full = len(anchor.prefix) + len(anchor.suffix)
        if _context_agreement(anchor, text, anchor.start, anchor.end) == full:
            return Placement(UNCHANGED, anchor.start, anchor.end, 1.0)
    index = index if index is not None and index.text is text else TextIndex(text)
    found = _exact(anchor, text)
    if found is not None:
        exact, agreement = found
        if (exact.start, exact.end) == (anchor.start, anchor.end):
            return Placement(OFFSETS, exact.start, exact.end, exact.score)
        if agreement >= EXACT_CONTEXT:
            return exact
        # The quote's own place was edited and a copy elsewhere has other context: an edited passage
        # that still fits its context may be the better answer.
        fuzzy = _fuzzy(anchor, index)
        return fuzzy if fuzzy is not None and fuzzy.score > exact.score else exact
    return _fuzzy(anchor, index) or Placement(ORPHAN)


def locate_all(anchors: list[Anchor], text: str) -> list[Placement]:
    """:func:`locate` for many anchors in one text, sharing one (lazily built) bigram index."""
    index = TextIndex(text)
    return [locate(anchor, text, index) for anchor in anchors]
