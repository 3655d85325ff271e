"""Export targets a careless or hostile user names: only a regular file or a new name in a writable folder is
written; headers from a merged rubric are data like any cell (issue 16)."""

from __future__ import annotations

import csv
import os
import socket

import pytest
from openpyxl import load_workbook

from desktop.core.export import export
from desktop.core.export.target import ExportTargetError
from desktop.core.scoring.rubric import load_default_rubric, parse_rubric, set_active_rubric
from desktop.core.storage import open_database

HOSTILE_TITLES = ['=HYPERLINK(A1,点我)', "+1+2", "-3+4", "@SUM(A1)", "=cmd|'/C calc'!A0"]


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "c.sqlite3")
    yield database
    database.conn.close()


def _refused(db, out, fmt: str = "csv", **kw) -> str:
    with pytest.raises(ExportTargetError) as caught:
        export(db, fmt, out, **kw)
    return str(caught.value)


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_device_nodes_are_refused_and_left_alone(db, fmt):
    before = os.stat("/dev/null")
    assert "device, pipe or socket" in _refused(db, "/dev/null", fmt)
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_dev_stdout_is_a_link_and_refused(db):
    assert "symbolic link" in _refused(db, "/dev/stdout")


def test_pipe_is_refused_without_blocking(db, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert "device, pipe or socket" in _refused(db, fifo)


def test_socket_is_refused(db, tmp_path):
    path = tmp_path / "s.csv"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        assert "device, pipe or socket" in _refused(db, path)
    finally:
        sock.close()


@pytest.mark.parametrize("points_to", ["elsewhere.csv", "missing.csv", "the-database"])
def test_symbolic_links_are_refused_and_their_targets_untouched(db, tmp_path, points_to):
    target = tmp_path / "c.sqlite3" if points_to == "the-database" else tmp_path / points_to
    if points_to == "elsewhere.csv":
        target.write_text("keep me", encoding="utf-8")
    before = target.read_bytes() if target.exists() else None
    link = tmp_path / "out.csv"
    link.symlink_to(target)
    message = _refused(db, link)
    assert "symbolic link" in message or "the open database" in message
    assert link.is_symlink()
    assert (target.read_bytes() if target.exists() else None) == before


def test_link_as_per_report_folder_is_refused(db, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "sheets").symlink_to(real)
    assert "symbolic link" in _refused(db, tmp_path / "sheets", "pdf", per_report=True)


def test_a_regular_file_and_a_new_name_are_written(db, tmp_path):
    existing = tmp_path / "old.csv"
    existing.write_text("old", encoding="utf-8")
    export(db, "csv", existing)
    export(db, "csv", tmp_path / "new.csv")
    assert existing.read_text(encoding="utf-8-sig").startswith("序号")


def _rubric_with_titles(titles: list[str]):
    default = load_default_rubric()
    content = default.content
    for criterion, title in zip(default.criteria, titles, strict=False):
        content = content.replace(f'title = "{criterion.title}"', f'title = "{title}"'.replace("\t", "\\t"), 1)
    rubric = parse_rubric(content, "merged rubric")
    assert [c.title for c in rubric.criteria[:len(titles)]] == titles
    return rubric


def test_csv_and_xlsx_headers_from_a_merged_rubric_are_neutralized(db, tmp_path):
    set_active_rubric(db, _rubric_with_titles(HOSTILE_TITLES))
    export(db, "csv", tmp_path / "s.csv")
    with open(tmp_path / "s.csv", encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    for title in HOSTILE_TITLES:
        cell = next(h for h in header if title.strip() in h)
        assert cell.startswith("'") or not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    export(db, "xlsx", tmp_path / "s.xlsx")
    workbook = load_workbook(tmp_path / "s.xlsx")
    seen = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and any(t.strip() in cell.value for t in HOSTILE_TITLES):
                    seen += 1
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    if cell.value.startswith(("=", "+", "-", "@", "\t")):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
    assert seen >= len(HOSTILE_TITLES)
