"""A merge conflict in the reader's words: what kind of row it is, each differing field by its name in the interface
language and each value as the app shows it elsewhere (tags by name, a criterion by its title, a score as a number,
a status by its label). A field or value this module does not know is shown as stored, never dropped."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.conflicts import KEEP, Conflict
from desktop.core.review.codebook import get_tag
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import find_rubric
from desktop.core.scoring.scores import STATUS_LABELS
from desktop.gui import i18n

TABLES = {
    "annotations": QT_TRANSLATE_NOOP("Conflicts", "Annotation"),
    "scores": QT_TRANSLATE_NOOP("Conflicts", "Score"),
    "reviews": QT_TRANSLATE_NOOP("Conflicts", "Review"),
    "corrections": QT_TRANSLATE_NOOP("Conflicts", "Correction"),
    "agency_identity": QT_TRANSLATE_NOOP("Conflicts", "Agency grouping"),
    "promise_matches": QT_TRANSLATE_NOOP("Conflicts", "Promise check"),
    "assignments": QT_TRANSLATE_NOOP("Conflicts", "Assignment"),
    "adjudications": QT_TRANSLATE_NOOP("Conflicts", "Adjudication"),
    "adjudication_scores": QT_TRANSLATE_NOOP("Conflicts", "Adjudicated score"),
}
FIELDS = {
    "comment": QT_TRANSLATE_NOOP("Conflicts", "Comment"),
    "tags": QT_TRANSLATE_NOOP("Conflicts", "Tags"),
    "criterion_id": QT_TRANSLATE_NOOP("Conflicts", "Criterion"),
    "quote": QT_TRANSLATE_NOOP("Conflicts", "Passage"),
    "prefix": QT_TRANSLATE_NOOP("Conflicts", "Text before"),
    "suffix": QT_TRANSLATE_NOOP("Conflicts", "Text after"),
    "start": QT_TRANSLATE_NOOP("Conflicts", "Start"),
    "end": QT_TRANSLATE_NOOP("Conflicts", "End"),
    "status": QT_TRANSLATE_NOOP("Conflicts", "Status"),
    "anchored_by": QT_TRANSLATE_NOOP("Conflicts", "Placed by"),
    "anchor_score": QT_TRANSLATE_NOOP("Conflicts", "Placement match"),
    "value": QT_TRANSLATE_NOOP("Conflicts", "Points"),
    "note": QT_TRANSLATE_NOOP("Conflicts", "Note"),
    "suggested": QT_TRANSLATE_NOOP("Conflicts", "Suggested points"),
    "suggestion_accepted": QT_TRANSLATE_NOOP("Conflicts", "Suggestion accepted"),
    "suggestion_basis": QT_TRANSLATE_NOOP("Conflicts", "Basis of the suggestion"),
    "not_applicable": QT_TRANSLATE_NOOP("Conflicts", "Not applicable"),
    "na_reason": QT_TRANSLATE_NOOP("Conflicts", "Why not applicable"),
    "overall_comment": QT_TRANSLATE_NOOP("Conflicts", "Overall comment"),
    "submitted_by": QT_TRANSLATE_NOOP("Conflicts", "Submitted by"),
    "reopened_by": QT_TRANSLATE_NOOP("Conflicts", "Reopened by"),
    "kind": QT_TRANSLATE_NOOP("Conflicts", "Kind"),
    "subject": QT_TRANSLATE_NOOP("Conflicts", "Grouped"),
    "group_key": QT_TRANSLATE_NOOP("Conflicts", "Group"),
    "item_quote": QT_TRANSLATE_NOOP("Conflicts", "Plan item"),
    "grade": QT_TRANSLATE_NOOP("Conflicts", "Grade"),
    "decided_by": QT_TRANSLATE_NOOP("Conflicts", "Decided by"),
    "assigned_by": QT_TRANSLATE_NOOP("Conflicts", "Assigned by"),
}
# status words stored by each table (reviews use the scoring labels, STATUS_LABELS)
_STATUSES = {
    "anchored": QT_TRANSLATE_NOOP("Conflicts", "placed in the text"),
    "orphan": QT_TRANSLATE_NOOP("Conflicts", "not found in the text"),
    "done": QT_TRANSLATE_NOOP("Conflicts", "done"),
    "shortcoming": QT_TRANSLATE_NOOP("Conflicts", "named as a shortcoming"),
    "not_mentioned": QT_TRANSLATE_NOOP("Conflicts", "not mentioned"),
    "alias": QT_TRANSLATE_NOOP("Conflicts", "another name of the agency"),
    "document": QT_TRANSLATE_NOOP("Conflicts", "one report"),
}
_NUMBERS = {"value", "suggested", "anchor_score"}
_FLAGS = {"not_applicable", "suggestion_accepted"}


class ConflictText:
    """Words a conflict's parts through the database it is in (for tag names and criterion titles)."""

    def __init__(self, db: Database | None) -> None:
        self.db = db
        self._criteria: dict[tuple[str, str], str] = {}

    def what(self, conflict: Conflict) -> str:
        """The kind of row, and the criterion it is about when it has one."""
        kind = QCoreApplication.translate("Conflicts", str(TABLES[conflict.table])) if conflict.table in TABLES else conflict.table
        criterion = conflict.applied.get("criterion_id")
        if criterion:
            kind += " · " + self.criterion(str(conflict.applied.get("rubric_id") or ""), str(criterion))
        return kind

    def describe(self, conflict: Conflict, which: str) -> str:
        """The differing fields of one version (``KEEP``: the applied one), one ``field：value`` line each."""
        version = conflict.applied if which == KEEP else conflict.other
        separator = QCoreApplication.translate("Conflicts", ": ")
        return "\n".join(f"{self.field(f)}{separator}{self.value(conflict, f, version.get(f))}"
                         for f in conflict.fields)

    @staticmethod
    def field(name: str) -> str:
        return QCoreApplication.translate("Conflicts", str(FIELDS[name])) if name in FIELDS else name

    def value(self, conflict: Conflict, field: str, value: object) -> str:
        if value is None or value == "" or value == []:
            return "—"
        if field == "tags" and isinstance(value, list):
            return QCoreApplication.translate("Conflicts", ", ").join(self.tag(str(t)) for t in value)
        if field == "criterion_id":
            return self.criterion(str(conflict.applied.get("rubric_id") or ""), str(value))
        if field in _NUMBERS and isinstance(value, int | float):
            return fmt(value)
        if field in _FLAGS and isinstance(value, int | bool):
            return QCoreApplication.translate("Conflicts", "yes") if value else QCoreApplication.translate("Conflicts", "no")
        if field == "status" and conflict.table == "reviews" and value in STATUS_LABELS:
            return i18n.in_language(*STATUS_LABELS[str(value)])
        if field in ("status", "kind") and value in _STATUSES:
            return QCoreApplication.translate("Conflicts", str(_STATUSES[str(value)]))
        if isinstance(value, list):
            return QCoreApplication.translate("Conflicts", ", ").join(str(v) for v in value)
        return str(value)

    def tag(self, tag_id: str) -> str:
        try:
            tag = get_tag(self.db, tag_id, include_deleted=True) if self.db is not None else None
        except (ReviewDeskError, sqlite3.Error):
            tag = None
        return tag.label(english=i18n.current_language() == i18n.ENGLISH) if tag is not None else tag_id

    def criterion(self, rubric_id: str, criterion_id: str) -> str:
        key = (rubric_id, criterion_id)
        if key not in self._criteria:
            try:
                rubric = find_rubric(self.db, rubric_id) if self.db is not None and rubric_id else None
            except (ReviewDeskError, sqlite3.Error):
                rubric = None
            found = next((c for c in rubric.criteria if c.id == criterion_id), None) if rubric else None
            self._criteria[key] = i18n.in_language(found.title, found.title_en) if found else criterion_id
        return self._criteria[key]
