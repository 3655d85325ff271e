"""The undoable-store base: a change is saved at once, then pushed as a step that undo and redo replay safely.

A feature's store (annotations, scores, …) subclasses :class:`UndoableStore` and makes each change with
:meth:`UndoableStore.record`: the change runs once as one transaction on the writer thread (a refused change
raises before anything is on the undo stack), the content of the rows it wrote is captured in the same
transaction, the change is announced on the window's :class:`~desktop.gui.changes.ChangeBus`, and a
:class:`StoreCommand` goes onto the window's QUndoStack. Undo and redo each run one more transaction, and only
when the rows still hold what this window left there (``desktop.core.storage.revisions``): a newer edit made in
another window or program is never overwritten; the step is refused, dropped, and a dialog says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.storage.executor import DatabaseExecutor
from desktop.core.storage.revisions import ChangedElsewhere, apply_if_unchanged, write_and_capture
from desktop.gui import dialogs
from desktop.gui.changes import ChangeBus

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    """How to undo and redo a change that was made once, and what it changed.

    ``undo``/``redo`` write the state before/after (each ``fn(db)``, one transaction); ``state(db)`` reads the
    rows both write (compared, without time stamps, before every undo and redo); ``changes`` is announced after
    each. Steps with the same ``merge_id`` (not -1) and equal ``merge_key`` merge into one undo step (typing).
    """

    text: str
    undo: Callable[[Database], object]
    redo: Callable[[Database], object]
    state: Callable[[Database], object]
    changes: Changes
    merge_id: int = -1
    merge_key: object = None


def replacing_step(text: str, new: list[str], old: list[str], *, restore: Callable[[Database, list[str]], object],
                   delete: Callable[[Database, list[str]], object], state: Callable[[Database, list[str]], object],
                   changes: Changes) -> Step:
    """The step of a change that added the rows ``new`` and (soft-)deleted the rows ``old`` it replaced (a
    correction and the ones it supersedes): undo deletes the new rows and restores the old, redo the reverse.
    ``restore``/``delete``/``state`` take the database and row ids (``state`` reads both sets)."""

    def redo(db: Database) -> None:
        restore(db, new)
        if old:
            delete(db, old)

    def undo(db: Database) -> None:
        delete(db, new)
        if old:
            restore(db, old)

    return Step(text, undo=undo, redo=redo, state=lambda db: state(db, new + old), changes=changes)


def _nothing(_db: Database) -> None:
    return None


class UndoableStore(QObject):
    """Runs a feature's changes on the writer thread with undo; reads through ``reader``; announces on ``changes``.

    ``reviewer_id``/``reviewer_name``: who is working (set by desktop.gui.reviewer_name). ``failed(str)``: a step
    could not be applied (after the dialog has said why), for a status line.
    """

    failed = Signal(str)

    def __init__(self, executor: DatabaseExecutor | None, reader: Database | None, undo_stack: QUndoStack,
                 changes: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor, self.reader, self.undo_stack, self.changes = executor, reader, undo_stack, changes
        self.reviewer_id: str | None = None
        self.reviewer_name = ""

    def set_database(self, executor: DatabaseExecutor | None, reader: Database | None) -> None:
        """Work on another database (or none); the reviewer is registered there again when needed."""
        self.executor, self.reader = executor, reader
        self.reviewer_id = None

    @property
    def ready(self) -> bool:
        return self.executor is not None and self.reader is not None

    @property
    def db(self) -> Database:
        """The read connection; only while :attr:`ready` (callers check that first)."""
        if self.reader is None:
            raise RuntimeError("no database is open")
        return self.reader

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, ...)`` as one transaction on the writer thread and return its result (not undoable)."""
        if self.executor is None:
            raise RuntimeError(QCoreApplication.translate("Undo", "No database is open."))
        return self.executor.call(fn, *args, **kwargs)

    def announce(self, changes: Changes) -> None:
        self.changes.announce(changes)

    def record(self, change: Callable[[Database], T], step: Callable[[T], Step | None]) -> T:
        """Make ``change(db)`` once, announce it and push its undo step ``step(result)``; return the result.

        A change the core refuses raises (its ReviewDeskError) and leaves the undo stack as it was; a ``step``
        that returns None says the change changed nothing (nothing is announced or pushed).
        """
        made: dict[str, Step | None] = {}

        def state_for(result: T) -> Callable[[Database], object]:
            made["step"] = step(result)
            return made["step"].state if made["step"] is not None else _nothing

        result, after = self.write(write_and_capture, change, state_for)
        if made["step"] is not None:
            self.undo_stack.push(StoreCommand(self, made["step"], after))  # its first redo() only announces
        return result

    def dialog_parent(self) -> QWidget | None:
        """The window a refusal is shown over: the first widget among this store's parents."""
        obj = self.parent()
        while obj is not None and not isinstance(obj, QWidget):
            obj = obj.parent()
        return obj

    def refuse(self, command: StoreCommand, exc: Exception, undoing: bool) -> None:
        """Say why a step could not be undone/redone (it is dropped from the stack)."""
        what = QCoreApplication.translate("Undo", "Undo") if undoing else QCoreApplication.translate("Undo", "Redo")
        if isinstance(exc, ChangedElsewhere):
            text = (QCoreApplication.translate("Undo", "“%1” was not undone: this data was changed since, in another window or program. Undoing "
                        "it would overwrite that newer change, so the step was removed from the undo history.")
                    if undoing else
                    QCoreApplication.translate("Undo", "“%1” was not redone: this data was changed since, in another window or program. Redoing "
                        "it would overwrite that newer change, so the step was removed from the undo history."))
            text = text.replace("%1", command.text())
        else:
            text = QCoreApplication.translate("Undo", "“%1” could not be applied: %2").replace("%1", command.text()).replace("%2", str(exc))
        dialogs.warning(self.dialog_parent(), QCoreApplication.translate("Undo", "%1 not possible").replace("%1", what), text)
        self.failed.emit(text)


class StoreCommand(QUndoCommand):
    """A change already saved once; undo/redo replay it only over unchanged rows, then announce it."""

    def __init__(self, store: UndoableStore, step: Step, state_after: object) -> None:
        super().__init__(step.text)
        self.store, self.step = store, step
        self._expected = state_after  # the content the rows must have for the next undo/redo
        self._first = True

    def id(self) -> int:
        return self.step.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, StoreCommand) and self.step.merge_id != -1
                and other.step.merge_key == self.step.merge_key):
            return False
        self.step = replace(self.step, redo=other.step.redo, changes=self.step.changes | other.step.changes)
        self._expected = other._expected
        return True

    def redo(self) -> None:
        if self._first:  # the change is already saved: the first redo only announces it
            self._first = False
            self.store.announce(self.step.changes)
            return
        self._apply(self.step.redo, undoing=False)

    def undo(self) -> None:
        self._apply(self.step.undo, undoing=True)

    def _apply(self, fn: Callable[[Database], object], undoing: bool) -> None:
        try:
            self._expected = self.store.write(apply_if_unchanged, self.step.state, self._expected, fn)
        except Exception as exc:  # changed elsewhere, or refused by the core (a name taken meanwhile, …)
            self.setObsolete(True)
            self.store.refuse(self, exc, undoing)
            if isinstance(exc, ChangedElsewhere):
                self.store.announce(replace(self.step.changes, outside=True))  # views show the newer data
            return
        self.store.announce(self.step.changes)
