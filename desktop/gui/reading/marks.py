"""The marks painted over a report text (search hits, reused text, annotations, the navigation flash): spans in
display offsets, grouped in layers that find the spans overlapping the visible lines quickly."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from operator import le
from typing import NamedTuple

from PySide6.QtGui import QColor


class Span(NamedTuple):  # a tuple: thousands are made per search (a frozen dataclass is ~5x slower to build)
    start: int  # display offsets
    end: int
    color: QColor  # fill, multiplied over the text
    key: str
    lane: int = 0
    line: QColor | None = None  # underline colour


def pale(color: QColor) -> QColor:
    """A pale version of a colour, for fills multiplied over text (two or three overlaps stay readable)."""
    base = QColor(color)
    return QColor.fromHsv(max(base.hsvHue(), 0), min(base.hsvSaturation(), 60), 255)


class Layer:
    """Painted spans of one kind (display offsets), sorted, with a running maximum of ends for lookups."""

    def __init__(self, spans: Iterable[Span], underline: bool, lanes: bool = False) -> None:
        ordered = list(spans)
        starts = [s.start for s in ordered]
        if not all(map(le, starts, starts[1:])):  # marks usually come sorted already
            ordered.sort(key=lambda s: (s.start, -s.end))
        if lanes:
            ordered = assign_lanes(ordered)
        self.spans = ordered
        self.underline = underline
        self.max_end: list[int] = list(accumulate((s.end for s in ordered), max))  # running maximum of ends

    def overlapping(self, start: int, end: int) -> Iterable[Span]:
        i = bisect_right(self.max_end, start)
        while i < len(self.spans) and self.spans[i].start < end:
            span = self.spans[i]
            if span.end > start:
                yield span
            i += 1

    def at(self, pos: int) -> list[Span]:
        return [s for s in self.overlapping(pos, pos + 1)]


def assign_lanes(spans: list[Span]) -> list[Span]:
    """Give overlapping spans different underline lanes (interval colouring, greedy by start)."""
    lane_ends: list[int] = []
    out: list[Span] = []
    for s in spans:
        lane = next((i for i, e in enumerate(lane_ends) if e <= s.start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(s.end)
        else:
            lane_ends[lane] = s.end
        out.append(Span(s.start, s.end, s.color, s.key, lane, s.line))
    return out
