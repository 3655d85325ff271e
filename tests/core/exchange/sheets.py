"""Fill and write review sheets for the score import tests (shared)."""

from __future__ import annotations

import csv

from desktop.core.export import export


def exported_csv(db, tmp_path) -> tuple[list[str], list[list[str]]]:
    path = tmp_path / "sheet.csv"
    export(db, "csv", path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    return rows[0], rows[1:]


def write_csv(path, header, rows, encoding="utf-8-sig"):
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def fill(header, row, values, comment=None):
    first = header.index("必备内容齐全（4分）")
    row[first:first + len(values)] = values
    if comment is not None:
        row[header.index("总体评价")] = comment
    return row
