"""Sentences of two versions of a text paired as diff tools pair lines (Beyond Compare, Meld): each sentence with its
most similar counterpart, in order, so that a changed sentence is compared with its own earlier version and not with
whatever text happens to share its characters.

A sentence runs up to 。！？；;!? (with the closing quotes or brackets after it) or a line end; a sentence longer than
:data:`LONGEST` characters is cut at a comma so that one run-on paragraph cannot make the comparison slow. Two
sentences are compared on their *key*: the text with width folded (desktop.core.text.fold_width: "，" is ",",
"２" is "2") and white space dropped, so a copy that differs only in punctuation width or spacing is the same sentence.
Identical sentences are paired first (difflib over the keys, as Meld anchors equal lines). Between them, similarity is
the Dice coefficient of the keys' character bigrams (letters and digits only); pairs of at least
:data:`MIN_SIMILARITY` are candidates (found through the rarest bigrams of each sentence, a prefix filter, so long
texts are not compared all against all; see :data:`WINDOW` for repetitive texts), and the order-preserving chain of
candidates with the greatest total weight (similarity squared: one close pair outweighs two loose ones) is the
pairing. A sentence left unpaired on both sides
with the same key was moved. Pure: no Qt, no database.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.core.text import fold_width

LONGEST = 300  # characters; a longer sentence is cut at its last comma before this (or here)
# Sentences at least this similar (bigram Dice) can be paired. Measured on the seeds: the same sentence with a year,
# a figure or a few words changed 0.6-0.95; over every pair of the five seed reports, 96% of sentences have no
# counterpart above 0.45 and only headings built from the same stock words reach 0.5-0.58 (marked whole: better
# than a comb of changes across two unrelated headings).
MIN_SIMILARITY = 0.5

# A sentence is compared with at most this many sentences on either side of its own place through any one bigram,
# and keeps at most this many candidates (the most similar): only repetitive texts (a table of identical rows) reach
# these bounds, and there comparing all against all would take minutes (bench/bench_wording.py).
WINDOW = 10

# HOLE stands for text left out of a comparison (another part's, page clutter): never inside a sentence. Stored texts
# never hold it (desktop.core.text.normalize_text drops control characters).
HOLE = "\x00"
_SENTENCE = re.compile(r"[^。！？；;!?\n\x00]+(?:[。！？；;!?]+[”’」』）)》\]]*)?|[。！？；;!?]+")
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")
_COMMA = re.compile(r"[，,、：:]")


@dataclass(frozen=True)
class Sentence:
    """[start, end) of one sentence in its text (white space trimmed) and its comparison key."""

    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Pairing:
    """How the sentences of two texts correspond: ``pairs`` (left index, right index, similarity) in order on both
    sides; ``moves`` (left index, right index) of identical sentences found at another place. Every other sentence is
    removed (left) or added (right)."""

    pairs: tuple[tuple[int, int, float], ...]
    moves: tuple[tuple[int, int], ...]


def sentence_key(text: str) -> str:
    """What two copies of one sentence have in common: the text with width folded and white space dropped."""
    return _SPACE.sub("", fold_width(text))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most LONGEST characters, at a comma where there is one."""
    out = []
    while end - start > LONGEST:
        cut = max((m.end() for m in _COMMA.finditer(text, start + LONGEST // 3, start + LONGEST)), default=0)
        cut = cut or start + LONGEST
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text in order; together with the white space between them they cover the whole text."""
    out = []
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        for s, e in _pieces(text, a, b) if a < b else []:
            while s < e and text[s].isspace():
                s += 1
            if s < e:
                out.append(Sentence(s, e, sentence_key(text[s:e])))
    return out


def _grams(key: str) -> frozenset[str]:
    words = _NOT_WORD.sub("", key) or key  # a sentence of punctuation only is compared as it is
    if len(words) < 2:
        return frozenset([words])
    return frozenset(words[i:i + 2] for i in range(len(words) - 1))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of two sentences' key bigrams (0 nothing shared … 1 the same bigrams)."""
    ga, gb = _grams(sentence_key(a)), _grams(sentence_key(b))
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga or gb else 1.0


def _candidates(left: list[frozenset[str]], right: list[frozenset[str]],
                threshold: float) -> list[tuple[int, int, float]]:
    """Every (i, j, Dice) with Dice >= threshold, found without comparing all pairs: with Jaccard threshold t, two
    sets that reach it share an element among the |x| - ceil(t|x|) + 1 rarest of each (prefix filtering)."""
    frequency = Counter(g for grams in (*left, *right) for g in grams)
    rank = {g: n for n, (g, _c) in enumerate(sorted(frequency.items(), key=lambda item: (item[1], item[0])))}
    jaccard = threshold / (2 - threshold)

    def prefix(grams: frozenset[str]) -> list[str]:
        ordered = sorted(grams, key=rank.__getitem__)
        return ordered[:len(ordered) - math.ceil(jaccard * len(ordered) - 1e-9) + 1]

    index: dict[str, list[int]] = defaultdict(list)
    for i, grams in enumerate(left):
        for g in prefix(grams):
            index[g].append(i)
    out = []
    for j, grams in enumerate(right):
        pool: set[int] = set()
        for g in prefix(grams):
            postings = index.get(g)
            if not postings:
                continue
            if len(postings) > 2 * WINDOW:  # a bigram most sentences have: the nearest ones only
                centre = bisect_left(postings, j * len(left) // max(len(right), 1))
                postings = postings[max(0, centre - WINDOW):centre + WINDOW]
            pool.update(postings)
        size = len(grams)
        found = [(i, j, dice) for i in pool
                 if (dice := 2 * len(grams & left[i]) / (size + len(left[i]))) >= threshold]
        if len(found) > WINDOW:  # repetitive text: the closest, then the nearest to this sentence's own place
            place = j * len(left) / max(len(right), 1)
            found = sorted(found, key=lambda c: (-c[2], abs(c[0] - place)))[:WINDOW]
        out += found
    return out


def _heaviest_chain(candidates: list[tuple[int, int, float]], right_count: int) -> list[tuple[int, int, float]]:
    """The candidates increasing in both indices whose weights (similarity squared) sum highest (a Fenwick tree of
    running maxima over the right index: O(k log n))."""
    tree: list[tuple[float, int]] = [(0.0, -1)] * (right_count + 1)  # (best total, candidate) per Fenwick node

    def query(j: int) -> tuple[float, int]:  # best chain over right indices < j
        result, k = (0.0, -1), j
        while k > 0:
            result = max(result, tree[k])
            k -= k & -k
        return result

    def update(j: int, value: tuple[float, int]) -> None:
        k = j + 1
        while k <= right_count:
            if value > tree[k]:
                tree[k] = value
            k += k & -k

    order = sorted(range(len(candidates)), key=lambda n: (candidates[n][0], candidates[n][1]))
    best: list[tuple[float, int]] = [(0.0, -1)] * len(candidates)  # per candidate: chain total, previous candidate
    at = 0
    while at < len(order):  # all candidates of one left sentence are scored before any of them is stored
        group_end = at
        while group_end < len(order) and candidates[order[group_end]][0] == candidates[order[at]][0]:
            group_end += 1
        for n in order[at:group_end]:
            total, previous = query(candidates[n][1])
            best[n] = (total + candidates[n][2] ** 2, previous)
        for n in order[at:group_end]:
            update(candidates[n][1], (best[n][0], n))
        at = group_end
    if not candidates:
        return []
    n = max(range(len(candidates)), key=lambda k: best[k][0])
    chain = []
    while n >= 0:
        chain.append(candidates[n])
        n = best[n][1]
    return chain[::-1]


def pair_sentences(left: list[Sentence], right: list[Sentence], *,
                   threshold: float = MIN_SIMILARITY) -> Pairing:
    """Pair the sentences of two texts in order, each with its most similar counterpart (see the module docstring)."""
    # Identical sentences first, as Meld anchors equal lines (autojunk: a key repeated in over 1% of 200 or more
    # sentences anchors nothing, which keeps this fast on repetitive texts); the rest is paired block by block.
    matcher = SequenceMatcher(None, [s.key for s in left], [s.key for s in right])
    chain: list[tuple[int, int, float]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            chain += [(i1 + k, j1 + k, 1.0) for k in range(i2 - i1)]
        elif tag == "replace":
            candidates = _candidates([_grams(s.key) for s in left[i1:i2]], [_grams(s.key) for s in right[j1:j2]],
                                     threshold)
            chain += [(i1 + i, j1 + j, d) for i, j, d in _heaviest_chain(candidates, j2 - j1)]
    paired_left = {i for i, _j, _s in chain}
    paired_right = {j for _i, j, _s in chain}
    waiting: dict[str, list[int]] = defaultdict(list)  # unpaired right sentences by key, in order
    for j, s in enumerate(right):
        if j not in paired_right:
            waiting[s.key].append(j)
    moves = []
    for i, s in enumerate(left):
        if i not in paired_left and waiting.get(s.key):
            moves.append((i, waiting[s.key].pop(0)))
    return Pairing(tuple(chain), tuple(moves))
