"""How far to trust what segmentation found: metadata confidence, the kind of document, a cut-off text.

- ``metadata_confidence``: ``high`` or ``low`` for each metadata field, from where the value came from (a title
  or a labelled date is high; a publisher line, a date arithmetic or an absent value is low) and whether the
  year the title gives agrees with the years of the part headings (a plan heading names the next year).
- ``doc_type``: ``annual_report`` (法治政府建设年度报告) or what the document looks like instead — a government
  information disclosure report (政府信息公开工作年度报告), a legal publicity summary (普法), enforcement
  statistics (行政执法统计), or one leader's personal law report (述法报告). Such documents are still imported;
  the reader shows a banner.
- ``truncated``: the text stops mid-sentence without a closing (a page cut by a mirror, an opening only):
  parts listed as missing may lie beyond its end.
"""

from __future__ import annotations

import re

from desktop.core.segmentation import agency as agency_rules
from desktop.core.segmentation.metadata import FIELD_NAMES, Metadata

DOC_TYPES = ("annual_report", "government_information_disclosure", "legal_publicity_summary",
             "enforcement_statistics", "personal_law_report")

_HIGH_SOURCES = {
    "title": re.compile(r"^text lines? \d"),
    # a title, a signature or the page's own 发文机关 field names the body; a sentence or a publisher line does not
    "agency": re.compile(r"^(title|signature|page metadata)(?!.*place inferred)"),
    "year": re.compile(r"^(title|heading|opening sentence|现将)"),
    "doc_number": re.compile(r"^(text|clutter)"),
    "doc_date": re.compile(r"^(date line at the end|date under the title|page metadata)"),
    "published_at": re.compile(r"^page \((发布时间|发布日期)\)|^clutter:"),
    "source": re.compile(r"^clutter:"),
}
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")

_TYPE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("government_information_disclosure", re.compile(r"政府信息公开(工作)?(年度)?报告|政务公开.{0,6}年度报告")),
    ("enforcement_statistics", re.compile(r"(行政)?执法.{0,8}(统计|数据)(年报|报告|分析|情况)|执法统计")),
    ("personal_law_report", re.compile(r"述法(报告|材料)|述职述法|个人述法|履行推进法治建设第一责任人职责.{0,6}述职")),
    ("legal_publicity_summary", re.compile(r"普法(工作|依法治理)?.{0,12}(总结|报告|自查|汇报)|谁执法谁普法|“?[七八九]五”?普法")),
]
# standard headings of a disclosure report (总体情况, 主动公开政府信息情况, 收到和处理政府信息公开申请情况…)
_DISCLOSURE_HEADING = re.compile(r"主动公开政府信息|政府信息公开申请|政府信息公开行政复议|政府信息公开工作存在")
_PERSONAL = re.compile(r"^.{0,40}(本人|我作为)")
_ENDS_SENTENCE = set("。！？!?”’」』）)】；;")


def metadata_confidence(meta: Metadata, part_headings: list[tuple[str, str]]) -> dict[str, str]:
    """``high``/``low`` for each metadata field."""
    return assess_metadata(meta, part_headings)[0]


def assess_metadata(meta: Metadata, part_headings: list[tuple[str, str]]) -> tuple[dict[str, str], dict[str, str]]:
    """(``high``/``low`` for each metadata field, the reason of each low one).

    A value is high only when its source is strong (see ``_HIGH_SOURCES``) and, for the agency, it names the
    body with its place and ends like an issuing body; anything else is low, with the reason a reviewer reads.
    """
    out: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for name in FIELD_NAMES:
        f = getattr(meta, name)
        rule = _HIGH_SOURCES.get(name)
        out[name] = "high" if f.value is not None and rule is not None and rule.search(f.source) else "low"
        if f.value is None:
            reasons[name] = "not found in the text"
        elif out[name] == "low":
            reasons[name] = f"found only in a weak source: {f.source}"
    agency = meta.agency.value
    if isinstance(agency, str):
        if "place inferred" in meta.agency.source:
            reasons["agency"] = "its place was inferred from other mentions in the text"
        why = agency_rules.doubt(agency)
        if why:  # 教育局, 省教育厅: a name without its place is a short form the text did not complete
            out["agency"], reasons["agency"] = "low", why
    elif meta.rejected:
        reasons["agency"] = "not found; refused: " + "; ".join(f"{value} ({why})" for value, why in meta.rejected)
    year = meta.year.value
    if isinstance(year, int) and _years_disagree(year, part_headings):
        out["year"] = "low"
        reasons["year"] = "a part heading names another year"
    if meta.on_time.value is not None:
        out["on_time"] = "high" if out["year"] == "high" and out["published_at"] == "high" else "low"
        if out["on_time"] == "low":
            reasons["on_time"] = "the year or the publication date is uncertain"
        else:
            reasons.pop("on_time", None)
    return out, {name: why for name, why in reasons.items() if out.get(name) == "low"}


def _years_disagree(year: int, part_headings: list[tuple[str, str]]) -> bool:
    """True when a part heading names a year that does not fit (2024年基本情况 in a report on 2025)."""
    for kind, heading in part_headings:
        for m in _YEAR.finditer(heading):
            named = int(m.group(1))
            if kind == "next_plan" and named not in (year, year + 1):
                return True
            if kind in ("achievements", "shortcomings", "leader_duty") and named != year:
                return True
    return False


def document_type(title: str | None, text: str, top_headings: list[str]) -> str:
    """``annual_report`` or what the document looks like instead (see DOC_TYPES)."""
    head = title or text[:300]
    for doc_type, rule in _TYPE_RULES:
        if rule.search(head) and not (doc_type == "legal_publicity_summary" and "法治政府" in head):
            return doc_type
    if sum(1 for h in top_headings if _DISCLOSURE_HEADING.search(h)) >= 2:
        return "government_information_disclosure"
    if title is None and _PERSONAL.search(text[:200]) and "述法" in text[:600]:
        return "personal_law_report"
    return "annual_report"


def looks_truncated(text: str, closing_start: int | None) -> bool:
    """True when the text stops mid-sentence with no closing block (特此报告 / signature / date)."""
    tail = text.rstrip()
    if not tail:
        return False
    if tail.endswith(("...", "…", "（未完）", "(未完)", "（待续）", "(待续)")):
        return True
    return closing_start is None and tail[-1] not in _ENDS_SENTENCE
