"""Find the issuing body (agency) of a report and complete short forms from the text itself.

Sources, best first: the title (…局关于2024年度…, 2020年静海区…报告), the signature above the closing date, the
opening sentence (2023年，生态环境部坚持…), a labelled metadata field (发文机关/发布机构), and only then the page's
来源 line (which names the publisher, often the site or the justice bureau that posted it; 本网 is no agency).
A short form is completed only by what the same text says: 静海区 → 天津市静海区人民政府 when the page prints
that name, 省数据局 → 江苏省数据局 when the report cites 《江苏省数据条例》.

Every candidate passes plausibility checks before it becomes the value: :func:`garbage` rejects shapes no
reviewer would accept (a doubled word 人民人民, a sentence word 现将/根据/关于 inside, a phrase glued to the name
法治市…局, a generic name without its place 经济开发区); :func:`doubt` names what keeps an accepted value from
high confidence (no place, an unknown suffix).
"""

from __future__ import annotations

import re
from collections import Counter

_CJK = r"\u4e00-\u9fa5"
AGENCY_END = re.compile(r"(人民政府|政府|办公室|办事处|委员会|局|厅|委|办|部|署|院|中心|镇|乡|街道|区|县|市|州|盟|旗|党组|党委)$")
_NOT_AGENCY = re.compile(r"^(本网|本站|网站|原创|网络|互联网|转载|未知|佚名|管理员|admin)")
TITLE_AGENCY = re.compile(r"^(?P<agency>.{2,40}?)(?:关于|\s)(?:.{0,6})(?:19|20)\d{2}\s*年")
TITLE_AGENCY_LOOSE = re.compile(r"^(?P<agency>.{2,40}?)(?:关于|(?:19|20)\d{2}\s*年)")
# 2020年静海区法治政府建设情况报告: the year first, then the body, then the subject
TITLE_AGENCY_AFTER_YEAR = re.compile(rf"^(?:19|20)\d{{2}}\s*年度?(?P<agency>[{_CJK}]{{2,30}}?)(?:关于|法治|依法行政)")
OPENING_AGENCY = re.compile(
    rf"^\s*(?:(?:19|20)\d{{2}}\s*年(?:度)?(?:以来)?\s*[,，]\s*)?(?:在[^，,。]{{2,40}}[,，]\s*){{0,3}}(?:我|本)?"
    rf"(?P<agency>[省市县区](?:人民)?政府|[{_CJK}]{{2,30}}?(?:局|厅|委员会|委|办公室|办事处|办|人民政府|政府|中心|院|署|部|镇|乡|街道))"
    r"(?=坚持|认真|深入|全面|始终|紧紧|以|在|围绕|聚焦|立足|把|将|按照|根据|持续|不断|切实|牢固|高度|法治政府建设|党组|党委)"
)
_YEAR_CLAUSE = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?(?:以来)?\s*[,，]")
LABELLED = re.compile(rf"(?:发文机关|发布机构|发文单位|发布单位|成文机关)\s*[:：]\s*(?P<v>[{_CJK}（）()]{{2,40}}?)(?=[\s|｜,，;；-]|$)")
# a chain of place names ending in their level (天津市 | 西安市雁塔区 | 江苏省): each chunk a name and its level
_PLACE_CHAIN = re.compile(rf"(?:[{_CJK}]{{1,5}}?(?:省|自治区|市|州|盟|县|区|旗))+")
_LEVEL_ENDS = frozenset("省区市州盟县旗")  # the last character of every level above (自治区 ends with 区)
# characters that may stand right before a place name in running text (在江苏省, 《西安市…》)
_BEFORE_PLACE = set("在和及与对为是于的将把据按照由向至从中共")
_NOT_PLACE_START = set("全各本我该每两省市县区在和及的与对为是于以由到年月日")
# common short forms of an agency's kind
_ABBREVIATIONS = (("政府办", "人民政府办公室"), ("政府", "人民政府"))
_VERBISH = re.compile(r"按照|根据|为了|围绕|坚持|贯彻|落实|推进|认真|全面|深入|通过|结合|对照|依据|召开|开展|举办|印发|制定|出台"
                      r"|部署|研究|审议|参加|召集|推动|加强|完善|深化|组织|配合|协助|联合|指导|督促|会同")


def _place_ending_at(text: str, pos: int) -> str:
    """The longest place chain that ends at ``pos`` and starts at a word boundary ('' when none)."""
    if pos <= 0 or text[pos - 1] not in _LEVEL_ENDS:  # a chain ends with its level: no need to try 13 starts
        return ""
    for start in range(max(0, pos - 14), pos - 1):
        if not _PLACE_CHAIN.fullmatch(text, start, pos) or text[start] in _NOT_PLACE_START:
            continue
        before = text[start - 1] if start else ""
        if not ("\u4e00" <= before <= "\u9fa5") or before in _BEFORE_PLACE:
            return text[start:pos]
    return ""


_PROVINCES = ("河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 "
              "海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省").split()


def _most_named_place(text: str, level: str) -> str | None:
    """The place of ``level`` (省, 市, …) the text names most often, as a full chain (西安市雁塔区)."""
    if level == "省":  # a closed list: 按照省… must not read as a province named 按照
        named = Counter({p: text.count(p) for p in _PROVINCES if p in text})
        return named.most_common(1)[0][0] if named else None
    counts: Counter[str] = Counter()
    pos = text.find(level)
    while 0 <= pos < 20_000:
        place = _place_ending_at(text, pos + 1)
        if place and len(place) >= 3 and not _VERBISH.search(place):
            counts[place] += 1
        pos = text.find(level, pos + 1)
    return counts.most_common(1)[0][0] if counts else None


def plausible(value: str | None) -> bool:
    """True for a value that can name an issuing body (not 本网, not a date, ends like an agency)."""
    if not value:
        return False
    value = value.strip()
    return 2 <= len(value) <= 40 and not _NOT_AGENCY.match(value) and bool(AGENCY_END.search(value))


def from_title(title: str) -> str | None:
    """The agency a title names, or None (关于青山县司法局2023年度…的报告 names it after 关于)."""
    title = title.removeprefix("关于")
    m = TITLE_AGENCY.match(title) or TITLE_AGENCY_LOOSE.match(title)
    if m and len(m.group("agency").strip()) >= 2:
        return m.group("agency").strip()
    m = TITLE_AGENCY_AFTER_YEAR.match(title)
    return m.group("agency") if m else None


def from_opening(lines: list[str]) -> str | None:
    """The agency the opening sentence names (2023年，生态环境部坚持…; 清远市教育局坚持…)."""
    for s in lines:
        m = OPENING_AGENCY.match(s)
        if m and not m.group("agency").startswith(("我", "本")) and not _VERBISH.search(m.group("agency")):
            return m.group("agency")
    return None


def from_year_clause(text: str) -> str | None:
    """The body a year-led clause names anywhere near the start (a flattened page: …工作情况2025年，省数据局认真…)."""
    for m in _YEAR_CLAUSE.finditer(text[:600]):
        found = OPENING_AGENCY.match(text[m.start():m.start() + 200])
        if found and not _VERBISH.search(found.group("agency")):
            return found.group("agency")
    return None


_HEADER_AGENCY = re.compile(rf"[{_CJK}（）()]{{2,30}}(局|厅|委员会|委|办公室|人民政府|镇人民政府|镇|乡|街道办事处|街道)")
# the body's word for itself (我局, 本委, 我镇…) and the endings a name of that kind has
_SELF = re.compile(r"(?:我|本)(局|厅|委|办|镇|乡|街道)(?![长])")
_SELF_ENDINGS = {"局": ("局",), "厅": ("厅",), "委": ("委", "委员会"), "办": ("办", "办公室"),
                 "镇": ("镇", "镇人民政府"), "乡": ("乡", "乡人民政府"), "街道": ("街道", "街道办事处")}


def from_header(text: str, header_lines: list[str]) -> str | None:
    """The body a page's header names on a line of its own above the title (青山县司法局 over 2023年度…报告),
    when it agrees with what the body calls itself (我局 → a 局): a site banner of another body is no author."""
    for line in reversed(header_lines):
        if not _HEADER_AGENCY.fullmatch(line):
            continue
        own = _SELF.search(text[:3000])
        if own and not line.endswith(_SELF_ENDINGS[own.group(1)]):
            return None
        return line
    return None


def from_label(text: str) -> str | None:
    """A labelled issuing body in the page's metadata (发文机关：双牌县教育局)."""
    for m in LABELLED.finditer(text):
        if plausible(m.group("v")):
            return m.group("v")
    return None


def complete(agency: str, text: str) -> str:
    """The fullest form of ``agency`` that the text itself gives (places before it, 人民政府 after it)."""
    return completion(agency, text)[0]


def completion(agency: str, text: str) -> tuple[str, bool]:
    """(fullest form of ``agency``, whether its place was inferred from the place the text names most).

    A place printed right before the same name in the text (天津市 before 静海区) is as sure as the name; a
    place taken from elsewhere in the text (江苏省 for 省数据局, from 《江苏省数据条例》) is an inference.
    """
    full = agency
    inferred = False
    if full[0] in "省市县区" and len(full) >= 3:
        # 省教育厅 in a report citing 《江苏省数据条例》: the place of that level the text names most often
        place = _most_named_place(text, full[0])
        if place:
            full = place + full[1:]
            inferred = True
            for short, long in _ABBREVIATIONS:
                if full.endswith(long):  # 县人民政府 is already the full form: no 人民人民政府
                    break
                if full.endswith(short):
                    full = full[: -len(short)] + long
                    break
    best_prefix = ""
    pos = text.find(full)
    while 0 <= pos < 20_000:
        prefix = _place_ending_at(text, pos)
        if len(prefix) > len(best_prefix):
            best_prefix = prefix
        pos = text.find(full, pos + 1)
    if best_prefix and not full.startswith(best_prefix):
        full = best_prefix + full
    if re.search(r"(省|市|县|区|镇|乡)$", full):
        if (agency + "人民政府") in text or (full + "人民政府") in text:
            full += "人民政府"
    elif full.endswith("街道") and (agency + "办事处") in text:
        full += "办事处"
    return full, inferred


# --- Plausibility -----------------------------------------------------------------------------------------------

_REPEATED = re.compile(rf"([{_CJK}]{{2,}})\1")
# words of running text, never inside an issuing body's name
_SENTENCE_WORDS = re.compile(r"现将|根据|按照|关于|如下|特此|报告|为了|围绕|坚持|贯彻|落实|推进|认真|深入|通过|结合|对照|依据"
                             r"|我们|进一步|以来|全年|同时|其中|以及|并且|今年|去年|明年|召开|开展|举办|印发|制定|出台|部署"
                             r"|审议|参加|召集|推动|加强|完善|深化|配合|协助|督促|会同")
# the subject of the report glued to the name (法治市市场监管局, 建设局 is a real bureau: only before a place)
_GLUED = re.compile(r"法治|依法|工作|情况|年度|政务公开|首页")
_LAW_COMMITTEE = re.compile(r"(全面)?依法治(省|市|县|区|州|旗)(委员会)?")
# words of a development zone's kind: with nothing else left, the name says no place (经济技术开发区管委会)
_GENERIC_WORDS = re.compile(r"经济技术|高新技术|经济|技术|高新|开发|产业|工业|园区?|新区|综合|保税|自由贸易|试验|示范"
                            r"|管理委员会|管委会|委员会|人民政府|政府|办公室|办事处|区|局|办|委")
KNOWN_SUFFIX = re.compile(r"(人民政府|政府|办公室|办事处|委员会|管委会|局|厅|委|办|部|署|院|中心|镇|乡|街道|区|县|市|州|盟|旗|省"
                          r"|自治区|党组|党委)$")
# a name that starts with its place (…省, …市, …县, …区, …镇, …街道), or a national body (…部, …署, 中华人民共和国…)
PLACED = re.compile(rf"^(?![省市县区])[{_CJK}]{{1,8}}?(省|自治区|市|州|盟|县|区|旗|镇|乡|街道)(?!$)|^中华人民共和国|^中共|"
                    rf"^[{_CJK}]{{2,10}}(部|署|总局|委员会)$|^[{_CJK}]{{1,8}}?(省|自治区|市|州|盟|县|区|旗|镇|乡)$")
_NOT_A_PLACE = re.compile(r"^(经济|高新|开发|新区|园区|工业|产业|技术|综合|保税|示范|试验)")


def garbage(value: str) -> str | None:
    """Why ``value`` cannot be an issuing body's name (a shape no reviewer would accept), or None."""
    m = _REPEATED.search(value)
    if m:
        return f"repeated word {m.group(1)}{m.group(1)}"
    m = _SENTENCE_WORDS.search(value)
    if m:
        return f"sentence word {m.group(0)} inside the name"
    m = _GLUED.search(_LAW_COMMITTEE.sub("", value))
    if m:
        return f"the phrase {m.group(0)} is glued to the name"
    if len(_GENERIC_WORDS.sub("", value)) < 2 and not PLACED.match(value) or _NOT_A_PLACE.match(value):
        return "a generic name without its place"
    return None


def doubt(value: str) -> str | None:
    """Why an acceptable name still deserves a reviewer's look (no place, an unknown suffix), or None."""
    if not KNOWN_SUFFIX.search(re.sub(r"[（(][^（）()]*[)）]$", "", value)):
        return "the name does not end like an issuing body (人民政府, 局, 委员会, 办公室, 街道办事处…)"
    if not PLACED.search(value):
        return "the name lacks its place (a short form the text did not complete)"
    return None
