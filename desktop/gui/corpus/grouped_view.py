"""The corpus grouped by agency (issue 20): one row per agency group with its years in a row; a group's reports,
one per year, are its children (Enter or a double click on one opens that report; on a group, opens or closes it).

The rows come from :func:`desktop.core.agencies.grouped.grouped_listing` under the corpus table's own filter (the
:class:`~desktop.gui.corpus.corpus_model.CorpusModel` holds it): one query per filter change that counts the reports
per agency name and year in SQL, never a pass over the reports in Python; which reports a group holds, and their
summaries, are read when its children are first shown (:func:`~desktop.core.agencies.grouped.group_reports`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget
from sqlite_utils import Database

from desktop.core.agencies.grouped import GroupedListing, GroupedRow, group_reports, grouped_groups, report_group
from desktop.core.storage.documents import DocumentSummary
from desktop.core.storage.listing import ListingFilter, key_of, summaries_by_key
from desktop.gui.corpus.agency_elide import AgencyDelegate
from desktop.gui.corpus.corpus_model import DOCUMENT_ID_ROLE, CorpusModel, missing_label
from desktop.gui.missing_chips import MissingChipsDelegate
from desktop.gui.missing_chips import tooltip as missing_tooltip
from desktop.gui.plain import plain_tip

_Index = QModelIndex | QPersistentModelIndex
_MUTED = QColor("#6b6b6b")
_TOP = 0xFFFFFFFF  # internal id of a group row (a report row holds its group's row number)
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_REPORT_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren


class GroupedModel(QAbstractItemModel):
    """Agency groups (top level) and their reports (children, oldest year first) under the corpus filter."""

    COLUMNS = ("agency", "years", "missing", "reports")

    PAGE = 256  # groups shown at first and added as the view scrolls near the end (fetchMore)

    def __init__(self, corpus: CorpusModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self._db: Database | None = None
        self._groups: GroupedListing | None = None
        self._shown = 0  # top-level rows the view has (a page at a time: a reset never lays out 15,000 rows)
        self._rows: dict[int, GroupedRow] = {}  # the group rows made so far (from the listing's counts)
        self._row_of: dict[str, int] | None = None  # group key -> row (made when a report is looked for)
        self._members: dict[int, list[str]] = {}  # group row -> its reports' listing keys (read when opened)
        self._summaries: dict[int, list[DocumentSummary | None]] = {}
        # the groups without a filter and the read of the corpus they come from: reused when the filter is cleared
        self._unfiltered: tuple[int, GroupedListing] | None = None
        self._read_for: tuple[ListingFilter, int] | None = None  # the filter and read of the corpus shown

    @property
    def database(self) -> Database | None:
        return self._db

    def set_database(self, db: Database | None) -> None:
        self._db = db
        self._unfiltered = self._read_for = None
        self.refresh()

    def is_current(self) -> bool:
        """Whether the groups shown were read under the corpus table's current filter and read of the corpus."""
        return self._read_for == (self.corpus.filter, self.corpus.generation)

    def refresh(self) -> None:
        """Read the groups again under the corpus table's current filter (one core query; clearing the filter
        shows the groups read without one since the corpus was last read)."""
        self.beginResetModel()
        flt = self.corpus.filter
        self._read_for = (flt, self.corpus.generation)
        if self._db is None:
            self._groups = None
        elif not flt.is_filtering() and self._unfiltered is not None and \
                self._unfiltered[0] == self.corpus.generation:
            self._groups = self._unfiltered[1]
        else:
            self._groups = grouped_groups(self._db, flt)
            if not flt.is_filtering():
                self._unfiltered = (self.corpus.generation, self._groups)
        self._shown = min(self.PAGE, self.groups_count())
        self._rows.clear()
        self._row_of = None
        self._members.clear()
        self._summaries.clear()
        self.endResetModel()

    def groups_count(self) -> int:
        """How many groups pass the filter (the view shows them a page at a time)."""
        return len(self._groups) if self._groups is not None else 0

    def group(self, row: int) -> GroupedRow:
        """The group in a top-level row (made from the listing's counts when first asked for)."""
        found = self._rows.get(row)
        if found is None:
            assert self._groups is not None
            found = self._rows[row] = self._groups.row(row)
        return found

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._shown < self.groups_count()

    def fetchMore(self, parent: _Index) -> None:
        if not parent.isValid():
            self._show_up_to(self._shown + self.PAGE)

    def _show_up_to(self, count: int) -> None:
        count = min(count, self.groups_count())
        if count > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, count - 1)
            self._shown = count
            self.endInsertRows()

    def reports(self) -> int:
        return self._groups.reports if self._groups is not None else 0

    def index_of(self, doc_id: str) -> QModelIndex:
        """The report row of a document (invalid when the filter hides it or it is not in the corpus); the groups
        down to its own are shown."""
        key = key_of(self._db, doc_id) if self._db is not None and doc_id else None
        group = report_group(self._db, doc_id) if self._db is not None and key is not None else None
        if group is None or self._groups is None:
            return QModelIndex()
        if self._row_of is None:
            self._row_of = {k: row for row, k in enumerate(self._groups.keys)}
        row = self._row_of.get(group)
        if row is None:
            return QModelIndex()
        members = self._keys(row)
        if key not in members:
            return QModelIndex()
        self._show_up_to(row + 1)
        return self.index(members.index(key), 0, self.index(row, 0))

    def _keys(self, group: int) -> list[str]:
        """The listing keys of a group's reports that pass the filter, in the order its children show."""
        keys = self._members.get(group)
        if keys is None:
            seqs = group_reports(self._db, self.group(group).key, self.corpus.filter) if self._db is not None else []
            keys = self._members[group] = [str(seq) for seq in seqs]
        return keys

    def _children(self, group: int) -> list[DocumentSummary | None]:
        rows = self._summaries.get(group)
        if rows is None:
            keys = self._keys(group)
            found = summaries_by_key(self._db, keys) if self._db is not None else {}
            rows = self._summaries[group] = [found.get(key) for key in keys]
        return rows

    # -- Qt model interface ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # (bounds checked here, not through hasIndex: a view lays out every shown group with a call of this)
        if row < 0 or not 0 <= column < len(self.COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < self._shown else QModelIndex()
        if parent.internalId() == _TOP and parent.column() == 0 and row < self.rowCount(parent):
            return self.createIndex(row, column, parent.row())
        return QModelIndex()

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return self._shown > 0
        return parent.internalId() == _TOP and parent.column() == 0  # a group holds at least one report

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._shown
        if parent.internalId() == _TOP and parent.column() == 0 and self._groups is not None:
            return self._groups.count(parent.row())
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == _TOP else _REPORT_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {0: self.tr("Agency"), 1: self.tr("Years"), 2: self.tr("Missing"), 3: self.tr("Reports")}.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._group_data(self.group(index.row()), index.column(), role)
        group = int(index.internalId())
        if not 0 <= group < self._shown:
            return None
        rows = self._children(group)
        doc = rows[index.row()] if index.row() < len(rows) else None
        return self._report_data(doc, index.column(), role) if doc is not None else None

    def _group_data(self, group: GroupedRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (group.name, group.in_a_row(), "", str(group.reports))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return group.in_a_row()
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return plain_tip(self.tr("%1 report(s) of this agency pass the filters (other forms of its name and "
                                     "your merges included); Enter shows them, one per year")
                             .replace("%1", str(group.reports)))
        if role == Qt.ItemDataRole.ForegroundRole and not group.has_agency:
            return _MUTED
        if role == Qt.ItemDataRole.FontRole and not group.has_agency:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _report_data(self, doc: DocumentSummary, column: int, role: int) -> Any:
        if role == DOCUMENT_ID_ROLE:
            return doc.id
        if role == Qt.ItemDataRole.DisplayRole:
            year = "?" if doc.year is None else str(doc.year)
            return (year, "", missing_label(doc.missing), "")[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and doc.missing:
            return plain_tip(missing_tooltip(doc.missing))
        if role == Qt.ItemDataRole.ToolTipRole:  # the name as this report prints it (a group holds its variants)
            lines = (doc.agency or "", doc.title or "", self.tr("File: %1").replace("%1", doc.name))
            return plain_tip("\n".join(p for p in lines if p))
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and doc.missing:
            return QColor("#b3261e")
        return None


class GroupedView(QTreeView):
    """The grouped corpus: Enter or a double click on a report opens it; on a group, opens or closes it."""

    current_document_changed = Signal(str)  # a report row became current (a group row keeps the open report)
    document_activated = Signal(str)

    def __init__(self, model: GroupedModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("corpusGrouped")
        self.setModel(model)
        self.setUniformRowHeights(True)  # a large corpus: no row is measured
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setExpandsOnDoubleClick(False)  # activated decides (Enter and double click alike)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # widths from the font, not from the rows (sizing to contents would read every group of a large corpus)
        cell = self.fontMetrics()
        # (the agency column keeps the rest; a long row of years or chips is elided, in full in the tooltip)
        for column, sample in ((1, "2021 · 2023"), (2, "缺 不足"), (3, "00")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(cell.horizontalAdvance(sample), header.fontMetrics()
                                             .horizontalAdvance(title)) + 12)
        # the place and the body stay readable in a narrow column (吉林省政务…管理局, not 吉林…理局)
        self.setItemDelegateForColumn(0, AgencyDelegate(self))
        self.setItemDelegateForColumn(2, MissingChipsDelegate(self))  # chips fitted (缺 不足 +2), never cut
        self.activated.connect(self._on_activated)
        self.selectionModel().currentRowChanged.connect(self._on_current)

    def grouped_model(self) -> GroupedModel:
        model = self.model()
        assert isinstance(model, GroupedModel)
        return model

    def current_document_id(self) -> str:
        index = self.currentIndex()
        return str(index.data(DOCUMENT_ID_ROLE) or "") if index.isValid() else ""

    def select_document(self, doc_id: str) -> bool:
        """Make a report the current row, its group opened; False when the filter hides it."""
        index = self.grouped_model().index_of(doc_id)
        if not index.isValid():
            return False
        self.expand(index.parent())
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def step(self, delta: int) -> None:
        """Make the next (``delta`` 1) or previous (-1) report the current row: within its group, then into the
        next or previous group (opened); from a group row, its first report or the previous group's last."""
        model = self.grouped_model()
        index = self.currentIndex()
        last = -1  # "the group's last report"
        if index.isValid() and index.parent().isValid():
            group, child = index.parent().row(), index.row() + delta
            if child < 0:
                group, child = group - 1, last
        elif index.isValid():
            group, child = (index.row(), 0) if delta > 0 else (index.row() - 1, last)
        else:
            group, child = (0, 0) if delta > 0 else (-1, last)
        while group >= 0:
            if group >= model.rowCount() and model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
            if group >= model.rowCount():
                return
            parent = model.index(group, 0)
            count = model.rowCount(parent)
            row = count - 1 if child == last else child
            if 0 <= row < count:
                target = model.index(row, 0, parent)
                self.expand(parent)
                self.setCurrentIndex(target)
                self.scrollTo(target)
                return
            group, child = (group + 1, 0) if delta > 0 else (group - 1, last)

    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        doc_id = index.data(DOCUMENT_ID_ROLE)
        if doc_id:
            self.document_activated.emit(str(doc_id))
            return
        group = index.sibling(index.row(), 0)
        self.setExpanded(group, not self.isExpanded(group))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = current.data(DOCUMENT_ID_ROLE) if current.isValid() else None
        if doc_id:
            self.current_document_changed.emit(str(doc_id))
