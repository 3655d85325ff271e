"""Import, search and memory benchmark on synthetic corpora (default 20,000 reports).

Prints the CPU time of each step of one report's import (read/decode, segmentation, shared-text sentences, search
index preparation, the transfer from a worker to the writer, the writer's rows and commits, its search index
writes; one process, 512 reports, thread CPU time), import throughput (wall clock) next to a floor
measured in the same run (read + decode + insert the raw text, committed in the import's batches, nothing else),
the rate of a re-segmentation of the imported database after a segmenter upgrade, search latency (median and p95
over 50 queries of 1–4 characters) and the import's peak memory (max RSS of a child process). Goals: >= 1,000
reports/s at 20,000 on 2 cores, peak memory <= 300 MB. The report files are written once and reused (under the
temporary folder: bench/corpus_cache.py).

    .venv/bin/python bench/bench_import.py                 # 20,000 reports (the goal's size; ~3-10 min)
    .venv/bin/python bench/bench_import.py --sizes 1000     # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
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
cpu0 = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
if mode == "floor":  # committed in the import's batches, as the import commits
    from desktop.core.ingest.importer import BATCH_FILES
    from desktop.core.ingest.txt_reader import decode_text
    for lo in range(0, len(files), BATCH_FILES):
        with db.atomic():
            for path in files[lo:lo + BATCH_FILES]:
                data = path.read_bytes()
                text, _enc = decode_text(str(path), data)
                db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [str(path), text])
elif mode == "resegment":  # the database of a full import, every report marked as segmented by version 1
    from desktop.core.storage.resegment import resegment_outdated
    with db.conn:
        db.execute("UPDATE documents SET segmenter_version = 1")
    start = time.perf_counter()
    assert resegment_outdated(db, workers=int(sys.argv[5])) == len(files)
else:
    from desktop.core.ingest.importer import import_paths
    report = import_paths(db, [folder], workers=int(sys.argv[5]))
    assert report.count("imported") == len(files), report.summary()
elapsed = time.perf_counter() - start
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = {"cpu_self": own.ru_utime + own.ru_stime - cpu0, "cpu_workers": kids.ru_utime + kids.ru_stime}
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"elapsed": elapsed, "files": len(files), "rss_mb": rss_mb, "worker_mb": worker_mb, **cpu}))
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


def split(folder: Path, tmp_path: Path, n: int = 512) -> float:
    """CPU milliseconds per report of each step of an import, in this one process (as a worker prepares a file,
    then as the writer stores the import's batches); returns the total."""
    import pickle

    from desktop.core.ingest import read_report
    from desktop.core.ingest.importer import BATCH_FILES, PreparedFile, store_batch
    from desktop.core.segmentation.segment import segment_report
    from desktop.core.storage import documents, open_database
    from desktop.core.storage.documents import text_hash
    from desktop.core.storage.passages import passage_sentences, segmentation_skips
    from desktop.core.storage.search import indexed_text

    files = sorted(folder.glob("*.txt"))[:n]
    cpu = time.thread_time
    steps = dict.fromkeys(("read/decode", "segmentation", "shared-text sentences", "search index preparation",
                           "transfer to the writer (pickle + unpickle)", "writer: rows + commit",
                           "writer: search index writes"), 0.0)
    prepared = []
    for path in files:
        t0 = cpu()
        source = read_report(path)
        t1 = cpu()
        seg = segment_report(source.text)
        t2 = cpu()
        passages = passage_sentences(source.text, segmentation_skips(seg))
        t3 = cpu()
        indexed = indexed_text(source.text)
        t4 = cpu()
        item = PreparedFile(str(path), source, seg, indexed=indexed, passages=passages,
                            text_sha256=text_hash(source.text))
        prepared.append(pickle.loads(pickle.dumps(item)))  # what crosses from a worker to the writer
        t5 = cpu()
        for step, spent in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=False):
            steps[step] += spent
    db = open_database(tmp_path / "split.sqlite3")
    index_documents, in_index = documents.index_documents, [0.0]

    def timed_index(*args, **kwargs):  # type: ignore[no-untyped-def]
        t = cpu()
        index_documents(*args, **kwargs)
        in_index[0] += cpu() - t

    documents.index_documents = timed_index
    try:
        t0 = cpu()
        for lo in range(0, len(prepared), BATCH_FILES):
            store_batch(db, prepared[lo:lo + BATCH_FILES])
        steps["writer: rows + commit"] = cpu() - t0 - in_index[0]
        steps["writer: search index writes"] = in_index[0]
    finally:
        documents.index_documents = index_documents
        db.conn.close()
    per = {step: spent * 1000 / len(files) for step, spent in steps.items()}
    total = sum(per.values())
    print(f"CPU per report by step ({len(files)} reports in one process, batches of {BATCH_FILES}; thread CPU "
          "time, so load-robust):")
    for step, ms in per.items():
        print(f"    {step:44s} {ms:6.2f} ms  ({ms / total:4.0%})")
    rest = total - per["search index preparation"] - per["writer: search index writes"]
    print(f"    {'total':44s} {total:6.2f} ms  -> at most {2000 / total:.0f} reports/s on 2 idle cores; "
          f"without the search index {rest:.2f} ms -> {2000 / rest:.0f} reports/s")
    return total


def cached_corpus(size: int) -> Path:
    """The synthetic report files of a size, written once under the bench cache."""
    from bench.corpus_cache import CACHE

    folder = CACHE / f"import-corpus-{size}"
    if not (folder / "done").exists():
        write_corpus(folder, size)
        (folder / "done").write_text("", encoding="utf-8")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000])
    parser.add_argument("--serial", action="store_true", help="also import in one process (slow)")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"(load {load})")
        for size in args.sizes:
            folder = cached_corpus(size)
            split(folder, tmp_path)
            floor = run_child("floor", folder, tmp_path / f"floor{size}.sqlite3")
            serial = run_child("full", folder, tmp_path / f"serial{size}.sqlite3", 1) if args.serial else None
            workers = default_workers(size)
            full = run_child("full", folder, tmp_path / f"full{size}.sqlite3", workers)
            floor_rate = floor["files"] / floor["elapsed"]
            full_rate = full["files"] / full["elapsed"]
            ratio = full["elapsed"] / floor["elapsed"]
            shutil.copyfile(tmp_path / f"full{size}.sqlite3", tmp_path / f"reseg{size}.sqlite3")
            reseg = run_child("resegment", folder, tmp_path / f"reseg{size}.sqlite3", workers)
            median, p95 = search_latency(tmp_path / f"full{size}.sqlite3", sample_queries(folder))
            print(f"[{size} reports] wall clock: floor {floor['elapsed']:.1f} s, import {full['elapsed']:.1f} s, "
                  f"re-segmentation {reseg['elapsed']:.1f} s")
            print(f"[{size} reports] floor (read+decode+insert): {floor_rate:8.0f} reports/s  "
                  + (f"full import, 1 process: {serial['files'] / serial['elapsed']:6.0f} reports/s  " if serial else "")
                  + f"full import, {workers} worker processes: {full_rate:6.0f} reports/s  "
                  f"floor/import x{ratio:.1f} (goal: >= 1,000 reports/s)")
            for name, run in (("floor", floor), ("import", full), ("re-segmentation", reseg)):
                per = (run["cpu_self"] + run["cpu_workers"]) * 1000 / run["files"]
                print(f"[{size} reports] CPU per report, {name}: {per:.2f} ms (writer process "
                      f"{run['cpu_self'] * 1000 / run['files']:.2f} ms, workers {run['cpu_workers'] * 1000 / run['files']:.2f} ms)"
                      f" -> at most {2000 / per:.0f} reports/s on 2 idle cores")
            print(f"[{size} reports] re-segmentation after an upgrade, {workers} worker processes: "
                  f"{reseg['files'] / reseg['elapsed']:6.0f} reports/s  (import: {full_rate:.0f} reports/s, "
                  f"re-segmentation/import time x{reseg['elapsed'] / full['elapsed']:.2f})")
            print(f"[{size} reports] search over 50 queries of 1-4 chars: median {median:.1f} ms, p95 {p95:.1f} ms"
                  + ("  (target p95 <= 50 ms)" if size >= 10000 else ""))
            peak = full["rss_mb"] + workers * full["worker_mb"] if workers > 1 else full["rss_mb"]
            print(f"[{size} reports] peak memory (max RSS) floor {floor['rss_mb']:.0f} MB, "
                  + (f"full import 1 process {serial['rss_mb']:.0f} MB, " if serial else "")
                  + f"with workers {full['rss_mb']:.0f} MB + "
                  f"{workers} x {full['worker_mb']:.0f} MB = {peak:.0f} MB"
                  + ("  (target <= 300 MB)" if size >= 10000 else ""))
            if full_rate < 1000:
                ok = False
            if size >= 10000 and (p95 > 50 or peak > 300):
                ok = False
    print(f"(load at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}; wall-clock rates are only "
          "comparable at the same load, CPU per report is not affected by it)")
    print("RESULT:", "all targets met" if ok else "some targets missed (see above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
