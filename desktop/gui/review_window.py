"""What the review window offers its features: the one typed seam between desktop.gui.window.main_window and the features.

Features (annotate, scoring, panel, corrections, corpus, agencies, …) receive the window as a :class:`ReviewWindow`
and use only what is declared here: the database (``executor`` for writes, ``reader`` for reads), the undo stack,
the change bus, the settings, the views, the signals and the extension points (docks, menus, actions). They never
import desktop.gui.window.main_window (that would be an arrow pointing up). :class:`desktop.gui.window.main_window.MainWindow`
is the one implementation; the declarations below are for the type checker only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabWidget, QWidget

if TYPE_CHECKING:  # the views live in feature packages above this module: named for the type checker only
    from PySide6.QtCore import QSettings
    from sqlite_utils import Database

    from desktop.core.storage.executor import DatabaseExecutor
    from desktop.gui.changes import ChangeBus
    from desktop.gui.corpus.corpus_model import CorpusModel
    from desktop.gui.corpus.corpus_panel import CorpusPanel
    from desktop.gui.corpus.import_controller import ImportController
    from desktop.gui.corpus.search_panel import SearchPanel
    from desktop.gui.reading.compare_view import CompareView
    from desktop.gui.reading.report_view import ReportView


class ReviewWindow(QMainWindow):
    """The review window as its features see it (signals, state, views and extension points)."""

    current_document_changed = Signal(str)  # the report shown in the Report tab
    working_document_changed = Signal(str)  # the report the reviewer works in (side by side: the pane last used)
    database_changed = Signal()  # another database was opened (executor and reader replaced)
    # before the database closes (another one opens, the window closes, the app quits): every editor stores what
    # was typed and not yet committed
    leaving = Signal()

    if TYPE_CHECKING:
        settings: QSettings
        executor: DatabaseExecutor | None
        reader: Database | None
        db_path: Path | None
        reviewer_id: str | None
        undo_stack: QUndoStack
        changes: ChangeBus
        docks: dict[str, QDockWidget]
        extensions: dict[str, object]
        corpus_model: CorpusModel
        corpus_panel: CorpusPanel
        import_controller: ImportController
        search_panel: SearchPanel
        report_view: ReportView
        compare_view: CompareView
        tabs: QTabWidget
        file_menu: QMenu
        edit_menu: QMenu
        text_actions: list[QAction]

        def open_document(self, doc_id: str, query: str = "", offset: int = -1, *,
                          keep_focus: bool = False) -> bool: ...

        def working_view(self) -> ReportView: ...

        def compare_documents(self, left_id: str, right_id: str) -> bool: ...

        def current_document_id(self) -> str: ...

        def working_document_id(self) -> str: ...

        def add_dock(self, widget: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                     *, visible: bool = True) -> None: ...

        def add_menu(self, menu: QMenu) -> None: ...

        def show_passage(self, start: int, end: int) -> None: ...

        def add_import_action(self, action: QAction) -> None: ...

        def add_corpus_action(self, action: QAction) -> None: ...

        def add_text_action(self, action: QAction) -> None: ...

        def add_focus_pane(self, pane: Callable[[], QWidget | None]) -> None: ...

        def selected_document_ids(self) -> list[str]: ...

        def add_export_action(self, action: QAction) -> None: ...


def follow_database(window: ReviewWindow, on_database: Callable[[], object],
                    no_database: Callable[[], object] | None = None) -> None:
    """Call ``on_database`` each time ``window`` opens a database, and now when one is open (else ``no_database``,
    e.g. to disable the feature's actions): how a feature's controller keeps its data on the window's database."""
    window.database_changed.connect(on_database)
    if window.executor is not None:
        on_database()
    elif no_database is not None:
        no_database()
