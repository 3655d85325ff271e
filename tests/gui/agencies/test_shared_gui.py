"""Text shared across agencies: the corpus view by keys, the marks in the report view with the list on hover."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from desktop.gui.agencies.shared_marks import LAYER

SHARED = "组织行政执法人员专题培训六期，累计培训二百三十人次，实现执法人员全覆盖。"


def _report(agency: str, year: int, own: str, published: str) -> str:
    return (f"{agency}关于{year}年度法治政府建设情况的报告\n发布时间：{published}\n一、主要举措和成效\n{SHARED}\n{own}\n"
            f"二、存在的不足和原因\n本单位的不足写在这里，原因是经费紧张。\n特此报告。\n{agency}\n{year + 1}年2月1日\n")


pytestmark = pytest.mark.window(database="agency_reports", features=("agencies",), shown=False)


@pytest.fixture
def agency_reports(tmp_path) -> SimpleNamespace:
    """Three agencies' reports sharing one passage, in a database of their own: .path, .ids (agency -> id)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (agency, year, published) in enumerate([("梨树县司法局", 2023, "2024-02-10"),
                                                    ("通化市教育局", 2023, "2024-01-05"),
                                                    ("白山市生态环境局", 2024, "2025-03-01")]):
        (folder / f"{i}.txt").write_text(_report(agency, year, f"第{i}份报告独有的一句话在这里写得很长很长。", published),
                                         encoding="utf-8")
    path = tmp_path / "s.sqlite3"
    db = open_database(path)
    import_paths(db, [folder])
    ids = {r["agency"]: r["id"] for r in db.query("SELECT id, agency FROM documents")}
    db.conn.close()
    return SimpleNamespace(path=path, ids=ids)


def test_corpus_view_by_keys_opens_each_agencys_report_at_the_passage(window, agency_reports, qtbot):
    dialog = window.extensions["agencies"].show_shared()
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=20000)
    texts = [dialog.passages_model.index(r, 3).data() for r in range(dialog.passages_model.rowCount())]
    assert SHARED in texts
    dialog.filter.setFocus()
    dialog.filter.insert("二百三十")  # what an input method commits (QTest types ASCII only)
    assert dialog.proxy.rowCount() == 1
    dialog.passages.setFocus()
    qtbot.keyClick(dialog.passages, Qt.Key.Key_Home)
    agencies = [dialog.occurrences_model.index(r, 0).data() for r in range(dialog.occurrences_model.rowCount())]
    assert agencies == ["通化市教育局", "梨树县司法局", "白山市生态环境局"]  # the earliest published first
    dialog.occurrences.setFocus()
    qtbot.keyClick(dialog.occurrences, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.occurrences, Qt.Key.Key_Return)
    assert window.current_document_id() == agency_reports.ids["梨树县司法局"]
    # a longer minimum than the sentence: nothing is listed, and the view says so
    dialog.min_chars.setValue(60)
    qtbot.waitUntil(lambda: dialog.passages_model.rowCount() == 0 and not dialog.busy, timeout=20000)
    assert dialog.status.text().startswith("0")


def test_report_view_marks_shared_sentences_with_the_agencies_on_hover(window, agency_reports, qtbot):
    marks = window.extensions["agencies"].marks
    window.open_document(agency_reports.ids["白山市生态环境局"])
    qtbot.waitUntil(lambda: marks.result is not None, timeout=20000)
    painted = window.report_view.text.marks(LAYER)
    text = window.report_view.current_document().text
    assert [text[s:e] for s, e, _, _ in painted] == [SHARED]
    start = painted[0][0]
    tip = marks.tip_at(start + 3)
    assert "3 reports" in tip and tip.index("通化市教育局") < tip.index("梨树县司法局") < tip.index("白山市生态环境局")
    assert marks.tip_at(text.index("独有")) == ""


def test_evidence_dock_lists_the_shared_passage_and_enter_shows_it(window, agency_reports, qtbot):
    ctrl = window.extensions["agencies"]
    dock = ctrl.evidence
    ctrl.shared_action.trigger()  # the corpus view brings the index up to date
    qtbot.waitUntil(lambda: ctrl.shared.found is not None, timeout=20000)
    doc = agency_reports.ids["白山市生态环境局"]
    window.open_document(doc)
    dock.show()
    dock.refresh(doc)
    qtbot.waitUntil(lambda: dock.models["originality"].rowCount() > 0, timeout=20000)
    assert "1句与其他机关报告逐字相同" in dock.texts["originality"].text()
    assert "没有该机关往年的报告" in dock.texts["next_plan"].text()
    passages = dock.lists["originality"]
    passages.setFocus()
    passages.setCurrentIndex(dock.models["originality"].index(0, 0))
    qtbot.keyClick(passages, Qt.Key.Key_Return)
    start, end = window.report_view.selection()
    assert window.report_view.current_document().text[start:end] == SHARED


def test_hovering_a_shared_sentence_shows_the_agencies(window, agency_reports, qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    marks = window.extensions["agencies"].marks
    window.show()
    window.open_document(agency_reports.ids["梨树县司法局"])
    qtbot.waitUntil(lambda: marks.result is not None, timeout=20000)
    pane = window.report_view.text
    start = pane.marks(LAYER)[0][0]
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.textmap.to_display(start + 4))
    point = pane.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    QApplication.sendEvent(pane.viewport(), event)
    qtbot.waitUntil(lambda: "通化市教育局" in QToolTip.text())
    assert "白山市生态环境局" in QToolTip.text()
    far = QPoint(point.x(), pane.viewport().height() - 2)
    QApplication.sendEvent(pane.viewport(), QHelpEvent(QEvent.Type.ToolTip, far, pane.viewport().mapToGlobal(far)))
