"""The panel view (评审组视图): every reviewer's scores side by side, disagreements flagged, the lead's decision.

Top: one row per report (:class:`~desktop.gui.panel.models.ReportsModel`), sorted by disagreement at first (click
a header to sort by anything else; "Only disagreements" filters). Bottom, for the selected report: one row per
criterion with each reviewer's score, mean, median, spread and a disagreement flag, and the final score, which
the lead edits (empty: back to the default, the mean rounded to the rubric's step); the final comment (评审意见)
and the grade (等次: from the final total, or chosen). Every decision is an undoable step of the window's undo
stack (Ctrl+Z in the dialog too) and the view re-reads when the window's change bus announces a change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.errors import ReviewDeskError
from desktop.core.scoring.numbers import fmt
from desktop.gui import dialogs
from desktop.gui.panel.models import CriteriaModel, DocumentIdRole, ReportsModel, SortRole, report_name
from desktop.gui.panel.store import AdjudicationStore
from desktop.gui.plain import PlainLabel


def _tr(text: str) -> str:
    return QCoreApplication.translate("Panel", text)


class _DisagreementFilter(QSortFilterProxyModel):
    only_disagreements = False

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 (Qt's name)
        if not self.only_disagreements:
            return True
        source = self.sourceModel()
        report = source.report(row) if isinstance(source, ReportsModel) else None
        return report is not None and (bool(report.disagreements) or report.total_disagreement)


class PanelDialog(QDialog):
    """The panel view over the store's database (non-modal; re-reads on the change bus)."""

    def __init__(self, store: AdjudicationStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("panelDialog")
        self.resize(1200, 760)
        self.document_id = ""
        self.reports = ReportsModel(self)
        self.proxy = _DisagreementFilter(self)
        self.proxy.setSourceModel(self.reports)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("panelReports")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.only_disagreements = QCheckBox(self)
        self.only_disagreements.toggled.connect(self._filter)
        self.summary_label = PlainLabel(self)

        self.criteria = CriteriaModel(self._decide, self)
        self.detail = QTableView(self)
        self.detail.setObjectName("panelCriteria")
        self.detail.setModel(self.criteria)
        self.detail.verticalHeader().hide()
        self.detail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.detail.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed
                                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.report_title = PlainLabel(self)
        self.report_title.setWordWrap(True)
        self.report_title.setStyleSheet("font-weight: bold")
        self.totals = PlainLabel(self)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("panelComment")
        self.comment.setMaximumHeight(90)
        self.comment.textChanged.connect(self._comment_typed)
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(600)
        self._comment_timer.timeout.connect(self.save_comment)
        self.grade = QComboBox(self)
        self.grade.setObjectName("panelGrade")
        self.grade.activated.connect(self._grade_chosen)
        self._loading = False

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.summary_label, 1)
        bar.addWidget(self.only_disagreements)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.report_title)
        bottom_layout.addWidget(self.totals)
        bottom_layout.addWidget(self.detail, 1)
        self.form = QFormLayout()
        self.form.addRow(PlainLabel(self), self.comment)
        self.form.addRow(PlainLabel(self), self.grade)
        bottom_layout.addLayout(self.form)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([360, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.undo_action = store.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut("Ctrl+Z")
        self.redo_action = store.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut("Ctrl+Shift+Z")
        self.addActions([self.undo_action, self.redo_action])
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        store.changes.changed.connect(self._on_changes)
        self.retranslate()
        self.reload()
        self.table.sortByColumn(len(self.reports.reviewers) + 4, Qt.SortOrder.DescendingOrder)
        self.select_row(0)

    def retranslate(self) -> None:
        self.setWindowTitle(_tr("Panel Review"))
        self.only_disagreements.setText(_tr("Only disagreements"))
        for field, text in ((self.comment, _tr("Panel comment (评审意见):")), (self.grade, _tr("Grade (等次):"))):
            label = self.form.labelForField(field)
            if isinstance(label, QLabel):
                label.setText(text)

    # --- reading -----------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the panel; keep the selected report."""
        current = self.document_id
        sort_column = self.table.horizontalHeader().sortIndicatorSection()
        order = self.table.horizontalHeader().sortIndicatorOrder()
        self.reports.set_summary(self.store.summary())
        self.proxy.sort(sort_column, order)
        summary = self.reports.summary
        if summary is not None:
            flagged = sum(1 for r in summary.reports if r.disagreements or r.total_disagreement)
            decided = sum(1 for r in summary.reports if r.final_total is not None)
            self.summary_label.setText(_tr("%1 reports, %2 with disagreements, %3 with a final score")
                                       .replace("%1", str(len(summary.reports))).replace("%2", str(flagged))
                                       .replace("%3", str(decided)))
        if current:
            self.select_document(current)
        else:
            self.show_report(None)

    def _filter(self, only: bool) -> None:
        self.proxy.only_disagreements = only
        self.proxy.invalidate()

    def _on_changes(self, changes: Changes) -> None:
        # a closed dialog re-reads when it is shown again (its window may be closing its database meanwhile)
        if self.isVisible() and changes.any("scores", "reviews", "rubric", "documents", "metadata", "corrections"):
            self._reload_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.store.ready and self.reports.summary is not None:
            self._reload_timer.start()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.proxy.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.proxy.index(row, 0))

    def select_document(self, document_id: str) -> None:
        source = self.reports.row_of(document_id)
        if source < 0:
            self.show_report(None)
            return
        row = self.proxy.mapFromSource(self.reports.index(source, 0)).row()
        if row < 0:
            self.show_report(self.reports.report(source))
            return
        self.table.setCurrentIndex(self.proxy.index(row, 0))
        self.show_report(self.reports.report(source))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc = current.data(DocumentIdRole) if current.isValid() else None
        if doc:
            source = self.reports.row_of(doc)
            self.show_report(self.reports.report(source))

    def show_report(self, report) -> None:
        self._loading = True
        try:
            self.document_id = report.document.id if report else ""
            self.criteria.set_report(report)
            self.detail.setEnabled(report is not None)
            self.comment.setEnabled(report is not None)
            self.grade.setEnabled(report is not None)
            if report is None:
                self.report_title.setText(_tr("Choose a report above."))
                self.totals.clear()
                self.comment.setPlainText("")
                self.grade.clear()
                return
            self.report_title.setText(report_name(report))
            parts = [_tr("Complete reviews: %1 of %2").replace("%1", str(report.n_complete))
                     .replace("%2", str(len(report.reviews)))]
            if report.mean_total is not None:
                parts.append(_tr("mean %1, median %2, spread %3").replace("%1", fmt(report.mean_total))
                             .replace("%2", fmt(report.median_total)).replace("%3", fmt(report.spread_total)))
            parts.append(_tr("final %1").replace("%1", report.final_text))
            if report.total_disagreement:
                parts.append(_tr("⚑ the totals disagree"))
            self.totals.setText("；".join(parts))
            if self.comment.toPlainText() != report.comment and not self.comment.hasFocus():
                self.comment.setPlainText(report.comment)
            self.grade.clear()
            rubric = self.store.rubric()
            band = rubric.grade_for(report.final_total) if rubric else None
            auto = _tr("From the final total (%1)").replace("%1", band.label if band else "—")
            self.grade.addItem(auto, None)
            for g in rubric.grades if rubric else ():
                self.grade.addItem(g.label, g.label)
            if report.grade_adjudicated:
                self.grade.setCurrentIndex(max(0, self.grade.findData(report.grade)))
        finally:
            self._loading = False

    # --- deciding ---------------------------------------------------------------------------------------

    def _decide(self, criterion_id: str, value: float | None) -> None:
        if not self.document_id:
            return
        try:
            self.store.set_final(self.document_id, criterion_id, value)
        except ReviewDeskError as exc:
            dialogs.warning(self, _tr("Final score not recorded"), str(exc))

    def decide(self, criterion_id: str, value: float | None) -> None:
        """Record a final score for the selected report (None: back to the default)."""
        self._decide(criterion_id, value)

    def _comment_typed(self) -> None:
        if not self._loading:
            self._comment_timer.start()

    def save_comment(self) -> None:
        self._comment_timer.stop()
        if not self.document_id:
            return
        report = self.criteria.report
        text = self.comment.toPlainText()
        if report is not None and text == report.comment:
            return
        try:
            self.store.set_comment(self.document_id, text)
        except ReviewDeskError as exc:
            dialogs.warning(self, _tr("Comment not recorded"), str(exc))

    def _grade_chosen(self, index: int) -> None:
        if self._loading or not self.document_id:
            return
        try:
            self.store.set_grade(self.document_id, self.grade.itemData(index))
        except ReviewDeskError as exc:
            dialogs.warning(self, _tr("Grade not recorded"), str(exc))

    def choose_grade(self, grade: str | None) -> None:
        """Choose the grade of the selected report (None: from the final total)."""
        index = self.grade.findData(grade) if grade else 0
        self.grade.setCurrentIndex(index)
        self._grade_chosen(index)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_comment()
        self._reload_timer.stop()
        super().closeEvent(event)
