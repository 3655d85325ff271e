"""Work in other processes: CPU work spread over worker processes, results in input order (imports,
re-segmentation), and a long job run whole in a child process, its progress relayed (re-segmentation from the GUI,
whose own threads would hold the GIL the GUI thread needs).

The processes are spawned, never forked: the caller may be a multi-threaded GUI process holding database
connections. Each worker ends itself as soon as the process that started it is gone (killed, crashed), and the
items are submitted a window at a time, so that results never pile up in memory when the caller consumes them
more slowly than the workers make them.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

from desktop.core.progress import CancelFlag, Progress

T = TypeVar("T")
R = TypeVar("R")
WINDOW = 256


def default_workers(item_count: int, minimum: int = 200) -> int:
    """Worker processes worth starting for ``item_count`` items (1 means: work in this thread)."""
    if item_count < minimum:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _watch_parent(parent_pid: int) -> None:
    """Pool initializer: end this worker as soon as the process that started it is gone.

    A worker blocked waiting for its next item would otherwise live on after its parent was killed.
    """
    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="reviewdesk-parent-watchdog", daemon=True).start()


def _apply(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def parallel_map(fn: Callable[[T], R], items: Iterable[T], workers: int,
                 cancelled: Callable[[], bool] = lambda: False, chunksize: int = 8,
                 window: int = WINDOW) -> Generator[R, None, None]:
    """``fn(item)`` for each item, in input order; in ``workers`` spawned processes when ``workers > 1`` (``fn``
    must then be a module-level function and items and results picklable), else in this thread. Stops early
    (workers shut down, queued items cancelled) once ``cancelled()`` is true, checked after each result.

    Up to ``window`` items are in the workers' hands at any time, topped up as results are taken: the
    workers never wait for the caller to finish a window (a caller storing results while the workers prepare the
    next ones keeps both busy).
    """
    if workers <= 1:
        for item in items:
            if cancelled():
                return
            yield fn(item)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_watch_parent,
                               initargs=(os.getpid(),))
    source = iter(items)
    pending: deque[Future[list[R]]] = deque()

    def submit_next() -> None:
        chunk = list(islice(source, chunksize))
        if chunk:
            pending.append(pool.submit(_apply, fn, chunk))

    try:
        for _ in range(max(1, window // chunksize)):
            submit_next()
        while pending:
            results = pending.popleft().result()
            submit_next()
            for result in results:
                yield result
                if cancelled():
                    return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_child(fn: Callable[..., R], args: tuple, conn: Connection, cancel: CancelFlag, parent_pid: int,
               nice: int = 0) -> None:
    """A child process's body: ``fn(*args, progress=…)``, each progress step and the outcome sent to the parent."""
    _watch_parent(parent_pid)
    if nice and hasattr(os, "nice"):  # POSIX; the child's own worker processes inherit it
        os.nice(nice)
    progress = Progress(lambda done, total, message: conn.send(("progress", (done, total, message))), cancel)
    _send_outcome(conn, lambda: fn(*args, progress=progress))


def _send_outcome(conn: Connection, call: Callable[[], object]) -> None:
    """Send ``call()``'s result, or what it raised, to the parent, then close the pipe."""
    try:
        conn.send(("done", call()))
    except BaseException as exc:  # every end is reported: the parent re-raises it
        try:
            conn.send(("error", exc))
        except Exception:  # an exception that cannot be pickled
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def run_in_process(fn: Callable[..., R], args: tuple, progress: Progress, poll_seconds: float = 0.1,
                   nice: int = 0) -> R:
    """``fn(*args, progress=…)`` in a spawned child process (``fn`` module-level, arguments and result
    picklable); its progress steps are passed to ``progress``, a cancel of ``progress`` reaches it, and what it
    raises (Cancelled included) is raised here. The child ends itself if this process is gone.

    ``nice``: how much lower the child's CPU priority is than this process's (POSIX niceness; ignored elsewhere):
    background work for a GUI (a re-segmentation) gives way to the GUI's own process when the cores are busy."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    cancel = context.Event()
    child = context.Process(target=_run_child, args=(fn, args, send, cancel, os.getpid(), nice),
                            name="reviewdesk-child")
    child.start()
    send.close()
    try:
        while True:
            if progress.cancelled:
                cancel.set()
            if not receive.poll(poll_seconds):
                if not child.is_alive() and not receive.poll():
                    raise RuntimeError(f"the child process ended without an answer (exit code {child.exitcode})")
                continue
            try:
                kind, payload = receive.recv()
            except EOFError:
                raise RuntimeError(f"the child process ended without an answer (exit code {child.exitcode})") \
                    from None
            if kind == "progress":
                progress.update(*payload)
            elif kind == "done":
                return payload
            else:
                raise payload
    finally:
        cancel.set()
        child.join(timeout=30)
        if child.is_alive():
            child.terminate()
            child.join()
        receive.close()


def _run_job(fn: Callable[..., R], args: tuple, conn: Connection, parent_pid: int) -> None:
    """A :class:`ChildJob`'s body: ``fn(*args)``, its outcome sent to the parent."""
    _watch_parent(parent_pid)
    _send_outcome(conn, lambda: fn(*args))


class ChildJob(Generic[R]):
    """``fn(*args)`` started at once in a spawned child process, while this process goes on with other work
    (``fn`` module-level, arguments and result picklable); :meth:`result` waits for it and re-raises what it
    raised, :meth:`close` ends it if it is still running (a cancelled or failed caller). The child ends itself
    if this process is gone."""

    def __init__(self, fn: Callable[..., R], args: tuple) -> None:
        context = multiprocessing.get_context("spawn")
        self._receive, send = context.Pipe(duplex=False)
        self._child = context.Process(target=_run_job, args=(fn, args, send, os.getpid()), name="reviewdesk-job")
        self._child.start()
        send.close()
        self._answered = False

    def result(self, poll_seconds: float = 0.1) -> R:
        """The job's result (waits for it); the child is reaped before this returns."""
        try:
            while not self._receive.poll(poll_seconds):
                if not self._child.is_alive() and not self._receive.poll():
                    raise self._ended()
            try:
                kind, payload = self._receive.recv()
            except EOFError:
                raise self._ended() from None
            self._answered = True
            if kind == "error":
                raise payload
            return payload
        finally:
            self.close()

    def _ended(self) -> RuntimeError:
        self._child.join(timeout=10)  # its pipe closes a moment before it is reaped: wait for its exit code
        return RuntimeError(f"the child process ended without an answer (exit code {self._child.exitcode})")

    def close(self) -> None:
        """End the child: once it has answered, wait for it to exit; before that, stop it."""
        if self._child.is_alive() and self._answered:
            self._child.join(timeout=30)
        if self._child.is_alive():
            self._child.terminate()
        self._child.join()
        self._receive.close()
