"""Names that tell reports apart in a list (the verify queue): the fewest parts that make each name unique.

A report is named by its agency and year; the title is added where that is not enough (and always for a report
without an agency: "no agency, 2024" says nothing of which report it is), then the file name, then the import
number (``documents.seq``) as the last resort, which no two reports share. The parts are returned, not a sentence:
the GUI words them in the interface language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.storage.documents import DocumentSummary

# the parts added, in this order, to the reports whose names are still alike
_REFINEMENTS = ("title", "file", "seq")


@dataclass(frozen=True)
class ReportName:
    """The parts of one report's name; a part left None is not needed to tell it from the others."""

    agency: str | None   # None: the report has no agency (the name says so)
    year: int | None     # None: no year known (the name says so)
    title: str | None = None
    file: str | None = None
    seq: int | None = None


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _value(summary: DocumentSummary, part: str) -> object:
    return {"title": _clean(summary.title), "file": summary.name, "seq": summary.seq}[part]


def distinct_names(summaries: Iterable[DocumentSummary]) -> dict[str, ReportName]:
    """Each report's name (by id), made of as few parts as keep the names of these reports apart."""
    reports = {s.id: s for s in summaries}
    parts: dict[str, set[str]] = {}
    for s in reports.values():
        wanted = set()
        if not _clean(s.agency):
            # the title says which report it is; without a title, the file name does
            wanted.add("title" if _clean(s.title) else "file")
        parts[s.id] = wanted

    def key(s: DocumentSummary) -> tuple:
        return (_clean(s.agency), s.year, *(_value(s, p) if p in parts[s.id] else None for p in _REFINEMENTS))

    for part in _REFINEMENTS:
        alike: dict[tuple, list[str]] = defaultdict(list)
        for s in reports.values():
            alike[key(s)].append(s.id)
        for ids in alike.values():
            if len(ids) > 1:
                for doc_id in ids:
                    parts[doc_id].add(part)
    return {doc_id: ReportName(_clean(s.agency) or None, s.year,
                               _clean(s.title) or None if "title" in parts[doc_id] else None,
                               s.name if "file" in parts[doc_id] else None,
                               s.seq if "seq" in parts[doc_id] else None)
            for doc_id, s in reports.items()}
