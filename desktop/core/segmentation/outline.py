"""Parse the heading hierarchy of a report: 一、 / （一） (一) / 1. 1、 1． / (1) / ① / 第一部分, and 一是… items.

Headings may stand on their own line, run into their paragraph (（一）标题。正文…), or, in reports flattened to a
single line, follow a sentence end. Candidates are accepted only when they continue a numbering sequence,
which keeps numbers inside sentences (1.2万, 第（一）项) out of the outline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.core.segmentation.patterns import cn_number
from desktop.core.segmentation.spans import Spans, as_spans

# Ranks: lower is more major. The nesting follows the order in which styles appear, corrected by rank.
STYLE_RANK = {"part": 0, "plain": 0, "cn_dun": 1, "cn_paren": 2, "ar_dot": 3, "ar_paren": 4, "circled": 5}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_NUMERAL = "[一二三四五六七八九十]"
# The markers: 第一部分/第一章 (part), 一、 一. (cn_dun), （一） (cn_paren), (1) (ar_paren), 1. 1、 (ar_dot), ① (circled).
# The pattern starts with the class of the characters a marker can start with, so a scan skips every other character
# in C; each branch then checks with a look-behind that this first character is its own, and its value group holds
# the rest of the value (cn_dun, ar_dot and circled: the value starts with that first character). The empty group at
# the end of each branch names the style (m.lastgroup). The same matches as the plain alternation of the styles
# (tests/core/segmentation/test_fast_patterns.py keeps it), ~30% faster.
_MARKER = re.compile(
    rf"[第一二三四五六七八九十（(\d{_CIRCLED}]"
    rf"(?:(?<=第)(?P<part_v>{_NUMERAL}{{1,3}})(?:部分|章)(?P<part>)"
    rf"|(?<={_NUMERAL})(?P<cn_dun_v>{_NUMERAL}{{0,2}})\s?(?:、|[．.](?!\d))(?P<cn_dun>)"
    rf"|(?<=[（(])\s?(?P<cn_paren_v>{_NUMERAL}{{1,3}})\s?[)）](?P<cn_paren>)"
    rf"|(?<=[（(])\s?(?P<ar_paren_v>\d{{1,2}})\s?[)）](?P<ar_paren>)"
    rf"|(?<=\d)(?P<ar_dot_v>\d?)\s?[.．、](?!\d)(?P<ar_dot>)"
    rf"|(?<=[{_CIRCLED}])(?P<circled_v>)(?P<circled>))"
)
_VALUE_FROM_START = ("cn_dun", "ar_dot", "circled")  # styles whose value starts at the marker's first character


def markers(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(style, value as written, start, end) of every numbering marker in ``text``, in order, not overlapping."""
    for m in _MARKER.finditer(text):
        style = m.lastgroup
        assert style is not None  # every branch ends with its style's group
        group = style + "_v"
        raw = text[m.start():m.end(group)] if style in _VALUE_FROM_START else m.group(group)
        yield style, raw, m.start(), m.end()


_CN_NUMERALS = "一二三四五六七八九十"
# [一…十]{1,3}是 (an 一是 item) found from its 是 (a literal: scanned for in C) with a numeral just before it; the
# match starts at the last three numerals at most before that 是, as the leftmost match of the pattern does
_SHI_AT = re.compile(r"是(?<=[一二三四五六七八九十]是)")
_SENTENCE_END = "。；！？：:;!?"
_HEAD_STOP = "。；！？"
_HEAD_STOPS = tuple(_HEAD_STOP)
_HEAD_STOP_AT = re.compile(f"[{_HEAD_STOP}]")


@dataclass
class Heading:
    """One node of the outline: its numbering style and value, level, and spans in the frozen text.

    ``start`` is where the marker begins, ``heading_end`` where the heading text ends, ``end`` where the
    node's content ends (the next heading of the same or a higher level). ``run_in`` is True when the
    heading does not start its own line; ``style == "cn_shi"`` marks an inline 一是… item.
    """

    style: str
    value: int
    start: int
    heading_end: int
    level: int = 0
    end: int = 0
    run_in: bool = False
    text: str = ""
    children: list[Heading] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"style": self.style, "level": self.level, "heading": self.text, "start": self.start,
                "heading_end": self.heading_end, "end": self.end, "inline": self.style == "cn_shi"}


@dataclass
class _Candidate:
    style: str
    value: int
    start: int
    marker_end: int
    boundary: str  # "line", "sentence" or "none"


def _boundary(text: str, pos: int) -> str:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u3000":
        i -= 1
    if i < 0 or text[i] == "\n":
        return "line"
    if text[i] in _SENTENCE_END:
        return "sentence"
    return "none"


def _value(style: str, raw: str) -> int | None:
    if style in ("ar_dot", "ar_paren"):
        return int(raw)
    if style == "circled":
        return _CIRCLED.index(raw) + 1
    return cn_number(raw)


def _candidates(text: str, blocked: Spans, dense: bool) -> list[_Candidate]:
    out: list[_Candidate] = []
    for style, raw, start, marker_end in markers(text):
        value = _value(style, raw)
        if value is None or value == 0:
            continue
        if blocked.contains(start):
            continue
        boundary = _boundary(text, start)
        if boundary == "none":
            prev = text[start - 1] if start else ""
            if not dense or style not in ("cn_dun", "cn_paren", "part") or prev in "第款项条目\"“" or prev.isdigit():
                continue
        rest = text[marker_end: marker_end + 2]
        if not rest.strip() or rest[0] in "，,。、；）)":
            continue
        out.append(_Candidate(style, value, start, marker_end, boundary))
    return out


def _accept(cands: list[_Candidate], dense: bool = False) -> list[tuple[_Candidate, int]]:
    """Keep candidates that continue a numbering sequence; return them with their level."""
    stack: list[list] = []  # [style, last_value]
    accepted: list[tuple[_Candidate, int]] = []
    for c in cands:
        idx = next((i for i, (s, _v) in enumerate(stack) if s == c.style), None)
        strong = c.boundary == "line"
        if idx is not None:
            expected = stack[idx][1] + 1
            # A marker that starts its own line is a heading even when the numbering is off (一、 reused,
            # a lost number, numbers running on across parts); run-in markers must continue the sequence.
            ok = c.value == expected or strong
            if not ok:
                continue
            del stack[idx + 1:]
            stack[idx][1] = c.value
            accepted.append((c, idx + 1))
            continue
        if not (c.value <= 2 or strong):
            continue
        if c.boundary != "line" and (c.value != 1 or (not stack and not dense)):
            # A run-in list (…如下：1.…；2.…) never opens the outline; in a one-line report it may.
            continue
        rank = STYLE_RANK[c.style]
        while stack and STYLE_RANK[stack[-1][0]] >= rank:
            stack.pop()
        stack.append([c.style, c.value])
        accepted.append((c, len(stack)))
    return accepted


def _heading_end(text: str, start: int, limit: int) -> int:
    line_end = text.find("\n", start)
    if line_end < 0 or line_end > limit:
        line_end = limit
    segment = text[start:line_end]
    stripped = segment.rstrip()
    inner = stripped[:-1] if stripped.endswith(_HEAD_STOPS) else stripped
    if len(stripped) <= 50 and _HEAD_STOP_AT.search(inner) is None:
        return start + len(stripped)
    stop = _HEAD_STOP_AT.search(segment, 0, 90)
    if stop is not None:
        return start + stop.start() + 1
    comma = segment.find("，", 8, 40)
    if comma < 0:
        comma = segment.find(",", 8, 40)
    return start + (comma if comma > 0 else min(len(stripped), 40))


def parse_outline(text: str, blocked: Spans | list[tuple[int, int]] | None = None,
                  plain: list[tuple[int, int]] | None = None) -> list[Heading]:
    """Return the flat, ordered list of headings (numbered and 一是 items) with levels and extents.

    ``blocked`` spans (page clutter) never hold headings. ``plain`` gives (start, heading_end) spans of
    unnumbered top-level headings found by the caller.
    """
    blocked = as_spans(blocked)
    dense = _is_dense(text)
    cands = _candidates(text, blocked, dense)
    for start, _hend in plain or []:
        cands.append(_Candidate("plain", 1, start, start, "line"))
    cands.sort(key=lambda c: c.start)
    # plain headings are top level; numbering continues across them
    accepted = _accept_with_plain(cands, dense)
    headings: list[Heading] = []
    starts = [c.start for c, _lvl in accepted] + [len(text)]
    plain_ends = dict(plain or [])
    for i, (c, level) in enumerate(accepted):
        limit = starts[i + 1]
        hend = plain_ends[c.start] if c.style == "plain" else _heading_end(text, c.start, limit)
        headings.append(Heading(c.style, c.value, c.start, hend, level=level, run_in=c.boundary != "line",
                                text=text[c.start:hend]))
    _add_shi_items(text, headings, blocked)
    _set_extents(headings, text)
    return headings


def _is_dense(text: str) -> bool:
    """True for a report flattened onto few lines: one line holds most of the text."""
    if text.count("\n") < 8 and len(text) > 1500:
        return True
    longest = max((len(line) for line in text.split("\n")), default=0)
    return longest >= 400 and longest > 0.5 * len(text.strip())


def _accept_with_plain(cands: list[_Candidate], dense: bool) -> list[tuple[_Candidate, int]]:
    out: list[tuple[_Candidate, int]] = []
    chunk: list[_Candidate] = []
    for c in cands:
        if c.style == "plain":
            out.extend((x, lvl + 1) for x, lvl in _accept(chunk, dense))
            chunk = []
            out.append((c, 1))
        else:
            chunk.append(c)
    if any(c.style == "plain" for c, _ in out):
        out.extend((x, lvl + 1) for x, lvl in _accept(chunk, dense))
    else:
        out.extend(_accept(chunk, dense))
    out.sort(key=lambda t: t[0].start)
    return out


_ITEM_STOP = re.compile(r"[，,。；;\n]")


def shi_markers(text: str) -> Iterator[tuple[int, int]]:
    """(start, position of 是) of each match of ``[一二三四五六七八九十]{1,3}是`` in ``text``, as ``finditer`` gives them."""
    for m in _SHI_AT.finditer(text):
        shi = m.start()
        start = shi - 1
        while start > shi - 3 and start > 0 and text[start - 1] in _CN_NUMERALS:
            start -= 1
        yield start, shi


def _add_shi_items(text: str, headings: list[Heading], blocked: Spans) -> None:
    """Add 一是…二是… items found in running text, one level below the heading they sit under."""
    items: list[Heading] = []
    expected = 1
    last_para = -1
    para = -1
    scanned = 0  # the paragraph start is found by scanning forward once, not back from each item (linear on one line)
    for start, shi in shi_markers(text):
        if blocked.contains(start):
            continue
        prev = text[start - 1] if start else "\n"
        if prev not in "\n。；：，:;, \u3000":
            continue
        value = cn_number(text[start:shi])
        newline = text.rfind("\n", scanned, start)
        if newline >= 0:
            para = newline
        scanned = start
        if para != last_para:
            expected = 1
            last_para = para
        if value != expected:
            if value == 1:
                expected = 1
            else:
                continue
        expected += 1
        found = _ITEM_STOP.search(text, start, start + 40)  # the item's heading: up to a stop, 40 characters at most
        stop = found.start() if found else min(len(text), start + 40)
        items.append(Heading("cn_shi", value, start, stop, run_in=True, text=text[start:stop]))
    if not items:
        return
    owners = sorted(headings, key=lambda h: h.start)
    owner_starts = [h.start for h in owners]
    for item in items:
        i = bisect_right(owner_starts, item.start) - 1
        parent = owners[i] if i >= 0 else None
        item.level = (parent.level + 1) if parent else 1
    headings.extend(items)
    headings.sort(key=lambda h: (h.start, h.style == "cn_shi"))


def _set_extents(headings: list[Heading], text: str) -> None:
    text_len = len(text)
    numbered = [h for h in headings if h.style != "cn_shi"]
    for i, h in enumerate(numbered):
        h.end = text_len
        for j in range(i + 1, len(numbered)):  # indices, not a slice: no copy of the rest per heading
            if numbered[j].level <= h.level:
                h.end = numbered[j].start
                break
    shi = [h for h in headings if h.style == "cn_shi"]
    numbered_starts = sorted(n.start for n in numbered)
    newline, previous = -1, -1  # the first line break at or after the item, found once per line (text order)
    for i, h in enumerate(shi):
        if newline < h.start or h.start < previous:
            newline = text.find("\n", h.start)
            if newline < 0:
                newline = text_len
        previous = h.start
        stops = [text_len, newline]
        if i + 1 < len(shi) and shi[i + 1].value == h.value + 1:
            stops.append(shi[i + 1].start)
        j = bisect_right(numbered_starts, h.start)
        if j < len(numbered_starts):
            stops.append(numbered_starts[j])
        h.end = min(s for s in stops if s > h.start)
