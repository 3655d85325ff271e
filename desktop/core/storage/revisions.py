"""Undo that never overwrites a newer edit: write only if the rows still hold what this program left there.

An undoable step remembers the *content* of the rows it wrote (:func:`content`: the value without its time
stamps). Before undoing or redoing it, :func:`apply_if_unchanged` reads the rows again in the same immediate
transaction; when another window or process changed them meanwhile, it raises :class:`ChangedElsewhere` and
writes nothing. Content rather than ``updated_at`` is compared because time stamps have a resolution of one
second and some rows (a review) are touched by several kinds of step; equal content means undoing loses nobody's
work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError

T = TypeVar("T")
State = Callable[[Database], Any]

TIME_STAMPS = ("created_at", "updated_at")  # left out of content; ``deleted_at`` only counts as deleted or not


class ChangedElsewhere(ReviewDeskError):
    """The rows an undo/redo step would write were changed since (by another window or process)."""

    def __init__(self, expected: object, found: object) -> None:
        self.expected, self.found = expected, found
        super().__init__("the data was changed elsewhere since this step (another window or program); "
                         "undoing it would overwrite that newer change")


def content(value: object) -> object:
    """``value`` as a comparable structure without time stamps (dataclasses, tuples, lists and dicts inside too)."""
    if is_dataclass(value) and not isinstance(value, type):
        out: list[tuple[str, object]] = []
        for f in fields(value):
            if f.name in TIME_STAMPS:
                continue
            item = getattr(value, f.name)
            out.append((f.name, item is not None if f.name == "deleted_at" else content(item)))
        return (type(value).__name__, tuple(out))
    if isinstance(value, tuple | list):
        return tuple(content(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, content(v)) for k, v in value.items()))
    return value


def _immediate(db: Database, work: Callable[[Database], T]) -> T:
    """Run ``work`` in one BEGIN IMMEDIATE transaction (the check and the write see the same data)."""
    if db.conn.in_transaction:  # called inside a transaction already: it is the caller's
        return work(db)
    db.execute("BEGIN IMMEDIATE")
    try:
        result = work(db)
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    if db.conn.in_transaction:
        db.execute("COMMIT")
    return result


def write_and_capture(db: Database, write: Callable[[Database], T],
                      state_for: Callable[[T], State]) -> tuple[T, object]:
    """Run ``write(db)`` and read the content of the rows it wrote (``state_for(result)(db)``) in one transaction."""
    def work(db: Database) -> tuple[T, object]:
        result = write(db)
        return result, content(state_for(result)(db))

    return _immediate(db, work)


def apply_if_unchanged(db: Database, state: State, expected: object, write: Callable[[Database], object]) -> object:
    """Run ``write(db)`` if the rows ``state(db)`` reads still have the content ``expected``; return their new content.

    Raises :class:`ChangedElsewhere` (nothing written) when they do not.
    """
    def work(db: Database) -> object:
        found = content(state(db))
        if found != expected:
            raise ChangedElsewhere(expected, found)
        write(db)
        return content(state(db))

    return _immediate(db, work)
