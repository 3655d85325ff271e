"""Text reuse: shared passages after normalization, exact coverage, passages, per-part shares."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.compare.reuse import countable_prefix, find_reuse, normalize_for_reuse, reuse_share


def covered_positions(spans):
    return {p for a, b in spans for p in range(a, b)}


def brute_force_covered(left_key: str, right_key: str, k: int) -> set[int]:
    """Key indices of ``right_key`` lying in some substring of length >= k that also occurs in ``left_key``."""
    out: set[int] = set()
    for i in range(len(right_key)):
        for j in range(i + k, len(right_key) + 1):
            if right_key[i:j] in left_key:
                out.update(range(i, j))
    return out


@settings(max_examples=150)
@given(st.text(alphabet="ab法治。 \n", max_size=40), st.text(alphabet="ab法治，\n", max_size=40), st.integers(2, 5))
def test_reused_characters_are_exactly_those_in_long_enough_shared_substrings(left, right, k):
    lkey, _ = normalize_for_reuse(left)
    rkey, rpos = normalize_for_reuse(right)
    reuse = find_reuse(left, right, min_length=k)
    expected = {rpos[i] for i in brute_force_covered(lkey, rkey, k)}
    got = {p for p in covered_positions(reuse.right_spans) if not right[p].isspace()}
    assert got == expected
    # symmetric on the left side
    lkey2, lpos = normalize_for_reuse(left)
    expected_left = {lpos[i] for i in brute_force_covered(rkey, lkey2, k)}
    assert {p for p in covered_positions(reuse.left_spans) if not left[p].isspace()} == expected_left


@settings(max_examples=100)
@given(st.text(alphabet="abc法治，。\n", max_size=60), st.text(alphabet="abc法治，。\n", max_size=60))
def test_passages_repeat_left_text_and_lie_in_reused_spans(left, right):
    reuse = find_reuse(left, right, min_length=4)
    right_covered = covered_positions(reuse.right_spans)
    left_covered = covered_positions(reuse.left_spans)
    for p in reuse.passages:
        lk, _ = normalize_for_reuse(left[p.left_start:p.left_end])
        rk, _ = normalize_for_reuse(right[p.right_start:p.right_end])
        assert lk == rk and len(rk) >= 4
        assert set(range(p.right_start, p.right_end)) <= right_covered
        assert set(range(p.left_start, p.left_end)) <= left_covered
    starts = [p.right_start for p in reuse.passages]
    assert starts == sorted(starts)


def test_width_punctuation_and_line_breaks_do_not_hide_reuse():
    left = "一是法治理论学习的系统性和深度仍有提升空间，需要加强。"
    right = "（一）一是法治理论学习的\n系统性和深度仍有提升空间,需要加强.\n"
    reuse = find_reuse(left, right)
    assert len(reuse.passages) == 1
    p = reuse.passages[0]
    assert right[p.right_start:p.right_end].startswith("一是法治理论学习的\n系统性")
    assert left[p.left_start:p.left_end] == left[:len(left)]
    assert reuse.left_spans == [(0, len(left))]


def test_threshold_is_respected():
    shared = "数据领域法治化建设有"  # 10 characters
    left = "甲" * 5 + shared + "乙" * 5
    right = "丙" * 5 + shared + "丁" * 5
    assert find_reuse(left, right, min_length=11).right_spans == []
    assert find_reuse(left, right, min_length=10).right_spans == [(5, 15)]


def test_ignored_spans_neither_match_nor_join_passages():
    heading = "二、存在的不足和原因"
    left = heading + "\n甲乙丙丁"
    right = heading + "\n戊己庚辛"
    ignore_left = [(0, len(heading))]
    ignore_right = [(0, len(heading))]
    assert find_reuse(left, right, min_length=6).right_spans == [(0, len(heading))]
    assert find_reuse(left, right, min_length=6, left_ignore=ignore_left, right_ignore=ignore_right).right_spans == []
    # a passage does not run across an ignored span
    l2 = "法治政府建设年度报告XX法治政府建设年度报告"
    r2 = "法治政府建设年度报告YY法治政府建设年度报告"
    reuse = find_reuse(l2, r2, min_length=6, right_ignore=[(10, 12)])
    assert reuse.right_spans == [(0, 10), (12, 22)]
    assert all(not (p.right_start < 12 and p.right_end > 10) for p in reuse.passages)


def test_repetitive_text_stays_correct():
    left = "法治" * 500
    right = "治法" * 300
    reuse = find_reuse(left, right)
    assert reuse.right_spans == [(0, 600)]
    assert sum(p.length for p in reuse.passages) == 600


def test_reuse_share_counts_visible_characters_only():
    text = "甲乙丙\n丁戊己"
    prefix = countable_prefix(text, ignore=[(4, 5)])
    assert prefix[-1] == 5
    assert reuse_share([(0, 2)], 0, len(text), prefix) == 2 / 5
    assert reuse_share([(0, 7)], 4, 7, prefix) == 1.0
    assert reuse_share([], 3, 4, prefix) is None


def test_no_reuse_between_unrelated_texts():
    reuse = find_reuse("推进法治政府建设取得明显成效" * 3, "存在的不足主要体现在以下方面" * 3)
    assert reuse.left_spans == reuse.right_spans == reuse.passages == []
