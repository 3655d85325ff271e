"""No stored value can make a package unmergeable: the writers refuse what merge's validation would refuse."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.package import make_package, return_package
from desktop.core.ingest.importer import import_paths
from desktop.core.panel.assignments import assign
from desktop.core.review.annotations import AnnotationError, create_annotation, update_annotation
from desktop.core.review.reviewers import ReviewerNameError, get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_summary, list_documents
from desktop.core.storage.limits import MAX_COMMENT_CHARS, MAX_KEY_CHARS, MAX_NAME_CHARS


@pytest.fixture
def one_report_lead(tmp_path, seeds_dir):
    db = open_database(tmp_path / "lead.sqlite3")
    import_paths(db, sorted(seeds_dir.glob("000_*.txt")))
    yield db
    db.conn.close()


def test_correct_refuses_a_title_longer_than_merge_accepts_and_the_package_still_merges(one_report_lead, tmp_path, capsys):
    doc = list_documents(one_report_lead)[0].id
    zhang = get_or_create_reviewer(one_report_lead, "张三")
    assign(one_report_lead, [doc], [zhang.id], by="组长")
    path = make_package(one_report_lead, "张三", tmp_path / "zhang.sqlite3").path
    long_title = "某" * (MAX_NAME_CHARS + 500)
    assert main(["correct", doc, "--db", str(path), "--reviewer", "张三", "--field", f"title={long_title}"]) == 2
    err = capsys.readouterr().err
    assert f"{MAX_NAME_CHARS + 500:,} characters long; at most {MAX_NAME_CHARS:,}" in err
    fits = "某" * MAX_NAME_CHARS
    assert main(["correct", doc, "--db", str(path), "--reviewer", "张三", "--field", f"title={fits}"]) == 0
    capsys.readouterr()
    pkg = open_database(path)
    try:
        return_package(pkg, tmp_path / "back.sqlite3")
    finally:
        pkg.conn.close()
    merge_database(one_report_lead, tmp_path / "back.sqlite3")
    assert get_summary(one_report_lead, doc).title == fits


def test_comments_notes_and_names_are_refused_beyond_the_merge_limits(one_report_lead):
    doc = list_documents(one_report_lead)[0].id
    rubric = active_rubric(one_report_lead)
    zhang = get_or_create_reviewer(one_report_lead, "张三")
    big = "评" * (MAX_COMMENT_CHARS + 1)
    with pytest.raises(AnnotationError, match="at most 100,000"):
        create_annotation(one_report_lead, doc, 0, 10, reviewer_id=zhang.id, comment=big)
    ann = create_annotation(one_report_lead, doc, 0, 10, reviewer_id=zhang.id, comment="短")
    with pytest.raises(AnnotationError, match="at most 100,000"):
        update_annotation(one_report_lead, ann.id, comment=big)
    crit = rubric.criteria[0]
    entry = scoring.ScoreEntry(crit.id, value=crit.max_points, note=big)
    with pytest.raises(scoring.ScoreError, match="the note on"):
        scoring.put_score(one_report_lead, doc, zhang.id, rubric, entry)
    with pytest.raises(scoring.ScoreError, match="the overall comment"):
        scoring.set_overall_comment(one_report_lead, doc, zhang.id, rubric, big)
    with pytest.raises(ReviewerNameError, match=f"at most {MAX_KEY_CHARS}"):
        get_or_create_reviewer(one_report_lead, "王" * (MAX_KEY_CHARS + 1))
    assert scoring.get_review(one_report_lead, doc, zhang.id, rubric.id).overall_comment == ""
