"""A sorted set of [start, end) spans (page clutter) answering "is this offset inside one?" in log time.

Segmentation asks that question for every line, heading candidate and trim step; a linear scan over the
spans made it quadratic in the number of clutter lines (a 4 MB page of short lines ran for minutes).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator


class Spans:
    """Non-overlapping, sorted spans (overlapping input is merged); iterable as (start, end) pairs."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for a, b in sorted((a, b) for a, b in spans if b > a):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _b in merged]
        self._ends = [b for _a, b in merged]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(zip(self._starts, self._ends, strict=True))

    def __len__(self) -> int:
        return len(self._starts)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def at(self, pos: int) -> tuple[int, int] | None:
        """The span holding ``pos`` (start <= pos < end), or None."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self._ends[i]:
            return self._starts[i], self._ends[i]
        return None

    def contains(self, pos: int) -> bool:
        """True when ``pos`` lies inside a span."""
        return self.at(pos) is not None

    def ending_over(self, end: int) -> tuple[int, int] | None:
        """The span with start < end <= span end (the one an exclusive ``end`` falls in or just after)."""
        return self.at(end - 1) if end > 0 else None


def as_spans(spans: Spans | Iterable[tuple[int, int]] | None) -> Spans:
    """``spans`` as a Spans (built once, shared by the callers)."""
    return spans if isinstance(spans, Spans) else Spans(spans or ())
