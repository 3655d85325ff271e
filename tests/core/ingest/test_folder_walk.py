"""A folder import lists every file it cannot reach, with its reason; links out of the folder are not followed
(issue 16)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from desktop.core.ingest.importer import FAILED, IMPORTED, SKIPPED, import_paths
from desktop.core.storage import open_database
from tests import hostile_formats as hf
from tests.conftest import ROOT
from tests.hostile import unprivileged_kwargs


def _lines(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.strip().split("\n") if line]


def test_unreachable_parts_are_each_listed_with_their_reason(unprivileged_tmp):
    """Run as an ordinary user (root can list anything): every file and folder that is not imported has a line."""
    roles = hf.folder_with_unreachable_parts(unprivileged_tmp)
    try:
        _run_as_nobody(unprivileged_tmp, roles)
    finally:
        shutil.rmtree(roles["deep"])  # fd-based: a path past PATH_MAX cannot be removed by name


def _run_as_nobody(unprivileged_tmp, roles) -> None:
    for path in (unprivileged_tmp, roles["top"], roles["secret"].parent):
        path.chmod(0o755)
    db_dir = unprivileged_tmp / "db"
    db_dir.mkdir(mode=0o777)
    db_dir.chmod(0o777)
    cmd = [sys.executable, "-m", "desktop", "import", str(roles["top"]), "--db", str(db_dir / "c.sqlite3")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, **unprivileged_kwargs())
    assert "Traceback" not in done.stderr
    lines = _lines(done.stdout)
    by_name = {line[1].rsplit("/", 1)[-1][:12]: line for line in lines}
    # a link inside the folder is read: the same report twice, once imported, once a duplicate
    assert sorted([by_name["ok.txt"][0], by_name["again.txt"][0]]) == ["duplicate", IMPORTED]
    assert by_name["key.txt"][0] == SKIPPED and "outside the imported folder" in by_name["key.txt"][2]
    assert by_name["home"][0] == SKIPPED and "link to a folder" in by_name["home"][2]
    assert by_name["gone.txt"][0] == SKIPPED and "does not exist" in by_name["gone.txt"][2]
    deep = [line for line in lines if "d" * 240 in line[1]]
    assert deep and deep[0][0] == FAILED and "longer than the system allows" in deep[0][2]
    if os.geteuid() == 0:  # as nobody, the locked folder cannot be listed
        assert by_name["locked"][0] == FAILED and "cannot be read" in by_name["locked"][2]
    assert done.returncode == 1 and "BEGIN OPENSSH" not in done.stdout
    summary = done.stderr.strip().split("\n")[-1]
    assert "0 failed" not in summary


def test_the_secret_behind_a_link_is_never_stored(tmp_path):
    roles = hf.folder_with_unreachable_parts(tmp_path)
    db = open_database(tmp_path / "c.sqlite3")
    try:
        report = import_paths(db, [roles["top"]])
        texts = [row["text"] for row in db.query("SELECT text FROM documents")]
    finally:
        db.conn.close()
        shutil.rmtree(roles["deep"])
    assert not any("PRIVATE KEY" in text for text in texts)
    statuses = {o.path.rsplit("/", 1)[-1]: o.status for o in report.outcomes}
    assert statuses["key.txt"] == SKIPPED and statuses["home"] == SKIPPED
    assert report.count(IMPORTED) == 1 + 3  # ok.txt and the locked folder's reports (root lists it)


def test_a_link_given_by_hand_is_followed(tmp_path):
    """A link named on the command line is the user's own choice, not something found in a folder."""
    roles = hf.folder_with_unreachable_parts(tmp_path)
    real = tmp_path / "outside" / "report.txt"
    real.write_text((roles["top"] / "ok.txt").read_text(encoding="utf-8").replace("1990", "1899"), encoding="utf-8")
    link = tmp_path / "chosen.txt"
    link.symlink_to(real)
    shutil.rmtree(roles["deep"])
    db = open_database(tmp_path / "c.sqlite3")
    try:
        report = import_paths(db, [link])
    finally:
        db.conn.close()
    assert [o.status for o in report.outcomes] == [IMPORTED]


def test_hidden_files_and_folders_are_listed_not_dropped(tmp_path):
    top = tmp_path / "in"
    (top / ".git").mkdir(parents=True)
    (top / ".git" / "report.txt").write_text("x", encoding="utf-8")
    (top / ".~lock.报告.docx#").write_text("lock", encoding="utf-8")
    (top / "ok.txt").write_text((ROOT / "seeds" / "000_0a101bd46eacac2a.txt").read_text(encoding="utf-8"),
                                encoding="utf-8")
    db = open_database(tmp_path / "c.sqlite3")
    try:
        report = import_paths(db, [top])
    finally:
        db.conn.close()
    statuses = {o.path.rsplit("/", 1)[-1]: (o.status, o.message) for o in report.outcomes}
    assert statuses[".git"][0] == SKIPPED and "hidden" in statuses[".git"][1]
    assert statuses[".~lock.报告.docx#"][0] == SKIPPED
    assert statuses["ok.txt"][0] == IMPORTED and len(statuses) == 3
