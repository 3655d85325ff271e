"""CompareView on real widgets: 吉林省 2022 (seed 003) next to 2025 (seed 000)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.core.compare.reuse import normalize_for_reuse
from desktop.gui.reading.compare_view import CompareView
from desktop.gui.reading.text_pane import GAP_PROPERTY
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"


@pytest.fixture
def compare(qtbot, records):
    w = CompareView()
    w.resize(1500, 900)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.pair_shown):
        w.show_pair(records["003"], records["000"])
    return w


def mid_offset(pane) -> int:
    """The document offset on the middle line of a pane."""
    return pane.text.offset_at_y(pane.text.viewport().height() // 2)


def in_view(pane, offset: int) -> bool:
    y = pane.text.y_of_offset(offset)
    return 0 <= y < pane.text.viewport().height()


def test_parts_are_aligned_by_kind(compare, records):
    kinds = [p.kind for p in compare.parts]
    assert kinds == ["preamble", "achievements", "shortcomings", "leader_duty", "next_plan"]
    cards = {c.part.kind: c.text() for c in compare.cards}
    assert "2022: missing" in cards["shortcomings"] and "2025:" in cards["shortcomings"]
    assert "2022: subsection" in cards["leader_duty"] and "2025: missing" in cards["leader_duty"]
    assert compare.documents() == (records["003"], records["000"])


def test_gap_banners_stand_where_the_missing_part_belongs(compare, records):
    assert compare.gap_banners("left") == ["▲ This report lacks: Shortcomings and causes (the other report has it)"]
    assert compare.gap_banners("right") == ["▲ This report lacks: Leaders' duty (the other report has it)"]
    for pane, plan in ((compare.left, "二、2023年度推进法治政府建设的主要安排"), (compare.right, "三、下一步工作打算")):
        lines = pane.text.toPlainText().split("\n")
        banner = next(i for i, line in enumerate(lines) if line.startswith("▲"))
        assert lines[banner + 1] == plan  # the gap sits right before next year's plan
        block = pane.text.document().findBlockByNumber(banner)
        assert block.blockFormat().property(GAP_PROPERTY)  # drawn as a red band
        # the banner is display-only: selecting it alone selects no document text
        shown = pane.text.toPlainText()
        at = shown.index("▲")
        cursor = QTextCursor(pane.text.document())
        cursor.setPosition(at)
        cursor.setPosition(shown.index("\n", at), QTextCursor.MoveMode.KeepAnchor)
        pane.text.setTextCursor(cursor)
        assert pane.selection() == (-1, -1)
    # the document text around the banners is intact
    assert compare.left.text.textmap.display_text(records["003"].text) == compare.left.text.toPlainText()


def test_reuse_marks_in_both_panes_are_shared_text(compare, records):
    left, right = records["003"], records["000"]
    assert compare.reuse.left_spans and compare.reuse.right_spans
    lkey, _ = normalize_for_reuse(left.text)
    rkey, _ = normalize_for_reuse(right.text)
    for spans, text, other in ((compare.reuse.right_spans, right.text, lkey), (compare.reuse.left_spans, left.text, rkey)):
        for a, b in spans:
            key, _ = normalize_for_reuse(text[a:b])
            # every marked character lies in a 12-character passage also found in the other report
            found = [i for i in range(len(key) - 11) if key[i:i + 12] in other]
            assert len(key) >= 12 and {j for i in found for j in range(i, i + 12)} == set(range(len(key)))
    for p in compare.reuse.passages:
        assert normalize_for_reuse(right.text[p.right_start:p.right_end])[0] == \
            normalize_for_reuse(left.text[p.left_start:p.left_end])[0]
    shown = compare.right.text.toPlainText()
    marks = compare.right.text.display_marks("reuse")
    assert len(marks) == len(compare.reuse.right_spans)
    assert any("坚持以习近平新时代中国特色社会主义思想为指导" in shown[a:b] for a, b, _k, _l in marks)
    # the prescribed headings, the title and the closing are not counted as reuse
    assert not any(a <= right.text.index("二、存在的不足") < b for a, b in compare.reuse.right_spans)
    assert not any(a <= right.text.index("特此报告") < b for a, b in compare.reuse.right_spans)
    share = compare.shares["shortcomings"]
    assert share.left is None and 0 <= share.right < 0.5
    assert compare.shares["leader_duty"].right is None


def test_longer_minimum_finds_fewer_passages(compare):
    before = sum(b - a for a, b in compare.reuse.right_spans)
    compare.min_length.setValue(30)
    after = sum(b - a for a, b in compare.reuse.right_spans)
    assert after < before
    assert all(len(normalize_for_reuse(compare.right.current_document().text[a:b])[0]) >= 30
               for a, b in compare.reuse.right_spans)


def test_part_card_brings_both_panes_to_the_part(compare, records, qtbot):
    card = next(c for c in compare.cards if c.part.kind == "next_plan")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    for pane, record in ((compare.left, records["003"]), (compare.right, records["000"])):
        start = next(s.start for s in record.sections if s.kind == "next_plan")
        bar = pane.text.verticalScrollBar()  # near the top, unless the text ends first (fonts differ by machine)
        assert in_view(pane, start)
        assert pane.text.y_of_offset(start) < pane.text.viewport().height() // 2 or bar.value() == bar.maximum()
    # a part one report lacks: that pane shows its gap banner
    card = next(c for c in compare.cards if c.part.kind == "shortcomings")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    shortcomings = next(s.start for s in records["000"].sections if s.kind == "shortcomings")
    assert in_view(compare.right, shortcomings)
    gap = next(g for g in compare.gaps if g.side == "left")
    assert in_view(compare.left, gap.position)


def test_choosing_a_heading_in_one_pane_brings_the_other_to_that_part(compare, records, qtbot):
    compare.sync_box.setChecked(False)
    compare.right.legend.outline_toggle.setChecked(True)
    outline = compare.right.outline
    index = outline.model().index(1, 0)  # 二、存在的不足
    assert index.data() == "二、存在的不足"
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualRect(index).center())
    gap = next(g for g in compare.gaps if g.side == "left")
    assert in_view(compare.left, gap.position)


def test_scrolling_is_synchronized_within_parts_and_can_be_switched_off(compare, records, qtbot):
    right, left = compare.right, compare.left
    achievements_r = next(s for s in records["000"].sections if s.kind == "achievements")
    achievements_l = next(s for s in records["003"].sections if s.kind == "achievements")
    middle_r = (achievements_r.start + achievements_r.end) // 2
    right.text.scroll_display_to_y(right.text.textmap.to_display(middle_r), right.text.viewport().height() // 2)
    # the left pane followed: its middle line is inside its own achievements part, proportionally placed
    lm = mid_offset(left)
    assert achievements_l.start < lm < achievements_l.end
    frac_r = (mid_offset(right) - achievements_r.start) / (achievements_r.end - achievements_r.start)
    frac_l = (lm - achievements_l.start) / (achievements_l.end - achievements_l.start)
    assert abs(frac_r - frac_l) < 0.1
    # scrolling the right pane through its shortcomings part keeps the left pane at its gap
    shortcomings = next(s for s in records["000"].sections if s.kind == "shortcomings")
    right.text.scroll_display_to_y(right.text.textmap.to_display(shortcomings.start + 50),
                                   right.text.viewport().height() // 2)
    gap = next(g for g in compare.gaps if g.side == "left")
    assert in_view(left, gap.position)
    before = left.text.verticalScrollBar().value()
    compare.sync_box.setChecked(False)
    right.text.verticalScrollBar().setValue(0)
    assert left.text.verticalScrollBar().value() == before
    compare.sync_box.setChecked(True)  # switching it back on re-aligns the other pane to the one scrolled last
    assert left.text.verticalScrollBar().value() == 0


def test_clicking_a_shared_passage_shows_its_source(compare, records, qtbot):
    right = compare.right
    passage = max(compare.reuse.passages, key=lambda p: p.length)
    right.scroll_to_offset(passage.right_start)
    cursor = QTextCursor(right.text.document())
    cursor.setPosition(right.text.textmap.to_display(passage.right_start + 3))
    qtbot.mouseClick(right.text.viewport(), Qt.MouseButton.LeftButton, pos=right.text.cursorRect(cursor).center())
    assert compare.left.selection() == (passage.left_start, passage.left_end)
    assert in_view(compare.left, passage.left_start)


def test_any_two_reports_including_the_same_one(qtbot, records):
    w = CompareView()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    w.show_pair(records["001"], records["001"])
    assert w.gaps == [] and all(s.left == s.right for s in w.shares.values())
    assert w.shares["shortcomings"].right > 0.95
    w.show_pair(records["004"], records["002"])
    assert [g.kind for g in w.gaps] == ["shortcomings"]
    assert w.gap_banners("left") and not w.gap_banners("right")


def test_switching_language_retranslates_gap_banners(compare, qtbot):
    from desktop.gui import i18n

    if not i18n.set_language(i18n.CHINESE):
        pytest.skip("the Chinese catalog could not be compiled here")
    try:
        qtbot.waitUntil(lambda: compare.gap_banners("left")[0].startswith("▲ 本报告缺少："))
        assert compare.sync_box.text() == "同步滚动"
        assert compare.reuse.right_spans and compare.right.text.display_marks("reuse")
    finally:
        i18n.set_language(i18n.ENGLISH)
    qtbot.waitUntil(lambda: compare.gap_banners("left")[0].startswith("▲ This report lacks:"))


def marks_over(pane, layer: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(a, b) for a, b, _c, _k in pane.text.marks(layer) if a < end and start < b]


def test_changed_wording_pairs_sentences_and_leaves_unchanged_ones_unmarked(compare, records, qtbot):
    old, new = records["003"], records["000"]
    compare.right.text.setFocus()
    qtbot.keyClick(compare.right.text, Qt.Key.Key_F8)  # F8 switches the marks on and goes to the first change
    assert compare.wording_box.isChecked() and compare._change_index == 0
    first = compare.changes[0]
    assert in_view(compare.right, first.right_start) and in_view(compare.left, first.left_start)
    for pane, text in ((compare.left, old.text), (compare.right, new.text)):
        for same in ("特此报告。", "吉林省政务服务和数字化建设管理局\n"):  # in both years' reports word for word
            at = text.rindex(same)
            assert not marks_over(pane, "wording", at, at + len(same))
            assert not marks_over(pane, "wording_sentences", at, at + len(same))
    # the title is one paired sentence: only its year is marked, as a word change
    for pane, text, year in ((compare.left, old.text, "2022"), (compare.right, new.text, "2025")):
        title_end = text.index("报告")
        assert [text[a:b] for a, b in marks_over(pane, "wording", 0, title_end)] == [year]
        assert not marks_over(pane, "wording_sentences", 0, title_end)
    # a part rewritten from end to end is marked whole and pale, not as a comb of single characters
    achievements = next(p for p in compare.parts if p.kind == "achievements")
    assert achievements.right is not None
    whole = marks_over(compare.right, "wording_sentences", achievements.right.start, achievements.right.end)
    assert sum(b - a for a, b in whole) > 0.9 * (achievements.right.end - achievements.right.start)
    assert not marks_over(compare.right, "wording", achievements.right.start, achievements.right.end)
    compare.wording_box.setChecked(False)
    assert not compare.left.text.marks("wording_sentences") and not compare.right.text.marks("wording")


def test_a_hand_edited_copy_shows_exactly_the_edits(qtbot, records):
    from dataclasses import replace

    from desktop.gui.reading.compare_view import WORDING_MOVED

    old = records["003"]
    at = old.text.index("新增21项") + 2
    # a figure changed, and within one paragraph a sentence moved after the next two (lengths and parts unchanged)
    first = old.text.index("一是完成“吉林祥云”")
    second = old.text.index("二是推进电子政务外网")
    after = old.text.index("在今年9月国办公布")
    moved = old.text[first:second]
    text = old.text[:at] + "25" + old.text[at + 2:]
    text = text[:first] + text[second:after] + moved + text[after:]
    edited = replace(old, text=text)
    w = CompareView()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.pair_shown):
        w.show_pair(old, edited)
    w.wording_box.setChecked(True)
    new_place = after - len(moved)
    assert [(c.kind, c.left_start, c.left_end, c.right_start, c.right_end) for c in w.changes] == [
        ("move", first, second, new_place, after), ("replace", at, at + 2, at, at + 2)]
    assert [(a, b) for a, b, _c, _k in w.right.text.marks("wording")] == [(at, at + 2)]
    for pane, span in ((w.left, (first, second)), (w.right, (new_place, after))):
        (mark,) = pane.text.marks("wording_sentences")
        assert mark[:2] == span and mark[2] == WORDING_MOVED and mark[3] == "moved"


def test_the_colours_of_the_changed_wording_are_explained_beside_the_box(compare, qtbot):
    from desktop.gui import i18n

    legend = compare.wording_legend
    assert not legend.isVisible()  # nothing marked, nothing to explain
    compare.wording_box.setChecked(True)
    assert legend.isVisible()
    chips = compare.legend_chips
    assert [chips[k].text() for k in ("removed", "added", "sentence_removed", "sentence_added", "moved")] == [
        "removed", "added", "sentence removed", "sentence added", "moved"]
    # the chips show the colours the marks are painted in (whole sentences: the pale version)
    from desktop.gui.reading.text_pane import pale

    (word_colour,) = {c.name() for _a, _b, c, _k in compare.left.text.marks("wording")}
    assert f"background: {word_colour};" in chips["removed"].styleSheet()
    (sentence_colour,) = {pale(c).name() for _a, _b, c, _k in compare.right.text.marks("wording_sentences")}
    assert f"background: {sentence_colour};" in chips["sentence_added"].styleSheet()
    if not i18n.set_language(i18n.CHINESE):
        pytest.skip("the Chinese catalog could not be loaded here")
    try:
        qtbot.waitUntil(lambda: chips["moved"].text() == "移动")
        assert chips["sentence_removed"].text() == "整句删去"
    finally:
        i18n.set_language(i18n.ENGLISH)
    compare.wording_box.setChecked(False)
    assert not legend.isVisible()
