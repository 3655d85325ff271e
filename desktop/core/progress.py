"""The progress/cancel object long core work takes (Orange's ``state``): plain, no Qt."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from desktop.core.errors import Cancelled


class CancelFlag(Protocol):
    """A thread's or a process's event (``threading.Event``, ``multiprocessing.Event``)."""

    def set(self) -> None: ...

    def is_set(self) -> bool: ...


class Progress:
    """Reports progress through an optional callback and carries a thread-safe cancel flag."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None,
                 cancel_flag: CancelFlag | None = None) -> None:
        self._callback = callback
        self._cancel: CancelFlag = cancel_flag if cancel_flag is not None else threading.Event()

    def update(self, done: int, total: int, message: str = "") -> None:
        if self._callback is not None:
            self._callback(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if cancellation was requested."""
        if self._cancel.is_set():
            raise Cancelled("cancelled by the user")
