"""The command line's output formats are contracts: check them exactly."""

from __future__ import annotations

import json
import subprocess
import sys

from desktop.cli import main
from tests.conftest import ROOT, SEEDS

SEED = SEEDS / "001_a35be3758fcb709b.txt"
SEGMENT_KEYS = {"title", "agency", "year", "doc_number", "doc_date", "published_at", "on_time", "encoding",
                "sections", "missing", "clutter", "metadata_sources", "metadata_confidence", "doc_type", "truncated"}
METADATA_FIELDS = {"title", "agency", "year", "doc_number", "doc_date", "published_at", "source", "on_time"}


def test_segment_json_contract(capsys):
    assert main(["segment", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert SEGMENT_KEYS <= set(data)
    assert data["year"] == 2025 and data["encoding"] == "utf-8"
    assert data["published_at"] == "2026-02-05" and data["on_time"] is True
    assert data["missing"] == []
    from desktop.core.ingest import read_report

    text = read_report(SEED).text
    assert set(data["metadata_confidence"]) == METADATA_FIELDS
    assert set(data["metadata_confidence"].values()) <= {"high", "low"}
    assert data["metadata_confidence"]["title"] == "high" and data["metadata_confidence"]["year"] == "high"
    assert data["doc_type"] == "annual_report" and data["truncated"] is False
    assert set(data["metadata_reasons"]) == {k for k, v in data["metadata_confidence"].items() if v == "low"}
    for kind, candidate in data["missing_candidates"].items():
        assert kind in data["missing"] and 0 <= candidate["start"] < candidate["end"] <= len(text)
    for section in data["sections"]:
        assert set(section) == {"kind", "heading", "level", "placement", "start", "end", "confidence", "reason"}
        assert section["confidence"] in ("high", "low")
        assert bool(section["reason"]) == (section["confidence"] == "low")
        assert text[section["start"]:section["start"] + len(section["heading"])] == section["heading"]
    for clutter in data["clutter"]:
        assert text[clutter["start"]:clutter["end"]] == clutter["text"]


def test_segment_stores_nothing_and_reports_bad_files(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["segment", str(empty), "--json"]) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "empty" in err


def test_import_list_search_contracts(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["import", str(SEEDS), str(bad), "--db", db]) == 1
    out = capsys.readouterr()
    lines = out.out.strip().split("\n")
    assert len(lines) == 6
    statuses = [line.split("\t")[0] for line in lines]
    assert statuses.count("imported") == 5 and statuses[-1] == "failed"
    assert "5 imported" in out.err
    assert main(["import", str(SEEDS / "000_0a101bd46eacac2a.txt"), "--db", db]) == 0
    assert capsys.readouterr().out.startswith("duplicate\t")

    assert main(["list", "--db", db, "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert len(docs) == 5
    assert {"id", "name", "title", "agency", "year", "doc_date", "published_at", "on_time", "missing"} <= set(docs[0])
    assert main(["list", "--db", db]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.strip().split("\n")]
    assert len(rows) == 5 and all(len(r) == 6 for r in rows)

    assert main(["search", "纠错", "--db", db, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] == 1 and result["results"][0]["hit_count"] == 1
    assert main(["search", "法", "--db", db, "--limit", "2"]) == 0
    out = capsys.readouterr()
    assert len(out.out.strip().split("\n")) == 2 and "5 document(s)" in out.err


def test_module_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "desktop", "segment", str(SEED)], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "leader_duty" in out.stdout


def test_every_subcommand_and_option_is_documented():
    """sqlite-utils' habit: a command-line option the README does not mention fails the build."""
    import argparse

    from desktop.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1]
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, subparser in sub.choices.items():
        assert f"reviewdesk {name}" in section, name
        for action in subparser._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in section, f"{name} {option}"


def test_db_is_honoured_before_and_after_the_subcommand(tmp_path, capsys):
    before, after = tmp_path / "before.sqlite3", tmp_path / "after.sqlite3"
    assert main(["--db", str(before), "import", str(SEED)]) == 0
    assert main(["import", str(SEED), "--db", str(after)]) == 0
    capsys.readouterr()
    for path in (before, after):
        assert main(["--db", str(path), "list", "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == 1
