"""Undoable corrections of a report's parts and metadata, and the store that runs them.

:class:`CorrectionStore` (an :class:`~desktop.gui.undo.UndoableStore`) is the one place the reading widgets
change corrections: each method makes the change once on the database's writer thread (a refused change raises
before anything is on the undo stack), announces it on the window's change bus and pushes an undo step; undo
and redo are each one more transaction, refused when the corrections were changed elsewhere meanwhile.
Widgets never run SQL: the work is done by desktop.core.corrections.records.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.corrections import records as core
from desktop.core.corrections.apply import CORRECTED
from desktop.core.corrections.records import CorrectedView, Correction
from desktop.core.segmentation.segment import Section
from desktop.gui import palette
from desktop.gui.undo import Step, UndoableStore, replacing_step


def field_label(name: str) -> str:
    """The user-visible name of a metadata field, translated."""
    labels = {"title": QCoreApplication.translate("Corrections", "Title"), "agency": QCoreApplication.translate("Corrections", "Agency"), "year": QCoreApplication.translate("Corrections", "Year"),
              "doc_number": QCoreApplication.translate("Corrections", "Document number"), "doc_date": QCoreApplication.translate("Corrections", "Document date"),
              "published_at": QCoreApplication.translate("Corrections", "Publication date")}
    return labels.get(name, name)


class CorrectionStore(UndoableStore):
    """Runs correction changes on the writer thread, with undo; reads through ``reader``; announces each change
    (kinds ``corrections``, ``parts``, ``metadata``) on the window's change bus."""

    def view(self, document_id: str) -> CorrectedView | None:
        """A document's automatic and effective values (None without a database or document)."""
        if self.reader is None or not document_id:
            return None
        try:
            return core.corrected_view(self.reader, document_id)
        except core.CorrectionError:
            return None

    # --- changes ---------------------------------------------------------------------------------------

    def correct_field(self, document_id: str, name: str, value: str) -> Correction:
        return self._made(lambda db: core.correct_field(db, document_id, name, value, reviewer_id=self.reviewer_id),
                          QCoreApplication.translate("Corrections", "Correct %1").replace("%1", field_label(name)))

    def reset_field(self, document_id: str, name: str) -> list[str]:
        """Reset a field to its automatic value (nothing happens, and nothing is undoable, when it is automatic)."""
        view = self.view(document_id)
        if view is None or view.effective.metadata_origin[name].origin != CORRECTED:
            return []

        def step(ids: list[str]) -> Step:
            return Step(QCoreApplication.translate("Corrections", "Reset %1 to automatic").replace("%1", field_label(name)),
                        undo=lambda db: core.restore_corrections(db, ids),
                        redo=lambda db: core.delete_corrections(db, ids),
                        state=lambda db: core.correction_states(db, ids), changes=_changes(document_id))

        return self.record(lambda db: core.reset_field(db, document_id, name), step)

    def relabel(self, document_id: str, section: Section, kind: str) -> Correction:
        return self._made(lambda db: core.relabel_part(db, document_id, section, kind, reviewer_id=self.reviewer_id),
                          QCoreApplication.translate("Corrections", "Relabel part as %1").replace("%1", palette.kind_label(kind)))

    def mark_part(self, document_id: str, kind: str, start: int, end: int) -> Correction:
        return self._made(lambda db: core.mark_part(db, document_id, kind, start, end, reviewer_id=self.reviewer_id),
                          QCoreApplication.translate("Corrections", "Mark as %1").replace("%1", palette.kind_label(kind)))

    def not_a_heading(self, document_id: str, position: int) -> Correction:
        return self._made(lambda db: core.not_a_heading(db, document_id, position, reviewer_id=self.reviewer_id),
                          QCoreApplication.translate("Corrections", "Not a part heading"))

    def start_part(self, document_id: str, position: int, kind: str) -> Correction:
        return self._made(lambda db: core.start_part(db, document_id, position, kind, reviewer_id=self.reviewer_id),
                          QCoreApplication.translate("Corrections", "Start a part: %1").replace("%1", palette.kind_label(kind)))

    def _made(self, change: Callable[[Database], Correction], text: str) -> Correction:
        """Make a correction; its undo deletes it and brings back the ones it replaced, its redo the reverse."""

        return self.record(change, lambda made: correction_step(text, made, _changes(made.document_id)))


def correction_step(text: str, made: Correction, changes: Changes) -> Step:
    """The undo step of a new correction: undo deletes it and brings back the ones it superseded, redo the reverse."""
    return replacing_step(text, [made.id], list(made.superseded), restore=core.restore_corrections,
                          delete=core.delete_corrections, state=core.correction_states, changes=changes)


def _changes(document_id: str) -> Changes:
    return Changes.of("corrections", "parts", "metadata", document_ids=[document_id])
