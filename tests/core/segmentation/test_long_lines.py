"""Long lines are segmented in linear time with the same result (issue 16): the 一是 items of a paragraph found
their paragraph by scanning back from each item to the line start, quadratic on a one-line 50 MB file."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.segmentation.outline import _add_shi_items
from desktop.core.segmentation.spans import Spans

PIECES = ["一是加强执法。", "二是", "三是完善制度；", "\n", "，", "四是", "x", "。", "五是培训，", "\n\n", "一是"]


def _items(text: str, blocked: Spans) -> list[tuple[str, int, int, int]]:
    headings: list = []
    _add_shi_items(text, headings, blocked)
    return [(h.style, h.value, h.start, h.heading_end) for h in headings]


def _reference(text: str, blocked: Spans) -> list[tuple[str, int, int, int]]:
    """The items as the former code found them: each item's paragraph looked up back from the item."""
    from desktop.core.segmentation.patterns import cn_number

    shi = re.compile(r"(?P<v>[一二三四五六七八九十]{1,3})是(?=[^，。；\s]?)")  # the former pattern, as it was

    items = []
    expected = 1
    last_para = -1
    for m in shi.finditer(text):
        start = m.start()
        if blocked.contains(start):
            continue
        prev = text[start - 1] if start else "\n"
        if prev not in "\n。；：，:;, \u3000":
            continue
        value = cn_number(m.group("v"))
        para = text.rfind("\n", 0, start)
        if para != last_para:
            expected = 1
            last_para = para
        if value != expected:
            if value == 1:
                expected = 1
            else:
                continue
        expected += 1
        stop = start
        while stop < len(text) and stop - start < 40 and text[stop] not in "，,。；;\n":
            stop += 1
        items.append(("cn_shi", value, start, stop))
    return items


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.integers(0, 3))
def test_items_are_the_same_as_with_a_scan_from_the_line_start(pieces, seed):
    text = "".join(pieces)
    rng = random.Random(seed)
    blocked = Spans([(a, a + 3) for a in sorted(rng.sample(range(len(text) + 1), min(2, len(text) + 1)))])
    assert _items(text, blocked) == _reference(text, blocked)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "bc", "www.", "http://", "https://", ".com", ".cn", "x-y", "/p/q", "法治", " ",
                                 "\n", "_", ":", "第一秘书之家", ".gov", "9", "."]), max_size=60))
def test_watermark_domains_are_the_same_as_a_search_of_the_whole_text(pieces):
    from desktop.core.segmentation.damage import _DOMAIN, _domain_matches

    text = "".join(pieces)
    assert [m.span() for m in _domain_matches(text)] == [m.span() for m in _DOMAIN.finditer(text)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["一、总体情况\n", "（一）措施。", "二、问题\n"]), max_size=60))
def test_item_extents_are_the_same_as_with_a_search_from_each_item(pieces):
    """Each 一是 item ends where it ended when the next line break was searched from the item itself."""
    from desktop.core.segmentation.segment import segment_report

    text = "".join(pieces)
    outline = segment_report(text).outline
    for h in outline:
        if h.style == "cn_shi":
            newline = text.find("\n", h.start)
            assert h.end <= (newline if newline >= 0 else len(text))
