"""Scoring in the real main window: dock, undo through Edit > Undo, corpus table columns, overview, rubric
loading and the export dialog running on a worker."""

from __future__ import annotations

import csv

import pytest

from desktop.core.scoring import scores as scoring
from desktop.core.storage.executor import open_reader
from desktop.gui import dialogs
from desktop.gui.scoring.overview_dialog import OverviewModel
from desktop.gui.window.main_window import MainWindow
from tests.core.scoring.scoring_data import add_annotation, build_scored_corpus, section_span

pytestmark = [
    pytest.mark.settings({"reviewer/name": "张三"}),
    pytest.mark.window(database="scored_corpus", features=("scoring",)),
]


def corpus_cell(w: MainWindow, doc_id: str, key: str) -> str:
    model = w.corpus_model
    return model.index(model.row_of(doc_id), model.column_index(key)).data()


def test_the_dock_scores_the_report_shown_and_the_corpus_table_follows(window, scored_corpus, qtbot):
    doc = scored_corpus.docs["002"]
    assert window.open_document(doc)
    panel = window.extensions["scoring"].panel
    assert panel.document_id == doc and window.extensions["scoring"].store.reviewer_id == scored_corpus.reviewers["张三"]
    panel.boxes["measures"].spin.setValue(5)
    qtbot.waitUntil(lambda: corpus_cell(window, doc, "total") == "20*", timeout=3000)
    assert corpus_cell(window, doc, "review") in ("In progress", "进行中")
    # Edit > Undo is the window's undo stack
    window.undo_action.trigger()
    assert panel.boxes["measures"].spin.text() == "—"
    qtbot.waitUntil(lambda: corpus_cell(window, doc, "total") in ("", None, "—"), timeout=3000)
    window.redo_action.trigger()
    assert panel.boxes["measures"].spin.value() == 5


def test_a_reviewer_is_asked_once_when_none_is_set(open_window, tmp_path, shown, monkeypatch):
    corpus = build_scored_corpus(tmp_path / "c.sqlite3")
    w = open_window(corpus.path, features=("scoring",), shown=False)
    settings, ctrl = w.settings, w.extensions["scoring"]
    asked = []
    monkeypatch.setattr(dialogs, "get_text", lambda *a: asked.append(a) or "王五")
    w.open_document(corpus.docs["004"])
    ctrl.panel.boxes["originality"].spin.setValue(2)
    ctrl.panel.boxes["next_plan"].spin.setValue(3)
    assert len(asked) == 1 and settings.value("reviewer/name") == "王五"
    assert w.reviewer_id == ctrl.store.reviewer_id
    assert ctrl.store.scores(corpus.docs["004"])["next_plan"].value == 3
    w.close()


def test_clicking_evidence_selects_the_passage_in_the_report(window, scored_corpus):
    doc = scored_corpus.docs["001"]
    window.open_document(doc)
    window.extensions["scoring"].panel.boxes["shortcomings"].evidence.linkActivated.emit(
        f"go:{scored_corpus.annotations['short']}")
    start, end = window.report_view.selection()
    reader = open_reader(scored_corpus.path)
    try:
        quote = reader.execute("SELECT quote FROM annotations WHERE id = ?",
                               [scored_corpus.annotations["short"]]).fetchone()[0]
        text = reader.execute("SELECT text FROM documents WHERE id = ?", [doc]).fetchone()[0]
    finally:
        reader.conn.close()
    assert text[start:end] == quote


def test_overview_dialog_and_its_model(window, scored_corpus, qtmodeltester, qtbot):
    dialog = window.extensions["scoring"].show_overview()
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 5
    assert "Submitted: 2" in dialog.counts.text() and "In progress: 1" in dialog.counts.text()
    assert dialog.progress.value() == 2 and dialog.progress.maximum() == 5
    dialog.filter.setCurrentIndex(dialog.filter.findData("done"))
    assert dialog.proxy.rowCount() == 2
    with qtbot.waitSignal(window.current_document_changed):
        dialog.table.doubleClicked.emit(dialog.proxy.index(0, 0))
    assert window.current_document_id() in (scored_corpus.docs["000"], scored_corpus.docs["001"])


def test_overview_model_alone(qtmodeltester):
    qtmodeltester.check(OverviewModel())


def test_loading_a_rubric_keeps_old_scores(window, scored_corpus, tmp_path, monkeypatch, shown):
    edited = scored_corpus.rubric.content.replace('version = "1.1"', 'version = "2.0"')
    path = tmp_path / "v2.toml"
    path.write_text(edited, encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda *a: str(path))
    doc = scored_corpus.docs["001"]
    window.open_document(doc)
    assert window.extensions["scoring"].load_rubric()
    assert window.extensions["scoring"].store.rubric.version == "2.0"
    assert shown[-1][0] == "info" and "kept" in shown[-1][1][2]
    assert window.extensions["scoring"].panel.boxes["measures"].spin.text() == "—"  # nothing scored under 2.0 yet
    assert window.extensions["scoring"].use_default_rubric()
    assert window.extensions["scoring"].panel.boxes["measures"].spin.value() == 4  # the 1.0 scores, unchanged
    bad = tmp_path / "bad.toml"
    bad.write_text(edited.replace("weights_total = 100", "weights_total = 90"), encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda *a: str(bad))
    assert not window.extensions["scoring"].load_rubric()
    assert shown[-1][0] == "warning" and "weights add up to 100" in shown[-1][1][2]


def test_export_dialog_runs_on_a_worker(window, qtbot, tmp_path):
    assert [a.text() for a in window.export_actions][:2] == ["Excel Review Sheet (.xlsx)…", "CSV Summary (.csv)…"]
    dialog = window.extensions["scoring"].show_export("csv")
    qtbot.addWidget(dialog)
    assert dialog.current_format() == "csv" and not dialog.per_report.isEnabled()
    assert dialog.reviewer.currentData() == "张三"
    out = tmp_path / "out.csv"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=10000) as done:
        task = dialog.start_export()
        assert task is not None and not dialog.export_button.isEnabled()
    assert done.args[0].rows == 3  # the reports 张三 started, not every report
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert {r[rows[0].index("评阅人")] for r in rows[1:]} == {"张三"}
    assert "Exported 3 row(s)" in dialog.status.text()


def test_export_dialog_reports_failure_and_per_report_folders(window, qtbot, tmp_path, shown, monkeypatch):
    dialog = window.extensions["scoring"].show_export("pdf")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "missing" / "x.pdf"))
    task = dialog.start_export()
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert shown[-1][0] == "error" and "does not exist" in shown[-1][1][2]
    dialog.per_report.setChecked(True)
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: str(tmp_path / "sheets"))
    dialog.choose_target()
    assert dialog.path.text() == str(tmp_path / "sheets")
    with qtbot.waitSignal(dialog.exported, timeout=20000) as done:
        dialog.start_export()
    assert len(done.args[0].paths) == 3 and all(p.suffix == ".pdf" for p in done.args[0].paths)


def test_export_can_be_cancelled(window, qtbot, tmp_path):
    dialog = window.extensions["scoring"].show_export("docx")
    qtbot.addWidget(dialog)
    out = tmp_path / "sheets.docx"
    dialog.path.setText(str(out))
    task = dialog.start_export()
    task.cancel()  # before the worker's first progress check
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert "cancelled" in dialog.status.text()


def test_evidence_for_a_new_annotation_links_from_the_menu(window, scored_corpus):
    doc = scored_corpus.docs["000"]
    rubric, zhang = window.extensions["scoring"].store.rubric, scored_corpus.reviewers["张三"]
    window.executor.call(scoring.reopen_review, doc, zhang, rubric, "张三")  # submitted reviews are read-only
    window.open_document(doc)
    start, _ = section_span(window.reader, doc, "shortcomings")
    annotation_id = window.executor.call(add_annotation, doc, scored_corpus.reviewers["张三"], start + 5, start + 30)
    panel = window.extensions["scoring"].panel
    panel.refresh()
    box = panel.boxes["shortcomings"]
    box.evidence_menu.aboutToShow.emit()
    box.evidence_menu.actions()[0].trigger()
    assert window.extensions["scoring"].store.scores(doc)["shortcomings"].evidence == (annotation_id,)
    window.undo_action.trigger()
    assert window.extensions["scoring"].store.scores(doc)["shortcomings"].evidence == ()


def test_export_scope_this_report_selected_submitted_and_opening_the_result(window, qtbot, tmp_path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(dialogs, "open_path", lambda path: opened.append(str(path)) or True)
    proxy = window.corpus_panel.proxy
    ids = [proxy.document_id(r) for r in range(proxy.rowCount())]

    def rows_of(scope: str, name: str) -> int:
        dialog = window.extensions["scoring"].show_export("csv")
        qtbot.addWidget(dialog)
        dialog.scope.setCurrentIndex(dialog.scope.findData(scope))
        dialog.path.setText(str(tmp_path / name))
        with qtbot.waitSignal(dialog.exported, timeout=10000) as done:
            dialog.start_export()
        qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)
        assert dialog.open_button.isVisible()
        dialog.open_button.click()
        assert opened[-1] == str(tmp_path / name)
        dialog.close()
        return done.args[0].rows

    per_report = []
    for i, doc_id in enumerate(ids):
        window.open_document(doc_id)
        per_report.append(rows_of("current", f"one{i}.csv"))
    assert max(per_report) <= 1 and sum(per_report) == rows_of("all", "all.csv") == 3
    window.corpus_panel.table.selectAll()
    assert rows_of("selected", "selected.csv") == 3
    submitted = rows_of("submitted", "submitted.csv")
    assert submitted < 3
    # The folder is remembered for the next export.
    dialog = window.extensions["scoring"].show_export("csv")
    qtbot.addWidget(dialog)
    assert dialog.path.text().startswith(str(tmp_path))
