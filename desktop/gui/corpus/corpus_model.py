"""The corpus table's Qt models: a lazily loaded table over the stored documents, and its sort/filter proxy.

:class:`CorpusModel` adapts ``desktop.core.storage.documents.list_documents`` (one :class:`DocumentSummary`
per row, in the core's order: agency, year, name). Rows are read in pages as the view scrolls
(``canFetchMore``/``fetchMore``), so opening a corpus of 10,000 reports reads one page; display values are
built when a cell is first shown and cached. The model sorts itself by typed keys (a sort other than the
core's own order loads every row first). :class:`CorpusFilterProxy` filters by year, agency text and "missing
required part"; a filter loads the remaining pages first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from sqlite_utils import Database

from desktop.core.scoring.scores import STATUS_LABELS, STATUSES, OverviewRow
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS
from desktop.core.storage.documents import DocumentSummary, count_documents, list_documents
from desktop.core.text import fold_width
from desktop.gui import i18n
from desktop.gui.plain import plain_tip
from desktop.gui.proxies import change_filter

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ANY_MISSING = "*"  # missing-part filter value: "missing at least one required part"

_Index = QModelIndex | QPersistentModelIndex
_WARN = QColor("#b3261e")
_MUTED = QColor("#6b6b6b")
_STATUS_COLORS = {"not_started": _MUTED, "in_progress": QColor("#9a6700"), "done": QColor("#1a7f37")}


def missing_label(kinds: tuple[str, ...] | list[str]) -> str:
    """The missing required parts by their Chinese names (the reports' own terms), joined with 、."""
    return "、".join(KIND_LABELS.get(k, (k, k))[0] for k in kinds)


@dataclass(frozen=True)
class Column:
    """One table column: header text, cell text, sort key (all from a DocumentSummary)."""

    key: str
    header: Callable[[], str]
    text: Callable[[DocumentSummary], str]
    sort_key: Callable[[DocumentSummary], tuple]
    tooltip: Callable[[DocumentSummary], str] | None = None
    short: Callable[[], str] | None = None  # the header's text when it differs from the full name (its tooltip)


class CorpusModel(QAbstractTableModel):
    """Read-only table of the corpus' current documents, one row per document, loaded page by page.

    ``set_database(db)`` takes a connection owned by the GUI thread (a read-only one in the app).
    """

    PAGE_SIZE = 500

    def __init__(self, parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._page_size = page_size
        self._rows: list[DocumentSummary] = []
        self._ids: dict[str, int] = {}
        self._total = 0
        self._cache: dict[tuple[int, int], str] = {}
        self._reviews: dict[str, OverviewRow] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self.columns: list[Column] = self._default_columns()

    # -- columns ---------------------------------------------------------------------------------------
    def _default_columns(self) -> list[Column]:
        return [
            Column("agency", lambda: self.tr("Agency"), self._agency_text,
                   # The core's own order (agency, NULLs last, then year, name, seq): sorting on this column
                   # ascending needs no more rows than are loaded.
                   lambda d: (d.agency is None, d.agency or "", -1 if d.year is None else d.year, d.name, d.seq),
                   self._agency_tooltip),
            Column("year", lambda: self.tr("Year"), lambda d: "" if d.year is None else str(d.year),
                   lambda d: (d.year is None, d.year or 0, d.agency or "", d.seq)),
            Column("doc_date", lambda: self.tr("Document date"), lambda d: d.doc_date or "",
                   lambda d: (d.doc_date is None, d.doc_date or "", d.seq),
                   lambda d: self.tr("Published: %1").replace("%1", d.published_at or self.tr("unknown")),
                   lambda: self.tr("Date", "document date, short column header")),
            Column("on_time", lambda: self.tr("Published on time"), self._on_time_text,
                   lambda d: ({True: 0, False: 1, None: 2}[d.on_time], d.seq),
                   lambda d: self.tr("Reports are due to be made public by 1 April of the following year."),
                   lambda: self.tr("On time", "published on time, short column header")),
            Column("missing", lambda: self.tr("Missing parts"), lambda d: missing_label(d.missing),
                   lambda d: (len(d.missing), missing_label(d.missing), d.seq), self._missing_tooltip),
            Column("review", lambda: self.tr("Review status"), self._status_text,
                   lambda d: (self._status_rank(d), d.seq), self._review_tooltip,
                   lambda: self.tr("Review", "review status, short column header")),
            Column("total", lambda: self.tr("Total score"), self._total_text,
                   lambda d: (self._review_total(d) is None, self._review_total(d) or 0.0, d.seq),
                   self._review_tooltip, lambda: self.tr("Score", "total score, short column header")),
        ]

    # -- review columns (desktop.core.scoring.scores.review_overview rows of the current reviewer) -------------
    def set_reviews(self, rows: Mapping[str, OverviewRow] | None) -> None:
        """Review status and weighted total per document id for the current reviewer (None: no reviewer)."""
        self._reviews = dict(rows) if rows is not None else None
        first, last = self.column_index("review"), self.column_index("total")
        for key in list(self._cache):
            if key[1] in (first, last):
                del self._cache[key]
        if self._rows:
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, last))

    def _review(self, d: DocumentSummary) -> OverviewRow | None:
        return self._reviews.get(d.id) if self._reviews is not None else None

    def _status_text(self, d: DocumentSummary) -> str:
        review = self._review(d)
        if review is None:
            return ""
        zh, en = STATUS_LABELS.get(review.status, (review.status, review.status))
        return zh if i18n.current_language() == i18n.CHINESE else en

    def _status_rank(self, d: DocumentSummary) -> int:
        review = self._review(d)
        return -1 if review is None else STATUSES.index(review.status) if review.status in STATUSES else 9

    def _review_total(self, d: DocumentSummary) -> float | None:
        review = self._review(d)
        return None if review is None else review.total

    def _total_text(self, d: DocumentSummary) -> str:
        total = self._review_total(d)
        return "" if total is None else f"{total:g}"

    def _review_tooltip(self, d: DocumentSummary) -> str:
        review = self._review(d)
        if self._reviews is None:
            return self.tr("No reviewer yet: your review status and scores show here once you have a name.")
        if review is None:
            return ""
        return self.tr("%1 of %2 criteria scored").replace("%1", str(review.scored)).replace("%2", str(review.criteria))

    def _agency_text(self, d: DocumentSummary) -> str:
        return d.agency or d.title or d.name

    def _agency_tooltip(self, d: DocumentSummary) -> str:
        lines = [d.title or "", self.tr("File: %1").replace("%1", d.name)]
        if d.doc_number:
            lines.insert(1, d.doc_number)
        if not d.agency:
            lines.append(self.tr("The issuing agency was not found in the text."))
        return "\n".join(line for line in lines if line)

    def _on_time_text(self, d: DocumentSummary) -> str:
        if d.on_time is None:
            return self.tr("Unknown")
        return self.tr("Yes") if d.on_time else self.tr("No")

    def _missing_tooltip(self, d: DocumentSummary) -> str:
        if not d.missing:
            return self.tr("All required parts were found.")
        return "\n".join(f"{KIND_LABELS[k][0]} ({KIND_LABELS[k][1]})" for k in d.missing if k in KIND_LABELS)

    def column_index(self, key: str) -> int:
        """The position of the column with this key (``agency``, ``year``, ...), or -1."""
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    # -- loading ---------------------------------------------------------------------------------------
    def set_database(self, db: Database | None) -> None:
        """Show the documents of ``db`` (None: an empty table)."""
        self._db = db
        self.reload()

    def reload(self) -> None:
        """Re-read the corpus from the database: counts it and loads the first page."""
        self.beginResetModel()
        self._rows, self._ids, self._cache = [], {}, {}
        self._total = count_documents(self._db) if self._db is not None else 0
        self._load(self._page_size)
        if not self.is_natural_order():
            self._load(None)
            self._sort_rows()
        self.endResetModel()

    def _load(self, limit: int | None) -> list[DocumentSummary]:
        if self._db is None:
            return []
        batch = list_documents(self._db, offset=len(self._rows), limit=limit)
        # Rows inserted by a concurrent import can shift the pages; drop ids already shown (the next
        # reload shows everything in order).
        fresh = [d for d in batch if d.id not in self._ids]
        for d in fresh:
            self._ids[d.id] = len(self._rows)
            self._rows.append(d)
        if limit is None or len(batch) < limit:
            self._total = len(self._rows)
        return fresh

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore(parent):
            return
        self._append(self._page_size)

    def fetch_all(self) -> None:
        """Load every remaining row (filters and sorts other than the core's order need them all)."""
        if self.canFetchMore():
            self._append(None)

    def _append(self, limit: int | None) -> None:
        if self._db is None:
            return
        start = len(self._rows)
        batch = [d for d in list_documents(self._db, offset=start, limit=limit) if d.id not in self._ids]
        if limit is None or len(batch) < limit:
            self._total = start + len(batch)
        if not batch:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        for d in batch:
            self._ids[d.id] = len(self._rows)
            self._rows.append(d)
        self.endInsertRows()

    @property
    def total(self) -> int:
        """Number of documents in the corpus (loaded or not)."""
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    def summary(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def summaries(self) -> list[DocumentSummary]:
        """The loaded rows (call :meth:`fetch_all` first for all of them)."""
        return list(self._rows)

    def row_of(self, doc_id: str) -> int:
        """The row of a document, loading more pages if needed; -1 when it is not in the corpus."""
        if doc_id not in self._ids:
            self.fetch_all()
        return self._ids.get(doc_id, -1)

    def years(self) -> list[int]:
        """Distinct years of all documents, newest first."""
        self.fetch_all()
        return sorted({d.year for d in self._rows if d.year is not None}, reverse=True)

    def retranslate(self) -> None:
        """Drop cached texts and tell views that headers and cells changed (after a language switch)."""
        self._cache.clear()
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    # -- Qt model interface ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        row, col = index.row(), index.column()
        doc = self._rows[row]
        column = self.columns[col]
        if role == Qt.ItemDataRole.DisplayRole:
            key = (row, col)
            text = self._cache.get(key)
            if text is None:
                text = self._cache[key] = column.text(doc)
            return text
        if role == DOCUMENT_ID_ROLE:
            return doc.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(column.tooltip(doc)) if column.tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key == "missing" and doc.missing:
                return QBrush(_WARN)
            if column.key == "on_time" and doc.on_time is False:
                return QBrush(_WARN)
            if column.key == "review" and self._review(doc) is not None:
                return QBrush(_STATUS_COLORS.get(self._review(doc).status, _MUTED))
            if (column.key == "agency" and not doc.agency) or (column.key == "on_time" and doc.on_time is None):
                return QBrush(_MUTED)
            return None
        if role == Qt.ItemDataRole.FontRole and column.key == "agency" and not doc.agency:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key in ("year", "doc_date", "on_time", "review"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key == "total":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return (column.short or column.header)()
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.header()
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return str(section + 1)
        return None

    def sort_key(self, row: int, column: int) -> tuple:
        return self.columns[column].sort_key(self._rows[row])

    # -- sorting (here, in Python, rather than per comparison in the proxy: 10,000 rows sort in milliseconds) --
    def is_natural_order(self) -> bool:
        """Sorted as the core lists documents (agency ascending): pages can be appended as they are read."""
        column, order = self._sort
        return column <= 0 and order == Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column's typed key (stable); any order but the core's first loads every row."""
        if not 0 <= column < len(self.columns):
            column, order = 0, Qt.SortOrder.AscendingOrder
        self._sort = (column, order)
        if not self.is_natural_order():
            self.fetch_all()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [(self._rows[i.row()].id, i.column()) for i in persistent]
        self._sort_rows()
        self.changePersistentIndexList(persistent, [self.index(self._ids[doc_id], col) for doc_id, col in moved])
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self._rows.sort(key=self.columns[column].sort_key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._ids = {d.id: row for row, d in enumerate(self._rows)}
        self._cache.clear()


def _fold(text: str) -> str:
    return fold_width(text).casefold()


class CorpusFilterProxy(QSortFilterProxyModel):
    """Filters the corpus by year, agency text and a missing required part; sorting is passed to the corpus."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._year: int | None = None
        self._agency = ""
        self._missing: str | None = None
        self.setDynamicSortFilter(True)

    def corpus(self) -> CorpusModel:
        model = self.sourceModel()
        assert isinstance(model, CorpusModel)
        return model

    # -- filters ---------------------------------------------------------------------------------------
    @property
    def year(self) -> int | None:
        return self._year

    @property
    def agency_text(self) -> str:
        return self._agency

    @property
    def missing_kind(self) -> str | None:
        return self._missing

    def is_filtering(self) -> bool:
        return self._year is not None or bool(self._agency) or self._missing is not None

    def set_year(self, year: int | None) -> None:
        """Only documents of this year (None: every year)."""
        self._change(year, self._agency, self._missing)

    def set_agency_text(self, text: str) -> None:
        """Only documents whose agency (or, without one, title or file name) contains the text."""
        self._change(self._year, _fold(text.strip()), self._missing)

    def set_missing_kind(self, kind: str | None) -> None:
        """Only documents missing this required part (:data:`ANY_MISSING`: any of them; None: no filter)."""
        if kind not in (None, ANY_MISSING, *REQUIRED_KINDS):
            raise ValueError(f"unknown part kind {kind!r}")
        self._change(self._year, self._agency, kind)

    def clear_filters(self) -> None:
        self._change(None, "", None)

    def _change(self, year: int | None, agency: str, missing: str | None) -> None:
        if (year, agency, missing) == (self._year, self._agency, self._missing):
            return
        if (year is not None or agency or missing is not None) and isinstance(self.sourceModel(), CorpusModel):
            self.corpus().fetch_all()  # a filter over a partly loaded table would hide unloaded matches

        def apply() -> None:
            self._year, self._agency, self._missing = year, agency, missing

        change_filter(self, apply)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        doc = self.corpus().summary(source_row)
        if self._year is not None and doc.year != self._year:
            return False
        if self._missing is not None:
            if self._missing == ANY_MISSING and not doc.missing:
                return False
            if self._missing != ANY_MISSING and self._missing not in doc.missing:
                return False
        if self._agency:
            haystack = doc.agency or f"{doc.title or ''} {doc.name}"
            if self._agency not in _fold(haystack):
                return False
        return True

    # -- sorting ---------------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the corpus model itself (one Python sort); this proxy keeps its order."""
        self.corpus().sort(column, order)

    def document_id(self, proxy_row: int) -> str:
        return self.data(self.index(proxy_row, 0), DOCUMENT_ID_ROLE)

    def proxy_row_of(self, doc_id: str) -> int:
        """The visible row of a document, or -1 when it is filtered out or absent."""
        source_row = self.corpus().row_of(doc_id)
        if source_row < 0:
            return -1
        return self.mapFromSource(self.corpus().index(source_row, 0)).row()
