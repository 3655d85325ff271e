"""The annotations dock: the current report's annotations, filtered by tag, part and reviewer.

Clicking a row jumps to the passage; Enter edits it, Delete deletes it. Orphans (annotations a re-import
could not re-attach) are listed last in red italics with a banner, and can be placed on the current text
selection or deleted. The panel only emits requests; the annotations controller carries them out.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review.annotations import Annotation
from desktop.core.review.codebook import Tag
from desktop.gui.annotate.models import (
    ID_ROLE,
    ORPHAN_BACKGROUND,
    ORPHAN_ROLE,
    ORPHAN_TEXT,
    SPAN_ROLE,
    AnnotationFilter,
    AnnotationModel,
    _kind_label,
    swatch,
)
from desktop.gui.flow import FlowLayout
from desktop.gui.plain import PlainLabel


class AnnotationPanel(QDockWidget):
    """Lists one report's annotations; emits what the reviewer wants done with them."""

    jump_requested = Signal(int, int)       # start, end of the passage
    edit_requested = Signal(str)            # annotation id
    delete_requested = Signal(str)
    place_requested = Signal(str)           # put an orphan on the current selection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsDock")
        self.model = AnnotationModel(self)
        self.proxy = AnnotationFilter(self)
        self.proxy.setSourceModel(self.model)
        self._has_selection = False

        body = QWidget(self)
        self.tag_filter = QComboBox(body)
        self.part_filter = QComboBox(body)
        self.reviewer_filter = QComboBox(body)
        for combo in (self.tag_filter, self.part_filter, self.reviewer_filter):
            # A long tag or reviewer name is elided in the closed box, never widening the dock.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(self._apply_filters)
        filters = FlowLayout(spacing=4)  # wraps onto a second row in a narrow dock
        filters.add_widget(self.tag_filter)
        filters.add_widget(self.part_filter)
        filters.add_widget(self.reviewer_filter)

        self.orphan_banner = PlainLabel(body)
        self.orphan_banner.setObjectName("orphanBanner")
        self.orphan_banner.setWordWrap(True)
        self.orphan_banner.setStyleSheet(f"QLabel {{ background: {ORPHAN_BACKGROUND.name()}; color: "
                                         f"{ORPHAN_TEXT.name()}; padding: 4px; border-radius: 3px; }}")
        self.orphan_banner.hide()

        self.table = QTableView(body)
        self.table.setObjectName("annotationTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Part and reviewer first, narrow: the dock is ~300 px wide and they must show without scrolling.
        header.moveSection(header.visualIndex(AnnotationModel.SECTION), 0)
        header.moveSection(header.visualIndex(AnnotationModel.REVIEWER), 1)
        for col, width in ((AnnotationModel.SECTION, 64), (AnnotationModel.REVIEWER, 52), (AnnotationModel.QUOTE, 120),
                           (AnnotationModel.TAGS, 70), (AnnotationModel.COMMENT, 120)):
            self.table.setColumnWidth(col, width)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        body.setFocusProxy(self.table)
        self.table.clicked.connect(self._jump)
        self.table.activated.connect(lambda index: self._emit_for(index, self.edit_requested))
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.edit_button = QPushButton(body)
        self.delete_button = QPushButton(body)
        self.place_button = QPushButton(body)
        self.edit_button.clicked.connect(lambda: self._emit_for(self.table.currentIndex(), self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit_for(self.table.currentIndex(), self.delete_requested))
        self.place_button.clicked.connect(lambda: self._emit_for(self.table.currentIndex(), self.place_requested))
        self.count = PlainLabel(body)
        buttons = FlowLayout(spacing=4)
        buttons.add_widget(self.count, stretch=True)
        buttons.add_widget(self.place_button)
        buttons.add_widget(self.edit_button)
        buttons.add_widget(self.delete_button)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.orphan_banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._tags: list[Tag] = []
        self._reviewers: list[tuple[str, str]] = []
        self.retranslate()
        self._update_buttons()

    # --- content ---------------------------------------------------------------------------------------

    def set_annotations(self, annotations: list[Annotation], tags: list[Tag]) -> None:
        """Show a report's annotations (keeping the filters and the selected row where possible)."""
        current = self.current_id()
        self._tags = tags
        self._reviewers = sorted({(a.reviewer_id, a.reviewer_name) for a in annotations if a.reviewer_id},
                                 key=lambda r: r[1])
        kinds = sorted({a.section_kind for a in annotations if a.section_kind})
        self._refill(self.tag_filter, QCoreApplication.translate("Annotations", "All tags"), [(t.id, t.name, swatch_of(t)) for t in tags])
        self._refill(self.part_filter, QCoreApplication.translate("Annotations", "All parts"), [(k, _kind_label(k), None) for k in kinds])
        self._refill(self.reviewer_filter, QCoreApplication.translate("Annotations", "All reviewers"), [(rid, name, None) for rid, name in self._reviewers])
        self.model.set_data(annotations, tags)
        orphans = sum(a.orphan for a in annotations)
        self.orphan_banner.setVisible(orphans > 0)
        self.orphan_banner.setText(QCoreApplication.translate(
            "Annotations", "%n annotation(s) could not be found in the re-imported text. They are listed last, in "
            "red: select where each belongs in the text and press Place, or delete it.", "", orphans))
        self._update_count()
        if current:
            self.select_annotation(current, jump=False)
        self._update_buttons()

    def _refill(self, combo: QComboBox, everything: str, items: list[tuple[str, str, QIcon | None]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for key, label, icon in items:
            if icon is not None:
                combo.addItem(icon, label, key)
            else:
                combo.addItem(label, key)
        found = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if keep is not None and found < 0:
            self._apply_filters()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.tag_filter.currentData(), self.part_filter.currentData(),
                               self.reviewer_filter.currentData())
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = QCoreApplication.translate("Annotations", "%n annotation(s)", "", total)
        if shown != total:
            text = QCoreApplication.translate("Annotations", "%1 of %2").replace("%1", str(shown)).replace("%2", text)
        self.count.setText(text)

    # --- selection and requests ------------------------------------------------------------------------

    def current_id(self) -> str:
        index = self.table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else ""

    def select_annotation(self, annotation_id: str, *, jump: bool = False) -> bool:
        """Make an annotation the current row (clearing filters that hide it); optionally jump to it."""
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            for combo in (self.tag_filter, self.part_filter, self.reviewer_filter):
                combo.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        if jump:
            self._jump(index)
        return True

    def set_has_selection(self, has: bool) -> None:
        """Whether the report view has a text selection (an orphan can be placed on it)."""
        self._has_selection = has
        self._update_buttons()

    def _jump(self, index: QModelIndex) -> None:
        if index.isValid() and not index.data(ORPHAN_ROLE):
            start, end = index.data(SPAN_ROLE)
            self.jump_requested.emit(start, end)

    def _emit_for(self, index: QModelIndex, signal: SignalInstance) -> None:
        if index.isValid():
            signal.emit(str(index.data(ID_ROLE)))

    def _update_buttons(self) -> None:
        index = self.table.currentIndex()
        valid = index.isValid()
        orphan = bool(valid and index.data(ORPHAN_ROLE))
        self.edit_button.setEnabled(valid)
        self.delete_button.setEnabled(valid)
        self.place_button.setVisible(orphan)
        self.place_button.setEnabled(orphan and self._has_selection)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            self._emit_for(self.table.currentIndex(), self.delete_requested)
            return True
        return super().eventFilter(watched, event)

    # --- texts -----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Annotations", "Annotations"))
        self.edit_button.setText(QCoreApplication.translate("Annotations", "Edit…"))
        self.delete_button.setText(QCoreApplication.translate("Annotations", "Delete"))
        self.place_button.setText(QCoreApplication.translate("Annotations", "Place on Selection"))
        self.place_button.setToolTip(QCoreApplication.translate("Annotations", "Attach this annotation to the passage selected in the report"))
        self.table.setToolTip(QCoreApplication.translate("Annotations", "Click to go to the passage · Enter: edit · Delete: delete"))
        self.tag_filter.setToolTip(QCoreApplication.translate("Annotations", "Show only annotations with this tag"))
        self.part_filter.setToolTip(QCoreApplication.translate("Annotations", "Show only annotations in this part of the report"))
        self.reviewer_filter.setToolTip(QCoreApplication.translate("Annotations", "Show only annotations by this reviewer"))
        if self.tag_filter.count():
            self.tag_filter.setItemText(0, QCoreApplication.translate("Annotations", "All tags"))
            self.part_filter.setItemText(0, QCoreApplication.translate("Annotations", "All parts"))
            self.reviewer_filter.setItemText(0, QCoreApplication.translate("Annotations", "All reviewers"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def swatch_of(tag: Tag) -> QIcon:
    return swatch(QColor(tag.color))
