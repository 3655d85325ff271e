"""ReportView: one report for reading and reviewing — metadata header, outline, legend and the tinted text.

The view shows a :class:`DocumentRecord` (from desktop.core.storage.documents.get_document): the header
with metadata and required-part banners, an outline tree that navigates, a legend of the part colours (its
chips navigate too), search-hit marks, and the text with page clutter hidden unless asked for. Every offset
the view emits or accepts is a document offset (the frozen text's coordinates).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare.alignment import part_refs
from desktop.core.compare.textmap import Insertion
from desktop.core.segmentation.classify import ALL_KINDS
from desktop.core.storage.documents import DocumentRecord
from desktop.core.storage.search import find_hits
from desktop.gui import i18n, palette
from desktop.gui.plain import PlainLabel
from desktop.gui.reading.metadata_header import MetadataHeader
from desktop.gui.reading.outline_model import OFFSET_ROLE, OutlineModel
from desktop.gui.reading.text_pane import TextPane

MAX_EXPANDED_PARTS = 40


def color_icon(color: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


class LegendBar(QWidget):
    """Search-hit count, outline switch and clutter switch above the text, and the part colour chips.

    The chips (one per kind of part: its colour and name; click to go to the part) live in ``chip_panel``,
    which the report view shows above the outline, where a column of them never makes the window wider.
    """

    part_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(2)
        self.chips: dict[str, QPushButton] = {}
        self.chip_panel = QWidget(self)
        self._chip_box = QVBoxLayout(self.chip_panel)
        self._chip_box.setContentsMargins(2, 2, 2, 4)
        self._chip_box.setSpacing(2)
        self._layout.addStretch(1)
        self.hits = PlainLabel(self)
        self.previous_hit = QToolButton(self)
        self.previous_hit.setArrowType(Qt.ArrowType.UpArrow)
        self.next_hit = QToolButton(self)
        self.next_hit.setArrowType(Qt.ArrowType.DownArrow)
        for w in (self.hits, self.previous_hit, self.next_hit):
            self._layout.addWidget(w)
            w.hide()
        self.outline_toggle = QToolButton(self)
        self.outline_toggle.setCheckable(True)
        self.outline_toggle.setAutoRaise(True)
        self._layout.addWidget(self.outline_toggle)
        self.clutter = QCheckBox(self)
        self._layout.addWidget(self.clutter)
        self._placements: dict[str, str] = {}
        self._doubts: dict[str, str] = {}
        self._clutter_count = 0
        self._hit_count: int | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text again (after a language switch)."""
        self.previous_hit.setToolTip(self.tr("Previous hit"))
        self.next_hit.setToolTip(self.tr("Next hit"))
        self.outline_toggle.setText(self.tr("Outline"))
        self.set_parts(self._placements)
        self.set_clutter_count(self._clutter_count)
        self.set_hit_count(self._hit_count)

    def set_parts(self, placements: dict[str, str], doubts: dict[str, str] | None = None) -> None:
        """One chip per kind present: kind -> placement ("section", "subsection" or "inline"); a kind in ``doubts``
        (kind -> reason) is one segmentation is unsure of and carries the 请核对 mark."""
        self._placements = dict(placements)
        if doubts is not None:
            self._doubts = dict(doubts)
        for chip in self.chips.values():
            self._chip_box.removeWidget(chip)
            chip.hide()  # gone at once, not when the deletion comes round
            chip.deleteLater()
        self.chips = {}
        for kind in ALL_KINDS:
            placement = placements.get(kind)
            if placement is None:
                continue
            chip = QPushButton(self.chip_panel)
            chip.setFlat(True)
            chip.setIcon(color_icon(palette.kind_colors(kind).strong))
            label = palette.kind_label(kind)
            if placement == "subsection":
                label = self.tr("%1 (subsection)").replace("%1", label)
            elif placement == "inline":
                label = self.tr("%1 (inline)").replace("%1", label)
            doubt = self._doubts.get(kind)
            if doubt:
                label += "  【" + self.tr("请核对") + "】"
            chip.setText(label)
            chip.setToolTip(self.tr("Go to this part") + (
                "\n" + self.tr("Please check: %1").replace("%1", i18n.core_text(doubt)) if doubt else ""))
            chip.setStyleSheet(f"QPushButton {{ background: {palette.kind_colors(kind).tint.name()}; "
                               "border: none; border-radius: 3px; padding: 2px 6px; text-align: left; }"
                               f"QPushButton:hover {{ border: 1px solid {palette.kind_colors(kind).strong.name()}; }}")
            chip.clicked.connect(lambda _checked=False, k=kind: self.part_clicked.emit(k))
            self._chip_box.addWidget(chip)
            self.chips[kind] = chip

    def set_clutter_count(self, count: int) -> None:
        self._clutter_count = count
        self.clutter.setText(self.tr("Show page clutter (%1)").replace("%1", str(count)))
        self.clutter.setEnabled(count > 0)
        self.clutter.setToolTip(self.tr("Site names, breadcrumbs, source lines and page tools found around the "
                                        "report; hidden from the text, kept in the database.") if count else
                                self.tr("No page clutter was found in this report."))

    def set_hit_count(self, count: int | None) -> None:
        """Show the number of search hits (None hides the counter)."""
        self._hit_count = count
        for w in (self.hits, self.previous_hit, self.next_hit):
            w.setVisible(count is not None)
        if count is not None:
            self.hits.setText(self.tr("%1 hits").replace("%1", str(count)))
            self.previous_hit.setEnabled(count > 0)
            self.next_hit.setEnabled(count > 0)


class ReportView(QWidget):
    """One report: header, outline, legend and text; see the module docstring."""

    selection_changed = Signal(int, int)  # document offsets, -1, -1 when nothing is selected
    mark_clicked = Signal(str)  # annotation id
    navigated = Signal(int)  # the reader chose a place (outline, legend chip, banner link): its document offset
    part_chosen = Signal(str)  # the reader chose a part in the legend: its kind
    clutter_toggled = Signal(bool)
    document_shown = Signal(str)  # the id of the report just (re)loaded; marks of other layers are cleared

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._record: DocumentRecord | None = None
        self._insertions: list[Insertion] = []
        self._hits: list[tuple[int, int]] = []
        self._hit_index = -1
        self._annotation_marks: list[tuple[int, int, QColor, str]] = []
        self._extra_layers: set[str] = set()

        self.header = MetadataHeader(self, compact=compact)
        self.legend = LegendBar(self)
        self.text = TextPane(self)
        self.outline_model = OutlineModel(self)
        self.outline = QTreeView(self)
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(True)
        self.outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.outline.setMinimumWidth(160)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.legend)
        right_layout.addWidget(self.text, 1)
        self.side = QWidget(self)  # the part legend above the outline
        side_layout = QVBoxLayout(self.side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.legend.chip_panel)
        side_layout.addWidget(self.outline, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 740])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

        # Side by side, the compare view's part cards are the legend: the outline column starts hidden.
        self.legend.outline_toggle.setChecked(not compact)
        self.side.setVisible(not compact)
        self.legend.outline_toggle.toggled.connect(self.side.setVisible)
        self.legend.part_clicked.connect(self._on_part_clicked)
        self.legend.clutter.toggled.connect(self._on_clutter_toggled)
        self.legend.next_hit.clicked.connect(lambda: self.go_to_hit(self._hit_index + 1))
        self.legend.previous_hit.clicked.connect(lambda: self.go_to_hit(self._hit_index - 1))
        self.outline.clicked.connect(self._on_outline_activated)
        self.outline.activated.connect(self._on_outline_activated)
        self.header.link_activated.connect(self._navigate)
        self.text.selection_changed.connect(self.selection_changed)
        self.text.mark_clicked.connect(self.mark_clicked)
        self.text.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.legend.set_clutter_count(0)

    # --- public API -------------------------------------------------------------------------------------

    def show_document(self, record: DocumentRecord, *, insertions: Sequence[Insertion] = ()) -> None:
        """Show a stored report (clutter hidden unless the switch is on); clears search hits and marks."""
        self._record = record
        self._insertions = list(insertions)
        self._hits, self._hit_index = [], -1
        self._annotation_marks = []
        self.text.set_marks("search", [])
        self.text.set_marks("annotations", [])
        self.text.set_coding_stripes([])
        for name in self._extra_layers:
            self.text.set_marks(name, [])
        self.header.set_record(record)
        self.outline_model.set_outline(record.outline, record.sections)
        if self.outline_model.rowCount() <= MAX_EXPANDED_PARTS:  # a few parts: show their subsections too
            self.outline.expandToDepth(0)
        doubts: dict[str, str] = {}
        for section in record.sections:
            if section.confidence == "low" and section.kind != "preamble":
                doubts.setdefault(section.kind, section.reason or self.tr("the kind is uncertain"))
        self.legend.set_parts({kind: ref.placement for kind, ref in part_refs(record.sections).items()}, doubts)
        self.legend.set_clutter_count(len(record.clutter))
        self.legend.set_hit_count(None)
        self._load_text()
        self.text.verticalScrollBar().setValue(0)
        self.document_shown.emit(record.id)

    def current_document(self) -> DocumentRecord | None:
        return self._record

    def set_insertions(self, insertions: Sequence[Insertion]) -> None:
        """Display-only lines (gap banners) to show in the text; they never count as document text."""
        self._insertions = list(insertions)
        if self._record is not None:
            self._reload_keeping_position()

    def highlight_query(self, query: str) -> int:
        """Mark every hit of a search query in the text, go to the first one, and return the hit count."""
        if self._record is None:
            return 0
        if not query.strip():
            self._hits, self._hit_index = [], -1
            self.text.set_marks("search", [])
            self.legend.set_hit_count(None)
            return 0
        count, hits = find_hits(self._record.text, query, limit=None, context=0)
        self._hits = [(h.start, h.end) for h in hits]
        self.text.set_marks("search", [(a, b, palette.SEARCH_HIT, "hit") for a, b in self._hits])
        self.legend.set_hit_count(count)
        self._hit_index = -1
        if self._hits:
            self.go_to_hit(0)
        return count

    def hit_spans(self) -> list[tuple[int, int]]:
        """Document spans of the current search hits."""
        return list(self._hits)

    def go_to_hit(self, index: int) -> None:
        """Scroll to the index-th search hit (wrapping around)."""
        if not self._hits:
            return
        self._hit_index = index % len(self._hits)
        self.scroll_to_offset(self._hits[self._hit_index][0])

    def scroll_to_offset(self, offset: int) -> None:
        """Bring a document offset into view (near the top) and flash its line."""
        self.text.scroll_to_offset(offset)

    def set_clutter_visible(self, visible: bool) -> None:
        """Show or hide the page clutter removed at import (hidden by default)."""
        self.legend.clutter.setChecked(visible)  # toggled -> _on_clutter_toggled when it changes

    def clutter_visible(self) -> bool:
        return self.legend.clutter.isChecked()

    def set_annotation_marks(self, marks: list[tuple[int, int, QColor, str]]) -> None:
        """Marks (start, end, colour, annotation id) drawn over the tints; overlapping marks get their own lines."""
        self._annotation_marks = list(marks)
        self.text.set_marks("annotations", marks, underline=True, lanes=True, pale_fill=True)

    def set_coding_stripes(self, stripes: list[tuple[int, int, QColor, str]]) -> None:
        """Margin bars (start, end, tag colour, tag name): which tags apply where."""
        self.text.set_coding_stripes(stripes)

    def set_extra_marks(self, name: str, marks: list[tuple[int, int, QColor, str]], *,
                        line_color: QColor | None = None) -> None:
        """Paint an extra layer of underlined marks (e.g. the aids' stock phrases) between the reuse and search
        layers; showing another report clears it."""
        self._extra_layers.add(name)
        self.text.set_marks(name, marks, underline=True, line_color=line_color)

    def select_span(self, start: int, end: int) -> None:
        """Select a document span (its visible part), as if the reader had selected it."""
        self.text.select_document_span(start, end)

    def selection(self) -> tuple[int, int]:
        """The current selection in document offsets, (-1, -1) when none (valid with clutter hidden)."""
        return self.text.document_selection()

    def part_start(self, kind: str) -> int | None:
        """Document offset where a kind of part starts in this report, None when it has none."""
        if self._record is None:
            return None
        ref = part_refs(self._record.sections).get(kind)
        return ref.start if ref else None

    def scroll_to_part(self, kind: str) -> bool:
        """Go to a kind of part; False when the report has none."""
        start = self.part_start(kind)
        if start is None:
            return False
        self.scroll_to_offset(start)
        return True

    def retranslate(self) -> None:
        """Set every text again (after a language switch)."""
        self.legend.retranslate()
        self.header.set_record(self._record)
        if self._record is not None:
            self._reload_keeping_position()  # the text's tooltips

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- internals --------------------------------------------------------------------------------------

    def _load_text(self) -> None:
        record = self._record
        assert record is not None
        self.text.load(record.text, record.sections, record.outline, record.clutter,
                       show_clutter=self.clutter_visible(), insertions=self._insertions)

    def _reload_keeping_position(self) -> None:
        at_start = self.text.verticalScrollBar().value() == 0
        top = self.text.offset_at_y(0)
        selection = self.text.document_selection()
        self._load_text()
        if at_start:  # e.g. clutter shown above the first line: show it
            self.text.verticalScrollBar().setValue(0)
        else:
            self.text.scroll_display_to_y(self.text.textmap.to_display(top), 0)
        if selection != (-1, -1):
            self.text.select_document_span(*selection, notify=False)

    def _on_clutter_toggled(self, visible: bool) -> None:
        if self._record is not None:
            self._reload_keeping_position()
        self.clutter_toggled.emit(visible)

    def _navigate(self, offset: int) -> None:
        self.scroll_to_offset(offset)
        self.navigated.emit(offset)

    def _on_outline_activated(self, index: QModelIndex) -> None:
        offset = index.data(OFFSET_ROLE)
        if offset is not None:
            self._navigate(int(offset))

    def _on_part_clicked(self, kind: str) -> None:
        start = self.part_start(kind)
        if start is not None:
            self.scroll_to_offset(start)
            self.part_chosen.emit(kind)
            self.navigated.emit(start)

    def _follow_scroll(self) -> None:
        """Keep the outline's current item on the heading at the top of the text."""
        if self._record is None or not self.side.isVisible():
            return
        # the line where navigation puts its target (one line of context below the top)
        index = self.outline_model.index_for_offset(self.text.offset_at_y(round(self.text.line_height()) + 4))
        if index.isValid():
            with QSignalBlocker(self.outline.selectionModel()):
                self.outline.setCurrentIndex(index)
            self.outline.viewport().update()

