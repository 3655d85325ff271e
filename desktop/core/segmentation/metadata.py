"""Extract a report's metadata: title, agency, year covered, document number, dates, source, timeliness.

Every field records where it came from (``source``), so the reviewer can judge how far to trust it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.segmentation import agency as agency_rules
from desktop.core.segmentation.cleaning import Clutter
from desktop.core.segmentation.patterns import (
    DATE_ANY,
    DATE_CN,
    TITLE_WITHOUT_REPORT,
    cn_number,
    find_doc_number,
    is_title_line,
)

_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年度?")
_LEADING_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:度)?[，,以来]")
_REPORTING_YEAR = re.compile(r"现将[^。；\n]{0,20}?((?:19|20)\d{2})\s*年度?[^。；\n]{0,40}?(?:报告|汇报|总结)如下")
_FIELD_GAP = re.compile(r"\s+[-–—|｜]\s+|\s{2,}|\t")
_SOURCE = re.compile(r"(?:信息来源|文章来源|来源)\s*[:：]\s*(?P<v>[^\s|｜]{2,40})")
_DATE_LABEL = re.compile(
    r"(?P<label>成文日期|公文生成日期|发文日期|印发日期|发布时间|发布日期|更新时间|更新日期|(?<![\u4e00-\u9fa5])(?:日期|时间))"
    r"\s*[:：]\s*(?P<date>(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")
_DOC_DATE_LABEL = re.compile(r"成文日期|公文生成日期|发文日期|印发日期")
_PUBLISH_RANK = {"发布时间": 0, "发布日期": 0, "更新时间": 1, "更新日期": 1}
_PUBLISH_LABEL = re.compile(r"发布(时间|日期)")
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|日期|时间)\s*[:：]\s*")
_TITLE_PREFIX = re.compile(r"^(.{6,80}?报告)(?=\S{10})")
_SIGNATURE = re.compile(r"^[\u4e00-\u9fa5（）()]{3,40}$")
_AGENCY_WORDS = re.compile(r"(局|厅|委员会|委|办公室|办|政府|中心|院|部|署|会|处|站|所)$")


@dataclass(frozen=True)
class Field:
    """A metadata value and where it was found (e.g. ``title``, ``signature``, ``clutter:source_line``)."""

    value: object
    source: str


FIELD_NAMES = ("title", "agency", "year", "doc_number", "doc_date", "published_at", "source", "on_time")


@dataclass(frozen=True)
class Metadata:
    """The metadata of one report; values are None when unknown.

    ``rejected`` lists the agency candidates that failed the plausibility checks, as ``(value, reason)``: they are
    never the value, but the reviewer is told what was found and why it was refused.
    """

    title: Field
    agency: Field
    year: Field
    doc_number: Field
    doc_date: Field
    published_at: Field
    source: Field
    on_time: Field
    rejected: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def values(self) -> dict:
        return {name: getattr(self, name).value for name in FIELD_NAMES}

    def sources(self) -> dict:
        return {name: getattr(self, name).source for name in FIELD_NAMES}


NONE = Field(None, "")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(s: str) -> str | None:
    """ISO date of the first date in a string (2026年3月2日, 二〇二六年三月二日, 2026-03-02, 2026/3/2)."""
    m = DATE_CN.search(s)
    if m:
        if m.group(1):
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        year, month, day = cn_number(m.group(4)), cn_number(m.group(5)), cn_number(m.group(6))
        if year and month and day:
            return _iso(year, month, day)
    m = DATE_ANY.search(s)
    if m:
        if m.group(1):
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _iso(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    return None


def _labelled_dates(head: str) -> tuple[Field, Field]:
    """(document date, publication date) printed with their labels in the page head.

    成文日期/发文日期/公文生成日期 give the document date; 发布时间/发布日期 the publication date, before 更新时间 and
    a bare 日期/时间 label: a page printing both never has its 成文日期 taken for the publication date.
    """
    doc, pub, pub_rank = NONE, NONE, 9
    for m in _DATE_LABEL.finditer(head):
        label = m.group("label")
        d = m.group("date")
        nums = re.findall(r"\d+", d)
        iso = _iso(int(nums[0]), int(nums[1]), int(nums[2])) if len(nums) >= 3 else None
        if iso is None:
            continue
        if _DOC_DATE_LABEL.fullmatch(label):
            if doc.value is None:
                doc = Field(iso, f"page metadata ({label})")
        elif _PUBLISH_RANK.get(label, 2) < pub_rank:
            pub, pub_rank = Field(iso, f"page ({label})"), _PUBLISH_RANK.get(label, 2)
    return doc, pub


def _lines_outside(text: str, clutter: list[Clutter]) -> list[tuple[int, str]]:
    """(offset, stripped text) of each line, or of each piece of a line between clutter spans (a flattened page
    whose breadcrumb and date run into the title: 当前位置：首页 … <title> 时间：… <body>)."""
    spans = sorted((c.start, c.end) for c in clutter)
    out = []
    pos = 0
    k = 0
    for line in text.split("\n"):
        end = pos + len(line)
        while k < len(spans) and spans[k][1] <= pos:
            k += 1
        piece_start = pos
        j = k
        while piece_start < end:
            while j < len(spans) and spans[j][1] <= piece_start:
                j += 1
            if j < len(spans) and spans[j][0] <= piece_start:
                piece_start = spans[j][1]
                continue
            piece_end = min(end, spans[j][0]) if j < len(spans) else end
            piece = text[piece_start:piece_end]
            s = piece.strip()
            if s:
                out.append((piece_start + len(piece) - len(piece.lstrip()), s))
            piece_start = piece_end
        pos = end + 1
    return out


def extract_metadata(text: str, clutter: list[Clutter], first_heading_start: int | None = None,
                     part_headings: list[tuple[str, str]] | None = None) -> Metadata:
    """Metadata of a normalized report text, given its clutter spans and (kind, heading) of its parts."""
    lines = _lines_outside(text, clutter)
    head_limit = first_heading_start if first_heading_start is not None else len(text)
    head_lines = [(p, s) for p, s in lines if p < head_limit][:12]

    title = NONE
    for i, (_p, s) in enumerate(head_lines):
        if is_title_line(s):
            title = Field(s, f"text line {i + 1}")
            break
        first = _FIELD_GAP.split(s)[0]  # a flattened metadata table: 标题 - 文号:
        if first != s and is_title_line(first):
            title = Field(first, f"text line {i + 1}")
            break
        # titles are sometimes broken over two lines
        if i + 1 < len(head_lines) and is_title_line(s + head_lines[i + 1][1]) and len(s) < 40:
            title = Field(s + head_lines[i + 1][1], f"text lines {i + 1}-{i + 2}")
            break

    if title.value is None and head_lines:
        # a page flattened to one line: the title runs straight into the report (…情况的报告2023年，省政府…)
        m = _TITLE_PREFIX.match(head_lines[0][1])
        if m and is_title_line(m.group(1)):
            title = Field(m.group(1), "start of text line 1")
    if title.value is None and head_lines and TITLE_WITHOUT_REPORT.fullmatch(head_lines[0][1]):
        # …2023年度法治政府建设情况: a page title without 报告 on the first line of its own (low confidence)
        title = Field(head_lines[0][1], "first line (a title without 报告)")

    doc_number = NONE
    for _p, s in head_lines:
        m = find_doc_number(s)
        if m:
            doc_number = Field(re.sub(r"\s+", "", m.group(0)), "text")
            break
    if doc_number.value is None:
        for c in clutter:
            m = find_doc_number(c.text)
            if m:
                doc_number = Field(re.sub(r"\s+", "", m.group(0)), f"clutter:{c.kind}")
                break

    # The document date: the last date standing alone on a line near the end (the 落款 date).
    doc_date = NONE
    date_line_index = None
    tail = lines[-8:]
    for idx in range(len(tail) - 1, -1, -1):
        _p, s = tail[idx]
        if DATE_CN.fullmatch(s) or (len(s) <= 16 and DATE_ANY.fullmatch(s)):
            iso = parse_date(s)
            if iso:
                doc_date = Field(iso, "date line at the end")
                date_line_index = len(lines) - len(tail) + idx
                break
    if doc_date.value is None:
        # Some reports print the date in brackets under the title: （2024年3月20日）
        for _p, s in head_lines:
            inner = s.strip("（）() ")
            if s != inner and DATE_CN.fullmatch(inner):
                doc_date = Field(parse_date(inner), "date under the title")
                break
    head_text = text[: min(max(head_limit, 0) or len(text), 4000)]
    labelled_doc, labelled_pub = _labelled_dates(head_text)
    if doc_date.value is None:
        doc_date = labelled_doc

    signature = None
    if date_line_index is not None:
        for j in range(date_line_index - 1, max(date_line_index - 3, -1), -1):
            s = lines[j][1]
            if _SIGNATURE.match(s) and _AGENCY_WORDS.search(s) and "特此" not in s:
                signature = s
                break

    source = NONE
    published = labelled_pub
    # Lines that say 发布 come first: a metadata table's 发文日期 value or a portal date is only a fallback.
    clutter = sorted(clutter, key=lambda c: 0 if _PUBLISH_LABEL.search(c.text) else 1)
    for c in clutter:
        if c.kind not in ("source_line", "metadata_table", "portal"):
            continue
        m = _SOURCE.search(c.text)
        if m and source.value is None:
            source = Field(m.group("v"), f"clutter:{c.kind}")
        if published.value is None and c.kind != "site_clock" and not _DOC_DATE_LABEL.search(c.text):
            labelled = _PUBLISHED.search(c.text)
            iso = parse_date(c.text[labelled.end():] if labelled else c.text)
            if iso and (labelled or m or DATE_ANY.search(c.text)):
                published = Field(iso, f"clutter:{c.kind}")
    title_at = text.find(str(title.value)) if title.value else head_limit
    header = [c.text.strip() for c in sorted(clutter, key=lambda c: c.start)
              if c.kind == "portal" and c.end <= max(title_at, 0)]
    agency, rejected = _agency(text, lines, title, signature, source, header)

    year = NONE
    if title.value:
        m = _YEAR_IN_TITLE.search(str(title.value))
        if m:
            year = Field(int(m.group(1)), "title")
    if year.value is None:
        for kind, heading in part_headings or []:
            m = _YEAR_IN_TITLE.search(heading)
            if m and kind in ("achievements", "shortcomings", "leader_duty"):
                year = Field(int(m.group(1)), f"heading ({kind})")
                break
            if m and kind == "next_plan":
                year = Field(int(m.group(1)) - 1, "heading (next_plan) minus one")
                break
    if year.value is None:
        for p, s in lines[:6]:
            if p >= head_limit and head_limit:
                pass
            m = _LEADING_YEAR.match(s)
            if m:
                year = Field(int(m.group(1)), "opening sentence")
                break
    if year.value is None:
        m = _REPORTING_YEAR.search(text[:3000])
        if m:
            year = Field(int(m.group(1)), "现将…报告如下 sentence")
    for date_field, name in ((doc_date, "document date"), (published, "publication date")):
        if year.value is None and date_field.value:
            # reports are written early in the next year: a date in January–June covers the year before
            d = dt.date.fromisoformat(str(date_field.value))
            year = Field(d.year - 1 if d.month <= 6 else d.year, f"{name} (year arithmetic)")

    on_time = NONE
    if published.value and isinstance(year.value, int) and year.value:
        deadline = dt.date(year.value + 1, 4, 1)
        on_time = Field(dt.date.fromisoformat(str(published.value)) <= deadline,
                        f"published {published.value}, deadline {deadline.isoformat()}")
    return Metadata(title, agency, year, doc_number, doc_date, published, source, on_time, tuple(rejected))


def _agency(text: str, lines: list[tuple[int, str]], title: Field, signature: str | None,
            source: Field, header: list[str]) -> tuple[Field, list[tuple[str, str]]]:
    """The issuing body from the best source whose candidate passes the plausibility checks.

    Sources, best first: title, signature, opening sentence, labelled page metadata, the page header's line
    naming a body that agrees with the body's 我局/本委, a year-led clause, the publisher line. A candidate is completed from the text first (静海区 → 天津市静海区人民政府); one whose shape is
    garbage (agency_rules.garbage) is refused and the next source tried.
    """
    # each source is looked at only when the ones before it gave nothing acceptable (most reports: the title)
    candidates: list[tuple[Callable[[], str | None], str]] = [
        (lambda: agency_rules.from_title(str(title.value)) if title.value else None, "title"),
        (lambda: signature, "signature"),
        (lambda: agency_rules.from_opening([s for _p, s in lines[:8]]), "opening sentence"),
        (lambda: agency_rules.from_label(text[:3000]), "page metadata (发文机关/发布机构)"),
        (lambda: agency_rules.from_header(text, header), "page header above the title"),
        (lambda: agency_rules.from_year_clause(text), "opening sentence (year clause)"),
        (lambda: str(source.value) if source.value and agency_rules.plausible(str(source.value)) else None,
         "clutter source (publisher, may differ from the author)"),
    ]
    rejected: list[tuple[str, str]] = []
    for find, where in candidates:
        name = find()
        if not name:
            continue
        full, inferred = agency_rules.completion(name, text)
        if full != name and agency_rules.garbage(full) is None:
            how = "place inferred from the text" if inferred else "completed from the text"
            return Field(full, f"{where}, {how}"), rejected
        reason = agency_rules.garbage(name)
        if reason is None:
            return Field(name, where), rejected
        rejected.append((name, f"{where}: {reason}"))
    return NONE, rejected
