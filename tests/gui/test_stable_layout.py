"""A layout that stays put (issue 18): the docks keep their width through submit, reopen and the first annotation,
and the report text neither moves sideways nor rewraps when its first mark appears. Measured on the real window at
a 1366x768 and a 1920x1080 screen: dock widths, the text viewport's place and width, where a line of text sits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, QSize
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.core.scoring import scores as scoring
from desktop.gui import i18n
from desktop.gui.window.main_window import MainWindow
from tests.gui.windows import docks, make_window


def settle() -> None:
    """Let every posted layout request run (a label's new text resizes its dock through them)."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def snapshot(w: MainWindow, offset: int) -> dict:
    text = w.report_view.text
    cursor = QTextCursor(text.document())
    cursor.setPosition(text.textmap.to_display(offset))
    return {
        "docks": {n: d.width() for n, d in docks(w).items() if d.isVisible() and not d.isFloating()},
        "viewport": (text.viewport().mapTo(w, QPoint(0, 0)).x(), text.viewport().width()),
        "column": text.column_width(),
        "line": (text.cursorRect(cursor).x(), text.cursorRect(cursor).y()),  # a rewrap moves it
        "scroll range": text.verticalScrollBar().maximum(),
    }


@pytest.fixture
def language(request):
    """The interface language of a case (English back afterwards: other tests expect it)."""
    if request.param != i18n.ENGLISH:
        assert i18n.set_language(request.param)
    yield request.param
    i18n.set_language(i18n.ENGLISH)


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE], indirect=True)
@pytest.mark.parametrize("size", [QSize(1366, 728), QSize(1920, 1040)], ids=["1366x768", "1920x1080"])
def test_docks_and_text_stay_through_submit_reopen_and_the_first_annotation(qtbot, tmp_path, seeded_db_path,
                                                                             no_dialogs, size, language):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "欧阳明远")  # a long name in the "submitted by" line
    w = make_window(qtbot, settings, seeded_db_path, size)
    doc_id = w.current_document_id()
    w.report_view.text.verticalScrollBar().setValue(0)
    settle()
    offset = len(w.report_view.current_document().text) // 3
    before = snapshot(w, offset)
    assert before["docks"].get("scorePanel") and before["docks"].get("annotationsDock")

    ctrl = w.extensions["scoring"]
    panel = ctrl.panel
    reader, rubric = w.reader, ctrl.store.rubric.id

    def status() -> str | None:  # the reviewer is registered with the first score
        review = scoring.get_review(reader, doc_id, ctrl.store.reviewer_id, rubric) if ctrl.store.reviewer_id else None
        return review.status if review is not None else None

    for box in panel.boxes.values():
        box.spin.setValue(1)
    qtbot.waitUntil(lambda: ctrl.store.reviewer_id is not None and len(
        scoring.get_scores(reader, doc_id, ctrl.store.reviewer_id, rubric)) == len(panel.boxes))
    settle()
    assert snapshot(w, offset) == before

    assert panel.submit()
    qtbot.waitUntil(lambda: status() == scoring.DONE)
    qtbot.waitUntil(lambda: "欧阳明远" in panel.state_label.text())
    settle()
    assert snapshot(w, offset) == before, "submitting"

    assert panel.reopen()
    qtbot.waitUntil(lambda: status() not in (None, scoring.DONE))
    qtbot.waitUntil(lambda: panel.reopen_button.isHidden())
    settle()
    # Reopened: the same widths. (The submit button was shown before Reopen was hidden: for that moment the status
    # row asked 313 px and the 311 px dock kept that width.)
    reopened = snapshot(w, offset)
    assert reopened == before, "reopening"
    before = reopened

    annotations = w.extensions["annotations"]
    tag = annotations.store.tags()[0]
    annotations.store.create(doc_id, 0, 40, [tag.id], "第一条批注", None)
    qtbot.waitUntil(lambda: len(w.report_view.text.coding_stripes()) == 1)
    qtbot.waitUntil(lambda: len(w.report_view.text.marks("annotations")) == 1)
    settle()
    assert snapshot(w, offset) == before, "the first annotation"
    assert w.report_view.text.coding_bars()  # and its bar is drawn, beside the text
