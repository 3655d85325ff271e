"""The verify queue walked by keys on real widgets (accept one, fix one, skip one), and the 请核对 marks in the
report header, outline and parts legend — gone once a value is confirmed or corrected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from desktop.core.corrections.records import list_corrections, show_json
from desktop.core.ingest.importer import import_paths
from desktop.core.review.verify import list_doubts
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document, list_documents
from desktop.core.storage.executor import DatabaseExecutor, open_reader
from desktop.core.storage.resegment import resegment_outdated
from desktop.gui import dialogs
from desktop.gui.changes import ChangeBus
from desktop.gui.reading.outline_model import DOUBT_ROLE
from desktop.gui.reading.report_view import ReportView
from desktop.gui.reviewer_name import SETTINGS_KEY, ensure_reviewer
from desktop.gui.verify.queue import VerifyQueueDialog
from desktop.gui.verify.store import VerifyStore
from tests.core.review.verify_texts import DOUBTFUL, SURE

# a second doubtful report: agency from the opening sentence of another body, a plan that is nowhere
OTHER = ("2024年度法治政府建设工作报告\n2024年，南湖县交通运输局坚持依法行政。\n一、主要举措和成效\n"
         "全年办理行政许可120件。\n二、存在的不足\n执法队伍年龄老化。\n")


class Env:
    def __init__(self, qtbot, tmp_path):
        folder = tmp_path / "in"
        folder.mkdir()
        for name, text in (("a.txt", DOUBTFUL), ("b.txt", SURE), ("c.txt", OTHER)):
            (folder / name).write_text(text, encoding="utf-8")
        self.path = tmp_path / "v.sqlite3"
        db = open_database(self.path)
        import_paths(db, [folder])
        db.conn.close()
        self.executor = DatabaseExecutor(self.path)
        self.reader = open_reader(self.path)
        self.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        self.settings.setValue(SETTINGS_KEY, "王核对")
        self.window = QMainWindow()
        self.window.resize(1200, 800)
        qtbot.addWidget(self.window)
        self.changes = ChangeBus(self.window)
        self.announced: list = []
        self.changes.changed.connect(self.announced.append)
        self.store = VerifyStore(self.executor, self.reader, QUndoStack(), self.changes, self.window)
        self.docs = {d.name: d.id for d in list_documents(self.reader)}

    def close(self):
        self.reader.conn.close()
        self.executor.close()


@pytest.fixture
def verify_env(qtbot, tmp_path):
    e = Env(qtbot, tmp_path)
    yield e
    e.close()


def _press(qtbot, widget, key):
    qtbot.keyClick(widget, key)


def test_walk_the_queue_by_keys_accepting_fixing_and_skipping(qtbot, verify_env, monkeypatch, tmp_path):
    dialog = VerifyQueueDialog(verify_env.store, verify_env.settings, verify_env.window)
    qtbot.addWidget(dialog)
    total = dialog.load()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert total == len(list_doubts(verify_env.reader)) >= 5
    assert dialog.progress.text() == f"已核对 0 / {total}"
    assert {d.document_id for d in dialog.doubts} == {verify_env.docs["a.txt"], verify_env.docs["c.txt"]}
    # the first doubt is a.txt's agency, its source passage highlighted in the text
    first = dialog.doubts[0]
    assert first.field == "agency"
    start, end = dialog.highlighted()
    assert dialog.text.toPlainText()[start:end] == "青山县司法局"
    assert "opening sentence" in dialog.reason.text()

    _press(qtbot, dialog, Qt.Key.Key_A)  # accept: stored as confirmed, with who and when
    qtbot.waitUntil(lambda: dialog.progress.text() == f"已核对 1 / {total}")
    (confirmed,) = [c for c in list_corrections(verify_env.reader, first.document_id) if c.kind == "confirm"]
    assert confirmed.reviewer_name == "王核对" and confirmed.created_at and confirmed.after == {"value": "青山县司法局"}
    assert verify_env.announced and verify_env.announced[-1].concerns(first.document_id, "metadata")

    second = dialog.doubts[dialog.current]  # skip it: nothing stored, the queue moves on
    _press(qtbot, dialog, Qt.Key.Key_S)
    assert dialog.doubts[dialog.current] is not second and dialog.progress.text() == f"已核对 1 / {total}"

    # go to c.txt's agency and fix it by typing the right value (the dialog seam stands in for the reviewer)
    target = next(i for i, d in enumerate(dialog.doubts) if d.document_id == verify_env.docs["c.txt"] and d.field == "agency")
    while dialog.current != target:
        _press(qtbot, dialog, Qt.Key.Key_Down if dialog.current < target else Qt.Key.Key_Up)
    asked = []
    monkeypatch.setattr(dialogs, "get_text", lambda *a: asked.append(a) or "南湖县交通运输局")
    _press(qtbot, dialog, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: dialog.progress.text() == f"已核对 2 / {total}")
    assert asked and asked[0][3] == "南湖县交通运输局"  # the current value is offered for editing
    data = show_json(verify_env.reader, verify_env.docs["c.txt"])
    assert data["metadata_origin"]["agency"]["origin"] == "corrected"
    assert data["metadata_origin"]["agency"]["corrected_by"] == "王核对"

    # the settled doubts are gone from the queue; the skipped one is still there
    left = {(d.document_id, d.target, d.start) for d in list_doubts(verify_env.reader)}
    assert (first.document_id, first.target, first.start) not in left
    assert (second.document_id, second.target, second.start) in left
    assert len(left) == total - 2

    # the confirmation survives a re-segmentation and a merge into a colleague's database
    verify_env.executor.call(lambda db: db.execute("UPDATE documents SET segmenter_version = 0"))
    assert verify_env.executor.call(resegment_outdated) == 3
    assert not any(d.document_id == first.document_id and d.field == "agency" for d in list_doubts(verify_env.reader))
    from desktop.core.exchange.merge import merge_database

    verify_env.executor.call(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))  # a complete file to merge
    colleague = open_database(tmp_path / "colleague.sqlite3")
    import_paths(colleague, [tmp_path / "in" / "a.txt"])
    merge_database(colleague, verify_env.path, trust=True)
    doc = next(d.id for d in list_documents(colleague) if d.name == "a.txt")
    origin = show_json(colleague, doc)["metadata_origin"]["agency"]
    assert origin["origin"] == "confirmed" and origin["corrected_by"] == "王核对"
    colleague.conn.close()


def test_fixing_a_part_asks_the_window_to_open_the_report_at_the_passage(qtbot, verify_env):
    dialog = VerifyQueueDialog(verify_env.store, verify_env.settings, verify_env.window)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.show()
    row = next(i for i, d in enumerate(dialog.doubts) if d.kind == "leader_duty" and d.start is not None)
    while dialog.current != row:
        _press(qtbot, dialog, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.fix_requested) as signal:
        _press(qtbot, dialog, Qt.Key.Key_E)
    doubt = dialog.doubts[row]
    assert signal.args == [doubt.document_id, doubt.start, doubt.end]
    assert dialog.progress.text().startswith("已核对 0 /")  # not settled until the reviewer corrects it


def test_the_report_view_marks_doubtful_values_and_parts_until_confirmed(qtbot, verify_env):
    view = ReportView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    doc = verify_env.docs["a.txt"]
    view.show_document(get_document(verify_env.reader, doc))
    meta = view.header.meta.text()
    assert "请核对" in meta and "opening sentence" in meta  # the reason on hover (title attribute)
    assert "青山县司法局" in meta
    chips = {kind: chip.text() for kind, chip in view.legend.chips.items()}
    assert "请核对" in chips["leader_duty"] and "请核对" in chips["achievements"]
    model = view.outline_model
    marked = [model.data(model.index(r, 0)) for r in range(model.rowCount()) if model.index(r, 0).data(DOUBT_ROLE)]
    assert marked and all("请核对" in text for text in marked)
    assert any("请核对" in b.label.text() for b in view.header.banners if b.kind == "next_plan")
    assert ensure_reviewer(verify_env.window, verify_env.settings, verify_env.store) is not None
    for doubt in [d for d in list_doubts(verify_env.reader) if d.document_id == doc]:
        verify_env.store.confirm(doubt)
    view.show_document(get_document(verify_env.reader, doc))
    assert "请核对" not in view.header.meta.text() and "✓" in view.header.meta.text()
    assert not any("请核对" in chip.text() for chip in view.legend.chips.values())
    assert not any("请核对" in b.label.text() for b in view.header.banners)
    assert any("confirmed by 王核对" in b.label.text() for b in view.header.banners if b.kind == "next_plan")


def test_in_the_window_the_menu_opens_the_queue_and_the_parts_filter_keeps_the_reports_to_verify(
        qtbot, tmp_path, seeded_db_path, no_dialogs):
    from PySide6.QtCore import QSize

    from desktop.core.review.verify import list_doubts
    from desktop.gui.corpus.corpus_panel import TO_VERIFY
    from tests.gui.windows import make_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, "张三")
    w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    ctrl = w.extensions["verify"]
    ctrl.action.trigger()  # Verify › 核对队列
    dialog = ctrl.dialog
    assert dialog is not None and dialog.isVisible()
    doubts = list_doubts(w.reader)
    qtbot.waitUntil(lambda: not dialog.loading and len(dialog.doubts) == len(doubts))  # read off the GUI thread
    assert len(dialog.doubts) == len(doubts) and dialog.progress.text() == f"已核对 0 / {len(doubts)}"
    with_doubts = {d.document_id for d in doubts}
    panel = w.corpus_panel
    panel.missing_combo.setCurrentIndex(panel.missing_combo.findData(TO_VERIFY))
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == len(with_doubts))
    assert {panel.proxy.document_id(r) for r in range(panel.proxy.rowCount())} == with_doubts
    column = w.corpus_model.column_index("to_verify")
    assert all(panel.proxy.index(r, column).data() for r in range(panel.proxy.rowCount()))
    panel.missing_combo.setCurrentIndex(0)  # all reports again
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == w.corpus_model.total)
    dialog.close()


def test_two_reports_without_an_agency_and_with_the_same_title_are_told_apart(qtbot, tmp_path, monkeypatch):
    """The queue names a report by agency (or that it has none) and year, then by what tells it from the others:
    two agency-less reports with the same title differ by file name, and fixing one's agency names it anew."""
    from desktop.gui import i18n

    body = ("2024年度法治政府建设工作报告\n2024年，我们坚持依法行政。\n一、主要举措和成效\n全年办理行政许可{n}件。\n"
            "二、存在的不足\n执法队伍年龄老化。\n三、下一步工作安排\n加强培训。\n")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, n in (("南湖县.txt", 120), ("北山区.txt", 95)):
        (folder / name).write_text(body.format(n=n), encoding="utf-8")
    path = tmp_path / "v.sqlite3"
    db = open_database(path)
    import_paths(db, [folder])
    db.conn.close()
    executor, reader = DatabaseExecutor(path), open_reader(path)
    window = QMainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, "王核对")
    store = VerifyStore(executor, reader, QUndoStack(), ChangeBus(window), window)
    docs = {d.name: d for d in list_documents(reader)}
    assert [d.agency for d in docs.values()] == [None, None] and len({d.title for d in docs.values()}) == 1
    assert i18n.set_language(i18n.CHINESE)
    try:
        dialog = VerifyQueueDialog(store, settings, window)
        qtbot.addWidget(dialog)
        assert dialog.load() >= 2
        names = {d.document_id: dialog._name(d.document_id) for d in dialog.doubts}
        assert names == {docs["南湖县.txt"].id: "（无机关），2024年度，2024年度法治政府建设工作报告，文件 南湖县.txt",
                         docs["北山区.txt"].id: "（无机关），2024年度，2024年度法治政府建设工作报告，文件 北山区.txt"}
        rows = [dialog.items.item(r).text() for r in range(dialog.items.rowCount())]
        for doubt, row in zip(dialog.doubts, rows, strict=True):
            assert names[doubt.document_id] in row
        assert names[dialog.doubts[0].document_id] in dialog.what.text()
        # the agency fixed from the queue: both reports are named anew (the title is no longer needed)
        first = dialog.doubts[0]
        assert first.field == "agency"
        monkeypatch.setattr(dialogs, "get_text", lambda *a, **k: "南湖县司法局")
        dialog.fix_current()
        assert dialog._name(first.document_id) == "南湖县司法局，2024年度"
        other = next(d.document_id for d in dialog.doubts if d.document_id != first.document_id)
        assert dialog._name(other) == "（无机关），2024年度，2024年度法治政府建设工作报告"
        assert dialog.items.item(0).text().startswith("✓ 南湖县司法局，2024年度")
    finally:
        i18n.set_language(i18n.ENGLISH)
        reader.conn.close()
        executor.close()
