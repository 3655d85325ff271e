"""Pinyin order of names (issue 18): the key sorts Chinese names as WPS and Excel do, place names read as they are
said, whatever else the name holds (Latin letters, digits, brackets, full-width forms)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypinyin.contrib.tone_convert import to_tone3

from desktop.core.collation import PLACE_READINGS, pinyin_readings, pinyin_sort_key

# Real agencies (prefecture and county level), in the order a person sorting by pinyin writes them down.
EXPECTED_ORDER = [
    "阿坝州司法局",          # a1
    "蚌埠市司法局",          # beng4
    "亳州市人民政府",        # bo2
    "长春市司法局",          # chang2 chun1
    "长沙县司法局",          # chang2 sha1
    "长治市人民政府",        # chang2 zhi4 (not zhang3)
    "朝阳区司法局",          # chao2 (not zhao1)
    "重庆市人民政府",        # chong2 (not zhong4)
    "丰台区司法局",          # feng1
    "和平区司法局",          # he2
    "吉林省司法厅",          # ji2 lin2 sheng3 si1
    "吉林省政务服务和数字化建设管理局",  # ji2 lin2 sheng3 zheng4
    "梨树县政务服务和数据局",  # li2
    "六安市司法局",          # lu4 (not liu4)
    "单县人民政府",          # shan4 (not dan1)
    "天津市司法局",          # tian1
    "厦门市司法局",          # xia4 (not sha4)
    "乐清市人民政府",        # yue4 qing1 (not le4)
    "岳阳市司法局",          # yue4 yang2
]


def test_real_agencies_sort_in_pinyin_order():
    shuffled = EXPECTED_ORDER[::2] + EXPECTED_ORDER[1::2]
    assert sorted(shuffled, key=pinyin_sort_key) == EXPECTED_ORDER
    assert sorted(EXPECTED_ORDER) != EXPECTED_ORDER  # code point order is not the pinyin order


@pytest.mark.parametrize(("name", "reading"), [
    ("长沙", "chang2 sha1"), ("长春", "chang2 chun1"), ("长治", "chang2 zhi4"), ("长子县", "zhang3 zi3 xian4"),
    ("重庆", "chong2 qing4"), ("厦门", "xia4 men2"), ("蚌埠", "beng4 bu4"), ("六安", "lu4 an1"),
    ("朝阳区", "chao2 yang2 qu1"), ("单县", "shan4 xian4"), ("番禺区", "pan1 yu2 qu1"), ("乐清", "yue4 qing1"),
    ("乐山", "le4 shan1"), ("亳州", "bo2 zhou1"), ("铅山县", "yan2 shan1 xian4"), ("东阿县", "dong1 e1 xian4"),
    ("天台县", "tian1 tai1 xian4"), ("洪洞县", "hong2 tong2 xian4"), ("涡阳县", "guo1 yang2 xian4"),
])
def test_place_names_are_read_as_they_are_said(name, reading):
    assert " ".join(pinyin_readings(name)) == reading


def test_every_corrected_place_reading_is_the_one_written():
    for name, reading in PLACE_READINGS.items():
        assert pinyin_readings(name) == [to_tone3(s) for s in reading.split()], name


def test_latin_digits_and_brackets():
    names = ["阿坝州司法局", "ABC公司", "2号楼", "ｂ区管委会"]
    # Latin letters take their place among the syllables: a0 (A) before a1 (阿) before b0 (full-width ｂ)
    assert sorted(names, key=pinyin_sort_key) == ["2号楼", "ABC公司", "阿坝州司法局", "ｂ区管委会"]
    assert pinyin_sort_key("（吉林）省") < pinyin_sort_key("天津")  # ji before tian: the bracket is not read
    assert pinyin_sort_key("吉林") < pinyin_sort_key("吉林省")  # a name before its longer namesakes


@pytest.mark.parametrize("name", [None, "", "   "])
def test_no_name_has_no_key(name):
    assert pinyin_sort_key(name) is None


@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1), max_size=8))
def test_the_key_is_a_total_order_that_tells_names_apart(names):
    keys = {name: pinyin_sort_key(name) for name in names}
    for name, key in keys.items():
        assert (key is None) == (not name.strip())
    distinct = {k for k in keys.values() if k is not None}
    assert len(distinct) == len({n for n in names if n.strip()})  # different names never share a key
