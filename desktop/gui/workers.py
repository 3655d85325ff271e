"""Run plain core functions on a QThreadPool worker and hear about them on the main thread.

``run_task(fn, *args)`` calls ``fn(*args, progress=Progress)`` on a pool thread and returns a :class:`Task`
whose signals (``progress``, ``done``, ``failed``, ``cancelled``, ``finished``) are always emitted on the
thread that created the task (the GUI thread), whatever kind of callable is connected to them.
``task.cancel()`` sets the :class:`~desktop.core.progress.Progress` cancel flag the core function checks.
:class:`LatestTask` is "newest task wins" for a panel that re-runs work as the reviewer types or clicks: starting
a task cancels the previous one, and only the newest task's outcome is delivered.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance, Slot

from desktop.core.errors import Cancelled
from desktop.core.progress import Progress

# Progress signals are coalesced to at most one per interval (the last update always goes through), so a
# core loop that reports thousands of steps cannot flood the GUI thread's event queue.
PROGRESS_INTERVAL_S = 0.03

_running: set[Task] = set()


class _Relay(QObject):
    """Carries results from the pool thread; lives on the GUI thread, emitted from the worker."""

    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object, str)
    stopped = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self._fn()
        except Cancelled:
            self._relay.stopped.emit()
        except BaseException as exc:  # reported to the GUI thread, never lost on the worker
            self._relay.error.emit(exc, traceback.format_exc())
        else:
            self._relay.result.emit(value)


class Task(QObject):
    """A handle to one function running on the pool; its signals arrive on the GUI thread."""

    progress = Signal(int, int, str)   # done, total, message
    done = Signal(object)              # the function's return value
    failed = Signal(object)            # the exception (its traceback text is in .traceback)
    cancelled = Signal()               # the function raised Cancelled
    finished = Signal()                # after done, failed or cancelled

    def __init__(self, name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.traceback = ""
        self.running = False
        self.state = Progress(self._report)
        self._last_emit = 0.0
        self._relay = _Relay()
        # Queued connections to slots of this object: delivery on the thread this object lives in.
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.result.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        self._relay.error.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        self._relay.stopped.connect(self._on_stopped, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the function to stop at its next ``progress.cancelled``/``check()``."""
        self.state.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.state.cancelled

    def _report(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            self._relay.progress.emit(done, total, message)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.running:
            self.progress.emit(done, total, message)

    @Slot(object)
    def _on_result(self, value: object) -> None:
        self._finish()
        self.done.emit(value)
        self.finished.emit()

    @Slot(object, str)
    def _on_error(self, exc: object, text: str) -> None:
        self.traceback = text
        self._finish()
        self.failed.emit(exc)
        self.finished.emit()

    @Slot()
    def _on_stopped(self) -> None:
        self._finish()
        self.cancelled.emit()
        self.finished.emit()

    def _finish(self) -> None:
        self.running = False
        _running.discard(self)


def run_task(fn: Callable[..., Any], *args: Any, name: str = "", pool: QThreadPool | None = None,
             **kwargs: Any) -> Task:
    """Start ``fn(*args, progress=task.state, **kwargs)`` on the pool and return its :class:`Task`.

    Connect to the task's signals right after this call: they are delivered through the event loop, so none
    can fire before control returns to it.
    """
    task = Task(name)
    task.running = True
    _running.add(task)  # keep the handle alive until the function ends

    def call() -> Any:
        return fn(*args, progress=task.state, **kwargs)

    (pool or QThreadPool.globalInstance()).start(_Runnable(call, task._relay))
    return task


def running_tasks() -> list[Task]:
    """Tasks started with :func:`run_task` that have not finished yet."""
    return list(_running)


def cancel_all_and_wait(timeout_ms: int = 5000, pool: QThreadPool | None = None) -> bool:
    """Cancel every running task and wait for the pool to drain; False if it did not within the timeout."""
    for task in list(_running):
        task.cancel()
    return (pool or QThreadPool.globalInstance()).waitForDone(timeout_ms)


class LatestTask(QObject):
    """One kind of work for a panel where only the newest request counts (a search as the reviewer types, …).

    :meth:`start` cancels the task still running and starts the new one; ``done(value)`` and
    ``failed(exception, traceback)`` carry only the newest task's outcome: an older task that finishes late is
    dropped. :meth:`cancel` drops the running one (nothing is delivered).
    """

    done = Signal(object)
    failed = Signal(object, str)

    def __init__(self, name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.task: Task | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, fn: Callable[..., Any], *args: Any, pool: QThreadPool | None = None, **kwargs: Any) -> Task:
        """Cancel the running task (its outcome will be dropped) and run ``fn(*args, progress=…, **kwargs)``."""
        self.cancel()
        task = run_task(fn, *args, name=self.name, pool=pool, **kwargs)
        task.done.connect(lambda value, t=task: self._deliver(t, self.done, value))
        task.failed.connect(lambda exc, t=task: self._deliver(t, self.failed, exc, t.traceback))
        task.cancelled.connect(lambda t=task: self._forget(t))
        self.task = task
        return task

    def cancel(self) -> None:
        """Stop waiting for the running task (and ask it to stop)."""
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def _forget(self, task: Task) -> None:
        if task is self.task:
            self.task = None

    def _deliver(self, task: Task, signal: SignalInstance, *args: object) -> None:
        if task is not self.task:
            return  # an older request finished after a newer one started
        self.task = None
        signal.emit(*args)
