"""The corpus panel: filter controls above the corpus table (model: corpus_model)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.scoring.scores import STATUS_LABELS
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS
from desktop.gui import i18n
from desktop.gui.corpus.agency_elide import AgencyDelegate
from desktop.gui.corpus.corpus_filter import CorpusFilterProxy, FilterWarmup
from desktop.gui.corpus.corpus_model import ANY_MISSING, DOCUMENT_ID_ROLE, CorpusModel
from desktop.gui.corpus.grouped_view import GroupedModel, GroupedView
from desktop.gui.flow import FlowLayout
from desktop.gui.missing_chips import MissingChipsDelegate, chips
from desktop.gui.plain import PlainLabel

TO_VERIFY = "__to_verify__"  # the parts filter's entry for the reports with doubts

class YearCombo(QComboBox):
    """"All years" plus the corpus' years (one query), read again when the corpus is and when the list opens."""

    def __init__(self, model: CorpusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list of years, keeping the chosen one."""
        current = self.currentData()
        years = self._model.years()
        if current is not None and current not in years:
            years = sorted({*years, current}, reverse=True)
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All years"), None)
        for year in years:
            self.addItem(str(year), year)
        self.setCurrentIndex(max(0, self.findData(current)) if current is not None else 0)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.refresh()
        super().showPopup()


def _pair(parent: QWidget, label: QWidget, field: QWidget) -> QWidget:
    """A label and its field kept on one row (a flow layout moves them together)."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(label)
    row.addWidget(field, 1)
    return box


class HiddenNotice(QFrame):
    """A line above the table while the open report is hidden by the filters: the filters stay, it says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hiddenNotice")
        self.setStyleSheet("QFrame#hiddenNotice { background: #fff4d6; border: 1px solid #d9a400; "
                           "border-left: 4px solid #d9a400; border-radius: 3px; }"
                           "QLabel { color: #4d3800; background: transparent; border: none; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 4, 2)
        self.label = PlainLabel(self)
        self.label.setWordWrap(True)
        self.show_button = QToolButton(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_button)
        self.hide()


class CorpusPanel(QWidget):
    """Filters (year, agency text, missing part) and the sortable corpus table."""

    current_document_changed = Signal(str)   # the current row's document id ('' for none)
    document_activated = Signal(str)         # double click or Enter on a row
    selection_changed = Signal()
    hidden_document_changed = Signal(str)    # the open report hidden by the filters ('' when it is shown)

    def __init__(self, model: CorpusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = CorpusFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.year_label = PlainLabel(self)
        self.year_combo = YearCombo(model, self)
        self.agency_edit = QLineEdit(self)
        self.agency_edit.setClearButtonEnabled(True)
        FilterWarmup(self.agency_edit)  # the first keystroke's preparation, as the field gets the focus
        self.missing_label = PlainLabel(self)
        self.missing_combo = QComboBox(self)
        self.missing_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.missing_combo.setMinimumContentsLength(8)
        self.clear_button = QToolButton(self)
        self.count_label = PlainLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # The filters wrap onto a second row in a narrow column instead of widening the window.
        filters = FlowLayout(spacing=4)
        filters.add_widget(_pair(self, self.year_label, self.year_combo))
        filters.add_widget(_pair(self, self.missing_label, self.missing_combo), stretch=True)
        filters.add_widget(self.clear_button)

        self.table = QTableView(self)
        self.agency_delegate = AgencyDelegate(self.table)
        self.table.setModel(self.proxy)
        # missing parts as chips fitted to the column (缺 不足 +2 when narrow; the full names in the tooltip)
        self.missing_delegate = MissingChipsDelegate(self.table)
        self.table.setItemDelegateForColumn(self.model.column_index("missing"), self.missing_delegate)
        self.table.setObjectName("corpusTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        # Fixed row heights and column widths: sizing to contents would read every row of a large corpus.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrow keys move within it)

        # The corpus grouped by agency (View › Group by Agency, Ctrl+Shift+G): the same filters, another view.
        self.grouped_model = GroupedModel(model, self)
        self.grouped = GroupedView(self.grouped_model, self)
        self.grouped.hide()
        self.grouped.current_document_changed.connect(self.current_document_changed)
        self.grouped.document_activated.connect(self.document_activated)
        self._grouped_stale = True
        self.group_action = QAction(self)
        self.group_action.setObjectName("groupByAgency")
        self.group_action.setCheckable(True)
        self.group_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.group_action.toggled.connect(self.set_grouped)
        self._settings: QSettings | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.agency_edit)
        layout.addLayout(filters)
        self.hidden_notice = HiddenNotice(self)
        self.hidden_notice.show_button.clicked.connect(self.reveal_open_document)
        layout.addWidget(self.hidden_notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.grouped, 1)
        layout.addWidget(self.count_label)

        self.year_combo.currentIndexChanged.connect(lambda _i: self.proxy.set_year(self.year_combo.currentData()))
        self.agency_edit.textChanged.connect(self.proxy.set_agency_text)
        self.missing_combo.currentIndexChanged.connect(self._on_parts_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(self._on_activated)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        model.corpus_reloaded.connect(self.year_combo.refresh)
        # A filter resets the table: keep the current and selected reports that are still shown.
        self._kept: tuple[str, list[str]] = ("", [])
        self.proxy.modelAboutToBeReset.connect(self._remember_selection)
        self.proxy.modelReset.connect(self._restore_selection)
        self._open_id = ""  # the report open in the window (set_open_document)
        self._hidden_id = ""  # the open report while the filters hide it
        self.proxy.modelReset.connect(self._update_hidden_notice)
        self.proxy.modelReset.connect(self._refresh_grouped)
        self._install_column_menu()
        self.retranslate()

    # -- grouped by agency ----------------------------------------------------------------------------
    GROUPED_KEY = "corpus/grouped_by_agency"

    def remember_grouping(self, settings: QSettings) -> None:
        """Keep the grouping choice in ``settings`` and take the one saved there."""
        self._settings = settings
        self.group_action.setChecked(settings.value(self.GROUPED_KEY, False, bool) is True)

    def is_grouped(self) -> bool:
        return self.group_action.isChecked()

    def set_grouped(self, on: bool) -> None:
        """Show the corpus grouped by agency (its years in a row) or as the table; the filters stay."""
        if self.group_action.isChecked() != on:
            self.group_action.setChecked(on)  # comes back here through toggled
            return
        if self._settings is not None:
            self._settings.setValue(self.GROUPED_KEY, on)
        had_focus = self.table.hasFocus() or self.grouped.hasFocus()
        current = self._open_id or self.current_document_id()
        # the table's listing is not read while the groups stand in its place (read again when it comes back)
        self.model.pause_listing(on)
        self.table.setVisible(not on)
        self.grouped.setVisible(on)
        # Alt+1 and F6 focus "the table": the grouped view while it stands in its place
        if on:
            self.table.setFocusProxy(self.grouped)
        else:
            self.table.setFocusProxy(None)  # type: ignore[arg-type]  # None removes it (PySide6's stub says QWidget)
        if on:
            if self._grouped_stale:
                self._read_groups()
            if current:
                self.grouped.select_document(current)
        elif current:
            self.select_document(current)
        if had_focus:
            (self.grouped if on else self.table).setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_count()

    def _refresh_grouped(self) -> None:
        """After a filter change or a reload: the groups are read again at once when shown, else when next shown."""
        if self.is_grouped():
            self._read_groups()
        else:
            self._grouped_stale = True

    def _read_groups(self) -> None:
        if self.grouped_model.database is self.model.database and self.grouped_model.is_current():
            self._grouped_stale = False  # (the table's listing was read again: the groups did not change)
            return
        current = self.grouped.current_document_id() or self._open_id
        if self.grouped_model.database is self.model.database:
            self.grouped_model.refresh()
        else:
            self.grouped_model.set_database(self.model.database)
        self._grouped_stale = False
        if current:
            self.grouped.select_document(current)
        self._update_count()

    # Shown at first: what a reviewer chooses by (the date and timeliness columns are a right click away).
    DEFAULT_HIDDEN = ("doc_date", "on_time", "agency_years")

    def _set_column_widths(self) -> None:
        """The agency takes the room left (elided in the middle); the short columns get what their contents need,
        so that year, missing parts, status and total show without scrolling sideways in a ~280 px column."""
        cell = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # missing parts: room for the chip of any part reports are found lacking (缺 不足, 缺 履职, 缺 安排; en "no
        # flaws"), more fold to 缺 不足 +2 / 缺 3 项. A report without its measures (its body) is rare: in English its
        # wider chip ("no measures") then folds to "1 missing", whole, rather than take 27 px from the agency.
        widest_chip = max(chips([k for k in REQUIRED_KINDS if k != "achievements"]), key=cell.horizontalAdvance)
        samples = {"year": "2025", "doc_date": "2026-03-02", "on_time": "Unknown", "missing": widest_chip,
                   "review": max((i18n.in_language(zh, en) for zh, en in STATUS_LABELS.values()), key=len)[:8],
                   "total": "99.99*", "to_verify": "99"}
        for key, sample in samples.items():
            column = self.model.column_index(key)
            if column >= 0:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                # as wide as its widest usual cell and its (short) header, whichever is wider: every pixel spared
                # here is the agency's (issue 18: 8 px a cell is the cell's margins, 2 x 3 px, and 2 px to spare)
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                self.table.setColumnWidth(column, max(cell.horizontalAdvance(sample) + 8,
                                                      header.fontMetrics().horizontalAdvance(title) + 10))
        agency = self.model.column_index("agency")
        if agency >= 0:
            header.setSectionResizeMode(agency, QHeaderView.ResizeMode.Stretch)
            # The place and the body stay readable when the column is narrow (吉林省政务…理局, not 吉林…理局).
            self.table.setItemDelegateForColumn(agency, self.agency_delegate)
        header.setMinimumSectionSize(cell.horizontalAdvance("0000") + 4)

    def _install_column_menu(self) -> None:
        """Right click on the header: show or hide each column."""
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.column_actions: dict[str, QAction] = {}
        for column in range(self.model.columnCount()):
            key = self.model.columns[column].key
            action = QAction(self)
            action.setCheckable(True)
            action.setChecked(key not in self.DEFAULT_HIDDEN)
            self.table.setColumnHidden(column, key in self.DEFAULT_HIDDEN)
            self.model.set_column_shown(key, key not in self.DEFAULT_HIDDEN)  # a hidden column's values: not read
            action.toggled.connect(lambda on, c=column, k=key: self._show_column(c, k, on))
            header.addAction(action)
            self.column_actions[key] = action

    def _show_column(self, column: int, key: str, on: bool) -> None:
        self.model.set_column_shown(key, on)
        self.table.setColumnHidden(column, not on)

    # -- texts -----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Year:"))
        self.year_combo.setItemText(0, self.tr("All years"))
        self.agency_edit.setPlaceholderText(self.tr("Filter by agency…"))
        self.missing_label.setText(self.tr("Parts:"))
        current = self.missing_combo.currentData()
        self.missing_combo.blockSignals(True)
        self.missing_combo.clear()
        self.missing_combo.addItem(self.tr("All reports"), None)
        self.missing_combo.addItem(self.tr("Missing any required part"), ANY_MISSING)
        for kind in REQUIRED_KINDS:
            self.missing_combo.addItem(self.tr("Missing: %1").replace("%1", KIND_LABELS[kind][0]), kind)
            self.missing_combo.setItemData(self.missing_combo.count() - 1, i18n.in_language(*KIND_LABELS[kind]),
                                           Qt.ItemDataRole.ToolTipRole)
        # the reports that leave something for the verify queue (the 待核对 column is not 0)
        self.missing_combo.addItem(self.tr("待核对 (to verify)"), TO_VERIFY)
        self.missing_combo.setCurrentIndex(max(0, self.missing_combo.findData(current)))
        self.missing_combo.blockSignals(False)
        self.clear_button.setText(self.tr("Clear filters"))
        self.group_action.setText(self.tr("Corpus &by Agency"))
        self.group_action.setToolTip(self.tr("One row per agency with its years in a row; Enter on an agency "
                                             "shows its reports, one per year"))
        self.hidden_notice.show_button.setText(self.tr("Show it (clear filters)"))
        self._update_hidden_notice()
        self.model.retranslate()
        for column, column_def in enumerate(self.model.columns):
            action = getattr(self, "column_actions", {}).get(column_def.key)
            if action is not None:
                action.setText(str(self.model.headerData(column, Qt.Orientation.Horizontal,
                                                         Qt.ItemDataRole.ToolTipRole) or column_def.header()))
        self._set_column_widths()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_count(self, *args: object) -> None:
        total = self.model.total
        if self.is_grouped():
            text = self.tr("%1 agencies, %2 of %3 reports").replace("%1", str(self.grouped_model.groups_count())) \
                .replace("%2", str(self.grouped_model.reports())).replace("%3", str(total))
        elif self.proxy.is_filtering():
            text = self.tr("%1 of %2 reports").replace("%1", str(self.proxy.rowCount())).replace("%2", str(total))
        else:
            text = self.tr("%1 reports").replace("%1", str(total))
        self.count_label.setText(text)

    # -- filters ---------------------------------------------------------------------------------------
    def clear_filters(self) -> None:
        """Show every report: the controls are reset together, then the table reads the listing once."""
        for widget in (self.year_combo, self.agency_edit, self.missing_combo):
            widget.blockSignals(True)
        self.year_combo.setCurrentIndex(0)
        self.agency_edit.clear()
        self.missing_combo.setCurrentIndex(0)
        for widget in (self.year_combo, self.agency_edit, self.missing_combo):
            widget.blockSignals(False)
        self.proxy.clear_filters()

    def set_year(self, year: int | None) -> None:
        """Choose a year in the year filter (None: all years)."""
        self.year_combo.refresh()
        self.year_combo.setCurrentIndex(0 if year is None else max(0, self.year_combo.findData(year)))

    def set_missing_kind(self, kind: str | None) -> None:
        self.missing_combo.setCurrentIndex(max(0, self.missing_combo.findData(kind)))

    def _on_parts_filter(self, _index: int = 0) -> None:
        """The parts filter: a missing part, or (TO_VERIFY) the reports with doubts; one listing query."""
        data = self.missing_combo.currentData()
        if data == TO_VERIFY:
            if self.proxy.missing_kind is not None:
                self.proxy.set_missing_kind(None)
            self.proxy.set_to_verify(True)
        else:
            if self.proxy.to_verify:
                self.proxy.set_to_verify(False)
            self.proxy.set_missing_kind(data)

    # -- selection -------------------------------------------------------------------------------------
    def current_document_id(self) -> str:
        if self.is_grouped():
            return self.grouped.current_document_id()
        index = self.table.currentIndex()
        return index.data(DOCUMENT_ID_ROLE) if index.isValid() else ""

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, top to bottom (grouped by agency: the current report)."""
        if self.is_grouped():
            current = self.grouped.current_document_id()
            return [current] if current else []
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.document_id(r) for r in rows]

    def select_document(self, doc_id: str) -> bool:
        """Make a document the current row; False when it is not shown. The filters are never cleared behind
        the reviewer's back: a report they hide leaves the current row empty (the selection stays) and the
        notice above the table says so (:meth:`reveal_open_document` clears them on request)."""
        if self.is_grouped():
            shown = self.model.passes(doc_id) and self.grouped.select_document(doc_id)
            self._update_hidden_notice()
            return shown
        row = self.proxy.proxy_row_of(doc_id) if doc_id else -1
        if row < 0:
            if self.table.currentIndex().isValid() and self.current_document_id() != doc_id:
                self.table.selectionModel().setCurrentIndex(QModelIndex(),
                                                            QItemSelectionModel.SelectionFlag.NoUpdate)
            self._update_hidden_notice()
            return False
        index = self.proxy.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self._update_hidden_notice()
        return True

    def reveal_document(self, doc_id: str) -> bool:
        """Show a document in the table, clearing the filters if they hide it (the reviewer asked for it)."""
        if not self.model.passes(doc_id) and self.model.in_corpus(doc_id):
            self.clear_filters()
        return self.select_document(doc_id)

    def reveal_open_document(self) -> bool:
        """The notice's button: clear the filters and make the open report the current row."""
        return self.reveal_document(self._open_id) if self._open_id else False

    def set_open_document(self, doc_id: str) -> None:
        """The report open in the window ('' for none): the notice tells when the filters hide it."""
        self._open_id = doc_id
        self._update_hidden_notice()

    def hidden_document_id(self) -> str:
        """The open report when the filters hide it from the table ('' when it is shown or none is open)."""
        return self._hidden_id

    def _update_hidden_notice(self) -> None:
        doc_id = self._open_id
        hidden = bool(doc_id) and not self.model.passes(doc_id) and self.model.in_corpus(doc_id)
        if hidden:
            self.hidden_notice.label.setText(
                self.tr("The open report (%1) is hidden by the filters; they are kept.")
                .replace("%1", self.model.describe(doc_id)))
        self.hidden_notice.setVisible(hidden)
        hidden_id = doc_id if hidden else ""
        if hidden_id != self._hidden_id:
            self._hidden_id = hidden_id
            self.hidden_document_changed.emit(hidden_id)

    KEEP_SELECTED = 1000  # at most this many selected rows are selected again after a filter change

    def _remember_selection(self) -> None:
        selection = self.table.selectionModel()
        rows = [index.row() for index in selection.selectedRows()[:self.KEEP_SELECTED]]
        self._kept = (self.current_document_id(), [self.model.document_id(r) for r in rows
                                                   if 0 <= r < self.model.rowCount()])

    def _restore_selection(self) -> None:
        current, selected = self._kept
        self._kept = ("", [])
        if self.model.is_listing_paused():  # the table is not shown (its rows are chosen when it comes back)
            return
        selection = self.table.selectionModel()
        rows = [r for r in (self.model.row_of(doc_id) for doc_id in selected) if r >= 0]
        if rows:
            chosen = QItemSelection()
            for r in rows:
                chosen.select(self.proxy.index(r, 0), self.proxy.index(r, self.proxy.columnCount() - 1))
            selection.select(chosen, QItemSelectionModel.SelectionFlag.Select)
        # the open report again when a filter shows it once more (its row was left empty while it was hidden)
        row = self.model.row_of(current or self._open_id) if current or self._open_id else -1
        if row >= 0:
            selection.setCurrentIndex(self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def step(self, delta: int) -> None:
        """Make the next (``delta`` 1) or previous (-1) report the current row, in the order shown."""
        if self.is_grouped():
            self.grouped.step(delta)
            return
        row = self.table.currentIndex().row() + delta
        if 0 <= row < self.proxy.rowCount():
            self.table.selectRow(row)

    def add_context_action(self, action: QAction) -> None:
        self.table.addAction(action)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_document_changed.emit(current.data(DOCUMENT_ID_ROLE) if current.isValid() else "")

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selection_changed.emit()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.document_activated.emit(index.data(DOCUMENT_ID_ROLE))

