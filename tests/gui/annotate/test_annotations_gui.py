"""Annotations on real widgets: annotate → edit → undo → redo → delete, the codebook editor, jumping from the
panel, orphans, retrieved segments, the aids panel, the side-by-side panes and the main window's menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.review.annotations import Content
from desktop.core.storage.documents import get_document, list_documents
from desktop.gui import dialogs
from desktop.gui.annotate import codebook_dialog
from desktop.gui.annotate import integration as annotations_integration
from desktop.gui.annotate.aids_panel import AidsPanel
from desktop.gui.annotate.codebook_dialog import CodebookDialog
from desktop.gui.annotate.editor import AnnotationEditor
from desktop.gui.annotate.integration import AnnotationsController
from desktop.gui.annotate.models import ORPHAN_ROLE, AnnotationFilter, AnnotationModel, TagModel
from desktop.gui.annotate.retrieved_segments import SegmentsModel
from tests.gui.keys import type_text

QUOTE = "法治理论学习的系统性和深度仍有提升空间"








def drive_editor(qtbot, keys: list[int], comment: str | None, answers: list):
    """An ask_annotation that drives the real editor with keys, then saves it with Ctrl+Enter."""

    def ask(parent, quote, tags, initial=None, criteria=(), *, editing=False):
        editor = AnnotationEditor(quote, tags, initial, criteria, parent, editing=editing)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        editor.tag_list.setFocus()
        for key in keys:
            qtbot.keyClick(editor.tag_list, key)
        if comment is not None:
            editor.comment.setFocus()
            editor.comment.selectAll()
            type_text(editor.comment, comment)
        with qtbot.waitSignal(editor.accepted, timeout=2000):
            qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        answers.append((quote, editor.content()))
        return editor.content()

    return ask


def test_annotate_edit_undo_redo_delete_on_real_widgets(qtbot, env, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "get_text", lambda *a: asked.append(a) or "王评审")
    env.open_document(env.docs["000"])
    start, end = env.select(QUOTE)
    answers: list = []
    # keys 1 and 2 tick the first two tags of the codebook (泛泛而谈, 缺少原因分析); 2 pressed twice unticks
    monkeypatch.setattr(annotations_integration, "ask_annotation",
                        drive_editor(qtbot, [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_2], "套话", answers))
    env.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is env.window)
    qtbot.keyClick(env.view.text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: env.ctrl.panel.model.rowCount() == 1)
    made = env.ctrl.panel.model.annotation(0)
    assert answers[0][0] == QUOTE and (made.start, made.end) == (start, end)
    assert set(made.tag_ids) == {env.tags["泛泛而谈"], env.tags["缺少原因分析"]}
    assert made.comment == "套话" and made.reviewer_name == "王评审" and len(asked) == 1
    assert env.row(made.id)[0] == "套话"                                   # in SQLite the moment it shows
    marks = env.view.text.marks("annotations")
    assert [(m[0], m[1], m[3]) for m in marks] == [(start, end, made.id)]

    # edit: click its mark, Ctrl+E, untick tag 2, new comment
    env.ctrl._on_mark_clicked(made.id)
    monkeypatch.setattr(annotations_integration, "ask_annotation",
                        drive_editor(qtbot, [Qt.Key.Key_2], "没有原因分析也没有数据", answers))
    qtbot.keyClick(env.view.text, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: env.row(made.id)[0] == "没有原因分析也没有数据")
    assert env.tags_of(made.id) == {env.tags["泛泛而谈"]}
    assert env.ctrl.panel.model.annotation(0).comment == "没有原因分析也没有数据"

    # undo the edit, then the creation; redo both; every step is saved
    assert env.stack.count() == 2
    env.stack.undo()
    assert env.row(made.id)[0] == "套话" and len(env.tags_of(made.id)) == 2
    env.stack.undo()
    assert env.row(made.id)[1] is not None and env.ctrl.panel.model.rowCount() == 0
    assert env.view.text.marks("annotations") == []
    env.stack.redo()
    assert env.row(made.id)[1] is None and env.ctrl.panel.model.rowCount() == 1
    env.stack.redo()
    assert env.row(made.id)[0] == "没有原因分析也没有数据"

    # delete from the panel with the Delete key; undo brings it back
    panel = env.ctrl.panel
    assert panel.select_annotation(made.id)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert env.row(made.id)[1] is not None and panel.model.rowCount() == 0
    assert env.stack.undoText().startswith("Delete annotation")
    env.stack.undo()
    assert env.row(made.id)[1] is None and panel.model.rowCount() == 1

    # a second annotation does not ask the name again
    env.select("相对滞后")
    monkeypatch.setattr(annotations_integration, "ask_annotation", lambda *a, **k: Content((), "", None))
    assert env.ctrl.annotate_selection() is not None
    assert len(asked) == 1 and env.settings.value("reviewer/name") == "王评审"


def test_cancelling_the_editor_or_the_name_annotates_nothing(env, monkeypatch):
    env.open_document(env.docs["000"])
    env.select(QUOTE)
    monkeypatch.setattr(dialogs, "get_text", lambda *a: None)
    monkeypatch.setattr(annotations_integration, "ask_annotation", lambda *a, **k: pytest.fail("editor shown"))
    assert env.ctrl.annotate_selection() is None
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "李")
    monkeypatch.setattr(annotations_integration, "ask_annotation", lambda *a, **k: None)
    assert env.ctrl.annotate_selection() is None
    assert env.ctrl.panel.model.rowCount() == 0 and env.stack.count() == 0
    messages = []
    env.ctrl.message.connect(messages.append)
    env.view.text.select_document_span(0, 0)
    assert env.ctrl.annotate_selection() is None and "Select a passage" in messages[-1]


def _annotate(env, monkeypatch, quote, tag_names, comment="", occurrence=0):
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "王评审")
    env.select(quote, occurrence)
    monkeypatch.setattr(annotations_integration, "ask_annotation",
                        lambda *a, **k: Content(tuple(env.tags[t] for t in tag_names), comment, None))
    return env.ctrl.annotate_selection()


def test_clicking_a_row_jumps_to_the_passage(qtbot, env, monkeypatch):
    env.open_document(env.docs["003"])
    text = env.view.current_document().text
    first = _annotate(env, monkeypatch, text[300:320], ["亮点"])
    last_quote = text[len(text) - 200:len(text) - 180]
    last = _annotate(env, monkeypatch, last_quote, ["安排空泛"])
    env.view.scroll_to_offset(0)
    env.view.text.select_document_span(0, 0)
    table = env.ctrl.panel.table
    row = env.ctrl.panel.proxy.mapFromSource(env.ctrl.panel.model.index(env.ctrl.panel.model.row_of(last.id), 0)).row()
    before = env.view.text.verticalScrollBar().value()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(env.ctrl.panel.proxy.index(row, 0)).center())
    assert env.view.selection() == (last.start, last.end)
    assert env.view.text.verticalScrollBar().value() > before
    # filters: by tag
    env.ctrl.panel.tag_filter.setCurrentIndex(env.ctrl.panel.tag_filter.findData(env.tags["亮点"]))
    assert env.ctrl.panel.proxy.rowCount() == 1
    assert env.ctrl.panel.proxy.index(0, 0).data() == " ".join(first.quote.split())
    assert env.ctrl.panel.count.text() == "1 of 2 annotation(s)"


def test_codebook_editing_with_explicit_consequences_and_undo(qtbot, env, monkeypatch):
    env.open_document(env.docs["000"])
    a1 = _annotate(env, monkeypatch, QUOTE, ["泛泛而谈"])
    a2 = _annotate(env, monkeypatch, "相对滞后", ["泛泛而谈", "缺少原因分析"])
    dialog = CodebookDialog(env.store, env.window)
    qtbot.addWidget(dialog)
    dialog.show()
    n = dialog.model.rowCount()
    answers = iter(["程序瑕疵", "procedural flaw"])
    monkeypatch.setattr(dialogs, "get_text", lambda *a: next(answers))
    tag = dialog.add()
    assert dialog.model.rowCount() == n + 1 and dialog.current_tag().name == "程序瑕疵"
    answers = iter(["程序问题", "procedural problem"])
    dialog.rename()
    assert dialog.current_tag().name == "程序问题"
    monkeypatch.setattr(codebook_dialog, "choose_color", lambda *a: "#123456")
    dialog.recolour()
    assert dialog.current_tag().color == "#123456"
    for _ in range(3):
        env.stack.undo()
    assert dialog.model.rowCount() == n and tag.id not in {t.id for t in dialog.model.tags()}
    env.stack.redo()
    assert dialog.model.row_of(tag.id) >= 0

    # merge 泛泛而谈 into 缺少原因分析: the question says what happens to the annotations
    asked = []
    monkeypatch.setattr(dialogs, "get_item", lambda *a: "缺少原因分析")
    monkeypatch.setattr(dialogs, "confirm", lambda *a: asked.append(a[2]) or True)
    dialog.select(env.tags["泛泛而谈"])
    assert dialog.merge()
    assert "2 annotation(s) tagged “泛泛而谈” will be tagged “缺少原因分析” instead" in asked[-1]
    assert env.tags_of(a1.id) == {env.tags["缺少原因分析"]} == env.tags_of(a2.id)
    assert env.ctrl.panel.model.tag_names(env.ctrl.panel.model.annotation(0)) == "缺少原因分析"
    env.stack.undo()
    assert env.tags_of(a1.id) == {env.tags["泛泛而谈"]}
    assert env.tags_of(a2.id) == {env.tags["泛泛而谈"], env.tags["缺少原因分析"]}

    # delete 泛泛而谈: one annotation is left with no tag, and the question says so
    dialog.select(env.tags["泛泛而谈"])
    assert dialog.delete()
    assert "It is on 2 annotation(s)" in asked[-1] and "1 of them will be left with no tag" in asked[-1]
    assert env.tags_of(a1.id) == set() and env.row(a1.id)[1] is None     # the annotation stays
    env.stack.undo()
    assert env.tags_of(a1.id) == {env.tags["泛泛而谈"]}
    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)
    assert not dialog.delete()
    assert env.tags_of(a1.id) == {env.tags["泛泛而谈"]}


def test_duplicate_tag_name_is_refused_with_a_message(env, monkeypatch, qtbot):
    shown = []
    monkeypatch.setattr(dialogs, "warning", lambda *a: shown.append(a[2]))
    dialog = CodebookDialog(env.store, env.window)
    qtbot.addWidget(dialog)
    answers = iter(["亮点", ""])
    monkeypatch.setattr(dialogs, "get_text", lambda *a: next(answers))
    assert dialog.add() is None
    assert "already has a tag named" in shown[0] and env.stack.count() == 0


def test_orphans_are_listed_and_can_be_placed(env, monkeypatch, tmp_path):
    from desktop.core.ingest import read_report
    from desktop.core.ingest.reimport import reimport_document

    env.open_document(env.docs["000"])
    gone = "二是数据领域法治化建设有所不足，在数据要素市场化配置、公共数据资源登记等数据领域"
    a = _annotate(env, monkeypatch, gone, ["泛泛而谈"])
    changed = tmp_path / "changed.txt"
    changed.write_text(env.view.current_document().text.replace(gone, "二是"), encoding="utf-8")
    env.executor.call(reimport_document, env.docs["000"], read_report(changed))
    env.open_document(env.docs["000"])
    panel = env.ctrl.panel
    assert panel.model.rowCount() == 1 and panel.model.index(0, 0).data(ORPHAN_ROLE)
    assert not panel.orphan_banner.isHidden() and "could not be found" in panel.orphan_banner.text()
    assert env.view.text.marks("annotations") == []
    panel.select_annotation(a.id)
    assert not panel.place_button.isHidden() and not panel.place_button.isEnabled()
    start, end = env.select("数据要素市场化配置")
    assert panel.place_button.isEnabled()
    panel.place_button.click()
    assert env.row(a.id)[3] == "anchored" and panel.orphan_banner.isHidden()
    assert [(m[0], m[1]) for m in env.view.text.marks("annotations")] == [(start, end)]
    env.stack.undo()
    assert env.row(a.id)[3] == "orphan"


def test_retrieved_segments_list_a_tag_across_reports_and_open_them(qtbot, env, monkeypatch):
    env.open_document(env.docs["002"])
    a2 = _annotate(env, monkeypatch, "有待进一步提高", ["泛泛而谈"], "套话")
    env.open_document(env.docs["000"])
    a0 = _annotate(env, monkeypatch, QUOTE, ["泛泛而谈"])
    dock = env.ctrl.segments
    dock.show()
    dock.choose_tag(env.tags["泛泛而谈"])
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    assert {dock.model.segment(r).annotation.id for r in range(2)} == {a0.id, a2.id}
    assert dock.count.text() == "2 passage(s) in 2 report(s)"
    row = next(r for r in range(2) if dock.model.segment(r).annotation.id == a2.id)
    with qtbot.waitSignal(dock.open_requested) as blocker:
        dock.table.doubleClicked.emit(dock.model.index(row, 3))
    assert blocker.args == [env.docs["002"], a2.start, a2.end]
    assert env.view.current_document().id == env.docs["002"]
    assert env.view.selection() == (a2.start, a2.end)


def test_aids_panel_shows_hints_and_marks_stock_phrases(qtbot, env):
    env.open_document(env.docs["002"])
    aids = env.ctrl.aids_panel
    html = aids.render_html()
    assert "3 item(s)" in html and "the heading promises causes" in html
    assert "3 shortcoming(s) with no matching plan item" in html and "Nothing in next year" in html
    marks = env.view.text.marks(annotations_integration.AIDS_LAYER)
    assert len(marks) == len(aids.aids.formulaic) > 0
    assert env.view.current_document().text[marks[0][0]:marks[0][1]] == "有待进一步提高"
    aids.mark_box.setChecked(False)
    assert env.view.text.marks(annotations_integration.AIDS_LAYER) == []
    with qtbot.waitSignal(aids.jump_requested) as blocker:
        aids.browser.anchorClicked.emit(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("jump:1308:1349"))
    assert blocker.args == [1308, 1349] and env.view.selection() == (1308, 1349)
    env.open_document(env.docs["000"])
    html = aids.render_html()
    assert "Earlier report (2022): it has no shortcomings part" in html and "every shortcoming has a matching" in html
    env.open_document(env.docs["004"])
    assert "has no shortcomings part" in aids.render_html()


def test_aids_panel_standalone_with_no_report(qtbot):
    panel = AidsPanel()
    qtbot.addWidget(panel)
    panel.set_report(None)
    assert "Open a report" in panel.render_html() and panel.marks() == []


def test_annotating_in_the_side_by_side_view(qtbot, env, monkeypatch):
    compare_view = pytest.importorskip("desktop.gui.reading.compare_view").CompareView
    compare = compare_view()
    qtbot.addWidget(compare)
    compare.show()
    ctrl = AnnotationsController(env.window, env.store, env.settings, env.view, compare)
    left, right = get_document(env.reader, env.docs["003"]), get_document(env.reader, env.docs["000"])
    compare.show_pair(left, right)
    env.open_document(env.docs["000"])
    start = right.text.index(QUOTE)
    compare.right.text.select_document_span(start, start + len(QUOTE))
    compare.right.text.setFocus()
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "王评审")
    monkeypatch.setattr(annotations_integration, "ask_annotation",
                        lambda *a, **k: Content((env.tags["泛泛而谈"],), "", None))
    made = ctrl.annotate_selection()
    assert made.document_id == env.docs["000"] and (made.start, made.end) == (start, start + len(QUOTE))
    assert [m[3] for m in compare.right.text.marks("annotations")] == [made.id]
    assert compare.left.text.marks("annotations") == []


def test_models_pass_the_model_tester(qtmodeltester, env, monkeypatch):
    env.open_document(env.docs["000"])
    _annotate(env, monkeypatch, QUOTE, ["泛泛而谈", "缺少原因分析"], "评")
    _annotate(env, monkeypatch, "相对滞后", [])
    model = AnnotationModel()
    model.set_data(env.store.annotations(env.docs["000"]), env.store.tags())
    qtmodeltester.check(model)
    proxy = AnnotationFilter()
    proxy.setSourceModel(model)
    proxy.set_filters(env.tags["泛泛而谈"], None, None)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1
    tags = TagModel(checkable=True, numbered=True)
    tags.set_tags(env.store.tags(), env.store.tag_usage())
    qtmodeltester.check(tags)
    segments = SegmentsModel()
    from desktop.core.review.annotations import list_by_tag

    segments.set_segments(list_by_tag(env.reader, env.tags["泛泛而谈"]))
    qtmodeltester.check(segments)
    assert segments.rowCount() == 1


def test_main_window_gets_the_annotations_menu_docks_and_shortcut(qtbot, seeded_db_path, tmp_path, monkeypatch):
    main_window = pytest.importorskip("desktop.gui.window.main_window").MainWindow
    settings = QSettings(str(tmp_path / "mw.ini"), QSettings.Format.IniFormat)
    window = main_window(settings)
    qtbot.addWidget(window)
    assert window.open_database(seeded_db_path)
    ctrl = annotations_integration.install_annotations(window)
    window.show()
    qtbot.waitExposed(window)
    assert ctrl.menu is not None and ctrl.menu.title() == "&Annotations"
    assert [a.text() for a in ctrl.menu.actions() if not a.isSeparator()][:2] == ["&Annotate Selection…",
                                                                                   "&Edit Annotation…"]
    assert ctrl.panel.toggleViewAction() in window.view_menu.actions()
    doc_id = next(d.id for d in list_documents(window.reader) if d.name.startswith("000"))
    window.open_document(doc_id)
    text = window.report_view.current_document().text
    start = text.index(QUOTE)
    window.report_view.text.select_document_span(start, start + len(QUOTE))
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "王评审")
    monkeypatch.setattr(annotations_integration, "ask_annotation",
                        lambda *a, **k: Content((ctrl.store.tags()[0].id,), "", None))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.report_view.text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ctrl.panel.model.rowCount() == 1)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert ctrl.panel.model.rowCount() == 0
    assert "Causes: none analysed" in ctrl.aids_panel.render_html()
