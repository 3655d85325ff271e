"""Names of one body share a key; names of different bodies do not; short names join a fuller one only when one fits."""

from __future__ import annotations

import random

import pytest

from desktop.core.agencies.identity import agency_key, place_completions, read_short_forms
from desktop.core.errors import ReviewDeskError

PLACES = ["吉林省", "天津市静海区", "梨树县", "西安市雁塔区", "清远市", "将乐县古镛镇", "广州市白云区"]
BODIES = ["司法局", "教育局", "生态环境局", "交通运输局", "政务服务和数字化建设管理局", "卫生健康委员会", "人民政府办公室"]


@pytest.mark.parametrize("place", ["梨树县", "天津市静海区", "古镛镇", "湖北省", "许昌市", "雁塔区"])
def test_government_in_its_forms_is_one_key(place):
    forms = {agency_key(f"{place}人民政府"), agency_key(f"{place}政府"), agency_key(place),
             agency_key(f" {place}人民政府 "), agency_key(f"{place}人民政府（盖章）")}
    assert len(forms) == 1


def test_every_short_form_of_the_list_means_its_full_form():
    rng = random.Random(3)
    for short, full in read_short_forms():
        place = rng.choice(PLACES)
        assert agency_key(place + short) == agency_key(place + full), (short, full)


@pytest.mark.parametrize(("a", "b"), [
    ("中共双牌县教育局党组", "双牌县教育局"),
    ("中华人民共和国司法部", "司法部"),
    ("高平市北城街街道办事处", "高平市北城街街道"),
    ("西安市雁塔区人民政府办公室(区政府办)", "西安市雁塔区政府办"),
    ("吉林省政数局", "吉林省政务服务和数字化建设管理局"),
    ("ＸＸ县人民政府", "xx县政府"),
])
def test_forms_of_one_body(a, b):
    assert agency_key(a) == agency_key(b)


def test_different_bodies_keep_different_keys():
    keys = {agency_key(p + b) for p in PLACES for b in BODIES}
    assert len(keys) == len(PLACES) * len(BODIES)
    assert agency_key("长春市政务服务和数字化建设管理局") != agency_key("吉林省政务服务和数字化建设管理局")
    assert agency_key("古镛镇人民政府") != agency_key("中共古镛镇委员会")  # a party committee is not its government


def test_nothing_is_no_key():
    assert agency_key(None) == agency_key("") == agency_key("   ") == ""


def test_a_short_name_joins_the_one_fuller_name_that_only_adds_places():
    keys = {agency_key(n) for n in ["天津市静海区人民政府", "静海区", "吉林省政务服务和数字化建设管理局", "省政数局",
                                      "清远市教育局", "乐昌市教育局", "教育局", "西安市雁塔区司法局", "雁塔区司法局"]}
    links = place_completions(keys)
    assert links[agency_key("静海区")] == agency_key("天津市静海区人民政府")
    assert links[agency_key("省政数局")] == agency_key("吉林省政务服务和数字化建设管理局")
    assert links[agency_key("雁塔区司法局")] == agency_key("西安市雁塔区司法局")
    assert agency_key("教育局") not in links  # 清远 or 乐昌: two bodies could be meant, nothing guessed
    assert agency_key("清远市教育局") not in links


def test_generated_names_group_exactly_by_body():
    """Random bodies named in random forms: two names share a key (after completion) iff they name one body."""
    rng = random.Random(11)
    provinces = ["吉林省", "江苏省", "湖北省"]
    cities = ["长春市", "苏州市", "宜昌市", "通化市"]
    counties = ["梨树县", "昆山县", "秭归县", "辉南县", "农安县"]
    bodies = []
    for i in range(40):
        chain = [rng.choice(provinces), rng.choice(cities), counties[i % len(counties)]][: rng.randint(1, 3)]
        body = rng.choice(BODIES + ["人民政府"])
        bodies.append((tuple(chain), body))
    bodies = list(dict.fromkeys(bodies))
    names: list[tuple[int, str]] = []
    for index, (chain, body) in enumerate(bodies):
        full = "".join(chain) + body
        forms = [full, full.replace("人民政府", "政府"), " " + full, full + "（印）"]
        names += [(index, rng.choice(forms)) for _ in range(3)]
    keys = [agency_key(n) for _, n in names]
    links = place_completions(set(keys))
    final = [links.get(k, k) for k in keys]
    for (i, a), ka in zip(names, final, strict=True):
        for (j, b), kb in zip(names, final, strict=True):
            assert (ka == kb) == (i == j), (a, b)


def test_a_broken_short_forms_file_is_named_with_its_line(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("# comment\n政数局\t政务服务和数字化建设管理局\n只有一列\n", encoding="utf-8")
    with pytest.raises(ReviewDeskError, match=r"short.txt, line 3"):
        read_short_forms(path)
    with pytest.raises(ReviewDeskError, match="cannot read"):
        read_short_forms(tmp_path / "missing.txt")
