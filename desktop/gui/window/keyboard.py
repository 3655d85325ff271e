"""The main window's keyboard navigation: focus shortcuts, F6 pane cycling and the shortcuts table.

A mixin of :class:`~desktop.gui.window.main_window.MainWindow` (it uses the window's panels and docks). Its strings are
translated in the context "MainWindow", written out so that lupdate files them where the window looks them up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QPlainTextEdit, QTextEdit, QWidget

from desktop.gui import dialogs

if TYPE_CHECKING:  # a mixin of MainWindow: typed as the window it is mixed into
    from PySide6.QtWidgets import QSplitter, QWidget

    from desktop.gui.review_window import ReviewWindow as _WindowBase
else:
    _WindowBase = object


def action_name(text: str) -> str:
    """An action as the shortcuts list names it: without its Alt letter, whether marked inside the word (&Open) or
    after it as Chinese menus do (打开(&O)), and without the trailing ellipsis."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


class WindowKeyboard(_WindowBase):
    if TYPE_CHECKING:
        def _leave_reading_mode(self) -> None: ...  # WindowLayout's, beside this mixin in MainWindow
    """Focus shortcuts (Alt+1…4), F6 / Shift+F6 through the visible panes, Help > Keyboard Shortcuts."""

    outline_panel: QWidget
    left: QSplitter
    focus_panes: list[Callable[[], QWidget | None]]

    # -- keyboard --------------------------------------------------------------------------------------
    def focus_corpus(self) -> None:
        self._leave_reading_mode()
        self.corpus_panel.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_report_text(self) -> None:
        """Focus the text of the report tab (or the left pane side by side)."""
        if self.tabs.currentWidget() is self.compare_view:
            self.compare_view.left.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.tabs.setCurrentIndex(0)
            self.report_view.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_dock(self, name: str) -> bool:
        """Show and focus a dock by objectName (its focus proxy, else its first focusable child)."""
        dock = self.docks.get(name)
        if dock is None:
            return False
        self._leave_reading_mode()
        dock.show()
        dock.raise_()
        target = dock.widget().focusProxy() if dock.widget() is not None else None
        target = target or (dock.focusProxy() if dock.focusProxy() is not None else dock.widget())
        if target is not None:
            if target.focusPolicy() == Qt.FocusPolicy.NoFocus:
                target = target.nextInFocusChain() or target
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def focus_outline(self) -> None:
        """Alt+5: the outline of the open report (the fast way to a part), shown if it was hidden."""
        self._leave_reading_mode()
        self.tabs.setCurrentIndex(0)
        self.left.show()
        self.outline_panel.show()
        self.report_view.outline.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def panes(self) -> list[QWidget]:
        """The panes F6 cycles through, in order, as far as they are visible."""
        text = self.report_view.text if self.tabs.currentWidget() is self.report_view else self.compare_view.left.text
        candidates: list[QWidget] = [self.corpus_panel.table, self.report_view.outline, self.search_panel.edit, text]
        if self.tabs.currentWidget() is self.compare_view:
            candidates.append(self.compare_view.right.text)
        candidates += [w for w in (pane() for pane in self.focus_panes) if w is not None]
        for name in ("annotationsDock", "scorePanel", "shortcomingsAidsDock"):
            dock = self.docks.get(name)
            if dock is not None and dock.widget() is not None:
                candidates.append(dock.widget().focusProxy() or dock.widget())
        return [w for w in candidates if w.isVisible()]

    def cycle_panes(self, step: int = 1) -> QWidget | None:
        """F6 / Shift+F6: focus the next (previous) pane; the one holding the focus counts as current."""
        panes = self.panes()
        if not panes:
            return None
        focus = QApplication.focusWidget()
        current = next((i for i, w in enumerate(panes) if focus is not None and (w is focus or w.isAncestorOf(focus))),
                       -1 if step > 0 else 0)
        target = panes[(current + step) % len(panes)]
        following = target.nextInFocusChain()
        if target.focusPolicy() == Qt.FocusPolicy.NoFocus and following is not None:
            following.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return target

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action, keys) of every action of the menus that has a shortcut, in menu order."""
        rows: list[tuple[str, str]] = []
        seen: set[int] = set()

        def walk(menu: QMenu) -> None:
            for action in menu.actions():
                sub = action.menu()
                if isinstance(sub, QMenu):
                    walk(sub)
                elif action.shortcuts() and id(action) not in seen:
                    seen.add(id(action))
                    keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                    rows.append((action_name(action.text()), keys))

        for top in self.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                walk(menu)
        for action in self.compare_view.actions():  # side by side: F8 / Shift+F8 through changed wording
            if action.shortcuts() and id(action) not in seen:
                seen.add(id(action))
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                rows.append((action_name(action.text()), keys))
        rows.append((QCoreApplication.translate("MainWindow", "Context menu of the focused pane"),
                     QCoreApplication.translate("MainWindow", "Shift+F10, Menu")))
        rows.append((QCoreApplication.translate("MainWindow", "Close the metadata editor (keeping what was typed)"),
                     QCoreApplication.translate("MainWindow", "Esc")))
        rows.append((QCoreApplication.translate("MainWindow", "Save an annotation in its editor"),
                     QCoreApplication.translate("MainWindow", "Ctrl+Enter")))
        rows.append((QCoreApplication.translate("MainWindow", "Move between fields"), QCoreApplication.translate("MainWindow", "Tab, Shift+Tab")))
        rows.append((QCoreApplication.translate("MainWindow", "Open the chosen report"), QCoreApplication.translate("MainWindow", "Enter")))
        rows.append((QCoreApplication.translate("MainWindow", "Choose a score level in a focused criterion"), QCoreApplication.translate("MainWindow", "0–9")))
        rows.append((QCoreApplication.translate("MainWindow", "From the search box to its hits"), QCoreApplication.translate("MainWindow", "Down")))
        return rows

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: every shortcut of the window, in a table."""
        dialogs.show_table(self, QCoreApplication.translate("MainWindow", "Keyboard shortcuts"),
                           QCoreApplication.translate("MainWindow", "Every pane can be reached from the keyboard; F6 moves between them."),
                           [QCoreApplication.translate("MainWindow", "Action"), QCoreApplication.translate("MainWindow", "Keys")], self.shortcut_rows())


    # -- context menus by key --------------------------------------------------------------------------
    def context_menu_by_key(self, watched: object, event: QEvent) -> bool:
        """Shift+F10 or the Menu key: open the context menu of the focused widget of this window where its
        cursor or current item is (as a right click there would). True when the key was used."""
        if not isinstance(event, QKeyEvent):
            return False
        shift_f10 = event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if not (shift_f10 or event.key() == Qt.Key.Key_Menu):
            return False
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self or watched is not focus:
            return False
        target, pos = focus, focus.rect().center()
        if isinstance(focus, QTextEdit | QPlainTextEdit):
            target, pos = focus.viewport(), focus.cursorRect().center()
        elif isinstance(focus, QAbstractItemView):
            rect = focus.visualRect(focus.currentIndex())
            target, pos = focus.viewport(), rect.center() if rect.isValid() else QPoint(4, 4)
        menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, target.mapToGlobal(pos),
                                       event.modifiers())
        QApplication.sendEvent(target, menu_event)
        return True
