"""Render Word's automatic list numbering (一、 （一） 1. …) as the text a reader sees.

Headings numbered by Word keep their numbers in numbering.xml, not in the paragraph text, so python-docx
returns 主要举措和成效 where the page shows 一、主要举措和成效. The segmenter needs those markers: this module
follows the numbering definitions (numFmt, lvlText, start) and counts paragraphs like Word does.
"""

from __future__ import annotations

import re

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def chinese_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一 (Word's chineseCounting up to 99)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
               "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_counting(n) if n < 100 else str(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


MAX_CHAIN = 32  # styles based on styles, lists linked to styles: Word documents use a handful of hops


class NumberingRenderer:
    """Counts numbered paragraphs of one document and returns the label Word shows before each.

    Built from the parsed styles and numbering parts (either may be None). Style chains (basedOn) and list
    style links (numStyleLink) are followed with cycle detection and a cap on their length: a file whose styles
    are based on each other gets no label from the loop, it does not hang.
    """

    def __init__(self, styles, numbering) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        # Word counts per abstract list: two w:num of one list continue each other's numbers, unless a num
        # restarts a level (lvlOverride/startOverride) when it is first used.
        self._list_of: dict[str, str] = {}
        self._restarts: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._counters: dict[str, dict[int, int]] = {}
        self._styles: dict[str, tuple[str | None, object | None]] = {}
        self._default_style: str | None = None
        if styles is not None:
            for style in styles.findall(f"{_W}style"):
                style_id = style.get(f"{_W}styleId")
                if not style_id or style.get(f"{_W}type", "paragraph") not in ("paragraph", "numbering"):
                    continue
                ppr = style.find(f"{_W}pPr")
                self._styles.setdefault(style_id, (_val(style.find(f"{_W}basedOn")),
                                                   None if ppr is None else ppr.find(f"{_W}numPr")))
                if style.get(f"{_W}default") in ("1", "true", "on") and style.get(f"{_W}type") == "paragraph":
                    self._default_style = style_id
        if numbering is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        links: dict[str, str] = {}
        for node in numbering.findall(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in node.findall(f"{_W}lvl"):
                ilvl = _int(lvl.get(f"{_W}ilvl"), 0)
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = _int(_val(lvl.find(f"{_W}start")), 1)
                levels[ilvl] = (fmt, text, start)
            abstract_id = node.get(f"{_W}abstractNumId", "")
            abstract[abstract_id] = levels
            link = _val(node.find(f"{_W}numStyleLink"))
            if link:
                links[abstract_id] = link
        nums = {num.get(f"{_W}numId", ""): _val(num.find(f"{_W}abstractNumId")) or ""
                for num in numbering.findall(f"{_W}num")}
        for num in numbering.findall(f"{_W}num"):
            restarts = {}
            for override in num.findall(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    restarts[min(_int(override.get(f"{_W}ilvl"), 0), 8)] = _int(_val(start), 1)
            self._restarts[num.get(f"{_W}numId", "")] = restarts
        for num_id, ref in nums.items():
            resolved = self._resolve(ref, links, nums)
            self._list_of[num_id] = resolved
            self._levels[num_id] = abstract.get(resolved, {})

    def _resolve(self, ref: str, links, nums) -> str:
        """The abstract list a list refers to, following numStyleLink -> style -> numId -> abstract list hops."""
        seen: set[str] = set()
        while ref in links and ref not in seen and len(seen) < MAX_CHAIN:
            seen.add(ref)
            num_id, _ilvl = self._style_num_pr(links[ref])
            if num_id is None or num_id not in nums:
                break
            ref = nums[num_id]
        return ref

    def label(self, p) -> str:
        """The number label (e.g. "一、", "（二）", "3.") Word draws before the paragraph element ``p``, or ""."""
        num_id, ilvl = self._num_pr(p)
        if num_id is None or num_id == "0" or num_id not in self._levels:
            return ""
        levels = self._levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(self._list_of.get(num_id, num_id), {})
        if num_id not in self._started:
            self._started.add(num_id)
            for level, start in self._restarts.get(num_id, {}).items():
                counters[level] = start - 1
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _start = levels[ilvl]
        if fmt == "bullet" or not text:
            return ""

        def fill(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            lfmt, _t, lstart = levels.get(level, ("decimal", "", 1))
            value = counters.get(level, lstart)
            return format_number(value, lfmt)

        return re.sub(r"%(\d)", fill, text)

    def _num_pr(self, p) -> tuple[str | None, int]:
        """(numId, ilvl): each from the paragraph's own properties, else from its style chain (Word's rule)."""
        ppr = p.find(f"{_W}pPr")
        own = None if ppr is None else ppr.find(f"{_W}numPr")
        style_id = _val(ppr.find(f"{_W}pStyle")) if ppr is not None else None
        num_id, ilvl = _read_num_pr(own, None, None)
        if num_id is None or ilvl is None:
            num_id, ilvl = self._style_num_pr(style_id or self._default_style, num_id, ilvl)
        return num_id, min(ilvl or 0, 8)

    def _style_num_pr(self, style_id: str | None, num_id: str | None = None,
                      ilvl: int | None = None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen and len(seen) < MAX_CHAIN:
            seen.add(style_id)
            based_on, num_pr = self._styles[style_id]
            num_id, ilvl = _read_num_pr(num_pr, num_id, ilvl)
            style_id = based_on
        return num_id, ilvl


def _read_num_pr(num_pr, num_id: str | None, ilvl: int | None) -> tuple[str | None, int | None]:
    """Fill numId and ilvl from a numPr element where they are still unknown."""
    if num_pr is None:
        return num_id, ilvl
    # raw attributes, not typed accessors: a damaged file may hold anything there
    num_node = num_pr.find(f"{_W}numId")
    ilvl_node = num_pr.find(f"{_W}ilvl")
    if num_id is None and num_node is not None and _val(num_node) is not None:
        num_id = str(_int(_val(num_node), 0))
    if ilvl is None and ilvl_node is not None and _val(ilvl_node) is not None:
        ilvl = _int(_val(ilvl_node), 0)
    return num_id, ilvl


def _int(value: str | None, default: int) -> int:
    """A numbering attribute as a number; a damaged or hand-edited file may hold anything there (Word then
    falls back to the default, and so do we). Bounded so a huge value cannot make labels enormous."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if 0 <= number <= 100_000 else default


def _val(node) -> str | None:
    return None if node is None else node.get(f"{_W}val")
