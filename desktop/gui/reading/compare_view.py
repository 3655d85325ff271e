"""CompareView: two reports side by side, aligned by part, with the text they share marked.

Above the panes, one card per kind of part shows where each report has it (or that it lacks it) and how
much of it the other report already contains; clicking a card brings both panes to that part. A part one
report lacks is shown in that report's pane as a gap banner where the part would be. Scrolling one pane
scrolls the other within aligned parts (Meld-style; can be switched off). Clicking a reused passage shows
where it comes from in the other pane.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare.alignment import (
    AlignedPart,
    Gap,
    PartRef,
    align_parts,
    body_end,
    find_gaps,
    map_offset,
    sync_anchors,
)
from desktop.core.compare.reuse import DEFAULT_MIN_LENGTH, Reuse, countable_prefix, find_reuse, reuse_share
from desktop.core.compare.textmap import Insertion
from desktop.core.compare.wording import Change, document_changes
from desktop.core.storage.documents import DocumentRecord
from desktop.gui import palette
from desktop.gui.flow import FlowLayout
from desktop.gui.plain import PlainLabel
from desktop.gui.reading.outline_model import kind_lookup
from desktop.gui.reading.report_view import ReportView
from desktop.gui.reading.text_pane import pale

WORDING_REMOVED, WORDING_REMOVED_LINE = QColor("#f3a59d"), QColor("#b3261e")  # words; whole sentences pale
WORDING_ADDED, WORDING_ADDED_LINE = QColor("#9edbab"), QColor("#1e7b34")
WORDING_MOVED = QColor("#1a56b0")  # a sentence found at another place (drawn pale)
NO_FILL = QColor(0, 0, 0, 0)


@dataclass(frozen=True)
class PartShare:
    """How much of one kind of part the other report already contains, per side (None: not applicable)."""

    kind: str
    left: float | None
    right: float | None


def ignored_spans(record: DocumentRecord) -> list[tuple[int, int]]:
    """What text reuse does not look at: text every report repeats by design, or that is not the report's.

    Page clutter, the part headings the regulation prescribes, the title and document number, and the
    closing (特此报告, issuing body, date) after the last part.
    """
    text = record.text
    spans = [(c.start, c.end) for c in record.clutter]
    spans += [(s.start, s.start + len(s.heading)) for s in record.sections if s.placement == "section" and s.heading]
    for value in (record.summary.title, record.summary.doc_number):
        if value:
            at = text.find(value)
            if at >= 0:
                spans.append((at, at + len(value)))
    end = body_end(record.sections, len(text))
    if end < len(text):
        spans.append((end, len(text)))
    return spans


def gap_banner_text(kind: str) -> str:
    return QCoreApplication.translate("CompareView", "This report lacks: %1 (the other report has it)").replace(
        "%1", palette.kind_label(kind))


def _gap_insertion(text: str, position: int, kind: str) -> Insertion:
    """A banner line before the line holding ``position`` (or after the last line)."""
    banner = "▲ " + gap_banner_text(kind)
    line_start = text.rfind("\n", 0, position) + 1
    if text[line_start:position].strip():  # the position is inside a line: show the banner after it
        newline = text.find("\n", position)
        if newline < 0:
            return Insertion(len(text), "\n" + banner)
        line_start = newline + 1
    if line_start >= len(text):
        return Insertion(len(text), ("" if text.endswith("\n") else "\n") + banner)
    return Insertion(line_start, banner + "\n")


def _group(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets kept together on one row of a flow layout (left aligned)."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return box


class PartCard(QPushButton):
    """One kind of part in both reports: placement or absence on each side, and the reuse share."""

    def __init__(self, part: AlignedPart, share: PartShare, side_names: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        self.side_names = side_names
        self.setText(f"{palette.kind_label(part.kind)}\n{self._side(part.left, share.left, True)}\n"
                     f"{self._side(part.right, share.right, False)}")
        colors = palette.kind_colors(part.kind)
        missing = part.left is None or part.right is None  # a red frame: one report lacks this part
        border = palette.MISSING_BORDER.name() if missing else colors.strong.name()
        self.setStyleSheet(f"QPushButton {{ background: {colors.tint.name()}; color: #1a1a1a; "
                           f"border: 1px solid {border}; border-left: 6px solid {colors.strong.name()}; "
                           "border-radius: 4px; padding: 3px 10px 3px 6px; text-align: left; }"
                           f"QPushButton:hover {{ border-color: {colors.strong.name()}; background: white; }}")
        self.setToolTip(self.tr("Show this part in both reports. The percentage is the share of the part's text "
                                "(headings excluded) that also appears in the other report."))

    def _side(self, ref: PartRef | None, share: float | None, left: bool) -> str:
        side = self.side_names[0] if left else self.side_names[1]
        if ref is None:
            return self.tr("%1: missing").replace("%1", side)
        if ref.placement == "subsection":
            where = self.tr("%1: subsection").replace("%1", side)
        elif ref.placement == "inline":
            where = self.tr("%1: inline").replace("%1", side)
        else:
            where = side + ":"
        if share is None:
            return where
        return self.tr("%1 %2% shared").replace("%1", where).replace("%2", str(round(share * 100)))


class CompareView(QWidget):
    """Two reports side by side; see the module docstring."""

    pair_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = ReportView(self, compact=True)
        self.right = ReportView(self, compact=True)
        self.reuse = Reuse()
        self.parts: list[AlignedPart] = []
        self.shares: dict[str, PartShare] = {}
        self.gaps: list[Gap] = []
        self.anchors: list[tuple[int, int]] = []
        self.cards: list[PartCard] = []
        self._syncing = False
        self._last_scrolled_left = True  # the pane the reader scrolled last leads when syncing is switched on

        self.sync_box = QCheckBox(self)
        self.sync_box.setChecked(True)
        # Changed wording (Beyond Compare / Meld): sentences paired first, then words removed (left) and added (right).
        self.wording_box = QCheckBox(self)
        self.wording_box.setObjectName("wordingChanges")
        self.changes: list[Change] = []  # in document offsets, ordered by place on the right
        self._change_index = -1
        self.next_change = QToolButton(self)
        self.next_change.setArrowType(Qt.ArrowType.DownArrow)
        self.previous_change = QToolButton(self)
        self.previous_change.setArrowType(Qt.ArrowType.UpArrow)
        self.next_change_action = QAction(self)
        self.next_change_action.setShortcut(QKeySequence("F8"))
        self.previous_change_action = QAction(self)
        self.previous_change_action.setShortcut(QKeySequence("Shift+F8"))
        for action, step, button in ((self.next_change_action, 1, self.next_change),
                                     (self.previous_change_action, -1, self.previous_change)):
            # anywhere in the window while side by side is shown (an action of a hidden widget does not fire), not
            # only from inside the two panes: the keyboard is often in the corpus or a dock
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, d=step: self.go_to_change(self._change_index + d))
            button.setDefaultAction(action)
            button.setArrowType(Qt.ArrowType.DownArrow if step > 0 else Qt.ArrowType.UpArrow)
            self.addAction(action)
        # What the colours mean, beside the box while the marks are shown: words (strong), whole sentences (pale).
        self.wording_legend = QWidget(self)
        self.wording_legend.setObjectName("wordingLegend")
        legend_row = QHBoxLayout(self.wording_legend)
        legend_row.setContentsMargins(0, 0, 0, 0)
        legend_row.setSpacing(3)
        self.legend_chips: dict[str, PlainLabel] = {}
        for key, fill, line in (("removed", WORDING_REMOVED, WORDING_REMOVED_LINE),
                                ("added", WORDING_ADDED, WORDING_ADDED_LINE),
                                ("sentence_removed", pale(WORDING_REMOVED_LINE), None),
                                ("sentence_added", pale(WORDING_ADDED_LINE), None),
                                ("moved", pale(WORDING_MOVED), None)):
            chip = PlainLabel(self.wording_legend)
            chip.setStyleSheet(f"background: {fill.name()}; color: #1a1a1a; padding: 0 3px;"
                               + (f" border-bottom: 2px solid {line.name()};" if line is not None else ""))
            legend_row.addWidget(chip)
            self.legend_chips[key] = chip
        self.wording_legend.setVisible(False)
        self.min_length = QSpinBox(self)
        self.min_length.setRange(4, 200)
        self.min_length.setValue(DEFAULT_MIN_LENGTH)
        self.min_length_label = PlainLabel(self)
        swatch = PlainLabel(self)
        swatch.setFixedSize(28, 14)
        swatch.setStyleSheet(f"background: {palette.REUSE_FILL.name()}; "
                             f"border-bottom: 2px solid {palette.REUSE_LINE.name()};")
        self.summary = PlainLabel(self)
        self.summary.setObjectName("sharedSummary")
        self.summary.setWordWrap(True)  # on a row of its own: shown in full, never squeezed to a few pixels
        toolbar_bar = QWidget(self)
        toolbar_bar.setObjectName("compareToolbar")
        # The tools wrap onto a second row on a narrow window instead of widening it.
        toolbar = FlowLayout(toolbar_bar, spacing=10)
        toolbar.setContentsMargins(6, 4, 6, 0)
        toolbar.add_widget(_group(toolbar_bar, swatch, self.min_length_label, self.min_length), stretch=True)
        toolbar.add_widget(_group(toolbar_bar, self.wording_box, self.wording_legend, self.previous_change,
                                  self.next_change))
        toolbar.add_widget(self.sync_box)

        self.cards_box = QHBoxLayout()
        self.cards_box.setContentsMargins(6, 2, 6, 4)
        self.cards_box.setSpacing(6)
        cards_strip = QWidget(self)
        cards_strip.setLayout(self.cards_box)
        # On a narrow window the strip scrolls sideways instead of widening the window.
        cards = QScrollArea(self)
        cards.setWidget(cards_strip)
        cards.setWidgetResizable(True)
        cards.setFrameShape(QFrame.Shape.NoFrame)
        cards.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        cards.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._cards_area = cards

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.right)
        self.splitter.setChildrenCollapsible(False)
        self.left.header.installEventFilter(self)
        self.right.header.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar_bar)
        summary_row = QHBoxLayout()
        summary_row.setContentsMargins(6, 0, 6, 0)
        summary_row.addWidget(self.summary, 1)
        layout.addLayout(summary_row)
        layout.addWidget(cards)
        layout.addWidget(self.splitter, 1)

        self.sync_box.toggled.connect(lambda on: self._sync(self._last_scrolled_left) if on else None)
        self.wording_box.toggled.connect(lambda _on: self.show_wording_changes())
        self.min_length.valueChanged.connect(self._on_min_length)
        for pane, is_left in ((self.left, True), (self.right, False)):
            pane.text.verticalScrollBar().valueChanged.connect(lambda _v, s=is_left: self._on_scrolled(s))
            pane.part_chosen.connect(self.go_to_part)
            pane.navigated.connect(lambda offset, s=is_left: self._on_navigated(s, offset))
            pane.text.offset_clicked.connect(lambda offset, s=is_left: self._on_clicked(s, offset))
        self._retranslate_static()

    def _retranslate_static(self) -> None:
        self.wording_box.setText(self.tr("Changed wording"))
        self.wording_box.setToolTip(self.tr("Each sentence is compared with its most similar counterpart in the other "
                                            "report: changed words are marked strongly (removed: red, left; added: "
                                            "green, right), sentences without a counterpart pale, moved sentences "
                                            "blue. F8 / Shift+F8 go to the next / previous change"))
        self.legend_chips["removed"].setText(self.tr("removed"))
        self.legend_chips["added"].setText(self.tr("added"))
        self.legend_chips["sentence_removed"].setText(self.tr("sentence removed"))
        self.legend_chips["sentence_added"].setText(self.tr("sentence added"))
        self.legend_chips["moved"].setText(self.tr("moved"))
        self.next_change_action.setText(self.tr("Next change"))
        self.next_change_action.setToolTip(self.tr("Next changed wording (F8)"))
        self.previous_change_action.setText(self.tr("Previous change"))
        self.previous_change_action.setToolTip(self.tr("Previous changed wording (Shift+F8)"))
        self.sync_box.setText(self.tr("Synchronized scrolling"))
        self.sync_box.setToolTip(self.tr("Scroll both reports together, part by part"))
        self.min_length.setSuffix(self.tr(" characters"))
        self.min_length.setToolTip(self.tr("Shortest passage counted as shared text (after normalizing "
                                           "punctuation, width and white space)"))
        self.min_length_label.setText(self.tr("Text found in both reports, passages of at least"))

    def retranslate(self) -> None:
        """Set every text again (after a language switch), gap banners included."""
        self._retranslate_static()
        left, right = self.documents()
        if left is not None and right is not None:
            self.left.set_insertions(self._insertions("left", left.text))
            self.right.set_insertions(self._insertions("right", right.text))
            self._compute_reuse()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- public API -------------------------------------------------------------------------------------

    def show_pair(self, left: DocumentRecord, right: DocumentRecord) -> None:
        """Show two reports side by side (by convention the older on the left, the newer on the right)."""
        self.parts = align_parts(left.sections, right.sections)
        self.gaps = find_gaps(left.sections, right.sections, body_end(left.sections, len(left.text)),
                              body_end(right.sections, len(right.text)))
        self.anchors = sync_anchors(self.parts, len(left.text), len(right.text))
        self._syncing = True
        try:
            self.left.show_document(left, insertions=self._insertions("left", left.text))
            self.right.show_document(right, insertions=self._insertions("right", right.text))
        finally:
            self._syncing = False
        self._compute_reuse()
        self.show_wording_changes()
        self._equalize_headers()
        self.pair_shown.emit()

    def show_wording_changes(self) -> int:
        """Mark (or, switched off, clear) the changed wording of the two reports; the number of changes.

        Sentences are paired first (desktop.core.compare.wording.document_changes): changed words inside a pair are
        marked strongly, whole sentences without a counterpart pale, moved sentences in blue on both sides."""
        left, right = self.documents()
        self.changes, self._change_index = [], -1
        if self.wording_box.isChecked() and left is not None and right is not None:
            parts = [((p.left.start, p.left.end), (p.right.start, p.right.end))
                     for p in self.parts if p.left is not None and p.right is not None]
            self.changes = document_changes(left.text, right.text, parts,
                                            skip_left=[(c.start, c.end) for c in left.clutter],
                                            skip_right=[(c.start, c.end) for c in right.clutter])
        words = [c for c in self.changes if not c.sentences]
        whole = [c for c in self.changes if c.sentences]
        # whole sentences first: the word marks are painted over them
        self.left.text.set_marks("wording_sentences", [
            (c.left_start, c.left_end, WORDING_MOVED if c.kind == "move" else WORDING_REMOVED_LINE,
             "moved" if c.kind == "move" else "removed") for c in whole if c.left_end > c.left_start], pale_fill=True)
        self.right.text.set_marks("wording_sentences", [
            (c.right_start, c.right_end, WORDING_MOVED if c.kind == "move" else WORDING_ADDED_LINE,
             "moved" if c.kind == "move" else "added") for c in whole if c.right_end > c.right_start], pale_fill=True)
        self.left.text.set_marks("wording", [(c.left_start, c.left_end, WORDING_REMOVED, "removed") for c in words
                                             if c.left_end > c.left_start], underline=True,
                                 line_color=WORDING_REMOVED_LINE)
        self.right.text.set_marks("wording", [(c.right_start, c.right_end, WORDING_ADDED, "added") for c in words
                                              if c.right_end > c.right_start], underline=True,
                                  line_color=WORDING_ADDED_LINE)
        self._paint_reuse()
        self.wording_legend.setVisible(self.wording_box.isChecked())
        for widget in (self.next_change, self.previous_change):
            widget.setEnabled(bool(self.changes))
        return len(self.changes)

    def show_spans(self, left: tuple[int, int] | None, right: tuple[int, int] | None) -> None:
        """Bring a span of each pane into view and select it (None: that pane left as it is), synchronized
        scrolling held while both move (e.g. a plan item on the left and the passage that reports it done)."""
        self._syncing = True
        try:
            for pane, span in ((self.left, left), (self.right, right)):
                if span is not None:
                    pane.scroll_to_offset(span[0])
                    pane.select_span(*span)
        finally:
            self._syncing = False

    def go_to_change(self, index: int) -> None:
        """Bring both panes to the index-th change (wrapping round); F8 with the marks off switches them on."""
        if not self.wording_box.isChecked():
            self.wording_box.setChecked(True)  # marks the changes (toggled -> show_wording_changes)
            index = 0 if index >= 0 else -1
        if not self.changes:
            return
        self._change_index = index % len(self.changes)
        change = self.changes[self._change_index]
        self._syncing = True
        try:
            self.left.scroll_to_offset(change.left_start)
            self.right.scroll_to_offset(change.right_start)
        finally:
            self._syncing = False

    def documents(self) -> tuple[DocumentRecord | None, DocumentRecord | None]:
        return self.left.current_document(), self.right.current_document()

    def go_to_part(self, kind: str) -> None:
        """Bring both panes to a kind of part (to its gap banner in a report that lacks it)."""
        self._syncing = True
        try:
            for pane, side in ((self.left, "left"), (self.right, "right")):
                start = pane.part_start(kind)
                if start is None:
                    start = next((g.position for g in self.gaps if g.side == side and g.kind == kind), None)
                if start is not None:
                    pane.scroll_to_offset(start)
        finally:
            self._syncing = False

    def gap_banners(self, side: str) -> list[str]:
        """The gap banner texts shown in one pane, in order."""
        pane = self.left if side == "left" else self.right
        return [ins.text.strip("\n") for ins in pane.text.textmap.insertions]

    # --- internals --------------------------------------------------------------------------------------

    def _equalize_headers(self) -> None:
        """Give both headers the same height so that the two texts start on the same line."""
        if not self.isVisible():
            return
        heights = []
        for pane in (self.left, self.right):
            layout = pane.header.layout()
            if layout is None:
                continue
            width = pane.header.width()
            h = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
            heights.append(max(h, layout.minimumSize().height()))
        for pane in (self.left, self.right):
            if pane.header.minimumHeight() != max(heights):
                pane.header.setMinimumHeight(max(heights))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QResizeEvent) and event.size().width() != event.oldSize().width():
            self._equalize_headers()  # headers are as wide as their panes; their height follows the text
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._equalize_headers()

    def _insertions(self, side: str, text: str) -> list[Insertion]:
        return [_gap_insertion(text, g.position, g.kind) for g in self.gaps if g.side == side]

    def _on_min_length(self, _value: int) -> None:
        if self.left.current_document() is not None and self.right.current_document() is not None:
            self._compute_reuse()

    def _compute_reuse(self) -> None:
        left, right = self.left.current_document(), self.right.current_document()
        assert left is not None and right is not None
        lignore, rignore = ignored_spans(left), ignored_spans(right)
        self.reuse = find_reuse(left.text, right.text, self.min_length.value(), lignore, rignore)
        self._paint_reuse()
        lprefix, rprefix = countable_prefix(left.text, lignore), countable_prefix(right.text, rignore)
        self.shares = {}
        for part in self.parts:
            lshare = reuse_share(self.reuse.left_spans, part.left.start, part.left.end, lprefix) if part.left else None
            rshare = (reuse_share(self.reuse.right_spans, part.right.start, part.right.end, rprefix)
                      if part.right else None)
            self.shares[part.kind] = PartShare(part.kind, lshare, rshare)
        total_l = reuse_share(self.reuse.left_spans, 0, len(left.text), lprefix)
        total_r = reuse_share(self.reuse.right_spans, 0, len(right.text), rprefix)
        self.summary.setText(self.tr("Shared: %1% of the left report, %2% of the right report")
                             .replace("%1", str(round((total_l or 0) * 100)))
                             .replace("%2", str(round((total_r or 0) * 100))))
        self._build_cards()

    def _paint_reuse(self) -> None:
        """The shared passages: filled, or only underlined while the changed wording is marked (its red and green
        fills must not be mistaken for the shared text's pink)."""
        fill = NO_FILL if self.wording_box.isChecked() else palette.REUSE_FILL
        for pane, spans in ((self.left, self.reuse.left_spans), (self.right, self.reuse.right_spans)):
            pane.text.set_marks("reuse", [(a, b, fill, "reuse") for a, b in spans], underline=True,
                                line_color=palette.REUSE_LINE)

    def _build_cards(self) -> None:
        while self.cards_box.count():
            item = self.cards_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cards = []
        left, right = self.documents()
        years = (left.summary.year if left else None, right.summary.year if right else None)
        if years[0] and years[1] and years[0] != years[1]:
            names = (str(years[0]), str(years[1]))
        else:
            names = (self.tr("Left"), self.tr("Right"))
        for part in self.parts:
            card = PartCard(part, self.shares[part.kind], names, self)
            card.clicked.connect(lambda _checked=False, k=part.kind: self.go_to_part(k))
            self.cards_box.addWidget(card)
            self.cards.append(card)
        self.cards_box.addStretch(1)
        strip = self._cards_area.widget()
        if strip is not None:
            strip.adjustSize()
        self._fit_cards_height()

    def _fit_cards_height(self) -> None:
        """As tall as the cards, plus the sideways scroll bar when they do not fit."""
        strip = self._cards_area.widget()
        if strip is None:
            return
        needs_bar = strip.sizeHint().width() > self._cards_area.viewport().width()
        bar = self._cards_area.horizontalScrollBar().sizeHint().height() if needs_bar else 0
        self._cards_area.setFixedHeight(strip.sizeHint().height() + bar)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards_height()

    def _on_scrolled(self, from_left: bool) -> None:
        if not self._syncing:
            self._last_scrolled_left = from_left
        self._sync(from_left)

    def _sync(self, from_left: bool) -> None:
        """Scroll the other pane so that the matching place sits at the same height (middle line)."""
        if self._syncing or not self.sync_box.isChecked() or not self.anchors:
            return
        src, dst = (self.left, self.right) if from_left else (self.right, self.left)
        if src.current_document() is None or dst.current_document() is None:
            return
        self._syncing = True
        try:
            src_bar, dst_bar = src.text.verticalScrollBar(), dst.text.verticalScrollBar()
            if src_bar.value() == 0:
                dst_bar.setValue(0)
            elif src_bar.value() == src_bar.maximum():
                dst_bar.setValue(dst_bar.maximum())
            else:
                y = src.text.viewport().height() // 2
                offset = map_offset(self.anchors, src.text.offset_at_y(y), reverse=not from_left)
                dst.text.scroll_display_to_y(dst.text.textmap.to_display(offset), y)
        finally:
            self._syncing = False

    def _on_navigated(self, from_left: bool, offset: int) -> None:
        """A place chosen in one pane: bring the other pane to the same kind of part."""
        src, dst = (self.left, self.right) if from_left else (self.right, self.left)
        record = src.current_document()
        if record is None:
            return
        kind = kind_lookup([s for s in record.sections if s.placement == "section"])(offset)
        if kind is None:
            return
        self._syncing = True
        try:
            start = dst.part_start(kind)
            side = "right" if from_left else "left"
            if start is None:
                start = next((g.position for g in self.gaps if g.side == side and g.kind == kind), None)
            if start is not None:
                dst.scroll_to_offset(start)
        finally:
            self._syncing = False

    def _on_clicked(self, from_left: bool, offset: int) -> None:
        """A click on a shared passage shows its counterpart in the other pane."""
        passage = self.reuse.passage_at_left(offset) if from_left else self.reuse.passage_at_right(offset)
        if passage is None:
            return
        dst = self.right if from_left else self.left
        start, end = (passage.right_start, passage.right_end) if from_left else (passage.left_start, passage.left_end)
        self._syncing = True
        try:
            dst.scroll_to_offset(start)
            dst.text.select_document_span(start, end)
        finally:
            self._syncing = False
