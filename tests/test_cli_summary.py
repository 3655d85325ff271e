"""``reviewdesk summary`` and ``reviewdesk letters`` on the demo panel."""

from __future__ import annotations

import pytest

from desktop.cli import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from tools.demo_panel import build_demo_panel

    path = tmp_path_factory.mktemp("cli-summary") / "demo.sqlite3"
    build_demo_panel(path)
    return path


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md"])
def test_summary_writes_the_file_and_says_so(demo, tmp_path, capsys, fmt):
    out = tmp_path / f"评估报告.{fmt}"
    assert main(["summary", "--db", str(demo), "--format", fmt, "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out) and out.stat().st_size > 0
    assert f"summary written as {fmt}" in captured.err


def test_summary_year_and_deadline(demo, tmp_path, capsys):
    out = tmp_path / "s.md"
    assert main(["summary", "--db", str(demo), "--format", "md", "--out", str(out), "--year", "2025",
                 "--deadline", "02-01"]) == 0
    assert "publication deadline set to 02-01" in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "以报告年度次年2月1日为公开时限，3份报告中" in text
    assert main(["summary", "--db", str(demo), "--format", "md", "--out", str(out), "--year", "1990"]) == 1
    assert "no report of the year 1990" in capsys.readouterr().err
    assert main(["summary", "--db", str(demo), "--format", "md", "--out", str(out), "--deadline", "4月1日"]) == 1
    assert "MM-DD" in capsys.readouterr().err
    assert main(["summary", "--db", str(demo), "--format", "md", "--out", str(out), "--deadline", "04-01"]) == 0


def test_letters_one_per_report(demo, tmp_path, capsys):
    out = tmp_path / "letters"
    assert main(["letters", "--db", str(demo), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    paths = captured.out.split()
    assert len(paths) == 4 and all(p.endswith("_反馈意见书.docx") for p in paths)
    assert "4 letter(s) written to 4 file(s)" in captured.err
    assert "1 report(s) without a final result got no letter" in captured.err  # the demo's unfinished review
    assert main(["letters", "--db", str(demo), "--out", str(tmp_path / "one.docx"), "--one-file"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "one.docx")
