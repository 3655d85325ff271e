"""Arguments in any encoding (issue 16): a GBK terminal hands the program bytes that are not UTF-8. File names keep
their bytes; text arguments are decoded as GB18030 or refused with a message naming the option; no traceback,
and read-only commands never create a database that is not there."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

GBK = "报告".encode("gbk")
NOT_TEXT = b"\xff\xfe\x80"


def run(*args: str | bytes) -> subprocess.CompletedProcess:
    cmd = [os.fsencode(sys.executable), b"-m", b"desktop", *(a if isinstance(a, bytes) else os.fsencode(a) for a in args)]
    done = subprocess.run(cmd, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=300)
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")[-2000:]
    return done


@pytest.fixture
def gbk_db(tmp_path) -> bytes:
    """A database whose file name is GBK bytes, holding one seed report."""
    db = os.fsencode(tmp_path) + b"/" + GBK + b".sqlite3"
    done = run("import", str(sorted(SEEDS.glob("*.txt"))[0]), "--db", db)
    assert done.returncode == 0, done.stderr
    assert os.path.exists(db)
    return db


def _doc_id(db: bytes) -> str:
    listed = run("list", "--json", "--db", db)
    assert listed.returncode == 0, listed.stderr
    return json.loads(listed.stdout)[0]["id"]


def test_gbk_database_name_works_for_every_reading_command(gbk_db):
    doc = _doc_id(gbk_db)
    assert run("show", doc, "--db", gbk_db).returncode == 0
    assert run("search", "法治", "--db", gbk_db).returncode == 0
    assert run("progress", "--db", gbk_db).returncode == 0


def test_text_arguments_in_gbk_are_decoded(gbk_db):
    doc = _doc_id(gbk_db)
    done = run("correct", doc, "--field", b"title=" + "某县司法局报告".encode("gbk"), "--reviewer", GBK,
               "--db", gbk_db)
    assert done.returncode == 0, done.stderr
    shown = json.loads(run("show", doc, "--json", "--db", gbk_db).stdout)
    assert shown["title"] == "某县司法局报告"
    assert shown["metadata_origin"]["title"]["corrected_by"] == "报告"


@pytest.mark.parametrize("option", ["--reviewer", "--field"])
def test_text_that_is_not_text_is_refused_naming_the_option(gbk_db, option):
    doc = _doc_id(gbk_db)
    value = b"title=" + NOT_TEXT if option == "--field" else NOT_TEXT
    other = ["--reviewer", "王明"] if option == "--field" else ["--field", "title=x"]
    done = run("correct", doc, option, value, *other, "--db", gbk_db)
    assert done.returncode == 2
    assert option.encode() in done.stderr and b"not readable text" in done.stderr
    assert json.loads(run("show", doc, "--json", "--db", gbk_db).stdout)["title"] != "x"


def test_show_with_a_gbk_id_says_no_such_document(gbk_db):
    done = run("show", GBK, "--db", gbk_db)
    assert done.returncode != 0 and "报告".encode() in done.stderr


def test_export_to_a_gbk_name_for_a_gbk_reviewer(gbk_db, tmp_path):
    out = os.fsencode(tmp_path) + b"/" + GBK + b".csv"
    assert run("assign", "--reviewer", GBK, "--db", gbk_db).returncode == 0
    done = run("export", "--format", "csv", "--out", out, "--reviewer", GBK, "--db", gbk_db)
    assert done.returncode == 0, done.stderr
    assert os.path.exists(out)
    assert "报告.csv".encode() in done.stdout  # printed readable, not as escapes


def test_merge_and_package_with_gbk_names(gbk_db, tmp_path):
    lead = os.fsencode(tmp_path) + b"/" + "组长".encode("gbk") + b".sqlite3"
    done = run("merge", "--trust", gbk_db, "--db", lead)
    assert done.returncode == 0, done.stderr
    assert run("assign", "--reviewer", GBK, "--db", lead).returncode == 0
    package = os.fsencode(tmp_path) + b"/" + "评阅包".encode("gbk") + b".sqlite3"
    done = run("package", "--reviewer", GBK, "--out", package, "--db", lead)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(package)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    finally:
        conn.close()


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["search", "法治"], ["show", "x"],
                                     ["export", "--format", "csv", "--out", "OUT"], ["progress"],
                                     ["correct", "x", "--field", "title=y", "--reviewer", "王明"],
                                     ["assign", "--reviewer", "王明"]])
def test_commands_on_a_database_that_does_not_exist_say_so(tmp_path, command):
    db = tmp_path / "mistyped.sqlite3"
    args = [str(tmp_path / "out.csv") if a == "OUT" else a for a in command]
    done = run(*args, "--db", str(db))
    assert done.returncode != 0
    assert b"no database at" in done.stderr
    assert not db.exists() and not (tmp_path / "out.csv").exists()


def test_every_argument_naming_a_file_keeps_its_bytes():
    """An argument whose help speaks of a file, folder or path is a path (its bytes are kept, not decoded as
    text): a new command's path argument needs a metavar such as PATH, FILE, DIR or FOLDER (desktop/cli/common.py)."""
    import argparse
    import re

    from desktop.cli import build_parser
    from desktop.cli.common import _argument_kinds

    parser = build_parser()
    paths, _names = _argument_kinds(parser)
    stack = [parser]
    wrong = []
    while stack:
        current = stack.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                stack.extend(action.choices.values())
            elif (re.search(r"\b(file|folder|directory|path)\b", str(action.help or ""), re.I)
                  and action.nargs != 0 and action.dest not in paths):
                wrong.append(f"{current.prog} {action.dest}: {action.help}")
    assert wrong == []
