"""Long lines and hostile pages cost time in proportion to their size (issue 16).

    python bench/bench_long_lines.py [--mb 8]

For each kind of one-line text (letters, digits, a report's sentences, 一是 items) it segments a 1 MB line (the
floor, measured in the same run) and an N MB line, and prints both CPU times and their ratio: linear work gives a
ratio near N, quadratic work near N². The same for saved pages of unclosed ``<!--`` and ``<script>`` openings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.ingest import read_report  # noqa: E402
from desktop.core.segmentation.segment import segment_report  # noqa: E402
from tests.core.builders import SAMPLE  # noqa: E402

UNITS = {"letters": "a", "digits": "1234567890", "report": SAMPLE.replace("\n", ""), "一是 items": "一是加强执法。",
         "headings": "（一）加强执法。1.完善制度。"}


def cpu(fn) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=8, help="size of the long line in MB (default 8)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}; CPU seconds (process time)")
    for name, unit in UNITS.items():
        size = len(unit.encode("utf-8"))
        floor = cpu(lambda u=unit, s=size: segment_report(u * (2**20 // s)))
        long = cpu(lambda u=unit, s=size: segment_report(u * (args.mb * 2**20 // s)))
        print(f"segment one line of {name:<10} 1 MB {floor:6.2f} s   {args.mb} MB {long:6.2f} s   ratio "
              f"{long / max(floor, 1e-6):5.1f} (linear: {args.mb})")
    body = "".join(f"<p>{line}</p>" for line in SAMPLE.split("\n") if line)
    with tempfile.TemporaryDirectory() as folder:
        for what, junk in (("<!--", "<!-- x "), ("<script>", "<script>var a=1;")):
            times = []
            for count in (10_000, 10_000 * args.mb):
                path = Path(folder) / "page.html"
                path.write_text(f"<html><body><div>{body}</div>{junk * count}</body></html>", encoding="utf-8")
                times.append(cpu(lambda p=path: read_report(p)))
            print(f"page of unclosed {what:<9} 10,000: {times[0]:6.2f} s   {10_000 * args.mb:,}: {times[1]:6.2f} s   "
                  f"ratio {times[1] / max(times[0], 1e-6):5.1f} (linear: {args.mb})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
