"""The main window's actions and menus: File, Edit, View (with Go To and the text size), Reports and Help.

A mixin of :class:`~desktop.gui.window.main_window.MainWindow` (the actions call the window's slots). Its strings are
translated in the context "MainWindow", written out so that lupdate files them where the window looks them up.
Features add their own menus and entries through the window's extension points (``add_menu``, ``add_dock``…).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:  # a mixin of MainWindow: typed as the window it is mixed into
    from desktop.gui.review_window import ReviewWindow as _WindowBase
    from desktop.gui.window.text_size import TextSize
else:
    _WindowBase = object


def _distinct(*keys: QKeySequence) -> list[QKeySequence]:
    """The keys without repeats (a platform's standard key may be the one written out: twice is ambiguous)."""
    out: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in out:
            out.append(key)
    return out


class WindowActions(_WindowBase):
    """Builds the window's actions (with their keys) and menus, and gives them their texts."""

    text_size: TextSize

    if TYPE_CHECKING:  # the slots the actions call, defined by MainWindow and its other mixins
        from PySide6.QtWidgets import QWidget

        def new_database(self) -> None: ...
        def choose_database(self) -> None: ...
        def show_settings(self) -> None: ...
        def show_about(self) -> None: ...
        def _check_fonts_now(self) -> None: ...
        def _focus_search(self) -> None: ...
        def _fill_recent_menu(self) -> None: ...
        def _open_selected(self) -> None: ...
        def _step(self, delta: int) -> None: ...
        def compare_selected(self) -> None: ...
        def compare_with_previous_year(self) -> None: ...
        def toggle_reading_mode(self) -> None: ...
        def focus_corpus(self) -> None: ...
        def focus_report_text(self) -> None: ...
        def focus_dock(self, name: str) -> bool: ...
        def focus_outline(self) -> None: ...
        def cycle_panes(self, step: int = 1) -> QWidget | None: ...
        def show_shortcuts(self) -> None: ...

    # -- construction ----------------------------------------------------------------------------------
    def _action(self, slot: Callable[[], object], shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.new_db_action = self._action(self.new_database, sk.New)
        self.open_db_action = self._action(self.choose_database, sk.Open)
        self.import_files_action = self._action(self.import_controller.choose_files, "Ctrl+I")
        self.import_folder_action = self._action(self.import_controller.choose_folder, "Ctrl+Shift+I")
        self.settings_action = self._action(self.show_settings, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(self.close, sk.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcuts([QKeySequence(sk.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = self._action(self._focus_search, sk.Find)
        self.filter_action = self._action(self.corpus_panel.agency_edit.setFocus, "Ctrl+L")
        self.clear_filters_action = self._action(self.corpus_panel.clear_filters)
        self.report_tab_action = self._action(lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")
        self.compare_tab_action = self._action(lambda: self.tabs.setCurrentIndex(1), "Ctrl+2")
        self.open_action = self._action(self._open_selected)
        self.compare_action = self._action(self.compare_selected, "Ctrl+Shift+C")
        self.previous_year_action = self._action(self.compare_with_previous_year, "Ctrl+Shift+P")
        self.next_action = self._action(lambda: self._step(1), "Alt+Down")
        self.prev_action = self._action(lambda: self._step(-1), "Alt+Up")
        self.reading_action = self._action(self.toggle_reading_mode)
        self.reading_action.setShortcuts([QKeySequence("F11"), QKeySequence("Ctrl+Shift+F")])
        self.reading_action.setCheckable(True)
        self.larger_text_action = self._action(self.text_size.bigger)
        self.larger_text_action.setShortcuts(_distinct(QKeySequence("Ctrl+="), QKeySequence(sk.ZoomIn)))
        self.smaller_text_action = self._action(self.text_size.smaller)
        self.smaller_text_action.setShortcuts(_distinct(QKeySequence("Ctrl+-"), QKeySequence(sk.ZoomOut)))
        self.default_text_action = self._action(self.text_size.reset, "Ctrl+0")
        self.focus_corpus_action = self._action(self.focus_corpus, "Alt+1")
        self.focus_text_action = self._action(self.focus_report_text, "Alt+2")
        self.focus_annotations_action = self._action(lambda: self.focus_dock("annotationsDock"), "Alt+3")
        self.focus_score_action = self._action(lambda: self.focus_dock("scorePanel"), "Alt+4")
        self.focus_outline_action = self._action(self.focus_outline, "Alt+5")
        self.next_pane_action = self._action(lambda: self.cycle_panes(1), "F6")
        self.previous_pane_action = self._action(lambda: self.cycle_panes(-1), "Shift+F6")
        self.shortcuts_action = self._action(self.show_shortcuts)
        self.fonts_action = self._action(self._check_fonts_now)
        self.about_action = self._action(self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        for action in (self.open_action, self.compare_action, self.previous_year_action):
            self.corpus_panel.add_context_action(action)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.new_db_action, self.open_db_action])
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_files_action, self.import_folder_action])
        self.export_menu = self.file_menu.addMenu("")
        self.export_menu.menuAction().setVisible(False)  # shown once something can be exported
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.find_action, self.filter_action, self.clear_filters_action])

        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([self.report_tab_action, self.compare_tab_action, self.reading_action])
        self.view_menu.addAction(self.corpus_panel.group_action)  # the corpus grouped by agency (gui/corpus)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.larger_text_action, self.smaller_text_action, self.default_text_action])
        self.view_menu.addSeparator()
        self.goto_menu = self.view_menu.addMenu("")
        self.goto_menu.addActions([self.focus_corpus_action, self.find_action, self.focus_text_action,
                                   self.focus_outline_action, self.focus_annotations_action,
                                   self.focus_score_action])
        self.goto_menu.addSeparator()
        self.goto_menu.addActions([self.next_pane_action, self.previous_pane_action])
        self.view_menu.addSeparator()
        self._docks_separator = self.view_menu.addSeparator()

        self.reports_menu = bar.addMenu("")
        self.reports_menu.addActions([self.open_action, self.next_action, self.prev_action])
        self.reports_menu.addSeparator()
        self.reports_menu.addActions([self.compare_action, self.previous_year_action])

        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.fonts_action, self.about_action])

    # -- texts -----------------------------------------------------------------------------------------
    def _retranslate_actions(self) -> None:
        """The menus' titles, the actions' texts and tooltips, the view tabs' names."""
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.recent_menu.setTitle(QCoreApplication.translate("MainWindow", "Open &Recent"))
        self.export_menu.setTitle(QCoreApplication.translate("MainWindow", "&Export"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.reports_menu.setTitle(QCoreApplication.translate("MainWindow", "&Reports"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.goto_menu.setTitle(QCoreApplication.translate("MainWindow", "&Go To"))
        texts = {
            self.new_db_action: QCoreApplication.translate("MainWindow", "&New Database…"),
            self.open_db_action: QCoreApplication.translate("MainWindow", "&Open Database…"),
            self.import_files_action: QCoreApplication.translate("MainWindow", "&Import Reports…"),
            self.import_folder_action: QCoreApplication.translate("MainWindow", "Import &Folder…"),
            self.settings_action: QCoreApplication.translate("MainWindow", "&Settings…"),
            self.quit_action: QCoreApplication.translate("MainWindow", "&Quit"),
            self.find_action: QCoreApplication.translate("MainWindow", "&Search Full Text"),
            self.filter_action: QCoreApplication.translate("MainWindow", "Filter by &Agency"),
            self.clear_filters_action: QCoreApplication.translate("MainWindow", "&Clear Filters"),
            self.report_tab_action: QCoreApplication.translate("MainWindow", "&Report"),
            self.compare_tab_action: QCoreApplication.translate("MainWindow", "&Side by Side"),
            self.open_action: QCoreApplication.translate("MainWindow", "&Open Report"),
            self.next_action: QCoreApplication.translate("MainWindow", "&Next Report"),
            self.prev_action: QCoreApplication.translate("MainWindow", "&Previous Report"),
            self.compare_action: QCoreApplication.translate("MainWindow", "&Compare Selected Reports"),
            self.previous_year_action: QCoreApplication.translate("MainWindow", "Compare with Previous &Year"),
            self.reading_action: QCoreApplication.translate("MainWindow", "Reading &Mode"),
            self.larger_text_action: QCoreApplication.translate("MainWindow", "&Larger Text"),
            self.smaller_text_action: QCoreApplication.translate("MainWindow", "Smaller Te&xt"),
            self.default_text_action: QCoreApplication.translate("MainWindow", "&Default Text Size"),
            self.focus_corpus_action: QCoreApplication.translate("MainWindow", "&Corpus Table"),
            self.focus_text_action: QCoreApplication.translate("MainWindow", "Report &Text"),
            self.focus_annotations_action: QCoreApplication.translate("MainWindow", "&Annotations List"),
            self.focus_score_action: QCoreApplication.translate("MainWindow", "Score For&m"),
            self.focus_outline_action: QCoreApplication.translate("MainWindow", "&Outline"),
            self.next_pane_action: QCoreApplication.translate("MainWindow", "&Next Pane"),
            self.previous_pane_action: QCoreApplication.translate("MainWindow", "&Previous Pane"),
            self.shortcuts_action: QCoreApplication.translate("MainWindow", "&Keyboard Shortcuts"),
            self.fonts_action: QCoreApplication.translate("MainWindow", "Check &Chinese Fonts"),
            self.about_action: QCoreApplication.translate("MainWindow", "&About ReviewDesk"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.undo_action.setText(QCoreApplication.translate("MainWindow", "&Undo"))
        self.redo_action.setText(QCoreApplication.translate("MainWindow", "&Redo"))
        self.compare_action.setToolTip(QCoreApplication.translate("MainWindow", "Select two reports in the table, then compare them side by side"))
        self.tabs.setTabText(0, QCoreApplication.translate("MainWindow", "Report"))
        self.tabs.setTabText(1, QCoreApplication.translate("MainWindow", "Side by Side"))
        self.reading_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Hide the corpus column and the docks and set the text in a centred column to read; again "
                          "to bring them back (F11 or Ctrl+Shift+F)"))
