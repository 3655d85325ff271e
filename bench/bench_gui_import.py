"""GUI responsiveness during an import: the longest the GUI thread is blocked while the main window imports
1,000 synthetic reports through its import controller (worker + writer thread), next to the same probe on an
idle event loop in the same run (the floor). Target: no stall over 100 ms.

The probe is a 5 ms QTimer on the GUI thread; a stall is the time between two of its ticks beyond its interval.

    .venv/bin/python bench/bench_gui_import.py [--files 1000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gui_probe import TICK_MS, Probe, describe, headless, run_loop_for  # noqa: E402

TARGET_MS = 100.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None, help="reading processes (default: as the app decides)")
    args = parser.parse_args(argv)
    headless()

    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from bench.corpus import write_corpus
    from desktop.gui import dialogs
    from desktop.gui.window.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    summaries: list[str] = []
    # the import summary is shown, not waited on (a modal dialog would stop the bench)
    dialogs.show_table = lambda parent, title, text, headers, rows: summaries.append(text)
    dialogs.show_report_list = lambda parent, title, text, lines, action="": summaries.append(text) and False

    with tempfile.TemporaryDirectory(prefix="reviewdesk-bench-gui-import-") as tmp:
        folder = Path(tmp) / "reports"
        write_corpus(folder, args.files)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.show()
        window.open_database(Path(tmp) / "bench.sqlite3")
        if args.workers is not None:
            window.import_controller.workers = args.workers

        probe = Probe()
        probe.start()
        run_loop_for(2.0)
        idle = probe.stop()

        finished = QEventLoop()
        window.import_controller.finished.connect(lambda _report: finished.quit())
        probe.start()
        started, cpu_started = time.perf_counter(), time.process_time()
        window.import_controller.import_paths([str(folder)])
        finished.exec()
        run_loop_for(0.2)  # the corpus reload after the import
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        busy = probe.stop()
        rows = window.corpus_model.total
        window.close()

    platform = app.platformName()
    print(f"platform: {platform}; probe: {TICK_MS} ms timer on the GUI thread; stall = gap beyond the interval")
    print(f"idle event loop (floor):  {describe(idle, TARGET_MS)}")
    print(f"during import:            {describe(busy, TARGET_MS)}")
    print(f"import: {args.files} files in {elapsed:.1f} s wall, {cpu:.1f} s CPU of this process (reading processes "
          f"not counted); {rows} documents in the table; summary: {summaries[-1]}")
    print("(load " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + ")")
    ok = max(busy) <= TARGET_MS
    print(f"longest GUI stall {max(busy):.1f} ms (target <= {TARGET_MS:.0f} ms; idle floor {max(idle):.1f} ms)  "
          f"{'OK' if ok else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
