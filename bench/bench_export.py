"""Benchmark: export the review sheet of 1,000 scored reports, two reviewers, 20 annotations each.

Builds a temporary database with real rows: 1,000 synthetic reports (bench/corpus.py) imported through the core
importer; reviewers 张三 and 李四 each score every criterion of every report (suggestions accepted, the rest
drawn at random), write an overall comment, mark most reviews done and make 20 annotations per report (with tags
and comments; two linked as evidence). Then times, in the same run:

- the floor: the raw queries of the export (desktop.core.export.data.fetch_raw: the same rows from SQLite);
- the score model and assembling the rows into the sheet's rows (what every format reads before it writes);
- each export, wall time and CPU time, with its ratio to the floor: csv (target <= 2 s), xlsx (<= 5 s),
  pdf (<= 30 s) and docx (<= 60 s), json for information;
- peak memory (maximum resident set size) of each export in a fresh process, beside the floor's (open the
  database and run the export's queries): target <= 300 MB;
- then the lead merging both reviewers' packages of those reports (bench/bench_merge.py), beside its floor.

The machine's load average is printed with the figures: on a shared machine the wall times follow it, the
ratios to the floor (measured in the same run) and the CPU times much less.

    .venv/bin/python bench/bench_export.py [--reports 1000] [--annotations 20] [--keep DB] [--fresh] [--no-memory]
                                           [--formats csv,xlsx,...]

The database is built once and kept (under the temporary folder: bench/corpus_cache.py's CACHE, e.g.
/tmp/reviewdesk-bench/export-1000x2x20.sqlite3), so a re-run measures the exports only.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402
from desktop.core.export import export  # noqa: E402
from desktop.core.export.data import assemble, fetch_raw, resolve_reviewer, resolve_rubric  # noqa: E402
from desktop.core.ingest.importer import import_paths  # noqa: E402
from desktop.core.panel.summary import panel_summary  # noqa: E402
from desktop.core.review.annotations import create_annotation  # noqa: E402
from desktop.core.review.codebook import ensure_default_codebook, list_tags  # noqa: E402
from desktop.core.review.reviewers import get_or_create_reviewer  # noqa: E402
from desktop.core.scoring import scores as scoring  # noqa: E402
from desktop.core.scoring.rubric import active_rubric  # noqa: E402
from desktop.core.scoring.suggestions import suggest_scores  # noqa: E402
from desktop.core.storage import open_database  # noqa: E402
from desktop.core.storage.documents import get_document, list_documents  # noqa: E402

TARGETS = {"csv": 2.0, "xlsx": 5.0, "pdf": 30.0, "docx": 60.0}
MEMORY_TARGET_MB = 300.0
COMMENTS = ["表述笼统，缺少数据支撑", "举措具体，成效有量化", "原因分析流于形式", "与上年报告表述雷同", "整改措施未对应不足",
            "亮点做法，可推广", "=SUM(A1:A9) 注入测试", "仅一句带过"]


def build(db_path: Path, reports: int, per_reviewer: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), reports, seed=seed)
        db = open_database(db_path)
        report = import_paths(db, [folder])
        assert report.count("imported") == reports, report.summary()
    ensure_default_codebook(db)
    tags = [t.id for t in list_tags(db)]
    rubric = active_rubric(db)
    reviewers = [get_or_create_reviewer(db, name).id for name in ("张三", "李四")]
    with db.atomic():  # one transaction for the setup only; each call below is a savepoint inside it
        for doc in list_documents(db):
            record = get_document(db, doc.id)
            suggestions = suggest_scores(rubric, record)
            length = len(record.text)
            for rid in reviewers:
                for c in rubric.criteria:
                    s = suggestions.get(c.id)
                    if s is not None and s.value is not None and rng.random() < 0.7:
                        scoring.accept_suggestion(db, doc.id, rid, rubric, s)
                    else:
                        steps = int(c.max_points / c.step)
                        scoring.set_score(db, doc.id, rid, rubric, c.id, rng.randint(0, steps) * c.step, s)
                scoring.set_note(db, doc.id, rid, rubric, "measures", rng.choice(COMMENTS))
                scoring.set_overall_comment(db, doc.id, rid, rubric, "结构完整；" + rng.choice(COMMENTS) + "。")
                made = []
                for _ in range(per_reviewer):
                    start = rng.randrange(0, max(1, length - 60))
                    a = create_annotation(db, doc.id, start, start + rng.randint(8, 60), reviewer_id=rid,
                                          tag_ids=rng.sample(tags, rng.randint(0, 2)), comment=rng.choice(COMMENTS))
                    made.append(a.id)
                scoring.link_evidence(db, doc.id, rid, rubric, "shortcomings", made[0])
                scoring.link_evidence(db, doc.id, rid, rubric, "measures", made[1])
                if rng.random() < 0.8:  # submitted last: a submitted review is read-only
                    scoring.set_review_status(db, doc.id, rid, rubric, scoring.DONE)
    db.conn.close()


def cached_database(reports: int, annotations: int) -> Path:
    """Where the bench database of this size is kept between runs (built by the first run, ~40 s at 1,000)."""
    from bench.corpus_cache import CACHE

    CACHE.mkdir(parents=True, exist_ok=True)
    return CACHE / f"export-{reports}x2x{annotations}.sqlite3"


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process and of its children that have ended (an export draws its charts
    in a child process: that work counts too)."""
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own, children.ru_utime + children.ru_stime


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _status_mb(pid: int | str, field: str) -> float:
    """A field of /proc/<pid>/status in MB (0 when the process is gone or there is no /proc)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _children(pid: int) -> list[str]:
    """The ids of the processes whose parent is ``pid`` (the export's chart process)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(entry.name)
    return found


def _watch_children(stop: threading.Event, seen: dict[str, float]) -> None:
    """Every 20 ms: the largest peak of any child process, and this process's resident memory plus its children's."""
    me = os.getpid()
    while not stop.is_set():
        together = _status_mb(me, "VmRSS")
        for child in _children(me):
            together += _status_mb(child, "VmRSS")
            seen["child"] = max(seen["child"], _status_mb(child, "VmHWM"))
        seen["together"] = max(seen["together"], together)
        stop.wait(0.02)


def _peak_child(db_path: str, what: str, out: str, queue) -> None:
    """Run one step in this fresh process and report its peak resident memory (MB), the largest peak of a process
    it started (the xlsx export draws its charts in one) and the most both held at one time (sampled)."""
    seen = {"child": 0.0, "together": 0.0}
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_children, args=(stop, seen), daemon=True)
    watcher.start()
    db = open_database(Path(db_path))
    if what == "floor":
        fetch_raw(db, resolve_rubric(db, None).id)
    else:
        export(db, what, Path(out))
    db.conn.close()
    stop.set()
    watcher.join()
    queue.put((peak_rss_mb(), seen["child"], seen["together"]))


def peak_rss_mb() -> float:
    """This process's peak resident memory (MB): VmHWM on Linux. Not ru_maxrss: Linux carries it across the fork
    and exec that start a process, so a child of a large process reports its parent's peak (every figure the same)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def peak_memory(db_path: Path, what: str, out: Path) -> tuple[float, float, float]:
    """Peak resident memory (MB) of a fresh process running ``what`` (floor, or an export format), of the largest
    process it started (0: none), and the most the two held at one time (sampled every 20 ms)."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_peak_child, args=(str(db_path), what, str(out), queue))
    proc.start()
    value = queue.get()
    proc.join()
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=20, help="annotations per report and reviewer")
    parser.add_argument("--keep", metavar="DB", help="build into (or reuse) this database file (default: the cached "
                        "one under the temporary folder, bench/corpus_cache.py's CACHE)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the database even if it is cached")
    parser.add_argument("--no-merge", action="store_true", help="skip merging two reviewers' packages "
                        "(bench/bench_merge.py, run after the exports)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory measurements")
    parser.add_argument("--formats", default="csv,xlsx,pdf,docx,json", help="comma-separated formats to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(args.keep) if args.keep else cached_database(args.reports, args.annotations)
        if args.fresh or not db_path.exists():
            partial = db_path.with_name(db_path.name + ".partial")
            for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
                stale.unlink(missing_ok=True)
            t, _ = timed(lambda: build(partial, args.reports, args.annotations))
            partial.replace(db_path)
            print(f"built {args.reports} reports x 2 reviewers x {args.annotations} annotations in {t:.1f} s "
                  f"({db_path})")
        else:
            print(f"reusing {db_path}")
        db = open_database(db_path)
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "scores", "annotations", "reviews")}
        print("rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        rubric = resolve_rubric(db, None)
        floor, raw = timed(lambda: fetch_raw(db, rubric.id))
        floor2, _ = timed(lambda: fetch_raw(db, rubric.id))
        floor = min(floor, floor2)
        t_model, model = timed(lambda: panel_summary(db, rubric))
        t_assemble, data = timed(lambda: assemble(raw, rubric, model, resolve_reviewer(db, None)))
        print(f"{'the score model (panel_summary)':<44}{t_model:8.3f} s")
        print(f"{'floor: query the same rows from SQLite':<44}{floor:8.3f} s")
        print(f"{'assemble the sheet rows':<44}{t_assemble:8.3f} s   ({len(data.rows)} rows, "
              f"{len(data.annotations)} annotations)")
        failed = False
        formats = args.formats.split(",")
        for fmt in formats:
            out = Path(tmp) / f"sheet.{fmt}"
            own, kids = cpu_seconds()
            t, result = timed(lambda f=fmt, o=out: export(db, f, o))
            own_after, kids_after = cpu_seconds()
            cpu, cpu_children = own_after - own, kids_after - kids
            size = out.stat().st_size / 1e6
            target = TARGETS.get(fmt)
            verdict = ""
            if target is not None:
                ok = t <= target
                failed |= not ok
                verdict = f"target <= {target:g} s: {'ok' if ok else 'TOO SLOW'}"
            children = f" + {cpu_children:.3f} s in a child" if cpu_children >= 0.001 else ""
            print(f"{'export ' + fmt:<44}{t:8.3f} s   ({t / floor:5.1f} x floor; cpu {cpu:6.3f} s{children}; "
                  f"{size:6.1f} MB, {result.rows} rows)  {verdict}")
        print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
              f"({os.cpu_count()} cores)")
        db.conn.close()
        if not args.no_memory:
            floor_mb, _, _ = peak_memory(db_path, "floor", Path(tmp) / "unused")
            print(f"{'peak memory, floor: open + query':<44}{floor_mb:8.0f} MB")
            for fmt in formats:
                if fmt == "json":
                    continue
                mb, child_mb, together_mb = peak_memory(db_path, fmt, Path(tmp) / f"memory.{fmt}")
                worst = max(mb, together_mb)
                ok = worst <= MEMORY_TARGET_MB
                failed |= not ok
                child = (f"; its child process {child_mb:.0f} MB, both together at most {together_mb:.0f} MB"
                         if child_mb else "")
                print(f"{'peak memory, export ' + fmt:<44}{mb:8.0f} MB   ({mb / floor_mb:5.1f} x floor{child})  "
                      f"target <= {MEMORY_TARGET_MB:g} MB: {'ok' if ok else 'TOO MUCH'}")
        if not args.no_merge:
            from bench.bench_merge import measure

            measure(db_path, runs=2)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
