"""Tolerate text damage from mirrors and document sites without touching the frozen text.

Mirror and document-sharing sites damage the text they copy: a watermark injected inside a phrase
(第一秘书之家—全网资源每日更新www.xxx.com责任人), pinyin readings inserted after characters (建設(shè)), spaces inside
words from pdf/docx extraction (法 治政府), and notices such as (开头部分已省略650字). Segmentation runs over a
*view* of the text with these removed; :class:`DamageView` maps every offset found in the view back to the frozen
text, so stored coordinates are never rewritten. Watermarks and notices are also reported as clutter spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin reading in brackets right after a character: 設(shè), 領（lǐng）; a tone mark makes it pinyin, not (a).
# The bracket comes first and the character before it is looked back at: a pattern that starts with a character
# class is scanned for in C (a leading look-behind is tried at every character, ~5x slower), same matches.
_PINYIN = re.compile(r"[(（](?<=[\u4e00-\u9fff][(（])(?=[a-zü]*[" + _TONED + r"])[a-z" + _TONED + r"ü]{1,7}[)）]")
_NOTICE = re.compile(r"[(（\[【][^()（）\[\]【】\n]{0,16}(?:已省略|已隐藏|已删减|已删除|省略了?|略去)\s*\d*\s*字?"
                     r"[^()（）\[\]【】\n]{0,10}[)）\]】]")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]{2,40}(?:\.[A-Za-z0-9-]{2,20})*\.(?:com|cn|net|org|cc|top|vip|info)"
                     r"(?:\.cn)?(?:/[A-Za-z0-9_./-]*)?", re.ASCII)
# Every character a _DOMAIN match can hold, and the part every match has: a match lies inside one run of these
# characters holding a TLD, so only such runs are searched (a 50 MB line of letters costs one pass, not 40 a char).
_DOMAIN_RUN = re.compile(r"[A-Za-z0-9._:/-]+", re.ASCII)
_TLD = re.compile(r"\.(?:com|cn|net|org|cc|top|vip|info)", re.ASCII)
# A space between two characters of one word (法 治政府); only a single space, never at a line start.
_INNER_SPACE = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")  # the space first: see _PINYIN
# Words whose letters pdf/docx extraction splits with a space; their adjacent pairs are rejoined in the view.
_VOCABULARY = """法治 政府 建设 法治政府 依法行政 依法 行政 第一责任人 责任人 责任 职责 主要负责人 负责人 负责同志 党政 领导
履行 推进 落实 存在 不足 问题 原因 短板 差距 弱项 薄弱 下一步 下一年度 年度 安排 打算 计划 思路 举措 成效 措施 做法
情况 工作 报告 总结 基本 主要 全面 深入 学习 贯彻 思想 执法 规范性 文件 复议 诉讼 决策 公开 信息 普法 述法 统计
索引号 发文机关 发布机构 发布日期 发布时间 成文日期 来源 人民政府 办公室 委员会 街道 办事处"""
_PAIRS = {w[i:i + 2] for w in _VOCABULARY.split() for i in range(len(w) - 1)}
_LABEL_AFTER = re.compile(r"[\u4e00-\u9fff]{1,6}\s*[:：]")
_WATERMARK_LEFT = re.compile(r"[\u4e00-\u9fff—\-·|｜ ]")


@dataclass
class DamageView:
    """The text with damage removed (``text``) and the removed spans of the original (kind, start, end)."""

    original: str
    text: str
    removed: list[tuple[str, int, int]] = field(default_factory=list)
    _keys: list[int] = field(default_factory=list)
    _shift: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.removed)

    def start(self, pos: int) -> int:
        """Original offset of the view character at ``pos`` (a start offset)."""
        i = bisect_right(self._keys, pos) - 1
        return pos + (self._shift[i] if i >= 0 else 0)

    def end(self, pos: int) -> int:
        """Original offset for an exclusive end offset ``pos`` of the view."""
        return 0 if pos <= 0 else self.start(pos - 1) + 1

    def clutter_spans(self) -> list[tuple[str, int, int]]:
        """Removed spans that are page clutter (watermarks, notices), not damage inside the words."""
        return [(k, a, b) for k, a, b in self.removed if k in ("watermark", "notice")]


def _domain_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of _DOMAIN in ``text``, the same as ``_DOMAIN.finditer(text)``, searched only where one can be."""
    if _TLD.search(text) is None:  # every match holds a TLD (most reports hold none: one fast pass)
        return
    for run in _DOMAIN_RUN.finditer(text):
        start, end = run.span()
        if end - start >= 5 and _TLD.search(text, start, end):
            yield from _DOMAIN.finditer(text, start, end)


def _watermarks(text: str) -> list[tuple[int, int]]:
    """Spans of watermarks: a web address, with the slogan before it when every copy repeats it."""
    hits = [(m.start(), m.end(), m.group(0)) for m in _domain_matches(text)]
    if not hits:
        return []
    groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for hit in hits:
        groups[hit[2]].append(hit)
    out: list[tuple[int, int]] = []
    for same in groups.values():
        left = 0
        if len(same) >= 2:
            # extend left while every copy of this address has the same character before it
            while left < 30:
                chars = {text[h[0] - left - 1] if h[0] - left - 1 >= 0 else "" for h in same}
                if len(chars) != 1 or not _WATERMARK_LEFT.match(next(iter(chars)) or "\n"):
                    break
                left += 1
        out.extend((start - left, end) for start, end, _addr in same)
    return out


def _inner_spaces(text: str) -> list[tuple[str, int, int]]:
    """Single spaces that split a word of the report's vocabulary (法 治, 不 足, 责 任人), never before a label.

    Only a space between two characters that form a pair of a known word is removed: a space that separates a
    heading from its body in a flattened page (…主要工作 全年办理…) stays where it is.
    """
    out = []
    for m in _INNER_SPACE.finditer(text):
        a = m.start()
        if text[a - 1] + text[a + 1] in _PAIRS and not _LABEL_AFTER.match(text, a + 1):
            out.append(("space", a, a + 1))
    return out


def damage_view(text: str) -> DamageView:
    """The view of ``text`` with watermarks, notices, inserted pinyin and spaces inside words removed."""
    spans: list[tuple[str, int, int]] = []
    spans += [("watermark", a, b) for a, b in _watermarks(text)]
    spans += [("notice", m.start(), m.end()) for m in _NOTICE.finditer(text)]
    spans += [("pinyin", m.start(), m.end()) for m in _PINYIN.finditer(text)]
    spans += _inner_spaces(text)
    if not spans:
        return DamageView(text, text)
    spans.sort(key=lambda s: (s[1], -s[2]))
    kept: list[tuple[str, int, int]] = []
    for kind, a, b in spans:
        if kept and a < kept[-1][2]:
            continue
        kept.append((kind, a, b))
    pieces, keys, shifts = [], [], []
    pos = removed = 0
    for _kind, a, b in kept:
        pieces.append(text[pos:a])
        removed += b - a
        keys.append(a - (removed - (b - a)))
        shifts.append(removed)
        pos = b
    pieces.append(text[pos:])
    return DamageView(text, "".join(pieces), kept, keys, shifts)
