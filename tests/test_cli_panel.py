"""``reviewdesk assign / progress / package / agreement / scores import`` end to end, with their bad inputs."""

from __future__ import annotations

import csv
import json

from desktop.cli import main
from tests.conftest import SEEDS


def _lead(tmp_path, capsys) -> str:
    db = str(tmp_path / "lead.sqlite3")
    assert main(["import", str(SEEDS), "--db", db]) == 0
    capsys.readouterr()
    return db


def _ids(db: str, capsys) -> list[str]:
    assert main(["list", "--db", db, "--json"]) == 0
    return [d["id"] for d in json.loads(capsys.readouterr().out)]


def _score_in(path, name):
    from desktop.core.review.reviewers import find_reviewer
    from desktop.core.scoring.rubric import active_rubric
    from desktop.core.scoring.scores import set_score
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import list_documents

    pkg = open_database(path)
    try:
        rubric = active_rubric(pkg)
        set_score(pkg, list_documents(pkg)[0].id, find_reviewer(pkg, name).id, rubric, rubric.criteria[0].id, 1)
    finally:
        pkg.conn.close()


def test_assign_progress_package_and_merge_back(tmp_path, capsys):
    db = _lead(tmp_path, capsys)
    assert main(["assign", "--db", db, "--reviewer", "张三", "--reviewer", "李四", "--reviewer", "王五",
                 "--per-report", "2", "--by", "组长"]) == 0
    out = capsys.readouterr()
    lines = [line.split("\t") for line in out.out.strip().split("\n")]
    assert len(lines) == 10 and "10 assignment(s) added for 5 report(s)" in out.err
    assert main(["progress", "--db", db, "--json"]) == 0
    progress = {p["reviewer"]: p for p in json.loads(capsys.readouterr().out)}
    assert sorted(p["assigned"] for p in progress.values()) == [3, 3, 4]
    assert all(p["submitted"] == 0 and p["not_started"] == p["assigned"] for p in progress.values())
    assert main(["progress", "--db", db]) == 0
    assert len(capsys.readouterr().out.strip().split("\n")) == 3

    package = tmp_path / "zhang.sqlite3"
    assert main(["package", "--db", db, "--reviewer", "张三", "--out", str(package)]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == str(package) and "package for 张三" in out.err
    assert len(_ids(str(package), capsys)) == progress["张三"]["assigned"]
    assert main(["merge", str(package), "--db", db]) == 1  # nothing done in it yet: said plainly
    assert "holds none of 张三's work" in capsys.readouterr().err
    _score_in(package, "张三")
    back = tmp_path / "zhang-back.sqlite3"
    assert main(["package", "--return", "--db", str(package), "--out", str(back)]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == str(back) and "package of 张三 returned: 1 review(s)" in out.err
    assert main(["merge", str(back), "--db", db]) == 0
    merged = capsys.readouterr().out
    assert f"# {back}" in merged and "scores\tadded 1\t" in merged
    assert main(["merge", "--trust", str(tmp_path / "nope.sqlite3"), str(back), "--db", db]) == 1
    out = capsys.readouterr()
    assert "file not found" in out.err and f"# {back}" in out.out  # one bad source does not stop the others

    only = _ids(db, capsys)[0]
    assert main(["assign", "--db", db, "--reviewer", "赵六", "--report", only]) == 0
    assert capsys.readouterr().out.strip() == f"{only}\t赵六"


def test_bad_inputs_exit_2_with_a_message(tmp_path, capsys):
    db = _lead(tmp_path, capsys)
    assert main(["assign", "--db", db, "--reviewer", "张三", "--report", "nope"]) == 2
    assert "no report with id nope" in capsys.readouterr().err
    assert main(["assign", "--db", db, "--reviewer", "张三", "--per-report", "2"]) == 2
    assert "--per-report 2: choose K from 1 to 1" in capsys.readouterr().err
    assert main(["assign", "--db", db, "--reviewer", " "]) == 2
    assert "--reviewer needs a name" in capsys.readouterr().err
    assert main(["assign", "--db", db, "--reviewer", "王明"]) == 0
    capsys.readouterr()
    assert main(["assign", "--db", db, "--reviewer", "王 明"]) == 2  # a look-alike of 王明: refused, nothing made
    assert "looks like the existing reviewer '王明'" in capsys.readouterr().err
    assert main(["package", "--db", db, "--reviewer", "无名", "--out", str(tmp_path / "p.sqlite3")]) == 2
    assert "no reviewer named '无名'" in capsys.readouterr().err
    assert main(["assign", "--db", db, "--reviewer", "张三", "--report", _ids(db, capsys)[0]]) == 0
    capsys.readouterr()
    (tmp_path / "taken.sqlite3").write_bytes(b"x")
    assert main(["package", "--db", db, "--reviewer", "张三", "--out", str(tmp_path / "taken.sqlite3")]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["agreement", "--db", db, "--rubric", "no-such-rubric"]) == 2
    assert "no rubric with id no-such-rubric" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("序号,报告\n1,无此报告\n", encoding="utf-8")
    assert main(["scores", "import", str(bad), "--reviewer", "王五", "--db", db]) == 2
    err = capsys.readouterr().err
    assert "nothing imported" in err and "row 1: no column for 必备内容齐全（4分）" in err


def test_scores_import_then_agreement_json(tmp_path, capsys):
    db = _lead(tmp_path, capsys)
    sheet = tmp_path / "sheet.csv"
    assert main(["export", "--format", "csv", "--out", str(sheet), "--db", db]) == 0
    capsys.readouterr()
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    header, body = rows[0], rows[1:]
    first = header.index("必备内容齐全（4分）")
    sheets = {"甲": [["4", "2", "3", "5", "4", "4", "4", "3"], ["2", "1", "2", "2", "2", "1", "2", "1"],
                     ["3", "1", "2", "3", "3", "3", "3", "2"]],
              "乙": [["3.5", "2", "3", "4", "4", "5", "4", "3"], ["2", "0", "2", "1", "2", "2", "1", "1"],
                     ["3", "1", "3", "3", "2", "3", "3", "2"]]}
    for name, values in sheets.items():
        filled = [list(r) for r in body]
        for row, v in zip(filled, values, strict=False):
            row[first:first + 8] = v
        path = tmp_path / f"{name}.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([header, *filled])
        assert main(["scores", "import", str(path), "--reviewer", name, "--db", db]) == 0
        assert capsys.readouterr().out.startswith("3\treports\t24\tscores\t3\tsubmitted\t0\tin progress")
    assert main(["agreement", "--db", db, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result) == ["criteria", "total"]
    assert list(result["total"]) == ["alpha_interval", "n_reports", "n_reviewers", "reason"]
    measures = next(c for c in result["criteria"] if c["id"] == "measures")
    assert (measures["n_reports"], measures["n_reviewers"]) == (3, 2)
    # independent check: interval alpha of measures, 5/4, 2/1, 3/3 (pairwise definition)
    values = [[5, 4], [2, 1], [3, 3]]
    flat = [v for u in values for v in u]
    n = len(flat)
    d_o = sum((a - b) ** 2 * 2 for a, b in values) / n
    d_e = sum((a - b) ** 2 for i, a in enumerate(flat) for j, b in enumerate(flat) if i != j) / (n * (n - 1))
    assert measures["alpha_interval"] == round(1 - d_o / d_e, 4)
    assert result["total"]["alpha_interval"] is not None and result["total"]["n_reports"] == 3
    assert main(["agreement", "--db", db]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 9 and lines[-1].startswith("total\t")


def test_final_rule_is_the_projects_choice_and_the_sheets_follow(tmp_path, capsys):
    db = _lead(tmp_path, capsys)
    assert main(["final-rule", "--db", db]) == 0
    assert capsys.readouterr().out == "mean\tdefault\t各评阅人总分的平均分\n"
    assert main(["final-rule", "--db", db, "--set", "trimmed"]) == 0
    assert capsys.readouterr().out.startswith("trimmed\tproject\t去掉一个最高分和一个最低分后的平均分")
    from desktop.core.panel.summary import panel_summary
    from desktop.core.storage import open_database

    handle = open_database(db)
    try:
        assert panel_summary(handle).rule == "trimmed"
    finally:
        handle.conn.close()
    assert main(["final-rule", "--db", db, "--clear"]) == 0
    assert capsys.readouterr().out.startswith("mean\tdefault\t")


def test_progress_names_the_decisions_to_recheck(tmp_path, capsys):
    """A reviewer changes a score the lead decided on: `progress` says 需复核 until the lead confirms."""
    from desktop.core.panel import adjudication as adj
    from desktop.core.review.reviewers import get_or_create_reviewer
    from desktop.core.scoring import scores as scoring
    from desktop.core.scoring.rubric import active_rubric
    from desktop.core.storage import open_database

    db = _lead(tmp_path, capsys)
    doc = _ids(db, capsys)[0]
    handle = open_database(db)
    try:
        rubric = active_rubric(handle)
        people = [get_or_create_reviewer(handle, n).id for n in ("张三", "李四")]
        for rid, measures in zip(people, (4, 2), strict=True):
            for c in rubric.criteria:
                scoring.set_score(handle, doc, rid, rubric, c.id, measures if c.id == "measures" else c.max_points)
            scoring.submit_review(handle, doc, rid, rubric)
        adj.set_final_score(handle, doc, rubric, "measures", 3, "组长")
        scoring.reopen_review(handle, doc, people[1], rubric, by="李四")
        scoring.set_score(handle, doc, people[1], rubric, "measures", 4)
        scoring.submit_review(handle, doc, people[1], rubric)
    finally:
        handle.conn.close()
    assert main(["progress", "--db", db]) == 0
    err = capsys.readouterr().err
    assert "reports: 评审中 4, 待裁定 1, 已裁定 0, 已复核 0" in err
    [line] = [x for x in err.splitlines() if x.startswith("需复核")]
    assert line.split("\t")[1] == doc and line.endswith("举措具体、成效量化的裁定需复核")
    handle = open_database(db)
    try:
        adj.confirm_final_score(handle, doc, active_rubric(handle), "measures", "组长")
    finally:
        handle.conn.close()
    assert main(["progress", "--db", db]) == 0
    err = capsys.readouterr().err
    assert "需复核" not in err and "已裁定 1" in err
