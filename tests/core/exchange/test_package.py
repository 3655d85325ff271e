"""Reviewer packages: just the reviewer's reports, scored offline, merged back; another project's package refused."""

from __future__ import annotations

import pytest

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.package import PackageError, make_package, package_info
from desktop.core.ingest.importer import import_paths
from desktop.core.panel import adjudication as adj
from desktop.core.panel.assignments import assign, list_assignments
from desktop.core.panel.summary import report_panel
from desktop.core.review.annotations import create_annotation, list_annotations
from desktop.core.review.codebook import ensure_default_codebook, list_tags
from desktop.core.review.reviewers import get_or_create_reviewer, list_reviewers
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from desktop.core.storage.search import search
from desktop.core.storage.settings import project_id


@pytest.fixture
def panel_lead(tmp_path, seeds_dir):
    db = open_database(tmp_path / "lead.sqlite3")
    import_paths(db, [seeds_dir])
    ensure_default_codebook(db)
    rubric = active_rubric(db)
    docs = {d.name[:3]: d.id for d in list_documents(db)}
    zhang = get_or_create_reviewer(db, "张三")
    li = get_or_create_reviewer(db, "李四")
    assign(db, [docs["000"], docs["001"]], [zhang.id, li.id], by="组长")
    scoring.set_score(db, docs["001"], li.id, rubric, "measures", 2)  # 李四's work must not travel to 张三
    create_annotation(db, docs["001"], 0, 10, reviewer_id=li.id, comment="李四的批注")
    adj.set_final_comment(db, docs["001"], rubric, "组长意见", "组长")
    yield db, rubric, docs, zhang, li
    db.conn.close()


def test_package_holds_just_the_reviewers_reports_rubric_codebook_and_project(panel_lead, tmp_path):
    db, rubric, docs, zhang, _ = panel_lead
    result = make_package(db, "张三", tmp_path / "zhang.sqlite3")
    assert result.reports == 2 and result.reviewer == "张三" and result.project_id == project_id(db)
    pkg = open_database(result.path)
    try:
        assert {d.id for d in list_documents(pkg)} == {docs["000"], docs["001"]}
        assert [r.name for r in list_reviewers(pkg)] == ["张三"]
        assert pkg.execute("SELECT count(*) FROM scores").fetchone()[0] == 0
        assert list_annotations(pkg, docs["001"]) == []
        assert pkg.execute("SELECT count(*) FROM adjudications").fetchone()[0] == 0
        assert {a.reviewer_id for a in list_assignments(pkg)} == {zhang.id}
        assert active_rubric(pkg).id == rubric.id and len(list_tags(pkg)) == len(list_tags(db))
        assert package_info(pkg) == ("张三", project_id(db))
        total, results = search(pkg, "法治政府")
        assert total == 2 and {r.document_id for r in results} == {docs["000"], docs["001"]}
    finally:
        pkg.conn.close()
    assert package_info(db) is None


def test_scores_made_in_a_package_merge_back(panel_lead, tmp_path):
    db, rubric, docs, zhang, li = panel_lead
    path = make_package(db, "张三", tmp_path / "zhang.sqlite3").path
    pkg = open_database(path)
    try:
        reviewer = get_or_create_reviewer(pkg, "张三")
        assert reviewer.id == zhang.id
        for c in rubric.criteria:
            scoring.set_score(pkg, docs["001"], zhang.id, rubric, c.id, c.max_points)
        scoring.submit_review(pkg, docs["001"], zhang.id, rubric)
        scoring.set_score(pkg, docs["000"], zhang.id, rubric, "measures", 3)  # left unfinished
    finally:
        pkg.conn.close()
    report = merge_database(db, path)
    assert report.counts("scores").added == 9
    panel = report_panel(db, docs["001"])
    zhang_col = next(r for r in panel.reviews if r.reviewer == "张三")
    assert zhang_col.complete and zhang_col.total == 100
    li_col = next(r for r in panel.reviews if r.reviewer == "李四")
    assert not li_col.complete and li_col.label == "未完成（已评 1/8）"
    assert scoring.get_scores(db, docs["001"], li.id, rubric.id)["measures"].value == 2  # kept
    assert adj.get_adjudication(db, docs["001"], rubric.id).comment == "组长意见"


def test_merge_refuses_a_package_of_another_project(panel_lead, tmp_path, seeds_dir):
    db, *_ = panel_lead
    other = open_database(tmp_path / "other.sqlite3")
    import_paths(other, [seeds_dir])
    rid = get_or_create_reviewer(other, "张三").id
    assign(other, [d.id for d in list_documents(other)], [rid])
    foreign = make_package(other, "张三", tmp_path / "foreign.sqlite3").path
    other.conn.close()
    with pytest.raises(ReviewDeskError, match="package for 张三 from another project"):
        merge_database(db, foreign)
    # a colleague's own database (not a package) merges when trusted, but its 张三 is another person than ours
    with pytest.raises(ReviewDeskError, match="(?s)matched by id.*'张三' \\(id"):
        merge_database(db, tmp_path / "other.sqlite3", trust=True)


def test_package_refuses_unknown_reviewer_nothing_assigned_and_existing_file(panel_lead, tmp_path):
    db, *_ = panel_lead
    with pytest.raises(PackageError, match="no reviewer named '王五'.*张三, 李四"):
        make_package(db, "王五", tmp_path / "w.sqlite3")
    get_or_create_reviewer(db, "王五")
    with pytest.raises(PackageError, match="no reports are assigned to 王五"):
        make_package(db, "王五", tmp_path / "w.sqlite3")
    (tmp_path / "exists.sqlite3").write_bytes(b"")
    with pytest.raises(PackageError, match="already exists"):
        make_package(db, "张三", tmp_path / "exists.sqlite3")
    with pytest.raises(PackageError, match="not a folder"):
        make_package(db, "张三", tmp_path / "nowhere" / "p.sqlite3")


def test_a_colleagues_assignments_and_adjudications_merge_newer_wins(panel_lead, tmp_path, monkeypatch):
    import shutil

    db, rubric, docs, zhang, li = panel_lead
    # the colleague's edit is later (both in the past: a time stamp from the future is set to the merge's time)
    db.execute("UPDATE adjudications SET updated_at = '2020-01-01T00:00:00+00:00'")
    monkeypatch.setattr(adj, "now_iso", lambda: "2021-01-01T00:00:00+00:00")

    db.execute("PRAGMA wal_checkpoint(FULL)")
    copy = tmp_path / "colead.sqlite3"
    shutil.copy(tmp_path / "lead.sqlite3", copy)
    other = open_database(copy)
    try:
        wang = get_or_create_reviewer(other, "王五")
        assign(other, [docs["002"]], [wang.id], by="副组长")
        adj.set_final_score(other, docs["001"], rubric, "measures", 4, "副组长")
        adj.set_grade(other, docs["001"], rubric, "良好", "副组长")
    finally:
        other.conn.close()
    report = merge_database(db, copy, trust=True)
    assert report.counts("assignments").added == 1 and report.counts("adjudication_scores").added == 1
    assert report.counts("adjudications").updated == 1
    assert adj.get_adjudication(db, docs["001"], rubric.id).grade == "良好"
    assert adj.get_final_scores(db, docs["001"], rubric.id)["measures"].value == 4
    assert len(list_assignments(db)) == 5
