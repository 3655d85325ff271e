"""The Panel menu of the review window: Panel Review… (the panel view) and Panel Dashboard… (the charts).

Built on the main window's extension points only (``add_menu``, ``undo_stack``, ``changes``, ``executor`` and
``reader``, ``database_changed``, ``settings``): no change to the window's layout. The lead's decisions are
recorded under the name saved for this computer (desktop.gui.reviewer_name).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.gui.i18n import follow_language
from desktop.gui.panel.actions import PanelActions, install_panel_actions
from desktop.gui.panel.dashboard import DashboardDialog
from desktop.gui.panel.store import AdjudicationStore
from desktop.gui.panel.view import PanelDialog
from desktop.gui.review_window import ReviewWindow, follow_database
from desktop.gui.reviewer_name import SETTINGS_KEY, ask_name, saved_name


class PanelController(QObject):
    """Owns the panel store and opens the panel view and dashboard as non-modal dialogs."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = AdjudicationStore(window.executor, window.reader, window.undo_stack, window.changes, self)
        self.store.ask_name = self.ask_lead_name
        self.view: PanelDialog | None = None
        self.dashboard: DashboardDialog | None = None
        self.view_action = QAction(self)
        self.view_action.triggered.connect(self.show_view)
        self.dashboard_action = QAction(self)
        self.dashboard_action.triggered.connect(self.show_dashboard)
        self.menu: QMenu | None = None
        self.actions: PanelActions | None = None  # Assign to Reviewers… and Import Scores…
        window.leaving.connect(self.commit_edits)

    def commit_edits(self) -> None:
        """The 评审意见 typed in the panel view and not yet saved (its save waits for a pause in typing) is stored
        before the database closes."""
        if self.view is not None:
            self.view.save_comment()

    def on_database(self) -> None:
        w = self.window
        self.store.set_database(w.executor, w.reader)
        self.store.reviewer_name = saved_name(w.settings) or ""
        for dialog in (self.view, self.dashboard):
            if dialog is not None:
                dialog.close()
        self.view = self.dashboard = None
        self._update_actions()

    def ask_lead_name(self) -> str | None:
        """The lead's name, asked once like a reviewer's and kept in this computer's settings (None: cancelled)."""
        name = ask_name(self.view or self.window)
        if name:
            self.window.settings.setValue(SETTINGS_KEY, name)
        return name

    def _update_actions(self) -> None:
        ready = self.store.ready
        self.view_action.setEnabled(ready)
        self.dashboard_action.setEnabled(ready)

    def show_view(self) -> PanelDialog | None:
        if not self.store.ready:
            return None
        self.store.reviewer_name = saved_name(self.window.settings) or self.store.reviewer_name
        if self.view is None:
            self.view = PanelDialog(self.store, self.window)
        self.view.show()
        self.view.raise_()
        return self.view

    def show_dashboard(self) -> DashboardDialog | None:
        if not self.store.ready:
            return None
        if self.dashboard is None:
            self.dashboard = DashboardDialog(self.store, self.window)
        self.dashboard.show()
        self.dashboard.raise_()
        return self.dashboard

    def retranslate(self) -> None:
        self.view_action.setText(QCoreApplication.translate("Panel", "Panel &Review…"))
        self.dashboard_action.setText(QCoreApplication.translate("Panel", "Panel &Dashboard…"))
        if self.menu is not None:
            self.menu.setTitle(QCoreApplication.translate("Panel", "&Panel"))
        if self.actions is not None:
            self.actions.retranslate()
        for dialog in (self.view, self.dashboard):
            if dialog is not None:
                dialog.retranslate()


def install_panel(main_window: ReviewWindow) -> PanelController:
    """Add the Panel menu to the MainWindow and wire it to the window's database."""
    mw = main_window
    ctrl = PanelController(mw)
    menu = QMenu(mw)
    menu.addActions([ctrl.view_action, ctrl.dashboard_action])
    mw.add_menu(menu)
    ctrl.menu = menu
    ctrl.actions = install_panel_actions(mw, ctrl.store)
    ctrl.retranslate()
    follow_language(mw, ctrl, ctrl.retranslate)
    follow_database(mw, ctrl.on_database, ctrl._update_actions)
    return ctrl
