"""Correcting parts and metadata on real widgets: mark a passage, relabel, not a heading, new part, edit and reset
metadata, each undone and redone; the side-by-side panes; what every view shows afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QSplitter

from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document, get_summary, list_documents
from desktop.core.storage.executor import DatabaseExecutor, open_reader
from desktop.gui import dialogs
from desktop.gui.changes import ChangeBus
from desktop.gui.corrections.controller import CorrectionsController
from desktop.gui.corrections.store import CorrectionStore
from desktop.gui.reading.compare_view import CompareView
from desktop.gui.reading.report_view import ReportView
from desktop.gui.reviewer_name import SETTINGS_KEY
from tests.core.builders import SAMPLE, write_txt
from tests.gui.keys import type_text

NO_DUTY = SAMPLE.replace("三、党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责人带头学法，主持召开专题会议3次。\n",
                         "").replace("四、2025年工作安排", "三、2025年工作安排").replace(
    "（一）完善制度体系。", "（一）完善制度体系。局长带头学法讲法，主持召开专题会议3次。")
DUTY = "局长带头学法讲法，主持召开专题会议3次。"


class Env:
    """A window with a ReportView and a CompareView, the store on a real writer thread, and the controller."""

    def __init__(self, qtbot, tmp_path):
        path = tmp_path / "c.sqlite3"
        db = open_database(path)
        import_paths(db, [write_txt(tmp_path, "a.txt", NO_DUTY), write_txt(tmp_path, "b.txt", SAMPLE)])
        db.conn.close()
        self.executor = DatabaseExecutor(path)
        self.reader = open_reader(path)
        self.stack = QUndoStack()
        self.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        self.settings.setValue(SETTINGS_KEY, "王明")
        self.window = QMainWindow()
        splitter = QSplitter(self.window)
        self.view = ReportView(splitter)
        self.compare = CompareView(splitter)
        splitter.addWidget(self.view)
        splitter.addWidget(self.compare)
        self.window.setCentralWidget(splitter)
        self.changes = ChangeBus(self.window)
        self.announced = []
        self.changes.changed.connect(self.announced.append)
        self.store = CorrectionStore(self.executor, self.reader, self.stack, self.changes, self.window)
        self.ctrl = CorrectionsController(self.window, self.store, self.settings, self.view, self.compare)
        self.window.resize(1600, 900)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.docs = {d.name: d.id for d in list_documents(self.reader)}
        self.doc_id = self.docs["a.txt"]
        self.view.show_document(get_document(self.reader, self.doc_id))

    def record(self):
        return self.view.current_document()

    def offset_of(self, quote: str) -> int:
        return self.record().text.index(quote)

    def trigger(self, menu, name: str) -> None:
        action = next((a for a in menu.findChildren(type(menu.menuAction())) if a.objectName() == name), None)
        assert action is not None, (name, [a.objectName() for a in menu.findChildren(type(menu.menuAction()))])
        assert action.isEnabled(), name
        action.trigger()

    def banner_kinds(self, view=None) -> list[str]:
        """The kinds of the red "missing" banners (the amber ones for nested parts link to an offset)."""
        return [b.kind for b in (view or self.view).header.banners if b.offset < 0]

    def close(self):
        self.reader.conn.close()
        self.executor.close()


@pytest.fixture
def fix_env(qtbot, tmp_path, monkeypatch):
    for name in ("info", "warning", "error"):
        monkeypatch.setattr(dialogs, name, lambda *a, _n=name: pytest.fail(f"unexpected {_n} dialog: {a}"))
    e = Env(qtbot, tmp_path)
    yield e
    e.close()


def test_mark_a_passage_as_the_missing_part_then_undo_and_redo(fix_env):
    assert "leader_duty" in fix_env.banner_kinds()
    start = fix_env.offset_of(DUTY)
    fix_env.view.text.select_document_span(start, start + len(DUTY))
    menu = fix_env.ctrl.text_menu(fix_env.view, start)
    fix_env.trigger(menu, "mark_leader_duty")
    record = fix_env.record()
    assert "leader_duty" not in record.summary.missing  # the view was re-read
    assert [(s.placement, s.start, s.end) for s in record.sections if s.kind == "leader_duty"] == \
        [("inline", start, start + len(DUTY))]
    assert "leader_duty" not in fix_env.banner_kinds()  # no red banner: an amber one says where it is (inline)
    bar = fix_env.ctrl.bars[fix_env.view]
    assert bar.isVisible() and "王明" in bar.text.text()
    assert [m[:2] for m in fix_env.view.text.marks("corrections")] == [(start, start + len(DUTY))]  # underlined
    assert fix_env.stack.count() == 1
    assert fix_env.announced[-1].corrections and fix_env.announced[-1].document_ids == {fix_env.doc_id}
    fix_env.stack.undo()
    assert "leader_duty" in fix_env.record().summary.missing and "leader_duty" in fix_env.banner_kinds()
    assert fix_env.view.text.marks("corrections") == []
    assert "leader_duty" in get_summary(fix_env.reader, fix_env.doc_id).missing
    fix_env.stack.redo()
    assert "leader_duty" not in get_summary(fix_env.reader, fix_env.doc_id).missing
    assert "王明" in bar.text.text()


def test_relabel_from_the_outline_not_a_heading_and_a_new_part(fix_env):
    outline = fix_env.view.outline_model
    short = next(s for s in fix_env.record().sections if s.kind == "shortcomings")
    index = outline.index_for_offset(short.start)
    fix_env.trigger(fix_env.ctrl.outline_menu(fix_env.view, index), "relabel_other")
    assert "shortcomings" in fix_env.record().summary.missing
    fix_env.stack.undo()
    assert "shortcomings" not in fix_env.record().summary.missing

    plan = next(s for s in fix_env.record().sections if s.kind == "next_plan" and s.placement == "section")
    menu = fix_env.ctrl.text_menu(fix_env.view, plan.start + 3)
    assert menu.findChild(type(menu), "relabel_menu") is not None
    fix_env.trigger(menu, "not_heading")
    assert not [s for s in fix_env.record().sections if s.placement == "section" and s.start == plan.start]

    line = fix_env.offset_of("（一）加强执法培训")
    fix_env.trigger(fix_env.ctrl.text_menu(fix_env.view, line + 2), "new_part_next_plan")
    new = next(s for s in fix_env.record().sections if s.start == line)
    assert (new.kind, new.placement) == ("next_plan", "section")
    assert fix_env.stack.count() == 2  # the undone relabel was dropped by the next change
    fix_env.stack.undo()
    fix_env.stack.undo()
    assert next(s for s in fix_env.record().sections if s.start == plan.start).kind == "next_plan"


def test_edit_and_reset_metadata_in_the_editor_under_the_header(fix_env, qtbot):
    bar = fix_env.ctrl.bars[fix_env.view]
    editor = fix_env.ctrl.editors[fix_env.view]
    assert not editor.isVisible()
    qtbot.mouseClick(bar.edit_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.edits["agency"].text() == "某县司法局"
    assert "某县司法局" in editor.autos["agency"].text() and "title" in editor.autos["agency"].text()
    assert not editor.resets["agency"].isEnabled()
    edit = editor.edits["agency"]
    edit.setFocus()
    edit.selectAll()
    type_text(edit, "某县人民政府司法局")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert get_summary(fix_env.reader, fix_env.doc_id).agency == "某县人民政府司法局"
    assert fix_env.record().summary.agency == "某县人民政府司法局"
    assert "王明" in editor.marks["agency"].text() and editor.resets["agency"].isEnabled()
    assert "某县人民政府司法局" in fix_env.view.header.meta.text()
    assert "Corrected by 王明" in fix_env.view.header.meta.text() and "※" in fix_env.view.header.meta.text()
    # a year that is not a year: a warning, nothing stored
    warned = []
    import desktop.gui.dialogs as dialogs_module

    original = dialogs_module.warning
    dialogs_module.warning = lambda *a: warned.append(a)
    try:
        fix_env.ctrl.correct_field(fix_env.view, "year", "20x4")
    finally:
        dialogs_module.warning = original
    assert warned and "not a year" in warned[0][2]
    assert get_summary(fix_env.reader, fix_env.doc_id).year == 2024
    qtbot.mouseClick(editor.resets["agency"], Qt.MouseButton.LeftButton)
    assert get_summary(fix_env.reader, fix_env.doc_id).agency == "某县司法局"
    assert editor.edits["agency"].text() == "某县司法局" and editor.marks["agency"].text() == ""
    fix_env.stack.undo()  # undo the reset
    assert get_summary(fix_env.reader, fix_env.doc_id).agency == "某县人民政府司法局"
    fix_env.stack.undo()  # undo the edit
    assert get_summary(fix_env.reader, fix_env.doc_id).agency == "某县司法局"
    assert fix_env.stack.count() == 2


def test_correct_in_a_side_by_side_pane(fix_env):
    left, right = get_document(fix_env.reader, fix_env.docs["b.txt"]), get_document(fix_env.reader, fix_env.doc_id)
    fix_env.compare.show_pair(left, right)
    pane = next(p for p in (fix_env.compare.left, fix_env.compare.right) if p.current_document().id == fix_env.doc_id)
    assert "leader_duty" in fix_env.banner_kinds(pane)
    start = pane.current_document().text.index(DUTY)
    pane.text.select_document_span(start, start + len(DUTY))
    fix_env.trigger(fix_env.ctrl.text_menu(pane, start), "mark_leader_duty")
    pane = next(p for p in (fix_env.compare.left, fix_env.compare.right) if p.current_document().id == fix_env.doc_id)
    assert "leader_duty" not in pane.current_document().summary.missing
    assert "leader_duty" not in fix_env.banner_kinds(pane)
    assert "leader_duty" not in fix_env.record().summary.missing  # the single report view too
    panes = (fix_env.compare.left, fix_env.compare.right)
    assert all(fix_env.ctrl.bars[p].isVisible() for p in panes)  # both show a bar once one has a correction: level texts
    assert "王明" in fix_env.ctrl.bars[pane].text.text()
    fix_env.stack.undo()
    assert "leader_duty" in fix_env.banner_kinds(pane)
    assert not any(fix_env.ctrl.bars[p].isVisible() for p in panes)


def test_undo_never_overwrites_a_correction_made_elsewhere_since(fix_env, monkeypatch):
    from desktop.core.corrections.records import correct_field
    from desktop.core.review.reviewers import get_or_create_reviewer

    fix_env.ctrl.correct_field(fix_env.view, "agency", "甲县司法局")
    other = open_database(fix_env.executor.path)  # another program corrects the same field meanwhile
    try:
        correct_field(other, fix_env.doc_id, "agency", "乙县司法局", reviewer_id=get_or_create_reviewer(other, "李四").id)
    finally:
        other.conn.close()
    warned = []
    monkeypatch.setattr(dialogs, "warning", lambda *a: warned.append(a))
    fix_env.stack.undo()
    assert warned and "changed since" in warned[0][2]
    assert get_summary(fix_env.reader, fix_env.doc_id).agency == "乙县司法局"  # the newer correction stays
