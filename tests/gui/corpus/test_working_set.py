"""The reviewer's working set in the corpus table (filters, selection, current row) survives what happens around
it: a correction, a re-segmentation, an import, opening a search hit. A report the filters hide is opened all the
same and the window says so; the filters are cleared only when the reviewer asks."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.core.storage import open_database
from desktop.gui.corpus.resegment import ResegmentController
from desktop.gui.reviewer_name import SETTINGS_KEY
from desktop.gui.window.main_window import MainWindow
from tests.core.builders import SAMPLE, write_txt
from tests.gui.keys import type_text

pytestmark = [
    pytest.mark.settings({SETTINGS_KEY: "王明"}),
    pytest.mark.window(features="app"),
]


def ids_by_prefix(w: MainWindow) -> dict[str, str]:
    return {d.name[:3]: d.id for d in w.corpus_model.summaries()}


def select(w: MainWindow, *doc_ids: str) -> None:
    """Select rows as Ctrl+clicks would; the last one is the current row (and the open report)."""
    panel = w.corpus_panel
    panel.table.clearSelection()
    for doc_id in doc_ids:
        index = panel.proxy.index(panel.proxy.proxy_row_of(doc_id), 0)
        panel.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def working_set(w: MainWindow) -> tuple:
    panel = w.corpus_panel
    return (panel.agency_edit.text(), panel.year_combo.currentData(), panel.missing_combo.currentData(),
            sorted(panel.selected_ids()), panel.current_document_id())


def test_a_correction_that_takes_the_open_report_out_of_the_filter_keeps_the_filter_and_says_so(qtbot, window):
    ids = ids_by_prefix(window)
    panel = window.corpus_panel
    panel.set_missing_kind("shortcomings")
    assert sorted(panel.proxy.document_id(r) for r in range(panel.proxy.rowCount())) == sorted([ids["003"], ids["004"]])
    select(window, ids["004"], ids["003"])
    qtbot.waitUntil(lambda: window.current_document_id() == ids["003"])
    assert not panel.hidden_notice.isVisibleTo(panel)

    record = window.report_view.current_document()
    quote = "存在的问题"
    start = record.text.find(quote)
    start = start if start >= 0 else 100
    store = window.extensions["corrections"].store
    store.mark_part(ids["003"], "shortcomings", start, start + 40)  # the part the detection missed is found

    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    assert panel.missing_combo.currentData() == "shortcomings"  # the filter is kept
    assert panel.selected_ids() == [ids["004"]]  # the rest of the selection too
    assert window.current_document_id() == ids["003"]  # the corrected report stays open
    assert panel.current_document_id() == ""  # no other row pretends to be it
    assert panel.hidden_document_id() == ids["003"]
    assert panel.hidden_notice.isVisibleTo(panel)
    assert "吉林省政务服务和数字化建设管理局 2022" in panel.hidden_notice.label.text()

    window.undo_stack.undo()  # back in the filter: the notice goes, the report is the current row again
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 2)
    assert not panel.hidden_notice.isVisibleTo(panel) and panel.hidden_document_id() == ""
    assert panel.current_document_id() == ids["003"]

    window.undo_stack.redo()
    qtbot.waitUntil(lambda: panel.hidden_notice.isVisibleTo(panel))
    qtbot.mouseClick(panel.hidden_notice.show_button, Qt.MouseButton.LeftButton)  # the reviewer asks to see it
    assert panel.missing_combo.currentData() is None and panel.proxy.rowCount() == 5
    assert panel.current_document_id() == ids["003"] and not panel.hidden_notice.isVisibleTo(panel)


def test_a_correction_keeps_a_several_row_selection_and_the_current_row(qtbot, window):
    ids = ids_by_prefix(window)
    panel = window.corpus_panel
    type_text(panel.agency_edit, "政务服务")
    assert panel.proxy.rowCount() == 4
    select(window, ids["000"], ids["001"], ids["003"])
    qtbot.waitUntil(lambda: window.current_document_id() == ids["003"])
    before = working_set(window)
    store = window.extensions["corrections"].store
    store.correct_field(ids["003"], "agency", "吉林省政务服务和数字化建设管理局（更正）")  # still in the filter
    qtbot.waitUntil(lambda: "（更正）" in (window.report_view.current_document().summary.agency or ""))
    qtbot.waitUntil(lambda: window.corpus_model.describe(ids["003"]).startswith("吉林省政务服务和数字化建设管理局（更正）"))
    assert working_set(window) == before
    store.correct_field(ids["002"], "year", "2023")  # a report outside the selection
    qtbot.waitUntil(lambda: window.corpus_model.describe(ids["002"]).endswith("2023"))
    assert working_set(window) == before
    assert window.current_document_id() == ids["003"]


def test_opening_a_search_hit_outside_the_filter_keeps_the_filter_and_says_so(qtbot, window):
    ids = ids_by_prefix(window)
    panel = window.corpus_panel
    panel.set_year(2022)
    select(window, ids["003"])
    qtbot.waitUntil(lambda: window.current_document_id() == ids["003"])
    search = window.search_panel
    with qtbot.waitSignal(search.search_finished, timeout=10000):
        search.search("梨树县")
    row = next(r for r in range(search.model.rowCount()) if search.model.hit(r).document_id == ids["001"])
    with qtbot.waitSignal(window.current_document_changed, timeout=3000):
        qtbot.mouseClick(search.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=search.view.visualRect(search.model.index(row, 1)).center())
    assert window.report_view.current_document().id == ids["001"]  # the hit is open
    assert panel.year_combo.currentData() == 2022 and panel.proxy.rowCount() == 1  # the filter is kept
    assert panel.selected_ids() == [ids["003"]]  # and so is the selection
    assert panel.hidden_notice.isVisibleTo(panel) and "梨树县" in panel.hidden_notice.label.text()
    assert "梨树县" in window.statusBar().currentMessage() and "filter" in window.statusBar().currentMessage()

    # A hit inside the filter is made the current row as before, and the notice goes.
    with qtbot.waitSignal(window.current_document_changed, timeout=3000):
        window.open_document(ids["003"], "梨树县")
    assert panel.current_document_id() == ids["003"] and not panel.hidden_notice.isVisibleTo(panel)
    # Clearing the filters by hand while a hidden report is open makes it the current row.
    window.open_document(ids["001"])
    assert panel.current_document_id() == ""
    window.clear_filters_action.trigger()
    assert panel.current_document_id() == ids["001"] and not panel.hidden_notice.isVisibleTo(panel)


def test_an_import_keeps_the_filter_and_the_selection(qtbot, window, tmp_path):
    ids = ids_by_prefix(window)
    panel = window.corpus_panel
    type_text(panel.agency_edit, "吉林")
    select(window, ids["003"], ids["000"])
    qtbot.waitUntil(lambda: window.current_document_id() == ids["000"])
    before = working_set(window)
    folder = tmp_path / "new"
    folder.mkdir()
    write_txt(folder, "new.txt", SAMPLE)
    with qtbot.waitSignal(window.import_controller.finished, timeout=30000):
        window.import_controller.import_paths([str(folder)])
    qtbot.waitUntil(lambda: window.corpus_model.total == 6)
    assert working_set(window) == before
    assert window.current_document_id() == ids["000"]


def test_a_resegmentation_keeps_the_filter_and_the_selection(qtbot, window, seeded_db_path):
    ids = ids_by_prefix(window)
    panel = window.corpus_panel
    panel.set_year(2025)
    select(window, ids["001"], ids["004"], ids["000"])
    qtbot.waitUntil(lambda: window.current_document_id() == ids["000"])
    before = working_set(window)
    db = open_database(seeded_db_path)  # an older version's parts, as after an upgrade
    with db.atomic():
        db.execute("UPDATE documents SET segmenter_version = 1, missing = ?", [json.dumps(["achievements"])])
    db.conn.close()
    controller = window.extensions.get("resegment")
    if not isinstance(controller, ResegmentController):
        controller = window.extensions["resegment"] = ResegmentController(window)
    task = controller.start()
    assert task is not None
    qtbot.waitUntil(lambda: controller.task is None, timeout=30000)
    qtbot.waitUntil(lambda: "achievements" not in window.corpus_model.summary(0).missing)
    assert working_set(window) == before
    assert window.current_document_id() == ids["000"]
