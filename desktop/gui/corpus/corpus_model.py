"""The corpus table's Qt models: a window onto the corpus listing in SQL, and the filter face the panel uses.

:class:`CorpusModel` holds only the ordered ids of the documents that pass the current filter
(``desktop.core.storage.listing.listing_keys``: one query on a covering index, filtered and sorted in SQLite);
the rows' summaries are read a page at a time when a row is first shown, and display texts are built when a
cell is first drawn. A filter keystroke or a sort is one query, never a pass over the rows in Python, and
every row exists from the start (the scroll bar is right; opening a report finds its row at once).
:class:`desktop.gui.corpus.corpus_filter.CorpusFilterProxy` is the identity proxy that sets its filters.

How to add a column: see :mod:`desktop.gui.corpus.corpus_columns`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from sqlite_utils import Database

from desktop.core.agencies.years import AgencyYears, agency_years
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.scores import STATUS_LABELS, STATUSES, OverviewRow
from desktop.core.storage.documents import DocumentSummary
from desktop.core.storage.doubts import doubt_counts
from desktop.core.storage.listing import (
    ANY_MISSING,
    ListingFilter,
    count_current,
    key_of,
    listing_keys,
    listing_pairs,
    listing_years,
    passes,
    review_listing_keys,
    summaries_by_id,
    summaries_by_key,
)
from desktop.gui import i18n
from desktop.gui.corpus.corpus_columns import Column
from desktop.gui.missing_chips import chips_text as missing_label
from desktop.gui.missing_chips import spelt_out
from desktop.gui.missing_chips import tooltip as missing_tooltip
from desktop.gui.plain import plain_tip

__all__ = ["ANY_MISSING", "DOCUMENT_ID_ROLE", "Column", "CorpusModel", "missing_label"]

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_WARN = QColor("#b3261e")
_MUTED = QColor("#6b6b6b")
_CHECK = QColor("#b35c00")  # the 请核对 amber of the reading view
_STATUS_COLORS = {"not_started": _MUTED, "in_progress": QColor("#9a6700"), "done": QColor("#1a7f37")}
_CENTER = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# (combined once: Qt asks for a row's flags on every layout and paint, and combining enums in Python is slow)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren




@dataclass
class _Page:
    rows: list[DocumentSummary | None]
    texts: dict[tuple[int, int], str] = field(default_factory=dict)
    values: dict[str, Mapping[str, object]] = field(default_factory=dict)


class CorpusModel(QAbstractTableModel):
    """Read-only table of the corpus' current documents that pass the filter, one row per document.

    ``set_database(db)`` takes a connection owned by the GUI thread (a read-only one in the app).
    """

    PAGE_SIZE = 200  # a screenful or a few: a keystroke reads one page's summaries and per-page values
    MAX_PAGES = 128  # pages of summaries kept (older ones are read again when scrolled back to)

    corpus_reloaded = Signal()  # the corpus was read again (not emitted when only the filter or sort changed)

    def __init__(self, parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._page_size = max(1, page_size)
        self._ids: list[str] = []  # listing keys (documents.seq as text) of the shown rows, in order
        self._unfiltered: tuple[tuple[int, Qt.SortOrder], list[str]] | None = None  # reused when a filter is cleared
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._total = 0
        self._filter = ListingFilter()
        self._reviews: dict[str, OverviewRow] | None = None
        self._review_of: tuple[str, str] | None = None  # (reviewer id, rubric id) of the reviews shown
        self.generation = 0  # counts the reads of the corpus (views that keep what they read compare it)
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._hidden: set[str] = set()  # keys of the columns the view hides: their per-page values are not read
        # While another view shows the corpus (grouped by agency), a filter change does not read the listing: the
        # table is left empty and read when it is needed again (pause_listing, _ensure_listing).
        self._paused = False
        self._stale = False
        self.columns: list[Column] = self._default_columns()

    # -- columns ---------------------------------------------------------------------------------------
    def _default_columns(self) -> list[Column]:
        return [
            Column("agency", lambda: self.tr("Agency"), self._agency_text, sort="agency",
                   tooltip=self._agency_tooltip,
                   foreground=lambda d: None if d.agency else _MUTED, italic=lambda d: not d.agency),
            Column("year", lambda: self.tr("Year"), lambda d: "" if d.year is None else str(d.year), sort="year",
                   align=_CENTER),
            Column("doc_date", lambda: self.tr("Document date"), lambda d: d.doc_date or "", sort="doc_date",
                   tooltip=lambda d: self.tr("Published: %1").replace("%1", d.published_at or self.tr("unknown")),
                   short=lambda: self.tr("Date", "document date, short column header"), align=_CENTER),
            Column("on_time", lambda: self.tr("Published on time"), self._on_time_text, sort="on_time",
                   tooltip=lambda d: self.tr("Reports are due to be made public by 1 April of the following year."),
                   short=lambda: self.tr("On time", "published on time, short column header"),
                   foreground=lambda d: _WARN if d.on_time is False else _MUTED if d.on_time is None else None,
                   align=_CENTER),
            Column("missing", lambda: self.tr("Missing parts"), lambda d: missing_label(d.missing), sort="missing",
                   tooltip=self._missing_tooltip, short=lambda: self.tr("Missing", "missing parts, short column header"),
                   foreground=lambda d: _WARN if d.missing else None),
            Column("to_verify", lambda: self.tr("待核对"), self._to_verify_text, load=doubt_counts,
                   tooltip=lambda d: self.tr("Values and parts the program is unsure of (Verify › 核对队列)"),
                   short=lambda: self.tr("Verify", "待核对 (values to verify), short column header"),
                   foreground=lambda d: _CHECK, align=_CENTER),
            Column("review", lambda: self.tr("Review status"), self._status_text, sort_value=self._status_rank,
                   keys=self._review_keys,
                   tooltip=self._review_tooltip, short=lambda: self.tr("Review", "review status, short column header"),
                   foreground=self._status_color, align=_CENTER),
            Column("total", lambda: self.tr("Total score"), self._total_text, sort_value=self._total_rank,
                   tooltip=self._total_tooltip, short=lambda: self.tr("Score", "total score, short column header"),
                   foreground=lambda d: _MUTED if self._total_unsettled(d) else None, italic=self._total_unsettled,
                   align=_RIGHT),
            Column("agency_years", lambda: self.tr("Years of this agency"), self._agency_years_text,
                   load=agency_years, tooltip=self._agency_years_tooltip,
                   short=lambda: self.tr("Its years", "years of this agency, short column header")),
        ]

    # -- review columns (desktop.core.scoring.scores.review_overview rows of the current reviewer) -------------
    def set_reviews(self, rows: Mapping[str, OverviewRow] | None, reviewer_id: str | None = None,
                    rubric_id: str | None = None) -> None:
        """Review status and weighted total per document id for the current reviewer (None: no reviewer); with
        the reviewer and rubric they were read for, the review column sorts in SQL."""
        self._reviews = dict(rows) if rows is not None else None
        self._review_of = (reviewer_id, rubric_id) if rows is not None and reviewer_id and rubric_id else None
        if self._unfiltered is not None:  # a listing in an order of the reviews read before is out of date
            kept = self.columns[self._unfiltered[0][0]]
            if kept.sort_value is not None or kept.keys is not None:
                self._unfiltered = None
        first, last = self.column_index("review"), self.column_index("total")
        for page in self._pages.values():
            page.texts = {k: v for k, v in page.texts.items() if k[1] not in (first, last)}
        if self._ids and first >= 0 and last >= 0:
            self.dataChanged.emit(self.index(0, min(first, last)), self.index(len(self._ids) - 1, max(first, last)))

    def _review(self, doc_id: str) -> OverviewRow | None:
        return self._reviews.get(doc_id) if self._reviews is not None else None

    def _status_text(self, d: DocumentSummary) -> str:
        review = self._review(d.id)
        if review is None:
            return ""
        zh, en = STATUS_LABELS.get(review.status, (review.status, review.status))
        return zh if i18n.current_language() == i18n.CHINESE else en

    def _status_rank(self, doc_id: str) -> int:
        review = self._review(doc_id)
        return -1 if review is None else STATUSES.index(review.status) if review.status in STATUSES else 9

    def _review_keys(self, flt: ListingFilter, descending: bool) -> list[str] | None:
        """The listing in review-status order, in SQL (desktop.core.storage.listing.review_listing_keys)."""
        if self._db is None:
            return []
        if self._reviews is None:  # no reviewer: every row ties, import order
            return listing_keys(self._db, flt, "seq", descending)
        if self._review_of is None:
            return None
        return review_listing_keys(self._db, flt, *self._review_of, STATUSES, descending)

    def _status_color(self, d: DocumentSummary) -> QColor | None:
        review = self._review(d.id)
        return None if review is None else _STATUS_COLORS.get(review.status, _MUTED)

    def _total_rank(self, doc_id: str) -> float:
        review = self._review(doc_id)
        return float("inf") if review is None or review.total is None else float(review.total)  # no total: last

    def _total_text(self, d: DocumentSummary) -> str:
        review = self._review(d.id)
        if review is None or review.total is None:
            return ""
        if review.complete:
            return fmt(review.total)
        # A total in progress (not submitted, or criteria unsettled) is not the review's total: marked with a star,
        # grey italic, and said in full in the tooltip; the cell stays as narrow as a settled one (at 1280 px the
        # column showed "3…）" of "39.33（进行中）").
        return fmt(review.total) + "*"

    def _total_unsettled(self, d: DocumentSummary) -> bool:
        review = self._review(d.id)
        return review is not None and review.total is not None and not review.complete

    def _total_tooltip(self, d: DocumentSummary) -> str:
        review = self._review(d.id)
        if review is None or review.total is None or review.complete:
            return self._review_tooltip(d)
        return self.tr("%1 (in progress)").replace("%1", fmt(review.total)) + "\n" + self._review_tooltip(d)

    def _review_tooltip(self, d: DocumentSummary) -> str:
        review = self._review(d.id)
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

    def _agency_years(self, d: DocumentSummary) -> AgencyYears | None:
        value = self.loaded_value("agency_years", d.id)
        return value if isinstance(value, AgencyYears) else None

    def _agency_years_text(self, d: DocumentSummary) -> str:
        """The years of the report's agency in a row, its own year in brackets (desktop.core.agencies.years)."""
        years = self._agency_years(d)
        return years.in_a_row() if years is not None else ""

    def _agency_years_tooltip(self, d: DocumentSummary) -> str:
        years = self._agency_years(d)
        if years is None:
            return ""
        return self.tr("%1 report(s) of this agency in the corpus (other forms of its name and your merges "
                       "included); right-click › This Agency Across the Years… shows them side by side "
                       "in time").replace("%1", str(years.reports))

    def _on_time_text(self, d: DocumentSummary) -> str:
        if d.on_time is None:
            return self.tr("Unknown")
        return self.tr("Yes") if d.on_time else self.tr("No")

    def _missing_tooltip(self, d: DocumentSummary) -> str:
        return missing_tooltip(d.missing)  # the full names (the cell shows chips)

    def set_column_shown(self, key: str, shown: bool) -> None:
        """Whether the view shows a column: a hidden column's per-page values (``load``) are not read; shown again,
        the pages on screen are read again with them."""
        if shown == (key not in self._hidden):
            return
        if shown:
            self._hidden.discard(key)
            column = self.column_index(key)
            if column >= 0 and self.columns[column].load is not None and self._pages:
                self._pages.clear()
                if self._ids:
                    self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))
        else:
            self._hidden.add(key)

    def column_index(self, key: str) -> int:
        """The position of the column with this key (``agency``, ``year``, ...), or -1."""
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    # -- the listing -----------------------------------------------------------------------------------
    @property
    def database(self) -> Database | None:
        """The connection the table reads (None: no database)."""
        return self._db

    def set_database(self, db: Database | None) -> None:
        """Show the documents of ``db`` (None: an empty table)."""
        self._db = db
        self.reload()

    def reload(self) -> None:
        """Re-read the corpus from the database (count and ordered ids; rows are read when shown)."""
        self.beginResetModel()
        self.generation += 1
        self._unfiltered = None
        self._read_listing()
        # without a filter the listing is the corpus: its length is the count (no second pass over the index)
        counted = not self._stale and not self._filter.is_filtering()
        self._total = len(self._ids) if counted else count_current(self._db) if self._db is not None else 0
        self._pages.clear()
        self.endResetModel()
        self.corpus_reloaded.emit()

    def pause_listing(self, paused: bool) -> None:
        """While the table is not shown (the corpus grouped by agency stands in its place), filter changes and
        reloads do not read the listing (the table is left empty); resumed, it is read at once if it changed."""
        self._paused = paused
        if not paused:
            self._ensure_listing()

    def is_listing_paused(self) -> bool:
        return self._paused

    def _read_listing(self) -> None:
        """The listing under the filter and sort, or (paused) none until it is needed (call inside a reset)."""
        if self._paused:
            self._ids, self._stale = [], True
        else:
            self._ids, self._stale = self._query(), False

    def _ensure_listing(self) -> None:
        """Read the listing left unread while paused (a reset: never call it while a view asks for data)."""
        if self._stale:
            self.beginResetModel()
            self._ids, self._stale = self._query(), False
            self._pages.clear()
            self.endResetModel()

    def passes(self, doc_id: str) -> bool:
        """Whether a document is in the corpus and passes the filter (shown by the table, or by the view that
        stands in its place); while the listing is unread, one row is looked up."""
        if self._db is None or not doc_id:
            return False
        if self._stale:
            return passes(self._db, self._filter, doc_id)
        return self.row_of(doc_id) >= 0

    @property
    def filter(self) -> ListingFilter:
        return self._filter

    def set_filter(self, flt: ListingFilter) -> None:
        """Show only the documents that pass ``flt`` (one query; the view is reset)."""
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._read_listing()
        self._pages.clear()
        self.endResetModel()

    def _query(self) -> list[str]:
        if self._db is None:
            return []
        if not self._filter.is_filtering() and self._unfiltered is not None and self._unfiltered[0] == self._sort:
            return self._unfiltered[1]  # clearing a filter shows the listing read before (same data, same order)
        column_no, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        column = self.columns[column_no]
        found = column.keys(self._filter, descending) if column.keys is not None else None
        if found is not None:
            keys = found
        elif column.sort_value is None:
            keys = listing_keys(self._db, self._filter, column.sort or "agency", descending)
        else:
            # Ties keep import order: the rows come in seq order (reversed when descending, as Python's stable
            # reverse sort keeps it) and Python's sort is stable.
            value = column.sort_value
            pairs = listing_pairs(self._db, self._filter, descending)
            pairs.sort(key=lambda pair: value(pair[1]), reverse=descending)
            keys = [key for key, _doc_id in pairs]
        if not self._filter.is_filtering():
            self._unfiltered = (self._sort, keys)
        return keys

    @property
    def total(self) -> int:
        """Number of documents in the corpus (whether they pass the filter or not)."""
        return self._total

    @property
    def loaded(self) -> int:
        """Number of rows whose summaries are in memory (the pages shown lately)."""
        return sum(len(page.rows) for page in self._pages.values())

    def fetch_all(self) -> None:
        """Nothing to do: every row of the listing exists from the start (its summary is read when shown)."""

    def _page(self, row: int) -> tuple[_Page, int]:
        number, offset = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            keys = self._ids[number * self._page_size:(number + 1) * self._page_size]
            found = summaries_by_key(self._db, keys) if self._db is not None else {}
            page = _Page([found.get(key) for key in keys])
            if self._db is not None:
                ids = [d.id for d in page.rows if d is not None]
                for column in self.columns:
                    if column.load is not None and column.key not in self._hidden:
                        page.values[column.key] = column.load(self._db, ids)
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page, offset

    def _to_verify_text(self, d: DocumentSummary) -> str:
        """How many doubts the document leaves for the verify queue ('' for none)."""
        count = self.loaded_value("to_verify", d.id)
        return str(count) if isinstance(count, int) and count > 0 else ""

    def loaded_value(self, key: str, doc_id: str) -> object:
        """A column's ``load`` value for a document on a page being shown (None when it has none)."""
        for page in reversed(self._pages.values()):
            values = page.values.get(key)
            if values is not None and doc_id in values:
                return values[doc_id]
        return None

    def summary(self, row: int) -> DocumentSummary | None:
        """The summary of a row (None when the document was deleted since the listing was read)."""
        if not 0 <= row < len(self._ids):
            raise IndexError(row)
        page, offset = self._page(row)
        return page.rows[offset]

    def summaries(self) -> list[DocumentSummary]:
        """Every row's summary in the table's order (reads them all: for small corpora and tools)."""
        if self._db is None:
            return []
        self._ensure_listing()
        found = summaries_by_key(self._db, self._ids)
        return [found[key] for key in self._ids if key in found]

    def document_id(self, row: int) -> str:
        """The id of the document in a row ('' when it was deleted since the listing was read)."""
        summary = self.summary(row)
        return summary.id if summary is not None else ""

    def row_of(self, doc_id: str) -> int:
        """The row of a document, or -1 when it is not shown (absent, or hidden by the filter)."""
        key = key_of(self._db, doc_id) if self._db is not None and doc_id else None
        if key is None or self._stale:  # (paused: the table shows no row)
            return -1
        try:
            return self._ids.index(key)
        except ValueError:
            return -1

    def row_status(self, doc_id: str) -> str:
        """A report in full for the status bar, whether the table shows it or not: the agency as named (or title,
        file name) and the missing parts spelt out ('' when it is not in the corpus)."""
        if self._db is None or not doc_id or key_of(self._db, doc_id) is None:
            return ""
        found = summaries_by_id(self._db, [doc_id]).get(doc_id)
        if found is None:
            return ""
        parts = [self._agency_text(found), spelt_out(found.missing) if found.missing else ""]
        return " — ".join(p for p in parts if p)

    def describe(self, doc_id: str) -> str:
        """A document as a person names it, agency (or title, file name) and year; '' when it is not in the corpus."""
        key = key_of(self._db, doc_id) if self._db is not None and doc_id else None
        found = summaries_by_key(self._db, [key]).get(key) if self._db is not None and key is not None else None
        if found is None:
            return ""
        return " ".join(p for p in (self._agency_text(found), "" if found.year is None else str(found.year)) if p)

    def in_corpus(self, doc_id: str) -> bool:
        """Whether a document is in the corpus, shown or hidden by the filter."""
        return self._db is not None and key_of(self._db, doc_id) is not None

    def years(self) -> list[int]:
        """Distinct years of all documents, newest first."""
        return listing_years(self._db) if self._db is not None else []

    def retranslate(self) -> None:
        """Drop cached texts and tell views that headers and cells changed (after a language switch)."""
        for page in self._pages.values():
            page.texts.clear()
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            if self._ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    # -- Qt model interface ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(self.columns):
            return None
        row, col = index.row(), index.column()
        column = self.columns[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align) if column.align is not None else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.FontRole, DOCUMENT_ID_ROLE):
            return None
        page, offset = self._page(row)
        doc = page.rows[offset]
        if doc is None:  # deleted since the listing was read: the reload that follows the change removes it
            return None
        if role == DOCUMENT_ID_ROLE:
            return doc.id
        if role == Qt.ItemDataRole.DisplayRole:
            key = (offset, col)
            text = page.texts.get(key)
            if text is None:
                text = page.texts[key] = column.text(doc)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(column.tooltip(doc)) if column.tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            color = column.foreground(doc) if column.foreground else None
            return QBrush(color) if color is not None else None
        if column.italic is not None and column.italic(doc):
            font = QFont()
            font.setItalic(True)
            return font
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

    # -- sorting (in SQL, or by a column's Python value over the filtered ids) --------------------------------
    def is_natural_order(self) -> bool:
        """Sorted as the core lists documents (agency ascending)."""
        column, order = self._sort
        return column <= 0 and order == Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column (one query); persistent indexes follow their documents."""
        if not 0 <= column < len(self.columns):
            column, order = 0, Qt.SortOrder.AscendingOrder
        target = self.columns[column]
        if target.sort is None and target.sort_value is None and target.keys is None:
            return  # a column without an order keeps the current one
        self._sort = (column, order)
        if self._paused:  # the table is not shown: sorted when it is read again
            self.beginResetModel()
            self._ids, self._stale = [], True
            self._pages.clear()
            self.endResetModel()
            return
        keys = self._query()
        if len(keys) != len(self._ids):  # the corpus changed meanwhile: read it again
            self.beginResetModel()
            self._ids = keys
            self._pages.clear()
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        if persistent:
            moved = [(self._ids[i.row()], i.column()) for i in persistent]
            if len(moved) > 64:  # many (a large selection): one dictionary beats a search per index
                rows = {key: row for row, key in enumerate(keys)}
                new_rows = [rows.get(key, -1) for key, _c in moved]
            else:
                new_rows = [keys.index(key) if key in keys else -1 for key, _c in moved]
            self.changePersistentIndexList(
                persistent, [self.index(r, c) if r >= 0 else QModelIndex() for r, (_k, c) in zip(new_rows, moved,
                                                                                                 strict=True)])
        self._ids = keys
        self._pages.clear()
        self.layoutChanged.emit()
