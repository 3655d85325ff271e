"""A package open in the app: the -wal emptied when idle and on close, File › Return Package… writes it whole."""

from __future__ import annotations

import shutil

import pytest

from desktop.core.changes import Changes
from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.package import make_package
from desktop.core.ingest.importer import import_paths
from desktop.core.panel.assignments import assign
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents


@pytest.fixture
def package(tmp_path, seeds_dir):
    lead = open_database(tmp_path / "lead.sqlite3")
    import_paths(lead, sorted(seeds_dir.glob("00[01]_*.txt")))
    zhang = get_or_create_reviewer(lead, "张三")
    assign(lead, [d.id for d in list_documents(lead)], [zhang.id], by="组长")
    path = make_package(lead, "张三", tmp_path / "zhang.sqlite3").path
    lead.conn.close()
    return path, zhang.id


def _window(open_window, path, idle_ms=50):
    """张三's window on ``path`` with the exchange feature alone (not shown); its idle checkpoint after ``idle_ms``."""
    w = open_window(path, features=("exchange",), reviewer="张三", shown=False)
    parts = w.extensions["exchange"]
    parts["idle_checkpoint"].timer.setInterval(idle_ms)
    return w, parts


def _score(window, reviewer_id):
    def work(db):
        rubric = active_rubric(db)
        doc = list_documents(db)[0].id
        scoring.set_score(db, doc, reviewer_id, rubric, rubric.criteria[0].id, 1)
        return doc

    doc = window.executor.call(work)
    window.changes.announce(Changes.of("scores", document_ids=[doc]))


def _wal(path):
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_the_wal_is_emptied_when_idle_so_a_plain_copy_is_whole(qtbot, tmp_path, open_window, package, shown):
    path, reviewer_id = package
    window, parts = _window(open_window, path)
    window.executor.call(lambda db: db.execute("PRAGMA wal_autocheckpoint = 0"))
    _score(window, reviewer_id)
    assert _wal(path) > 0
    qtbot.waitUntil(lambda: parts["idle_checkpoint"].last is True, timeout=10_000)
    assert _wal(path) == 0
    copy = tmp_path / "mail" / "zhang.sqlite3"
    copy.parent.mkdir()
    shutil.copy(path, copy)  # the .sqlite3 alone, the app still open
    lead = open_database(tmp_path / "lead.sqlite3")
    try:
        assert merge_database(lead, copy).counts("scores").added == 1
    finally:
        lead.conn.close()
    window.close()


def test_closing_leaves_no_wal_and_return_package_writes_one_file(qtbot, tmp_path, open_window, package, shown, monkeypatch):
    path, reviewer_id = package
    window, parts = _window(open_window, path, idle_ms=600_000)
    ret = parts["package_return"]
    assert ret.action.isVisible() and ret.action in window.file_menu.actions()
    window.executor.call(lambda db: db.execute("PRAGMA wal_autocheckpoint = 0"))
    _score(window, reviewer_id)
    assert _wal(path) > 0
    result = ret.return_package(str(tmp_path / "back.sqlite3"))
    assert result is not None and result.scores == 1
    assert shown and shown[-1][0] == "info" and "back.sqlite3" in shown[-1][1][2]
    assert not (tmp_path / "back.sqlite3-wal").exists()
    window.close()
    assert _wal(path) == 0
    lead = open_database(tmp_path / "lead.sqlite3")
    try:
        assert merge_database(lead, tmp_path / "back.sqlite3").counts("scores").added == 1
    finally:
        lead.conn.close()


def test_return_package_is_hidden_for_a_database_that_is_not_a_package(qtbot, tmp_path, open_window, shown):
    window, parts = _window(open_window, tmp_path / "lead-own.sqlite3")
    assert not parts["package_return"].action.isVisible()
    window.close()
