"""The panel view and dashboard in the real main window: models checked by qtmodeltester, disagreements sorted
and filtered, final scores, comment and grade decided and undone through the window's undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.panel.adjudication import get_adjudication, get_final_scores
from desktop.core.panel.summary import panel_summary
from desktop.core.scoring.rubric import active_rubric_readonly
from desktop.gui import dialogs
from desktop.gui.panel.models import CriteriaModel, ReportsModel, SortRole

pytestmark = [
    pytest.mark.settings({"reviewer/name": "组长"}),
    pytest.mark.window(database="demo_panel", features=("panel",)),
]


def test_models_pass_qtmodeltester(window, qtmodeltester):
    summary = panel_summary(window.reader)
    reports = ReportsModel()
    reports.set_summary(summary)
    qtmodeltester.check(reports)
    criteria = CriteriaModel(lambda *a: None)
    criteria.set_report(summary.reports[0])
    qtmodeltester.check(criteria)
    assert criteria.rowCount() == len(summary.rubric.criteria)


def test_reports_sorted_by_disagreement_and_filtered(window, qtbot):
    view = window.extensions["panel"].show_view()
    qtbot.addWidget(view)
    proxy = view.proxy
    scores = [proxy.index(r, 0).data(SortRole) for r in range(proxy.rowCount())]
    column = len(view.reports.reviewers) + 4
    keys = [proxy.index(r, column).data(SortRole) for r in range(proxy.rowCount())]
    assert keys == sorted(keys, reverse=True) and keys[0] > 1  # HotCRP: the most disagreeing first
    assert len(scores) == 5
    flagged = proxy.index(0, column)
    assert flagged.data().startswith("◆") and flagged.data(Qt.ItemDataRole.BackgroundRole) is not None
    view.only_disagreements.setChecked(True)
    assert proxy.rowCount() == sum(1 for r in view.reports.summary.reports if r.disagreements or r.total_disagreement)
    view.only_disagreements.setChecked(False)
    # an unfinished review says how far it got and is out of the mean
    last = next(r for r in view.reports.summary.reports if any(not x.complete for x in r.reviews))
    source_row = view.reports.row_of(last.document.id)
    li = view.reports.reviewers.index("李四") + 1
    assert view.reports.index(source_row, li).data() == "未完成（已评 7/8）"
    assert last.mean_total == next(x.total for x in last.reviews if x.reviewer == "张三")


def test_adjudicate_a_final_score_then_undo_and_redo(window, qtbot):
    view = window.extensions["panel"].show_view()
    qtbot.addWidget(view)
    report = view.criteria.report
    flagged = next(c for c in report.criteria if c.disagreement)
    row = [c.criterion.id for c in report.criteria].index(flagged.criterion.id)
    index = view.criteria.index(row, view.criteria.final_column)
    assert index.flags() & Qt.ItemFlag.ItemIsEditable
    assert float(index.data()) == flagged.default_final  # the default: the mean rounded to the step
    decided = flagged.criterion.max_points
    assert view.criteria.setData(index, decided)
    qtbot.waitUntil(lambda: view.criteria.report.criterion(flagged.criterion.id).adjudicated, timeout=5000)
    doc = report.document.id
    rubric = active_rubric_readonly(window.reader)
    stored = get_final_scores(window.reader, doc, rubric.id)[flagged.criterion.id]
    assert stored.value == decided and stored.decided_by == "组长"
    final_before = report.final_total
    assert view.criteria.report.final_total != final_before
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not view.criteria.report.criterion(flagged.criterion.id).adjudicated, timeout=5000)
    assert flagged.criterion.id not in get_final_scores(window.reader, doc, rubric.id)
    assert view.criteria.report.final_total == final_before
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: view.criteria.report.criterion(flagged.criterion.id).adjudicated, timeout=5000)


def test_comment_and_grade_are_recorded_and_undoable(window, qtbot):
    view = window.extensions["panel"].show_view()
    qtbot.addWidget(view)
    doc = view.document_id
    rubric = active_rubric_readonly(window.reader)
    view.comment.setPlainText("结构完整，不足部分原因分析偏弱。")
    view.save_comment()
    assert get_adjudication(window.reader, doc, rubric.id).comment == "结构完整，不足部分原因分析偏弱。"
    chosen = rubric.grades[0].label
    view.choose_grade(chosen)
    qtbot.waitUntil(lambda: view.criteria.report is not None and view.criteria.report.grade == chosen, timeout=5000)
    assert get_adjudication(window.reader, doc, rubric.id).grade == chosen
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: get_adjudication(window.reader, doc, rubric.id).grade is None, timeout=5000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: get_adjudication(window.reader, doc, rubric.id) is None, timeout=5000)


def test_out_of_range_final_score_is_refused_with_a_message(window, qtbot, shown):
    view = window.extensions["panel"].show_view()
    qtbot.addWidget(view)
    index = view.criteria.index(0, view.criteria.final_column)
    depth = window.undo_stack.count()
    view.criteria.setData(index, 99)
    assert shown[-1][0] == "warning" and window.undo_stack.count() == depth


def test_dashboard_shows_and_saves_charts(window, qtbot, tmp_path, monkeypatch):
    dashboard = window.extensions["panel"].show_dashboard()
    qtbot.addWidget(dashboard)
    assert all(not label.pixmap().isNull() for label in dashboard.labels.values())
    assert dashboard.dashboard is not None and len(dashboard.dashboard.progress) == 3
    target = tmp_path / "agreement"
    dashboard.tabs.setCurrentIndex(3)
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(target))
    path = dashboard.save_current()
    assert path == tmp_path / "agreement.png" and path.read_bytes()[:4] == b"\x89PNG"
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: str(tmp_path / "all"))
    (tmp_path / "all").mkdir()
    assert len(dashboard.save_all()) == 5


def test_every_panel_string_is_translated():
    import re
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    used = set()
    for path in (root / "desktop" / "gui" / "panel").glob("*.py"):
        if 'translate("Panel"' not in path.read_text():
            continue  # actions.py keeps the "Scoring" context its strings were translated in
        used |= {m.group(2) for m in re.finditer(r"""translate\(["']Panel["'], (["'])((?:(?!\1).)*)\1\)""",
                                                 path.read_text())}
    catalog = ET.parse(root / "resources" / "i18n" / "reviewdesk_zh_CN.ts").getroot()
    panel = next(c for c in catalog.iter("context") if c.findtext("name") == "Panel")
    translated = {m.findtext("source"): (m.findtext("translation") or "").strip() for m in panel.iter("message")}
    assert used and all(translated.get(s) for s in used), sorted(s for s in used if not translated.get(s))


def test_the_leads_name_is_asked_once_and_recorded_with_every_decision(window, qtbot, monkeypatch, shown):
    """No name saved on this computer: the first decision asks (cancel: nothing recorded), later ones do not."""
    window.settings.remove("reviewer/name")
    asked: list[str] = []
    answers = iter([None, "组长甲"])

    def answer(*_args, **_kwargs):
        asked.append("name")
        return next(answers)

    monkeypatch.setattr(dialogs, "get_text", answer)
    view = window.extensions["panel"].show_view()
    qtbot.addWidget(view)
    window.extensions["panel"].store.reviewer_name = ""
    report = view.criteria.report
    rubric = active_rubric_readonly(window.reader)
    first = report.criteria[0].criterion
    depth = window.undo_stack.count()
    view.decide(first.id, first.max_points)  # cancelled: refused with a message, nothing on the undo stack
    assert asked == ["name"] and shown[-1][0] == "warning" and window.undo_stack.count() == depth
    assert first.id not in get_final_scores(window.reader, report.document.id, rubric.id)
    view.decide(first.id, first.max_points)
    qtbot.waitUntil(lambda: view.criteria.report.criterion(first.id).adjudicated, timeout=5000)
    view.settle()
    qtbot.waitUntil(lambda: view.criteria.report.settled_by == "组长甲", timeout=5000)
    assert asked == ["name", "name"] and window.settings.value("reviewer/name") == "组长甲"
    assert get_final_scores(window.reader, report.document.id, rubric.id)[first.id].decided_by == "组长甲"
