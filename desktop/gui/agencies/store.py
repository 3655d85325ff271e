"""Undoable changes of the agency views: merging and splitting agency groups, correcting a promise match.

:class:`AgencyStore` (an :class:`~desktop.gui.undo.UndoableStore`) makes each change once on the writer thread,
announces it (kind ``metadata`` for the groups: every view showing agencies re-reads; ``reviews`` for a promise
verdict) and pushes an undo step; undo and redo are refused when the rows were changed elsewhere meanwhile.
Reads go through the window's read-only connection. Widgets never run SQL: the work is in desktop.core.agencies.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.agencies import groups, tracker
from desktop.core.agencies.groups import Grouping, IdentityChange
from desktop.core.agencies.timeline import Timeline, agency_timeline
from desktop.core.agencies.tracker import PromiseReport
from desktop.core.changes import Changes
from desktop.gui.undo import Step, UndoableStore


class AgencyStore(UndoableStore):
    """Reads agency groups, timelines and promise trackers; makes merges, splits and promise verdicts undoable."""

    # --- reading (GUI thread, read-only connection) ---------------------------------------------------------

    def grouping(self) -> Grouping:
        return groups.grouping(self.reader) if self.reader is not None else Grouping()

    def timeline(self, group_key: str) -> Timeline | None:
        if self.reader is None:
            return None
        group = self.grouping().groups.get(group_key)
        return agency_timeline(self.reader, group) if group is not None else None

    def promises(self, document_id: str) -> PromiseReport | None:
        if self.reader is None or not document_id:
            return None
        try:
            return tracker.track_promises(self.reader, document_id)
        except tracker.PromiseError:
            return None

    # --- changes -------------------------------------------------------------------------------------------------

    def _identity_step(self, text: str):
        def step(change: IdentityChange) -> Step:
            ids = [*change.made, *change.superseded]
            return Step(text, undo=lambda db: groups.undo_identity(db, change),
                        redo=lambda db: groups.redo_identity(db, change),
                        state=lambda db: groups.identity_states(db, ids),
                        changes=Changes.of("metadata", document_ids=list(change.document_ids)))
        return step

    def merge(self, source_key: str, target_key: str) -> IdentityChange:
        """Merge one agency group into another (undoable)."""
        return self.record(lambda db: groups.merge_groups(db, source_key, target_key, self.reviewer_id),
                           self._identity_step(QCoreApplication.translate("Agencies", "Merge agency groups")))

    def split(self, document_ids: list[str], name: str) -> IdentityChange:
        """Put reports into a group of their own (undoable)."""
        return self.record(lambda db: groups.split_reports(db, document_ids, name, self.reviewer_id),
                           self._identity_step(QCoreApplication.translate("Agencies", "Split off an agency group")))

    def correct_promise(self, document_id: str, previous_id: str, item_text: str, status: str,
                        start: int | None = None, end: int | None = None) -> str:
        """Store the reviewer's verdict on one plan item (undoable); returns the new verdict's id."""

        def step(made: tuple[str, list[str]]) -> Step:
            new, old = [made[0]], list(made[1])

            def redo(db) -> None:
                tracker.set_deleted(db, new, False)
                tracker.set_deleted(db, old, True)

            def undo(db) -> None:
                tracker.set_deleted(db, new, True)
                tracker.set_deleted(db, old, False)

            return Step(QCoreApplication.translate("Agencies", "Correct a promise match"), undo=undo, redo=redo,
                        state=lambda db: tracker.promise_states(db, new + old),
                        changes=Changes.of("reviews", document_ids=[document_id]))

        made = self.record(lambda db: tracker.correct_promise(db, document_id, previous_id, item_text, status, start,
                                                              end, reviewer_id=self.reviewer_id), step)
        return made[0]
