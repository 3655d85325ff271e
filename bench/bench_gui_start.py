"""Start-up benchmark: cold start of ReviewDesk to an interactive window on the demo corpus, next to a bare
PySide6 window started in the same run (the floor). Target: app median <= floor median + 0.5 s.

Each start is a fresh Python process (the same interpreter); the time runs from launching the process until it
reports, from inside its running event loop, that the window is shown, its pending events handled and its first
frame drawn (for the app: the demo database opened, the corpus table filled, the font check done). Runs alternate between the
two kinds so that machine noise hits both alike.

    .venv/bin/python bench/bench_gui_start.py [--runs 7]

Uses the display in $DISPLAY (e.g. under xvfb-run) or, without one, Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MARGIN_S = 0.5

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 860)
window.show()
def ready():
    window.repaint()  # the first frame is drawn
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""

APP = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from desktop.gui.app import application, create_main_window
app = application(sys.argv[:1])
settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
window = create_main_window(Path(sys.argv[2]), settings)
def ready():
    window.repaint()  # the first frame is drawn
    print("ready", window.corpus_model.total, flush=True)
    window.close()
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def start_once(code: str, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from launching a child until it prints its ready line, and that line."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env, cwd=ROOT)
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    _out, err = child.communicate(timeout=60)
    if not line.startswith("ready"):
        raise RuntimeError(f"child did not get ready (exit {child.returncode}):\n{err}")
    return elapsed, line.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="starts of each kind (default 7)")
    args = parser.parse_args(argv)

    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

    sys.path.insert(0, str(ROOT))
    from desktop.core.ingest.demo import ensure_demo_corpus
    from desktop.core.storage import open_database

    with tempfile.TemporaryDirectory(prefix="reviewdesk-bench-start-") as tmp:
        db_path, ini = Path(tmp) / "demo.sqlite3", Path(tmp) / "settings.ini"
        db = open_database(db_path)
        ensure_demo_corpus(db)  # the demo corpus as a first start leaves it
        db.conn.close()

        # One unmeasured start of each warms the disk cache: "cold" here means a new process, not a cold disk.
        start_once(BARE, [], env)
        start_once(APP, [str(ROOT), str(db_path), str(ini)], env)
        bare, app = [], []
        for _ in range(args.runs):
            bare.append(start_once(BARE, [], env)[0])
            seconds, line = start_once(APP, [str(ROOT), str(db_path), str(ini)], env)
            if line != "ready 5":
                raise RuntimeError(f"the app showed an unexpected corpus: {line!r}")
            app.append(seconds)

    floor, ours = statistics.median(bare), statistics.median(app)
    platform = env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "wayland")
    print(f"platform: {platform}, {args.runs} starts of each (medians; min-max in brackets)")
    print(f"bare PySide6 window (floor):  {floor:.3f} s  [{min(bare):.3f}-{max(bare):.3f}]")
    print(f"ReviewDesk, demo corpus:      {ours:.3f} s  [{min(app):.3f}-{max(app):.3f}]")
    print(f"difference:                   {ours - floor:+.3f} s  (target: <= +{TARGET_MARGIN_S:.1f} s)  "
          f"{'OK' if ours - floor <= TARGET_MARGIN_S else 'TOO SLOW'}")
    return 0 if ours - floor <= TARGET_MARGIN_S else 1


if __name__ == "__main__":
    sys.exit(main())
