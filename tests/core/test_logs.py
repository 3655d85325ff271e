"""What import, merge, export and the migrations write to the log file (desktop/core/logs.py)."""

from __future__ import annotations

import gc

import pytest

from desktop.cli import main
from desktop.core import logs


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWDESK_LOG_DIR", str(tmp_path / "logs"))
    logs.stop_file_logging()
    yield tmp_path / "logs" / "reviewdesk.log"
    logs.stop_file_logging()


def test_import_merge_export_and_migrations_are_logged(log_file, tmp_path, seeds_dir, capsys):
    db, other = tmp_path / "main.sqlite3", tmp_path / "other.sqlite3"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["import", str(seeds_dir), "--db", str(db)]) == 0
    assert main(["import", str(broken), "--db", str(other)]) == 1
    gc.collect()  # the in-process command's connection closes (and leaves no -wal), as at the end of a process
    assert main(["merge", "--trust", str(other), "--db", str(db)]) == 0
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "sheet.csv"), "--db", str(db)]) == 0
    assert main(["export", "--format", "csv", "--per-report", "--out", str(tmp_path / "per"), "--db", str(db)]) == 1
    capsys.readouterr()
    text = log_file.read_text(encoding="utf-8")
    assert f"applying migrations to {db}: 0001" in text
    assert "import of 5 file(s): 5 imported" in text
    assert f"import failed: {broken}: " in text
    assert f"merge of {other} into {db}: backup {db}.backup-before-merge-" in text
    assert f"merged {other}: documents\tadded 0" in text
    assert "export csv: 5 row(s) in 1 file(s)" in text
    assert "one file per report is available for docx and pdf only" in text
    lines = text.splitlines()
    assert any(" WARNING desktop.core.ingest.importer [" in line and str(broken) in line for line in lines)
    assert any(" INFO desktop.core.export [" in line and "sheet.csv" in line for line in lines)
