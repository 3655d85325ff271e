"""Full-text search over the corpus (desktop.core.storage.search): a query box and the list of hits.

The search runs on a worker with its own read-only connection; activating a hit asks the main window to open
that report with the query highlighted and the hit scrolled into view (``hit_activated``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.progress import Progress
from desktop.core.storage.search import SearchResult
from desktop.gui import palette, workers
from desktop.gui.plain import PlainLabel, plain_tip

_Index = QModelIndex | QPersistentModelIndex
DEBOUNCE_MS = 350
RESULT_LIMIT = 200


@dataclass(frozen=True)
class HitRow:
    """One hit of one document, as a row of the hit list."""

    document_id: str
    label: str
    hit_count: int
    start: int
    context: str


def run_search(db_path: str | Path, query: str, limit: int = RESULT_LIMIT, *,
               progress: Progress) -> tuple[str, int, list[SearchResult]]:
    """Search the corpus on the calling thread with its own read-only connection: (query, total, results)."""
    from desktop.core.storage.executor import open_reader
    from desktop.core.storage.search import search

    db = open_reader(db_path)
    try:
        progress.check()
        total, results = search(db, query, limit=limit)
    finally:
        db.conn.close()
    return query, total, results


class SearchResultsModel(QAbstractTableModel):
    """Hits of a search, one row per hit (up to three per document), columns: report and context."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HitRow] = []
        self.query = ""

    def set_results(self, query: str, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self.query = query
        self._rows = []
        for result in results:
            label = " ".join(part for part in (result.agency or result.title or result.name,
                                               str(result.year) if result.year else "") if part)
            for hit in result.hits:
                self._rows.append(HitRow(result.document_id, label, result.hit_count, hit.start,
                                         hit.context.strip()))
        self.endResetModel()

    def clear(self) -> None:
        self.set_results("", [])

    def hit(self, row: int) -> HitRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.label
            return row.context
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self.tr("%1 hits in this report").replace("%1", str(row.hit_count)) + "\n" + row.context)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(QColor("#1a4f8b"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and section in (0, 1):
            return self.tr("Report") if section == 0 else self.tr("Context")
        if orientation == Qt.Orientation.Vertical and section >= 0:
            return str(section + 1)
        return None


def query_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in a hit's context (case- and width-insensitive), for highlighting."""
    from desktop.core.text import fold_width

    folded = fold_width(text).lower()
    if len(folded) != len(text):  # folding changed the length: offsets would not match, highlight nothing
        return []
    spans: list[tuple[int, int]] = []
    for word in fold_width(query).lower().split():
        start = folded.find(word)
        while start >= 0 and word:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    return sorted(spans)


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's context with the query's words highlighted (as in the report view)."""

    def __init__(self, panel: SearchPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        spans = query_spans(str(index.data() or ""), self._panel.model.query)
        if not spans:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        parts, last = [], 0
        for a, b in spans:
            if a < last:
                continue
            parts.append(html.escape(text[last:a]))
            parts.append(f"<span style='background:{palette.SEARCH_HIT.name()}'>{html.escape(text[a:b])}</span>")
            last = b
        parts.append(html.escape(text[last:]))
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml("<nobr>" + "".join(parts) + "</nobr>")
        painter.save()
        rect = option.rect.adjusted(3, 0, -3, 0)
        painter.setClipRect(rect)
        shift = hit_shift(QFontMetricsF(option.font), text, spans[0], rect.width())
        painter.translate(rect.left() - shift, rect.top() + (rect.height() - doc.size().height()) / 2)
        doc.drawContents(painter)
        painter.restore()


def hit_shift(metrics: QFontMetricsF, text: str, span: tuple[int, int], width: float) -> float:
    """How far a context line is moved left so that its hit sits in the middle of a cell ``width`` wide (0 when
    the line fits, never past its end): the hit is what the reviewer looks for, not the text before it."""
    total = metrics.horizontalAdvance(text)
    if total <= width:
        return 0.0
    middle = metrics.horizontalAdvance(text[:span[0]]) + metrics.horizontalAdvance(text[span[0]:span[1]]) / 2
    return max(0.0, min(middle - width / 2, total - width))


class SearchPanel(QWidget):
    """A search box over the corpus' full text and the hits found."""

    hit_activated = Signal(str, str, int)   # document id, query, offset of the hit in the document text
    search_finished = Signal(int)           # number of matching documents

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db_path: Path | None = None
        self._search = workers.LatestTask("search", self)  # a new query makes the hits of older ones moot
        self._search.done.connect(self._on_done)
        self._search.failed.connect(self._on_failed)
        self._opening = False
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.status = PlainLabel(self)
        self.model = SearchResultsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, self.fontMetrics().horizontalAdvance("国") * 10)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "吉林省…管理局 2022": the year stays
        self.view.setItemDelegateForColumn(1, HitDelegate(self))

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.edit, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.edit.textChanged.connect(lambda _t: self._debounce.start())
        self.edit.returnPressed.connect(self.search_now)
        self.view.activated.connect(self._open_hit)
        self.view.clicked.connect(self._open_hit)
        self.view.setTabKeyNavigation(False)
        self.edit.installEventFilter(self)  # Down goes from the box to the hits
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.edit and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0):
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Search the full text of all reports…"))
        self.edit.setToolTip(self.tr("Finds words of one or more characters; white space and full-width "
                                     "forms are ignored"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_database(self, db_path: Path | None) -> None:
        """Search this database file from now on (None: nothing to search); clears the hits."""
        self._db_path = db_path
        self.model.clear()
        self.status.clear()

    def search(self, query: str) -> None:
        """Put a query in the box and run it at once."""
        self.edit.setText(query)
        self.search_now()

    def refresh(self) -> None:
        """Run the query in the box again (the corpus changed: its hits may have too)."""
        if self.edit.text().strip() and self._db_path is not None:
            self.search_now()

    def search_now(self) -> None:
        self._debounce.stop()
        query = self.edit.text().strip()
        self._search.cancel()
        if not query or self._db_path is None:
            self.model.clear()
            self.status.clear()
            return
        self.status.setText(self.tr("Searching…"))
        self._search.start(run_search, self._db_path, query)

    def _on_done(self, value: tuple[str, int, list[SearchResult]]) -> None:
        query, total, results = value
        self.model.set_results(query, results)
        if total == 0:
            self.status.setText(self.tr("No report contains “%1”").replace("%1", query))
        elif total > len(results):
            self.status.setText(self.tr("%1 reports; the first %2 shown").replace("%1", str(total))
                                .replace("%2", str(len(results))))
        else:
            self.status.setText(self.tr("%1 reports").replace("%1", str(total)))
        self.search_finished.emit(total)

    def _on_failed(self, exc: object, _traceback: str = "") -> None:
        self.model.clear()
        self.status.setText(self.tr("Search failed: %1").replace("%1", str(exc)))
        self.search_finished.emit(0)

    def _open_hit(self, index: QModelIndex) -> None:
        # A mouse click can emit both clicked and activated (style-dependent): open the hit once per event.
        if not index.isValid() or self._opening:
            return
        self._opening = True
        QTimer.singleShot(0, self._end_opening)
        hit = self.model.hit(index.row())
        self.hit_activated.emit(hit.document_id, self.model.query, hit.start)

    def _end_opening(self) -> None:
        self._opening = False

    def focus_query(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()
