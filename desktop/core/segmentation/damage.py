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
from dataclasses import dataclass, field

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin reading in brackets right after a character: 設(shè), 領（lǐng）; a tone mark makes it pinyin, not (a).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[" + _TONED + r"])[a-z" + _TONED + r"ü]{1,7}[)）]")
_NOTICE = re.compile(r"[(（\[【][^()（）\[\]【】\n]{0,16}(?:已省略|已隐藏|已删减|已删除|省略了?|略去)\s*\d*\s*字?"
                     r"[^()（）\[\]【】\n]{0,10}[)）\]】]")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]{2,40}(?:\.[A-Za-z0-9-]{2,20})*\.(?:com|cn|net|org|cc|top|vip|info)"
                     r"(?:\.cn)?(?:/[A-Za-z0-9_./-]*)?", re.ASCII)
# A space between two characters of one word (法 治政府); only a single space, never at a line start.
_INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_RUNNING = re.compile(r"[。，,；]")
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


def _watermarks(text: str) -> list[tuple[int, int]]:
    """Spans of watermarks: a web address, with the slogan before it when every copy repeats it."""
    hits = [(m.start(), m.end(), m.group(0)) for m in _DOMAIN.finditer(text)]
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
    """Single spaces inside words of running text (a line of sentences), never before a label (来源:)."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if len(line) > 40 and _RUNNING.search(line) and " " in line:
            for m in _INNER_SPACE.finditer(line):
                if not _LABEL_AFTER.match(line, m.end()):
                    out.append(("space", pos + m.start(), pos + m.end()))
        pos += len(line) + 1
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
