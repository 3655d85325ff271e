"""Export targets that must not or cannot be written, and texts too long to lay out."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.export import export
from desktop.core.export.target import CUT_NOTE, ExportTargetError, bound_texts
from desktop.core.ingest.importer import import_paths
from desktop.core.review.annotations import create_annotation
from desktop.core.review.codebook import ensure_default_codebook, list_tags
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring.rubric import load_default_rubric, store_rubric
from desktop.core.scoring.scores import set_score
from desktop.core.storage import open_database
from desktop.core.storage.database import reserve_backup_path
from desktop.core.storage.documents import list_documents
from tests.conftest import ROOT, SEEDS
from tests.hostile import unprivileged_kwargs


def _reviewed(path: Path, comment_chars: int = 0):
    db = open_database(path)
    import_paths(db, [SEEDS / "000_0a101bd46eacac2a.txt"])
    ensure_default_codebook(db)
    reviewer = get_or_create_reviewer(db, "张评审")
    doc = list_documents(db)[0]
    big = ("超长批注" * (comment_chars // 4 + 1))[:comment_chars] if comment_chars else "具体"
    # a comment this long is refused when typed (storage/limits.py): one stored before the limit, written directly
    create_annotation(db, doc.id, 10, 30, reviewer_id=reviewer.id, tag_ids=[list_tags(db)[0].id], comment="具体")
    rubric = load_default_rubric()
    store_rubric(db, rubric)
    criterion = rubric.criteria[0]
    set_score(db, doc.id, reviewer.id, rubric, criterion.id, criterion.max_points)
    if comment_chars:
        db.execute("UPDATE reviews SET overall_comment = ?", [big])
        db.execute("UPDATE scores SET note = ?", [big])
        db.execute("UPDATE annotations SET comment = ?", [big])
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("which", ["db", "-wal", "-shm", "backup", "symlink", "other sqlite"])
def test_targets_that_are_databases_are_refused(tmp_path, which):
    path = tmp_path / "c.sqlite3"
    db = _reviewed(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if which == "db":
        out = path
    elif which in ("-wal", "-shm"):
        out = path.with_name(path.name + which)
    elif which == "backup":
        out = reserve_backup_path(path)
        out.write_bytes(path.read_bytes())
    elif which == "symlink":
        out = tmp_path / "looks-harmless.xlsx"
        out.symlink_to(path)
    else:
        out = tmp_path / "other.xlsx"
        out.write_bytes(path.read_bytes())
    before = _digest(path)
    before_target = _digest(out) if out.exists() else None
    for fmt in ("xlsx", "json"):
        with pytest.raises(ExportTargetError) as refused:
            export(db, fmt, out)
        assert str(out) in str(refused.value) and "choose another file name" in str(refused.value)
    assert _digest(path) == before
    assert (_digest(out) if out.exists() else None) == before_target
    assert len(list_documents(db)) == 1


def test_cli_refuses_out_equal_to_the_database(tmp_path):
    path = tmp_path / "c.sqlite3"
    _reviewed(path).conn.close()
    before = _digest(path)
    out = subprocess.run([sys.executable, "-m", "desktop", "export", "--format", "csv", "--out", str(path),
                          "--db", str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 1 and out.stderr.startswith("error: ") and "Traceback" not in out.stderr
    assert "open database" in out.stderr
    assert _digest(path) == before


def test_read_only_target_folder(unprivileged_tmp):
    path = unprivileged_tmp / "c.sqlite3"
    _reviewed(path).conn.close()
    os.chmod(unprivileged_tmp, 0o777)
    for extra in unprivileged_tmp.iterdir():
        extra.chmod(0o666)
    locked = unprivileged_tmp / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    out = subprocess.run([sys.executable, "-m", "desktop", "export", "--format", "pdf", "--out",
                          str(locked / "sheet.pdf"), "--db", str(path)], capture_output=True, text=True, timeout=120,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, **unprivileged_kwargs())
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert str(locked / "sheet.pdf") in out.stderr and "read-only" in out.stderr
    assert list(locked.iterdir()) == []


def test_full_disk_leaves_nothing_half_written(tmp_path, monkeypatch):
    db = _reviewed(tmp_path / "c.sqlite3")
    import desktop.core.export.formats.to_xlsx as to_xlsx

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(to_xlsx, "write_xlsx", full)
    target = tmp_path / "out" / "sheet.xlsx"
    target.parent.mkdir()
    with pytest.raises(ExportTargetError, match="disk is full") as refused:
        export(db, "xlsx", target)
    assert str(target) in str(refused.value)
    assert list(target.parent.iterdir()) == []


def test_a_20_mb_comment_is_bounded_in_sheets_and_whole_in_json(tmp_path):
    db = _reviewed(tmp_path / "c.sqlite3", comment_chars=20_000_000)
    for fmt in ("pdf", "docx", "xlsx", "csv"):
        export(db, fmt, tmp_path / f"sheet.{fmt}")  # bounded work: the size below, not a wall-clock time
        assert (tmp_path / f"sheet.{fmt}").stat().st_size < 2_000_000, fmt
    csv_text = (tmp_path / "sheet.csv").read_text(encoding="utf-8-sig")
    assert CUT_NOTE in csv_text
    export(db, "json", tmp_path / "all.json")
    dump = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert max(len(a["comment"]) for a in _annotations(dump)) == 20_000_000


def _annotations(dump) -> list:
    if isinstance(dump, dict) and "annotations" in dump:
        return dump["annotations"]
    found: list = []
    for value in (dump.values() if isinstance(dump, dict) else dump):
        if isinstance(value, (dict, list)):
            found += _annotations(value)
    return found


def test_bound_texts_keeps_short_data_as_is():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Item:
        text: str
        parts: tuple[str, ...]

    short = Item("short", ("a", "b"))
    assert bound_texts(short, 10) is short
    long = Item("x" * 50, ("a", "y" * 40))
    cut = bound_texts(long, 30)
    assert len(cut.text) == 30 and cut.text.endswith(CUT_NOTE) and len(cut.parts[1]) == 30
