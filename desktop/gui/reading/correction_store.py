"""Undoable corrections of a report's parts and metadata, and the store that runs them.

:class:`CorrectionStore` is the one place the reading widgets change corrections: each method makes the
change once through the database's writer thread (a refused change raises before anything is on the undo
stack), then pushes a QUndoCommand whose undo and redo are each one more saved transaction. It emits
``corrections_changed(document_id)`` after every change, undo and redo, so views re-read what they show.
Widgets never run SQL: the work is done by desktop.core.review.corrections.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlite_utils import Database

from desktop.core.review import corrections as core
from desktop.core.review.corrections import CorrectedView, Correction
from desktop.core.segmentation.segment import Section
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui import palette

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Corrections", text)


def field_label(name: str) -> str:
    """The user-visible name of a metadata field, translated."""
    labels = {"title": _tr("Title"), "agency": _tr("Agency"), "year": _tr("Year"),
              "doc_number": _tr("Document number"), "doc_date": _tr("Document date"),
              "published_at": _tr("Publication date")}
    return labels.get(name, name)


class CorrectionStore(QObject):
    """Runs correction changes on the writer thread, with undo; reads through ``reader``."""

    corrections_changed = Signal(str)
    failed = Signal(str)  # a message for the reader when an undo/redo could not be applied

    def __init__(self, executor: DatabaseExecutor | None, reader: Database | None, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor = executor
        self.reader = reader
        self.undo_stack = undo_stack
        self.reviewer_id: str | None = None
        self.reviewer_name = ""

    def set_database(self, executor: DatabaseExecutor | None, reader: Database | None) -> None:
        self.executor, self.reader = executor, reader
        self.reviewer_id = None

    @property
    def ready(self) -> bool:
        return self.executor is not None and self.reader is not None

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, ...)`` as one transaction on the writer thread and return its result."""
        if self.executor is None:
            raise RuntimeError(_tr("No database is open."))
        return self.executor.call(fn, *args, **kwargs)

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
        made = self.write(core.correct_field, document_id, name, value, reviewer_id=self.reviewer_id)
        self._push_made(made, _tr("Correct %1").replace("%1", field_label(name)))
        return made

    def reset_field(self, document_id: str, name: str) -> list[str]:
        ids = self.write(core.reset_field, document_id, name)
        if ids:
            self._push(_tr("Reset %1 to automatic").replace("%1", field_label(name)), document_id,
                       redo=lambda db: core.delete_corrections(db, ids),
                       undo=lambda db: core.restore_corrections(db, ids))
        return ids

    def relabel(self, document_id: str, section: Section, kind: str) -> Correction:
        made = self.write(core.relabel_part, document_id, section, kind, reviewer_id=self.reviewer_id)
        self._push_made(made, _tr("Relabel part as %1").replace("%1", palette.kind_label(kind)))
        return made

    def mark_part(self, document_id: str, kind: str, start: int, end: int) -> Correction:
        made = self.write(core.mark_part, document_id, kind, start, end, reviewer_id=self.reviewer_id)
        self._push_made(made, _tr("Mark as %1").replace("%1", palette.kind_label(kind)))
        return made

    def not_a_heading(self, document_id: str, position: int) -> Correction:
        made = self.write(core.not_a_heading, document_id, position, reviewer_id=self.reviewer_id)
        self._push_made(made, _tr("Not a part heading"))
        return made

    def start_part(self, document_id: str, position: int, kind: str) -> Correction:
        made = self.write(core.start_part, document_id, position, kind, reviewer_id=self.reviewer_id)
        self._push_made(made, _tr("Start a part: %1").replace("%1", palette.kind_label(kind)))
        return made

    # --- plumbing -------------------------------------------------------------------------------------

    def _push_made(self, made: Correction, text: str) -> None:
        new, old = [made.id], list(made.superseded)

        def redo(db: Database) -> None:
            core.restore_corrections(db, new)
            if old:
                core.delete_corrections(db, old)

        def undo(db: Database) -> None:
            core.delete_corrections(db, new)
            if old:
                core.restore_corrections(db, old)

        self._push(text, made.document_id, redo=redo, undo=undo)

    def _push(self, text: str, document_id: str, redo: Callable[[Database], object],
              undo: Callable[[Database], object]) -> None:
        self.undo_stack.push(_CorrectionCommand(self, text, document_id, redo, undo))

    def _apply(self, fn: Callable[[Database], object], command: QUndoCommand) -> bool:
        try:
            self.write(fn)
        except Exception as exc:  # e.g. the document was deleted meanwhile: say so, drop the step
            command.setObsolete(True)
            self.failed.emit(_tr("“%1” could not be applied: %2").replace("%1", command.text()).replace("%2", str(exc)))
            return False
        return True


class _CorrectionCommand(QUndoCommand):
    """A change already made once; undo/redo run one transaction each, then tell the store's listeners."""

    def __init__(self, store: CorrectionStore, text: str, document_id: str, redo: Callable[[Database], object],
                 undo: Callable[[Database], object]) -> None:
        super().__init__(text)
        self.store, self.document_id = store, document_id
        self._redo, self._undo = redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushing runs redo once: the change is already saved, only announce it
            self._first = False
            self.store.corrections_changed.emit(self.document_id)
            return
        if self.store._apply(self._redo, self):
            self.store.corrections_changed.emit(self.document_id)

    def undo(self) -> None:
        if self.store._apply(self._undo, self):
            self.store.corrections_changed.emit(self.document_id)
