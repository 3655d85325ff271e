"""Reading comfort (issue 18): the report text's size by key (Ctrl+= / Ctrl+- / Ctrl+0) and in the settings,
remembered across restarts, the same in every report text of the window; reading mode sets the text in a centred
column of at most READING_COLUMN_CHARS characters a line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.reading.text_pane import DEFAULT_POINT_SIZE, TextPane
from desktop.gui.window.main_window import MainWindow
from desktop.gui.window.settings_dialog import SettingsDialog
from desktop.gui.window.text_size import READING_COLUMN_CHARS, SIZES, TEXT_SIZE_KEY, saved_text_size
from tests.gui.keys import CTRL, press
from tests.gui.windows import make_window

pytestmark = pytest.mark.settings({"reviewer/name": "张三"})


def sizes(w: MainWindow) -> set[float]:
    panes = [w.report_view.text, w.compare_view.left.text, w.compare_view.right.text]
    assert set(panes) <= set(w.findChildren(TextPane))
    return {round(p.font().pointSizeF(), 2) for p in panes}


def longest_line(pane: TextPane) -> float:
    """The widest laid-out line of the visible text, in characters of CJK width (digits and Latin are narrower)."""
    em = pane.fontMetrics().horizontalAdvance("国")
    widest = 0.0
    for block, _top, _height in pane.visible_blocks():
        layout = block.layout()
        for i in range(layout.lineCount()):
            widest = max(widest, layout.lineAt(i).naturalTextWidth())
    return widest / em


def test_text_size_by_key_everywhere_and_remembered_across_a_restart(qtbot, settings, seeded_db_path, no_dialogs):
    w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    assert sizes(w) == {DEFAULT_POINT_SIZE}
    text = w.report_view.text
    text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is text)
    text.scroll_to_offset(len(w.report_view.current_document().text) // 2, flash=False)
    top = text.offset_at_y(0)
    lines_before = text.document().documentLayout().documentSize().height()

    press(qtbot, Qt.Key.Key_Equal, CTRL)
    press(qtbot, Qt.Key.Key_Equal, CTRL)
    bigger = SIZES[SIZES.index(DEFAULT_POINT_SIZE) + 2]
    assert sizes(w) == {bigger}  # the report tab and both side-by-side panes
    assert text.document().documentLayout().documentSize().height() > lines_before  # laid out again, larger
    assert abs(text.offset_at_y(0) - top) < 80  # the reviewer is still where they were reading
    assert saved_text_size(settings) == bigger

    press(qtbot, Qt.Key.Key_Minus, CTRL)
    assert sizes(w) == {SIZES[SIZES.index(DEFAULT_POINT_SIZE) + 1]}
    for _ in range(len(SIZES) + 2):  # never below the smallest size
        press(qtbot, Qt.Key.Key_Minus, CTRL)
    assert sizes(w) == {SIZES[0]}
    press(qtbot, Qt.Key.Key_0, CTRL)
    assert sizes(w) == {DEFAULT_POINT_SIZE}
    w.larger_text_action.trigger()  # the View menu has them too
    assert sizes(w) == {SIZES[SIZES.index(DEFAULT_POINT_SIZE) + 1]}
    assert {w.larger_text_action, w.smaller_text_action, w.default_text_action} <= set(w.view_menu.actions())
    w.close()

    again = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))  # the next start
    assert sizes(again) == {SIZES[SIZES.index(DEFAULT_POINT_SIZE) + 1]}


def test_text_size_in_the_settings_dialog(qtbot, settings, seeded_db_path, no_dialogs, monkeypatch):
    w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))

    def choose_16(dialog: SettingsDialog) -> int:
        assert dialog.text_size() == DEFAULT_POINT_SIZE
        dialog.size_combo.setCurrentIndex(dialog.size_combo.findData(16.0))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_16)
    w.settings_action.trigger()
    assert sizes(w) == {16.0}
    dialog = SettingsDialog(settings, w)
    assert dialog.text_size() == 16.0 and "16" in dialog.size_combo.currentText()


@pytest.mark.parametrize("stored, expected", [("huge", DEFAULT_POINT_SIZE), ("1e9", SIZES[-1]), ("-3", SIZES[0]),
                                              ("nan", DEFAULT_POINT_SIZE), ("", DEFAULT_POINT_SIZE)])
def test_a_hand_edited_text_size_is_brought_back_into_range(qtbot, settings, seeded_db_path, no_dialogs, stored,
                                                            expected):
    settings.setValue(TEXT_SIZE_KEY, stored)
    w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    assert sizes(w) == {expected}


def test_reading_mode_sets_the_text_in_a_centred_column(qtbot, settings, seeded_db_path, no_dialogs):
    w = make_window(qtbot, settings, seeded_db_path, QSize(1900, 1040))
    text = w.report_view.text
    qtbot.waitUntil(lambda: longest_line(text) > 0)
    full = longest_line(text)
    w.reading_action.trigger()
    assert w.reading_mode()
    qtbot.waitUntil(lambda: text.viewport().width() > 1500)  # the corpus column and the docks are hidden
    assert full > READING_COLUMN_CHARS + 20  # 1900 px ran lines of ~70 characters
    qtbot.waitUntil(lambda: 0 < longest_line(text) <= READING_COLUMN_CHARS)
    # Centred: as much room left of the column as right of it (the coding lanes are left of the text).
    frame = text.document().rootFrame().frameFormat()
    assert abs(frame.leftMargin() - frame.rightMargin()) < 20 and frame.rightMargin() > 300
    assert text.column_width() <= READING_COLUMN_CHARS * text.fontMetrics().horizontalAdvance("国") + 1
    w.larger_text_action.trigger()  # a larger size keeps the column in characters
    qtbot.waitUntil(lambda: 0 < longest_line(text) <= READING_COLUMN_CHARS)
    w.reading_action.trigger()  # out of reading mode: the whole width again
    assert not w.reading_mode()
    qtbot.waitUntil(lambda: longest_line(text) > READING_COLUMN_CHARS)
    assert text.document().rootFrame().frameFormat().rightMargin() < 20
