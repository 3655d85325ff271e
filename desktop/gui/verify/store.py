"""VerifyStore: the reviewer's confirmations (and field fixes made from the queue), undoable, on the writer thread.

A confirmation is a row of ``corrections`` of kind ``confirm`` made by desktop.core.review.verify; a fix is an
ordinary field correction. Each is one transaction, announced on the window's change bus (kinds
``corrections``, ``parts``, ``metadata``) and pushed on the undo stack like any correction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.corrections import records as core
from desktop.core.corrections.records import Correction
from desktop.core.review import verify
from desktop.gui.undo import UndoableStore, replacing_step


class VerifyStore(UndoableStore):
    """Confirms doubts and corrects fields from the verify queue, with undo."""

    def doubts(self) -> list[verify.Doubt]:
        """Every doubt of the corpus, read through the window's reader (empty without a database)."""
        return verify.list_doubts(self.reader) if self.reader is not None else []

    def doubts_of(self, document_ids: list[str]) -> list[verify.Doubt]:
        """The doubts of these reports only, their agency first (see verify.doubts_of)."""
        return verify.doubts_of(self.reader, document_ids, first="field:agency") if self.reader is not None else []

    def confirm(self, doubt: verify.Doubt) -> Correction:
        return self._made(lambda db: verify.confirm(db, doubt, reviewer_id=self.reviewer_id), QCoreApplication.translate("VerifyQueue", "Confirm"),
                          doubt.document_id)

    def correct_field(self, document_id: str, name: str, value: str) -> Correction:
        return self._made(lambda db: core.correct_field(db, document_id, name, value, reviewer_id=self.reviewer_id),
                          QCoreApplication.translate("VerifyQueue", "Correct from the verify queue"), document_id)

    def _made(self, change: Callable[[Database], Correction], text: str, document_id: str) -> Correction:
        changes = Changes.of("corrections", "parts", "metadata", document_ids=[document_id])

        # the same step as a correction made in the report (gui/corrections/store.py), through the shared base
        return self.record(change, lambda made: replacing_step(
            text, [made.id], list(made.superseded), restore=core.restore_corrections, delete=core.delete_corrections,
            state=core.correction_states, changes=changes))
