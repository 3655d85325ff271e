"""Changed wording between two versions of a part: words removed on the left, added on the right."""

from __future__ import annotations

from desktop.core.compare.wording import Change, changed_share, tokens, wording_changes


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
