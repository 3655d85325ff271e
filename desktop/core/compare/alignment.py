"""Pair the parts of two reports by kind, place gaps for parts one report lacks, and map scroll positions.

Used by the side-by-side view: each kind of part (achievements, shortcomings, …) is paired across the two
reports; a part present in one report and absent from the other gets a *gap* at the aligned position in
the other; and positions inside paired parts map to each other proportionally (Meld-style synchronized
scrolling), through a monotonic chain of anchors.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.segmentation.classify import ALL_KINDS
from desktop.core.segmentation.segment import Section


@dataclass(frozen=True)
class PartRef:
    """Where one kind sits in one report: its placement and [start, end) over all its sections."""

    kind: str
    placement: str  # "section", "subsection" or "inline"
    start: int
    end: int
    heading: str


@dataclass(frozen=True)
class AlignedPart:
    """One kind of part in both reports; a side is None when that report lacks the kind."""

    kind: str
    left: PartRef | None
    right: PartRef | None

    @property
    def paired(self) -> bool:
        return self.left is not None and self.right is not None


@dataclass(frozen=True)
class Gap:
    """A kind missing from one side ("left"/"right") although the other report has it, and where to show it."""

    side: str
    kind: str
    position: int


def part_refs(sections: Sequence[Section]) -> dict[str, PartRef]:
    """The extent of each kind in one report: its top-level sections if any, else its nested placement."""
    refs: dict[str, PartRef] = {}
    for kind in ALL_KINDS:
        top = [s for s in sections if s.kind == kind and s.placement == "section"]
        if top:
            refs[kind] = PartRef(kind, "section", min(s.start for s in top), max(s.end for s in top), top[0].heading)
            continue
        nested = [s for s in sections if s.kind == kind]
        if nested:
            first = min(nested, key=lambda s: s.start)
            refs[kind] = PartRef(kind, first.placement, first.start, first.end, first.heading)
    return refs


def align_parts(left: Sequence[Section], right: Sequence[Section]) -> list[AlignedPart]:
    """Kinds present in either report, in the regulation's order, each with its place in both reports."""
    lrefs, rrefs = part_refs(left), part_refs(right)
    return [AlignedPart(kind, lrefs.get(kind), rrefs.get(kind)) for kind in ALL_KINDS
            if kind in lrefs or kind in rrefs]


def _gap_position(kind: str, this: Sequence[Section], other: Sequence[Section], this_end: int) -> int:
    """Where a kind missing from ``this`` belongs: before the first later part of ``other`` that ``this`` has."""
    other_refs, this_refs = part_refs(other), part_refs(this)
    at = other_refs[kind].start
    following = sorted((s for s in other if s.placement == "section" and s.start > at), key=lambda s: s.start)
    for s in following:
        ref = this_refs.get(s.kind)
        if ref is not None and ref.placement == "section" and s.kind != "preamble":
            return ref.start
    return this_end


def find_gaps(left: Sequence[Section], right: Sequence[Section], left_end: int, right_end: int) -> list[Gap]:
    """Gaps for kinds (other than the preamble) present in one report and absent from the other.

    ``left_end``/``right_end`` are where a gap goes when no later part follows (the end of the body).
    Gaps are ordered by side, position and the regulation's order of kinds.
    """
    gaps: list[Gap] = []
    lrefs, rrefs = part_refs(left), part_refs(right)
    for kind in ALL_KINDS:
        if kind == "preamble":
            continue
        if kind in rrefs and kind not in lrefs:
            gaps.append(Gap("left", kind, _gap_position(kind, left, right, left_end)))
        if kind in lrefs and kind not in rrefs:
            gaps.append(Gap("right", kind, _gap_position(kind, right, left, right_end)))
    order = {k: i for i, k in enumerate(ALL_KINDS)}
    gaps.sort(key=lambda g: (g.side, g.position, order[g.kind]))
    return gaps


def body_end(sections: Sequence[Section], length: int) -> int:
    """End of the last top-level part (before the closing), or the text length when there are none."""
    ends = [s.end for s in sections if s.placement == "section"]
    return max(ends) if ends else length


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing strictly in both coordinates.

    ``pairs`` are sorted by the first coordinate, ties by decreasing second coordinate.
    """
    tails: list[int] = []  # smallest right value ending a chain of each length
    tail_idx: list[int] = []
    parent = [-1] * len(pairs)
    for i, (_l, r) in enumerate(pairs):
        k = bisect_right(tails, r - 1)  # strict: chains need r strictly increasing
        if k == len(tails):
            tails.append(r)
            tail_idx.append(i)
        elif r < tails[k]:
            tails[k] = r
            tail_idx[k] = i
        else:
            continue
        parent[i] = tail_idx[k - 1] if k else -1
    chain: list[tuple[int, int]] = []
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        chain.append(pairs[i])
        i = parent[i]
    return chain[::-1]


def sync_anchors(parts: Sequence[AlignedPart], left_length: int, right_length: int) -> list[tuple[int, int]]:
    """Matching (left, right) offsets for synchronized scrolling, strictly increasing on both sides.

    Starts and ends of parts that are top-level parts in both reports, plus both text ends. When the two
    reports order their parts differently, the longest consistent chain is kept.
    """
    pairs = {(0, 0), (left_length, right_length)}
    for part in parts:
        if (part.left is not None and part.right is not None  # (paired, spelled out for the type checker)
                and part.left.placement == "section" and part.right.placement == "section"):
            pairs.add((part.left.start, part.right.start))
            pairs.add((part.left.end, part.right.end))
    # equal left offsets sorted by decreasing right offset, so that no two of them can chain
    ordered = sorted((p for p in pairs if 0 <= p[0] <= left_length and 0 <= p[1] <= right_length),
                     key=lambda p: (p[0], -p[1]))
    return _longest_chain(ordered)


def map_offset(anchors: Sequence[tuple[int, int]], offset: int, reverse: bool = False) -> int:
    """Map a left offset to the right text (``reverse``: right to left) by interpolating between anchors."""
    if not anchors:
        return offset
    src = [a[1] if reverse else a[0] for a in anchors]
    dst = [a[0] if reverse else a[1] for a in anchors]
    if offset <= src[0]:
        return dst[0]
    if offset >= src[-1]:
        return dst[-1]
    i = bisect_right(src, offset) - 1
    span = src[i + 1] - src[i]
    frac = (offset - src[i]) / span if span else 0.0
    return round(dst[i] + frac * (dst[i + 1] - dst[i]))
