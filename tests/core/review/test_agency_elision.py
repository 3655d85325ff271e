"""Agency names shortened to a column's width (issue 18): the place kept, the body's distinguishing part shown, and
the names shown together kept apart — for agencies of one county, one body in several counties, very long names,
names without a place and names in Latin letters. Widths are in half-characters here (a Chinese character and the
ellipsis 2, a Latin letter 1), as a Chinese font draws them."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.core.review.agency_elision import (
    ELLIPSIS,
    distinct_elisions,
    elide_agency,
    place_levels,
    short_level,
    split_agency,
)


def measure(text: str) -> int:
    return sum(2 if ord(c) >= 0x2000 else 1 for c in text)


def chars(n: int) -> int:
    """The width of ``n`` Chinese characters."""
    return 2 * n


def from_name(shown: str, name: str) -> bool:
    """The shown text is the name's own: whole, its lower place and body, or a start and an end around one '…' —
    of the name as written or with its autonomous areas by their short names (伊通满族自治县 -> 伊通县)."""
    place, body = split_agency(name)
    short = "".join(short_level(level) for level in place_levels(place)) + body
    return _from(shown, name) or _from(shown, short)


def _from(shown: str, name: str) -> bool:
    if ELLIPSIS not in shown:
        return name.endswith(shown)
    start, end = shown.split(ELLIPSIS)
    return name.endswith(end) and start.rstrip() in name[:len(name) - len(end)]


ONE_COUNTY = ["梨树县政务服务和数字化建设管理局", "梨树县政务服务中心", "梨树县人力资源和社会保障局", "梨树县司法局",
              "梨树县财政局", "梨树县发展和改革局", "梨树县市场监督管理局", "梨树县生态环境局", "梨树县人民政府"]
ONE_BODY = ["梨树县司法局", "双辽市司法局", "伊通满族自治县司法局", "公主岭市司法局", "四平市铁西区司法局"]


@pytest.mark.parametrize("room", range(7, 16))
def test_agencies_of_one_county_show_the_county_and_differ(room):
    shown = distinct_elisions(ONE_COUNTY, chars(room), measure)
    assert len(set(shown.values())) == len(ONE_COUNTY), shown
    for name, text in shown.items():
        assert measure(text) <= chars(room)
        assert text.startswith("梨树县"), (room, text)
        assert from_name(text, name), (name, text)


def test_the_issues_examples_at_a_narrow_column():
    """Place and body: 梨树县 with its body's start and kind; the 吉林省 agency by its body's start."""
    names = ["梨树县政务服务和数字化建设管理局", "梨树县政务服务中心", "梨树县人力资源和社会保障局"]
    shown = distinct_elisions(names, chars(7), measure)
    assert shown == {"梨树县政务服务和数字化建设管理局": "梨树县…管理局", "梨树县政务服务中心": "梨树县政…中心",
                     "梨树县人力资源和社会保障局": "梨树县人力…局"}
    assert elide_agency("吉林省政务服务和数字化建设管理局", chars(8), measure) == "吉林省政务服务…"  # the issue's own example
    assert elide_agency("吉林省政务服务和数字化建设管理局", chars(9), measure) == "吉林省政务…管理局"


@pytest.mark.parametrize("room", range(6, 12))
def test_one_body_in_several_counties_keeps_each_place(room):
    shown = distinct_elisions(ONE_BODY, chars(room), measure)
    assert len(set(shown.values())) == len(ONE_BODY), shown
    for name, text in shown.items():
        place, _body = split_agency(name)
        lowest = "铁西区" if "铁西区" in place else place
        assert lowest in text or text.startswith(place[:2]), (name, text)
        assert from_name(text, name)


def test_a_place_of_several_levels_gives_up_its_upper_levels_first():
    name = "吉林省长春市朝阳区人力资源和社会保障局"
    assert elide_agency(name, chars(12), measure) == "朝阳区人力资源和社会保障局"[:0] + "长春市朝阳区人力…保障局"
    assert elide_agency(name, chars(9), measure) == "朝阳区人力…保障局"
    assert elide_agency("吉林省长春市朝阳区司法局", chars(6), measure) == "朝阳区司法局"
    # the same district name in two cities, shown together: told apart by their cities
    both = ["吉林省长春市朝阳区司法局", "北京市朝阳区司法局"]
    shown = distinct_elisions(both, chars(8), measure)
    assert shown["北京市朝阳区司法局"] == "北京市朝阳区司法局"[:0] + "北京市朝阳…法局" or len(set(shown.values())) == 2
    assert len(set(shown.values())) == 2, shown


def test_very_long_names_fit_and_keep_place_and_kind():
    names = ["内蒙古自治区呼伦贝尔市鄂伦春自治旗人力资源和社会保障局",
             "新疆维吾尔自治区伊犁哈萨克自治州奎屯市发展和改革委员会",
             "吉林省延边朝鲜族自治州延吉市市场监督管理局"]
    for room in (6, 8, 10):
        shown = distinct_elisions(names, chars(room), measure)
        assert len(set(shown.values())) == 3, shown
        for name, text in shown.items():
            assert measure(text) <= chars(room) and from_name(text, name), (name, text)
    shown = distinct_elisions(names, chars(10), measure)
    assert shown[names[0]].startswith("鄂伦春自治旗") and shown[names[0]].endswith("局"), shown
    assert shown[names[1]].startswith("奎屯市") and shown[names[1]].endswith("委员会"), shown


def test_names_without_a_place_are_elided_in_the_middle_and_kept_apart():
    names = ["国家税务总局", "国家税务总局吉林省税务局", "中国人民银行长春中心支行", "司法部"]
    shown = distinct_elisions(names, chars(7), measure)
    assert shown["司法部"] == "司法部" and shown["国家税务总局"] == "国家税务总局"
    assert len(set(shown.values())) == 4, shown
    assert all(from_name(text, name) for name, text in shown.items())


def test_latin_names_keep_whole_words_and_their_place():
    names = ["Lishu County Human Resources and Social Security Bureau", "Lishu County Justice Bureau",
             "Shuangliao City Justice Bureau", "Ministry of Justice"]
    shown = distinct_elisions(names, 28, measure)
    assert shown["Lishu County Justice Bureau"] == "Lishu County Justice Bureau"
    assert shown["Ministry of Justice"] == "Ministry of Justice"
    assert shown["Lishu County Human Resources and Social Security Bureau"] == "Lishu County Human…Bureau"
    assert len(set(shown.values())) == 4, shown
    assert split_agency("Lishu County Justice Bureau") == ("Lishu County ", "Justice Bureau")


def test_a_name_that_fits_is_whole_and_a_column_too_narrow_for_anything_shows_an_ellipsis():
    assert distinct_elisions(["江苏省数据局", "江苏省数据局", ""], chars(6), measure) == {"江苏省数据局": "江苏省数据局"}
    assert elide_agency("江苏省数据局", 1, measure) == ""
    assert elide_agency("江苏省数据局", chars(1), measure) == ELLIPSIS


@given(st.lists(st.text(alphabet="梨树县市区省政务服务中心和数字化管理局司法人力资源 ABCyz", min_size=1, max_size=24),
                min_size=1, max_size=8), st.integers(min_value=0, max_value=60))
@example(["梨树县", "梨树县县"], 5)
@example(["市市市", "区"], 3)
def test_whatever_the_names_the_shown_text_fits_and_comes_from_the_name(names, width):
    shown = distinct_elisions(names, width, measure)
    assert set(shown) == {n for n in names if n}
    for name, text in shown.items():
        assert measure(text) <= width, (name, text)
        if measure(name) <= width:
            assert text == name
        elif text:
            assert from_name(text, name), (name, text)


def test_autonomous_areas_are_shown_by_their_usual_short_names():
    assert short_level("伊通满族自治县") == "伊通县"
    assert short_level("恩施土家族苗族自治州") == "恩施州"
    assert short_level("伊犁哈萨克自治州") == "伊犁州"
    assert short_level("广西壮族自治区") == "广西"
    assert short_level("鄂伦春自治旗") == "鄂伦春自治旗"  # the group's own name is the place: nothing to drop
    assert short_level("梨树县") == "梨树县"
    assert elide_agency("伊通满族自治县人力资源和社会保障局", chars(9), measure) == "伊通县人力…保障局"
