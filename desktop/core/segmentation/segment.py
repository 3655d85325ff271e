"""Segment a report: clutter, heading outline, required parts with their kinds and placement, metadata.

``segment_report(text)`` is pure: it takes the frozen normalized text and returns a :class:`Segmentation`
whose offsets all point into that text. Parts (placement ``section``) never overlap; a required kind that is
not its own part but a subsection or an inline item is reported with placement ``subsection``/``inline``
and lies inside a part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from desktop.core.segmentation.classify import (
    REQUIRED_KINDS,
    classify_heading,
    classify_part,
    heading_scores,
    named_kinds,
)
from desktop.core.segmentation.cleaning import Clutter, find_clutter
from desktop.core.segmentation.damage import DamageView, damage_view
from desktop.core.segmentation.doubts import Candidate, missing_candidates
from desktop.core.segmentation.judgement import assess_metadata, document_type, looks_truncated
from desktop.core.segmentation.metadata import Metadata, extract_metadata
from desktop.core.segmentation.outline import Heading, parse_outline
from desktop.core.segmentation.patterns import DATE_ANY, DATE_CN, is_title_line
from desktop.core.segmentation.spans import Spans
from desktop.core.segmentation.variants import fold_variants

PLACEMENTS = ("section", "subsection", "inline")


@dataclass(frozen=True)
class Section:
    """A part of a report: its kind, heading as it appears, level, placement and [start, end) offsets."""

    kind: str
    heading: str
    level: int
    placement: str
    start: int
    end: int
    # "high" when the heading names the kind (or a sentence states it outright); "low" when the kind rests
    # on position or body evidence (a topical heading, a 还存在…不足 sentence): the reviewer should look
    confidence: str = "high"
    # why a low-confidence part is low (what the reviewer should check); "" when high
    reason: str = ""

    def to_json(self) -> dict:
        return {"kind": self.kind, "heading": self.heading, "level": self.level, "placement": self.placement,
                "start": self.start, "end": self.end, "confidence": self.confidence, "reason": self.reason}


@dataclass
class Segmentation:
    """Everything segmentation found in one report text."""

    text: str
    clutter: list[Clutter]
    outline: list[Heading]
    sections: list[Section]
    missing: list[str]
    metadata: Metadata
    closing_start: int | None = None
    notes: list[str] = field(default_factory=list)
    doc_type: str = "annual_report"
    truncated: bool = False
    metadata_confidence: dict[str, str] = field(default_factory=dict)
    # why each low-confidence metadata field is low (read by the verify queue and the reader's 请核对 marks)
    metadata_reasons: dict[str, str] = field(default_factory=dict)
    # for each missing kind, the passage a reviewer checking the flag should look at first (doubts.py)
    missing_candidates: dict[str, Candidate] = field(default_factory=dict)

    def parts(self) -> list[Section]:
        """Sections with placement ``section`` (the top-level parts and the preamble)."""
        return [s for s in self.sections if s.placement == "section"]

    def to_json(self) -> dict:
        meta = self.metadata.values()
        return {
            "title": meta["title"], "agency": meta["agency"], "year": meta["year"],
            "doc_number": meta["doc_number"], "doc_date": meta["doc_date"],
            "published_at": meta["published_at"], "on_time": meta["on_time"], "source": meta["source"],
            "sections": [s.to_json() for s in self.sections],
            "missing": list(self.missing),
            "clutter": [c.to_json() for c in self.clutter],
            "outline": [h.to_json() for h in self.outline],
            "metadata_sources": self.metadata.sources(),
            "metadata_confidence": dict(self.metadata_confidence),
            "metadata_reasons": dict(self.metadata_reasons),
            "missing_candidates": {k: c.to_json() for k, c in self.missing_candidates.items()},
            "doc_type": self.doc_type,
            "truncated": self.truncated,
        }


_NUMBERED = re.compile(r"^(第?[一二三四五六七八九十]+(部分|[、．.])|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[①-⑳])")
_ADDRESSEE = re.compile(r"^[^，。,]{2,40}[:：]$")
_CLOSING = re.compile(r"^\s*(特此报告|特此汇报|以上报告)[。.!！]?\s*$")
# The duty stated in a sentence or an item, with or without the words 第一责任人: 局主要负责人亲自部署、带头讲法,
# 做到一把手亲自抓、分管领导具体抓, 压实主要领导法治建设责任. A citation of the duty's regulation in 《》 is not the
# duty itself (see _without_titles).
_LEADER = r"(党政)?主要负责(人|同志)|主要领导(干部|同志)?|党组书记|党委书记|一把手"
_LEADER_SENTENCE = re.compile(
    rf"第一责任人|({_LEADER}).{{0,30}}(履行|落实|履职|亲自|带头)"
    rf"|(压实|落实|扛牢|扛起|履行|强化)[^。；]{{0,12}}({_LEADER})[^。；]{{0,12}}(法治(政府)?建设|推进法治)[^。；]{{0,6}}(责任|职责)")
# What every match of _LEADER_SENTENCE and _SHORTCOMING_SENTENCE holds: a part or sentence without it has no match
# (their many branches are tried at every character; these words are scanned for in C)
_MAY_STATE = {"leader_duty": re.compile(r"第一责任人|主要负责|主要领导|党组书记|党委书记|一把手"),
              "shortcomings": re.compile(r"不足|问题|短板|差距|弱项")}
_BOOK_TITLE = re.compile(r"《[^》]{0,60}》")
# chrome that survived as text (a breadcrumb's tail, a menu) is never a sentence of the report
# [>＞»›]|首页|当前位置|您所在的位置|您的位置|您现在的位置, led by one character class (scanned for in C): the same matches
_NOT_PROSE = re.compile(r"[>＞»›首当您](?:(?<=[>＞»›])|(?<=首)页|(?<=当)前位置|(?<=您)(?:所在的位置|的位置|现在的位置))")
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
# The report speaking of its own shortcomings (但还存在一些不足), not of problems it solved (解决群众存在的困难).
_SHORTCOMING_SENTENCE = re.compile(
    r"(还|仍|也|但|同时|尚)[^。；]{0,6}(存在|有)[^。；]{0,10}(不足|问题|短板|差距|弱项)|不足之处|存在以下(问题|不足)"
    # 但与…相比，仍存在A、B等不足: the closing admission, however long its list
    r"|(与|同)[^。；]{2,30}相比[^。]{0,12}(仍|还|尚)(存在|有)[^。]{0,80}?(不足|问题|短板|差距|弱项)"
    r"|(仍|还|尚)(存在|有)[^。]{0,80}?等(方面的?)?(不足|问题|短板|差距|弱项)")
_LEAD_YEAR = re.compile(r"^((?:19|20)\d{2})\s*年")
_PLAN_SENTENCE = re.compile(r"^(下一步|下阶段|下一阶段|接下来|今后|明年|来年|新的一年|新一年|下一年度?|"
                            r"(?:19|20)\d{2}\s*年[,，]?\s*(我们|我局|我委|我厅|我办|本单位)?(将|要|计划))")


_STOP_OR_COMMA = re.compile(r"[。；，,]")
_LEAD_SENTENCE = re.compile(r"^[^。：:]{4,40}[。：:]")
_SENTENCE_STOP = re.compile(r"[。；！？]")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _in_spans(pos: int, spans: Spans) -> bool:
    return spans.contains(pos)


def _closing_start(text: str, blocked: Spans) -> int | None:
    """Start of the closing block (特此报告 / issuing body / date), or None."""
    lines = []
    for a, b in _line_spans(text):
        line = text[a:b]
        lead = len(line) - len(line.lstrip())
        if lead < len(line) and not blocked.contains(a + lead):  # a line with text, not starting in clutter
            lines.append((a, b))
    if not lines:
        return None
    tail = lines[-6:]
    for a, b in tail:
        if _CLOSING.match(text[a:b]):
            return a
    tail = [(a, b) for a, b in lines[-3:] if a >= len(text) // 2]  # the 落款 date closes the text
    for idx in range(len(tail) - 1, -1, -1):
        a, b = tail[idx]
        s = text[a:b].strip()
        if DATE_CN.fullmatch(s) or (len(s) <= 16 and DATE_ANY.fullmatch(s)):
            start = a
            if idx > 0:
                pa, pb = tail[idx - 1]
                prev = text[pa:pb].strip()
                if len(prev) <= 40 and not _STOP_OR_COMMA.search(prev):
                    start = pa
            return start
    # A single-line report may end with …特此报告。机关名称2026年3月2日
    last = text.rfind("特此报告")
    if last > len(text) * 0.6:
        return last
    return None


def _trim_end(text: str, start: int, end: int, blocked: Spans) -> int:
    """``end`` moved back over trailing whitespace and clutter (never before ``start``)."""
    changed = True
    while changed and end > start:
        changed = False
        while end > start and text[end - 1].isspace():
            end -= 1
            changed = True
        span = blocked.ending_over(end)
        if span is not None and span[0] >= start and span[0] < end:
            end = span[0]
            changed = True
    return end


def _body_start(text: str, blocked: Spans) -> int:
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        span = blocked.at(pos)
        if span is None:
            return pos
        pos = span[1]
    return len(text)


def _plain_headings(text: str, blocked: Spans, closing: int | None) -> list[tuple[int, int]]:
    """Unnumbered part headings: short standalone lines or lead sentences that clearly name a part."""
    found: list[tuple[int, int]] = []
    for a, b in _line_spans(text):
        line = text[a:b]
        s = line.strip()
        if not s or _in_spans(a, blocked) or (closing is not None and a >= closing):
            continue
        lead = a + len(line) - len(line.lstrip())
        if is_title_line(s) or _ADDRESSEE.match(s) or DATE_CN.fullmatch(s) or _NUMBERED.match(s):
            continue
        if len(s) <= 30 and not _STOP_OR_COMMA.search(s.rstrip("：:")):
            head = s  # a standalone heading line (a full sentence ending in 。 is body text)
        else:
            # a lead sentence that names the part and is followed by the paragraph it heads
            m = _LEAD_SENTENCE.match(s)
            head = m.group(0) if m and len(s) > len(m.group(0)) + 4 else ""
        if head:
            ks = classify_heading(head)
            if ks.kind and ks.score >= 4 and ks.score > ks.runner_up:
                found.append((lead, lead + len(head)))
    return found


def _first_sentence(text: str, start: int, end: int, limit: int = 120) -> str:
    while start < end and text[start] in "。；！？：:，, \u3000":  # the stop that ended the heading
        start += 1
    chunk = text[start:min(end, start + limit)]
    m = _SENTENCE_STOP.search(chunk)
    return chunk[: m.end()] if m else chunk


def segment_report(text: str) -> Segmentation:
    """Segment a frozen report text into clutter, outline, parts and metadata.

    Detection runs over a view of the text with damage removed (watermarks, notices, inserted pinyin, spaces
    inside words; see damage.py) and traditional characters folded to simplified ones; every offset is mapped
    back, and headings and clutter texts in the result are cut from the original text. Metadata values are
    given in the view's (simplified, undamaged) form.
    """
    seg, folded = _segment_view(text)
    body = next((s.start for s in seg.sections if s.placement == "section"), 0)
    seg.missing_candidates = missing_candidates(text, seg.missing, seg.clutter, body, folded)
    return seg


def _segment_view(text: str) -> tuple[Segmentation, str | None]:
    """Segmentation over the damage-free, simplified view, with every offset mapped back onto ``text``; and
    ``fold_variants(text)`` when it was made on the way (the view of a text without damage), else None."""
    damage = damage_view(text)
    view = fold_variants(damage.text)
    seg = _segment(view)
    folded = None if damage.changed else view
    if view == text:
        return seg, folded
    if damage.changed:
        _map_back(seg, damage)
    else:
        seg.sections = [Section(s.kind, text[s.start:s.start + len(s.heading)], s.level, s.placement, s.start,
                                s.end, s.confidence, s.reason) for s in seg.sections]
    seg.text = text
    seg.clutter = [Clutter(c.kind, c.start, c.end, text[c.start:c.end]) for c in seg.clutter]
    for h in seg.outline:
        h.text = text[h.start:h.heading_end]
    return seg, folded


def _map_back(seg: Segmentation, damage: DamageView) -> None:
    """Move every offset of a segmentation of the damage view onto the original text."""
    text = damage.original
    start, end = damage.start, damage.end
    spans = [Clutter(c.kind, start(c.start), end(c.end), "") for c in seg.clutter]
    spans += [Clutter(kind, a, b, "") for kind, a, b in damage.clutter_spans()]
    spans.sort(key=lambda c: (c.start, -c.end))
    clutter: list[Clutter] = []
    for c in spans:
        if clutter and c.start < clutter[-1].end:
            continue
        clutter.append(c)
    seg.clutter = clutter
    for h in seg.outline:
        h.start, h.heading_end, h.end = start(h.start), end(h.heading_end), end(h.end)
        h.heading_end = max(h.start, h.heading_end)
        h.end = max(h.heading_end, h.end)
    seg.sections = [Section(s.kind, text[start(s.start):max(start(s.start), end(s.start + len(s.heading)))],
                            s.level, s.placement, start(s.start), max(start(s.start), end(s.end)), s.confidence,
                            s.reason)
                    for s in seg.sections]
    if seg.closing_start is not None:
        seg.closing_start = start(seg.closing_start)


def _segment(text: str) -> Segmentation:
    clutter = find_clutter(text)
    blocked = Spans((c.start, c.end) for c in clutter)
    closing = _closing_start(text, blocked)
    outline = parse_outline(text, blocked)
    top = [h for h in outline if h.level == 1 and h.style != "cn_shi" and (closing is None or h.start < closing)]
    if not any(h.style in ("cn_dun", "part") for h in top):
        plain = _plain_headings(text, blocked, closing)
        if plain:
            outline = parse_outline(text, blocked, plain)
            top = [h for h in outline if h.level == 1 and h.style != "cn_shi" and (closing is None or h.start < closing)]
    if closing is not None:
        outline = [h for h in outline if h.start < closing]
        for h in outline:
            h.end = min(h.end, closing)
    for h in outline:
        h.end = max(h.heading_end, _trim_end(text, h.start, h.end, blocked))

    body_start = _body_start(text, blocked)
    body_end = _trim_end(text, body_start, closing if closing is not None else len(text), blocked)
    sections: list[Section] = []
    if top and top[0].start > body_start:
        pre_end = _trim_end(text, body_start, top[0].start, blocked)
        if pre_end > body_start:
            sections.append(Section("preamble", "", 0, "section", body_start, pre_end))
    elif not top and body_end > body_start:
        kind, _score = classify_part("", text[body_start:body_end])
        sections.append(Section(kind or "achievements", "", 1, "section", body_start, body_end, "low"))

    year_hint = _year_hint(text, body_start, top[0].start if top else body_end)
    for i, h in enumerate(top):
        end = top[i + 1].start if i + 1 < len(top) else body_end
        end = _trim_end(text, h.start, end, blocked)
        kind, _score = classify_part(h.text, text[h.heading_end:end], year_hint)
        if i == 0 and not heading_scores(h.text):
            # The first part under a topical heading (坚持党的领导，…) opens the measures: a report starts
            # with what it did; leader duty or a plan written inside it is found nested below.
            kind = None
        if kind is None:
            # A topical heading (坚持党的领导，…) that names no part is a measure: reports use topical
            # headings for the achievements part, wherever it stands.
            kind = "achievements"
        confidence = _part_confidence(h.text, kind, year_hint)
        sections.append(Section(kind, h.text, 1, "section", h.start, max(end, h.heading_end), confidence))

    if top and any(h.style in ("cn_dun", "part") for h in top) and not set(REQUIRED_KINDS) <= {
            s.kind for s in sections}:
        sections = _split_at_plain_headings(text, sections, blocked, closing)
    present = {s.kind for s in sections}
    for kind in REQUIRED_KINDS:
        if kind in present:
            continue
        found = _find_nested(text, kind, outline, sections, year_hint, blocked)
        if found is None:
            # a part whose heading names this kind too (存在的问题及下一步打算) holds it inline
            shared = next((s for s in sections if s.placement == "section" and s.heading
                           and kind in named_kinds(s.heading)), None)
            if shared is not None:
                found = Section(kind, shared.heading, shared.level, "inline", shared.start, shared.end,
                                shared.confidence)
        if found:
            # a nested part ends where the part holding it ends (that part's end was trimmed back over clutter)
            holder = next((s for s in sections if s.placement == "section" and s.start <= found.start < s.end), None)
            if holder is not None and found.end > holder.end:
                found = replace(found, end=holder.end)
            sections.append(found)
    sections.sort(key=lambda s: (s.start, PLACEMENTS.index(s.placement)))
    sections = [replace(s, reason=_part_reason(s)) if s.confidence == "low" else s for s in sections]
    present = {s.kind for s in sections}
    missing = [k for k in REQUIRED_KINDS if k not in present]
    part_headings = [(s.kind, s.heading) for s in sections if s.placement == "section" and s.heading]
    metadata = extract_metadata(text, clutter, top[0].start if top else None, part_headings)
    seg = Segmentation(text, clutter, outline, sections, missing, metadata, closing)
    seg.metadata_confidence, seg.metadata_reasons = assess_metadata(metadata, part_headings)
    title = metadata.title.value
    seg.doc_type = document_type(str(title) if title else None, text[:400],
                                 [h.text for h in top])
    seg.truncated = looks_truncated(text[:body_end], closing)
    return seg


_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _year_hint(text: str, start: int, end: int) -> int | None:
    """The covered year as the title or the opening sentence gives it (before metadata is extracted)."""
    for line in text[start:end].split("\n")[:8]:
        s = line.strip()
        m = _TITLE_YEAR.search(s)
        if m and (is_title_line(s) or s.startswith(m.group(0))):
            return int(m.group(1))
    return None


def _split_at_plain_headings(text: str, sections: list[Section], blocked: Spans,
                             closing: int | None) -> list[Section]:
    """Numbered parts mixed with an unnumbered one (一、… 二、… then a bare 下一步工作计划 line): split the part that
    swallowed a standalone line naming a required kind that no numbered part has."""
    present = {s.kind for s in sections}
    out = list(sections)
    for lead, hend in _plain_headings(text, blocked, closing):
        head = text[lead:hend]
        if len(head) > 30 or _STOP_OR_COMMA.search(head.rstrip("：:")):
            continue  # only a standalone heading line, not a lead sentence
        kind = classify_heading(head).kind
        if kind not in REQUIRED_KINDS or kind in present or classify_heading(head).score < 5:
            continue
        holder = next((s for s in out if s.placement == "section" and s.heading and s.start < lead < s.end), None)
        if holder is None:
            continue
        cut = _trim_end(text, holder.start, lead, blocked)
        i = out.index(holder)
        out[i:i + 1] = [Section(holder.kind, holder.heading, holder.level, "section", holder.start,
                                max(cut, holder.start + len(holder.heading)), holder.confidence),
                        Section(kind, head, 1, "section", lead, holder.end)]
        present.add(kind)
    return out


def _part_confidence(heading: str, kind: str, year: int | None) -> str:
    """High when the heading itself names the kind clearly (or names next year for a plan), else low."""
    scores = heading_scores(heading)
    own = scores.get(kind, 0.0)
    others = max((v for k, v in scores.items() if k != kind), default=0.0)
    if kind == "next_plan" and year is not None and str(year + 1) in heading:
        return "high"
    return "high" if own >= 3 and own > others else "low"


def _holding_subsection(outline: list[Heading], pos: int, kind: str) -> Heading | None:
    """The innermost numbered subsection around ``pos`` whose heading hints at ``kind`` (履职, 责任落实)."""
    holder = None
    for h in outline:
        if h.style == "cn_shi" or h.level < 2 or not (h.start <= pos < h.end):
            continue
        if heading_scores(h.text).get(kind, 0.0) > 0:
            holder = h
    return holder


_NESTED_THRESHOLD = {"leader_duty": 5.0, "shortcomings": 6.0, "next_plan": 5.0, "achievements": 4.0}


def _without_titles(sentence: str) -> str:
    """The sentence with the titles it cites (《…第一责任人职责规定》) blanked out."""
    return _BOOK_TITLE.sub(lambda m: "《" + "　" * (len(m.group(0)) - 2) + "》", sentence)


def _find_nested(text: str, kind: str, outline: list[Heading], parts: list[Section],
                 year: int | None = None, blocked: Spans | None = None) -> Section | None:
    """Where a required kind sits inside another part: a subsection, an 一是 item, or a sentence.

    Among nested headings the one whose own words name the kind wins over one whose first sentence does
    (2.落实第一责任人职责 over 1.健全领导机制 whose body mentions 主要负责人); ties go to the first.
    """
    best: tuple[float, Heading] | None = None
    for h in outline:
        if h.level < 2 and h.style != "cn_shi":
            continue
        own = heading_scores(h.text).get(kind, 0.0)
        score = own
        if kind == "leader_duty":
            probe = h.text + _without_titles(_first_sentence(text, h.heading_end, h.end))
            score = max(score, heading_scores(probe).get(kind, 0.0))
            if _MAY_STATE[kind].search(probe) and _LEADER_SENTENCE.search(probe):
                score = max(score, 6.0)
        if score >= _NESTED_THRESHOLD[kind]:
            rank = score + own  # the heading's own words count twice
            if best is None or rank > best[0]:
                best = (rank, h)
    if best is not None:
        h = best[1]
        placement = "inline" if h.style == "cn_shi" else "subsection"
        if kind == "leader_duty":  # the heading names the duty, or its first sentence says 第一责任人
            sure = own >= _NESTED_THRESHOLD[kind] or "第一责任人" in _without_titles(
                h.text + _first_sentence(text, h.heading_end, h.end))
        else:
            sure = best[0] >= 2 * _NESTED_THRESHOLD[kind]
        confidence = "high" if sure else "low"
        return Section(kind, h.text, h.level, placement, h.start, h.end, confidence)
    pattern = {"leader_duty": _LEADER_SENTENCE, "shortcomings": _SHORTCOMING_SENTENCE,
               "next_plan": _PLAN_SENTENCE}.get(kind)
    if pattern is None:
        return None
    may = _MAY_STATE.get(kind)
    for part in parts:
        if part.kind == "preamble" and kind != "leader_duty":
            continue
        if may is not None and may.search(text, part.start, part.end) is None:
            continue
        for m in _SENTENCE.finditer(text[part.start:part.end]):
            if may is not None and may.search(m.group(0)) is None:
                continue
            sentence = m.group(0).strip()
            at = part.start + m.start()
            if not sentence or _NOT_PROSE.search(sentence) or (blocked is not None and blocked.contains(
                    at + len(m.group(0)) - len(m.group(0).lstrip()))):
                continue
            found = pattern.search(_without_titles(sentence))
            if found is None:
                continue
            if kind == "next_plan" and (lead_year := _LEAD_YEAR.match(sentence)):
                # 2023年，我局将…纳入… is past work; only next year's 将 is a plan
                if year is None or int(lead_year.group(1)) != year + 1:
                    continue
            start = part.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            end = part.start + m.end()
            if kind == "leader_duty":
                holder = _holding_subsection(outline, start, kind)
                stated = "high" if "第一责任人" in _without_titles(sentence) else "low"
                if holder is not None:  # (三)严格履职紧抓责任落实 whose body states the duty: the whole subsection
                    return Section(kind, holder.text, holder.level, "subsection", holder.start, holder.end, stated)
                return Section(kind, sentence[:40], part.level + 1, "inline", start, end, stated)
            # a shortcomings or plan passage runs to the end of its paragraph
            para_end = text.find("\n", end)
            end = min(part.end, para_end if para_end >= 0 else part.end)
            return Section(kind, sentence[:40], part.level + 1, "inline", start, end, "low")
    return None


def _part_reason(section: Section) -> str:
    """Why a low-confidence part is low, in the words a reviewer checks it by."""
    if section.placement == "section":
        if not section.heading:
            return "no part headings: the whole text is taken as one part"
        if not heading_scores(section.heading):
            return "a topical heading that names no part: the kind comes from its position and body"
        return "the heading does not name this part clearly"
    if section.kind == "leader_duty":
        return "only a sentence about the leaders' duty, without the words 第一责任人"
    if section.placement == "subsection":
        return "a subsection whose heading does not name this part"
    return "only a sentence or an item states this part"
