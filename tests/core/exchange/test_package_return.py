"""Packages that cannot be sent half-empty: the WAL, the return copy, a killed package, an untouched package."""

from __future__ import annotations

import shutil

import pytest

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange import package as package_module
from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.package import PackageError, make_package, return_package
from desktop.core.ingest.importer import import_paths
from desktop.core.panel.assignments import assign
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents


@pytest.fixture
def zhang_lead(tmp_path, seeds_dir):
    db = open_database(tmp_path / "lead.sqlite3")
    import_paths(db, sorted(seeds_dir.glob("00[01]_*.txt")))
    zhang = get_or_create_reviewer(db, "张三")
    assign(db, [d.id for d in list_documents(db)], [zhang.id], by="组长")
    yield db, zhang
    db.conn.close()


def _score_all(pkg, reviewer_id):
    rubric = active_rubric(pkg)
    for doc in list_documents(pkg):
        for c in rubric.criteria:
            scoring.set_score(pkg, doc.id, reviewer_id, rubric, c.id, c.max_points)
    return rubric


def test_a_package_copied_while_open_is_refused_the_returned_copy_merges(zhang_lead, tmp_path):
    db, zhang = zhang_lead
    pkg_path = make_package(db, "张三", tmp_path / "zhang.sqlite3").path
    pkg = open_database(pkg_path)  # the reviewer's app: WAL, still open
    try:
        pkg.execute("PRAGMA wal_autocheckpoint = 0")  # the work stays in the -wal, as between idle checkpoints
        _score_all(pkg, zhang.id)
        assert (tmp_path / "zhang.sqlite3-wal").stat().st_size > 0
        # the reviewer mails the .sqlite3 alone
        mailed = tmp_path / "mail" / "zhang.sqlite3"
        mailed.parent.mkdir()
        shutil.copy(pkg_path, mailed)
        with pytest.raises(ReviewDeskError, match="holds none of 张三's work"):
            merge_database(db, mailed)
        # … or together with the -wal
        shutil.copy(tmp_path / "zhang.sqlite3-wal", tmp_path / "mail" / "zhang.sqlite3-wal")
        with pytest.raises(ReviewDeskError, match="zhang.sqlite3-wal .* lies beside it"):
            merge_database(db, mailed)
        back = return_package(pkg, tmp_path / "back.sqlite3")
        assert back.scores == 2 * len(active_rubric(pkg).criteria) and back.reviewer == "张三"
    finally:
        pkg.conn.close()
    assert not (tmp_path / "back.sqlite3-wal").exists()
    report = merge_database(db, tmp_path / "back.sqlite3")
    assert report.counts("scores").added == back.scores
    assert db.execute("SELECT count(*) FROM scores WHERE reviewer_id = ?", [zhang.id]).fetchone()[0] == back.scores


def test_return_refuses_a_database_that_is_not_a_package_and_existing_files(zhang_lead, tmp_path):
    db, zhang = zhang_lead
    with pytest.raises(PackageError, match="not a reviewer package"):
        return_package(db, tmp_path / "x.sqlite3")
    pkg = open_database(make_package(db, "张三", tmp_path / "zhang.sqlite3").path)
    try:
        (tmp_path / "taken.sqlite3").write_bytes(b"mine")
        with pytest.raises(PackageError, match="already exists"):
            return_package(pkg, tmp_path / "taken.sqlite3")
        assert (tmp_path / "taken.sqlite3").read_bytes() == b"mine"
        with pytest.raises(PackageError, match="this database itself|already exists"):
            return_package(pkg, tmp_path / "zhang.sqlite3")
    finally:
        pkg.conn.close()


def test_a_killed_package_leaves_nothing_under_the_packages_name(zhang_lead, tmp_path, monkeypatch):
    db, _ = zhang_lead

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the process stopped while the copy was still the lead's whole database

    monkeypatch.setattr(package_module, "_trim", killed)
    with pytest.raises(KeyboardInterrupt):
        make_package(db, "张三", tmp_path / "zhang.sqlite3")
    assert list(tmp_path.glob("zhang.sqlite3*")) == []
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]


def test_the_package_is_never_under_its_name_before_it_is_trimmed(zhang_lead, tmp_path, monkeypatch):
    db, _ = zhang_lead
    seen = []
    real_trim = package_module._trim

    def watching(pkg, reviewer_id, keep):
        seen.append((tmp_path / "zhang.sqlite3").exists())
        real_trim(pkg, reviewer_id, keep)

    monkeypatch.setattr(package_module, "_trim", watching)
    make_package(db, "张三", tmp_path / "zhang.sqlite3")
    assert seen == [False]
    assert (tmp_path / "zhang.sqlite3").is_file()
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]
