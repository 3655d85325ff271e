"""The change bus holds back other connections' writes while the window's own background writer runs (the
re-segmentation after an upgrade commits a batch a second: every view would re-read everything each time), and
announces them once when released — late, never lost."""

from __future__ import annotations

import pytest

from desktop.core.changes import Changes
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.storage import open_database
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui.changes import ChangeBus


def _write_elsewhere(path, name: str) -> None:
    other = open_database(path)
    get_or_create_reviewer(other, name)
    other.conn.close()


def _polls(qtbot, bus: ChangeBus, n: int = 3) -> None:
    for _ in range(n):
        with qtbot.waitSignal(bus.checked, timeout=3000):
            pass


@pytest.fixture
def watching_bus(qtbot, seeded_db_path):
    """A change bus polling every 20 ms, watching an executor on the seeded database (its first poll done), and the
    list of what it announced; the watch is ended and the executor closed after the test."""
    executor = DatabaseExecutor(seeded_db_path)
    bus = ChangeBus(interval_ms=20)
    heard: list[Changes] = []
    bus.changed.connect(heard.append)
    with qtbot.waitSignal(bus.checked, timeout=3000):
        bus.watch(executor)
    yield bus, heard
    bus.watch(None)
    executor.close()


def test_writes_while_held_are_announced_once_at_release(qtbot, seeded_db_path, watching_bus):
    bus, heard = watching_bus
    bus.hold_outside()
    bus.hold_outside()  # holds nest: a second background job
    for name in ("后台一", "后台二", "另一个程序"):
        _write_elsewhere(seeded_db_path, name)
        _polls(qtbot, bus)
    assert heard == [] and bus.held
    bus.release_outside()
    _polls(qtbot, bus)
    assert heard == [] and bus.held  # one job still runs
    bus.release_outside()
    qtbot.waitUntil(lambda: len(heard) == 1, timeout=3000)
    _polls(qtbot, bus)
    assert len(heard) == 1 and heard[0].outside and heard[0].kinds == Changes.everything().kinds
    _write_elsewhere(seeded_db_path, "之后")  # released: announced as usual again
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=3000)


def test_a_hold_with_nothing_written_announces_nothing(qtbot, seeded_db_path, watching_bus):
    bus, heard = watching_bus
    bus.hold_outside()
    _polls(qtbot, bus)
    bus.release_outside()
    _polls(qtbot, bus)
    assert heard == [] and not bus.held


def test_what_the_holder_wrote_is_announced_once_with_or_without_other_writes(qtbot, seeded_db_path, watching_bus):
    bus, heard = watching_bus
    ours = Changes.of("parts", "metadata")
    bus.hold_outside()
    bus.release_outside(ours)  # nothing moved: what the holder names is announced
    qtbot.waitUntil(lambda: len(heard) == 1, timeout=3000)
    _polls(qtbot, bus)
    assert heard == [ours]
    bus.hold_outside()
    _write_elsewhere(seeded_db_path, "后台")
    _polls(qtbot, bus)
    bus.release_outside(ours)  # the version moved: one announcement of everything covers both
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=3000)
    _polls(qtbot, bus)
    assert len(heard) == 2 and heard[1].outside and heard[1].kinds == Changes.everything().kinds
