"""Assign to Reviewers… on the corpus table, File › Import Scores… on a worker, a package opened as its reviewer."""

from __future__ import annotations

import csv

import pytest

from desktop.core.exchange.package import make_package
from desktop.core.export import export
from desktop.core.panel.assignments import assign, list_assignments
from desktop.core.review.reviewers import find_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.storage import open_database
from desktop.gui import dialogs
from tests.core.scoring.scoring_data import build_scored_corpus

pytestmark = [
    pytest.mark.settings({"reviewer/name": "组长"}),
    pytest.mark.window(database="scored_corpus", features=("scoring", "panel"), shown=False),
]


def test_assign_selected_reports_balanced_and_undo(window, scored_corpus, monkeypatch, shown):
    actions = window.extensions["panel"].actions
    assert actions.assign_action in window.corpus_panel.table.actions()
    assert actions.import_action in window.file_menu.actions()
    docs = [scored_corpus.docs[k] for k in ("000", "001", "002")]
    monkeypatch.setattr(window, "selected_document_ids", lambda: docs)
    asked = []

    def choose(parent, title, text, names):
        asked.append((text, list(names)))
        return ["张三", "李四", "王五"], 2

    monkeypatch.setattr(dialogs, "choose_reviewers", choose)
    added = actions.assign_selected()
    assert asked == [("Assign 3 selected report(s) to:", ["张三", "李四"])]
    assert len(added) == 6 and all(a.assigned_by == "组长" for a in added)
    reader = window.reader
    assert find_reviewer(reader, "王五") is not None  # created
    per_doc = {d: [a.reviewer_id for a in list_assignments(reader, document_id=d)] for d in docs}
    assert all(len(v) == 2 for v in per_doc.values())
    window.undo_action.trigger()
    assert list_assignments(reader) == []
    window.redo_action.trigger()
    assert len(list_assignments(reader)) == 6
    monkeypatch.setattr(window, "selected_document_ids", lambda: [])
    assert actions.assign_selected() is None and shown[-1][1][2] == "Select the reports to assign first."


def test_import_scores_on_a_worker_lists_problems_or_imports(window, scored_corpus, qtbot, tmp_path, shown):
    actions = window.extensions["panel"].actions
    sheet = tmp_path / "sheet.csv"
    export(window.reader, "csv", sheet)
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    first = header.index("必备内容齐全（4分）")
    body = [r for r in rows[1:] if r[header.index("评阅人")] in ("", "张三")]
    for r in body:
        r[header.index("评阅人")] = ""
        r[first:first + 8] = ["4", "2", "3", "4", "3", "4", "3", "9"]  # originality 9: out of range
    bad = tmp_path / "bad.csv"
    with open(bad, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([header, *body])
    task = actions.import_scores(str(bad), "专家甲")
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    kind, args = shown[-1]
    assert kind == "show_table" and args[1] == "Scores not imported"
    assert all("out of range" in row[1] for row in args[4]) and len(args[4]) == len(body)
    assert find_reviewer(window.reader, "专家甲") is None
    for r in body:
        r[first + 7] = "3"
    good = tmp_path / "good.csv"
    with open(good, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([header, *body])
    task = actions.import_scores(str(good), "专家甲")
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    kind, args = shown[-1]
    assert kind == "info" and args[1] == "Scores imported" and f"for {len(body)} report(s)" in args[2]
    expert = find_reviewer(window.reader, "专家甲")
    review = scoring.get_review(window.reader, scored_corpus.docs["002"], expert.id, window.extensions["scoring"].store.rubric.id)
    assert review.submitted


def test_a_package_is_scored_as_the_reviewer_it_was_made_for(open_window, tmp_path, shown):
    corpus = build_scored_corpus(tmp_path / "lead.sqlite3")
    db = open_database(corpus.path)
    assign(db, [corpus.docs["002"]], [corpus.reviewers["李四"]])
    path = make_package(db, "李四", tmp_path / "li.sqlite3").path
    db.conn.close()
    # this machine's user name is not the package's reviewer
    w = open_window(path, features=("scoring", "panel"), shown=False, reviewer="张三")
    assert w.open_document(corpus.docs["002"])
    ctrl = w.extensions["scoring"]
    ctrl.panel.boxes["measures"].spin.setValue(3)
    assert ctrl.store.reviewer_id == corpus.reviewers["李四"]
    assert scoring.get_scores(w.reader, corpus.docs["002"], corpus.reviewers["李四"],
                              ctrl.store.rubric.id)["measures"].value == 3


def test_assigning_a_look_alike_name_is_refused_with_a_message(window, scored_corpus, monkeypatch, shown):
    from desktop.core.panel.assignments import list_assignments
    from desktop.core.review.reviewers import list_reviewers

    actions = window.extensions["panel"].actions
    docs = [scored_corpus.docs["000"]]
    monkeypatch.setattr(window, "selected_document_ids", lambda: docs)
    monkeypatch.setattr(dialogs, "choose_reviewers", lambda *args: (["张 三"], None))  # 张三 exists
    before = len(list_assignments(window.reader))
    assert actions.assign_selected() is None
    kind, args = shown[-1]
    assert kind == "warning" and "looks like the existing reviewer '张三'" in args[2]
    assert len(list_assignments(window.reader)) == before
    assert "张 三" not in [r.name for r in list_reviewers(window.reader)]
    assert not window.undo_stack.canUndo()
