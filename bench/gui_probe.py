"""The GUI benches' stall recorder: how long the GUI thread is blocked, measured by the ticks of a short timer.

A stall is the time between two ticks of a ``TICK_MS`` QTimer on the GUI thread beyond its interval. Call
:func:`headless` before PySide6 is first imported (the benches run without a display unless one is set).
"""

from __future__ import annotations

import os
import statistics
import time

TICK_MS = 5


def headless() -> None:
    """Run Qt offscreen when there is no display, quietly."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


class Probe:
    """Records the gaps between ticks of a ``TICK_MS`` timer on the GUI thread (ms beyond the interval)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000 - TICK_MS)
        self.last = now

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return list(self.gaps)


def run_loop_for(seconds: float) -> None:
    """Let the GUI event loop run for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def describe(gaps: list[float], target_ms: float) -> str:
    """max, p99, median of the stalls and how many exceed ``target_ms``."""
    ordered = sorted(gaps)
    p99 = ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0
    return (f"max {max(gaps):6.1f} ms, p99 {p99:5.1f} ms, median {statistics.median(gaps):4.1f} ms, "
            f"{sum(g > target_ms for g in gaps)} over {target_ms:.0f} ms ({len(gaps)} ticks)")
