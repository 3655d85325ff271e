"""The one change notification of a window: every write announces what it changed, every view listens.

The main window owns one :class:`ChangeBus` (``window.changes``). Stores, the import controller and anything else
that writes call ``changes.announce(Changes.of(...))`` after their write (undo and redo included); views connect
to ``changes.changed`` and re-read what they show when a :class:`~desktop.core.changes.Changes` concerns them.
Views never call each other to say that something changed.

Writes by *other* connections (another window, another ReviewDesk process, a merge from the command line) are
announced too: :meth:`ChangeBus.watch` polls ``PRAGMA data_version`` on the window's write connection about once
a second (through the writer thread, so it never blocks the GUI); that number changes exactly when another
connection committed, never for this window's own writes. It is then announced as ``Changes.everything(
outside=True)``. While the window's own background writer runs in another process (the re-segmentation after an
upgrade), :meth:`ChangeBus.hold_outside` holds these announcements back — each of its batches would make every
view re-read everything once a second on the GUI thread — and :meth:`ChangeBus.release_outside` announces what
was held back once (writes of other programs in that time included: late, never lost).
"""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.changes import Changes
from desktop.core.storage.database import data_version
from desktop.core.storage.executor import DatabaseExecutor

WATCH_INTERVAL_MS = 1000


class ChangeBus(QObject):
    """One signal, ``changed(Changes)``, for every write to the window's database (its own and outside ones)."""

    changed = Signal(object)          # a desktop.core.changes.Changes
    checked = Signal(int)             # the database's data version, after each poll (tests wait on it)
    _polled = Signal(object, object)  # (executor, data_version or the exception), from the writer thread

    def __init__(self, parent: QObject | None = None, interval_ms: int = WATCH_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._executor: DatabaseExecutor | None = None
        self._version: int | None = None
        self._pending: Future[int] | None = None
        self._holds = 0
        self._then: Changes | None = None  # announced after the last release unless everything is
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._polled.connect(self._on_polled)  # queued: emitted on the writer thread, handled on this one

    def announce(self, changes: Changes) -> None:
        """Tell every listener what a write changed (call it after the write is committed)."""
        self.changed.emit(changes)

    # --- writes made elsewhere ---------------------------------------------------------------------------

    def watch(self, executor: DatabaseExecutor | None) -> None:
        """Watch this executor's database for writes by other connections (None: stop; call before closing it)."""
        self._executor, self._version, self._pending, self._then = executor, None, None, None
        if executor is None:
            self._timer.stop()
            return
        self.poll()  # the first answer is the baseline
        self._timer.start()

    def hold_outside(self) -> None:
        """Hold back announcing other connections' writes until :meth:`release_outside` (calls nest)."""
        self._holds += 1

    def release_outside(self, then: Changes | None = None) -> None:
        """End a :meth:`hold_outside`; once none is left, ask for the data version at once: if it moved since the
        hold began, that is announced (one ``Changes.everything(outside=True)`` for everything held back), else
        ``then`` is (what the holder itself wrote, if anything): the views re-read once, not twice."""
        self._holds = max(0, self._holds - 1)
        if then is not None:
            self._then = then if self._then is None else self._then | then
        if not self._holds:
            self.poll()

    @property
    def held(self) -> bool:
        return self._holds > 0

    @property
    def watching(self) -> bool:
        return self._executor is not None

    def poll(self) -> None:
        """Ask the writer thread for the database's data version (at most one question queued at a time)."""
        executor = self._executor
        if executor is None or self._pending is not None:
            return
        try:
            future = executor.submit(data_version)
        except RuntimeError:  # the executor was shut down under us: nothing to watch any more
            self._executor = None
            self._timer.stop()
            return
        self._pending = future

        def relay(done: Future[int]) -> None:
            exc = done.exception()
            try:
                self._polled.emit(executor, exc if exc is not None else done.result())
            except RuntimeError:  # the bus was deleted while the question waited
                pass

        future.add_done_callback(relay)

    def _on_polled(self, executor: DatabaseExecutor, answer: object) -> None:
        if executor is not self._executor:
            return  # an answer about a database this window no longer shows
        self._pending = None
        if not isinstance(answer, int):
            return  # a failed read (the file went away, …): try again at the next tick
        if self._holds and self._version is not None:
            self.checked.emit(answer)  # the version before the hold stays the one compared with after it
            return
        previous, self._version = self._version, answer
        then, self._then = self._then, None
        if previous is not None and answer != previous:
            self.announce(Changes.everything(outside=True))
        elif then is not None:
            self.announce(then)
        self.checked.emit(answer)
