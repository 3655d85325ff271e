"""Scoring in the review window: the score dock, the Scoring menu (overview, rubric) and File > Export entries.

:func:`install_scoring` adds all of it to the MainWindow through its extension points (``add_dock``,
``add_export_action``, ``undo_stack``, ``executor``/``reader``, ``current_document_changed``,
``database_changed``) and returns the :class:`ScoringController`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.core.changes import Changes
from desktop.core.export import FORMAT_LABELS, FORMATS
from desktop.core.scoring.rubric import Rubric, RubricError, load_default_rubric, load_rubric_file
from desktop.gui import dialogs, i18n
from desktop.gui.review_window import ReviewWindow, follow_database
from desktop.gui.reviewer_name import ensure_reviewer, saved_name
from desktop.gui.scoring.export_dialog import ExportDialog
from desktop.gui.scoring.overview_dialog import OverviewDialog
from desktop.gui.scoring.score_form import ScorePanel
from desktop.gui.scoring.store import ScoreStore


class ScoringController(QObject):
    """Connects the score panel, its store, the dialogs and the main window."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = ScoreStore(window.executor, window.reader, window.undo_stack, window.changes, self)
        self.panel = ScorePanel(self.store, window)
        self.panel.ensure_reviewer = self.ensure_reviewer
        self.panel.jump_requested.connect(self.jump_to)
        self.panel.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        # a refusal the reviewer has since put right ("1 of 8 criteria…" after submitting) leaves the status bar
        self.panel.message_withdrawn.connect(
            lambda text: window.statusBar().clearMessage() if window.statusBar().currentMessage() == text else None)
        self.overview: OverviewDialog | None = None
        self.export_dialog: ExportDialog | None = None
        # The overview is re-read once after a burst of changes.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self._refresh_overview)
        window.changes.changed.connect(self._on_changes)

        self.overview_action = QAction(self)
        self.overview_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.overview_action.triggered.connect(self.show_overview)
        self.load_rubric_action = QAction(self)
        self.load_rubric_action.triggered.connect(self.load_rubric)
        self.default_rubric_action = QAction(self)
        self.default_rubric_action.triggered.connect(self.use_default_rubric)
        self.export_actions: dict[str, QAction] = {}
        for fmt in FORMATS:
            action = QAction(self)
            action.triggered.connect(lambda _checked=False, f=fmt: self.show_export(f))
            self.export_actions[fmt] = action
        self.export_actions["xlsx"].setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.menu: QMenu | None = None
        i18n.follow_language(window, self, self.retranslate)
        self.retranslate()

    # --- database, document, reviewer -----------------------------------------------------------------

    def on_database(self) -> None:
        w = self.window
        self.store.set_database(w.executor, w.reader)
        self.store.reviewer_id = w.reviewer_id
        self.store.reviewer_name = saved_name(w.settings) if self.store.reviewer_id else ""
        self.panel.document_id = w.current_document_id() if w.executor is not None else ""
        self.panel.rebuild()  # the database's rubric; shows the current report
        self._update_actions()

    @property
    def reviewer_name(self) -> str:
        return self.store.reviewer_name

    def ensure_reviewer(self) -> bool:
        """The reviewer scoring: the name in the settings (asked once if none), registered in this database."""
        if self.store.executor is None:
            return False
        return ensure_reviewer(self.window, self.window.settings, self.store) is not None

    def _on_changes(self, changes: Changes) -> None:
        if changes.any("scores", "reviews", "rubric", "documents", "metadata"):
            self._refresh_timer.start()

    def jump_to(self, start: int, end: int) -> None:
        self.window.show_passage(start, end)

    def _refresh_overview(self) -> None:
        if self.overview is not None and self.overview.isVisible():
            self.overview.reload()

    # --- actions --------------------------------------------------------------------------------------

    def show_overview(self) -> OverviewDialog | None:
        """The review overview of the current reviewer (asked for a name first if none)."""
        if not self.store.ready or not self.ensure_reviewer():
            return None
        if self.overview is not None:
            self.overview.close()
            self.overview.deleteLater()
        if self.store.reviewer_id is None:
            return None
        self.overview = OverviewDialog(self.store.db, self.store.reviewer_id, self.reviewer_name,
                                       self.store.active.id, self.window)
        self.overview.open_requested.connect(lambda doc_id: self.window.open_document(doc_id))
        self.overview.show()
        return self.overview

    def load_rubric(self) -> bool:
        """Let the reviewer choose a rubric file; new scores are made under it, old ones stay with theirs."""
        if not self.store.ready:
            return False
        path = dialogs.open_file(self.window, QCoreApplication.translate("Scoring", "Load rubric"), QCoreApplication.translate("Scoring", "Rubric files (*.toml);;All files (*)"))
        if not path:
            return False
        try:
            rubric = load_rubric_file(path)
        except RubricError as exc:
            dialogs.warning(self.window, QCoreApplication.translate("Scoring", "Rubric not loaded"), str(exc))
            return False
        return self._use(rubric)

    def use_default_rubric(self) -> bool:
        return self._use(load_default_rubric()) if self.store.ready else False

    def _use(self, rubric: Rubric) -> bool:
        previous = self.store.rubric
        if previous is not None and previous.id == rubric.id:
            return True
        self.store.use_rubric(rubric)
        self.panel.rebuild()
        if previous is not None:
            dialogs.info(self.window, QCoreApplication.translate("Scoring", "Rubric changed"),
                         QCoreApplication.translate("Scoring", "New scores are made under “%1” (version %2). Scores made under “%3” (version %4) are "
                             "kept with that rubric and are not changed; load it again to see them.")
                         .replace("%1", rubric.name).replace("%2", rubric.version)
                         .replace("%3", previous.name).replace("%4", previous.version))
        return True

    def show_export(self, fmt: str = "xlsx") -> ExportDialog | None:
        w = self.window
        if w.db_path is None or w.reader is None:
            return None
        if self.export_dialog is not None and self.export_dialog.task is not None:
            self.export_dialog.raise_()
            return self.export_dialog
        selected = w.corpus_panel.selected_ids() if getattr(w, "corpus_panel", None) is not None else []
        current = w.working_document_id() if hasattr(w, "working_document_id") else ""
        self.export_dialog = ExportDialog(w.db_path, w.reader, w.settings, fmt, self.reviewer_name,
                                          self.store.rubric.id if self.store.rubric else None, w,
                                          current_id=current, selected_ids=selected)
        self.export_dialog.show()
        return self.export_dialog

    def _update_actions(self) -> None:
        ready = self.store.ready
        for action in (self.overview_action, self.load_rubric_action, self.default_rubric_action,
                       *self.export_actions.values()):
            action.setEnabled(ready)

    # --- texts ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.overview_action.setText(QCoreApplication.translate("Scoring", "Review &Overview…"))
        self.load_rubric_action.setText(QCoreApplication.translate("Scoring", "&Load Rubric…"))
        self.default_rubric_action.setText(QCoreApplication.translate("Scoring", "Use &Default Rubric"))
        names = {"xlsx": QCoreApplication.translate("Scoring", "Excel Review Sheet (.xlsx)…"), "csv": QCoreApplication.translate("Scoring", "CSV Summary (.csv)…"),
                 "docx": QCoreApplication.translate("Scoring", "Word Review Sheets (.docx)…"), "pdf": QCoreApplication.translate("Scoring", "PDF Review Sheets (.pdf)…"),
                 "json": QCoreApplication.translate("Scoring", "Full Data Dump (.json)…")}
        for fmt, action in self.export_actions.items():
            action.setText(names.get(fmt, FORMAT_LABELS[fmt]))
        self.panel.retranslate()
        if self.menu is not None:
            self.menu.setTitle(QCoreApplication.translate("Scoring", "&Scoring"))


def install_scoring(main_window: ReviewWindow) -> ScoringController:
    """Add the score dock, the Scoring menu and the File > Export entries to the MainWindow and wire them up."""
    mw = main_window
    ctrl = ScoringController(mw)
    mw.add_dock(ctrl.panel, Qt.DockWidgetArea.RightDockWidgetArea)  # the window tabs it with the aids at first start
    for action in ctrl.export_actions.values():
        mw.add_export_action(action)
    menu = QMenu(mw)
    menu.addAction(ctrl.panel.toggleViewAction())
    menu.addAction(ctrl.overview_action)
    menu.addActions([ctrl.panel.submit_action, ctrl.panel.reopen_action])
    menu.addSeparator()
    menu.addActions([ctrl.load_rubric_action, ctrl.default_rubric_action])
    mw.add_menu(menu)
    ctrl.menu = menu
    ctrl.retranslate()
    # The score form follows the report the reviewer works in (side by side: the pane last worked in).
    mw.working_document_changed.connect(ctrl.panel.show_document)
    follow_database(mw, ctrl.on_database, ctrl._update_actions)
    return ctrl
