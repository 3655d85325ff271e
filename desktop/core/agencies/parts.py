"""The items of a stored report's parts, split the way the shortcomings aids split them (desktop.core.review.aids)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.review.aids import Item, split_items
from desktop.core.segmentation.outline import Heading
from desktop.core.segmentation.segment import Section
from desktop.core.storage.documents import DocumentRecord, get_document


@dataclass
class Report:
    """What the aids read of a report: its frozen text, effective parts and outline."""

    text: str
    sections: list[Section]
    outline: list[Heading]


def as_report(record: DocumentRecord) -> Report:
    return Report(record.text, list(record.sections), list(record.outline))


def first_part(report: Report, kind: str) -> Section | None:
    """A report's part of this kind: a part of its own before a subsection or inline part, the first one first."""
    found = [s for s in report.sections if s.kind == kind]
    found.sort(key=lambda s: (s.placement != "section", s.start))
    return found[0] if found else None


def part_items(report: Report, kind: str) -> list[Item]:
    """The items of a report's part of this kind ([] when it has none)."""
    section = first_part(report, kind)
    return split_items(report.text, section, report.outline) if section else []


def report_items(db: Database, document_id: str, kind: str) -> list[Item]:
    """The items of a stored report's part of this kind ([] for an unknown report or a missing part)."""
    record = get_document(db, document_id)
    return part_items(as_report(record), kind) if record is not None else []
