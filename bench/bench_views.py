"""Report view and side-by-side benchmark.

Opening a report = ReportView.show_document (text with part tints and bold headings, header, outline,
legend) plus a search highlight, until the view has painted. Side by side = CompareView.show_pair (both
panes, gap banners, text reuse and its marks, part cards) until painted. Each figure is printed next to a
floor measured in the same run (a bare QTextEdit given the same plain text and painted) and compared with
the targets: seeds <= 50 ms median, a 1,000,000-character report <= 300 ms, two 20,000-character
reports side by side <= 200 ms.

    .venv/bin/python bench/bench_views.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

from desktop.core.ingest.importer import import_paths  # noqa: E402
from desktop.core.storage import open_database  # noqa: E402
from desktop.core.storage.documents import DocumentRecord, get_document, list_documents  # noqa: E402
from desktop.core.text import normalize_text  # noqa: E402
from desktop.gui.reading.compare_view import CompareView  # noqa: E402
from desktop.gui.reading.report_view import ReportView  # noqa: E402

SEEDS = ROOT / "seeds"
TARGET_SEED_MS = 50
TARGET_MILLION_MS = 300
TARGET_COMPARE_MS = 200


def settle(app: QApplication) -> None:
    """Let deferred deletions and layout requests run so that each run starts from rest."""
    for _ in range(3):
        app.processEvents()


def timed(app: QApplication, action: Callable[[], None], paint: Callable[[], None], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        settle(app)
        start = time.perf_counter()
        action()
        paint()
        times.append((time.perf_counter() - start) * 1000)
    return times


def repeated_text(parts: list[str], length: int) -> str:
    """A report text of about ``length`` characters made by repeating seed texts."""
    unit = "\n\n".join(parts) + "\n\n"
    return normalize_text(unit * (length // len(unit) + 1))[:length]


def stored(db, folder: Path, name: str, text: str) -> DocumentRecord:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    report = import_paths(db, [path])
    doc_id = report.outcomes[0].document_id
    assert doc_id, report.summary()
    return get_document(db, doc_id)


def verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "OVER TARGET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)

    db = open_database(":memory:")
    import_paths(db, [SEEDS])
    seeds = {d.name[:3]: get_document(db, d.id) for d in list_documents(db)}
    seed_texts = [seeds[k].text for k in sorted(seeds)]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        million = stored(db, Path(tmp), "million.txt", repeated_text(seed_texts, 1_000_000))
        left20 = stored(db, Path(tmp), "jilin2022x.txt", repeated_text([seeds["003"].text], 20_000))
        right20 = stored(db, Path(tmp), "jilin2025x.txt", repeated_text([seeds["000"].text, seeds["001"].text],
                                                                       20_000))
        print(f"(setup: importing the long reports took {time.perf_counter() - t0:.1f} s)")

    view = ReportView()
    view.resize(1400, 900)
    view.show()
    bare = QTextEdit()
    bare.resize(1100, 820)
    bare.show()
    settle(app)

    print(f"\nOpening a report (show_document + search highlight, painted), median of {args.runs} runs")
    print(f"{'report':<34}{'chars':>10}{'view ms':>10}{'floor ms':>10}{'target':>9}  verdict")
    seed_medians = []
    for key in sorted(seeds):
        record = seeds[key]

        def open_seed(r: DocumentRecord = record) -> None:
            view.show_document(r)
            view.highlight_query("法治")

        ms = statistics.median(timed(app, open_seed, view.repaint, args.runs))
        floor = statistics.median(timed(app, lambda r=record: bare.setPlainText(r.text), bare.repaint, args.runs))
        seed_medians.append(ms)
        print(f"{record.summary.name:<34}{len(record.text):>10,}{ms:>10.1f}{floor:>10.1f}{TARGET_SEED_MS:>9}  "
              f"{verdict(ms, TARGET_SEED_MS)}")
    worst = max(seed_medians)
    print(f"{'seeds (worst median)':<34}{'':>10}{worst:>10.1f}{'':>10}{TARGET_SEED_MS:>9}  "
          f"{verdict(worst, TARGET_SEED_MS)}")

    runs_long = max(3, args.runs // 3)

    def open_million() -> None:
        view.show_document(million)
        view.highlight_query("法治")

    ms = statistics.median(timed(app, open_million, view.repaint, runs_long))
    floor = statistics.median(timed(app, lambda: bare.setPlainText(million.text), bare.repaint, runs_long))
    print(f"{'1,000,000-character report':<34}{len(million.text):>10,}{ms:>10.1f}{floor:>10.1f}"
          f"{TARGET_MILLION_MS:>9}  {verdict(ms, TARGET_MILLION_MS)}")
    print(f"  ({len(million.outline):,} headings, {len(million.sections):,} parts, "
          f"{view.legend.hits.text()} highlighted)")
    # The layout of a long text continues in the background; the event loop must stay responsive.
    view.show_document(million)
    view.repaint()
    stalls = []
    last = time.perf_counter()
    end = last + 3.0
    while time.perf_counter() < end:
        app.processEvents()
        now = time.perf_counter()
        stalls.append((now - last) * 1000)
        last = now
    start = time.perf_counter()
    view.scroll_to_offset(len(million.text) - 10)
    view.repaint()
    print(f"  background layout: longest event-loop stall {max(stalls):.0f} ms over 3 s; "
          f"then jumping to the end took {(time.perf_counter() - start) * 1000:.1f} ms")
    view.close()

    compare = CompareView()
    compare.resize(1600, 1000)
    compare.show()
    left_bare, right_bare = QTextEdit(), QTextEdit()
    for w in (left_bare, right_bare):
        w.resize(780, 800)
        w.show()
    settle(app)

    def paint_compare() -> None:
        compare.repaint()

    def paint_bare() -> None:
        left_bare.repaint()
        right_bare.repaint()

    def bare_pair() -> None:
        left_bare.setPlainText(left20.text)
        right_bare.setPlainText(right20.text)

    print(f"\nSide by side (show_pair with alignment, gap banners, text reuse and marks, painted), "
          f"median of {args.runs} runs")
    print(f"{'pair':<34}{'chars':>10}{'view ms':>10}{'floor ms':>10}{'target':>9}  verdict")
    for label, left, right in (("seeds 003 | 000 (Jilin 2022|2025)", seeds["003"], seeds["000"]),
                               ("two 20,000-character reports", left20, right20)):
        ms = statistics.median(timed(app, lambda a=left, b=right: compare.show_pair(a, b), paint_compare, args.runs))
        floor = statistics.median(timed(app, bare_pair, paint_bare, args.runs)) if left is left20 else float("nan")
        chars = f"{len(left.text):,}+{len(right.text):,}"
        print(f"{label:<34}{chars:>10}{ms:>10.1f}{floor:>10.1f}{TARGET_COMPARE_MS:>9}  "
              f"{verdict(ms, TARGET_COMPARE_MS)}")
    print(f"  (20,000-character pair: {len(compare.reuse.right_spans)} shared spans on the right, "
          f"{len(compare.reuse.passages)} passages)")
    compare.close()
    db.conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
