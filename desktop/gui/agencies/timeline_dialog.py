"""The agency timeline: each agency's reports across years, its score trend, each year's shortcomings against
earlier years' and the promise tracker of the chosen report.

Left, the agency groups (type to filter); right, the chosen agency's reports by year (total, 等次, missing parts,
on-time flag, shortcomings repeated / reworded / new), the score trend, and two tabs for the chosen report: its
shortcomings compared with earlier years', and its promise tracker. Keys: Up/Down choose, Tab moves on, Enter on a
report opens it, Ctrl+M merges the agency into another group, Ctrl+Shift+S splits the chosen reports off into a
group of their own. All report text is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.agencies.groups import AgencyGroup
from desktop.core.agencies.timeline import VERDICT_LABELS, Timeline
from desktop.core.changes import Changes
from desktop.core.errors import ReviewDeskError
from desktop.core.scoring.numbers import fmt
from desktop.gui import dialogs, i18n
from desktop.gui.agencies.promise_view import PromiseTracker
from desktop.gui.agencies.store import AgencyStore
from desktop.gui.missing_chips import MissingChipsDelegate, chips_text
from desktop.gui.missing_chips import tooltip as missing_tooltip
from desktop.gui.plain import plain_label, plain_tip
from desktop.gui.review_window import ReviewWindow

GROUP_KEY = Qt.ItemDataRole.UserRole + 1
REPORT_ID = Qt.ItemDataRole.UserRole + 2


def _flag(value: bool | None) -> str:
    return "—" if value is None else (QCoreApplication.translate("Agencies", "yes") if value else QCoreApplication.translate("Agencies", "no"))


def trend_text(timeline: Timeline) -> str:
    """The score trend as one line: 2022 78.0 → 2025 84.5 (up)."""
    points = timeline.trend()
    if not points:
        return QCoreApplication.translate("Agencies", "Score trend: no scored report yet.")
    steps = " → ".join(f"{year} {fmt(total)}" for year, total in points)
    direction = {"up": QCoreApplication.translate("Agencies", "up"), "down": QCoreApplication.translate("Agencies", "down"), "flat": QCoreApplication.translate("Agencies", "flat")}.get(timeline.trend_direction() or "", "")
    return QCoreApplication.translate("Agencies", "Score trend: %1").replace("%1", steps) + (f" ({direction})" if direction else "")


class TimelineDialog(QDialog):
    """Non-modal: the agencies and one agency's timeline; ``window`` opens reports and gives the selection."""

    def __init__(self, store: AgencyStore, window: ReviewWindow) -> None:
        super().__init__(window)
        self.store, self.window_ = store, window
        self.setObjectName("agencyTimeline")
        self.timeline: Timeline | None = None
        self.groups_model = QStandardItemModel(self)
        self.groups_proxy = QSortFilterProxyModel(self)
        self.groups_proxy.setSourceModel(self.groups_model)
        self.groups_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.textChanged.connect(self.groups_proxy.setFilterFixedString)
        self.groups = QListView(self)
        self.groups.setModel(self.groups_proxy)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.selectionModel().currentChanged.connect(self._group_chosen)
        self.title = plain_label(self)
        self.title.setWordWrap(True)
        self.trend = plain_label(self)
        self.reports_model = QStandardItemModel(0, 9, self)
        self.reports = QTableView(self)
        self.reports.setModel(self.reports_model)
        self.reports.setItemDelegateForColumn(3, MissingChipsDelegate(self.reports))  # chips fitted, never cut
        self.reports.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reports.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reports.verticalHeader().setVisible(False)
        self.reports.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.reports.horizontalHeader().setStretchLastSection(True)
        self.reports.selectionModel().currentRowChanged.connect(self._report_chosen)
        self.reports.activated.connect(self._open_report)
        self.history_model = QStandardItemModel(0, 4, self)
        self.history = QTableView(self)
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(True)
        self.history.verticalHeader().setVisible(False)
        # two lines a row: the full texts are in the tooltips (rows sized to their contents would be measured
        # before the columns have their width)
        self.history.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.6))
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            self.history.horizontalHeader().setSectionResizeMode(column, mode)
        self.history.activated.connect(self._open_shortcoming)
        self.promises = PromiseTracker(store, self._selection, self)
        self.promises.open_passage.connect(self._open_passage)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.history, "")
        self.tabs.addTab(self.promises, "")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.groups)
        right = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(right)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addWidget(self.trend)
        top_layout.addWidget(self.reports)
        right.addWidget(top)
        right.addWidget(self.tabs)
        right.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QHBoxLayout(self)
        layout.addWidget(split)

        self.merge_action = QAction(self)
        self.merge_action.setShortcut(QKeySequence("Ctrl+M"))
        self.merge_action.triggered.connect(self.merge_into)
        self.split_action = QAction(self)
        self.split_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.split_action.triggered.connect(self.split_off)
        self.addActions([self.merge_action, self.split_action])
        self.resize(1200, 760)
        self.retranslate()
        self.reload()

    # --- text ---------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Agencies", "Agencies over the years"))
        self.filter.setPlaceholderText(QCoreApplication.translate("Agencies", "Filter agencies…"))
        self.reports_model.setHorizontalHeaderLabels([
            QCoreApplication.translate("Agencies", "Year"), QCoreApplication.translate("Agencies", "Total"), QCoreApplication.translate("Agencies", "Grade"), QCoreApplication.translate("Agencies", "Missing parts"), QCoreApplication.translate("Agencies", "On time"),
            QCoreApplication.translate("Agencies", "Repeated"), QCoreApplication.translate("Agencies", "Reworded"), QCoreApplication.translate("Agencies", "New"), QCoreApplication.translate("Agencies", "Agency as printed")])
        self.history_model.setHorizontalHeaderLabels([QCoreApplication.translate("Agencies", "Compared with earlier years"), QCoreApplication.translate("Agencies", "Shortcoming"),
                                                      QCoreApplication.translate("Agencies", "Closest earlier"), QCoreApplication.translate("Agencies", "Earlier text")])
        self.tabs.setTabText(0, QCoreApplication.translate("Agencies", "Shortcomings across years"))
        self.tabs.setTabText(1, QCoreApplication.translate("Agencies", "Promises of last year's plan"))
        self.merge_action.setText(QCoreApplication.translate("Agencies", "Merge into another agency…"))
        self.split_action.setText(QCoreApplication.translate("Agencies", "Split the chosen reports off…"))
        self.reports.setToolTip(QCoreApplication.translate("Agencies", "Enter: open the report · Ctrl+M: merge this agency into another · "
                                    "Ctrl+Shift+S: split the chosen reports off into an agency of their own"))
        self.promises.retranslate()
        self._fill_title()

    # --- reading ------------------------------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Re-read the groups (keeping the chosen one, or choosing ``keep``)."""
        current = keep or self.current_group_key()
        grouping = self.store.grouping()
        self.groups_model.clear()
        chosen = 0
        for i, group in enumerate(grouping.ordered()):
            years = ", ".join(map(str, group.years)) or "—"
            name = group.name or QCoreApplication.translate("Agencies", "(no agency found) %1").replace("%1", group.reports[0].name)
            item = QStandardItem(f"{name}  ·  {years}")
            item.setData(group.key, GROUP_KEY)
            item.setToolTip(plain_tip("\n".join(group.names) or name))
            self.groups_model.appendRow(item)
            if group.key == current:
                chosen = i
        if self.groups_model.rowCount():
            index = self.groups_proxy.mapFromSource(self.groups_model.index(chosen, 0))
            self.groups.setCurrentIndex(index)
            self._show_group(str(index.data(GROUP_KEY)))
        else:
            self._show_group("")

    def current_group_key(self) -> str:
        index = self.groups.currentIndex()
        return str(index.data(GROUP_KEY)) if index.isValid() else ""

    def choose_group(self, key: str) -> bool:
        """Choose a group by key (False when it is not listed)."""
        for row in range(self.groups_proxy.rowCount()):
            index = self.groups_proxy.index(row, 0)
            if index.data(GROUP_KEY) == key:
                self.groups.setCurrentIndex(index)
                return True
        return False

    def _group_chosen(self, index: QModelIndex, _previous: QModelIndex) -> None:
        self._show_group(str(index.data(GROUP_KEY)) if index.isValid() else "")

    def _show_group(self, key: str) -> None:
        row = self.reports.currentIndex().row()
        same = self.timeline is not None and self.timeline.group.key == key
        self.timeline = self.store.timeline(key) if key else None
        self.reports_model.removeRows(0, self.reports_model.rowCount())
        for entry in self.timeline.entries if self.timeline else ():
            r = entry.report
            counts = [sum(1 for h in entry.shortcomings if h.verdict == v) for v in ("repeated", "reworded", "new")]
            cells = [str(r.year) if r.year is not None else "—", entry.score.total_text(), entry.score.grade or "—",
                     chips_text(r.missing) or "—", _flag(r.on_time),
                     *map(str, counts), r.agency or "—"]
            items = [QStandardItem(c) for c in cells]
            items[0].setData(r.id, REPORT_ID)
            items[-1].setToolTip(plain_tip(r.name))
            items[3].setToolTip(plain_tip(missing_tooltip(r.missing)))  # the chips' parts by their full names
            self.reports_model.appendRow(items)
        self._fill_title()
        if self.reports_model.rowCount():
            last = self.reports_model.rowCount() - 1
            self.reports.setCurrentIndex(self.reports_model.index(min(row, last) if same and row >= 0 else last, 0))
        else:
            self._report_chosen(QModelIndex(), QModelIndex())

    def _fill_title(self) -> None:
        t = self.timeline
        if t is None:
            self.title.setText(QCoreApplication.translate("Agencies", "No agency chosen."))
            self.trend.setText("")
            return
        names = t.group.names
        also = [n for n in names if n != t.group.name]
        text = t.group.name or QCoreApplication.translate("Agencies", "(no agency found)")
        if also:
            text += "  " + QCoreApplication.translate("Agencies", "(also printed as: %1)").replace("%1", "、".join(also))
        if t.group.decided_by_reviewer:
            text += "  " + QCoreApplication.translate("Agencies", "[grouped by a reviewer]")
        self.title.setText(text)
        starred = any(e.score.total is not None and e.score.basis != "final" for e in t.entries)
        self.trend.setText(trend_text(t) + ("  " + QCoreApplication.translate("Agencies", "(* mean of the complete reviews: no final score yet)")
                                            if starred else ""))

    def current_report_id(self) -> str:
        index = self.reports.currentIndex()
        return str(self.reports_model.index(index.row(), 0).data(REPORT_ID)) if index.isValid() else ""

    def _report_chosen(self, index: QModelIndex, _previous: QModelIndex) -> None:
        self.history_model.removeRows(0, self.history_model.rowCount())
        entry = None
        if self.timeline is not None and index.isValid() and index.row() < len(self.timeline.entries):
            entry = self.timeline.entries[index.row()]
        for h in entry.shortcomings if entry else ():
            zh, en = VERDICT_LABELS[h.verdict]
            earlier = str(h.earlier_year) if h.earlier_year is not None else "—"
            items = [QStandardItem(i18n.in_language(zh, en)), QStandardItem(h.item.text), QStandardItem(earlier),
                     QStandardItem(h.earlier_text or "—")]
            items[1].setToolTip(plain_tip(h.item.text))
            items[3].setToolTip(plain_tip(h.earlier_text))
            self.history_model.appendRow(items)
        self.promises.show_report(entry.report.id if entry else "")

    # --- acting -------------------------------------------------------------------------------------------------

    def _selection(self, document_id: str) -> tuple[int, int]:
        window = self.window_
        if window.working_document_id() == document_id:
            return window.working_view().selection()
        return (-1, -1)

    def _open_report(self, index: QModelIndex) -> None:
        doc_id = self.current_report_id()
        if doc_id:
            self.window_.open_document(doc_id)

    def _open_shortcoming(self, index: QModelIndex) -> None:
        if self.timeline is None:
            return
        entry = self.timeline.entries[self.reports.currentIndex().row()]
        if 0 <= index.row() < len(entry.shortcomings):
            self._open_passage(entry.report.id, entry.shortcomings[index.row()].item.start, 0)

    def _open_passage(self, document_id: str, start: int, _end: int) -> None:
        self.window_.open_document(document_id, offset=start)

    def merge_into(self) -> None:
        """Merge the chosen agency into another one the reviewer picks."""
        key = self.current_group_key()
        grouping = self.store.grouping()
        source = grouping.groups.get(key)
        if source is None:
            return
        others = [g for g in grouping.ordered() if g.key != key]
        labels = [self._label(g) for g in others]
        if not labels:
            dialogs.info(self, QCoreApplication.translate("Agencies", "Merge agencies"), QCoreApplication.translate("Agencies", "There is no other agency to merge with."))
            return
        chosen = dialogs.get_item(self, QCoreApplication.translate("Agencies", "Merge agencies"),
                                  QCoreApplication.translate("Agencies", "Merge “%1” into:").replace("%1", self._label(source)), labels)
        if chosen is None:
            return
        target = others[labels.index(chosen)]
        try:
            self.store.merge(key, target.key)
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Agencies", "Merge agencies"), str(exc))
            return
        self.reload(keep=target.key)

    def split_off(self) -> None:
        """Put the chosen reports into an agency group of their own, named by the reviewer."""
        rows = sorted({i.row() for i in self.reports.selectionModel().selectedRows()}) or (
            [self.reports.currentIndex().row()] if self.reports.currentIndex().isValid() else [])
        if self.timeline is None or not rows:
            return
        ids = [self.timeline.entries[r].report.id for r in rows]
        name = dialogs.get_text(self, QCoreApplication.translate("Agencies", "Split off an agency"),
                                QCoreApplication.translate("Agencies", "Name of the agency these %1 report(s) belong to:").replace("%1", str(len(ids))),
                                self.timeline.entries[rows[0]].report.agency or "")
        if name is None:
            return
        try:
            change = self.store.split(ids, name)
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Agencies", "Split off an agency"), str(exc))
            return
        self.reload(keep=self.store.grouping().by_document.get(ids[0]) if change else None)

    @staticmethod
    def _label(group: AgencyGroup) -> str:
        return f"{group.name or group.reports[0].name} ({', '.join(map(str, group.years)) or '—'})"

    def on_changes(self, changes: Changes) -> None:
        """Re-read after any change to reports, their metadata, scores or reviews (undo included)."""
        if changes.documents or changes.metadata or changes.scores or changes.reviews or changes.outside:
            self.reload()
