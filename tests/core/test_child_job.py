"""A job started in a child process beside the caller's own work (the xlsx export's charts): its result or its
error comes back, and a caller that gives up (cancel, failure) stops it rather than waiting for it."""

from __future__ import annotations

import os
import time

import pytest

from desktop.core.processes import ChildJob


def _pid_and_sum(numbers: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(numbers)


def _fail(message: str) -> None:
    raise ValueError(message)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _exit_hard(code: int) -> None:
    os._exit(code)


def test_the_result_comes_from_another_process():
    job = ChildJob(_pid_and_sum, ([1, 2, 3],))
    pid, total = job.result()
    assert total == 6 and pid != os.getpid()


def test_an_error_is_raised_as_it_was_raised():
    with pytest.raises(ValueError, match="报告格式不对"):
        ChildJob(_fail, ("报告格式不对",)).result()


def test_a_child_that_dies_is_said_so_not_waited_for():
    with pytest.raises(RuntimeError, match="exit code 3"):
        ChildJob(_exit_hard, (3,)).result()


def test_closing_before_the_answer_stops_the_child():
    job = ChildJob(_sleep, (600,))
    job.close()  # a cancelled export: returns once the child is gone, not after ten minutes
    assert not job._child.is_alive() and job._child.exitcode is not None
    job.close()  # twice is harmless
