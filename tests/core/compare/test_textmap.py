"""TextMap: document <-> display offsets with hidden spans and display-only insertions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.compare.textmap import Insertion, TextMap, merge_spans, whole_line_spans


@st.composite
def layouts(draw):
    """A document text, hidden spans and insertions over it."""
    text = draw(st.text(alphabet="ab\n法治", min_size=0, max_size=60))
    n = len(text)
    pos = st.integers(0, n)
    hidden = draw(st.lists(st.tuples(pos, pos), max_size=6))
    inserts = draw(st.lists(st.builds(Insertion, pos, st.text(alphabet="XY", min_size=0, max_size=4)), max_size=4))
    return text, hidden, inserts


def visible_positions(tm: TextMap) -> list[int]:
    return [p for p in range(tm.length) if not tm.is_hidden(p)]


@given(layouts())
def test_display_text_is_visible_characters_plus_insertions(layout):
    text, hidden, inserts = layout
    tm = TextMap(len(text), hidden, inserts)
    display = tm.display_text(text)
    assert len(display) == tm.display_length
    shown = "".join(text[p] for p in visible_positions(tm))
    inserted = sum(len(i.text) for i in tm.insertions)
    assert len(display) == len(shown) + inserted
    # removing the insertion spans from the display gives exactly the shown document characters
    kept = []
    cut = 0
    for a, b in tm.insertion_spans:
        kept.append(display[cut:a])
        cut = b
    kept.append(display[cut:])
    assert "".join(kept) == shown
    for (a, b), ins in zip(tm.insertion_spans, tm.insertions, strict=True):
        assert display[a:b] == ins.text


@given(layouts())
def test_each_visible_character_maps_to_itself(layout):
    text, hidden, inserts = layout
    tm = TextMap(len(text), hidden, inserts)
    display = tm.display_text(text)
    for p in visible_positions(tm):
        d = tm.to_display(p, "start")
        assert display[d] == text[p]
        assert tm.to_display(p + 1, "end") == d + 1
        assert tm.to_document(d, "start") == p
        assert tm.to_document(d + 1, "end") == p + 1


@given(layouts())
def test_display_to_document_round_trip(layout):
    text, hidden, inserts = layout
    tm = TextMap(len(text), hidden, inserts)
    inside_insertion = {d for a, b in tm.insertion_spans for d in range(a + 1, b)}
    for d in range(tm.display_length + 1):
        if d in inside_insertion:
            continue
        p = tm.to_document(d, "start")
        q = tm.to_document(d, "end")
        # a display position at an insertion's edge maps to the document text on its own side
        assert tm.to_display(p, "start") >= d >= tm.to_display(q, "end")


@given(layouts())
def test_mappings_are_monotonic_and_bounded(layout):
    text, hidden, inserts = layout
    tm = TextMap(len(text), hidden, inserts)
    for side in ("start", "end"):
        ds = [tm.to_display(p, side) for p in range(tm.length + 1)]
        assert ds == sorted(ds)
        assert all(0 <= d <= tm.display_length for d in ds)
        ps = [tm.to_document(d, side) for d in range(tm.display_length + 1)]
        assert ps == sorted(ps)
        assert all(0 <= p <= tm.length for p in ps)
    for p in range(tm.length + 1):
        assert tm.to_display(p, "end") <= tm.to_display(p, "start")


@given(layouts(), st.data())
def test_span_round_trip(layout, data):
    text, hidden, inserts = layout
    tm = TextMap(len(text), hidden, inserts)
    shown = visible_positions(tm)
    if not shown:
        return
    i = data.draw(st.integers(0, len(shown) - 1))
    j = data.draw(st.integers(i, len(shown) - 1))
    start, end = shown[i], shown[j] + 1
    a, b = tm.span_to_display(start, end)
    assert tm.span_to_document(a, b) == (start, end)
    # what the display span shows, minus insertions, is the document span minus hidden text
    expected = "".join(text[p] for p in shown[i:j + 1])
    got = "".join(tm.display_text(text)[d] for d in range(a, b)
                  if not any(x <= d < y for x, y in tm.insertion_spans))
    assert got == expected


def test_identity_without_hidden_or_insertions():
    tm = TextMap(10)
    assert tm.is_identity
    assert [tm.to_display(p) for p in range(11)] == list(range(11))
    assert tm.span_to_document(2, 5) == (2, 5)
    assert tm.span_to_document(3, 3) is None


def test_hidden_clutter_and_a_gap_banner():
    text = "SITE\nbody one\nbody two\n"
    tm = TextMap(len(text), [(0, 5)], [Insertion(14, "[gap]\n")])
    assert tm.display_text(text) == "body one\n[gap]\nbody two\n"
    assert tm.to_display(5) == 0
    assert tm.to_display(14, "start") == 15 and tm.to_display(14, "end") == 9
    # a selection of only the banner holds no document text
    assert tm.span_to_document(9, 15) is None
    # a selection across the banner maps back to the document
    assert tm.span_to_document(5, 19) == (10, 18)


def test_insertion_inside_hidden_span_moves_to_its_end():
    tm = TextMap(10, [(2, 6)], [Insertion(4, "G")])
    assert tm.insertions[0].position == 6
    assert tm.display_text("0123456789") == "01G6789"


def test_merge_spans():
    assert merge_spans([(5, 8), (0, 2), (2, 3), (7, 12), (4, 4)], 10) == [(0, 3), (5, 10)]


def test_whole_line_spans_take_the_newline_of_lines_holding_only_clutter():
    text = "政务\n\n  来源：某网站 \n正文第一句，打印【关闭】。\n\n  \n[纠错]"
    clutter_line = (text.index("来源"), text.index("来源") + 6)
    inline = (text.index("【关闭】"), text.index("【关闭】") + 4)
    tail = (text.index("[纠错]"), len(text))
    spans = whole_line_spans(text, [(0, 2), clutter_line, inline, tail])
    assert spans[0] == (0, 4)  # the line, its newline and the blank line after it
    assert text[spans[1][0]:spans[1][1]] == "  来源：某网站 \n"
    assert spans[2] == inline
    assert spans[3] == tail
    shown = TextMap(len(text), spans).display_text(text)
    assert shown == "正文第一句，打印。\n\n  \n"


@given(st.text(alphabet="ab \n", max_size=30), st.data())
def test_whole_line_spans_cover_the_original_spans(text, data):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted), max_size=4))
    for (a, b), (c, d) in zip(spans, whole_line_spans(text, spans), strict=True):
        assert c <= a and (d >= b or b <= a)
        assert not text[c:a].strip() and not text[b:d].strip() or (c, d) == (a, b)


@given(layouts(), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12), st.booleans())
def test_mapping_many_spans_equals_mapping_each(layout, spans, presort):
    text, hidden, inserts = layout
    tm = TextMap(len(text), hidden, inserts)
    spans = [(min(a, len(text)), min(b, len(text))) for a, b in spans]
    if presort:
        spans.sort()
    assert tm.spans_to_display(spans) == [tm.span_to_display(a, b) for a, b in spans]
