"""Sentences of two versions paired as diff tools pair lines: split, similarity, the order-preserving pairing."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.compare.sentences import (
    LONGEST,
    MIN_SIMILARITY,
    _candidates,
    _grams,
    pair_sentences,
    sentence_key,
    similarity,
    split_sentences,
)


def texts(sentences):
    return [s.key for s in sentences]


def test_sentences_end_at_chinese_and_western_stops_and_at_line_ends():
    text = "一、总体情况\n  全年开展学习6次。印发《方案》；完成了吗？是的！end; “引号内。”之后\n"
    spans = [text[s.start:s.end] for s in split_sentences(text)]
    assert spans == ["一、总体情况", "全年开展学习6次。", "印发《方案》；", "完成了吗？", "是的！", "end;", "“引号内。”",
                     "之后"]


def test_only_white_space_lies_between_sentences():
    text = " 第一句。\n\n　第二句，没有句号\n第三句。。  \n"
    covered = set()
    for s in split_sentences(text):
        assert text[s.start:s.end] == text[s.start:s.end].strip()
        covered.update(range(s.start, s.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_a_run_on_paragraph_is_cut_into_pieces_at_commas():
    text = "，".join(["推进依法行政工作"] * 200) + "。"
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(s.end - s.start <= LONGEST for s in pieces)
    assert "".join(text[s.start:s.end] for s in pieces) == text
    assert all(text[s.end - 1] in "，。" for s in pieces)  # cut after a comma, not inside a word


def test_the_key_folds_width_and_drops_spaces():
    assert sentence_key("全年开展学习６次，共 计 ３ 天。") == sentence_key("全年开展学习6次,共计3天.")
    assert similarity("全年开展学习6次。", "全年开展学习６次，") == 1.0


def test_a_changed_figure_keeps_a_sentence_similar_and_a_new_topic_does_not():
    old = "推动省科学技术厅、省交通运输厅等部门新增21项、取消3项、调整21项行政权力。"
    assert similarity(old, old.replace("新增21项", "新增25项")) >= 0.8
    assert similarity(old, "指导长春净月高新技术产业开发区获评国家数据产业集聚区建设试点。") < MIN_SIMILARITY


def test_pairs_follow_the_order_and_moves_are_found():
    left = split_sentences("甲乙丙丁戊己。庚辛壬癸子丑。寅卯辰巳午未。申酉戌亥天地。")
    # the second sentence moved to the end, the first changed by one character
    right = split_sentences("甲乙丙丁戊庚。寅卯辰巳午未。申酉戌亥天地。庚辛壬癸子丑。")
    pairing = pair_sentences(left, right)
    assert [(i, j) for i, j, _s in pairing.pairs] == [(0, 0), (2, 1), (3, 2)]
    assert pairing.moves == ((1, 3),)


def test_a_sentence_without_a_similar_counterpart_stays_unpaired():
    left = split_sentences("全年开展专题学习研讨六次。")
    right = split_sentences("上线公共资源交易智慧监测系统。")
    assert pair_sentences(left, right).pairs == () and pair_sentences(left, right).moves == ()


def test_each_sentence_goes_to_its_most_similar_counterpart():
    left = split_sentences("完成全省政务服务事项梳理工作。")
    right = split_sentences("完成全省政务服务事项梳理。完成全省政务服务事项梳理工作任务。")
    (pair,) = pair_sentences(left, right).pairs
    assert pair[1] == 1 and pair[2] == similarity(left[0].key, right[1].key)


units = st.sampled_from(list("法治政府建设推进依法行政年度报告数字化12"))
sentence_texts = st.lists(units, min_size=1, max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(sentence_texts, max_size=12), st.lists(sentence_texts, max_size=12),
       st.sampled_from([0.3, 0.5, 0.8]))
def test_the_prefix_filter_finds_exactly_the_pairs_a_full_comparison_finds(left, right, threshold):
    lg, rg = [_grams(sentence_key(t)) for t in left], [_grams(sentence_key(t)) for t in right]
    brute = {(i, j) for i, j in itertools.product(range(len(lg)), range(len(rg)))
             if 2 * len(lg[i] & rg[j]) / (len(lg[i]) + len(rg[j])) >= threshold}
    assert {(i, j) for i, j, _d in _candidates(lg, rg, threshold)} == brute


@settings(max_examples=150, deadline=None)
@given(st.lists(sentence_texts, max_size=10), st.lists(sentence_texts, max_size=10))
def test_a_pairing_is_in_order_above_the_threshold_and_uses_each_sentence_once(left, right):
    ls, rs = split_sentences("。".join(left)), split_sentences("。".join(right))
    pairing = pair_sentences(ls, rs)
    pairs = [(i, j) for i, j, _s in pairing.pairs]
    assert pairs == sorted(pairs) and len({j for _i, j in pairs}) == len(pairs)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(pairs))
    assert all(s >= MIN_SIMILARITY for _i, _j, s in pairing.pairs)
    used_left = [i for i, _j in pairs] + [i for i, _j in pairing.moves]
    used_right = [j for _i, j in pairs] + [j for _i, j in pairing.moves]
    assert len(set(used_left)) == len(used_left) and len(set(used_right)) == len(used_right)
    assert all(ls[i].key == rs[j].key for i, j in pairing.moves)
