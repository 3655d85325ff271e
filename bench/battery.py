"""The battery of bad inputs and faults (issue 11): every class run through the real command line.

    python bench/battery.py [--markdown FILE] [--keep]

Each case builds its hostile input in a temporary folder (tests/hostile.py), runs ``python -m desktop …`` in a
subprocess with a timeout and checks four things: no traceback on stderr, no hang (timeout), the right result
(status, message, exit code, what is stored) and no loss (databases that must not change are compared byte for
byte or row for row). It prints one line per case with the message the program gave, and exits 1 if any case
fails. Run as root it also drops to the ``nobody`` user for permission cases and mounts a tiny tmpfs for the
full-disk cases (skipped otherwise).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import hostile  # noqa: E402
from tests.core.builders import SAMPLE  # noqa: E402

SEEDS = ROOT / "seeds"
IS_ROOT = os.geteuid() == 0


class Failed(Exception):
    """A case gave a wrong result."""


@dataclass
class Run:
    code: int | None
    out: str
    err: str
    seconds: float
    max_rss_mb: float = 0.0

    @property
    def message(self) -> str:
        lines = [line for line in self.err.strip().split("\n") if line.startswith("error:")]
        return lines[0] if lines else ""


@dataclass
class Outcome:
    cls: str
    case: str
    verdict: str = "ok"       # ok | TRACEBACK | HANG | WRONG | skipped
    message: str = ""
    detail: str = ""
    runs: list[Run] = field(default_factory=list)


class Battery:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.outcomes: list[Outcome] = []
        self.current: Outcome | None = None

    # ---- running the CLI -------------------------------------------------------------------------------------
    def cli(self, *args: str | bytes, user: bool = False, timeout: float = 120) -> Run:
        cmd = [os.fsencode(sys.executable), b"-m", b"desktop",
               *(a if isinstance(a, bytes) else os.fsencode(a) for a in args)]
        kwargs: dict = {"user": "nobody"} if user and IS_ROOT else {}
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True, **kwargs)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            run = Run(None, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), timeout)
            self._record(run)
            raise Failed(f"HANG: no answer in {timeout:.0f} s") from None
        seconds = time.perf_counter() - started
        run = Run(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), seconds)
        self._record(run)
        if "Traceback" in run.err:
            raise Failed("TRACEBACK: " + run.err.strip().split("\n")[-1])
        return run

    def _record(self, run: Run) -> None:
        assert self.current is not None
        self.current.runs.append(run)

    def case(self, cls: str, name: str, fn: Callable[[Path], str]) -> None:
        outcome = Outcome(cls, name)
        self.current = outcome
        folder = self.work / f"{len(self.outcomes):03d}"
        folder.mkdir()
        folder.chmod(0o777)
        try:
            outcome.message = fn(folder)
        except Failed as exc:
            text = str(exc)
            outcome.verdict = text.split(":", 1)[0] if text.startswith(("HANG", "TRACEBACK")) else "WRONG"
            outcome.detail = text
        except Skip as exc:
            outcome.verdict, outcome.detail = "skipped", str(exc)
        except Exception as exc:  # the battery itself broke: count it as wrong, say why
            outcome.verdict, outcome.detail = "WRONG", f"battery error {type(exc).__name__}: {exc}"
        self.outcomes.append(outcome)
        shown = outcome.message if outcome.verdict == "ok" else outcome.detail
        print(f"{outcome.verdict:<9} {cls:<10} {name:<48} {shown[:160]}", flush=True)


class Skip(Exception):
    """The case cannot run here (e.g. needs root for a tmpfs)."""


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise Failed(what)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path: Path) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'search\\_%' ESCAPE '\\'")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


def lines(run: Run) -> list[list[str]]:
    return [line.split("\t") for line in run.out.strip().split("\n") if line]


# ---- Import ------------------------------------------------------------------------------------------------------
def import_one(b: Battery, folder: Path, path: Path, status: str, needle: str = "", **kw) -> str:
    run = b.cli("import", str(path), "--db", str(folder / "c.sqlite3"), **kw)
    got = lines(run)
    expect(len(got) == 1, f"expected one output line, got {run.out!r}")
    expect(got[0][0] == status, f"status {got[0][0]!r}, expected {status!r}: {run.out.strip()}")
    message = got[0][2] if len(got[0]) > 2 else ""
    expect(needle in message, f"message lacks {needle!r}: {message!r}")
    expect(run.code == (1 if status == "failed" else 0), f"exit status {run.code}")
    return f"{status}" + (f": {message}" if message else "")


def imported_whole(b: Battery, folder: Path, path: Path) -> str:
    """Imported, and the stored text holds the whole report (every part found, the last part present)."""
    text = import_one(b, folder, path, "imported")
    listed = json.loads(b.cli("list", "--json", "--db", str(folder / "c.sqlite3")).out)
    expect(listed and listed[0]["missing"] == [], f"parts missing after import: {listed}")
    seg = json.loads(b.cli("segment", str(path), "--json").out)
    expect(seg["missing"] == [] and "法治政府建设" in (seg["title"] or ""), f"segment: {seg['missing']}, {seg['title']}")
    return text + f" (all parts, title {seg['title']}, encoding {seg['encoding']})"


def import_cases(b: Battery) -> None:
    def unreadable(folder: Path) -> str:
        src = folder / "in"
        src.mkdir()
        hostile.unreadable(src)
        (src / "ok.txt").write_text(SAMPLE, encoding="utf-8")
        if not IS_ROOT:
            pass
        run = b.cli("import", str(src), "--db", str(folder / "c.sqlite3"), user=True)
        got = lines(run)
        expect(len(got) == 2 and got[0][0] == "failed" and got[1][0] == "imported", f"lines: {run.out!r}")
        expect("cannot be read" in got[0][2], got[0][2])
        return f"failed: {got[0][2]} (the other file imported)"

    b.case("import", "unreadable file (permissions)", unreadable)
    b.case("import", "named pipe posing as a report", lambda f: import_one(b, f, hostile.fifo(f), "failed",
                                                                             "regular file", timeout=30))
    b.case("import", "html: <object>/<embed> before the content",
           lambda f: imported_whole(b, f, hostile.html_with_embed(f)))
    for depth in (1000, 100_000):
        b.case("import", f"html: nesting of {depth:,} elements",
               lambda f, d=depth: imported_whole(b, f, hostile.html_deep(f, d)))
    for charset in ("undefined", "utf-16", "unicode_escape", "rot13"):
        b.case("import", f"html: <meta charset={charset}>",
               lambda f, c=charset: imported_whole(b, f, hostile.html_bad_charset(f, c)))
    b.case("import", "html: meta says utf-8, bytes are GBK",
           lambda f: imported_whole(b, f, hostile.html_bad_charset(f, "utf-8", "gb18030")))
    b.case("import", "mhtml (quoted-printable GBK part)", lambda f: imported_whole(b, f, hostile.mhtml(f)))
    b.case("import", "docx: numbering start=abc, ilvl=x, numId=y",
           lambda f: imported_whole(b, f, hostile.docx_bad_numbering(f)))
    b.case("import", "docx: password-protected (OLE EncryptionInfo)",
           lambda f: import_one(b, f, hostile.docx_encrypted(f), "failed", "password-protected Word document"))
    b.case("import", "docx renamed .txt", lambda f: imported_whole(b, f, hostile.docx_renamed_txt(f)))

    def bomb(folder: Path) -> str:
        path = hostile.zip_bomb(folder, megabytes=1024)
        text = import_one(b, folder, path, "failed", "zip bomb")
        peak = _peak_rss_mb(["segment", str(path)])
        expect(peak < 400, f"peak memory {peak:.0f} MB")
        return f"{text} (1 GB inflated, {path.stat().st_size // 1024} KB on disk; peak memory {peak:.0f} MB)"

    b.case("import", "zip bomb (1 GB document.xml)", bomb)
    b.case("import", "pdf: AES-256, empty user password",
           lambda f: import_one(b, f, hostile.pdf_encrypted(f, "aes.pdf", ""), "imported"))
    for algorithm in ("AES-256", "AES-128", "RC4-128"):
        b.case("import", f"pdf: user password ({algorithm})",
               lambda f, a=algorithm: import_one(b, f, hostile.pdf_encrypted(f, "pw.pdf", "secret", a), "failed",
                                                 "password-protected PDF"))
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        b.case("import", f"{encoding} without BOM",
               lambda f, e=encoding: imported_whole(b, f, hostile.unmarked_unicode(f, e)))

    def four_ways(folder: Path) -> str:
        src = folder / "in"
        src.mkdir()
        hostile.same_report_four_ways(src)
        run = b.cli("import", str(src), "--db", str(folder / "c.sqlite3"))
        statuses = sorted(line[0] for line in lines(run))
        expect(statuses == ["duplicate"] * 3 + ["imported"], f"statuses {statuses}")
        return "1 imported, 3 duplicate: " + next(line[2] for line in lines(run) if line[0] == "duplicate")

    b.case("import", "same report: UTF-8, UTF-8-BOM, CRLF, GBK", four_ways)

    def odd_names(folder: Path) -> str:
        src = folder / "in"
        src.mkdir()
        hostile.odd_file_names(src)
        run = b.cli("import", str(src), "--db", str(folder / "c.sqlite3"))
        got = lines(run)
        expect(len(got) == 2 and all(len(x) == 2 and x[0] == "imported" for x in got), f"lines {run.out!r}")
        listed = json.loads(b.cli("list", "--json", "--db", str(folder / "c.sqlite3")).out)
        names = sorted(d["name"] for d in listed)
        expect(names == sorted(["tab\there\nnewline.txt", "报告.txt"]), f"stored names {names}")
        return "imported; printed as " + " and ".join(repr(x[1].rsplit("/", 1)[-1]) for x in got)

    b.case("import", "file names with tab/newline; GBK-byte name", odd_names)

    def full_disk(folder: Path) -> str:
        mount = _tiny_fs(folder, "1m")
        src = folder / "in"
        src.mkdir()
        for i in range(60):
            (src / f"r{i:02d}.txt").write_text(hostile.variant(i) * 12, encoding="utf-8")
        try:
            db = mount / "c.sqlite3"
            run = b.cli("import", str(src), "--db", str(db))
            expect(run.code == 1 and "disk" in run.message, f"exit {run.code}, {run.err.strip()[-200:]}")
            imported = sum(1 for x in lines(run) if x[0] == "imported")
            listed = b.cli("list", "--db", str(db))
            stored = len(listed.out.strip().split("\n")) if listed.out.strip() else 0
            expect(listed.code == 0 and stored == imported, f"{imported} reported imported, {stored} stored")
            return f"{run.message} ({imported} imported before, all {stored} readable)"
        finally:
            subprocess.run(["umount", str(mount)], check=False)

    b.case("import", "database on a full disk", full_disk)


def _peak_rss_mb(args: list[str]) -> float:
    proc = subprocess.Popen([sys.executable, "-m", "desktop", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    _pid, _status, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024


def _tiny_fs(folder: Path, size: str) -> Path:
    if not IS_ROOT or shutil.which("mount") is None:
        raise Skip("needs root to mount a small tmpfs")
    mount = folder / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode:
        raise Skip("cannot mount a tmpfs here")
    return mount


# ---- Search ------------------------------------------------------------------------------------------------------
def search_corpus(b: Battery, folder: Path, counts: list[int]) -> Path:
    src = folder / "in"
    src.mkdir()
    for i, n in enumerate(counts):
        (src / f"r{i:02d}.txt").write_text(hostile.variant(i) + "开展督察。" * n, encoding="utf-8")
    db = folder / "c.sqlite3"
    b.cli("import", str(src), "--db", str(db))
    return db


def search_cases(b: Battery) -> None:
    def bad_bytes(folder: Path) -> str:
        db = search_corpus(b, folder, [1, 2])
        for query in (b"\xff\xfe\x80", "督".encode() + b"\xff" + "察".encode()):
            run = b.cli("search", query, "--db", str(db))
            expect(run.code == 0, f"exit {run.code}")
        run = b.cli("search", "督察".encode("gbk"), "--json", "--db", str(db))
        expect(json.loads(run.out)["total"] == 2, f"GBK query: {run.out[:200]}")
        return "undecodable bytes ignored; a GBK query is read as GB18030 and finds 2 documents"

    b.case("search", "query with invalid UTF-8 / GBK bytes", bad_bytes)

    def huge_limit(folder: Path) -> str:
        db = search_corpus(b, folder, [1, 2])
        run = b.cli("search", "督察", "--limit", "99999999999999999999", "--db", str(db))
        expect(run.code == 0 and len(lines(run)) == 2, f"exit {run.code}: {run.out}")
        bad = b.cli("search", "督察", "--limit", "-1", "--db", str(db))
        expect(bad.code == 2, f"--limit -1 exit {bad.code}")
        return "huge limit capped (2 results); --limit -1: " + bad.err.strip().split("\n")[-1]

    b.case("search", "--limit 99999999999999999999 and -1", huge_limit)

    def invisible(folder: Path) -> str:
        db = search_corpus(b, folder, [2, 0, 1])
        plain = json.loads(b.cli("search", "督察", "--json", "--db", str(db)).out)
        for query in ("督\u200b察", "\u200f督察\u200e", "督\u202e察", "\ufeff督\u00ad察"):
            got = json.loads(b.cli("search", query, "--json", "--db", str(db)).out)
            expect(got["total"] == plain["total"] == 2 and len(got["results"]) == 2, f"{query!r}: {got['total']}")
        return "zero-width/RTL marks stripped: same 2 results as the plain query"

    b.case("search", "zero-width / RTL marks in the query", invisible)

    def best_first(folder: Path) -> str:
        db = search_corpus(b, folder, [1, 1, 1, 2, 9, 3, 7])
        got = json.loads(b.cli("search", "督察", "--json", "--limit", "3", "--db", str(db)).out)
        counts = [r["hit_count"] for r in got["results"]]
        expect(counts == [9, 7, 3] and got["total"] == 7, f"hit counts {counts}, total {got['total']}")
        return "limit 3 of 7 → hit counts 9, 7, 3 (ranked over every match)"

    b.case("search", "results best-first over all matches", best_first)


# ---- Databases ---------------------------------------------------------------------------------------------------
def seeded(b: Battery, path: Path) -> Path:
    run = b.cli("import", str(SEEDS), "--db", str(path))
    expect(run.code == 0, f"seeding {path}: {run.err}")
    return path


def database_cases(b: Battery) -> None:
    def db_first(folder: Path) -> str:
        db = folder / "x.sqlite3"
        b.cli("--db", str(db), "import", str(SEEDS))
        listed = b.cli("list", "--db", str(db))
        expect(len(lines(listed)) == 5, "documents not in the --db given before the sub-command")
        return "writes into the --db given before the sub-command"

    b.case("database", "--db before the sub-command", db_first)

    def uri_chars(folder: Path) -> str:
        db = seeded(b, folder / "a#b?c%d.sqlite3")
        probe = subprocess.run([sys.executable, "-c", "import sys; from desktop.core.storage.executor import "
                                "open_reader; print(open_reader(sys.argv[1]).execute('SELECT count(*) FROM "
                                "documents').fetchone()[0])", str(db)], capture_output=True, text=True, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
        expect(probe.stdout.strip() == "5", f"GUI reader sees {probe.stdout.strip() or probe.stderr[-200:]}")
        extra = sorted(p.name for p in folder.iterdir() if not p.name.startswith("a#b?c%d.sqlite3"))
        expect(extra == [], f"stray files {extra}")
        return "the GUI's read-only connection opens the same file (5 documents)"

    b.case("database", "path with #, ? and %", uri_chars)

    def concurrent(folder: Path) -> str:
        db = folder / "new.sqlite3"
        cmd = [sys.executable, "-m", "desktop", "import", str(SEEDS), "--db", str(db)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
                 for _ in range(3)]
        results = [p.communicate(timeout=180) for p in procs]
        for _out, err in results:
            expect("Traceback" not in err and "locked" not in err, err.strip()[-200:])
        statuses = sorted(x.split("\t")[0] for out, _ in results for x in out.strip().split("\n"))
        expect(statuses == ["duplicate"] * 10 + ["imported"] * 5, f"statuses {statuses}")
        return "3 imports at once on a new database: 5 imported, 10 duplicate, no lock error"

    b.case("database", "concurrent imports on a new database", concurrent)

    def read_only(folder: Path) -> str:
        if not IS_ROOT and os.geteuid() == 0:
            raise Skip("cannot drop privileges")
        ro = folder / "ro"
        ro.mkdir()
        db = seeded(b, ro / "c.sqlite3")
        sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
        for extra in ro.glob("*-*"):
            extra.unlink()
        ro.chmod(0o555)
        before = digest(db)
        listed = b.cli("list", "--db", str(db), user=True)
        found = b.cli("search", "法治", "--db", str(db), user=True)
        expect(len(lines(listed)) == 5 and lines(found), "list/search do not work read-only")
        refused = b.cli("import", str(SEEDS), "--db", str(db), user=True)
        merged = b.cli("merge", str(db), "--db", str(db), user=True)
        expect(refused.code == 1 and "read-only" in refused.message and merged.code == 1, refused.err[-300:])
        expect(digest(db) == before, "database changed")
        return f"list/search work; import/merge: {refused.message}"

    b.case("database", "read-only location", read_only)

    def damaged(folder: Path) -> str:
        db = seeded(b, folder / "c.sqlite3")
        sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
        backup = folder / "c.sqlite3.backup-20990101-000000"
        shutil.copy(db, backup)
        with open(db, "r+b") as handle:
            handle.truncate(db.stat().st_size // 3)
        messages = []
        for command in (["list"], ["search", "法治"], ["import", str(SEEDS)]):
            run = b.cli(*command, "--db", str(db))
            expect(run.code == 1 and "damaged" in run.message and str(backup) in run.message, run.err[-300:])
            messages.append(run.message)
        return messages[0]

    b.case("database", "truncated database", damaged)

    def garbage(folder: Path) -> str:
        db = folder / "junk.sqlite3"
        db.write_bytes(os.urandom(8192))
        run = b.cli("list", "--db", str(db))
        expect(run.code == 1 and "not an SQLite file" in run.message, run.err[-200:])
        return run.message

    b.case("database", "random bytes as database", garbage)

    def newer(folder: Path) -> str:
        db = seeded(b, folder / "c.sqlite3")
        conn = sqlite3.connect(db)
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES "
                     "('reviewdesk', '0999_future', 'x')")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        before = rows(db)
        run = b.cli("import", str(SEEDS / "000_0a101bd46eacac2a.txt"), "--db", str(db))
        expect(run.code == 1 and "newer ReviewDesk" in run.message, run.err[-200:])
        expect(len(lines(b.cli("list", "--db", str(db)))) == 5, "cannot list")
        expect(rows(db) == before, "database changed")
        return run.message

    b.case("database", "database from a newer version", newer)

    def foreign(folder: Path) -> str:
        db = folder / "contacts.db"
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
        conn.close()
        before = digest(db)
        run = b.cli("import", str(SEEDS), "--db", str(db))
        expect(run.code == 1 and "another program" in run.message, run.err[-200:])
        expect(digest(db) == before and sorted(p.name for p in folder.iterdir()) == ["contacts.db"], "file changed")
        return run.message

    b.case("database", "foreign SQLite file", foreign)

    def killed(folder: Path) -> str:
        src = folder / "many"
        src.mkdir()
        for i in range(240):
            (src / f"r{i:03d}.txt").write_text(hostile.variant(i) * 30, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "import", str(src), "--db", str(folder / "w.db")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        children: set[int] = set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(children) < 2:
            children = {p for p in hostile.child_pids(proc.pid) if "spawn_main" in hostile.cmdline(p)}
            time.sleep(0.2)
        expect(bool(children), "no worker processes started")
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(hostile.is_alive(p) for p in children):
            time.sleep(0.2)
        alive = [p for p in children if hostile.is_alive(p)]
        expect(not alive, f"workers still running: {alive}")
        return f"{len(children)} worker(s) ended after the importing process was killed"

    b.case("database", "importing process killed", killed)


# ---- Merge -------------------------------------------------------------------------------------------------------
def merge_cases(b: Battery) -> None:
    for name, (table, sql, needle) in sorted(hostile.BREAKAGES.items()):
        def broken(folder: Path, table: str = table, sql: str = sql, needle: str = needle) -> str:
            source = hostile.reviewer_db(folder / "other.sqlite3", SEEDS)
            conn = sqlite3.connect(source)
            hostile.loosen(conn, table)
            conn.execute(sql)
            conn.commit()
            conn.close()
            main = seeded(b, folder / "main.sqlite3")
            before = rows(main)
            run = b.cli("merge", str(source), "--db", str(main))
            expect(run.code == 1 and needle in run.err and "nothing was changed" in run.err, run.err[-300:])
            expect(rows(main) == before, "main database changed")
            problem = next(x.strip() for x in run.err.split("\n") if x.strip().startswith("- "))
            return f"refused: {problem}"

        b.case("merge", name, broken)

    def same_second(folder: Path) -> str:
        source = hostile.reviewer_db(folder / "other.sqlite3", SEEDS)
        main = folder / "main.sqlite3"
        b.cli("merge", "--trust", str(source), "--db", str(main))
        b.cli("merge", "--trust", str(source), "--db", str(main))
        backups = sorted(folder.glob("main.sqlite3.backup-before-merge-*"))
        expect(len(backups) == 2, f"backups: {[p.name for p in backups]}")
        counts = sorted(sqlite3.connect(p).execute("SELECT count(*) FROM documents").fetchone()[0] for p in backups)
        expect(counts == [0, 2], f"backup contents {counts}")
        return "two backups: " + ", ".join(p.name for p in backups)

    b.case("merge", "two merges in the same second", same_second)


# ---- Packages and paper sheets (issue 15/16: exchange) -------------------------------------------------------------
def exchange_cases(b: Battery) -> None:
    def lead_and_package(folder: Path) -> tuple[Path, Path]:
        lead = seeded(b, folder / "lead.sqlite3")
        run = b.cli("assign", "--db", str(lead), "--reviewer", "张三", "--reviewer", "李四")
        expect(run.code == 0, f"assign: {run.err}")
        package = folder / "zhang.sqlite3"
        run = b.cli("package", "--db", str(lead), "--reviewer", "张三", "--out", str(package))
        expect(run.code == 0, f"package: {run.err}")
        return lead, package

    def score_in(path: Path, reviewer: str, value: float = 1, *, keep_open: bool = False):
        """The reviewer scores one criterion in the package, as the app does (left open: the work in the -wal)."""
        from desktop.core.review.reviewers import find_reviewer
        from desktop.core.scoring.rubric import active_rubric
        from desktop.core.scoring.scores import set_score
        from desktop.core.storage import open_database

        db = open_database(path)
        db.execute("PRAGMA wal_autocheckpoint = 0")
        rubric = active_rubric(db)
        doc = db.execute("SELECT id FROM documents ORDER BY seq LIMIT 1").fetchone()[0]
        found = find_reviewer(db, reviewer)
        expect(found is not None, f"no reviewer {reviewer} in {path}")
        assert found is not None
        set_score(db, doc, found.id, rubric, rubric.criteria[0].id, value)
        if keep_open:
            return db.conn
        db.conn.close()
        return None

    def wal_beside(folder: Path) -> str:
        lead, package = lead_and_package(folder)
        conn = score_in(package, "张三", keep_open=True)  # the reviewer's app still has it open
        try:
            copied = folder / "mail" / package.name
            copied.parent.mkdir()
            shutil.copy(package, copied)
            shutil.copy(package.with_name(package.name + "-wal"), copied.with_name(copied.name + "-wal"))
            before = rows(lead)
            run = b.cli("merge", str(copied), "--db", str(lead))
            expect(run.code == 1 and "-wal" in run.err and "交回评阅包" in run.err, run.err[-300:])
            expect(rows(lead) == before, "lead database changed")
            alone = folder / "alone" / package.name
            alone.parent.mkdir()
            shutil.copy(package, alone)
            run2 = b.cli("merge", str(alone), "--db", str(lead))
            expect(run2.code == 1 and "holds none of 张三's work" in run2.err, run2.err[-300:])
        finally:
            assert conn is not None
            conn.close()
        return f"refused: {run.message[:200]}"

    b.case("package", "copied while the app is open (-wal beside)", wal_beside)

    def overreach(folder: Path) -> str:
        lead, package = lead_and_package(folder)
        score_in(package, "张三")
        conn = sqlite3.connect(package)
        conn.execute("INSERT INTO adjudications (id, document_id, rubric_id, comment, decided_by, decided_at, "
                     "updated_at) SELECT 'forged', document_id, rubric_id, '改了', '张三', updated_at, updated_at "
                     "FROM scores LIMIT 1")
        conn.commit()
        conn.close()
        before = rows(lead)
        run = b.cli("merge", str(package), "--db", str(lead))
        expect(run.code == 1 and "adjudications forged: the lead" in run.err, run.err[-300:])
        expect(rows(lead) == before, "lead database changed")
        return "refused: " + next(x.strip() for x in run.err.split("\n") if x.strip().startswith("- "))

    b.case("package", "a package writing the lead's decision", overreach)

    def untrusted(folder: Path) -> str:
        lead = seeded(b, folder / "lead.sqlite3")
        other = seeded(b, folder / "other.sqlite3")
        run = b.cli("merge", str(other), "--db", str(lead))
        expect(run.code == 1 and "--trust" in run.err, run.err[-300:])
        return f"refused: {run.message[:160]}"

    b.case("package", "a database that is not a package, not trusted", untrusted)

    def killed_package(folder: Path) -> str:
        lead, package = lead_and_package(folder)
        out = folder / "killed.sqlite3"
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "package", "--db", str(lead), "--reviewer",
                                 "李四", "--out", str(out)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None \
                and not any(".partial-" in p.name for p in folder.iterdir()):
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        if out.exists():  # the process finished before it was killed: the whole package is there
            conn = sqlite3.connect(out)
            reviewers = {r[0] for r in conn.execute("SELECT name FROM reviewers")}
            conn.close()
            expect(reviewers == {"李四"}, f"the file under the package's name holds {reviewers}")
            return "finished before the kill: the package holds only 李四"
        return "killed while copying: nothing under the package's name"

    b.case("package", "package killed while it is written", killed_package)

    def long_title(folder: Path) -> str:
        lead, package = lead_and_package(folder)
        doc = sqlite3.connect(package).execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
        run = b.cli("correct", doc, "--db", str(package), "--reviewer", "张三", "--field", "title=" + "某" * 1500)
        expect(run.code == 2 and "at most 1,000" in run.err, run.err[-300:])
        return f"refused: {run.message[:160]}"

    b.case("package", "correct: a 1,500-character title", long_title)

    def far_cell(folder: Path) -> str:
        from openpyxl import Workbook

        lead = seeded(b, folder / "lead.sqlite3")
        wb = Workbook()
        ws = wb.active
        ws.title = "汇总"
        ws.append(["序号", "报告"])
        ws["XFD1048576"] = "x"
        wb.save(folder / "far.xlsx")
        run = b.cli("scores", "import", str(folder / "far.xlsx"), "--reviewer", "王五", "--db", str(lead))
        expect(run.code == 2 and "no column for" in run.err, run.err[-300:])
        return "refused: " + next(x.strip() for x in run.err.split("\n") if x.strip().startswith("- "))

    b.case("scores", "xlsx with a cell at XFD1048576", far_cell)

    def quote(folder: Path) -> str:
        lead = seeded(b, folder / "lead.sqlite3")
        (folder / "q.csv").write_text('序号,报告\n1,"某县司法局\n', encoding="utf-8")
        run = b.cli("scores", "import", str(folder / "q.csv"), "--reviewer", "王五", "--db", str(lead))
        expect(run.code == 2 and "quote" in run.err, run.err[-300:])
        return "refused: " + next(x.strip() for x in run.err.split("\n") if x.strip().startswith("- "))

    b.case("scores", "csv with an unclosed quote", quote)


# ---- Export ------------------------------------------------------------------------------------------------------
def export_cases(b: Battery) -> None:
    for which in ("database", "-wal", "-shm", "backup"):
        def target(folder: Path, which: str = which) -> str:
            db = hostile.reviewer_db(folder / "c.sqlite3", SEEDS)
            out = {"database": db, "-wal": db.with_name(db.name + "-wal"), "-shm": db.with_name(db.name + "-shm"),
                   "backup": folder / "c.sqlite3.backup-20990101-000000"}[which]
            if which == "backup":
                shutil.copy(db, out)
            before = rows(db)
            run = b.cli("export", "--format", "xlsx", "--out", str(out), "--db", str(db))
            expect(run.code == 1 and "choose another file name" in run.message, run.err[-300:])
            expect(rows(db) == before, "database changed")
            return run.message

        b.case("export", f"--out is the {which}", target)

    def read_only(folder: Path) -> str:
        db = hostile.reviewer_db(folder / "c.sqlite3", SEEDS)
        for p in folder.iterdir():
            p.chmod(0o666)
        locked = folder / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        if not IS_ROOT:
            pass
        run = b.cli("export", "--format", "pdf", "--out", str(locked / "s.pdf"), "--db", str(db), user=True)
        expect(run.code == 1 and "read-only" in run.message and not list(locked.iterdir()), run.err[-300:])
        return run.message

    b.case("export", "read-only target folder", read_only)

    def full(folder: Path) -> str:
        db = hostile.reviewer_db(folder / "c.sqlite3", SEEDS)
        mount = _tiny_fs(folder, "256k")
        filler = mount / "filler"
        try:
            with open(filler, "wb") as handle:  # fill the disk to the last byte
                while True:
                    try:
                        handle.write(b"\0" * 4096)
                        handle.flush()
                    except OSError:
                        break
        except OSError:
            pass
        try:
            run = b.cli("export", "--format", "json", "--out", str(mount / "all.json"), "--db", str(db))
            expect(run.code == 1 and "disk is full" in run.message, run.err[-300:])
            expect(list(mount.iterdir()) == [filler], f"left behind: {list(mount.iterdir())}")
            return run.message
        finally:
            subprocess.run(["umount", str(mount)], check=False)

    b.case("export", "full disk", full)

    def huge_comment(folder: Path) -> str:
        db = hostile.reviewer_db(folder / "c.sqlite3", SEEDS)
        conn = sqlite3.connect(db)
        conn.execute("UPDATE annotations SET comment = printf('%.*c', 20000000, 'x')")
        conn.execute("UPDATE reviews SET overall_comment = printf('%.*c', 20000000, 'y')")
        conn.commit()
        conn.close()
        times = []
        for fmt in ("pdf", "docx", "xlsx", "csv"):
            run = b.cli("export", "--format", fmt, "--out", str(folder / f"s.{fmt}"), "--db", str(db), timeout=120)
            expect(run.code == 0 and run.seconds < 60, f"{fmt}: exit {run.code} in {run.seconds:.0f} s")
            times.append(f"{fmt} {run.seconds:.1f} s")
        run = b.cli("export", "--format", "json", "--out", str(folder / "all.json"), "--db", str(db))
        expect("x" * 20_000_000 in (folder / "all.json").read_text(encoding="utf-8"), "json lost the full comment")
        return "bounded in sheets (" + ", ".join(times) + "); json keeps the full 20 MB"

    b.case("export", "20 MB comment", huge_comment)


def inputs_cases(b: Battery) -> None:
    """The second round (issue 16): bench/battery_inputs.py."""
    # run as a script this module is __main__: let battery_inputs use it (one Failed class, one Battery)
    sys.modules.setdefault("bench.battery", sys.modules[__name__])
    from bench import battery_inputs

    battery_inputs.register(b)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--markdown", type=Path, help="also write the results as a markdown table")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--only", help="run only the classes whose name contains this (import, search, …)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reviewdesk-battery-"))
    work.chmod(0o755)
    battery = Battery(work)
    started = time.perf_counter()
    try:
        for group in (import_cases, search_cases, database_cases, merge_cases, exchange_cases, export_cases,
                      inputs_cases):
            if args.only and args.only not in group.__name__:
                continue
            group(battery)
    finally:
        if not args.keep:
            for path in [work, *work.rglob("*")]:
                if path.is_dir() and not path.is_symlink():
                    path.chmod(0o777)
            shutil.rmtree(work, ignore_errors=True)
    bad = [o for o in battery.outcomes if o.verdict not in ("ok", "skipped")]
    summary = {v: sum(1 for o in battery.outcomes if o.verdict == v)
               for v in ("ok", "TRACEBACK", "HANG", "WRONG", "skipped")}
    print(f"\n{len(battery.outcomes)} cases in {time.perf_counter() - started:.0f} s: "
          + ", ".join(f"{n} {v}" for v, n in summary.items()))
    if args.markdown:
        table = ["| class | case | result | message |", "| --- | --- | --- | --- |"]
        for o in battery.outcomes:
            text = (o.message if o.verdict == "ok" else o.detail).replace("|", "\\|").replace("\n", " ")
            text = text.replace(str(work), "<tmp>")
            table.append(f"| {o.cls} | {o.case} | {o.verdict} | {text} |")
        head = ["# The battery of bad inputs and faults (issues 11 and 16)", "",
                "`python bench/battery.py --markdown docs/battery.md` (as root: permission cases run as `nobody`, "
                "full-disk cases on a small tmpfs). Every case runs the real command line in a subprocess with a "
                "timeout and is checked for a traceback, a hang, a wrong result and a loss (databases that must not "
                "change are compared row by row or byte by byte). CI runs it as one test (tests/test_battery.py, "
                "marker `battery`, `REVIEWDESK_BATTERY=1` in .ci/run): a regression of any case fails CI. Last run: "
                f"{len(battery.outcomes)} cases in {time.perf_counter() - started:.0f} s "
                f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores): "
                + ", ".join(f"{n} {v.lower()}" for v, n in summary.items()) + ".", ""]
        args.markdown.write_text("\n".join(head + table) + "\n", encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
