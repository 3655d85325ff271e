"""Changed wording between two versions of a text (a part of this year's report and of last year's), as Meld shows
it: which words were removed from the left, which were added on the right.

Chinese has no spaces between words, so the unit is a character for Han script and a whole run for Latin words and
numbers ("2024", "APP"): a changed year counts as one change, not four. difflib's matcher (junk heuristics off, so
frequent characters such as 的 still anchor) gives the opcodes; equal runs of one unit between two changes are folded
into the change around them, so that a rewritten phrase reads as one change instead of a comb of single characters.
Pure: no Qt, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+|\s+|.", re.S)
MAX_UNITS = 60_000  # beyond this many units per side, the part is compared as changed lines instead (time bound)


@dataclass(frozen=True)
class Change:
    """One difference: [left_start, left_end) removed and/or [right_start, right_end) added (offsets in the texts
    given). ``kind`` is "delete" (only removed), "insert" (only added) or "replace"."""

    kind: str
    left_start: int
    left_end: int
    right_start: int
    right_end: int


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
