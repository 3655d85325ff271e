"""A paper correction from the command line: `reviewdesk reopen`, every submitted version kept and compared."""

from __future__ import annotations

from desktop.cli import main
from desktop.core.exchange.score_import import import_scores
from desktop.core.review.reviewers import find_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.versions import current_state, list_versions, version_changes
from tests.core.exchange.sheets import exported_csv, fill, write_csv

FULL = ["4", "2", "3", "4", "3", "4", "3", "2"]


def test_reopen_from_the_command_line_and_every_version_kept(lead, tmp_path, capsys):  # noqa: F811
    db, rubric, docs = lead
    path = str(tmp_path / "lead.sqlite3")
    header, rows = exported_csv(db, tmp_path)
    by_report = {r[header.index("报告")]: r for r in rows}
    row = by_report[docs["001"].title]
    fill(header, row, FULL, "第一稿")
    import_scores(db, write_csv(tmp_path / "v1.csv", header, rows), "王五")
    wang = find_reviewer(db, "王五")
    doc = docs["001"].id
    assert [v.version for v in list_versions(db, doc, wang.id, rubric.id)] == [1]

    assert main(["reopen", doc, "--reviewer", "王 五", "--by", "组长", "--db", path]) == 0
    out = capsys.readouterr()
    assert out.out == f"reopened\t{doc}\t王五\n" and "version 1: submitted" in out.err
    review = scoring.get_review(db, doc, wang.id, rubric.id)
    assert not review.submitted and review.reopened_by == "组长"

    fill(header, row, ["3"], "第二稿")  # the paper correction
    import_scores(db, write_csv(tmp_path / "v2.csv", header, rows), "王五")
    first, second = list_versions(db, doc, wang.id, rubric.id)
    changes = {(d.what, d.field): (d.before, d.after) for d in version_changes(first, second)}
    crit = rubric.criteria[0].id
    assert changes == {(crit, "value"): (4.0, 3.0), ("overall_comment", "overall_comment"): ("第一稿", "第二稿")}
    assert version_changes(second, current_state(db, doc, wang.id, rubric.id)) == []

    assert main(["reopen", doc, "--reviewer", "王五", "--db", path]) == 0
    err = capsys.readouterr().err
    assert "version 2: submitted" in err and "'第一稿' → '第二稿'" in err and "value: 4 → 3" in err
    assert main(["reopen", doc, "--reviewer", "王五", "--db", path]) == 2  # not submitted now
    assert "is not submitted" in capsys.readouterr().err
    assert main(["reopen", "nope", "--reviewer", "王五", "--db", path]) == 2
    assert main(["reopen", doc, "--reviewer", "赵六", "--db", path]) == 2


def test_the_reviewers_who_resubmitted_with_their_versions(lead, tmp_path):  # noqa: F811
    from desktop.core.scoring.versions import resubmitted, version_changes

    db, rubric, docs = lead
    header, rows = exported_csv(db, tmp_path)
    row = {r[header.index("报告")]: r for r in rows}[docs["001"].title]
    fill(header, row, FULL, "第一稿")
    import_scores(db, write_csv(tmp_path / "v1.csv", header, rows), "王五")
    assert resubmitted(db, docs["001"].id, rubric.id) == []  # submitted once: nothing to compare
    wang = find_reviewer(db, "王五")
    scoring.reopen_review(db, docs["001"].id, wang.id, rubric, "组长")
    fill(header, row, ["3.5"], "第二稿")
    import_scores(db, write_csv(tmp_path / "v2.csv", header, rows), "王五")
    ((name, versions),) = resubmitted(db, docs["001"].id, rubric.id)
    assert name == "王五" and [v.version for v in versions] == [1, 2]
    changes = version_changes(*versions)
    assert [(d.what, d.field, d.before, d.after) for d in changes] == [
        (rubric.criteria[0].id, "value", 4, 3.5), ("overall_comment", "overall_comment", "第一稿", "第二稿")]
