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
    """Records the gaps between ticks of a ``TICK_MS`` timer on the GUI thread (ms beyond the interval), and for
    each gap the GUI thread's own CPU time in it (``cpu``), the CPU time of the process's other threads in it
    (``others``) and when it ended (``at``, s since :meth:`start`).

    A long gap with as much GUI-thread CPU is work done on the GUI thread; one with little of it but as much CPU in
    other threads is the GUI thread waiting for the GIL; one with neither is the machine not running the process
    (other processes on busy cores) or the GUI thread waiting for something outside Python.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.cpu: list[float] = []
        self.at: list[float] = []
        self.others: list[float] = []
        self.last_proc = time.process_time()
        self.began = self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now, cpu, proc = time.perf_counter(), time.thread_time(), time.process_time()
        self.others.append(((proc - self.last_proc) - (cpu - self.last_cpu)) * 1000)
        self.last_proc = proc
        self.gaps.append((now - self.last) * 1000 - TICK_MS)
        self.cpu.append((cpu - self.last_cpu) * 1000)
        self.at.append(now - self.began)
        self.last, self.last_cpu = now, cpu

    def start(self) -> None:
        self.gaps.clear()
        self.cpu.clear()
        self.at.clear()
        self.others.clear()
        self.last_proc = time.process_time()
        self.began = self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.timer.start()

    def worst(self, n: int = 5) -> str:
        """The ``n`` longest gaps of the last run: wall ms (GUI-thread CPU ms) @ seconds since start."""
        order = sorted(range(len(self.gaps)), key=lambda i: -self.gaps[i])[:n]
        return ", ".join(f"{self.gaps[i]:.1f} ms (CPU {self.cpu[i]:.1f}, other threads {self.others[i]:.1f}) @ {self.at[i]:.1f} s" for i in order)

    def stop(self) -> list[float]:
        self.timer.stop()
        return list(self.gaps)


def run_loop_for(seconds: float) -> None:
    """Let the GUI event loop run for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def describe_cpu(cpu: list[float], target_ms: float) -> str:
    """max and p99 of the GUI thread's CPU time per gap, and how many gaps held more than ``target_ms`` of it."""
    ordered = sorted(cpu)
    p99 = ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0
    return (f"GUI-thread CPU per gap: max {max(cpu, default=0.0):6.1f} ms, p99 {p99:5.1f} ms, "
            f"{sum(c > target_ms for c in cpu)} over {target_ms:.0f} ms")


def describe(gaps: list[float], target_ms: float) -> str:
    """max, p99, median of the stalls and how many exceed ``target_ms``."""
    ordered = sorted(gaps)
    p99 = ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0
    return (f"max {max(gaps):6.1f} ms, p99 {p99:5.1f} ms, median {statistics.median(gaps):4.1f} ms, "
            f"{sum(g > target_ms for g in gaps)} over {target_ms:.0f} ms ({len(gaps)} ticks)")
