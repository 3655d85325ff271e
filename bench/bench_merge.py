"""Benchmark: the lead merges two reviewers' packages of 1,000 reports each (every criterion scored, 20 annotations
per report, comments, most reviews submitted), beside a floor measured in the same run.

The reviewers' work is bench/bench_export.py's database (cached under the temporary folder, built on first use);
the lead's database is a copy of it without any reviewer's work (same project, reports and reviewers), and each
reviewer's package is made from the work with ``make_package``. Each run merges both packages into a fresh copy of
the lead's database with ``merge_database`` (validation, backup, one transaction: what ``reviewdesk merge`` does).

The floor reads the same data and writes it: on another fresh copy, ATTACH each package and copy its reviewer's
rows (reviews, scores, annotations and their tags, evidence) with one ``INSERT … SELECT`` per table, in one
transaction — no checks, no backup. Wall and CPU time are printed with the ratio and the load average.

    .venv/bin/python bench/bench_merge.py [--reports 1000] [--annotations 20] [--runs 2]

bench/bench_export.py runs it too, after the exports (one command for both; --no-merge to leave it out).
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

from bench.bench_export import build, cached_database  # noqa: E402
from desktop.core.exchange.merge import merge_database  # noqa: E402
from desktop.core.exchange.package import make_package  # noqa: E402
from desktop.core.storage import open_database  # noqa: E402

REVIEWERS = ("张三", "李四")


def reviewer_tables(db: sqlite3.Connection) -> list[str]:
    """Tables holding a reviewer's work (a reviewer_id column), the reviewers themselves aside."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return [t for t in names if t != "reviewers"
            and any(c[1] == "reviewer_id" for c in db.execute(f"PRAGMA table_info('{t}')"))]


def child_tables(db: sqlite3.Connection, parents: list[str]) -> list[str]:
    """Tables whose rows hang off ``parents`` by a foreign key (annotation tags, score evidence)."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return [t for t in names if t not in parents
            and any(fk[2] in parents for fk in db.execute(f"PRAGMA foreign_key_list('{t}')"))]


def prepare(work: Path, folder: Path) -> tuple[Path, list[Path]]:
    """The lead's database without the reviewers' work, and each reviewer's package (made from the work)."""
    lead = folder / "lead.sqlite3"
    packages = [folder / f"package-{name}.sqlite3" for name in REVIEWERS]
    made = [p.stat().st_mtime for p in (lead, *packages) if p.exists()]
    if len(made) == 1 + len(packages) and min(made) >= work.stat().st_mtime:  # made from this very work
        return lead, packages
    for stale in (lead, *packages):
        stale.unlink(missing_ok=True)
    db = open_database(work)
    for name, out in zip(REVIEWERS, packages, strict=True):
        make_package(db, name, out)
    db.execute("VACUUM INTO CAST(? AS TEXT)", [str(lead)])
    db.conn.close()
    conn = sqlite3.connect(lead, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    tables = reviewer_tables(conn)
    conn.execute("BEGIN")
    for table in [*child_tables(conn, tables), *tables]:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("COMMIT")
    conn.execute("VACUUM")
    conn.close()
    return lead, packages


def cpu() -> float:
    return time.process_time()


def floor_copy(lead: Path, packages: list[Path]) -> None:
    """Copy each package's reviewer rows into the lead's database: one INSERT … SELECT per table."""
    conn = sqlite3.connect(lead, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    tables = reviewer_tables(conn)
    ordered = [*tables, *child_tables(conn, tables)]
    ordered.sort(key=lambda t: (t != "reviews", t != "annotations", t != "scores"))  # parents first
    conn.execute("BEGIN")
    for i, package in enumerate(packages):
        conn.execute(f"ATTACH DATABASE ? AS p{i}", [str(package)])
    for i, _ in enumerate(packages):
        for table in ordered:
            columns = ", ".join(f'"{c[1]}"' for c in conn.execute(f"PRAGMA table_info('{table}')"))
            conn.execute(f"INSERT OR IGNORE INTO main.{table} ({columns}) SELECT {columns} FROM p{i}.{table}")
    conn.execute("COMMIT")
    for i, _ in enumerate(packages):
        conn.execute(f"DETACH DATABASE p{i}")
    conn.close()


def measure(work: Path, runs: int) -> None:
    """Merge both packages made from ``work`` into the lead's database ``runs`` times; print the best against the
    floor, with the load."""
    folder = work.with_name(work.stem + "-merge")
    folder.mkdir(exist_ok=True)
    lead, packages = prepare(work, folder)
    print(f"merge: lead database {lead.stat().st_size / 1e6:.0f} MB; packages "
          + ", ".join(f"{p.stat().st_size / 1e6:.0f} MB" for p in packages))
    best: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            copy = Path(tmp) / f"floor-{run}.sqlite3"
            shutil.copy(lead, copy)
            c, w = cpu(), time.perf_counter()
            floor_copy(copy, packages)
            best["floor"] = min(best.get("floor", (1e9, 0)), (time.perf_counter() - w, cpu() - c))
            copy = Path(tmp) / f"merge-{run}.sqlite3"
            shutil.copy(lead, copy)
            db = open_database(copy)
            c, w = cpu(), time.perf_counter()
            reports = [merge_database(db, p) for p in packages]
            best["merge"] = min(best.get("merge", (1e9, 0)), (time.perf_counter() - w, cpu() - c))
            counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("reviews", "scores", "annotations")}
            db.conn.close()
            if run == 0:
                added = [f"{r.lines()[0].split(chr(9))[0]}…" for r in reports]
                print("merged: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" ({len(added)} packages)")
    floor_wall, floor_cpu = best["floor"]
    wall, cpu_time = best["merge"]
    print(f"{'floor: copy the packages rows (INSERT … SELECT)':<52}{floor_wall:8.3f} s   (cpu {floor_cpu:6.3f} s)")
    print(f"{'merge both packages (merge_database)':<52}{wall:8.3f} s   (cpu {cpu_time:6.3f} s; "
          f"{wall / floor_wall:5.1f} x floor; cpu {cpu_time / floor_cpu:5.1f} x floor's)")
    print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=20)
    parser.add_argument("--runs", type=int, default=2, help="merges of both packages (the best is kept)")
    args = parser.parse_args()
    work = cached_database(args.reports, args.annotations)
    if not work.exists():
        partial = work.with_name(work.name + ".partial")
        build(partial, args.reports, args.annotations)
        partial.replace(work)
    measure(work, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
