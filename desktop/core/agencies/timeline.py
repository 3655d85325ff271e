"""One agency's reports across years: totals, 等次, missing parts, on-time flags, the score trend, and each year's
shortcomings compared with the earlier years' (repeated nearly verbatim, reworded, or new).

The shortcomings are the items the shortcomings aids split (desktop.core.review.aids); each is compared with every
item of the agency's earlier reports by the aids' bigram overlap, and the closest one by the wording comparison
(desktop.core.compare.wording), which says how much of the two texts changed. Read-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.agencies.groups import AgencyGroup, grouping
from desktop.core.agencies.parts import report_items
from desktop.core.agencies.scores import ReportScore, report_scores
from desktop.core.compare.wording import changed_share, wording_changes
from desktop.core.review.aids import Item, jaccard
from desktop.core.storage.documents import DocumentSummary

REPEATED, REWORDED, NEW = "repeated", "reworded", "new"
VERDICT_LABELS = {REPEATED: ("基本照搬往年", "repeated nearly verbatim"), REWORDED: ("改写往年", "reworded"),
                  NEW: ("新提出", "new")}
# At most this share of the two texts changed (wording comparison): the item repeats the earlier one. Measured on
# the labelled pairs of tests/core/agencies/test_timeline.py: copies with the year or a few words changed 0.07-0.09,
# restatements of the same shortcoming in other words 0.44-0.63, new shortcomings 0.85-0.93.
REPEATED_MAX_CHANGED = 0.3
# Bigram overlap (aids.jaccard) from which an item that is not a copy restates an earlier one; below it the item is
# new. Same pairs: restatements 0.32-0.50, new shortcomings 0.01-0.07.
REWORDED_MIN_OVERLAP = 0.2


@dataclass(frozen=True)
class ShortcomingHistory:
    """One shortcoming of a year and the closest earlier one (None: the agency's earlier reports have none)."""

    item: Item
    verdict: str
    earlier_document_id: str | None
    earlier_year: int | None
    earlier_text: str
    overlap: float
    changed: float | None


@dataclass(frozen=True)
class TimelineEntry:
    """One report of the agency."""

    report: DocumentSummary
    score: ReportScore
    shortcomings: tuple[ShortcomingHistory, ...]
    earlier_reports: int  # how many earlier reports of the agency the shortcomings were compared with


@dataclass(frozen=True)
class Timeline:
    group: AgencyGroup
    entries: tuple[TimelineEntry, ...]

    def trend(self) -> list[tuple[int, float]]:
        """(year, total) for the years with a scored report, oldest first (one report per year: the latest)."""
        by_year: dict[int, float] = {}
        for e in self.entries:
            if e.report.year is not None and e.score.total is not None:
                by_year[e.report.year] = e.score.total
        return sorted(by_year.items())

    def trend_direction(self) -> str | None:
        """'up', 'down' or 'flat' from the first to the last scored year; None with fewer than two."""
        points = self.trend()
        if len(points) < 2:
            return None
        first, last = points[0][1], points[-1][1]
        return "up" if last > first else ("down" if last < first else "flat")


def compare_shortcomings(items: list[Item], earlier: list[tuple[DocumentSummary, list[Item]]]) -> list[ShortcomingHistory]:
    """Each item against every earlier report's items: the closest one and whether it repeats, restates or is new."""
    out = []
    for item in items:
        overlap, report, old = 0.0, None, None
        for candidate_report, old_items in earlier:
            for candidate in old_items:
                similarity = jaccard(item.text, candidate.text)
                if similarity > overlap:
                    overlap, report, old = similarity, candidate_report, candidate
        if old is None or report is None:
            out.append(ShortcomingHistory(item, NEW, None, None, "", 0.0, None))
            continue
        changed = changed_share(wording_changes(old.text, item.text), len(old.text), len(item.text))
        if changed <= REPEATED_MAX_CHANGED:
            verdict = REPEATED
        elif overlap >= REWORDED_MIN_OVERLAP:
            verdict = REWORDED
        else:
            verdict = NEW
        out.append(ShortcomingHistory(item, verdict, report.id, report.year, old.text, round(overlap, 3),
                                      round(changed, 3)))
    return out


def agency_timeline(db: Database, group: AgencyGroup) -> Timeline:
    """The timeline of one agency group (read-only)."""
    scores = report_scores(db, [r.id for r in group.reports])
    items_by_report: list[tuple[DocumentSummary, list[Item]]] = []
    entries = []
    for report in group.reports:  # oldest first
        items = report_items(db, report.id, "shortcomings")
        earlier = [(r, its) for r, its in items_by_report
                   if r.year is not None and report.year is not None and r.year < report.year]
        history = compare_shortcomings(items, earlier)
        entries.append(TimelineEntry(report, scores.get(report.id, ReportScore(None, None, "none", 0)),
                                     tuple(history), len(earlier)))
        items_by_report.append((report, items))
    return Timeline(group, tuple(entries))


def timeline_for(db: Database, document_id: str) -> Timeline | None:
    """The timeline of the agency a report belongs to (None for an unknown report)."""
    group = grouping(db).group_of(document_id)
    return agency_timeline(db, group) if group is not None else None
