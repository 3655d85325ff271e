"""The corpus grouped by agency (issue 20), by keys: Ctrl+Shift+G switches the corpus to one row per agency with
its years in a row (View menu, remembered), Enter on an agency shows its reports one per year, Enter on a year's
report opens it, the filters still apply, and Ctrl+Shift+G again brings the table back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.corpus.grouped_view import GroupedView
from tests.gui.keys import ALT, CTRL, SHIFT, press, type_text

pytestmark = [pytest.mark.window(active=True)]


def _rows(view: GroupedView) -> list[tuple[str, str, str]]:
    model = view.model()
    return [tuple(model.index(r, c).data() for c in (0, 1, 3)) for r in range(model.rowCount())]


def test_grouped_by_agency_by_keys(qtbot, window, settings, seed_ids, open_window, seeded_db_path):
    panel = window.corpus_panel
    assert not panel.is_grouped() and panel.table.isVisible()
    assert panel.group_action in window.view_menu.actions()
    press(qtbot, Qt.Key.Key_1, ALT)  # the corpus has the keyboard
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: panel.grouped.isVisible())
    assert panel.is_grouped() and not panel.table.isVisible() and QApplication.focusWidget() is panel.grouped
    rows = _rows(panel.grouped)
    assert rows[1] == ("吉林省政务服务和数字化建设管理局", "2022 · 2025", "2")  # one agency, its years in a row
    assert [r[0][:2] for r in rows] == ["长春", "吉林", "江苏", "梨树"]  # pinyin order
    assert panel.count_label.text() == "4 agencies, 5 of 5 reports"

    # to 吉林 by keys, open the group, then its 2022 report
    panel.grouped.setCurrentIndex(panel.grouped.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    group = panel.grouped.currentIndex()
    assert group.data() == "吉林省政务服务和数字化建设管理局" and panel.grouped.isExpanded(group)
    press(qtbot, Qt.Key.Key_Down)
    assert panel.grouped.currentIndex().data() == "2022"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_document_id() == seed_ids["003"])  # 吉林省 2022

    # the filters still apply
    type_text(panel.agency_edit, "梨树")
    qtbot.waitUntil(lambda: len(_rows(panel.grouped)) == 1)
    assert _rows(panel.grouped)[0][:2] == ("梨树县政务服务和数字化建设管理局", "2025")
    panel.clear_filters()
    qtbot.waitUntil(lambda: len(_rows(panel.grouped)) == 4)

    # a correction elsewhere (another connection, announced as the features do): the groups follow it
    from desktop.core.changes import Changes
    from desktop.core.corrections.records import correct_field
    from desktop.core.storage import open_database

    writer = open_database(seeded_db_path)
    correct_field(writer, seed_ids["004"], "agency", "阿拉善盟司法局", reviewer_id=None)
    writer.conn.close()
    window.changes.announce(Changes.of("metadata", "corrections", document_ids=[seed_ids["004"]]))
    qtbot.waitUntil(lambda: _rows(panel.grouped)[0][0] == "阿拉善盟司法局")  # a (pinyin): first
    assert [r[0][:2] for r in _rows(panel.grouped)] == ["阿拉", "长春", "吉林", "梨树"]  # 江苏省数据局 renamed

    # remembered: a window opened later starts grouped
    assert settings.value("corpus/grouped_by_agency", False, bool) is True
    later = open_window(None, settings)
    assert later.corpus_panel.is_grouped()
    later.close()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_1, ALT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: panel.table.isVisible())
    assert not panel.is_grouped() and not panel.grouped.isVisible()
    assert panel.current_document_id() == seed_ids["003"]  # the open report stays the current row
