"""Import, search and memory benchmark on synthetic corpora (1,000 and 10,000 reports).

Prints import throughput next to a floor measured in the same run (read + decode + insert the raw text,
one transaction per file, nothing else), search latency (median and p95 over 50 queries of 1–4 characters)
and the import's peak memory (max RSS of a child process), and compares them with the targets:
full import within 3x the floor, search p95 <= 50 ms at 10,000 reports, peak memory <= 300 MB.

    .venv/bin/python bench/bench_import.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402
from desktop.core.ingest.importer import default_workers  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
mode, folder, db_path = sys.argv[2], sys.argv[3], sys.argv[4]
from pathlib import Path
from desktop.core.storage import open_database
db = open_database(db_path)
files = sorted(Path(folder).glob("*.txt"))
start = time.perf_counter()
if mode == "floor":
    from desktop.core.ingest.txt_reader import decode_text
    for path in files:
        data = path.read_bytes()
        text, _enc = decode_text(str(path), data)
        with db.atomic():
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [str(path), text])
else:
    from desktop.core.ingest.importer import import_paths
    report = import_paths(db, [folder], workers=int(sys.argv[5]))
    assert report.count("imported") == len(files), report.summary()
elapsed = time.perf_counter() - start
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"elapsed": elapsed, "files": len(files), "rss_mb": rss_mb, "worker_mb": worker_mb}))
"""


def run_child(mode: str, folder: Path, db_path: Path, workers: int = 1) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), mode, str(folder), str(db_path), str(workers)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def search_latency(db_path: Path, queries: list[str]) -> tuple[float, float]:
    from desktop.core.storage import open_database
    from desktop.core.storage.search import search

    db = open_database(db_path)
    search(db, "法治")  # warm the page cache once
    times = []
    for q in queries:
        start = time.perf_counter()
        search(db, q)
        times.append((time.perf_counter() - start) * 1000)
    db.conn.close()
    times.sort()
    return statistics.median(times), times[int(round(0.95 * (len(times) - 1)))]


def sample_queries(folder: Path, n: int = 50, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[1:200] if int(p.stem[1:]) % 10]
    queries = []
    while len(queries) < n:
        text = rng.choice(texts)
        length = rng.randint(1, 4)
        i = rng.randrange(0, len(text) - length)
        q = text[i:i + length]
        if q.strip() and all("\u4e00" <= ch <= "\u9fff" for ch in q):
            queries.append(q)
    return queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for size in args.sizes:
            folder = tmp_path / f"corpus{size}"
            write_corpus(folder, size)
            floor = run_child("floor", folder, tmp_path / f"floor{size}.sqlite3")
            serial = run_child("full", folder, tmp_path / f"serial{size}.sqlite3", 1)
            workers = default_workers(size)
            full = run_child("full", folder, tmp_path / f"full{size}.sqlite3", workers)
            floor_rate = floor["files"] / floor["elapsed"]
            serial_rate = serial["files"] / serial["elapsed"]
            full_rate = full["files"] / full["elapsed"]
            ratio = full["elapsed"] / floor["elapsed"]
            median, p95 = search_latency(tmp_path / f"full{size}.sqlite3", sample_queries(folder))
            print(f"[{size} reports] floor (read+decode+insert): {floor_rate:8.0f} reports/s  "
                  f"full import, 1 process: {serial_rate:6.0f} reports/s  "
                  f"full import, {workers} worker processes: {full_rate:6.0f} reports/s  "
                  f"ratio {ratio:.1f}x (target <= 3.0x)")
            print(f"[{size} reports] search over 50 queries of 1-4 chars: median {median:.1f} ms, p95 {p95:.1f} ms"
                  + ("  (target p95 <= 50 ms)" if size >= 10000 else ""))
            peak = full["rss_mb"] + workers * full["worker_mb"] if workers > 1 else full["rss_mb"]
            print(f"[{size} reports] peak memory (max RSS) floor {floor['rss_mb']:.0f} MB, "
                  f"full import 1 process {serial['rss_mb']:.0f} MB, with workers {full['rss_mb']:.0f} MB + "
                  f"{workers} x {full['worker_mb']:.0f} MB = {peak:.0f} MB"
                  + ("  (target <= 300 MB)" if size >= 10000 else ""))
            if ratio > 3.0:
                ok = False
            if size >= 10000 and (p95 > 50 or peak > 300):
                ok = False
    print("RESULT:", "all targets met" if ok else "some targets missed (see above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
