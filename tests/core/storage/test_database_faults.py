"""Databases that cannot be used as asked: each gives a message naming the file and what to do; nothing is lost."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.storage.database import (
    DatabaseProblem,
    NewerDatabase,
    backup_to,
    backups_of,
    open_database,
    open_for_reading,
    reserve_backup_path,
)
from desktop.core.storage.executor import open_reader
from tests.conftest import ROOT, SEEDS
from tests.hostile import child_pids, cmdline, is_alive, unprivileged_kwargs, variant


def _cli(*args: str, user: bool = False, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          **(unprivileged_kwargs() if user else {}))


def _seeded(path: Path) -> Path:
    db = open_database(path)
    from desktop.core.ingest.importer import import_paths

    import_paths(db, [SEEDS])
    db.conn.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_write_connection_is_synchronous_full(tmp_path):
    db = open_database(tmp_path / "c.sqlite3")
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("name", ["a#b.sqlite3", "what?.sqlite3", "100%.sqlite3", "x%23y#?.sqlite3", "评<查>.sqlite3",
                                  "a&b=c;d.sqlite3", "'quoted' \"x\".sqlite3", "[1]*{2}.sqlite3", "sp ace+plus.sqlite3"])
def test_paths_with_uri_characters_open_the_right_file(tmp_path, name):
    path = _seeded(tmp_path / name)
    reader = open_reader(path)
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [name]
    backup = backup_to(reader.conn, path)  # the copy made before an upgrade, and the message that names it when the file is damaged
    assert backups_of(path) == [backup] and backup.name.startswith(name + ".backup-")
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM documents").fetchone()[0] == 5


def test_foreign_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    for opener in (open_database, open_for_reading):
        with pytest.raises(DatabaseProblem, match="another program"):
            opener(path)
    out = _cli("import", str(SEEDS), "--db", str(path))
    assert out.returncode == 1 and "Traceback" not in out.stderr and "another program" in out.stderr
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_database_from_a_newer_version_is_read_but_never_written(tmp_path):
    path = _seeded(tmp_path / "c.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('reviewdesk', '0999_from_the_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(NewerDatabase, match="newer ReviewDesk"):
        open_database(path)
    before = _digest(path)
    out = _cli("import", str(SEEDS / "000_0a101bd46eacac2a.txt"), "--db", str(path))
    assert out.returncode == 1 and out.stderr.startswith("error: ") and "0999_from_the_future" in out.stderr
    assert _digest(path) == before
    listed = _cli("list", "--db", str(path))
    assert listed.returncode == 0 and len(listed.stdout.strip().split("\n")) == 5
    found = _cli("search", "法治", "--db", str(path))
    assert found.returncode == 0 and "Traceback" not in found.stderr


def test_damaged_database_names_the_latest_backup(tmp_path):
    path = _seeded(tmp_path / "c.sqlite3")
    old = reserve_backup_path(path)
    newest = path.with_name(path.name + ".backup-before-merge-29991231-000000")
    newest.write_bytes(path.read_bytes())
    os.utime(old, (1, 1))
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 3)
    for command in (["list"], ["search", "法治"], ["import", str(SEEDS)], ["export", "--format", "json", "--out",
                                                                           str(tmp_path / "o.json")]):
        out = _cli(*command, "--db", str(path))
        assert out.returncode == 1, command
        assert "Traceback" not in out.stderr and out.stderr.startswith("error: ")
        assert "damaged" in out.stderr and str(newest) in out.stderr, out.stderr


def test_garbage_file_is_not_a_database(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(os.urandom(4096))
    out = _cli("list", "--db", str(path))
    assert out.returncode == 1 and "not an SQLite file" in out.stderr and "Traceback" not in out.stderr


def test_read_only_location_reads_but_refuses_writes(unprivileged_tmp):
    folder = unprivileged_tmp / "ro"
    folder.mkdir()
    path = _seeded(folder / "c.sqlite3")
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    for extra in folder.glob("*-*"):
        extra.unlink()
    folder.chmod(0o555)
    path.chmod(0o444)
    before = _digest(path)
    listed = _cli("list", "--db", str(path), user=True)
    assert listed.returncode == 0 and len(listed.stdout.strip().split("\n")) == 5, listed.stderr
    found = _cli("search", "法治", "--db", str(path), user=True)
    assert found.returncode == 0 and found.stdout, found.stderr
    for command in (["import", str(SEEDS)], ["merge", str(path)]):
        out = _cli(*command, "--db", str(path), user=True)
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert "read-only" in out.stderr and str(path) in out.stderr
    out = _cli("import", str(SEEDS), "--db", str(folder / "sub" / "new.sqlite3"), user=True)
    assert out.returncode == 1 and "Traceback" not in out.stderr and "folder" in out.stderr
    assert _digest(path) == before


def test_two_imports_on_a_new_database_at_once(tmp_path):
    path = tmp_path / "new.sqlite3"
    cmd = [sys.executable, "-m", "desktop", "import", str(SEEDS), "--db", str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
             for _ in range(3)]
    results = [p.communicate(timeout=120) for p in procs]
    for _out, err in results:
        assert "Traceback" not in err and "locked" not in err, err
    statuses = sorted(line.split("\t")[0] for out, _ in results for line in out.strip().split("\n"))
    assert statuses == ["duplicate"] * 10 + ["imported"] * 5
    assert all(p.returncode == 0 for p in procs)


def test_backups_in_the_same_second_never_share_a_name(tmp_path):
    path = tmp_path / "c.sqlite3"
    names = {reserve_backup_path(path, "backup-before-merge") for _ in range(5)}
    assert len(names) == 5 and all(p.exists() for p in names)


def test_workers_end_when_the_importing_process_is_killed(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(240):
        (folder / f"r{i:03d}.txt").write_text(variant(i) * 30, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "import", str(folder), "--db", str(tmp_path / "w.db")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(children) < 2:
        children = {pid for pid in child_pids(proc.pid) if "spawn_main" in cmdline(pid)}
        time.sleep(0.2)
    assert children, "no worker processes were started"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(is_alive(pid) for pid in children):
        time.sleep(0.2)
    assert not any(is_alive(pid) for pid in children)




def test_0008_fills_text_hashes_and_reindexes_marked_texts(tmp_path):
    import re

    from desktop.core.storage.schema import MIGRATIONS
    from desktop.core.storage.search import search
    from desktop.core.text import fold_width

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    from sqlite_utils import Database

    old = Database(conn)
    MIGRATIONS.apply(old, stop_before="0008_hardening")
    text = variant(1) + "开展督\u200f察。\n"
    old.execute("INSERT INTO documents (id, sha256, name, size, format, encoding, text, segmenter_version, "
                "imported_at) VALUES ('d1', 'x', 'a.txt', 1, 'txt', 'utf-8', ?, 1, 'now')", [text])
    seq = old.execute("SELECT seq FROM documents").fetchone()[0]
    old.execute("INSERT INTO search_index(rowid, chars) VALUES (?, ?)",
                [seq, " ".join(re.sub(r"\s+", "", fold_width(text)))])  # as the index was built before 0008
    conn.close()
    db = open_database(path)
    assert db.execute("SELECT text_sha256 FROM documents").fetchone()[0] == hashlib.sha256(text.encode()).hexdigest()
    assert search(db, "督察")[0] == 1
    assert any(p.name.startswith("old.sqlite3.backup-") for p in tmp_path.iterdir())
