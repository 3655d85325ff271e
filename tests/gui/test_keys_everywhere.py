"""Every step by key, with Qt's conventions (issue 18): submit (Ctrl+Enter) after a refusal that puts the keyboard
in the first unscored criterion, reopen from the menu's key, the metadata editor opened by key and closed with
Escape keeping what was typed, Shift+F10 / Menu opening context menus (批注选中文字 first in the text's), the outline
in the F6 chain, F8 working at once side by side, and every one of them in Help › Keyboard Shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from desktop.core.scoring import scores as scoring
from desktop.core.storage.documents import get_document
from tests.gui.keys import ALT, CTRL, SHIFT, focused, press

pytestmark = [
    pytest.mark.settings({"reviewer/name": "张三", "documents/last": ""}),
    pytest.mark.window(features="app", active=True),
]


def open_first(qtbot, window) -> str:
    doc_id = window.corpus_panel.proxy.document_id(0)
    window.open_document(doc_id)
    qtbot.waitUntil(lambda: window.current_document_id() == doc_id)
    window.activateWindow()
    return doc_id


def popup_entries(qtbot, open_it) -> list[str]:
    """Open a context menu with ``open_it()``; the texts of its entries (the menu is closed again)."""
    seen: list[list[str]] = []

    def read() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            seen.append([])
            return
        seen.append([a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()])
        menu.close()

    QTimer.singleShot(0, read)
    window = QApplication.focusWidget().window()
    open_it()
    qtbot.waitUntil(lambda: bool(seen))
    window.activateWindow()  # offscreen no window manager gives the activation back when the menu closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return seen[0]


def test_submit_refused_then_submitted_and_reopened_by_keys(qtbot, window, no_dialogs):
    doc_id = open_first(qtbot, window)
    ctrl = window.extensions["scoring"]
    panel = ctrl.panel
    press(qtbot, Qt.Key.Key_4, ALT)
    boxes = list(panel.boxes.values())
    for box in boxes[:-2] + boxes[-1:]:  # every criterion but the one before last
        box.spin.setFocus()
        press(qtbot, Qt.Key.Key_1)
    reader, rubric, reviewer = window.reader, ctrl.store.rubric.id, ctrl.store.reviewer_id
    qtbot.waitUntil(lambda: len(scoring.get_scores(reader, doc_id, reviewer, rubric)) == len(boxes) - 1)
    # Refused: the dialog says which criterion, and the keyboard is in it.
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert [kind for kind, _ in no_dialogs] == ["warning"]
    assert focused(window) is boxes[-2].spin
    refusal = window.statusBar().currentMessage()
    assert boxes[-2].criterion.title in refusal  # also said in the status bar
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Enter, CTRL)  # the keypad's Enter too
    qtbot.waitUntil(lambda: scoring.get_review(reader, doc_id, reviewer, rubric).status == scoring.DONE)
    assert window.statusBar().currentMessage() != refusal  # submitted: the refusal no longer stands there
    assert panel.message_label.text() == ""
    # Reopen by the Scoring menu's key, wherever the keyboard is.
    press(qtbot, Qt.Key.Key_2, ALT)
    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: scoring.get_review(reader, doc_id, reviewer, rubric).status != scoring.DONE)
    rows = dict(window.shortcut_rows())
    assert "Ctrl+Return" in rows["Submit Review"] and rows["Reopen Review"] == "Ctrl+Shift+R"


def test_metadata_editor_by_key_and_escape_keeps_what_was_typed(qtbot, window, no_dialogs):
    doc_id = open_first(qtbot, window)
    press(qtbot, Qt.Key.Key_2, ALT)
    press(qtbot, Qt.Key.Key_M, CTRL | SHIFT)
    editor = window.extensions["corrections"].editors[window.report_view]
    assert editor.isVisible() and focused(window) is editor.first_field()
    assert editor.first_field() in window.panes()  # F6 reaches it while it is open
    editor.first_field().selectAll()
    qtbot.keyClicks(editor.first_field(), "Typed title 2024")
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert focused(window) is window.report_view.text
    qtbot.waitUntil(lambda: get_document(window.reader, doc_id).summary.title == "Typed title 2024")
    assert dict(window.shortcut_rows())["Edit Metadata"] == "Ctrl+Shift+M"


def test_shift_f10_and_the_menu_key_open_context_menus(qtbot, window, no_dialogs):
    open_first(qtbot, window)
    press(qtbot, Qt.Key.Key_2, ALT)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right, SHIFT)
    entries = popup_entries(qtbot, lambda: press(qtbot, Qt.Key.Key_F10, SHIFT))
    assert entries[0] == window.extensions["annotations"].annotate_action.text().replace("&", "")
    assert "Edit metadata…" in entries
    press(qtbot, Qt.Key.Key_1, ALT)
    entries = popup_entries(qtbot, lambda: press(qtbot, Qt.Key.Key_Menu))
    assert window.open_action.text().replace("&", "") in entries


def test_outline_by_key_and_in_the_f6_chain(qtbot, window, no_dialogs):
    open_first(qtbot, window)
    press(qtbot, Qt.Key.Key_5, ALT)
    assert focused(window) is window.report_view.outline
    window.focus_corpus()
    press(qtbot, Qt.Key.Key_F6)
    assert focused(window) is window.report_view.outline
    assert dict(window.shortcut_rows())["Outline"] == "Alt+5"


def test_f8_goes_to_changed_wording_at_once_and_is_listed(qtbot, window, no_dialogs):
    ids = [window.corpus_panel.proxy.document_id(r) for r in range(2)]
    assert window.compare_documents(*ids)
    compare = window.compare_view
    compare.left.text.setFocus()
    assert not compare.wording_box.isChecked()
    press(qtbot, Qt.Key.Key_F8)
    assert compare.wording_box.isChecked() and compare.changes
    assert compare._change_index == 0
    press(qtbot, Qt.Key.Key_F8)
    assert compare._change_index == 1
    press(qtbot, Qt.Key.Key_F8, SHIFT)
    assert compare._change_index == 0
    rows = dict(window.shortcut_rows())
    assert rows["Next change"] == "F8" and rows["Previous change"] == "Shift+F8"


def test_f8_works_from_anywhere_in_the_window_while_side_by_side_is_shown(qtbot, window, no_dialogs):
    ids = [window.corpus_panel.proxy.document_id(r) for r in range(2)]
    assert window.compare_documents(*ids)
    compare = window.compare_view
    window.focus_corpus()  # the keyboard outside the side-by-side panes (as after a click in the corpus table)
    assert not compare.isAncestorOf(focused(window))
    press(qtbot, Qt.Key.Key_F8)
    assert compare.wording_box.isChecked() and compare._change_index == 0
    press(qtbot, Qt.Key.Key_F8, SHIFT)
    assert compare._change_index == len(compare.changes) - 1
    compare.wording_box.setChecked(False)
    window.tabs.setCurrentIndex(0)  # reading one report: F8 belongs to nothing here
    window.focus_corpus()
    press(qtbot, Qt.Key.Key_F8)
    assert not compare.wording_box.isChecked() and compare._change_index == -1


def test_the_shortcuts_list_names_actions_without_their_alt_letters(qtbot, window, no_dialogs):
    """In Chinese a menu entry reads 新建数据库(&N); the shortcuts list says 新建数据库 (not 新建数据库(N))."""
    import re

    from desktop.gui import i18n

    assert i18n.set_language(i18n.CHINESE)
    try:
        qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
        names = [name for name, _keys in window.shortcut_rows()]
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert "新建数据库" in names
    assert [n for n in names if re.search(r"\([A-Z]\)|&", n)] == []
