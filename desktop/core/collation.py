"""Pinyin order for Chinese names, as WPS and Excel sort a column of them (丰 和 吉 天 岳, not 丰 吉 和 天 岳).

:func:`pinyin_sort_key` turns a name into a text whose plain (binary) order is the pinyin order: each Han character
becomes its syllable and tone (``ji2 lin2 sheng3 ``), read in context, so that place names read as they are said
(长春 chang2, 重庆 chong2, 六安 lu4, 朝阳 chao2); Latin letters and digits keep their place among the syllables
(``a0`` before 阿 ``a1``); other characters (brackets, punctuation, spaces) do not count. The name itself follows
the pinyin, so names that read alike keep a fixed order. The readings come from pypinyin (its character and
phrase tables), corrected for the place names in :data:`PLACE_READINGS` that it reads as ordinary words
(长治 is not zhang3 zhi4).

The key is stored with each document (``documents.agency_key``, migration 0018: a change of the key — a new
reading here, a new pypinyin — needs a migration that computes the stored keys again) and the corpus listing sorts
by it in SQL; small tables in the GUI sort by it in memory. Nothing here touches the database.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_WORD = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
SEPARATOR = "\x1f"  # between the pinyin and the name itself (below every character the pinyin part holds)

# Place names whose reading pypinyin takes from the ordinary word (长 zhang3 "grow", 朝 zhao1 "morning", 单 dan1
# "single"...). Checked against pypinyin 0.55 by tests/core/test_collation.py: each entry is read as written here.
PLACE_READINGS: dict[str, str] = {
    "长治": "cháng zhì", "长葛": "cháng gě", "长海": "cháng hǎi", "长白": "cháng bái", "长清": "cháng qīng",
    "长丰": "cháng fēng", "长垣": "cháng yuán", "长阳": "cháng yáng", "长泰": "cháng tài", "长宁": "cháng níng",
    "长岭": "cháng lǐng", "长武": "cháng wǔ", "长顺": "cháng shùn", "长岛": "cháng dǎo", "长汀": "cháng tīng",
    "长兴": "cháng xīng", "长乐": "cháng lè", "长子": "zhǎng zǐ",
    "朝阳": "cháo yáng", "单县": "shàn xiàn", "涡阳": "guō yáng", "天台": "tiān tāi", "洪洞": "hóng tóng",
    "郫都": "pí dū", "都匀": "dū yún", "都昌": "dū chāng", "都兰": "dū lán", "都安": "dū ān", "荥经": "yíng jīng",
    "浚县": "xùn xiàn", "阆中": "làng zhōng", "冠县": "guàn xiàn", "华县": "huà xiàn", "华阴": "huà yīn",
    "会稽": "kuài jī", "解县": "xiè xiàn", "筠连": "jūn lián", "六合": "lù hé", "大城": "dà chéng",
}

_loaded = threading.Lock()
_ready = False


def _pinyin():  # noqa: ANN202 - pypinyin's functions (loaded on first use: its tables take about half a second)
    global _ready
    from pypinyin import Style, lazy_pinyin, load_phrases_dict

    with _loaded:
        if not _ready:
            load_phrases_dict({name: [[syllable] for syllable in reading.split()]
                               for name, reading in PLACE_READINGS.items()})
            _ready = True
    return lazy_pinyin, Style.TONE3


@lru_cache(maxsize=65536)  # the same agencies come back year after year (a sort asks for each key many times)
def pinyin_sort_key(name: str | None) -> str | None:
    """The sort key of a name (None for no name): pinyin syllables with tones, then the name itself."""
    if name is None or not name.strip():
        return None
    parts: list[str] = []
    position = 0
    for run in HAN.finditer(name):
        parts += _others(name[position:run.start()])
        parts += _syllables(run.group())
        position = run.end()
    parts += _others(name[position:])
    return "".join(parts) + SEPARATOR + name


def pinyin_readings(name: str) -> list[str]:
    """The syllables (with tone digits) the key reads a name's Han characters as (for tests and tooltips)."""
    return [part.strip() for run in HAN.findall(name) for part in _syllables(run)]


def _others(text: str) -> list[str]:
    """Latin letters and digits (full width folded) as syllables of tone 0; the rest does not count."""
    out = []
    for ch in text:
        if _WORD.match(ch):
            folded = chr(ord(ch) - 0xFEE0) if ord(ch) >= 0xFF10 else ch
            out.append(folded.lower() + "0 ")
    return out


def _syllables(run: str) -> list[str]:
    lazy_pinyin, tone3 = _pinyin()
    readings = lazy_pinyin(run, style=tone3, neutral_tone_with_five=True, errors="default")
    if len(readings) != len(run):  # a character without a reading: one syllable per character, the character itself
        readings = [(lazy_pinyin(ch, style=tone3, neutral_tone_with_five=True) or [ch])[0] for ch in run]
    return [r + " " for r in readings]
