"""Changed wording between two versions of a part: sentences paired first, then words removed on the left and added
on the right; checked on a real report edited by hand and on two years of one agency."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.core.compare.alignment import align_parts
from desktop.core.compare.sentences import split_sentences
from desktop.core.compare.wording import (
    Change,
    changed_share,
    document_changes,
    sentence_changes,
    tokens,
    wording_changes,
)
from desktop.core.ingest import read_report
from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document, list_documents
from desktop.core.text import fold_width


def apply(left: str, right: str, changes: list[Change]) -> str:
    """Rebuild the right text from the left one and the changes (the changes are complete and exact)."""
    out, at = [], 0
    for c in changes:
        out.append(left[at:c.left_start])
        out.append(right[c.right_start:c.right_end])
        at = c.left_end
    out.append(left[at:])
    return "".join(out)


def test_identical_texts_have_no_changes():
    assert wording_changes("推进依法行政。", "推进依法行政。") == []
    assert changed_share([], 7, 7) == 0.0


def test_a_changed_year_is_one_change_not_four():
    left, right = "2023年全面推进依法行政", "2024年全面推进依法行政"
    changes = wording_changes(left, right)
    assert changes == [Change("replace", 0, 4, 0, 4)]
    assert tokens("APP上线2024年")[:2] == [(0, 3), (3, 4)]


def test_added_and_removed_words_are_placed_exactly():
    left = "我局坚持以习近平法治思想为指导，认真落实法治政府建设实施纲要。"
    right = "我局坚持以习近平法治思想为指导，全面落实法治政府建设实施纲要，取得明显成效。"
    changes = wording_changes(left, right)
    assert apply(left, right, changes) == right
    kinds = [c.kind for c in changes]
    assert "replace" in kinds  # 认真 → 全面
    first = changes[0]
    assert left[first.left_start:first.left_end] == "认真" and right[first.right_start:first.right_end] == "全面"
    last = changes[-1]
    assert "取得明显成效" in right[last.right_start:last.right_end]


def test_a_one_character_island_is_folded_into_the_change_around_it():
    left, right = "加强监督检查工作", "强化执法监督工作"
    apart = wording_changes(left, right, merge_gap=0)
    folded = wording_changes(left, right)
    assert len(folded) <= len(apart)
    assert apply(left, right, folded) == right and apply(left, right, apart) == right


def test_pure_insertions_and_deletions():
    assert wording_changes("甲乙丙", "甲乙丙丁") == [Change("insert", 3, 3, 3, 4)]
    assert wording_changes("甲乙丙丁", "甲乙丙") == [Change("delete", 3, 4, 3, 3)]
    assert wording_changes("", "新增") == [Change("insert", 0, 0, 0, 2)]


def test_changed_share_grows_with_the_changes():
    left, right = "一二三四五六七八九十", "一二三四五甲乙丙丁戊"
    assert 0.4 <= changed_share(wording_changes(left, right), len(left), len(right)) <= 0.6


# --- sentences paired first (sentence_changes, document_changes) ----------------------------------------------------

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed_text(prefix: str) -> str:
    return read_report(next(SEEDS.glob(f"{prefix}_*.txt"))).text


@pytest.fixture(scope="module")
def jilin():
    """吉林省 政务服务和数字化建设管理局, 2022 (seed 003) and 2025 (seed 000), as stored: (text, sections, clutter)."""
    db = open_database(":memory:")
    import_paths(db, [SEEDS])
    records = {d.name[:3]: get_document(db, d.id) for d in list_documents(db)}
    db.conn.close()
    return records["003"], records["000"]


def unmarked(text: str, spans: list[tuple[int, int]]) -> str:
    """The characters no span covers, width folded, white space dropped."""
    covered = bytearray(len(text))
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    return "".join(fold_width(ch) for i, ch in enumerate(text) if not covered[i] and not ch.isspace())


def check_complete(left: str, right: str, changes: list[Change]) -> None:
    """Marks lie within the texts, never overlap on one side, and what is left unmarked is the same on both sides."""
    for side, length in (("left", len(left)), ("right", len(right))):
        spans = sorted((getattr(c, f"{side}_start"), getattr(c, f"{side}_end")) for c in changes)
        assert all(0 <= a <= b <= length for a, b in spans)
        nonempty = [s for s in spans if s[1] > s[0]]
        assert all(x[1] <= y[0] for x, y in zip(nonempty, nonempty[1:], strict=False)), nonempty
    assert unmarked(left, [(c.left_start, c.left_end) for c in changes]) == \
        unmarked(right, [(c.right_start, c.right_end) for c in changes])


def test_a_hand_made_edit_of_a_real_report_is_marked_exactly():
    left = seed_text("003")  # 吉林省 2022
    s = split_sentences(left)
    number = left.index("新增21项", s[23].start) + 2
    new_sentence = "全年新增网上可办事项一千余项。"
    # From the end, so that earlier offsets stay valid: a changed figure (sentence 23), an inserted sentence (after
    # 17), sentence 12 moved after sentence 15, sentence 10 deleted.
    right = left[:number] + "25" + left[number + 2:]
    right = right[:s[17].end] + new_sentence + right[s[17].end:]
    moved = left[s[12].start:s[12].end]
    right = right[:s[16].start] + moved + right[s[16].start:]
    right = right[:s[12].start] + right[s[12].end:]
    right = right[:s[10].start] + right[s[10].end:]
    shift = s[10].end - s[10].start
    moved_at = s[16].start - shift - len(moved)
    inserted_at = s[17].end - shift
    changes = sentence_changes(left, right)
    assert changes == [
        Change("delete", s[10].start, s[10].end, s[10].start, s[10].start, True),
        Change("move", s[12].start, s[12].end, moved_at, moved_at + len(moved), True),
        Change("insert", s[17].end, s[17].end, inserted_at, inserted_at + len(new_sentence), True),
        Change("replace", number, number + 2, number - shift + len(new_sentence), number - shift + len(new_sentence) + 2),
    ]
    assert right[changes[-1].right_start:changes[-1].right_end] == "25"
    assert right[changes[1].right_start:changes[1].right_end] == moved
    check_complete(left, right, changes)


def test_identical_and_width_only_different_texts_have_no_changes():
    text = seed_text("000")
    assert sentence_changes(text, text) == []
    # the other width of commas, colons, brackets and digits (as 2022's and 2025's reports differ), spaces before line ends
    other = text.translate({ord("，"): ",", ord("："): ":", ord("（"): "(", ord("）"): ")",
                            **{ord(d): chr(ord(d) + 0xFEE0) for d in "0123456789"}}).replace("\n", " \n")
    assert other != text and sentence_changes(text, other) == []


def test_two_years_of_one_agency_leave_unchanged_sentences_unmarked(jilin):
    old, new = jilin
    parts = [((p.left.start, p.left.end), (p.right.start, p.right.end))
             for p in align_parts(old.sections, new.sections) if p.left is not None and p.right is not None]
    changes = document_changes(old.text, new.text, parts, skip_left=[(c.start, c.end) for c in old.clutter],
                               skip_right=[(c.start, c.end) for c in new.clutter])
    left_keys = {s.key: s for s in split_sentences(old.text)}
    same = [(left_keys[s.key], s) for s in split_sentences(new.text) if s.key in left_keys]
    assert [new.text[b.start:b.end] for _a, b in same] == ["特此报告。", "吉林省政务服务和数字化建设管理局"]
    for a, b in same:
        assert not [c for c in changes if c.left_start < a.end and a.start < c.left_end]
        assert not [c for c in changes if c.right_start < b.end and b.start < c.right_end]
    # the title differs only by its year: that year is all that is marked in it
    title_old, title_new = split_sentences(old.text)[0], split_sentences(new.text)[0]
    inside = [c for c in changes if c.right_start < title_new.end and title_new.start < c.right_end]
    assert [(old.text[c.left_start:c.left_end], new.text[c.right_start:c.right_end]) for c in inside] == \
        [("2022", "2025")]
    assert inside[0].left_end <= title_old.end
    # the paired opening sentences show word changes, not a wholesale replacement; rewritten parts are whole
    assert any(not c.sentences for c in changes) and any(c.sentences for c in changes)
    for (ls, le), (rs, re_) in parts:  # nothing of a pair of parts is left out
        check_complete(old.text[ls:le], new.text[rs:re_],
                       [Change(c.kind, c.left_start - ls, c.left_end - ls, c.right_start - rs, c.right_end - rs)
                        for c in changes if ls <= c.left_start and c.left_end <= le
                        and rs <= c.right_start and c.right_end <= re_])


def test_a_part_nested_in_another_is_compared_with_its_own_counterpart_only():
    left = "一、成效\n甲乙丙丁戊己庚。\n（一）领导职责\n主要负责人履行第一责任人职责。\n"
    right = "一、成效\n甲乙丙丁戊己辛。\n二、领导职责\n主要负责人认真履行第一责任人职责。\n"
    outer_left, nested_left = (0, len(left)), (left.index("（一）"), len(left))
    nested_right = (right.index("二、"), len(right))
    outer_right = (0, nested_right[0])
    changes = document_changes(left, right, [(outer_left, outer_right), (nested_left, nested_right)])
    marked = [(left[c.left_start:c.left_end], right[c.right_start:c.right_end]) for c in changes]
    assert marked == [("庚", "辛"), ("（一）", "二、"), ("", "认真")]


def test_text_outside_the_parts_is_compared_and_clutter_is_not():
    left = "关于2022年度的报告\n第1页\n一、成效\n全年开展学习六次。\n特此报告。\n"
    right = "关于2025年度的报告\n第7页\n一、成效\n全年开展学习八次。\n特此报告。\n"
    lp = (left.index("一、"), left.index("特此"))
    rp = (right.index("一、"), right.index("特此"))
    clutter_l, clutter_r = (left.index("第1页"), left.index("第1页") + 3), (right.index("第7页"), right.index("第7页") + 3)
    changes = document_changes(left, right, [(lp, rp)], skip_left=[clutter_l], skip_right=[clutter_r])
    marked = [(left[c.left_start:c.left_end], right[c.right_start:c.right_end]) for c in changes]
    assert marked == [("2022", "2025"), ("六", "八")]


chinese = st.sampled_from(list("法治政府建设推进依法行政年度报告数字化改革一二三12，、。；！\n 　"))


@settings(max_examples=200, deadline=None)
@given(st.lists(chinese, max_size=120).map("".join), st.lists(chinese, max_size=120).map("".join))
@example("法法", "法\n法")  # a line break alone cuts one copy of a sentence in two: not a change
@example("法法法", "法法\n法")  # the same where the half alone is as alike (same bigram set) as the whole
@example("依法行政。推进法治", "依法行政\n推进法治")
def test_marks_lie_within_the_texts_and_cover_every_difference(left, right):
    changes = sentence_changes(left, right)
    check_complete(left, right, changes)
    assert (changes == []) == (unmarked(left, []) == unmarked(right, []))


@settings(max_examples=100, deadline=None)
@given(st.lists(chinese, max_size=200).map("".join))
def test_identical_texts_give_no_marks(text):
    assert sentence_changes(text, text) == []
    assert document_changes(text, text, [((0, len(text) // 2), (0, len(text) // 2))]) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(chinese, min_size=1, max_size=150).map("".join), st.lists(chinese, min_size=1, max_size=150).map("".join),
       st.lists(st.tuples(st.integers(0, 150), st.integers(0, 150), st.integers(0, 150), st.integers(0, 150)),
                max_size=4))
def test_parts_in_any_arrangement_give_marks_within_the_texts_that_never_overlap(left, right, cuts):
    """Nested, overlapping, repeated or empty parts (segmentation can give any of them): each passage is compared
    once, so no two marks overlap on one side."""
    parts = [((min(a, b) % (len(left) + 1), max(a, b) % (len(left) + 1)),
              (min(c, d) % (len(right) + 1), max(c, d) % (len(right) + 1))) for a, b, c, d in cuts]
    parts = [((min(l0), max(l0)), (min(r0), max(r0))) for l0, r0 in parts]
    changes = document_changes(left, right, parts)
    for side, length in (("left", len(left)), ("right", len(right))):
        spans = sorted((getattr(c, f"{side}_start"), getattr(c, f"{side}_end")) for c in changes)
        assert all(0 <= a <= b <= length for a, b in spans)
        nonempty = [s for s in spans if s[1] > s[0]]
        assert all(x[1] <= y[0] for x, y in zip(nonempty, nonempty[1:], strict=False)), (parts, nonempty)
    if left == right and all(lp == rp for lp, rp in parts):
        assert changes == []


def test_a_sentence_wrapped_across_lines_in_one_copy_is_compared_word_by_word():
    """A copy made from a PDF breaks lines inside sentences: the wrapped sentence is the same passage, so only the
    word that really changed is marked, not the two halves whole."""
    left = "一、主要举措\n全年组织领导干部集中学法六次，开展行政执法人员培训两期。\n"
    right = "一、主要举措\n全年组织领导干部集中学法八次，开展行政\n执法人员培训两期。\n"
    marked = [(left[c.left_start:c.left_end], right[c.right_start:c.right_end]) for c in sentence_changes(left, right)]
    assert marked == [("六", "八")]
    unchanged = right.replace("\n执法", "执法").replace("行政执法", "行政\n执法")
    assert sentence_changes(right, unchanged) == []
