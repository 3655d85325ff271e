"""The window's layout: room for the text, fitting a small screen, reading mode, and a layout that survives restarts.

Sizes are set explicitly (the offscreen test screen is only 800x800 and has no real fonts), so the figures do not
depend on the machine.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.window.main_window import MainWindow, default_window_size
from tests.gui.windows import docks, make_window


def test_default_window_size_follows_the_available_screen():
    assert default_window_size(QSize(1920, 1040)) == QSize(1600, 1000)
    small = default_window_size(QSize(1366, 728))
    assert small.width() <= 1366 and small.height() <= 728
    assert small.width() >= 1300 and small.height() >= 680


def test_report_text_gets_most_of_a_1600_by_1000_window(qtbot, settings, seeded_db_path, no_dialogs):
    w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    # The text pane: the lines and their margin (part stripe and coding lanes, whose room is kept from the start
    # so that the first annotation does not move the text).
    qtbot.waitUntil(lambda: w.report_view.text.width() >= 0.55 * w.width())
    # The docks and the corpus column are all there beside it.
    d = docks(w)
    assert d["annotationsDock"].isVisible() and d["scorePanel"].isVisible()
    assert w.corpus_panel.table.isVisible() and w.outline_panel.isVisible()
    assert not d["retrievedSegmentsDock"].isVisible()
    assert d["shortcomingsAidsDock"] in w.tabifiedDockWidgets(d["scorePanel"])


def test_everything_fits_on_a_1366_by_768_screen(qtbot, settings, seeded_db_path, no_dialogs):
    work_area = QSize(1366, 768 - 40)  # minus a task bar
    w = make_window(qtbot, settings, seeded_db_path, default_window_size(work_area))
    hint = w.minimumSizeHint()
    assert hint.width() <= work_area.width() and hint.height() <= work_area.height()
    inside = QRect(0, 0, w.width(), w.height())
    for widget in [w.tabs, w.left, *[d for d in docks(w).values() if not d.visibleRegion().isEmpty()]]:
        top_left = widget.mapTo(w, widget.rect().topLeft())
        assert inside.contains(QRect(top_left, widget.size())), widget.objectName()
    text = w.report_view.text
    bottom = text.mapTo(w, text.rect().bottomLeft()).y()
    assert bottom < w.height()
    assert text.viewport().width() >= 0.5 * w.width()


def _layout_snapshot(w: MainWindow) -> dict:
    out: dict = {"splitter": w.splitter.sizes(), "left": w.left.sizes()}
    for name, dock in docks(w).items():
        out[name] = (dock.isVisible(), dock.isFloating(), w.dockWidgetArea(dock),
                     sorted(t.objectName() for t in w.tabifiedDockWidgets(dock)),
                     dock.width() if dock.isVisible() else 0, dock.height() if dock.isVisible() else 0)
    return out


def _close_enough(a: dict, b: dict) -> bool:
    for key, value in a.items():
        other = b[key]
        if key in ("splitter", "left"):
            if any(abs(x - y) > 4 for x, y in zip(value, other, strict=True)):
                return False
        elif value[:4] != other[:4] or abs(value[4] - other[4]) > 4 or abs(value[5] - other[5]) > 4:
            return False
    return True


def test_layout_after_restarts_is_the_one_left(qtbot, settings, seeded_db_path, no_dialogs):
    size = QSize(1600, 1000)
    first = make_window(qtbot, settings, seeded_db_path, size)
    doc_id = first.current_document_id()
    # The reviewer moves things: a wider corpus column, a taller annotation list.
    d = docks(first)
    first.splitter.setSizes([360, first.splitter.sizes()[1] - 60])
    first.resizeDocks([d["annotationsDock"], d["scorePanel"]], [380, 560], Qt.Orientation.Vertical)
    QApplication.processEvents()
    left = _layout_snapshot(first)
    assert left["scorePanel"][3] == ["shortcomingsAidsDock"]
    first.close()
    for _restart in range(3):  # the drift used to appear from the first restart on and grow
        again = make_window(qtbot, settings, seeded_db_path, size)
        assert again.current_document_id() == doc_id  # the report left open is open again
        qtbot.waitUntil(lambda w=again: _close_enough(left, _layout_snapshot(w)), timeout=3000)
        assert not docks(again)["retrievedSegmentsDock"].isVisible()
        again.close()


def test_an_opened_dock_stays_open_and_a_closed_one_closed(qtbot, settings, seeded_db_path, no_dialogs):
    first = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    docks(first)["retrievedSegmentsDock"].show()
    docks(first)["annotationsDock"].hide()
    first.close()
    again = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    assert docks(again)["retrievedSegmentsDock"].isVisible()
    assert not docks(again)["annotationsDock"].isVisible()


def test_a_state_of_another_layout_version_gives_the_default_layout(qtbot, settings, seeded_db_path, no_dialogs):
    first = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    first.settings.setValue("window/state", first.saveState(0))  # what an older version saved
    docks(first)["retrievedSegmentsDock"].show()
    state = first.saveState(1)
    first.close()
    settings.setValue("window/v3/state", state)  # a wrong version number inside the state
    again = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    assert not docks(again)["retrievedSegmentsDock"].isVisible()
    assert docks(again)["scorePanel"].isVisible()


def test_reading_mode_hides_the_side_panels_and_brings_them_back(qtbot, settings, seeded_db_path, no_dialogs):
    w = make_window(qtbot, settings, seeded_db_path, QSize(1366, 728))
    before = w.report_view.text.viewport().width()
    shown = {n for n, d in docks(w).items() if d.isVisible()}
    w.report_view.text.setFocus()
    qtbot.keyClick(w.report_view.text, Qt.Key.Key_F11)
    assert w.reading_mode() and not w.left.isVisible()
    assert not any(d.isVisible() for d in docks(w).values())
    qtbot.waitUntil(lambda: w.report_view.text.viewport().width() > before + 400)
    qtbot.keyClick(w.report_view.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert not w.reading_mode() and w.left.isVisible()
    assert {n for n, d in docks(w).items() if d.isVisible()} == shown


def test_closing_in_reading_mode_saves_the_working_layout(qtbot, settings, seeded_db_path, no_dialogs):
    w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    w.toggle_reading_mode()
    w.close()
    again = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    assert again.left.isVisible() and docks(again)["scorePanel"].isVisible()


def test_empty_tabs_say_what_to_do(qtbot, settings, tmp_path, no_dialogs):
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    assert w.open_database(tmp_path / "empty.sqlite3")
    assert w.report_hint.isVisible() and "Ctrl+F" in w.report_hint.text()
    w.tabs.setCurrentIndex(1)
    assert w.compare_hint.isVisible() and "Ctrl+Shift+C" in w.compare_hint.text()
