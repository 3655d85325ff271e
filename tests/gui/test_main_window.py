"""The main window driven as a reviewer would: open databases, browse, filter, search, compare, menus, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel

from desktop.gui import dialogs
from desktop.gui.window import fonts
from desktop.gui.window.main_window import LAST_KEY, MainWindow, menu_texts


def type_text(widget, text: str) -> None:
    """Type text (any script) into a widget as key events; QTest's keyClicks only knows ASCII."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _row_of_name(window: MainWindow, prefix: str) -> int:
    proxy = window.corpus_panel.proxy
    for row in range(proxy.rowCount()):
        doc_id = proxy.document_id(row)
        if window.corpus_model.summary(window.corpus_model.row_of(doc_id)).name.startswith(prefix):
            return row
    raise AssertionError(prefix)


def _id_of_name(window: MainWindow, prefix: str) -> str:
    return window.corpus_panel.proxy.document_id(_row_of_name(window, prefix))


def test_opening_a_database_shows_its_corpus_and_remembers_it(window, seeded_db_path, settings, no_dialogs):
    assert window.corpus_panel.proxy.rowCount() == 5
    assert seeded_db_path.name in window.windowTitle()
    assert window.corpus_panel.count_label.text() == "5 reports"
    assert settings.value(LAST_KEY) == str(seeded_db_path.resolve())
    assert window.recent_databases() == [str(seeded_db_path.resolve())]
    assert window.executor is not None and window.reader is not None
    assert no_dialogs == []


def test_choosing_a_row_opens_the_report_and_announces_it(qtbot, window):
    table = window.corpus_panel.table
    row = _row_of_name(window, "001_")
    expected = window.corpus_panel.proxy.document_id(row)
    with qtbot.waitSignal(window.current_document_changed, timeout=3000) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(window.corpus_panel.proxy.index(row, 1)).center())
    assert blocker.args == [expected]
    assert window.current_document_id() == expected
    assert window.tabs.currentIndex() == 0


def test_next_and_previous_report_move_through_the_table(qtbot, window):
    window.corpus_panel.table.selectRow(0)
    first = window.corpus_panel.proxy.document_id(0)
    qtbot.waitUntil(lambda: window.current_document_id() == first)
    window.next_action.trigger()
    qtbot.waitUntil(lambda: window.current_document_id() == window.corpus_panel.proxy.document_id(1))
    window.prev_action.trigger()
    qtbot.waitUntil(lambda: window.current_document_id() == first)


def test_filter_widgets_narrow_the_table(qtbot, window):
    panel = window.corpus_panel
    panel.set_year(2022)
    assert panel.proxy.rowCount() == 1
    assert panel.count_label.text() == "1 of 5 reports"
    panel.set_year(None)
    type_text(panel.agency_edit, "梨树")
    assert panel.proxy.rowCount() == 1
    panel.agency_edit.clear()
    panel.set_missing_kind("shortcomings")
    assert panel.proxy.rowCount() == 2
    window.clear_filters_action.trigger()
    assert panel.proxy.rowCount() == 5
    assert panel.missing_combo.currentIndex() == 0


def test_year_filter_lists_the_corpus_years(window):
    combo = window.corpus_panel.year_combo
    combo.refresh()
    assert [combo.itemText(i) for i in range(combo.count())] == ["All years", "2025", "2024", "2022"]


def test_search_then_clicking_a_hit_opens_the_report_at_the_hit(qtbot, window, monkeypatch):
    calls: list[tuple[str, object]] = []
    highlight, scroll = window.report_view.highlight_query, window.report_view.scroll_to_offset
    monkeypatch.setattr(window.report_view, "highlight_query", lambda q: calls.append(("highlight", q)) or highlight(q))
    monkeypatch.setattr(window.report_view, "scroll_to_offset", lambda o: calls.append(("scroll", o)) or scroll(o))
    panel = window.search_panel
    window.find_action.trigger()
    type_text(panel.edit, "梨树县")
    with qtbot.waitSignal(panel.search_finished, timeout=5000) as blocker:
        qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    assert blocker.args[0] == 1
    assert panel.model.rowCount() >= 1
    hit = panel.model.hit(0)
    assert "梨树县" in hit.context
    target = _id_of_name(window, "001_")
    assert hit.document_id == target
    with qtbot.waitSignal(window.current_document_changed, timeout=3000):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.view.visualRect(panel.model.index(0, 1)).center())
    assert window.current_document_id() == target
    assert window.corpus_panel.current_document_id() == target
    # The report view shows that report with every hit marked, the clicked one scrolled into view.
    assert window.report_view.current_document().id == target
    assert calls[0] == ("highlight", "梨树县") and calls[-1] == ("scroll", hit.start)
    assert (hit.start, hit.start + 3) in window.report_view.hit_spans()


def test_search_with_no_hits_says_so(qtbot, window):
    with qtbot.waitSignal(window.search_panel.search_finished, timeout=5000):
        window.search_panel.search("没有这样的词语组合")
    assert window.search_panel.model.rowCount() == 0
    assert "No report contains" in window.search_panel.status.text()


def test_compare_selected_needs_two_reports(qtbot, window, no_dialogs, monkeypatch):
    window.corpus_panel.table.selectRow(0)
    window.compare_selected()
    assert no_dialogs and no_dialogs[-1][0] == "info"
    pairs: list[tuple[str, str]] = []
    monkeypatch.setattr(window.compare_view, "show_pair", lambda a, b: pairs.append((a.id, b.id)))
    table = window.corpus_panel.table
    table.selectRow(_row_of_name(window, "000_"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     table.visualRect(window.corpus_panel.proxy.index(_row_of_name(window, "003_"), 0)).center())
    assert len(window.corpus_panel.selected_ids()) == 2
    assert window.compare_action.isEnabled()
    window.compare_action.trigger()
    # The earlier year goes on the left.
    assert pairs == [(_id_of_name(window, "003_"), _id_of_name(window, "000_"))]
    assert window.tabs.currentIndex() == 1


def test_compare_with_previous_year(qtbot, window, no_dialogs):
    window.open_document(_id_of_name(window, "000_"))
    window.previous_year_action.trigger()
    left, right = window.compare_view.documents()
    assert (left.id, right.id) == (_id_of_name(window, "003_"), _id_of_name(window, "000_"))
    assert (left.summary.year, right.summary.year) == (2022, 2025)
    assert window.tabs.currentIndex() == 1
    window.open_document(_id_of_name(window, "001_"))
    window.previous_year_action.trigger()
    assert window.compare_view.documents()[1].id == _id_of_name(window, "000_")  # unchanged
    assert no_dialogs[-1][0] == "info" and "no earlier report" in no_dialogs[-1][1][2]


def test_file_menu_entries_and_standard_shortcuts(window):
    assert menu_texts(window.file_menu) == ["&New Database…", "&Open Database…", "Open &Recent",
                                            "&Import Reports…", "Import &Folder…", "&Settings…", "&Quit"]
    assert window.new_db_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.open_db_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert window.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Reports", "&Help"]


def test_export_submenu_appears_with_its_first_action(window):
    assert not window.export_menu.menuAction().isVisible()
    action = QAction("Review sheet (Excel)…", window)
    window.add_export_action(action)
    assert window.export_menu.menuAction().isVisible()
    assert window.export_menu.actions() == [action]
    assert "&Export" in menu_texts(window.file_menu)


def test_add_dock_puts_a_toggle_in_the_view_menu(window):
    dock = QDockWidget("Annotations", window)
    dock.setObjectName("annotationsDock")
    dock.setWidget(QLabel("notes"))
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock.toggleViewAction() in window.view_menu.actions()
    nameless = QDockWidget("x", window)
    with pytest.raises(ValueError):
        window.add_dock(nameless, Qt.DockWidgetArea.RightDockWidgetArea)


class _Append(QUndoCommand):
    def __init__(self, target: list[int], value: int) -> None:
        super().__init__(f"append {value}")
        self.target, self.value = target, value

    def redo(self) -> None:
        self.target.append(self.value)

    def undo(self) -> None:
        self.target.remove(self.value)


def test_edit_menu_undo_and_redo_drive_the_undo_stack(window):
    values: list[int] = []
    window.undo_stack.push(_Append(values, 1))
    assert values == [1] and window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert values == []
    window.redo_action.trigger()
    assert values == [1]


def test_open_database_refuses_a_file_that_is_not_one(window, tmp_path, no_dialogs, seeded_db_path):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("just some notes", encoding="utf-8")
    assert not window.open_database(bogus)
    kind, args = no_dialogs[-1]
    assert kind == "error" and "notes.sqlite3" in args[2] and "not a ReviewDesk database" in args[2]
    assert window.db_path == seeded_db_path.resolve()
    assert window.corpus_panel.proxy.rowCount() == 5
    assert bogus.read_text(encoding="utf-8") == "just some notes"


def test_new_database_starts_empty_and_goes_into_recent(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(tmp_path / "fresh"))
    with qtbot.waitSignal(window.database_changed, timeout=3000):
        window.new_db_action.trigger()
    assert window.db_path == (tmp_path / "fresh.sqlite3").resolve()
    assert window.corpus_panel.proxy.rowCount() == 0
    assert window.current_document_id() == ""
    window._fill_recent_menu()
    entries = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert entries[:2] == [str((tmp_path / "fresh.sqlite3").resolve()), str(window.recent_databases()[1])]
    assert entries[-1] == "Clear List"
    # Back to the first one through the recent menu.
    first = next(a for a in window.recent_menu.actions() if a.text() == window.recent_databases()[1])
    first.trigger()
    assert window.corpus_panel.proxy.rowCount() == 5


def test_layout_is_remembered(qtbot, settings, seeded_db_path, no_dialogs):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.open_database(seeded_db_path)
    first.show()
    first.resize(760, 560)  # within the offscreen test screen (800 x 800), so nothing gets clamped
    first.splitter.setSizes([500, 300])
    sizes, size = first.splitter.sizes(), first.size()
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    # The offscreen test screen is only 800 pixels wide: allow the few pixels a window frame takes.
    assert abs(second.width() - size.width()) <= 4 and abs(second.height() - size.height()) <= 4
    assert all(abs(a - b) <= 4 for a, b in zip(second.splitter.sizes(), sizes, strict=True))


def test_font_check_warns_with_what_to_install(qtbot, window, monkeypatch, no_dialogs):
    monkeypatch.setattr(fonts, "cjk_families", lambda: [])
    monkeypatch.setattr(fonts, "load_bundled_font", lambda: None)
    assert fonts.check_fonts(window) is False
    kind, args = no_dialogs[-1]
    assert kind == "warning"
    assert "fonts-noto-cjk" in args[2] and "empty boxes" in args[2]


def test_bundled_font_is_used_when_the_machine_has_none(window, monkeypatch, no_dialogs):
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(fonts, "cjk_families", lambda: [])
    before = QApplication.font()
    try:
        assert fonts.check_fonts(window) is True
        assert no_dialogs == []
        family = QApplication.font().families()[-1]
        assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    finally:
        QApplication.setFont(before)  # the application font outlives the test: later tests must not see the change


def test_font_check_passes_quietly_when_a_chinese_font_exists(window, monkeypatch, no_dialogs):
    monkeypatch.setattr(fonts, "cjk_families", lambda: ["Noto Sans CJK SC"])
    assert fonts.check_fonts(window) is True
    assert no_dialogs == []


def test_context_menu_offers_open_and_compare(window):
    texts = [a.text() for a in window.corpus_panel.table.actions()]
    assert texts == ["&Open Report", "&Compare Selected Reports", "Compare with Previous &Year"]
    assert window.corpus_panel.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert isinstance(QPoint(), QPoint)


def test_app_start_opens_the_database_seeds_it_and_checks_fonts(qtbot, tmp_path, settings, monkeypatch, no_dialogs):
    from desktop.gui.app import create_main_window

    monkeypatch.setattr(fonts, "cjk_families", lambda: [])
    monkeypatch.setattr(fonts, "load_bundled_font", lambda: None)
    window = create_main_window(Path(tmp_path / "first.sqlite3"), settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.corpus_model.total == 5, timeout=20000)
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, _ in no_dialogs), timeout=3000)
    assert window.corpus_panel.proxy.rowCount() == 5


def test_review_columns_follow_the_reviewer_named_in_the_settings(qtbot, settings, seeded_db_path, no_dialogs):
    from desktop.core.review.reviewers import get_or_create_reviewer
    from desktop.core.storage import open_database

    db = open_database(seeded_db_path)
    reviewer = get_or_create_reviewer(db, "李明")
    db.conn.close()
    settings.setValue("reviewer/name", "李明")
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.open_database(seeded_db_path)
    assert w.reviewer_id == reviewer.id
    status = w.corpus_model.column_index("review")
    assert [w.corpus_model.index(r, status).data() for r in range(5)] == ["Not started"] * 5
    w.set_reviewer(None)
    assert w.corpus_model.index(0, status).data() == ""


def test_a_filter_keeps_the_current_and_selected_reports_that_are_still_shown(qtbot, window):
    panel = window.corpus_panel
    jilin = [_id_of_name(window, p) for p in ("003_", "000_")]  # 吉林省…管理局, 2022 and 2025
    other = _id_of_name(window, "004_")
    assert panel.select_document(jilin[0])
    qtbot.waitUntil(lambda: window.current_document_id() == jilin[0])
    panel.table.selectionModel().select(panel.proxy.index(_row_of_name(window, "000_"), 0),
                                        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    type_text(panel.agency_edit, "吉林")
    assert panel.proxy.rowCount() == 2
    assert panel.current_document_id() == jilin[0] and window.current_document_id() == jilin[0]
    assert sorted(panel.selected_ids()) == sorted(jilin)
    # A report hidden by the filter is not selected behind the reviewer's back: the filter stays; revealing it
    # (the notice's button) clears the filters first.
    assert not panel.select_document(other)
    assert panel.proxy.rowCount() == 2 and panel.agency_edit.text() == "吉林"
    assert panel.reveal_document(other)
    assert panel.proxy.rowCount() == 5 and panel.agency_edit.text() == ""
    assert panel.current_document_id() == other


def test_opening_a_report_reads_only_its_rows_page(qtbot, window):
    model = window.corpus_model
    last = model.summaries()[-1].id
    model._page_size = 1  # noqa: SLF001 - a page per row makes "read the whole table" visible
    model.reload()
    assert window.open_document(last)
    assert window.corpus_panel.current_document_id() == last
    assert model.loaded <= 2  # the row of the report (and the first row the view drew), not the table


def test_opening_another_database_while_a_report_is_open(qtbot, settings, seeded_db_path, tmp_path, no_dialogs):
    """Every dock installed and a report open: opening another database lets the report go while its database is
    still open (the annotation list read a closed connection: an error dialog on each switch), then shows the new
    corpus with nothing of the old report left in the docks."""
    import shutil

    from PySide6.QtCore import QSize

    from tests.gui.windows import make_window

    w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    assert w.current_document_id()
    annotations = w.extensions["annotations"]
    doc = w.current_document_id()
    annotations.store.create(doc, 0, 20, [annotations.store.tags()[0].id], "旧库的批注", None)
    qtbot.waitUntil(lambda: len(w.report_view.text.marks("annotations")) == 1)
    other = tmp_path / "另一个库.sqlite3"
    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage import open_database

    db = open_database(other)
    import_paths(db, sorted((Path(__file__).resolve().parents[2] / "seeds").glob("001_*.txt")))
    db.conn.close()
    assert w.open_database(other)  # an exception in a slot on the way fails the test (pytest-qt)
    QApplication.processEvents()
    assert w.corpus_panel.proxy.rowCount() == 1
    assert w.current_document_id() != doc
    model = annotations.panel.model
    assert "旧库的批注" not in [model.annotation(r).comment for r in range(model.rowCount())]
    shutil.copy(seeded_db_path, tmp_path / "back.sqlite3")
    assert w.open_database(tmp_path / "back.sqlite3")
    QApplication.processEvents()


def test_the_database_line_and_a_passing_message_are_never_drawn_over_each_other(qtbot, window):
    """The status bar's database line hides while a message shows, also for a message shown over another one
    (both were drawn in the same place, unreadable), and comes back when the message goes."""
    bar = window.statusBar()
    window.show()
    qtbot.waitExposed(window)
    for message in ("第一条消息", "第二条消息"):
        bar.showMessage(message, 10000)
        QApplication.processEvents()
        assert not window.db_label.isVisible(), message
    bar.clearMessage()
    QApplication.processEvents()
    assert window.db_label.isVisible() and "sqlite3" in window.db_label.text()
