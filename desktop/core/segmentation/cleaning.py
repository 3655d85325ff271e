"""Find web-page and print clutter in a report text without removing it.

Clutter (portal chrome, breadcrumbs, source/date lines, tool links, sign-offs, metadata tables, page numbers,
a repeated title at the bottom) is returned as spans over the frozen text. Nothing is deleted: the spans
are hidden in the reading view on request, feed the metadata (publication date, source), and are excluded
from segmentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.segmentation.classify import classify_heading
from desktop.core.segmentation.patterns import DATE_CN, TITLE_WITHOUT_REPORT, find_doc_number, is_title_line
from desktop.core.segmentation.spans import Spans


@dataclass(frozen=True)
class Clutter:
    """A span of page clutter: kind, [start, end) offsets into the frozen text, and the text itself."""

    kind: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


_SEP = r"\s*[:：]\s*"
LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("site_clock", re.compile(r"今天是\s*[:：]?\s*\d{4}\s*[年\-/]|星期[一二三四五六日天].{0,6}$")),
    ("breadcrumb", re.compile(r"^\W?\d{0,3}(当前位置|您所在的位置|您现在的位置|您的位置|你的位置|你所在的位置|所在位置|当前页面|位置)"
                              + _SEP
                              + r"|^\W?\d{0,3}首页\s*[>＞»/]|^[^。，,]{1,12}\s*[>＞»›]\s*[^。，,]{1,12}\s*[>＞»›]")),
    ("signoff", re.compile(r"^[\[【]?(初审|复审|终审|责任编辑|编辑|审核|校对|审校|签发)[\]】]?" + _SEP)),
    ("source_line", re.compile(r"(来源|发布时间|发布日期|更新时间|浏览次数|访问次数|点击率|点击数|阅读次数|转自|信息来源|文章来源|作者)" + _SEP)),
    ("metadata_table", re.compile(r"^(索引号|发文机关|发布机构|发文日期|公文生成日期|成文日期|主题分类|主题词|文号|发文字号|有效性|分类)\s*[:：\t]")),
    ("tools", re.compile(r"^(【?(打印|关闭|打印本页|关闭窗口|收藏|分享到?|字体|返回顶部|我要纠错)】?\s*)+$|扫一扫在手机打开当前页|分享到\s*[:：]|^\[?纠错\]?$")),
    ("footer", re.compile(r"^(版权所有|主办单位|主办|承办单位|承办|协办|技术支持|网站标识码|联系我们|网站地图|网站声明|关于我们)\s*[:：]?|ICP备|公网安备|Copyright|©")),
    ("aggregator", re.compile(r"^(原标题|原文标题|转载自|本文转自|本文来源|阅读原文|相关链接|相关阅读|上一篇|下一篇)\s*[:：]?")),
    ("page_number", re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页$")),
]
INLINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("tools", re.compile(r"\[纠错\]|【纠错】|【打印】|【关闭】|【字体\s*[:：]\s*大\s*中\s*小】|【收藏】|扫一扫在手机打开当前页面?")),
]
# Page chrome inside a long line (a page flattened to one line): the breadcrumb before the title, a date and
# source run with share buttons after it. Only these spans are clutter, never the report text around them.
_CRUMB_START = re.compile(r"\W?\d{0,3}(?:(?:当前位置|您所在的位置|您现在的位置|您的位置|你的位置|你所在的位置|所在位置|当前的位置"
                          r"|当前页面)\s*[:：]\s*|(?=首页\s*[>＞»›/》→-]))")
# between crumbs: arrows (>, », ›, 》 after 首页-style items, →) or white space
_CRUMB_SEP = re.compile(r"\s*(?:[>＞»›/》→]+|-{1,2}>|\s)\s*")
_CRUMB_ITEM = re.compile(r"[^\s>＞»›/》→。，,；:：《]{1,40}")
_DATE_TIME = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
_SHARE = (r"分享到\s*[:：]?|微信|微博|QQ空间|QQ|朋友圈|新浪微博|腾讯微博|人人网|豆瓣|打印|关闭|收藏|扫一扫|"
          r"[【\[]?(?:字体|字号)\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?[】\]]?|【[^】\s]{1,8}】")
_META_ITEM = (rf"(?:(?:发布时间|发布日期|更新时间|更新日期|时间|日期)\s*[:：]\s*{_DATE_TIME}"
              r"|(?:来源|信息来源|文章来源|作者|编辑)\s*[:：]\s*[^\s\d，,。；]{1,15}"
              r"|(?:浏览次数|访问次数|点击数|点击率|阅读次数|浏览量)\s*[:：]\s*\d+\s*次?"
              rf"|{_SHARE})")
# a run starts with a dated label or a source label (a share button alone is matched by _SHARE_RUN)
_META_RUN = re.compile(rf"(?:发布时间|发布日期|更新时间|更新日期|时间|日期)\s*[:：]\s*{_DATE_TIME}"
                       r"|(?:来源|信息来源|文章来源)\s*[:：]\s*[^\s\d，,。；]{1,15}")
_META_NEXT = re.compile(rf"[^\S\n]*{_META_ITEM}")
_SHARE_RUN = re.compile(rf"(?:{_SHARE})(?:[^\S\n]*(?:{_SHARE}))+")
# What every match of _META_RUN and of _SHARE holds: a line without it has no run to look for (most lines of a
# report: these scans start with words and are fast, the runs' patterns try every character)
_MAY_META = re.compile(r"(?:时间|日期|来源)\s*[:：]")
_MAY_SHARE = re.compile(r"分享到|微信|微博|QQ|朋友圈|人人网|豆瓣|打印|关闭|收藏|扫一扫|字体|字号|【")
_LONG_LINE = 40
_SENTENCE_END = re.compile(r"[。！？；]")
# a short sentence of running prose (2023年，水利部坚持…。) opens the report; portal chrome never reads like one
_PROSE = re.compile(r"^.{4,}[，,].{4,}[。！？]$")
_AGENCY_LINE = re.compile(r"^[\u4e00-\u9fa5（）()]{2,30}(局|厅|委员会|委|办公室|办|人民政府|政府|中心|院|部|署|镇|乡|街道办事处|街道)$")
_ADDRESSEE = re.compile(r"^[^，。,]{2,40}[:：]$")
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）])")


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _stripped_span(start: int, line: str) -> tuple[int, int]:
    lead = len(line) - len(line.lstrip())
    return start + lead, start + len(line.rstrip())


def _is_anchor(line: str) -> bool:
    s = line.strip()
    return bool(
        is_title_line(s) or TITLE_WITHOUT_REPORT.fullmatch(s) or find_doc_number(s) or _ADDRESSEE.match(s) or _HEADING.match(s)
        or (len(s) >= _LONG_LINE and _SENTENCE_END.search(s)) or classify_heading(s).score >= 4
        or _PROSE.search(s)
    )


def _meta_run_end(line: str, pos: int) -> int:
    """End of the run of labelled page fields (dates, sources, counts, share buttons) starting at ``pos``."""
    m = _META_RUN.match(line, pos)
    assert m is not None
    end = m.end()
    while True:
        nxt = _META_NEXT.match(line, end)
        if nxt is None or nxt.end() == end:
            return end
        end = nxt.end()


def inline_chrome(line: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of page chrome inside a long line whose report text runs on around it.

    A breadcrumb at the line's start runs through short items (首页 政务公开 …) and stops before the first item
    that is long, names a year or ends like a title; a date/source run with share buttons (时间：2023-03-31 10:09
    微信 微博 QQ空间) and a run of share buttons alone are clutter wherever they stand.
    """
    found: list[tuple[str, int, int]] = []
    m = _CRUMB_START.match(line)
    if m:
        pos, end, arrow = m.end(), m.end(), True
        while True:
            item = _CRUMB_ITEM.match(line, pos)
            # after a plain space, a long item or one naming a year or ending like a title is the title itself;
            # after an arrow the item is a crumb, unless it is the only copy of the page's title
            word = item.group(0) if item else ""
            after = _CRUMB_SEP.match(line, item.end()) if item else None
            last = after is None or not after.group(0).strip()  # no arrow follows: the breadcrumb's last item
            if item is None or (not arrow and (len(word) > 12 or re.search(r"\d{4}|报告$", word))) or (
                    arrow and last and is_title_line(word) and word not in line[item.end():]) or (
                    item.end() < len(line) and after is None):
                break
            end = item.end()
            sep = _CRUMB_SEP.match(line, end)
            if sep is None:
                break
            arrow = bool(sep.group(0).strip())
            pos = sep.end()
        if end > m.end():
            found.append(("breadcrumb", 0, end))
    taken = found[-1][2] if found else 0
    for run in _META_RUN.finditer(line, taken) if _MAY_META.search(line, taken) else ():
        if found and run.start() < found[-1][2]:
            continue
        found.append(("source_line", run.start(), len(line[:_meta_run_end(line, run.start())].rstrip())))
    for run in _SHARE_RUN.finditer(line, taken) if _MAY_SHARE.search(line, taken) else ():
        if not any(a <= run.start() < b for _k, a, b in found):
            found.append(("tools", run.start(), run.end()))
    return sorted(found, key=lambda f: f[1])


def _prose_line(s: str) -> bool:
    """A long line with sentences in it: chrome inside it is cut out, the line is not chrome as a whole."""
    return len(s) > 60 and bool(_SENTENCE_END.search(s))


def find_clutter(text: str) -> list[Clutter]:
    """Return the clutter spans of a normalized report text, sorted by position, never overlapping."""
    lines = _lines(text)
    found: dict[int, Clutter] = {}

    def add(kind: str, start: int, end: int) -> None:
        if end > start and start not in found:
            found[start] = Clutter(kind, start, end, text[start:end])

    # Portal chrome: short lines before the first line that looks like the report itself.
    last_portal: int | None = None
    for start, _end, line in lines:
        s = line.strip()
        if not s:
            continue
        labelled = next((k for k, rule in LINE_RULES if rule.search(s)), None) if len(s) <= 120 else None
        if labelled is not None and _prose_line(s):
            labelled = None  # chrome running into the report: cut out below, the line itself is report text
        if labelled is None and _is_anchor(s):  # 索引号： is a label, not an addressee line
            if last_portal is not None and s.startswith("关于") and _AGENCY_LINE.match(found[last_portal].text):
                # the issuing body alone on the title's first line (东岭市司法局 / 关于2023年度…的报告)
                del found[last_portal]
            break
        last_portal = None
        if len(s) <= _LONG_LINE or labelled:
            a, b = _stripped_span(start, line)
            add(labelled or "portal", a, b)
            last_portal = a if not labelled else None

    chrome_chars = sum(c.end - c.start for c in found.values())
    if chrome_chars > 0.6 * len(text.strip()):  # short lines all the way down: a terse report, not a portal
        found = {k: c for k, c in found.items() if c.kind != "portal"}

    title, title_line = None, -1
    for i, (_start, _end, line) in enumerate(lines[:20]):
        if is_title_line(line.strip()):
            title, title_line = line.strip(), i
            break

    last_date_line = -1
    for i in range(len(lines) - 1, -1, -1):  # the last one: looked for from the end (a report ends with its date)
        if DATE_CN.fullmatch(lines[i][2].strip()):
            last_date_line = i
            break

    for i, (start, _end, line) in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if len(s) > 200:
            for kind, x, y in inline_chrome(line):
                add(kind, start + x, start + y)
            continue
        a, b = _stripped_span(start, line)
        if _prose_line(s):
            for kind, x, y in inline_chrome(line):
                add(kind, start + x, start + y)
            continue
        for kind, rule in LINE_RULES:
            if rule.search(s):
                # A long sentence that merely mentions 来源 is body text, not a source line.
                if kind == "source_line" and _SENTENCE_END.search(s) and len(s) > 60:
                    continue
                add(kind, a, b)
                break
        else:
            if title and i > title_line and i > last_date_line >= 0 and s == title:
                add("repeated_title", a, b)

    covered = Spans((c.start, c.end) for c in found.values())
    for kind, rule in INLINE_RULES:
        for m in rule.finditer(text):
            if not covered.contains(m.start()):
                found.setdefault(m.start(), Clutter(kind, m.start(), m.end(), m.group(0)))
    return _without_overlaps(sorted(found.values(), key=lambda c: (c.start, -c.end)))


def _without_overlaps(spans: list[Clutter]) -> list[Clutter]:
    out: list[Clutter] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out
