"""``reviewdesk export``: files written, paths printed, clear errors."""

from __future__ import annotations

import csv

from openpyxl import load_workbook

from desktop.cli import main
from tests.core.scoring.scoring_data import scored_corpus_fixture  # noqa: F401  (fixture)


def test_export_each_format(scored_corpus, tmp_path, capsys):
    db = str(scored_corpus.path)
    for fmt in ("xlsx", "csv", "docx", "pdf", "json"):
        out = tmp_path / f"sheet.{fmt}"
        assert main(["export", "--format", fmt, "--out", str(out), "--db", db]) == 0, fmt
        captured = capsys.readouterr()
        assert captured.out.strip() == str(out)
        assert out.stat().st_size > 0
        assert f"exported as {fmt} to 1 file(s)" in captured.err
    assert load_workbook(tmp_path / "sheet.xlsx")["汇总"].max_row == 9  # maximums, weights, header, 6 rows


def test_export_for_one_reviewer_and_per_report(scored_corpus, tmp_path, capsys):
    db = str(scored_corpus.path)
    out = tmp_path / "li.csv"
    assert main(["export", "--format", "csv", "--out", str(out), "--db", db, "--reviewer", "李四"]) == 0
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert {r[rows[0].index("评阅人")] for r in rows[1:]} == {"李四"}
    capsys.readouterr()
    folder = tmp_path / "pdfs"
    assert main(["export", "--format", "pdf", "--out", str(folder), "--db", db, "--per-report"]) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == 6 and sorted(printed) == sorted(str(p) for p in folder.iterdir())


def test_export_errors_are_messages_not_tracebacks(scored_corpus, tmp_path, capsys):
    db = str(scored_corpus.path)
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--db", db,
                 "--reviewer", "王五"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: no reviewer named '王五'") and "张三" in err
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "no" / "x.csv"), "--db", db]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--db", db,
                 "--rubric", "nope"]) == 1
    assert "no rubric with id nope" in capsys.readouterr().err
