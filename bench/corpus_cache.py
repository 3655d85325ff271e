"""Large bench databases built once and reused (cached under the temporary folder, never in the repository).

``table_database(count)`` holds ``count`` current documents copied from the five seeds in SQL (rows, parts,
outline, clutter; each copy its own id, hashes, file name, agency and year, 1 in 9 without an agency) — what the
corpus table, listing and metadata benches need. It has no search index: search benches build their own corpus.
A cached file is reused while the listing and search index definitions are the same.

    .venv/bin/python -m bench.corpus_cache 100000     # build (or find) the 100,000-report database
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = Path(os.environ.get("REVIEWDESK_BENCH_CACHE", Path(tempfile.gettempdir()) / "reviewdesk-bench"))
PLACES = ["长春", "吉林", "梨树", "延吉", "通化", "白山", "松原", "白城", "四平", "辽源", "珲春", "敦化"]
UNITS = ["司法局", "人民政府", "生态环境局", "市场监督管理局", "自然资源局", "住房和城乡建设局", "教育局", "卫生健康委员会"]


def _fingerprint(kind: str = "table") -> str:
    """Changes with what the cached files hold: for tables, every migration (a table corpus is built at the current
    schema in about half a minute at 100,000 reports: cheaper than migrating one, which rewrites its rows); for
    search corpora, the search index's migration, form and key (their other migrations are applied on use)."""
    import inspect

    from desktop.core.storage import schema, search
    from desktop.core.storage.search import index as search_index

    parts = [inspect.getsource(schema.m0015_corpus_listing)]
    if kind == "table":
        parts += _migration_names()
    if kind == "search":
        parts += [inspect.getsource(f) for f in (schema.m0020_search_segments, search_index.segment_levels,
                                                 search_index._block_rows, search.search_key)]
    return hashlib.sha256("".join(parts).encode()).hexdigest()[:12]


def _migration_names() -> list[str]:
    """Every migration's name (all pending on an empty database)."""
    from sqlite_utils import Database

    from desktop.core.storage.schema import MIGRATIONS

    return [migration.name for migration in MIGRATIONS.pending(Database(memory=True))]


def agency_of(i: int) -> str | None:
    """The agency of copy ``i`` (None for one copy in nine: the table then shows the title)."""
    if i % 9 == 8:
        return None
    return f"{PLACES[i % len(PLACES)]}市{UNITS[i // len(PLACES) % len(UNITS)]}第{i // 96 % 50}分局"


def table_database(count: int) -> Path:
    """The cached database of ``count`` documents (built on first use; a few minutes at 100,000)."""
    path = CACHE / f"table-{count}-{_fingerprint()}.sqlite3"
    if path.exists():
        _migrate(path)  # e.g. 0018's pinyin keys, computed from each copy's agency
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for stale in (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    _build(partial, count)
    partial.rename(path)
    print(f"(built {path} in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return path


def _build(path: Path, count: int) -> None:
    from desktop.core.collation import pinyin_sort_key
    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage import open_database
    from desktop.core.storage.search import clear_index

    db = open_database(path)
    import_paths(db, [ROOT / "seeds"])
    seeds = db.execute("SELECT id FROM documents ORDER BY seq").fetchall()
    db.conn.execute("PRAGMA synchronous = OFF")
    cols = [r[1] for r in db.execute("PRAGMA table_info(documents)").fetchall()]
    copied = [c for c in cols if c not in ("seq", "id", "sha256", "name", "agency", "agency_key", "year",
                                           "text_sha256")]
    db.execute("CREATE TEMP TABLE copies (new_id TEXT PRIMARY KEY, src_id TEXT, sha TEXT, name TEXT, "
               "agency TEXT, agency_key TEXT, year INTEGER)")
    batch = 20_000
    with db.conn:
        clear_index(db)  # the copies are not indexed; no seed is either, for consistency
    for first in range(0, count, batch):
        rows = []
        for i in range(first, min(count, first + batch)):
            src = seeds[i % len(seeds)][0]
            rows.append((str(uuid.UUID(int=i + 1)), src, f"{i:064x}", f"{i:06d}_bench.txt", agency_of(i),
                         pinyin_sort_key(agency_of(i)), 2019 + i % 7))
        with db.conn:
            db.execute("DELETE FROM copies")
            db.conn.executemany("INSERT INTO copies VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            db.execute(f"INSERT INTO documents (id, sha256, name, agency, agency_key, year, text_sha256, "
                       f"{', '.join(copied)}) SELECT c.new_id, c.sha, c.name, c.agency, c.agency_key, c.year, c.sha, "
                       f"{', '.join('d.' + c for c in copied)} "
                       "FROM copies c JOIN documents d ON d.id = c.src_id ORDER BY c.new_id")
            for table in ("sections", "outline", "clutter"):
                tcols = [r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()
                         if r[1] not in ("id", "document_id")]
                quoted = ", ".join(f'"{c}"' for c in tcols)
                db.execute(f"INSERT INTO {table} (document_id, {quoted}) SELECT c.new_id, "
                           f"{', '.join('t.' + chr(34) + c + chr(34) for c in tcols)} "
                           f"FROM copies c JOIN {table} t ON t.document_id = c.src_id")
    with db.conn:
        for table in ("sections", "outline", "clutter"):
            db.execute(f"DELETE FROM {table} WHERE document_id IN ({', '.join('?' * len(seeds))})",
                       [s[0] for s in seeds])
        db.execute(f"DELETE FROM documents WHERE id IN ({', '.join('?' * len(seeds))})", [s[0] for s in seeds])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()


def search_database(count: int) -> Path:
    """The cached database of ``count`` synthetic reports (bench/corpus.py: the seeds' paragraphs recombined),
    stored with their search indexes; parts come from one segmentation (search does not read them)."""
    path = CACHE / f"search-{count}-{_fingerprint('search')}.sqlite3"
    if path.exists():
        _migrate(path)
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    _build_search(partial, count)
    partial.rename(path)
    print(f"(built {path} in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return path


def _migrate(path: Path) -> None:
    """Apply the migrations a cached file lacks (e.g. a newer search index's backfill), without the backup that
    opening a database for writing makes (the cache is rebuilt, never restored)."""
    import sqlite3

    from sqlite_utils import Database

    from desktop.core.storage.schema import MIGRATIONS

    db = Database(sqlite3.connect(path, isolation_level=None))
    try:
        if MIGRATIONS.pending(db):
            started = time.perf_counter()
            db.conn.execute("PRAGMA synchronous = OFF")
            MIGRATIONS.apply(db)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            print(f"(migrated {path} in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    finally:
        db.conn.close()


DISTINCT_SEARCH_TEXTS = 20_000  # beyond these, texts repeat (the index of 100,000 is built in minutes, not hours)


def search_texts(count: int) -> list[str]:
    """The texts of :func:`search_database`, in import order (the same generator, the same seed): 20,000 distinct
    synthetic reports, repeated in the same order beyond that."""
    import random

    from bench.corpus import make_report, seed_pools
    from desktop.core.text import normalize_text

    rng, pools = random.Random(7), seed_pools()
    distinct = [normalize_text(make_report(rng, pools, i)) for i in range(min(count, DISTINCT_SEARCH_TEXTS))]
    return [distinct[i % len(distinct)] for i in range(count)]


def build_stats(path: Path) -> dict:
    """What building a cached search corpus measured (written beside it), or {} for a file built before."""
    import json

    stats = path.with_suffix(".json")
    return json.loads(stats.read_text()) if stats.exists() else {}


def _build_search(path: Path, count: int) -> None:
    """Store the reports as an import does: batches of the import's size, one transaction each, through
    ``insert_documents`` (search index form and sentences made beforehand in 2 processes, as the import's workers
    make them); the index writes' CPU time is recorded in a JSON file beside the corpus."""
    import json
    from concurrent.futures import ProcessPoolExecutor

    from desktop.core.ingest import SourceDocument
    from desktop.core.ingest.importer import BATCH_FILES
    from desktop.core.segmentation.segment import segment_report
    from desktop.core.storage import documents, open_database
    from desktop.core.storage.passages import passage_sentences, segmentation_skips
    from desktop.core.storage.search import indexed_text

    db = open_database(path)
    db.conn.execute("PRAGMA synchronous = OFF")
    texts = search_texts(count)
    distinct = texts[:DISTINCT_SEARCH_TEXTS]
    seg = segment_report(texts[0])
    skips = segmentation_skips(seg)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        prepared = list(pool.map(indexed_text, distinct, chunksize=200))
        sentences = list(pool.map(passage_sentences, distinct, [skips] * len(distinct), chunksize=200))
    prep_s = time.perf_counter() - started
    index_cpu = [0.0]
    real_index = documents.index_documents

    def timed_index(db_, rows):  # the index's writes (segment build, inserts, merges), in CPU seconds
        cpu = time.process_time()
        real_index(db_, rows)
        index_cpu[0] += time.process_time() - cpu

    documents.index_documents = timed_index
    started, cpu = time.perf_counter(), time.process_time()
    try:
        for first in range(0, count, BATCH_FILES):
            batch = [documents.NewDocument(
                SourceDocument(f"/bench/r{i:06d}.txt", f"r{i:06d}.txt", len(texts[i].encode()), f"{i:064x}", "txt",
                               "utf-8", texts[i]), seg, prepared[i % len(prepared)], sentences[i % len(sentences)])
                for i in range(first, min(count, first + BATCH_FILES))]
            with db.atomic():
                documents.insert_documents(db, batch)
    finally:
        documents.index_documents = real_index
    stats = {"documents": count, "store_s": time.perf_counter() - started, "store_cpu_s": time.process_time() - cpu,
             "index_cpu_s": index_cpu[0], "prepare_s": prep_s, "batch": BATCH_FILES,
             "load": " ".join(f"{x:.2f}" for x in os.getloadavg()), "built": time.strftime("%H:%M UTC", time.gmtime())}
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    path.with_suffix(".json").write_text(json.dumps(stats))


if __name__ == "__main__":
    print(table_database(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
