"""Correcting detected parts and metadata in the report view and in each pane of side by side.

:class:`CorrectionsController` adds to every ReportView it is given:

- a context menu on the text: with a selection, “Mark as required part › kind” (placement inferred); on a
  part's heading line, “Change part kind ›” and “Not a part heading”; on any other line, “Start a new part
  here › kind”;
- a context menu on the outline entries: “Change part kind ›”, “Not a part heading”, “Start a new part here ›”;
- under the header, the corrections bar (“※ corrected by 王明: …”) and the metadata editor (each field with its
  automatic value and source, “Reset to automatic”), opened from the bar or the header's context menu.

Every change goes through the :class:`CorrectionStore` (writer thread, one transaction, undoable), which
announces it on the window's change bus; the corpus table, the score panel and the main window's report view
re-read on that announcement, and this controller re-reads the side-by-side panes and its bars and editors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMenu, QWidget

from desktop.core.changes import Changes
from desktop.core.corrections.apply import CORRECTED, PART_KINDS
from desktop.core.corrections.records import CorrectedView
from desktop.core.errors import ReviewDeskError
from desktop.core.segmentation.classify import REQUIRED_KINDS
from desktop.core.segmentation.segment import Section
from desktop.core.storage.documents import get_document
from desktop.gui import dialogs, i18n, palette
from desktop.gui.corrections.metadata_editor import MARK_COLOR, CorrectionsBar, MetadataEditor
from desktop.gui.corrections.store import CorrectionStore
from desktop.gui.review_window import ReviewWindow
from desktop.gui.reviewer_name import ensure_reviewer

if TYPE_CHECKING:  # the reading feature's views, named for the type checker only (features never import each other)
    from desktop.gui.reading.compare_view import CompareView
    from desktop.gui.reading.report_view import ReportView

CORRECTIONS_LAYER = "corrections"  # the text layer that underlines corrected parts
MARK_FILL = "#f1e8fb"  # a pale violet under a corrected part's heading; the line under it is MARK_COLOR


def _line_span(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


class CorrectionsController(QObject):
    """Connects the correction menus, bars and editors of the report views to the store; see the module docstring."""

    message = Signal(str)

    def __init__(self, window: QWidget, store: CorrectionStore, settings: QSettings, report_view: ReportView | None,
                 compare_view: CompareView | None = None) -> None:
        super().__init__(window)
        self.window, self.store, self.settings = window, store, settings
        self.report_view, self.compare_view = report_view, compare_view
        self.bars: dict[ReportView, CorrectionsBar] = {}
        self.edit_metadata_action = QAction(self)  # Edit › Edit Metadata (install_corrections puts it there)
        self.text_actions: Callable[[], list[QAction]] = list  # the window's entries for the text's context menu
        self.editors: dict[ReportView, MetadataEditor] = {}
        for view in self.all_views():
            self._attach(view, compact=view is not report_view)
        store.changes.changed.connect(self.on_changes)
        store.failed.connect(self.message)

    def all_views(self) -> list[ReportView]:
        views = [self.report_view] if self.report_view is not None else []
        if self.compare_view is not None:
            views += [self.compare_view.left, self.compare_view.right]
        return views

    def _attach(self, view: ReportView, *, compact: bool) -> None:
        bar = CorrectionsBar(view, compact=compact)
        editor = MetadataEditor(view)
        editor.setVisible(False)
        layout = view.layout()
        assert isinstance(layout, QBoxLayout), "a report view lays out its header, bar and editor in a box"
        at = layout.indexOf(view.header)
        layout.insertWidget(at + 1, bar)
        layout.insertWidget(at + 2, editor)
        self.bars[view], self.editors[view] = bar, editor
        bar.edit_requested.connect(lambda v=view: self.toggle_editor(v))
        editor.field_edited.connect(lambda doc_id, name, value, v=view: self.correct_field(v, name, value, doc_id))
        editor.reset_requested.connect(lambda name, v=view: self.reset_field(v, name))
        editor.closed.connect(lambda v=view: v.text.setFocus(Qt.FocusReason.OtherFocusReason))
        for widget, handler in ((view.text, self._on_text_menu), (view.outline, self._on_outline_menu),
                                (view.header, self._on_header_menu)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(lambda pos, v=view, h=handler: h(v, pos))
        view.document_shown.connect(lambda _doc_id, v=view: self.refresh_widgets(v))

    # --- menus -----------------------------------------------------------------------------------------

    def text_menu(self, view: ReportView, offset: int, parent: QWidget | None = None) -> QMenu:
        """The correction entries for a document offset in ``view``'s text (and its selection, if any)."""
        menu = QMenu(parent or view)
        record = view.current_document()
        if record is None or not self.store.ready:
            return menu
        start, end = view.selection()
        if (start, end) != (-1, -1):
            sub = menu.addMenu(QCoreApplication.translate("Corrections", "Mark as required part"))
            sub.setObjectName("mark_menu")
            for kind in REQUIRED_KINDS:
                action = sub.addAction(palette.kind_label(kind))
                action.setObjectName(f"mark_{kind}")
                action.triggered.connect(lambda _c=False, k=kind, a=start, b=end: self.mark_part(view, k, a, b))
        line = _line_span(record.text, offset)
        heading = self._section_on_line(record.sections, *line, offset)
        self._add_part_entries(menu, view, heading, offset)
        menu.addSeparator()
        action = menu.addAction(QCoreApplication.translate("Corrections", "Edit metadata…"))
        action.setObjectName("edit_metadata")
        action.triggered.connect(lambda _c=False: self.toggle_editor(view, True))
        return menu

    def outline_menu(self, view: ReportView, index: QModelIndex, parent: QWidget | None = None) -> QMenu:
        """The correction entries for an outline entry of ``view``."""
        menu = QMenu(parent or view)
        record = view.current_document()
        heading = view.outline_model.heading(index) if index.isValid() else None
        if record is None or heading is None or not self.store.ready:
            return menu
        section = self._section_on_line(record.sections, heading.start, heading.heading_end, heading.start)
        self._add_part_entries(menu, view, section, heading.start)
        return menu

    @staticmethod
    def _section_on_line(sections: list[Section], line_start: int, line_end: int, offset: int) -> Section | None:
        """The part whose heading is at ``offset`` (else the first part starting on the line), top-level first."""
        on_line = [s for s in sections if line_start <= s.start < max(line_end, line_start + 1)
                   and (s.heading or s.placement == "section")]
        at = [s for s in on_line if s.start <= offset < s.start + max(len(s.heading), 1)]
        found = sorted(at or on_line, key=lambda s: (s.placement != "section", s.start))
        return found[0] if found else None

    def _add_part_entries(self, menu: QMenu, view: ReportView, section: Section | None, offset: int) -> None:
        if section is not None:
            name = section.heading.strip()[:24] or palette.kind_label(section.kind)
            sub = menu.addMenu(QCoreApplication.translate("Corrections", "Change kind of “%1”").replace("%1", name))
            sub.setObjectName("relabel_menu")
            for kind in PART_KINDS:
                action = sub.addAction(palette.kind_label(kind))
                action.setObjectName(f"relabel_{kind}")
                action.setEnabled(kind != section.kind)
                action.triggered.connect(lambda _c=False, k=kind, s=section: self.relabel(view, s, k))
            if section.heading:  # the preamble has no heading to disown
                action = menu.addAction(QCoreApplication.translate("Corrections", "Not a part heading"))
                action.setObjectName("not_heading")
                action.triggered.connect(lambda _c=False, p=section.start: self.not_a_heading(view, p))
        sub = menu.addMenu(QCoreApplication.translate("Corrections", "Start a new part here"))
        sub.setObjectName("new_part_menu")
        for kind in PART_KINDS:
            action = sub.addAction(palette.kind_label(kind))
            action.setObjectName(f"new_part_{kind}")
            action.triggered.connect(lambda _c=False, k=kind, p=offset: self.start_part(view, p, k))

    def _on_text_menu(self, view: ReportView, pos: QPoint) -> None:
        text = view.text
        offset = text.textmap.to_document(text.cursorForPosition(pos).position())
        menu = text.createStandardContextMenu()
        first = menu.actions()[0] if menu.actions() else None
        window_actions = [a for a in self.text_actions() if a.isVisible()]  # Annotate Selection …
        if window_actions and first is not None:
            menu.insertActions(first, window_actions)
            menu.insertSeparator(first)
        elif window_actions:
            menu.addActions(window_actions)
            menu.addSeparator()
        extra = self.text_menu(view, offset, menu)
        if extra.actions():
            menu.addSeparator()
            for action in extra.actions():
                menu.addAction(action)
        menu.exec(text.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_outline_menu(self, view: ReportView, pos: QPoint) -> None:
        menu = self.outline_menu(view, view.outline.indexAt(pos))
        if menu.actions():
            menu.exec(view.outline.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_header_menu(self, view: ReportView, pos: QPoint) -> None:
        if view.current_document() is None:
            return
        menu = QMenu(view)
        menu.addAction(QCoreApplication.translate("Corrections", "Edit metadata…")).triggered.connect(lambda _c=False: self.toggle_editor(view, True))
        menu.exec(view.header.mapToGlobal(pos))
        menu.deleteLater()

    # --- changes ---------------------------------------------------------------------------------------

    def _run(self, view: ReportView, change: Callable[[str], object], doc_id: str = "") -> object | None:
        """Make a change to the view's report (or to ``doc_id``: the report an editor showed before it moved on)."""
        record = view.current_document()
        if (record is None and not doc_id) or not self.store.ready:
            return None
        if ensure_reviewer(self.window, self.settings, self.store) is None:
            return None
        target = doc_id or (record.id if record is not None else "")
        try:
            return change(target)
        except ReviewDeskError as exc:
            dialogs.warning(self.window, QCoreApplication.translate("Corrections", "Correction not made"), str(exc))
            self.refresh_widgets(view)  # the editor shows the stored value again, not the refused one
            return None

    def mark_part(self, view: ReportView, kind: str, start: int, end: int) -> object | None:
        return self._run(view, lambda doc_id: self.store.mark_part(doc_id, kind, start, end))

    def relabel(self, view: ReportView, section: Section, kind: str) -> object | None:
        return self._run(view, lambda doc_id: self.store.relabel(doc_id, section, kind))

    def not_a_heading(self, view: ReportView, offset: int) -> object | None:
        return self._run(view, lambda doc_id: self.store.not_a_heading(doc_id, offset))

    def start_part(self, view: ReportView, offset: int, kind: str) -> object | None:
        return self._run(view, lambda doc_id: self.store.start_part(doc_id, offset, kind))

    def correct_field(self, view: ReportView, name: str, value: str, doc_id: str = "") -> object | None:
        return self._run(view, lambda target: self.store.correct_field(target, name, value), doc_id)

    def commit_editors(self) -> None:
        """Store what was typed in every metadata editor and not yet committed (the window or database closes)."""
        for editor in self.editors.values():
            editor.commit()

    def reset_field(self, view: ReportView, name: str) -> object | None:
        return self._run(view, lambda doc_id: self.store.reset_field(doc_id, name))

    # --- showing ---------------------------------------------------------------------------------------

    def toggle_editor(self, view: ReportView, visible: bool | None = None) -> None:
        editor = self.editors[view]
        show = not editor.isVisible() if visible is None else visible
        doc = view.current_document()
        if show:
            editor.set_view(self.store.view(doc.id) if doc is not None else None)
        editor.setVisible(show and doc is not None)

    def edit_metadata(self, view: ReportView) -> None:
        """Edit › Edit Metadata (Ctrl+Shift+M): open the editor of the report worked in, the keyboard in its
        first field (Escape closes it, keeping what was typed)."""
        self.toggle_editor(view, True)
        editor = self.editors[view]
        if editor.isVisible():
            editor.first_field().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_editor_field(self, view: ReportView) -> QWidget | None:
        """The editor's first field when the editor of ``view`` is open (for the F6 chain), else None."""
        editor = self.editors.get(view)
        return editor.first_field() if editor is not None and editor.isVisible() else None

    def retranslate(self) -> None:
        self.edit_metadata_action.setText(QCoreApplication.translate("Corrections", "Edit &Metadata…"))

    def refresh_widgets(self, view: ReportView) -> None:
        """Re-read the bar and the editor of one view (after its report was (re)loaded)."""
        record = view.current_document()
        corrected = self.store.view(record.id) if record is not None else None
        self.bars[view].set_view(corrected)
        view.set_extra_marks(CORRECTIONS_LAYER, _corrected_marks(corrected), line_color=QColor(MARK_COLOR))
        editor = self.editors[view]
        editor.set_view(corrected)
        if corrected is None:
            editor.setVisible(False)
        if self.compare_view is not None and view in (self.compare_view.left, self.compare_view.right):
            # Side by side, both panes show the bar when either has one, so that the texts start level.
            bars = [self.bars[self.compare_view.left], self.bars[self.compare_view.right]]
            wanted = any(bar.has_news() for bar in bars)
            for bar in bars:
                bar.setVisible(wanted and bar.has_view())

    def on_changes(self, changes: Changes) -> None:
        """Re-read the views showing a report whose parts or metadata changed (keeping their scroll position)."""
        reader = self.store.reader
        if reader is None or not changes.any("corrections", "parts", "metadata", "documents"):
            return
        report, compare = self.report_view, self.compare_view
        if report is not None and (doc := report.current_document()) is not None \
                and changes.concerns(doc.id, "corrections", "parts", "metadata", "documents"):
            fresh = get_document(reader, doc.id)
            if fresh is not None and fresh != doc:
                _reshow(report, lambda: report.show_document(fresh))
            else:
                self.refresh_widgets(report)
        if compare is not None:
            left, right = compare.documents()
            if left is not None and right is not None and any(
                    changes.concerns(d.id, "corrections", "parts", "metadata", "documents") for d in (left, right)):
                new_left, new_right = get_document(reader, left.id), get_document(reader, right.id)
                if new_left is not None and new_right is not None and (new_left, new_right) != (left, right):
                    _reshow(compare.left, lambda: _reshow(
                        compare.right, lambda: compare.show_pair(new_left, new_right)))
                else:
                    for pane in (compare.left, compare.right):
                        self.refresh_widgets(pane)


def _corrected_marks(corrected: CorrectedView | None) -> list[tuple[int, int, QColor, str]]:
    """A violet underline under each corrected part: its heading, or the whole passage of a marked item."""
    if corrected is None:
        return []
    eff = corrected.effective
    marks = []
    for section, origin in zip(eff.sections, eff.section_origins, strict=True):
        if origin.origin != CORRECTED or section.end <= section.start:
            continue
        end = section.start + len(section.heading) if section.placement == "section" and section.heading \
            else section.end
        marks.append((section.start, max(end, section.start + 1), QColor(MARK_FILL), origin.correction_id or ""))
    return marks


def _reshow(view: ReportView, show: Callable[[], object]) -> None:
    """Show a report again where the reader was (showing a report starts at its top)."""
    bar = view.text.verticalScrollBar()
    position = bar.value()
    show()
    bar.setValue(position)


def install_corrections(main_window: ReviewWindow) -> CorrectionsController:
    """Add the correction menus, bars and editors to the MainWindow's report views and wire them up."""
    mw = main_window
    store = CorrectionStore(mw.executor, mw.reader, mw.undo_stack, mw.changes, mw)
    ctrl = CorrectionsController(mw, store, mw.settings, mw.report_view, mw.compare_view)

    def on_database() -> None:
        store.set_database(mw.executor, mw.reader)
        for view in ctrl.all_views():
            ctrl.refresh_widgets(view)

    mw.database_changed.connect(on_database)
    mw.leaving.connect(ctrl.commit_editors)
    ctrl.message.connect(lambda text: mw.statusBar().showMessage(text, 6000))
    ctrl.text_actions = lambda: mw.text_actions
    ctrl.edit_metadata_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    ctrl.edit_metadata_action.triggered.connect(lambda _c=False: ctrl.edit_metadata(mw.working_view()))
    mw.edit_menu.addSeparator()
    mw.edit_menu.addAction(ctrl.edit_metadata_action)
    mw.add_focus_pane(lambda: ctrl.open_editor_field(mw.working_view()))
    i18n.follow_language(mw, ctrl, ctrl.retranslate)
    ctrl.retranslate()
    return ctrl
