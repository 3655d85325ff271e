"""The corpus grouped by agency at any size (issue 22), by keys: filter keystrokes read the groups only (the table
it stands in for is read when it comes back), the groups come a page at a time, Alt+Down and Alt+Up walk the
reports in the grouped order across groups, and the notice says when the filters hide the open report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.agencies.grouped import group_reports, grouped_listing
from desktop.core.storage.listing import ListingFilter
from desktop.gui.corpus import corpus_model
from desktop.gui.corpus.grouped_view import GroupedModel
from tests.gui.keys import ALT, CTRL, SHIFT, press, type_text

pytestmark = [pytest.mark.window(active=True)]


def _grouped_on(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_1, ALT)  # the corpus has the keyboard
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.corpus_panel.grouped.isVisible())


def _names(panel) -> list[str]:
    model = panel.grouped.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_keystrokes_while_grouped_read_the_groups_not_the_table(qtbot, window, seed_ids, monkeypatch):
    panel = window.corpus_panel
    reads: list[ListingFilter] = []
    real = corpus_model.listing_keys
    monkeypatch.setattr(corpus_model, "listing_keys", lambda db, flt, *a: (reads.append(flt), real(db, flt, *a))[1])
    window.open_document(seed_ids["001"])  # 梨树县 2025
    _grouped_on(qtbot, window)
    assert not panel.hidden_notice.isVisible()

    panel.agency_edit.setFocus()
    type_text(panel.agency_edit, "吉林")  # two keystrokes
    qtbot.waitUntil(lambda: _names(panel) == ["吉林省政务服务和数字化建设管理局"])
    assert reads == []  # the hidden table's listing was not read on either keystroke
    assert panel.count_label.text() == "1 agencies, 2 of 5 reports"
    assert panel.hidden_notice.isVisible()  # the open report (梨树) is hidden by the filter: said so
    assert panel.hidden_document_id() == seed_ids["001"]

    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)  # the filter cleared by keys
    qtbot.waitUntil(lambda: len(_names(panel)) == 4)
    assert not panel.hidden_notice.isVisible() and reads == []

    type_text(panel.agency_edit, "梨")
    qtbot.waitUntil(lambda: len(_names(panel)) == 1)
    press(qtbot, Qt.Key.Key_1, ALT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, CTRL | SHIFT)  # back to the table
    qtbot.waitUntil(lambda: panel.table.isVisible())
    assert len(reads) == 1 and reads[0].agency_text == "梨"  # read once, when the table came back
    assert panel.proxy.rowCount() == 1 and panel.current_document_id() == seed_ids["001"]


def test_alt_down_walks_the_reports_in_the_grouped_order(qtbot, window, seeded_db_path):
    panel = window.corpus_panel
    _grouped_on(qtbot, window)
    db = panel.model.database
    order = [str(seq) for row in grouped_listing(db) for seq in group_reports(db, row.key)]
    ids = {str(r["seq"]): r["id"] for r in db.query("SELECT seq, id FROM documents")}
    expected = [ids[k] for k in order]
    panel.grouped.setCurrentIndex(panel.grouped.model().index(0, 0))  # the first group's row
    seen: list[str] = []
    for _ in range(len(expected) + 1):  # one more: the last report stays
        press(qtbot, Qt.Key.Key_Down, ALT)
        seen.append(panel.current_document_id())
        qtbot.waitUntil(lambda: window.current_document_id() == seen[-1])  # ... and is opened
    assert seen == expected + expected[-1:]  # 吉林 2022 then 2025 inside one group, then the next group
    for _ in range(len(expected) - 1):
        press(qtbot, Qt.Key.Key_Up, ALT)
    assert panel.current_document_id() == expected[0]
    qtbot.waitUntil(lambda: window.current_document_id() == expected[0])


def test_groups_come_a_page_at_a_time_and_a_report_far_down_is_found(qtbot, window, seed_ids, monkeypatch):
    monkeypatch.setattr(GroupedModel, "PAGE", 2)
    panel = window.corpus_panel
    _grouped_on(qtbot, window)
    model = panel.grouped_model
    model.refresh()
    assert model.rowCount() == 2 and model.groups_count() == 4 and model.canFetchMore(QModelIndex())
    assert panel.count_label.text() == "4 agencies, 5 of 5 reports"  # the count is of every group
    assert panel.select_document(seed_ids["001"])  # 梨树: the last group, not shown yet
    assert model.rowCount() >= 4 and panel.current_document_id() == seed_ids["001"]
    model.refresh()
    panel.grouped.scrollToBottom()  # the view asks for more as it nears the end
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    assert not model.canFetchMore(QModelIndex())


def test_the_filter_field_prepares_the_first_keystroke_when_it_gets_the_focus(qtbot, window):
    from desktop.core.storage import listing
    from desktop.gui.corpus import corpus_filter

    listing._fold_sources.cache_clear()
    corpus_filter._prepared.clear()
    panel = window.corpus_panel
    press(qtbot, Qt.Key.Key_1, ALT)  # the table has the keyboard, not the field: nothing is prepared
    assert listing._fold_sources.cache_info().currsize == 0
    panel.agency_edit.setFocus()
    qtbot.waitUntil(lambda: listing._fold_sources.cache_info().currsize == 1)  # built in a worker thread
    type_text(panel.agency_edit, "ａ")  # and used by the first keystroke: a full-width a matches Ａbc, abc…
    qtbot.waitUntil(lambda: panel.agency_edit.text() == "ａ")
    assert listing._fold_sources.cache_info().hits >= 1


def test_the_grouped_model_passes_qtmodeltester_a_page_at_a_time(qtmodeltester, window, monkeypatch):
    monkeypatch.setattr(GroupedModel, "PAGE", 3)
    model = GroupedModel(window.corpus_model)
    model.set_database(window.corpus_model.database)
    assert model.rowCount() == 3 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)  # (it fetches the rest too, as a view scrolled to the end does)
    assert model.rowCount() == 4
