"""The task runner: results, errors, progress and cancellation arrive on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from desktop.core.errors import ReviewDeskError
from desktop.core.progress import Progress
from desktop.gui import workers


def _square(x: int, progress: Progress) -> tuple[int, str]:
    progress.update(1, 1, "squared")
    return x * x, threading.current_thread().name


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    seen: list[tuple[str, object]] = []
    main = threading.current_thread()
    task = workers.run_task(_square, 7, name="square")
    task.progress.connect(lambda d, t, m: seen.append(("progress", (d, t, m, threading.current_thread() is main))))
    task.done.connect(lambda v: seen.append(("done", (v, threading.current_thread() is main))))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    value, worker_thread = dict(seen)["done"][0]
    assert value == 49
    assert worker_thread != main.name  # the function ran on a pool thread
    assert dict(seen)["done"][1] is True  # ... and the callback on the GUI thread
    assert dict(seen)["progress"] == (1, 1, "squared", True)
    assert task not in workers.running_tasks()


def _boom(progress: Progress) -> None:
    raise ReviewDeskError("the file is not a database")


def test_an_error_is_reported_with_its_traceback(qtbot):
    task = workers.run_task(_boom)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    exc = blocker.args[0]
    assert isinstance(exc, ReviewDeskError)
    assert "not a database" in str(exc)
    assert "_boom" in task.traceback


def _wait_for_cancel(started: threading.Event, progress: Progress) -> str:
    started.set()
    for _ in range(500):
        progress.check()
        threading.Event().wait(0.01)
    return "ran to the end"


def test_cancel_stops_the_function_and_emits_cancelled(qtbot):
    started = threading.Event()
    task = workers.run_task(_wait_for_cancel, started)
    done: list[object] = []
    task.done.connect(done.append)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert done == []
    assert task.is_cancelled


def test_cancel_all_and_wait_drains_the_pool(qtbot):
    started = threading.Event()
    task = workers.run_task(_wait_for_cancel, started)
    assert started.wait(5)
    assert workers.cancel_all_and_wait(5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass


@pytest.mark.parametrize("steps", [2000])
def test_progress_is_coalesced(qtbot, steps):
    def many(progress: Progress) -> int:
        for i in range(steps):
            progress.update(i, steps, "")
        progress.update(steps, steps, "")
        return steps

    received: list[tuple[int, int]] = []
    task = workers.run_task(many)
    task.progress.connect(lambda d, t, m: received.append((d, t)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert received[-1] == (steps, steps)  # the last update always arrives
    assert len(received) < steps / 4


def _held(release: threading.Event, value: str, progress: Progress) -> str:
    release.wait(5)  # ignores cancellation on purpose: its result arrives after the newer task's
    return value


def test_latest_task_delivers_only_the_newest_outcome(qtbot):
    latest = workers.LatestTask("search")
    delivered: list[object] = []
    latest.done.connect(delivered.append)
    latest.failed.connect(lambda exc, tb: delivered.append(("failed", str(exc), "Traceback" in tb)))
    old_release, new_release = threading.Event(), threading.Event()
    old = latest.start(_held, old_release, "old")
    new = latest.start(_held, new_release, "new")
    assert old.is_cancelled and latest.task is new
    new_release.set()
    with qtbot.waitSignal(latest.done, timeout=5000):
        pass
    old_release.set()
    with qtbot.waitSignal(old.finished, timeout=5000):
        pass
    assert delivered == ["new"] and not latest.running
    # a failure of the newest task is delivered with its traceback; cancel() drops a running task's outcome
    with qtbot.waitSignal(latest.failed, timeout=5000):
        latest.start(_boom)
    assert delivered[-1] == ("failed", "the file is not a database", True)
    gone_release = threading.Event()
    gone = latest.start(_held, gone_release, "dropped")
    latest.cancel()
    gone_release.set()
    with qtbot.waitSignal(gone.finished, timeout=5000):
        pass
    assert delivered[-1] != "dropped" and not latest.running
