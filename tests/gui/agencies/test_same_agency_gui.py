"""One agency under two names across years ('XX县人民政府' in 2022, 'XX县政府' in 2023): Compare With Previous Year
(by its key) and the annotate aids find the earlier report by agency identity, not by the exact name printed; a
reviewer's split takes it away again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.agencies.groups import split_reports
from desktop.core.storage import open_database
from tests.core.agencies.reports import add_report

SHORTCOMING = "执法人员培训覆盖不够，基层执法规范化水平有待提高。"


@pytest.fixture
def two_names(tmp_path):
    """A database: 梨树县人民政府 2022, 梨树县政府 2023 (one body), 通化市教育局 2022 (another)."""
    path = tmp_path / "names.sqlite3"
    db = open_database(path)
    ids = {"old": add_report(db, tmp_path / "in", "梨树县人民政府", 2022, shortcomings=[SHORTCOMING]),
           "new": add_report(db, tmp_path / "in", "梨树县政府", 2023, shortcomings=[SHORTCOMING]),
           "other": add_report(db, tmp_path / "in", "通化市教育局", 2022)}
    db.conn.close()
    return path, ids


def _previous_year_key(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_compare_with_previous_year_finds_the_other_name_by_key(open_window, two_names, qtbot, no_dialogs):
    path, ids = two_names
    window = open_window(path, active=True)
    assert window.open_document(ids["new"])
    _previous_year_key(window, qtbot)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.compare_view)
    left, right = window.compare_view.documents()
    assert (left.id, right.id) == (ids["old"], ids["new"])
    assert (left.summary.agency, right.summary.agency) == ("梨树县人民政府", "梨树县政府")
    assert no_dialogs == []
    # the reviewer says they are two bodies after all: no earlier report any more, and the app says so
    db = open_database(path)
    split_reports(db, [ids["new"]], "梨树县政府（新设）")
    db.conn.close()
    window.tabs.setCurrentIndex(0)
    assert window.open_document(ids["new"])
    _previous_year_key(window, qtbot)
    qtbot.waitUntil(lambda: bool(no_dialogs))
    assert no_dialogs[-1][0] == "info" and "no earlier report" in no_dialogs[-1][1][2]


def test_the_aids_compare_shortcomings_with_the_other_names_report(open_window, two_names, qtbot):
    path, ids = two_names
    window = open_window(path, features="app")
    aids = window.extensions["annotations"].aids_panel
    assert window.open_document(ids["new"])
    qtbot.waitUntil(lambda: aids.record is not None and aids.record.id == ids["new"])
    assert aids.previous is not None and aids.previous.id == ids["old"]
    assert aids.aids is not None and any(a.repeats for a in aids.aids.items)  # the 2022 shortcoming repeated
    assert "Earlier report (2022)" in aids.render_html()
