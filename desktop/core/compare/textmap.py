"""Map between document offsets (the frozen text) and display offsets (what a text view shows).

A display text is the document text with some spans hidden (page clutter) and some display-only strings
inserted (gap banners in the side-by-side view). Everything a reviewer does is stored in document offsets;
the view works in display offsets; :class:`TextMap` converts both ways.

Offsets are positions *between* characters, so a position next to a hidden span or an insertion has two
readings. ``side="start"`` reads a position as the left edge of the character that follows it (where a span
starts), ``side="end"`` as the right edge of the character before it (where a span ends). With nothing hidden
or inserted both readings are the identity.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import le
from typing import Literal

Side = Literal["start", "end"]


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Sort, clip to [0, length], drop empty spans and merge overlapping or touching ones."""
    out: list[tuple[int, int]] = []
    for a, b in sorted((max(0, a), min(length, b)) for a, b in spans):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def whole_line_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Widen each span to its whole line(s) when nothing but white space shares the line.

    The widened span takes the line's newline and the blank lines after it, so hiding a clutter line
    leaves no empty lines behind; an inline span (a watermark inside a sentence) is returned unchanged.
    """
    out: list[tuple[int, int]] = []
    for a, b in spans:
        line_start = text.rfind("\n", 0, a) + 1
        newline = text.find("\n", b)
        line_end = len(text) if newline < 0 else newline
        if text[line_start:a].strip() or text[b:line_end].strip():
            out.append((a, b))
            continue
        end = line_end
        while end < len(text):  # the newline, then any following blank lines
            nxt = text.find("\n", end + 1)
            if nxt < 0 or text[end + 1:nxt].strip():
                end += 1
                break
            end = nxt
        out.append((line_start, min(end, len(text))))
    return out


@dataclass(frozen=True)
class Insertion:
    """A display-only string shown before the document character at ``position``."""

    position: int
    text: str


class TextMap:
    """The mapping between a document text and its display text (hidden spans removed, insertions added)."""

    def __init__(self, length: int, hidden: Iterable[tuple[int, int]] = (),
                 insertions: Iterable[Insertion] = ()) -> None:
        self.length = length
        self.hidden = merge_spans(hidden, length)
        # Insertions inside a hidden span move to its end (they are shown where the hidden text was).
        placed: list[Insertion] = []
        for ins in insertions:
            pos = min(max(ins.position, 0), length)
            for a, b in self.hidden:
                if a < pos < b:
                    pos = b
            if ins.text:
                placed.append(Insertion(pos, ins.text))
        placed.sort(key=lambda i: i.position)  # stable: insertions at one position keep their order
        self.insertions: tuple[Insertion, ...] = tuple(placed)
        # Visible document segments with their display starts, and the display spans of insertions.
        self._seg_a: list[int] = []
        self._seg_b: list[int] = []
        self._seg_d: list[int] = []
        self._seg_dend: list[int] = []
        self.insertion_spans: list[tuple[int, int]] = []
        visible: list[tuple[int, int]] = []
        pos = 0
        for a, b in self.hidden:
            if a > pos:
                visible.append((pos, a))
            pos = b
        if pos < length:
            visible.append((pos, length))
        display = 0
        ins_index = 0
        for a, b in visible:
            # insertions at or before a, then the segment split at insertions strictly inside it
            cut = a
            while ins_index < len(placed) and placed[ins_index].position <= b:
                ins = placed[ins_index]
                if ins.position > cut:
                    display = self._add_segment(cut, ins.position, display)
                    cut = ins.position
                self.insertion_spans.append((display, display + len(ins.text)))
                display += len(ins.text)
                ins_index += 1
            if b > cut:
                display = self._add_segment(cut, b, display)
        while ins_index < len(placed):  # insertions after the last visible character
            ins = placed[ins_index]
            self.insertion_spans.append((display, display + len(ins.text)))
            display += len(ins.text)
            ins_index += 1
        self.display_length = display

    def _add_segment(self, a: int, b: int, display: int) -> int:
        self._seg_a.append(a)
        self._seg_b.append(b)
        self._seg_d.append(display)
        self._seg_dend.append(display + b - a)
        return display + b - a

    @property
    def is_identity(self) -> bool:
        return not self.hidden and not self.insertions

    def display_text(self, text: str) -> str:
        """The display text for ``text`` (which must have this map's length)."""
        if self.is_identity:
            return text
        parts: list[str] = []
        seg = 0
        ins = 0
        n_seg = len(self._seg_a)
        # Walk segments and insertions in display order.
        while seg < n_seg or ins < len(self.insertion_spans):
            seg_d = self._seg_d[seg] if seg < n_seg else None
            ins_d = self.insertion_spans[ins][0] if ins < len(self.insertion_spans) else None
            if ins_d is not None and (seg_d is None or ins_d <= seg_d):
                parts.append(self.insertions[ins].text)
                ins += 1
            else:
                parts.append(text[self._seg_a[seg]:self._seg_b[seg]])
                seg += 1
        return "".join(parts)

    def visible_segments(self) -> list[tuple[int, int, int]]:
        """(document start, document end, display start) of each run of shown document text."""
        return list(zip(self._seg_a, self._seg_b, self._seg_d, strict=True))

    def to_display(self, offset: int, side: Side = "start") -> int:
        """The display position of a document position (a hidden position maps to where the hidden text was)."""
        if self.is_identity:
            return min(max(offset, 0), self.length)
        if side == "start":
            i = bisect_right(self._seg_b, offset)  # first segment ending after offset
            if i == len(self._seg_a):
                return self.display_length
            return self._seg_d[i] + max(0, offset - self._seg_a[i])
        i = bisect_left(self._seg_a, offset) - 1  # last segment starting before offset
        if i < 0:
            return 0
        return self._seg_d[i] + min(offset, self._seg_b[i]) - self._seg_a[i]

    def to_document(self, offset: int, side: Side = "start") -> int:
        """The document position of a display position (inside an insertion: the nearest document text)."""
        if self.is_identity:
            return min(max(offset, 0), self.length)
        if side == "start":
            i = bisect_right(self._seg_dend, offset)  # first segment whose display end is after offset
            if i == len(self._seg_a):
                return self.length
            return self._seg_a[i] + max(0, offset - self._seg_d[i])
        i = bisect_left(self._seg_d, offset) - 1  # last segment whose display start is before offset
        if i < 0:
            return 0
        return self._seg_a[i] + min(offset - self._seg_d[i], self._seg_b[i] - self._seg_a[i])

    def span_to_display(self, start: int, end: int) -> tuple[int, int]:
        """Display span of a document span (empty when all of it is hidden)."""
        a = self.to_display(start, "start")
        b = self.to_display(end, "end")
        return (a, max(a, b))

    def span_to_document(self, start: int, end: int) -> tuple[int, int] | None:
        """Document span of a display span, or None when it holds no document text (only insertions)."""
        a = self.to_document(start, "start")
        b = self.to_document(end, "end")
        if b <= a:
            return None
        return (a, b)

    def spans_to_display(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Display spans of many document spans, in the same order (a hidden span becomes empty).

        Linear in the number of spans when they come sorted (search hits, headings), which keeps
        thousands of marks on a long report cheap to map.
        """
        if self.is_identity:
            return [(min(max(s, 0), self.length), min(max(e, s, 0), self.length)) for s, e in spans]
        starts = self._map_many([s for s, _e in spans], "start")
        ends = self._map_many([e for _s, e in spans], "end")
        return [(a, max(a, b)) for a, b in zip(starts, ends, strict=True)]

    def _map_many(self, offsets: list[int], side: Side) -> list[int]:
        if not all(map(le, offsets, offsets[1:])):  # (map/le: no Python step per offset)
            return [self.to_display(p, side) for p in offsets]
        # Sorted offsets: per segment, the offsets falling to it are found by bisection and shifted by one
        # comprehension (thousands of search hits, few segments).
        seg_a, seg_b, seg_d, seg_dend = self._seg_a, self._seg_b, self._seg_d, self._seg_dend
        out: list[int] = []
        j = 0
        if side == "start":  # first segment ending after p
            for a, b, d in zip(seg_a, seg_b, seg_d, strict=True):
                k = bisect_left(offsets, a, j)  # before the segment (in hidden text): where it starts
                out.extend([d] * (k - j))
                j, k = k, bisect_left(offsets, b, k)
                shift = d - a
                out.extend([p + shift for p in offsets[j:k]])
                j = k
            out.extend([self.display_length] * (len(offsets) - j))
            return out
        if not seg_a:
            return [0] * len(offsets)
        j = bisect_right(offsets, seg_a[0])  # at or before the first segment's start
        out.extend([0] * j)
        for i, (a, b, d) in enumerate(zip(seg_a, seg_b, seg_d, strict=True)):  # last segment starting before p
            k = bisect_right(offsets, b, j)
            shift = d - a
            out.extend([p + shift for p in offsets[j:k]])
            j = k
            k = bisect_right(offsets, seg_a[i + 1], j) if i + 1 < len(seg_a) else len(offsets)
            out.extend([seg_dend[i]] * (k - j))  # after the segment, in hidden text: where it ends
            j = k
        return out

    def is_hidden(self, offset: int) -> bool:
        """True when the document character at ``offset`` is not shown."""
        i = bisect_right(self.hidden, (offset, self.length + 1)) - 1
        return i >= 0 and self.hidden[i][0] <= offset < self.hidden[i][1]
