"""Changed wording between two versions of a text (a part of this year's report and of last year's), as Beyond
Compare and Meld show it: which words were removed from the left, which were added on the right.

Sentences first (:func:`sentence_changes`): each sentence is paired with its most similar counterpart, in order
(desktop.core.compare.sentences); inside a pair only the changed words are marked, a sentence without a counterpart is
marked whole (removed on the left, added on the right), and an identical sentence found at another place is marked
as moved. Differences of width or spacing only ("，" for ",", a stray space) are not changes. :func:`document_changes`
does this for two whole reports, part by part.

Inside a pair of sentences (:func:`wording_changes`): Chinese has no spaces between words, so the unit is a character for Han script and a whole run for Latin words and
numbers ("2024", "APP"): a changed year counts as one change, not four. difflib's matcher (junk heuristics off, so
frequent characters such as 的 still anchor) gives the opcodes; equal runs of one unit between two changes are folded
into the change around them, so that a rewritten phrase reads as one change instead of a comb of single characters.
Pure: no Qt, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.core.compare.sentences import (
    HOLE,
    MIN_SIMILARITY,
    Pairing,
    Sentence,
    pair_sentences,
    sentence_key,
    similarity,
    split_sentences,
)
from desktop.core.text import fold_width

_TOKEN = re.compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+|\s+|.", re.S)
# Runs of unpaired sentences longer than this (characters) are not compared word by word as one passage: a
# character diff of two long runs is slow and its marks unreadable; they are marked whole.
MERGED_RUN_LIMIT = 1_000
MAX_UNITS = 60_000  # beyond this many units per side, the part is compared as changed lines instead (time bound)


@dataclass(frozen=True)
class Change:
    """One difference: [left_start, left_end) removed and/or [right_start, right_end) added (offsets in the texts
    given). ``kind`` is "delete" (only removed), "insert" (only added), "replace", or "move" (the same sentence at
    another place). The empty side of a delete or insert is where the text would be on that side. ``sentences``:
    whole sentences without a counterpart, or moved (else words inside a pair of sentences)."""

    kind: str
    left_start: int
    left_end: int
    right_start: int
    right_end: int
    sentences: bool = False


def tokens(text: str) -> list[tuple[int, int]]:
    """[start, end) of each comparison unit: a Latin word or number, a run of white space, or one character."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _units(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    spans = tokens(text)
    if len(spans) > MAX_UNITS:  # very long: whole lines as units keeps the matcher fast
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\n|[^\n]+", text)]
    return [text[a:b] for a, b in spans], spans


def wording_changes(left: str, right: str, *, merge_gap: int = 1) -> list[Change]:
    """The changes that turn ``left`` into ``right``, in text order. Equal runs of at most ``merge_gap`` units
    between two changes are folded into one change (0 keeps every change apart)."""
    left_units, left_spans = _units(left)
    right_units, right_spans = _units(right)
    matcher = SequenceMatcher(None, left_units, right_units, autojunk=False)
    ops = matcher.get_opcodes()
    merged: list[list] = []  # [tag, i1, i2, j1, j2] over units
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            merged.append(["equal", i1, i2, j1, j2])
            continue
        if (len(merged) >= 2 and merged[-1][0] == "equal" and merged[-2][0] != "equal"
                and merged[-1][2] - merged[-1][1] <= merge_gap and not left_units[merged[-1][1]].isspace()):
            merged.pop()  # a one-unit island between two changes: part of one change
            merged[-1][2], merged[-1][4] = i2, j2
            merged[-1][0] = "replace"
        elif merged and merged[-1][0] != "equal":
            merged[-1][2], merged[-1][4] = i2, j2
            merged[-1][0] = "replace"
        else:
            merged.append([tag, i1, i2, j1, j2])

    def left_offsets(i1: int, i2: int) -> tuple[int, int]:
        if i1 < i2:
            return left_spans[i1][0], left_spans[i2 - 1][1]
        at = left_spans[i1][0] if i1 < len(left_spans) else len(left)
        return at, at

    def right_offsets(j1: int, j2: int) -> tuple[int, int]:
        if j1 < j2:
            return right_spans[j1][0], right_spans[j2 - 1][1]
        at = right_spans[j1][0] if j1 < len(right_spans) else len(right)
        return at, at

    out = []
    for tag, i1, i2, j1, j2 in merged:
        if tag == "equal":
            continue
        kind = "replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert")
        out.append(Change(kind, *left_offsets(i1, i2), *right_offsets(j1, j2)))
    return out


def changed_share(changes: list[Change], left_length: int, right_length: int) -> float:
    """How much of the two texts the changes cover (0 identical … 1 nothing in common)."""
    total = left_length + right_length
    if total == 0:
        return 0.0
    changed = sum((c.left_end - c.left_start) + (c.right_end - c.right_start) for c in changes)
    return min(1.0, changed / total)


def _runs(indices: list[int], sentences: list[Sentence], text: str) -> list[tuple[int, int]]:
    """Consecutive sentences as [first, last] runs (text left out of the comparison between two ends a run)."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i - 1 and HOLE not in text[sentences[i - 1].end:sentences[i].start]:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def sentence_changes(left: str, right: str, *, threshold: float = MIN_SIMILARITY) -> list[Change]:
    """The changes that turn ``left`` into ``right``, sentences paired first (see the module docstring); ordered by
    their place on the right, then on the left. Offsets are into the texts given."""
    lsent, rsent = split_sentences(left), split_sentences(right)
    pairing = pair_sentences(lsent, rsent, threshold=threshold)
    moved_left = {i for i, _j in pairing.moves}
    moved_right = {j for _i, j in pairing.moves}
    out = [Change("move", lsent[i].start, lsent[i].end, rsent[j].start, rsent[j].end, True) for i, j in pairing.moves]

    def at(sentences: list[Sentence], previous: int, following: int, length: int) -> int:
        """Where a run missing on this side belongs: after the previous paired sentence, else before the next."""
        if previous >= 0:
            return sentences[previous].end
        return sentences[following].start if following < len(sentences) else length

    passages = _widened(left, right, lsent, rsent, pairing, moved_left, moved_right)
    anchors = [(-1, -1, -1, -1), *passages, (len(lsent), len(lsent), len(rsent), len(rsent))]
    for (_pi0, pi, _pj0, pj), (ni, ni1, nj, nj1) in zip(anchors, anchors[1:], strict=False):
        left_runs = _runs([i for i in range(pi + 1, ni) if i not in moved_left], lsent, left)
        right_runs = _runs([j for j in range(pj + 1, nj) if j not in moved_right], rsent, right)
        left_at, right_at = at(lsent, pi, ni, len(left)), at(rsent, pj, nj, len(right))
        if len(left_runs) == 1 and len(right_runs) == 1:
            (a, b), (c, d) = left_runs[0], right_runs[0]
            joined = _joined(lsent, a, b), _joined(rsent, c, d)
            if _one_passage(left, right, *joined, several=b > a or d > c, threshold=threshold):
                out += _inside(left, right, *joined)
            else:
                out.append(Change("replace", lsent[a].start, lsent[b].end, rsent[c].start, rsent[d].end, True))
        else:
            out += [Change("delete", lsent[a].start, lsent[b].end, right_at, right_at, True) for a, b in left_runs]
            out += [Change("insert", left_at, left_at, rsent[c].start, rsent[d].end, True) for c, d in right_runs]
        if ni < len(lsent):
            out += _inside(left, right, _joined(lsent, ni, ni1), _joined(rsent, nj, nj1))
    return sorted(out, key=lambda c: (c.right_start, c.left_start, c.right_end, c.left_end))


def _widened(left: str, right: str, lsent: list[Sentence], rsent: list[Sentence], pairing: Pairing,
             moved_left: set[int], moved_right: set[int]) -> list[tuple[int, int, int, int]]:
    """The paired sentences as passages (first, last left index, first, last right index): a pair takes in an
    unpaired sentence beside it, on either side, while that makes the two more alike — one copy of a sentence cut in
    two by a line break (a PDF's wrapped line) is then compared with the other copy as a whole, not half marked."""
    pairs = [(i, j) for i, j, _s in pairing.pairs]
    out: list[tuple[int, int, int, int]] = []
    for n, (i, j) in enumerate(pairs):
        low_i, low_j = (out[-1][1], out[-1][3]) if out else (-1, -1)
        high_i, high_j = pairs[n + 1] if n + 1 < len(pairs) else (len(lsent), len(rsent))
        i0, i1, j0, j1 = i, i, j, j
        best = _fit(left[lsent[i].start:lsent[i].end], right[rsent[j].start:rsent[j].end])
        while True:
            tries = []
            if i1 + 1 < high_i and i1 + 1 not in moved_left:
                tries.append((i0, i1 + 1, j0, j1))
            if i0 - 1 > low_i and i0 - 1 not in moved_left:
                tries.append((i0 - 1, i1, j0, j1))
            if j1 + 1 < high_j and j1 + 1 not in moved_right:
                tries.append((i0, i1, j0, j1 + 1))
            if j0 - 1 > low_j and j0 - 1 not in moved_right:
                tries.append((i0, i1, j0 - 1, j1))
            scored = []
            for a, b, c, d in tries:
                ls, le, rs, re_ = lsent[a].start, lsent[b].end, rsent[c].start, rsent[d].end
                if HOLE in left[ls:le] or HOLE in right[rs:re_] or max(le - ls, re_ - rs) > MERGED_RUN_LIMIT:
                    continue
                scored.append((_fit(left[ls:le], right[rs:re_]), (a, b, c, d)))
            if not scored or max(scored)[0] <= best:
                break
            best, (i0, i1, j0, j1) = max(scored)
        out.append((i0, i1, j0, j1))
    return out


def _fit(a: str, b: str) -> tuple[float, int]:
    """How alike two passages are: their similarity, then (bigram sets can tie: 法法 and 法法法) how close their
    lengths without white space are — so taking in the other half of a cut sentence wins the tie."""
    return similarity(a, b), -abs(len(sentence_key(a)) - len(sentence_key(b)))


def _joined(sentences: list[Sentence], first: int, last: int) -> Sentence:
    """Sentences first..last of a run as one passage (its key the keys joined: white space between them dropped)."""
    return Sentence(sentences[first].start, sentences[last].end, "".join(s.key for s in sentences[first:last + 1]))


def _one_passage(left: str, right: str, a: Sentence, b: Sentence, *, several: bool, threshold: float) -> bool:
    """Whether two unpaired runs facing each other are one passage cut differently into sentences (a line break
    inside a sentence in one year's copy, two sentences joined in the other): the same key, or, when one side has
    several sentences, similar enough as wholes to be compared word by word instead of marked whole."""
    if a.key == b.key:
        return True
    if not several or max(a.end - a.start, b.end - b.start) > MERGED_RUN_LIMIT:
        return False
    return similarity(left[a.start:a.end], right[b.start:b.end]) >= threshold


def _inside(left: str, right: str, a: Sentence, b: Sentence) -> list[Change]:
    """The word changes between two paired sentences (document offsets); width and spacing differences left out."""
    if a.key == b.key:
        return []
    out = []
    for c in wording_changes(fold_width(left[a.start:a.end]), fold_width(right[b.start:b.end])):
        if (left[a.start + c.left_start:a.start + c.left_end] + right[b.start + c.right_start:b.start + c.right_end]).isspace():
            continue
        out.append(Change(c.kind, a.start + c.left_start, a.start + c.left_end,
                          b.start + c.right_start, b.start + c.right_end))
    return out


def _blanked(text: str, start: int, end: int, holes: Iterable[tuple[int, int]]) -> str:
    """text[start:end] with the holes' characters made HOLE: same length, same offsets, and nothing there for the
    sentence splitter (a sentence or a run of marked sentences never reaches across a hole)."""
    chars = list(text[start:end])
    for a, b in holes:
        a, b = max(a, start), min(b, end)
        if a < b:
            chars[a - start:b - start] = HOLE * (b - a)
    return "".join(chars)


def _later(spans: list[tuple[int, int]], k: int) -> list[tuple[int, int]]:
    """The other parts that start inside part ``k`` and come after it in (start, longest first, index) order: nested
    in it, running on past its end, or the same span given again. Their text is theirs, so each passage is compared
    once."""
    start, end = spans[k]
    key = (start, -end, k)
    return [(a, b) for j, (a, b) in enumerate(spans) if start <= a < end and (a, -b, j) > key]


def document_changes(left: str, right: str, parts: Sequence[tuple[tuple[int, int], tuple[int, int]]], *,
                     skip_left: Iterable[tuple[int, int]] = (), skip_right: Iterable[tuple[int, int]] = (),
                     threshold: float = MIN_SIMILARITY) -> list[Change]:
    """The changed wording of two whole reports (document offsets), ordered by place on the right.

    ``parts`` pairs [start, end) of the same part in both reports: sentences are paired only within a pair of parts
    (a part nested in another, or starting inside it, is compared with its own counterpart, not within the other). Everything outside
    the paired parts (title, closing, a part only one report has) is compared as one more pair, so nothing is left
    out. ``skip_left``/``skip_right``: text not compared at all (page clutter)."""
    skip_l, skip_r = list(skip_left), list(skip_right)
    out: list[Change] = []

    def compare(lstart: int, lend: int, lholes: list[tuple[int, int]],
                rstart: int, rend: int, rholes: list[tuple[int, int]]) -> None:
        ltext = _blanked(left, lstart, lend, lholes)
        rtext = _blanked(right, rstart, rend, rholes)
        for c in sentence_changes(ltext, rtext, threshold=threshold):
            out.append(Change(c.kind, lstart + c.left_start, lstart + c.left_end,
                              rstart + c.right_start, rstart + c.right_end, c.sentences))

    lefts, rights = [p[0] for p in parts], [p[1] for p in parts]
    for k, ((ls, le), (rs, re_)) in enumerate(parts):
        compare(ls, le, _later(lefts, k) + skip_l, rs, re_, _later(rights, k) + skip_r)
    compare(0, len(left), lefts + skip_l, 0, len(right), rights + skip_r)
    return sorted(dict.fromkeys(out), key=lambda c: (c.right_start, c.left_start, c.right_end, c.left_end))
