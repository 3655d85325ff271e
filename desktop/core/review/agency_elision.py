"""Agency names shortened to a column's width and kept apart: the place kept, the body's distinguishing part shown.

``吉林省政务服务和数字化建设管理局`` in 8 characters' room is ``吉林省政务…理局`` rather than ``吉林…理局``; three
agencies of one county (``梨树县政务服务和数字化建设管理局``, ``梨树县政务服务中心``, ``梨树县人力资源和社会保障局``)
show ``梨树县政务…理局``, ``梨树县政务…中心``, ``梨树县人力…障局``: each shortened name stands for one of the names
shown together, never for two (:func:`distinct_elisions`). A place of several levels gives up its upper levels first
(``吉林省长春市朝阳区司法局`` -> ``朝阳区司法局``). Widths are measured by the caller (pixels in the GUI, characters in
a test): core never measures text itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

ELLIPSIS = "…"
Measure = Callable[[str], int]  # the width of a text, in the caller's unit

# One administrative level: a short name and its level word (省, 自治区, 市, 州, 盟, 县, 旗, 区, 镇, 乡, 街道); a body's
# words (局, 委, 厅…) are no part of a place name (国家税务总局梨树县税务局 has no place in front).
_LEVEL = r"[^省市县区旗盟州镇乡街局厅委办院署司处所站队部，,、（(]{1,8}?(?:省|自治区|特别行政区|自治州|地区|市|州|盟|自治县|县|自治旗|旗|区|镇|乡|街道)"
_PLACE = re.compile(rf"^(?:{_LEVEL}){{1,4}}")
# The same in English: "Lishu County", "Jilin Province Changchun City" (names written in Latin letters).
_LEVEL_EN = (r"(?:[A-Z][\w'’.-]*\s+){1,4}?(?:Province|Autonomous Region|Prefecture|City|County|District|Banner|"
             r"Town|Township)\b\s*")
_PLACE_EN = re.compile(rf"^(?:{_LEVEL_EN}){{1,4}}")
# The kind of body a name ends with: kept whole at the end when there is room (…保障局, …中心, …委员会).
_KINDS = ("人民政府", "委员会", "办公室", "办公厅", "管理局", "中心", "政府", "局", "厅", "委", "办", "院", "所", "处",
          "站", "队", "会", "部", "署", "室", "社", "馆")
# A word of Latin letters or digits (with the spaces after it) is one unit; any other character is one.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&-]*\s*|\s+|.", re.DOTALL)


def split_agency(name: str) -> tuple[str, str]:
    """(place, body): ``吉林省长春市司法局`` -> (``吉林省长春市``, ``司法局``); no place: ("", name)."""
    match = _PLACE.match(name) or _PLACE_EN.match(name)
    if match is None or match.end() >= len(name):  # a bare place name (梨树县) is all place: nothing to keep apart
        return "", name
    return match.group(0), name[match.end():]


# The ethnic groups named in autonomous areas' names (伊通满族自治县, 恩施土家族苗族自治州, 伊犁哈萨克自治州).
_ETHNIC = ("满|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|"
           "柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|"
           "裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺")
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:(?:{_ETHNIC})族?)+自治(区|州|县|旗)$")


def short_level(level: str) -> str:
    """An autonomous area's usual short name: ``伊通满族自治县`` -> ``伊通县``, ``延边朝鲜族自治州`` -> ``延边州``,
    ``广西壮族自治区`` -> ``广西``; any other level as it is."""
    match = _AUTONOMOUS.match(level)
    if match is None:
        return level
    return match.group(1) + ("" if match.group(2) == "区" else match.group(2))


def place_levels(place: str) -> list[str]:
    """The levels of a place, upper first: ``吉林省长春市`` -> [``吉林省``, ``长春市``]."""
    return re.findall(_LEVEL, place) or re.findall(_LEVEL_EN, place) or ([place] if place else [])


@dataclass(frozen=True)
class _Form:
    """One way of showing a name: a place (all or its lower levels) and the body's first and last units."""

    text: str
    start: str        # the text before the ellipsis (the whole text when nothing is elided)
    end: str          # the text after it
    elided: bool
    rank: tuple       # smaller is better (before telling names apart)


def _natural_ends(name: str) -> list[int]:
    """How many units the end may keep without cutting a word, longest first: the body's kind with the word before
    it (保障局, 3), the kind alone (局, 1), nothing (0)."""
    kind = next((k for k in _KINDS if name.endswith(k)), "")
    if not kind:
        return [1, 0]
    return [len(kind) + 2, len(kind), 0] if len(kind) == 1 else [len(kind), 0]


def _forms(name: str, width: int, measure: Measure) -> list[_Form]:
    """The ways of showing ``name`` that fit ``width``, best first (whole; else place + elided body)."""
    if measure(name) <= width:
        return [_Form(name, name, "", False, ())]
    place, body = split_agency(name)
    levels = place_levels(place)
    # the place, its lower levels, then the same with autonomous areas by their short names (伊通满族自治县 -> 伊通县)
    shorter = [short_level(level) for level in levels]
    places = list(dict.fromkeys(["".join(levels[i:]) for i in range(len(levels))]
                                + ["".join(shorter[i:]) for i in range(len(levels))]))
    widths: dict[str, int] = {}

    def w(text: str) -> int:
        if text not in widths:
            widths[text] = measure(text)
        return widths[text]

    forms: list[_Form] = []
    ends = _natural_ends(name)
    variants = [(p, _TOKEN.findall(body)) for p in places] + [("", _TOKEN.findall(name))]
    if len(variants[-1][1]) != len(name):  # Latin words too long for the room: characters as the last resort
        variants.append(("", list(name)))
    for kept, (shown_place, units) in enumerate(variants):
        base = w(shown_place) + w(ELLIPSIS)
        if not units or base > width:
            continue
        place_rank = kept - len(levels) if shown_place else kept + len(levels)  # more levels of the place first
        unit_w = [w(u) for u in units]
        if shown_place and base - w(ELLIPSIS) + sum(unit_w) <= width:  # a lower place, the whole body: no ellipsis
            text = shown_place + "".join(units)
            forms.append(_Form(text, text, "", False, (0, 0, place_rank, 0)))
            continue
        for i in range(len(units)):
            used = base + sum(unit_w[:i])
            if used > width:
                break
            j = 0
            while i + j + 1 < len(units) and used + unit_w[len(units) - j - 1] <= width:
                used += unit_w[len(units) - j - 1]
                j += 1
            shown = i + j
            if shown == 0:
                continue
            start = (shown_place + "".join(units[:i])).rstrip()
            end = "".join(units[len(units) - j:]).lstrip()
            target = next((e for e in ends if e <= shown - min(2, shown)), 0)
            few = shown < min(3, len(units) - 1)  # a place with one or two units of its body says little
            # the place first (kept at some level), whole words (Latin), a body that says something, more of the
            # place, more text, an end that is a whole word, the end's usual length, a longer start
            rank = (0 if shown_place or not levels else 1 if i else 2,  # no place level whole: its start at least
                    1 if kept == len(variants) - 1 > len(places) else 0,
                    1 if few else 0, place_rank, -shown,
                    0 if j in ends else 1, abs(j - target), -i)
            forms.append(_Form(start + ELLIPSIS + end, start, end, True, rank))
    forms.sort(key=lambda f: f.rank)
    if not forms and measure(ELLIPSIS) <= width:
        forms.append(_Form(ELLIPSIS, "", "", True, ()))
    return forms


def _stands_for(form: _Form, name: str) -> bool:
    """Could ``form`` be read as ``name``? (its start anywhere, as a lower place may stand alone; its end last)."""
    if not form.elided:
        return name.endswith(form.start)
    head = name[:len(name) - len(form.end)]
    return name.endswith(form.end) and form.start in head


def elide_agency(name: str, width: int, measure: Measure) -> str:
    """``name`` as shown in ``width``: whole if it fits, else its place kept and its body elided in the middle."""
    forms = _forms(name, width, measure)
    return forms[0].text if forms else ""


def distinct_elisions(names: Iterable[str], width: int, measure: Measure) -> dict[str, str]:
    """Each name as shown in ``width`` among the others: the best form that could not be read as another of these
    names (when every form that fits could, the best one; the full name stays in the tooltip)."""
    unique = list(dict.fromkeys(n for n in names if n))
    shown: dict[str, str] = {}
    for name in unique:
        forms = _forms(name, width, measure)
        if not forms:
            shown[name] = ""
            continue
        others = [n for n in unique if n != name]
        apart = next((f for f in forms if not any(_stands_for(f, other) for other in others)), forms[0])
        shown[name] = apart.text
    return shown
