"""Patterns rewritten for speed find exactly what the plain forms they replace find (the plain forms are here).

A pattern that starts with a look-behind, an alternation of classes or an optional group is tried at every
character; the rewrites start with a character class or a literal (scanned for in C), or first look for a word
every match must hold. Each test compares the rewrite with the original on generated text drawn from the characters
that matter to it, so a wrong rewrite shows up as a counterexample.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.core import text as textmod
from desktop.core.segmentation import agency, classify, cleaning, damage, outline, patterns, segment
from desktop.core.storage import passages

_TONED = damage._TONED


def _text(alphabet: str, words: list[str], max_size: int = 60) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(list(alphabet)), st.sampled_from(words))
    return st.lists(piece, max_size=max_size).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[" + _TONED + r"])[a-z" + _TONED + r"ü]{1,7}[)）]")
INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


@settings(max_examples=300)
@given(_text("設建(（)）shèlǐnga 法治 x1\n", ["(shè)", "（lǐng）", "設(", "法 治"]))
@example("設(shè)建(shè)")
def test_pinyin_and_inner_spaces(text):
    assert _spans(damage._PINYIN, text) == _spans(PINYIN, text)
    assert _spans(damage._INNER_SPACE, text) == _spans(INNER_SPACE, text)


@settings(max_examples=300)
@given(_text("abw.:/-1中 ", ["www.", ".com", ".cn", "http://", "ab.net/x", ".org.cn", "。com"]))
@example("www.diyimishu.com第一")
def test_domains_are_found_where_the_full_pattern_finds_them(text):
    assert [m.span() for m in damage._domain_matches(text)] == _spans(damage._DOMAIN, text)


NEXT_PLAN = re.compile(r"(^|[，,。；])(我们|我局|我委|我厅|我办)?(将|要)(进一步|继续|持续|加强|加快|深化|推动|推进|坚持|着力|全面)",
                       re.MULTILINE)
ACHIEVEMENT = re.compile(r"\d+(\.\d+)?(万|亿|%|件|次|项|个|家|人)", re.MULTILINE)


def _body(kind: str, index: int) -> re.Pattern[str]:
    return classify._COMPILED_BODY[kind][index][0]


@settings(max_examples=400)
@given(_text("，,。；\n将要我们局进一步继续12.5万件%x", ["我们将进一步", "，将继续", "我局要加强", "将要推进", "1.2.3万"]))
@example("\n，我们将进一步。要全面将要推进")
@example("1.2.3万 2023年 12345件")
def test_body_cue_counts(text):
    assert len(_body("next_plan", 0).findall(text)) == len(NEXT_PLAN.findall(text))
    assert len(_body("achievements", 0).findall(text)) == len(ACHIEVEMENT.findall(text))


NOT_PROSE = re.compile(r"[>＞»›]|首页|当前位置|您所在的位置|您的位置|您现在的位置")


@settings(max_examples=300)
@given(_text(">＞»›首页当前位置您所在的现x", ["首页", "当前位置", "您的位置", "您现在的位置", "您所在的位置"]))
def test_not_prose(text):
    assert _spans(segment._NOT_PROSE, text) == _spans(NOT_PROSE, text)


SHI = re.compile(r"(?P<v>[一二三四五六七八九十]{1,3})是(?=[^，。；\s]?)")


@settings(max_examples=400)
@given(_text("一二三四十是，。x\n", ["一是", "二是", "十一是", "三一二三是"]))
@example("三一二三是一是是二一是")
def test_shi_markers(text):
    assert list(outline.shi_markers(text)) == [(m.start(), m.end() - 1) for m in SHI.finditer(text)]


@settings(max_examples=400)
@given(_text("还仍但有存在不足问题短板与相比等方面主要负责人领导一把手履行落实亲自带头压实法治建设责任。；x",
             ["第一责任人", "主要负责同志", "党政主要负责人", "党组书记", "与去年相比", "不足之处", "存在以下问题"]))
@example("但与去年相比，仍存在A、B等方面的不足")
@example("压实主要领导法治建设责任")
def test_words_every_statement_holds(text):
    """A text without the words _MAY_STATE looks for has no match of the full sentence patterns."""
    for kind, pattern in (("leader_duty", segment._LEADER_SENTENCE), ("shortcomings", segment._SHORTCOMING_SENTENCE)):
        if pattern.search(text):
            assert segment._MAY_STATE[kind].search(text)


@settings(max_examples=400)
@given(_text("时间日期来源：: 2023-03-31微信博QQ打印关闭【】字体大中小x", [
    "发布时间：2023-03-31 10:09", "来源：司法局", "分享到：", "QQ空间", "【打印】", "【字体：大 中 小】", "扫一扫", "人人网"]))
@example("时间：2023-03-31 微信 微博 QQ空间")
def test_words_every_page_run_holds(text):
    """Inline chrome is looked for only in lines holding what every date/source run and share run holds."""
    for start in range(len(text) + 1):
        if cleaning._META_RUN.search(text, start):
            assert cleaning._MAY_META.search(text, start)
        if cleaning._SHARE_RUN.search(text, start):
            assert cleaning._MAY_SHARE.search(text, start)


MARKER = re.compile(
    r"(?=[第一二三四五六七八九十（(\d①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
    r"(?:(?P<part>第(?P<part_v>[一二三四五六七八九十]{1,3})(?:部分|章))"
    r"|(?P<cn_dun>(?P<cn_dun_v>[一二三四五六七八九十]{1,3})\s?(?:、|[．.](?!\d)))"
    r"|(?P<cn_paren>[（(]\s?(?P<cn_paren_v>[一二三四五六七八九十]{1,3})\s?[)）])"
    r"|(?P<ar_paren>[（(]\s?(?P<ar_paren_v>\d{1,2})\s?[)）])"
    r"|(?P<ar_dot>(?P<ar_dot_v>\d{1,2})\s?[.．、](?!\d))"
    r"|(?P<circled>(?P<circled_v>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])))"
)


def _old_markers(text: str) -> list[tuple[str, str, int, int]]:
    out = []
    for m in MARKER.finditer(text):
        style = (m.lastgroup or "").removesuffix("_v")
        out.append((style, m.group(style + "_v"), m.start(), m.end()))
    return out


@settings(max_examples=500)
@given(_text("第一二三十部分章（()）12.．、 \n①⑳x", ["第一部分", "（一）", "(12)", "1.", "12．", "一、", "一.2", "十二、", "１."]))
@example("第十二部分一、（ 一 ）(1)1.2 3、①一二三四、")
def test_markers(text):
    assert list(outline.markers(text)) == _old_markers(text)


DOC_NUMBER_YEAR_FREE = re.compile(r"[\u4e00-\u9fa5]{1,12}\s*[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*第?\s*\d{1,5}\s*号")


@settings(max_examples=300)
@given(_text("吉政发文〔〕[]（）2026 第号x", ["〔2026〕", "[2025]", "（2024）", "11号", "吉政办发"]))
@example("吉政数文〔2026〕11号")
def test_doc_numbers(text):
    found = patterns.find_doc_number(text)
    plain = DOC_NUMBER_YEAR_FREE.search(text)
    assert (found and found.span()) == (plain and plain.span())


TRAILING_WS = re.compile(r"[ \t\u3000\u00a0]+$", re.MULTILINE)
MANY_BLANK = re.compile(r"\n{3,}")


@settings(max_examples=300)
@given(_text(" \t\u3000\u00a0\nx中", ["\n\n\n", "  \n", "\u3000\n"]))
def test_normalization_patterns(text):
    assert _spans(textmod._TRAILING_WS, text) == _spans(TRAILING_WS, text)
    assert _spans(textmod._MANY_BLANK, text) == _spans(MANY_BLANK, text)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=20))
def test_skipped_sentences(skips, sentences):
    """A sentence is skipped when it overlaps a skip span (a < end and start < b), empty spans included."""
    fast = passages._Skips(skips)
    for start, end in sentences:
        assert fast.overlaps(start, end) == any(a < end and start < b for a, b in skips)


def _old_place_ending_at(text: str, pos: int) -> str:
    for start in range(max(0, pos - 14), pos - 1):
        if not agency._PLACE_CHAIN.fullmatch(text, start, pos) or text[start] in agency._NOT_PLACE_START:
            continue
        before = text[start - 1] if start else ""
        if not ("\u4e00" <= before <= "\u9fa5") or before in agency._BEFORE_PLACE:
            return text[start:pos]
    return ""


@settings(max_examples=300)
@given(_text("省市县区州盟旗自治江苏西安雁塔在，。x", ["江苏省", "西安市雁塔区", "内蒙古自治区", "在天津市", "静海区"]))
@example("在天津市静海区人民政府")
def test_place_chains(text):
    for pos in range(len(text) + 1):
        assert agency._place_ending_at(text, pos) == _old_place_ending_at(text, pos)
