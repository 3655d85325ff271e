"""The reviewer's rewrites of summary paragraphs, quote picks and the publication deadline, made undoable.

Each change runs once through desktop.core.summary.edits on the writer thread and goes onto the window's undo
stack; it is announced as a change of no kind of report data (the summary is read from the data, nothing else
reads it), which the Summary tab takes as "redraw now".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.storage.database import database_file
from desktop.core.storage.executor import open_reader
from desktop.core.summary import edits
from desktop.core.summary.draft import build_draft
from desktop.core.summary.facts import set_deadline
from desktop.core.summary.model import Draft
from desktop.gui.undo import Step, UndoableStore

SUMMARY_CHANGE = Changes.of()  # no report data changed: only the summary's own rows


def is_summary_change(changes: Changes) -> bool:
    return changes == SUMMARY_CHANGE


class SummaryStore(UndoableStore):
    """Reads the draft (through ``reader``) and records rewrites and picks with undo."""

    def draft(self, year: int | None) -> Draft | None:
        """The draft read in a fresh read transaction: through a connection of its own, so that a read still
        open on the window's shared reader (an unfinished page of a table) cannot show older figures."""
        if self.reader is None:
            return None
        path = database_file(self.reader)
        if not path:  # an in-memory database has only the one connection
            return build_draft(self.reader, year)
        fresh = open_reader(path)
        try:
            return build_draft(fresh, year)
        finally:
            fresh.conn.close()

    def _step(self, text: str, state: Callable[[Database], object], undo: Callable[[Database], object],
              redo: Callable[[Database], object]) -> Step:
        return Step(text, undo=undo, redo=redo, state=state, changes=SUMMARY_CHANGE)

    def rewrite(self, scope: str, key: str, text: str, figures: dict[str, str]) -> edits.EditChange:
        """Store the reviewer's text for a paragraph (with the figures it shows now)."""
        by = self.reviewer_name

        def put(edit: edits.Edit | None) -> Callable[[Database], object]:
            return lambda db: edits.put_edit(db, scope, key, edit)

        return self.record(lambda db: edits.set_edit(db, scope, key, text, figures, by),
                           lambda c: self._step(QCoreApplication.translate("Summary", "Rewrite paragraph"), lambda db: edits.get_edit(db, scope, key),
                                                put(c.old), put(c.new)))

    def restore(self, scope: str, key: str) -> edits.EditChange:
        """Go back to the generated text of a paragraph."""
        def put(edit: edits.Edit | None) -> Callable[[Database], object]:
            return lambda db: edits.put_edit(db, scope, key, edit)

        return self.record(lambda db: edits.put_edit(db, scope, key, None),
                           lambda c: None if c.old is None else self._step(
                               QCoreApplication.translate("Summary", "Back to the generated paragraph"), lambda db: edits.get_edit(db, scope, key),
                               put(c.old), put(c.new)))

    def pick(self, scope: str, tag_id: str, annotation_ids: list[str]) -> edits.PickChange:
        """Pick the typical quotes of a problem (an empty list: back to the first ones)."""
        by = self.reviewer_name

        def put(pick: edits.Pick | None) -> Callable[[Database], object]:
            return lambda db: edits.put_pick(db, scope, tag_id, pick)

        def change(db: Database) -> edits.PickChange:
            if not annotation_ids:
                return edits.put_pick(db, scope, tag_id, None)
            return edits.set_pick(db, scope, tag_id, annotation_ids, by)

        return self.record(change,
                           lambda c: self._step(QCoreApplication.translate("Summary", "Pick typical quotes"), lambda db: edits.get_pick(db, scope, tag_id),
                                                put(c.old), put(c.new)))

    def set_deadline(self, value: str) -> str:
        """Store the project's publication deadline (not undoable: a setting, shown in the tab)."""
        result = self.write(set_deadline, value)
        self.announce(Changes.of("metadata"))  # on-time findings follow from it
        return result
