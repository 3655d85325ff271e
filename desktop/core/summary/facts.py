"""Everything the summary states, read from the database in a handful of bulk queries (read-only).

:func:`gather` returns :class:`Facts`: the reports in scope (every current report, or one report year) with their
panel results (through :mod:`numbers`), publication against the deadline, effective parts (the reviewer's
corrections and confirmations are already applied in the stored columns), the annotations with their tags, part
and paragraph, the codebook, the panel's reviewers and dates, and for each report the same agency's report of the
previous year when the database holds one (with how much of its shortcomings and plan text is repeated).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.agencies.groups import group_keys
from desktop.core.compare.reuse import DEFAULT_MIN_LENGTH
from desktop.core.errors import ReviewDeskError
from desktop.core.export.data import SheetAnnotation, assemble, fetch_raw
from desktop.core.panel.agreement import PanelAgreement
from desktop.core.progress import Progress
from desktop.core.review.codebook import default_tag_id
from desktop.core.scoring.rubric import Rubric
from desktop.core.segmentation.classify import REQUIRED_KINDS
from desktop.core.storage.database import one
from desktop.core.storage.documents import DocumentSummary
from desktop.core.storage.settings import get_setting
from desktop.core.summary import numbers
from desktop.core.summary.numbers import Result
from desktop.core.text import fold_width

DEADLINE_KEY = "publication_deadline"   # project setting: MM-DD in the year after the report year
DEFAULT_DEADLINE = "04-01"
GOOD_PRACTICE_KEY = "good_practice"     # the default codebook's 亮点 tag
REPEATED_SHARE = 0.5   # a part whose text is at least half last year's counts as repeated


class SummaryError(ReviewDeskError):
    """A summary that cannot be drafted as asked (a bad year, a bad deadline setting)."""


@dataclass(frozen=True)
class Tag:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Previous:
    """The same agency's report of the previous year and what this year's report repeats of it."""

    document: DocumentSummary
    result: Result
    shortcomings_share: float | None   # share of this year's shortcomings text found in last year's
    plan_share: float | None           # share of this year's plan text found in last year's plan


@dataclass(frozen=True)
class ReportFacts:
    document: DocumentSummary
    result: Result
    on_time: bool | None
    deadline: dt.date | None
    placements: dict[str, str | None]   # required kind -> section | subsection | inline | None (missing)
    level: str                          # 政府 | 部门 | 未识别 (from the agency's name)
    previous: Previous | None = None

    @property
    def agency(self) -> str:
        return self.document.agency or "（机关未识别）"

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(k for k in REQUIRED_KINDS if self.placements.get(k) is None)


@dataclass
class Facts:
    rubric: Rubric
    scope: str
    year: int | None
    deadline: str                       # MM-DD
    reports: list[ReportFacts]
    agreement: PanelAgreement
    annotations: list[SheetAnnotation]  # of the reports in scope, exact quotes only, corpus order
    tags: list[Tag]
    good_tag_id: str | None
    reviewers: list[str]
    first_review: str | None            # dates (YYYY-MM-DD) of the first and last submitted review
    last_review: str | None
    generated: str
    inexact: int = 0                    # annotations left out because their quote is no longer the text there
    texts: dict[str, str] = field(default_factory=dict, repr=False)
    _by_id: dict[str, ReportFacts] = field(default_factory=dict, repr=False)

    def report(self, document_id: str) -> ReportFacts:
        if len(self._by_id) != len(self.reports):
            self._by_id = {r.document.id: r for r in self.reports}
        return self._by_id[document_id]


def scope_key(year: int | None) -> str:
    return f"year:{year}" if year is not None else ""


def deadline_setting(db: Database) -> str:
    """The publication deadline (MM-DD, in the year after the report year), checked."""
    value = (get_setting(db, DEADLINE_KEY) or DEFAULT_DEADLINE).strip()
    parse_deadline(value, 2024)
    return value


def parse_deadline(value: str, year: int) -> dt.date:
    try:
        month, day = (int(x) for x in value.split("-"))
        return dt.date(year + 1, month, day)
    except ValueError:
        raise SummaryError(f"the publication deadline setting {value!r} is not a month and day (MM-DD, e.g. 04-01 "
                           "for 1 April or 03-01 for 1 March); set it again") from None


def on_time(doc: DocumentSummary, deadline: str) -> tuple[bool | None, dt.date | None]:
    """Published by the deadline of the year after the report year; None when the year or the date is unknown.

    A stored on-time value without a publication date (set by a reviewer's correction) is kept as it is.
    """
    if doc.year is None:
        return doc.on_time if doc.published_at is None else None, None
    due = parse_deadline(deadline, doc.year)
    if not doc.published_at:
        return doc.on_time, due
    try:
        published = dt.date.fromisoformat(doc.published_at[:10])
    except ValueError:
        return None, due
    return published <= due, due


def agency_level(agency: str | None) -> str:
    if not agency:
        return "未识别"
    return "政府" if agency.endswith("人民政府") or agency.endswith("政府") else "部门"


def _local_date(stamp: str | None) -> str | None:
    if not stamp:
        return None
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().date().isoformat()
    except ValueError:
        return stamp[:10]


def _texts(db: Database, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk):
            out[row["id"]] = row["text"]
    return out


def _part_spans(sections: list[sqlite3.Row], kind: str) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in sections if s["kind"] == kind]


_DROP = {c: None for c in range(0x110) if chr(c).isspace()} | {0x3000: None}
_PUNCT = "".join(chr(c) for c in (*range(0x21, 0x30), *range(0x3A, 0x41), *range(0x5B, 0x61), *range(0x7B, 0x7F),
                                  *range(0x2010, 0x2040), *range(0x3001, 0x3020), *range(0xFF01, 0xFF10),
                                  *range(0xFF1A, 0xFF21), *range(0xFF3B, 0xFF41), *range(0xFF5B, 0xFF66)))
_KEY = str.maketrans({**{ch: "·" for ch in _PUNCT}, **{chr(k): v for k, v in _DROP.items()}})


def repeated_share(previous: str, current: str, min_length: int = DEFAULT_MIN_LENGTH) -> float | None:
    """Share of ``current``'s characters (white space aside) inside runs of at least ``min_length`` characters that
    ``previous`` also contains, after folding width and punctuation: what desktop.core.compare.reuse counts as
    reused, without the passages (only the share is needed, for a thousand pairs)."""
    a, b = fold_width(previous).translate(_KEY), fold_width(current).translate(_KEY)
    if not b:
        return None
    k = min_length
    grams = {a[i:i + k] for i in range(len(a) - k + 1)}
    covered = bytearray(len(b))
    for i in range(len(b) - k + 1):
        if b[i:i + k] in grams:
            covered[i:i + k] = b"\x01" * k
    return covered.count(1) / len(b)


def _repeated(prev_text: str, prev_sections: list[sqlite3.Row], text: str, sections: list[sqlite3.Row],
              kind: str) -> float | None:
    """Share of this year's ``kind`` part text that repeats last year's ``kind`` part (None: a part is missing)."""
    mine, theirs = _part_spans(sections, kind), _part_spans(prev_sections, kind)
    if not mine or not theirs:
        return None
    return repeated_share("\n".join(prev_text[a:b] for a, b in theirs), "\n".join(text[a:b] for a, b in mine))


def gather(db: Database, year: int | None = None, rubric_id: str | None = None,
           progress: Progress | None = None) -> Facts:
    """Read the facts of the summary for every current report (``year``: only that report year)."""
    progress = progress or Progress()
    progress.update(0, 4, "reading the panel")
    deadline = deadline_setting(db)
    summary = numbers.panel(db, rubric_id)
    rubric = summary.rubric
    raw = fetch_raw(db, rubric.id)
    progress.check()
    data = assemble(raw, rubric, summary)
    docs = [d for d in data.documents if year is None or d.year == year]
    if year is not None and not docs:
        years = sorted({d.year for d in data.documents if d.year is not None})
        raise SummaryError(f"no report of the year {year} in this database (report years: "
                           f"{', '.join(map(str, years)) or 'none recognised'}); choose another year or leave "
                           "the year out")
    in_scope = {d.id for d in docs}
    results = {r.document_id: r for r in numbers.results(summary, [d.id for d in docs])}
    all_results = {r.document_id: r for r in numbers.results(summary)}
    sections: dict[str, list[sqlite3.Row]] = {}
    for s in raw.sections:
        sections.setdefault(s["document_id"], []).append(s)

    progress.update(1, 4, "comparing with the previous year")
    # one agency across years as the agency views group it (short and full names, the reviewer's merges and splits)
    group, _ = group_keys(db, [(d.id, d.agency) for d in data.documents])
    by_agency_year = {(group[d.id], d.year): d for d in data.documents if d.agency and d.year is not None}
    pairs = {d.id: by_agency_year.get((group[d.id], d.year - 1)) for d in docs if d.agency and d.year is not None}
    pairs = {k: v for k, v in pairs.items() if v is not None}
    tagged = {a.document_id for a in data.annotations if a.tags and a.document_id in in_scope}
    texts = _texts(db, sorted(tagged | set(pairs) | {p.id for p in pairs.values() if p is not None}))
    reports = []
    for d in docs:
        flag, due = on_time(d, deadline)
        prev = None
        before = pairs.get(d.id)
        if before is not None:
            args = (texts[before.id], sections.get(before.id, []), texts[d.id], sections.get(d.id, []))
            prev = Previous(before, all_results[before.id], _repeated(*args, "shortcomings"),
                            _repeated(*args, "next_plan"))
        reports.append(ReportFacts(d, results[d.id], flag, due, data.placements.get(d.id, {}),
                                   agency_level(d.agency), prev))
        progress.check()

    progress.update(2, 4, "reading annotations")
    annotations, inexact = [], 0
    for a in data.annotations:
        if a.document_id not in in_scope or not a.tags:
            continue
        text = texts.get(a.document_id, "")
        if a.orphan or text[a.start:a.end] != a.quote or not a.quote.strip():
            inexact += 1  # a quote that is no longer the text at its place is never quoted as exact
            continue
        annotations.append(a)
    tags = [Tag(r["id"], r["name"], r["description"]) for r in db.query(
        "SELECT id, name, description FROM tags WHERE deleted_at IS NULL ORDER BY ordinal, name")]
    good = default_tag_id(GOOD_PRACTICE_KEY)
    good_id = good if any(t.id == good for t in tags) else next((t.id for t in tags if t.name == "亮点"), None)

    progress.update(3, 4, "reading the panel's dates")
    marks = ",".join("?" * len(in_scope)) if in_scope else "''"
    dates = one(db, f"SELECT min(done_at) AS first, max(done_at) AS last FROM reviews WHERE rubric_id = ? "
                f"AND status = 'done' AND document_id IN ({marks})", [rubric.id, *sorted(in_scope)])
    assert dates is not None  # an aggregate without GROUP BY always gives one row
    reviewers = sorted({name for r in results.values() for name in r.reviewers if name})
    agreement = numbers.agreement_of(summary, in_scope)
    progress.update(4, 4, "")
    return Facts(rubric, scope_key(year), year, deadline, reports, agreement, annotations, tags, good_id,
                 reviewers, _local_date(dates["first"]), _local_date(dates["last"]), dt.date.today().isoformat(), inexact,
                 texts)



def set_deadline(db: Database, value: str) -> str:
    """Store the project's publication deadline (MM-DD, e.g. 04-01 or 03-01); returns it normalized."""
    from desktop.core.storage.settings import set_setting

    parse_deadline(value.strip(), 2024)
    month, day = (int(x) for x in value.strip().split("-"))
    normalized = f"{month:02d}-{day:02d}"
    set_setting(db, DEADLINE_KEY, normalized)
    return normalized
