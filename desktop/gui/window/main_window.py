"""The main window: corpus table and search on the left, the report and side-by-side views on the right.

Extension points for other parts of the app (annotations, scoring, export):

- ``executor``: the :class:`DatabaseExecutor` that owns writes to the open database (None before one is open);
  ``reader``: a read-only connection for the GUI thread; ``db_path``: the open file.
- ``undo_stack``: the window's QUndoStack (Edit > Undo Ctrl+Z / Redo Ctrl+Shift+Z); cleared when another
  database is opened.
- ``changes``: the window's :class:`~desktop.gui.changes.ChangeBus`. Whatever writes announces what it changed
  there (``changes.announce(Changes.of(...))``); every view listens to ``changes.changed`` and re-reads what it
  shows. Writes by other windows and programs arrive there too (``outside=True``).
- ``add_dock(widget, area, visible=True)``: add a QDockWidget (give it an objectName: its place is remembered;
  ``visible=False`` docks start hidden and are opened by the reviewer only); ``docks``: the docks added, by
  objectName;
  ``add_export_action(action)``: add an entry to File > Export; ``add_menu(menu)``: a feature's menu, before Help;
  ``show_passage(start, end)``: select a passage of the current report in the report tab.
- Signals ``current_document_changed(str)`` (document id, '' for none) and ``database_changed()``;
  ``working_document_changed(str)``: the report the side panels should describe (the report tab's, or side by side
  the pane the reviewer works in); ``working_view()`` / ``working_document_id()`` give it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QWidget,
)
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.errors import Cancelled
from desktop.core.resources import resource_path
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui import dialogs, workers
from desktop.gui.changes import ChangeBus
from desktop.gui.corpus.corpus_model import CorpusModel
from desktop.gui.corpus.corpus_panel import CorpusPanel
from desktop.gui.corpus.import_controller import ImportController, paths_from_mime
from desktop.gui.corpus.search_panel import SearchPanel
from desktop.gui.plain import PlainLabel, menu_text
from desktop.gui.reading.compare_view import CompareView
from desktop.gui.reading.report_view import ReportView
from desktop.gui.reading.text_pane import TextPane
from desktop.gui.review_window import ReviewWindow
from desktop.gui.window import fonts
from desktop.gui.window.actions import WindowActions
from desktop.gui.window.keyboard import WindowKeyboard
from desktop.gui.window.layout import DOCK_MINIMUM, LEFT_MINIMUM, EmptyHint, WindowLayout, default_window_size
from desktop.gui.window.navigation import WindowNavigation
from desktop.gui.window.text_size import TextSize
from desktop.gui.window.upgrade import open_executor

RECENT_KEY = "databases/recent"
LAST_DOCUMENT_KEY = "documents/last"  # "<database path>\t<document id>": the report to reopen at start
LAST_KEY = "databases/last"
MAX_RECENT = 8
OPEN_SETTLE_MS = 250  # the current row opens once the reviewer stops on it this long
REVIEWER_NAME_KEY = "reviewer/name"  # written by desktop/gui/reviewer_name.py (not imported: it pulls in annotations)
ICON_PATH = resource_path("icons", "org.reviewdesk.ReviewDesk.svg")


def seed_demo_corpus(executor: DatabaseExecutor, *, progress: object) -> object:
    """Import seeds/ into a database that never held documents (on the writer thread); the ImportReport or None."""
    from desktop.core.ingest.demo import ensure_demo_corpus

    return executor.call(ensure_demo_corpus, progress=progress)


class MainWindow(WindowLayout, WindowKeyboard, WindowActions, WindowNavigation, ReviewWindow):
    """The review window. ``settings`` holds per-user state (geometry, recent databases); tests pass a temporary one.

    Its signals and what features may use are declared in :class:`desktop.gui.review_window.ReviewWindow`."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings if settings is not None else QSettings()
        self.executor: DatabaseExecutor | None = None
        self.reader: Database | None = None
        self.db_path: Path | None = None
        self.reviewer_id: str | None = None
        self.undo_stack = QUndoStack(self)
        self.changes = ChangeBus(self)
        self.docks: dict[str, QDockWidget] = {}
        self._current_id = ""
        self._pending_open = ""
        self.export_actions: list[QAction] = []
        self.text_actions: list[QAction] = []  # the text's context menu entries of features (add_text_action)
        self.focus_panes: list[Callable[[], QWidget | None]] = []  # features' panes in the F6 chain
        self.extensions: dict[str, object] = {}  # controllers installed by desktop.gui.app.install_extensions
        if ICON_PATH.exists():
            self.setWindowIcon(QIcon(str(ICON_PATH)))

        self.corpus_model = CorpusModel(self)
        self.corpus_panel = CorpusPanel(self.corpus_model, self)
        self.corpus_panel.remember_grouping(self.settings)  # grouped by agency or not, as last time
        self.search_panel = SearchPanel(self)
        self.report_view = ReportView(self)
        self.compare_view = CompareView(self)
        # The left column is the navigator (as in an IDE): the corpus, the open report's outline and part legend,
        # the search hits. Beside the text the outline would take the room the text needs.
        self.outline_panel = self.report_view.side
        self.left = QSplitter(Qt.Orientation.Vertical, self)
        self.left.setObjectName("leftSplitter")
        self.left.addWidget(self.corpus_panel)
        self.left.addWidget(self.outline_panel)
        self.left.addWidget(self.search_panel)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 2)
        self.left.setStretchFactor(2, 1)
        self.left.setMinimumWidth(LEFT_MINIMUM)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.report_view, "")
        self.tabs.addTab(self.compare_view, "")
        self.report_hint = EmptyHint(self.report_view)
        self.compare_hint = EmptyHint(self.compare_view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self._reading_mode: list[QWidget] | None = None  # what reading mode hid, None when not reading
        self._compare_hidden: list[QWidget] | None = None  # what side by side hid, None on the report tab
        self._state_restored = False

        self.db_label = PlainLabel(self)
        self.statusBar().addWidget(self.db_label, 1)
        # the database line gives way to a passing message and comes back after it: Qt's own hiding misses a
        # message shown while another one is up, and both texts were then drawn over each other
        self.statusBar().messageChanged.connect(lambda message: self.db_label.setVisible(not message))
        self.import_controller = ImportController(self, self.statusBar(), self.settings, self.changes)
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        # Moving through the table opens the row the reviewer settles on, not every row passed on the way
        # (Enter or a double click opens at once).
        self._open_timer.setInterval(OPEN_SETTLE_MS)
        self._open_timer.timeout.connect(self._open_pending)
        # The corpus table's status and total columns are re-read once after a burst of score changes.
        self._reviews_timer = QTimer(self)
        self._reviews_timer.setSingleShot(True)
        self._reviews_timer.setInterval(250)
        self._reviews_timer.timeout.connect(self.refresh_reviews)
        self.changes.changed.connect(self._on_changes)

        # every report text of the window (report tab, side by side) at the size the reviewer chose last
        self.text_size = TextSize(self.settings, lambda: self.findChildren(TextPane), self)
        self.text_size.apply()
        self._create_actions()
        self._create_menus()
        self.corpus_panel.current_document_changed.connect(self._on_current_row)
        self.corpus_panel.document_activated.connect(self.open_document)
        self.corpus_panel.selection_changed.connect(self._update_actions)
        self.search_panel.hit_activated.connect(self.open_document)
        self.compare_view.pair_shown.connect(self._update_hints)
        self._working_pane = self.compare_view.right  # side by side, the pane worked in (the newer report first)
        self._working_id = ""
        self.compare_view.pair_shown.connect(self._update_working)
        self.tabs.currentChanged.connect(lambda _i: self._update_working())
        self.tabs.currentChanged.connect(self._on_view_tab)
        self.current_document_changed.connect(lambda _d: self._update_working())
        for pane in (self.compare_view.left, self.compare_view.right):
            pane.installEventFilter(self)
            pane.text.viewport().installEventFilter(self)
            pane.text.installEventFilter(self)
        self.setAcceptDrops(True)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # Shift+F10 and the Menu key: context menus by key
        self.retranslate()
        self._update_actions()
        self.resize(default_window_size(self.screen().availableGeometry().size()))
        self._restore_geometry()

    # -- texts -----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text of the window (again after a language switch)."""
        self._update_title()
        self._retranslate_actions()
        self._update_hints()
        self.import_controller.retranslate()
        self._update_db_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.statusBar().clearMessage()  # a passing message in the language just left
        super().changeEvent(event)

    def _update_title(self) -> None:
        # The database's name only: Qt adds the application's display name (app.py) to the title itself.
        self.setWindowTitle(self.db_path.name if self.db_path else self.tr("no database"))

    def _update_db_label(self) -> None:
        if self.db_path is None:
            self.db_label.setText(self.tr("No database is open. Use File > New Database or Open Database."))
        else:
            self.db_label.setText(self.tr("Database: %1").replace("%1", str(self.db_path)))

    # -- database --------------------------------------------------------------------------------------
    def open_database(self, path: str | Path) -> bool:
        """Open (creating and migrating if needed) a database and show its corpus; False if it cannot be used."""
        path = Path(path).expanduser().resolve()
        if self.import_controller.busy:
            dialogs.warning(self, self.tr("Import running"),
                            self.tr("Wait for the import to finish (or cancel it) before opening another "
                                    "database."))
            return False
        try:
            executor = open_executor(self, path)
        except Cancelled:
            dialogs.info(self, self.tr("Upgrade cancelled"),
                         self.tr("%1 was not upgraded and is unchanged; the database open before stays open. Open "
                                 "it again when there is time for the upgrade.").replace("%1", str(path)))
            return False
        except Exception as exc:  # not a database, unreadable, newer schema...: say so, keep the current one
            dialogs.error(self, self.tr("Cannot open database"),
                          self.tr("%1 could not be opened: %2\n\nChoose a ReviewDesk database file, or create a new "
                                  "one with File > New Database.").replace("%1", str(path)).replace("%2", str(exc)))
            return False
        from desktop.core.storage.executor import open_reader

        self._close_database()
        self.executor, self.reader, self.db_path = executor, open_reader(path), path
        self.undo_stack.clear()
        self.corpus_model.set_database(self.reader)
        self.reviewer_id = self._saved_reviewer_id()
        self.refresh_reviews()
        self.search_panel.set_database(path)
        self.import_controller.set_executor(executor)
        self.changes.watch(executor)
        self._remember_database(path)
        self._update_title()
        self._update_db_label()
        self._show_document(None)
        self.database_changed.emit()
        self._update_actions()
        self._reopen_last_document()
        return True

    def _remember_document(self) -> None:
        if self.db_path is not None:
            self.settings.setValue(LAST_DOCUMENT_KEY, f"{self.db_path}\t{self._current_id}")

    def _reopen_last_document(self) -> None:
        """Show the report that was open when this database was last closed (if it is still in it)."""
        path, _, doc_id = str(self.settings.value(LAST_DOCUMENT_KEY, "") or "").partition("\t")
        if doc_id and path == str(self.db_path):
            self.open_document(doc_id)

    def _close_database(self) -> None:
        if self.executor is not None:
            self.leaving.emit()
        self.changes.watch(None)
        self._remember_document()
        # the open report is let go while its database is still open: the docks that follow it clear themselves
        # through their stores' readers (after the close they would read a closed connection)
        self._show_document(None)
        self.corpus_model.set_database(None)
        self.search_panel.set_database(None)
        self.import_controller.set_executor(None)
        if self.reader is not None:
            self.reader.conn.close()
        if self.executor is not None:
            self.executor.close()
        self.executor, self.reader, self.db_path = None, None, None

    def new_database(self) -> None:
        """Ask for a new database file and open it (empty); an existing file is opened, never overwritten."""
        path = dialogs.save_file(self, self.tr("New database"), dialogs.database_filter(), self._dialog_dir())
        if not path:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".sqlite3")
        if target.exists() and target.stat().st_size > 0:
            dialogs.info(self, self.tr("New database"),
                         self.tr("%1 already exists; it is opened as it is (nothing is overwritten).")
                         .replace("%1", str(target)))
        self.open_database(target)

    def choose_database(self) -> None:
        path = dialogs.open_file(self, self.tr("Open database"), dialogs.database_filter(), self._dialog_dir())
        if path:
            self.open_database(path)

    def _dialog_dir(self) -> str:
        return str(self.db_path.parent) if self.db_path else ""

    def recent_databases(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings (INI) gives a one-item list back as a string
            value = [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember_database(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_databases() if p != str(path)]
        self.settings.setValue(RECENT_KEY, recent[:MAX_RECENT])
        self.settings.setValue(LAST_KEY, str(path))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_databases()
        for path in recent:
            action = self.recent_menu.addAction(menu_text(path))
            exists = Path(path).exists()
            action.setEnabled(exists and Path(path) != self.db_path)
            if not exists:
                action.setText(menu_text(self.tr("%1 (missing)").replace("%1", path)))
            action.triggered.connect(lambda _c=False, p=path: self.open_database(p))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent databases")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear List")).triggered.connect(
                lambda: self.settings.setValue(RECENT_KEY, []))

    def reload_corpus(self) -> None:
        """Re-read the corpus table (after an import or a change to documents), keeping the current report."""
        current = self._current_id
        self.corpus_model.reload()
        self.refresh_reviews()
        # The filters and the selection were kept through the reset; the open report stays the current row (or,
        # when the change moved it out of the filters, the notice above the table says so).
        if current and self.corpus_panel.current_document_id() != current:
            self.corpus_panel.select_document(current)
        self._update_actions()

    def _on_changes(self, changes: Changes) -> None:
        """Re-read the corpus table when a write concerns it (the reading feature re-reads the report views)."""
        if changes.any("documents", "metadata", "corrections", "parts"):
            self.reload_corpus()
        if changes.any("documents"):
            self.search_panel.refresh()
        elif changes.any("scores", "reviews", "rubric"):
            self._reviews_timer.start()
        if changes.any("reviews"):  # the reviewer may just have been registered or renamed
            self.reviewer_id = self._saved_reviewer_id()

    def set_reviewer(self, reviewer_id: str | None) -> None:
        """Show this reviewer's review status and total score in the corpus table (None: no reviewer)."""
        self.reviewer_id = reviewer_id
        self.refresh_reviews()

    def refresh_reviews(self) -> None:
        """Re-read the review status and total of every document (call after a score or status changes)."""
        from desktop.core.scoring.scores import review_overview

        if self.reader is not None and self.reviewer_id:
            overview = review_overview(self.reader, self.reviewer_id)
            self.corpus_model.set_reviews(overview.rows, overview.reviewer_id, overview.rubric_id)  # sorts in SQL
        else:
            self.corpus_model.set_reviews(None)

    def _saved_reviewer_id(self) -> str | None:
        """The reviewer named in the user's settings, if that name is known in the open database."""
        from desktop.core.review.reviewers import find_reviewer
        from desktop.core.storage.settings import get_setting

        # a reviewer package (reviewdesk package) is worked on as the reviewer it was made for
        package = get_setting(self.reader, "package_reviewer") if self.reader is not None else None
        name = package or str(self.settings.value(REVIEWER_NAME_KEY, "") or "").strip()
        reviewer = find_reviewer(self.reader, name) if name and self.reader is not None else None
        return reviewer.id if reviewer else None

    def seed_demo_corpus(self) -> workers.Task | None:
        """On first start of an empty database, import seeds/ on a worker; the task, or None if not needed."""
        if self.executor is None or self.corpus_model.total > 0:
            return None
        task = workers.run_task(seed_demo_corpus, self.executor, name="demo corpus")
        label = PlainLabel(self.tr("Importing the demo reports…"), self)
        self.statusBar().addWidget(label)
        task.finished.connect(lambda: self._drop_status_label(label))
        task.done.connect(lambda report: self.changes.announce(Changes.of("documents")) if report else None)
        task.failed.connect(lambda exc: dialogs.error(self, self.tr("Demo reports not imported"), str(exc),
                                                      task.traceback))
        return task

    # -- documents -------------------------------------------------------------------------------------
    def _drop_status_label(self, label: QWidget) -> None:
        self.statusBar().removeWidget(label)
        label.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self.context_menu_by_key(watched, event):
            return True
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            for pane in (self.compare_view.left, self.compare_view.right):
                if watched is pane or (isinstance(watched, QWidget) and pane.isAncestorOf(watched)):
                    if pane is not self._working_pane:
                        self.set_working_pane(pane)
                    break
        return super().eventFilter(watched, event)

    def _update_actions(self) -> None:
        has_db = self.executor is not None
        selected = len(self.corpus_panel.selected_ids()) if has_db else 0
        for action in (self.import_files_action, self.import_folder_action):
            action.setEnabled(has_db)
        self.open_action.setEnabled(bool(self.corpus_panel.current_document_id()))
        self.compare_action.setEnabled(selected == 2)
        self.previous_year_action.setEnabled(bool(self._current_id))

    # -- extension points ------------------------------------------------------------------------------
    def add_dock(self, widget: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                 *, visible: bool = True) -> None:
        """Add a dock widget with a toggle in the View menu. Its saved place is restored with the whole layout
        (:meth:`restore_layout`, once every dock is added); ``visible=False`` docks start hidden."""
        if not widget.objectName():
            raise ValueError("a dock widget needs an objectName so that its place can be remembered")
        widget.setMinimumWidth(min(widget.minimumWidth() or DOCK_MINIMUM, DOCK_MINIMUM))
        self.addDockWidget(area, widget)
        if not visible:
            widget.hide()
        self._hidden_by_default: set[str] = getattr(self, "_hidden_by_default", set())
        if not visible:
            self._hidden_by_default.add(widget.objectName())
        self.docks[widget.objectName()] = widget
        self.view_menu.insertAction(self._docks_separator, widget.toggleViewAction())
        if self._state_restored:  # added after the layout was restored: give it its default place now
            self._default_dock_layout()

    def add_menu(self, menu: QMenu) -> None:
        """Add a feature's menu to the menu bar, before Help."""
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)

    def show_passage(self, start: int, end: int) -> None:
        """Bring a passage of the working report into view (in its pane side by side) and select it."""
        view = self.working_view()
        if view is self.report_view:
            self.tabs.setCurrentIndex(0)
        view.scroll_to_offset(start)
        view.select_span(start, end)

    def add_import_action(self, action: QAction) -> None:
        """Add an entry to the File menu after Import Files/Folder (e.g. Import Scores…)."""
        self.file_menu.insertAction(self.export_menu.menuAction(), action)

    def add_text_action(self, action: QAction) -> None:
        """Add an action to the report text's context menu (first, above copying and the corrections)."""
        self.text_actions.append(action)

    def add_focus_pane(self, pane: Callable[[], QWidget | None]) -> None:
        """Add a pane to the F6 chain: ``pane()`` is the widget to focus when it is shown (None: skip it)."""
        self.focus_panes.append(pane)

    def add_corpus_action(self, action: QAction) -> None:
        """Add an entry to the corpus table's context menu; it acts on :meth:`selected_document_ids`."""
        self.corpus_panel.table.addAction(action)

    def selected_document_ids(self) -> list[str]:
        """The ids of the reports selected in the corpus table."""
        return self.corpus_panel.selected_ids()

    def add_export_action(self, action: QAction) -> None:
        """Add an entry to File > Export (the submenu appears with its first entry)."""
        self.export_actions.append(action)
        self.export_menu.addAction(action)
        self.export_menu.menuAction().setVisible(True)

    # -- drag and drop ---------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragMoveEvent) -> None:  # a move asks the same question
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self.handle_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def handle_drop(self, mime: QMimeData) -> bool:
        """Import the files and folders of a drop; False when it carries no local files."""
        return self.import_controller.import_mime(mime)

    # -- empty views -----------------------------------------------------------------------------------
    def _update_hints(self) -> None:
        self.report_hint.set_text(
            "" if self.report_view.current_document() is not None else
            self.tr("No report is open.\n\nChoose one in the corpus table on the left (arrow keys, then Enter), "
                    "or search the full text with Ctrl+F.\nImport reports with File > Import Reports (Ctrl+I)."))
        self.compare_hint.set_text(
            "" if self.compare_view.left.current_document() is not None else
            self.tr("Nothing to compare yet.\n\nSelect two reports in the corpus table (Ctrl+click the second) "
                    "and press Ctrl+Shift+C,\nor open a report and press Ctrl+Shift+P to compare it with the "
                    "agency's previous year."))

    # -- misc ------------------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        sizes = self.left.sizes()
        if len(sizes) == 2 and sizes[1] == 0:
            self.left.setSizes([sizes[0] * 2 // 3, sizes[0] // 3])
        self.search_panel.focus_query()

    def show_settings(self) -> None:
        from desktop.gui.window.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).exec()
        self.text_size.reload()  # the dialog may have chosen another text size

    def _check_fonts_now(self) -> None:
        if fonts.check_fonts(self):
            dialogs.info(self, self.tr("Chinese fonts"),
                         self.tr("Chinese text is shown with: %1").replace("%1", ", ".join(fonts.cjk_families()[:5])))

    def show_about(self) -> None:
        from desktop import __version__

        dialogs.info(self, self.tr("About ReviewDesk"),
                     self.tr("ReviewDesk (报告评阅台) %1\n\nReview and score annual reports on building rule-of-law "
                             "government: see each report's required parts, compare reports side by side, "
                             "annotate and score them. Works offline; your data stays in the database file.")
                     .replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.import_controller.cancel()
        self.save_layout()
        self._remember_document()
        workers.cancel_all_and_wait(10_000)
        self._close_database()
        # The panels let go of the closed connections too (a later language switch re-reads nothing closed).
        self.database_changed.emit()
        super().closeEvent(event)


def menu_texts(menu: QMenu) -> list[str]:
    """The visible entries of a menu (for tests and screenshots)."""
    return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
