"""Re-segmentation in a child process (what the GUI runs): progress and cancel cross the process boundary, errors
come back as they were raised, and a child that dies is said so, never waited for."""

from __future__ import annotations

import os
import signal

import pytest

from desktop.core.errors import Cancelled
from desktop.core.processes import run_in_process
from desktop.core.progress import Progress
from desktop.core.storage.database import DatabaseProblem
from desktop.core.storage.resegment import resegment_in_child
from tests.core.storage.outdated import age_file, outdated_in


def test_the_child_resegments_and_reports_its_progress(seeded_db_path):
    age_file(seeded_db_path)
    steps: list[tuple[int, int]] = []
    assert resegment_in_child(seeded_db_path, progress=Progress(lambda d, t, _m: steps.append((d, t)))) == 5
    assert steps[-1] == (5, 5) and [d for d, _t in steps] == sorted(d for d, _t in steps)
    assert outdated_in(seeded_db_path) == 0


def test_a_cancel_reaches_the_child(seeded_db_path):
    age_file(seeded_db_path)
    progress = Progress()
    progress.cancel()  # before the child has started: it stores nothing
    with pytest.raises(Cancelled):
        resegment_in_child(seeded_db_path, progress=progress)
    assert outdated_in(seeded_db_path) == 5


def test_what_the_child_raises_is_raised_here(tmp_path):
    folder = tmp_path / "not-a-database"
    folder.mkdir()
    (folder / "x.sqlite3").write_bytes(b"this is no SQLite file at all" * 100)
    with pytest.raises(DatabaseProblem):
        resegment_in_child(folder / "x.sqlite3", progress=Progress())


def _die(*, progress: Progress) -> int:
    progress.update(1, 2, "about to die")
    os.kill(os.getpid(), signal.SIGKILL)
    return 0


def test_a_child_that_dies_is_said_so(tmp_path):
    steps: list[str] = []
    with pytest.raises(RuntimeError, match="ended without an answer"):
        run_in_process(_die, (), Progress(lambda _d, _t, message: steps.append(message)))
    assert steps == ["about to die"]


def _niceness(*, progress: Progress) -> int:
    return os.nice(0)


@pytest.mark.skipif(not hasattr(os, "nice"), reason="POSIX niceness")
def test_the_child_runs_at_a_lower_priority_than_its_parent():
    """Background work (the GUI's re-segmentation) gives way to the GUI's process when the cores are busy."""
    assert run_in_process(_niceness, (), Progress(), nice=5) == os.nice(0) + 5
    assert run_in_process(_niceness, (), Progress()) == os.nice(0)
