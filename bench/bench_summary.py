"""Benchmark: the evaluation summary (评估报告) of 1,000 scored and annotated reports, two reviewers.

Builds (or reuses, ``--keep DB``) the database of bench/bench_export.py: 1,000 synthetic reports, both reviewers
scoring every criterion, most reviews submitted, ``--annotations`` tagged annotations per report and reviewer.
Then times, in the same run:

- the floor: the raw queries the summary starts from (desktop.core.export.data.fetch_raw: the same rows);
- reading the facts (desktop.core.summary.facts.gather: panel, agreement, annotations, previous-year text reuse);
- drafting the chapters and applying rewrites (desktop.core.summary.draft.compose);
- writing md, docx and pdf (charts drawn for docx and pdf), each from the database (write_summary, the CLI path);

and prints each with its ratio to the floor. Target: a summary of 1,000 reports in under 30 s (each format).

    .venv/bin/python bench/bench_summary.py [--reports 1000] [--annotations 20] [--keep DB]
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

from bench.bench_export import build  # noqa: E402
from desktop.core.export.data import fetch_raw, resolve_rubric  # noqa: E402
from desktop.core.storage import open_database  # noqa: E402
from desktop.core.summary.draft import compose  # noqa: E402
from desktop.core.summary.edits import list_edits, list_picks  # noqa: E402
from desktop.core.summary.facts import gather  # noqa: E402
from desktop.core.summary.write import write_summary  # noqa: E402

TARGET_S = 30.0


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=20, help="annotations per report and reviewer")
    parser.add_argument("--keep", metavar="DB", help="build into (or reuse) this database file")
    args = parser.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1/5/15 min)")
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(args.keep) if args.keep else Path(tmp) / "bench.sqlite3"
        if not db_path.exists():
            t, _ = timed(lambda: build(db_path, args.reports, args.annotations))
            print(f"built {args.reports} reports x 2 reviewers x {args.annotations} annotations in {t:.1f} s")
        db = open_database(db_path)
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "scores", "annotations", "reviews")}
        print("rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        rubric = resolve_rubric(db, None)
        floor = min(timed(lambda: fetch_raw(db, rubric.id))[0] for _ in range(2))
        print(f"{'floor: query the same rows from SQLite':<46}{floor:8.3f} s")
        t_facts, facts = timed(lambda: gather(db))
        print(f"{'read the facts (gather)':<46}{t_facts:8.3f} s   x{t_facts / floor:6.1f} the floor")
        t_draft, draft = timed(lambda: compose(facts, list_edits(db, facts.scope), list_picks(db, facts.scope)))
        print(f"{'draft the chapters (compose)':<46}{t_draft:8.3f} s   x{t_draft / floor:6.1f} the floor   "
              f"({len(draft.paragraphs())} paragraphs)")
        worst = 0.0
        for fmt in ("md", "docx", "pdf"):
            out = Path(tmp) / f"summary.{fmt}"
            t, _ = timed(lambda fmt=fmt, out=out: write_summary(db, fmt, out))
            worst = max(worst, t)
            verdict = "ok" if t < TARGET_S else "OVER"
            print(f"{f'summary as {fmt} from the database':<46}{t:8.3f} s   x{t / floor:6.1f} the floor   "
                  f"{out.stat().st_size / 1024:8.0f} KB   target < {TARGET_S:g} s: {verdict}")
        db.conn.close()
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
