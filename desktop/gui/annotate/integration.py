"""Annotations in the review window: docks, actions, shortcuts and marks, wired to the report views.

:class:`AnnotationsController` works with any ReportView (and optionally a CompareView's two panes): it owns
the annotations panel, the shortcomings aids panel and the retrieved-segments dock, and the actions
Annotate Selection (Ctrl+M), Edit Annotation (Ctrl+E), Codebook and Your Name (re-importing a changed
version of a report is beside import: desktop.gui.corpus.reimport).
:func:`install_annotations` adds all of it to the MainWindow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop.core.agencies.previous import previous_report
from desktop.core.changes import Changes
from desktop.core.errors import ReviewDeskError
from desktop.core.review.annotations import Annotation, content_of
from desktop.core.storage.documents import DocumentRecord, get_document
from desktop.gui import dialogs, i18n, palette
from desktop.gui.annotate.aids_panel import FORMULAIC_LINE, AidsPanel
from desktop.gui.annotate.annotation_list import AnnotationPanel
from desktop.gui.annotate.codebook_dialog import show_codebook
from desktop.gui.annotate.editor import ask_annotation
from desktop.gui.annotate.retrieved_segments import RetrievedSegmentsDock
from desktop.gui.annotate.store import AnnotationStore
from desktop.gui.review_window import ReviewWindow
from desktop.gui.reviewer_name import change_name, ensure_reviewer

if TYPE_CHECKING:  # the reading feature's views, named for the type checker only (features never import each other)
    from desktop.gui.reading.compare_view import CompareView
    from desktop.gui.reading.report_view import ReportView

AIDS_LAYER = "aids"
log = logging.getLogger(__name__)


class AnnotationsController(QObject):
    """Connects the annotation widgets, the store and the report views; see the module docstring."""

    message = Signal(str)  # a short status message for the reviewer

    def __init__(self, window: QWidget, store: AnnotationStore, settings: QSettings, report_view: ReportView | None,
                 compare_view: CompareView | None = None, open_document: Callable[[str, str, int], object] | None = None) -> None:
        """``report_view`` is a ReportView (or None); ``compare_view`` a CompareView with ``left``/``right`` panes."""
        super().__init__(window)
        self.window, self.store, self.settings = window, store, settings
        self.report_view, self.compare_view = report_view, compare_view
        self.open_document = open_document
        self.active_views: Callable[[], list[ReportView]] = self.all_views
        self.working_view_of: Callable[[], ReportView | None] | None = None  # the window's choice of pane, when in a window
        self.current_annotation_id = ""
        self.menu: QMenu | None = None
        i18n.follow_language(window, self, self.retranslate)

        self.panel = AnnotationPanel(window)
        self.aids_panel = AidsPanel(window)
        self.segments = RetrievedSegmentsDock(window)

        self.annotate_action = self._action(self.annotate_selection, ["Ctrl+M"])
        self.edit_action = self._action(self.edit_current, ["Ctrl+E"])
        self.delete_action = self._action(self.delete_current, [])
        self.codebook_action = self._action(lambda: show_codebook(self.store, self.window), ["Ctrl+Shift+K"])
        self.name_action = self._action(lambda: change_name(self.window, self.settings, self.store), [])
        self.actions = [self.annotate_action, self.edit_action, self.delete_action, self.codebook_action,
                        self.name_action]

        self.panel.jump_requested.connect(self.jump_to)
        self.panel.edit_requested.connect(self.edit_annotation)
        self.panel.delete_requested.connect(self.delete_annotation)
        self.panel.place_requested.connect(self.place_orphan)
        self.panel.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._set_current(self.panel.current_id()))
        self.aids_panel.jump_requested.connect(self.jump_to)
        self.aids_panel.marks_changed.connect(self._draw_aids_marks)
        if report_view is not None:
            report_view.document_shown.connect(self._redraw_aids_marks)
        self.segments.tag_changed.connect(lambda _t: self.refresh_segments())
        self.segments.open_requested.connect(self._open_segment)
        self.segments.visibilityChanged.connect(lambda visible: self.refresh_segments() if visible else None)
        self.store.changes.changed.connect(self.on_changes)
        self.store.failed.connect(self.message)
        for view in self.all_views():
            view.mark_clicked.connect(self._on_mark_clicked)
            view.selection_changed.connect(lambda *_: self._update_selection_state())
            view.document_shown.connect(lambda *_: self.refresh_annotations(""))  # re-draw on every (re)load
        if compare_view is not None:
            compare_view.pair_shown.connect(lambda: self.refresh_annotations(""))
        self.retranslate()
        self._update_selection_state()

    def _action(self, slot: Callable[[], object], keys: list[str]) -> QAction:
        action = QAction(self.window)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work even while the action's menu is closed
        return action

    # --- views -----------------------------------------------------------------------------------------

    def all_views(self) -> list[ReportView]:
        views = [self.report_view] if self.report_view is not None else []
        if self.compare_view is not None:
            views += [self.compare_view.left, self.compare_view.right]
        return views

    def working_view(self) -> ReportView | None:
        """The view the panels describe: the report view, or (in the window) the side-by-side pane worked in."""
        return self.working_view_of() if self.working_view_of is not None else self.report_view

    def current_document(self) -> DocumentRecord | None:
        """The report the panels describe: the one in the working view."""
        view = self.working_view()
        return view.current_document() if view is not None else None

    def selecting_view(self) -> ReportView | None:
        """The view whose selection Ctrl+M annotates: one with a selection, the focused one first."""
        candidates = [v for v in self.active_views()
                      if v.current_document() is not None and v.selection() != (-1, -1)]
        focus = QApplication.focusWidget()
        focused = [v for v in candidates if focus is not None and (v is focus or v.isAncestorOf(focus))]
        return (focused or candidates)[0] if focused or candidates else None

    def _view_for(self, document_id: str) -> ReportView | None:
        for view in [self.report_view, *self.all_views()]:
            if view is not None and (doc := view.current_document()) is not None and doc.id == document_id:
                return view
        return None

    def jump_to(self, start: int, end: int, view: ReportView | None = None) -> None:
        """Bring a passage of the panel's report into view and select it."""
        view = view or self.working_view()
        if view is None:
            return
        view.scroll_to_offset(start)
        view.select_span(start, end)

    # --- refreshing ------------------------------------------------------------------------------------

    def on_document_changed(self, _document_id: str = "") -> None:
        """The report view shows another report: list its annotations and its aids."""
        self.refresh_annotations("")
        self.refresh_aids()
        self._update_selection_state()

    def on_changes(self, changes: Changes) -> None:
        """Re-read what the annotation docks and marks show when a write (here or elsewhere) concerns them."""
        if not self.store.ready:
            return
        if changes.any("tags"):
            self.refresh_codebook()
        if changes.any("annotations", "tags", "documents", "parts"):
            ids = changes.document_ids
            self.refresh_annotations(next(iter(ids)) if len(ids) == 1 else "")
        current = self.current_document()
        if current is not None and changes.concerns(current.id, "documents", "parts"):
            self.refresh_aids()

    def refresh_annotations(self, document_id: str = "") -> None:
        """Re-read annotations for the panel and the marks of every view showing ``document_id`` ('' = all)."""
        if not self.store.ready:
            self.panel.set_annotations([], [])
            return
        tags = self.store.tags()
        colors = {t.id: palette.legible_tag_color(t.color) for t in tags}  # 3:1 against every part tint
        names = {t.id: t.name for t in tags}
        current = self.current_document()
        cache: dict[str, list[Annotation]] = {}
        for view in self.all_views():
            doc = view.current_document()
            if doc is None or (document_id and doc.id != document_id):
                continue
            if doc.id not in cache:
                cache[doc.id] = self.store.annotations(doc.id)
            view.set_annotation_marks([
                (a.start, a.end, next((colors[t] for t in a.tag_ids if t in colors), QColor("#9e9e9e")), a.id)
                for a in cache[doc.id] if not a.orphan])
            if hasattr(view, "set_coding_stripes"):
                view.set_coding_stripes([(a.start, a.end, colors[t], names.get(t, ""))
                                         for a in cache[doc.id] if not a.orphan for t in a.tag_ids if t in colors])
        if current is not None and (not document_id or current.id == document_id):
            rows = cache.get(current.id)
            self.panel.set_annotations(rows if rows is not None else self.store.annotations(current.id), tags)
        elif current is None:
            self.panel.set_annotations([], tags)
        if self.segments.isVisible():
            self.refresh_segments()

    def refresh_codebook(self) -> None:
        self.segments.set_tags(self.store.tags() if self.store.ready else [])

    def refresh_segments(self) -> None:
        from desktop.core.review.annotations import list_by_tag

        if not self.segments.tag_combo.count():
            self.refresh_codebook()
        tag_id = self.segments.current_tag_id()
        rows = list_by_tag(self.store.db, tag_id) if self.store.ready and tag_id else []
        self.segments.set_segments(rows)

    def refresh_aids(self) -> None:
        record = self.current_document()
        previous = None
        if record is not None and self.store.reader is not None:
            summary = previous_report(self.store.reader, record.id)
            previous = get_document(self.store.reader, summary.id) if summary is not None else None
        self.aids_panel.set_report(record, previous)

    def _draw_aids_marks(self, marks: list) -> None:
        view = self.report_view
        if view is None:
            return
        view.set_extra_marks(AIDS_LAYER, marks, line_color=FORMULAIC_LINE)

    def _redraw_aids_marks(self, document_id: str) -> None:
        """The report view (re)loaded a report (which clears extra layers): put back the stock-phrase marks when
        the aids describe that same report (re-opening it from a search hit must not lose them)."""
        record = self.aids_panel.record
        if record is not None and record.id == document_id:
            self._draw_aids_marks(self.aids_panel.marks())

    def _update_selection_state(self) -> None:
        view = self.working_view()
        has = view is not None and view.current_document() is not None and view.selection() != (-1, -1)
        self.panel.set_has_selection(has)

    def _set_current(self, annotation_id: str) -> None:
        if annotation_id:
            self.current_annotation_id = annotation_id

    def _on_mark_clicked(self, annotation_id: str) -> None:
        self.current_annotation_id = annotation_id
        self.panel.select_annotation(annotation_id)

    # --- actions ---------------------------------------------------------------------------------------

    def _criteria(self) -> list[tuple[str, str]]:
        try:
            from desktop.core.scoring.rubric import active_rubric_readonly

            rubric = active_rubric_readonly(self.store.db)
        except (ImportError, ReviewDeskError, OSError):
            return []
        english = i18n.current_language() == i18n.ENGLISH  # the English title only in the English interface
        return [(c.id, f"{c.title} / {c.title_en}" if english and c.title_en else c.title) for c in rubric.criteria]

    def annotate_selection(self) -> Annotation | None:
        """Ctrl+M: annotate the selected passage (asks the reviewer's name the first time)."""
        view = self.selecting_view()
        doc = view.current_document() if view is not None else None
        if view is None or doc is None or not self.store.ready:
            self.message.emit(QCoreApplication.translate("Annotations", "Select a passage in the report first, then press Ctrl+M to annotate it."))
            return None
        start, end = view.selection()
        if ensure_reviewer(self.window, self.settings, self.store) is None:
            return None
        content = ask_annotation(self.window, doc.text[start:end], self.store.tags(), None, self._criteria())
        if content is None:
            return None
        try:
            made = self.store.create(doc.id, start, end, content.tag_ids, content.comment, content.criterion_id)
        except ReviewDeskError as exc:
            dialogs.warning(self.window, QCoreApplication.translate("Annotations", "Annotation not saved"), str(exc))
            return None
        self.current_annotation_id = made.id
        if doc.id == getattr(self.current_document(), "id", None):
            self.panel.select_annotation(made.id)
        self.message.emit(QCoreApplication.translate("Annotations", "Annotation saved."))
        return made

    def edit_current(self) -> Annotation | None:
        """Ctrl+E: edit the annotation chosen in the panel or by clicking its mark."""
        annotation_id = self.panel.current_id() or self.current_annotation_id
        if not annotation_id:
            self.message.emit(QCoreApplication.translate("Annotations", "Choose an annotation in the panel or click its mark, then press Ctrl+E."))
            return None
        return self.edit_annotation(annotation_id)

    def edit_annotation(self, annotation_id: str) -> Annotation | None:
        try:
            old = self.store.annotation(annotation_id)
        except ReviewDeskError as exc:
            self.message.emit(str(exc))
            return None
        content = ask_annotation(self.window, old.quote, self.store.tags(), content_of(old), self._criteria(),
                                 editing=True)
        if content is None:
            return None
        try:
            return self.store.edit(annotation_id, content)
        except ReviewDeskError as exc:
            dialogs.warning(self.window, QCoreApplication.translate("Annotations", "Annotation not saved"), str(exc))
            return None

    def delete_current(self) -> None:
        annotation_id = self.panel.current_id() or self.current_annotation_id
        if annotation_id:
            self.delete_annotation(annotation_id)

    def delete_annotation(self, annotation_id: str) -> None:
        try:
            self.store.delete(annotation_id)
        except ReviewDeskError as exc:
            self.message.emit(str(exc))
            return
        if self.current_annotation_id == annotation_id:
            self.current_annotation_id = ""
        self.message.emit(QCoreApplication.translate("Annotations", "Annotation deleted (Ctrl+Z brings it back)."))

    def place_orphan(self, annotation_id: str) -> None:
        view = self.working_view()
        if view is None or view.selection() == (-1, -1):
            self.message.emit(QCoreApplication.translate("Annotations", "Select the passage the annotation belongs to, then press Place."))
            return
        start, end = view.selection()
        try:
            self.store.place(annotation_id, start, end)
        except ReviewDeskError as exc:
            dialogs.warning(self.window, QCoreApplication.translate("Annotations", "Annotation not placed"), str(exc))

    def _open_segment(self, document_id: str, start: int, end: int) -> None:
        if self.open_document is not None:
            self.open_document(document_id, "", start)
        view = self._view_for(document_id)
        if view is not None:
            self.jump_to(start, end, view)

    # --- texts -----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.annotate_action.setText(QCoreApplication.translate("Annotations", "&Annotate Selection…"))
        self.annotate_action.setToolTip(QCoreApplication.translate("Annotations", "Tag and comment the selected passage (Ctrl+M)"))
        self.edit_action.setText(QCoreApplication.translate("Annotations", "&Edit Annotation…"))
        self.delete_action.setText(QCoreApplication.translate("Annotations", "&Delete Annotation"))
        self.codebook_action.setText(QCoreApplication.translate("Annotations", "&Codebook…"))
        self.name_action.setText(QCoreApplication.translate("Annotations", "Your &Name…"))
        for dock in (self.panel, self.aids_panel, self.segments):
            dock.retranslate()
        if self.menu is not None:
            self.menu.setTitle(QCoreApplication.translate("Annotations", "&Annotations"))

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions([self.annotate_action, self.edit_action, self.delete_action])
        menu.addSeparator()
        menu.addAction(self.codebook_action)
        menu.addAction(self.segments.toggleViewAction())
        menu.addSeparator()
        menu.addAction(self.name_action)


def install_annotations(main_window: ReviewWindow) -> AnnotationsController:
    """Add the annotation docks, the Annotations menu and its shortcuts to the MainWindow and wire them up."""
    mw = main_window
    store = AnnotationStore(mw.executor, mw.reader, mw.undo_stack, mw.changes, mw)
    ctrl = AnnotationsController(mw, store, mw.settings, mw.report_view, mw.compare_view,
                                 open_document=lambda doc_id, query, offset: mw.open_document(doc_id, query, offset))

    def active_views() -> list[ReportView]:
        if mw.compare_view is not None and mw.tabs.currentWidget() is mw.compare_view:
            return [mw.compare_view.left, mw.compare_view.right]
        return [mw.report_view] if mw.report_view is not None else []

    ctrl.active_views = active_views
    ctrl.working_view_of = mw.working_view  # side by side, the panels follow the pane the reviewer works in
    mw.add_dock(ctrl.panel, Qt.DockWidgetArea.RightDockWidgetArea)
    mw.add_dock(ctrl.aids_panel, Qt.DockWidgetArea.RightDockWidgetArea)
    # Corpus-wide retrieval is opened from the Annotations menu, never by itself.
    mw.add_dock(ctrl.segments, Qt.DockWidgetArea.BottomDockWidgetArea, visible=False)
    menu = QMenu(mw)
    menu.setTitle(QCoreApplication.translate("Annotations", "&Annotations"))
    ctrl.fill_menu(menu)
    mw.add_menu(menu)
    ctrl.menu = menu
    mw.add_text_action(ctrl.annotate_action)  # 批注选中文字 first in the text's context menu

    def on_database() -> None:
        store.set_database(mw.executor, mw.reader)
        ctrl.refresh_codebook()
        ctrl.on_document_changed()

    mw.database_changed.connect(on_database)
    mw.current_document_changed.connect(ctrl.on_document_changed)
    mw.working_document_changed.connect(ctrl.on_document_changed)
    ctrl.message.connect(lambda text: mw.statusBar().showMessage(text, 6000))
    if store.ready:
        on_database()
    return ctrl
