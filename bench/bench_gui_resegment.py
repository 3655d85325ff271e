"""GUI responsiveness and speed of the re-segmentation after a segmenter upgrade: the main window (every extension
installed) opens a database whose N reports were all segmented by an older version and updates them in a child
process; a 5 ms timer on the GUI thread records how long the GUI thread is blocked (frames over 50 ms are the
target's failures), next to the same probe on the idle window in the same run (the floor). The same database
is then re-segmented by the command line's path (``resegment_outdated``, this process) for the rate beside it.

The reports are copies of the five seeds (bench/corpus_cache.py ``table_database``: real texts, ~6,000 characters).

    .venv/bin/python bench/bench_gui_resegment.py [--documents 20000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gui_probe import TICK_MS, Probe, describe, describe_cpu, headless, run_loop_for  # noqa: E402

TARGET_MS = 50.0


def _aged_copy(source: Path, target: Path) -> int:
    """A copy of a bench database with every report marked as segmented by segmenter version 1."""
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    with conn:
        conn.execute("UPDATE documents SET segmenter_version = 1")
    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    return int(count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20000)
    args = parser.parse_args(argv)
    headless()

    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from bench.corpus_cache import table_database
    from desktop.core.storage import open_database
    from desktop.core.storage.resegment import count_outdated, resegment_outdated
    from desktop.gui.app import create_main_window

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"(load {load})")
    app = QApplication(sys.argv[:1])
    cached = table_database(args.documents)
    started = time.perf_counter()
    open_database(cached).conn.close()  # migrations added since the cached file was built: once, not in each copy
    migrated = time.perf_counter() - started


    with tempfile.TemporaryDirectory(prefix="reviewdesk-bench-gui-resegment-") as tmp:
        db_path = Path(tmp) / "aged.sqlite3"
        count = _aged_copy(cached, db_path)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_main_window(Path(tmp) / "empty.sqlite3", settings, check_fonts=False, seed=False)
        probe = Probe()
        probe.start()
        run_loop_for(2.0)
        idle = probe.stop()
        idle_cpu, idle_worst = list(probe.cpu), probe.worst()

        controller = window.extensions["resegment"]
        announced: list[float] = []  # when the views were told to re-read (the change bus), from the start
        window.changes.changed.connect(lambda _c: announced.append(time.perf_counter() - started))
        started = time.perf_counter()
        window.open_database(db_path)  # opening (bench_gui_start measures it) starts the worker
        opened = time.perf_counter() - started
        task = controller.task
        assert task is not None, "nothing to re-segment"
        finished = QEventLoop()
        task.finished.connect(finished.quit)
        probe.start()
        if controller.task is not None:
            finished.exec()
        elapsed = time.perf_counter() - started
        busy = probe.stop()
        busy_cpu, busy_worst = list(probe.cpu), probe.worst()
        probe.start()
        run_loop_for(1.0)  # the views re-read parts and metadata after the run
        after = probe.stop()
        after_cpu, after_worst = list(probe.cpu), probe.worst()
        window.close()
        reader = open_database(db_path)
        left = count_outdated(reader)
        reader.conn.close()

        cli_path = Path(tmp) / "aged-cli.sqlite3"
        _aged_copy(cached, cli_path)
        db = open_database(cli_path)
        started = time.perf_counter()
        done = resegment_outdated(db)
        cli_elapsed = time.perf_counter() - started
        db.conn.close()

    workers = max(1, (os.cpu_count() or 1) - 2)
    print(f"platform: {app.platformName()}; probe: {TICK_MS} ms timer on the GUI thread; stall = gap beyond the "
          "interval")
    print(f"idle window (floor):       {describe(idle, TARGET_MS)}; {describe_cpu(idle_cpu, TARGET_MS)}")
    print(f"    worst: {idle_worst}")
    print(f"during re-segmentation:    {describe(busy, TARGET_MS)}; {describe_cpu(busy_cpu, TARGET_MS)}")
    print(f"    worst: {busy_worst}")
    print(f"the second after it:       {describe(after, TARGET_MS)}; {describe_cpu(after_cpu, TARGET_MS)}  "
          "(the views re-read parts and metadata once)")
    print(f"    worst: {after_worst}")
    print(f"change-bus announcements (every view re-reads): {len(announced)} during the run and the second after "
          f"(at {', '.join(f'{t:.1f}' for t in announced)} s)")
    print(f"(opening the database on the GUI thread took {opened * 1000:.0f} ms before the probe started; "
          f"migrating the cached database beforehand took {migrated:.1f} s)")
    print(f"[{count} reports] GUI (a child process, segmenting in {'itself' if workers == 1 else f'{workers} workers'}): {count / elapsed:6.0f} reports/s "
          f"({elapsed:.1f} s, {left} left outdated)  command line path: {done / cli_elapsed:6.0f} reports/s "
          f"({cli_elapsed:.1f} s)  GUI/command line x{elapsed / cli_elapsed:.1f}")
    ok = max(busy + after) <= TARGET_MS and left == 0
    worst, floor = max(busy + after), max(idle)
    own = max(busy_cpu + after_cpu, default=0.0)
    verdict = "OK" if ok else f"NOT DONE: {left} reports left outdated" if left else (
        f"TOO SLOW: the GUI thread itself worked over {TARGET_MS:.0f} ms in a gap" if own > TARGET_MS else
        f"over {TARGET_MS:.0f} ms only in gaps where the GUI thread worked less than {TARGET_MS:.0f} ms (the rest of "
        "such a gap it was not running: other processes on the cores, or a lock it waited for)")
    print(f"longest GUI stall {worst:.1f} ms (target <= {TARGET_MS:.0f} ms; idle floor {floor:.1f} ms, "
          f"stall/floor x{worst / floor if floor > 0 else float('inf'):.1f}); most GUI-thread CPU in one gap "
          f"{own:.1f} ms  {verdict}")
    print(f"(load at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}; wall-clock stalls include the time "
          "the machine does not run the GUI thread, its CPU per gap does not)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
