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
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.errors import ReviewDeskError
from desktop.core.panel.summary import CHECKED, DECIDED, IN_REVIEW, PENDING, STALE_LABEL, STATES
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import FINAL_RULES
from desktop.core.scoring.rules import rule_label
from desktop.gui import dialogs, i18n
from desktop.gui.panel.models import CriteriaModel, DocumentIdRole, ReportsModel, SortRole, report_name
from desktop.gui.panel.store import AdjudicationStore
from desktop.gui.plain import PlainLabel

STALE = "stale"  # the state filter's entry for reports with a decision that needs re-checking (需复核)


class _DisagreementFilter(QSortFilterProxyModel):
    only_disagreements = False
    state: str | None = None  # a panel state, STALE, or None: every report

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 (Qt's name)
        source = self.sourceModel()
        report = source.report(row) if isinstance(source, ReportsModel) else None
        if report is None:
            return False
        if self.only_disagreements and not (report.disagreements or report.total_disagreement):
            return False
        if self.state == STALE:
            return report.stale
        return self.state is None or report.state == self.state


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
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("panelStateFilter")
        self.state_filter.activated.connect(self._filter_state)
        self.rule = QComboBox(self)
        self.rule.setObjectName("panelRule")
        for rule in FINAL_RULES:
            self.rule.addItem(rule_label(rule), rule)
        self.rule.activated.connect(self._rule_chosen)
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
        self.state_label = PlainLabel(self)
        self.state_label.setObjectName("panelState")
        self.state_label.setWordWrap(True)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("panelConfirm")
        self.confirm_button.clicked.connect(self.confirm_current)
        self.settle_button = QPushButton(self)
        self.settle_button.setObjectName("panelSettle")
        self.settle_button.clicked.connect(self.settle)
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("panelCheck")
        self.check_button.clicked.connect(self.check)
        self.notes = QPlainTextEdit(self)  # plain text: the reviewers' notes are their words, never markup
        self.notes.setObjectName("panelNotes")
        self.notes.setReadOnly(True)
        self.resubmitted = PlainLabel(self)  # what a reviewer's resubmission changed (every version is kept)
        self.resubmitted.setObjectName("panelResubmitted")
        self.resubmitted.setWordWrap(True)
        self.resubmitted.setStyleSheet("color: #8a5300")
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
        bar.addWidget(self.state_filter)
        bar.addWidget(self.only_disagreements)
        bar.addWidget(self.rule)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.report_title)
        bottom_layout.addWidget(self.totals)
        actions = QHBoxLayout()
        actions.addWidget(self.state_label, 1)
        for button in (self.confirm_button, self.settle_button, self.check_button):
            actions.addWidget(button)
        bottom_layout.addLayout(actions)
        bottom_layout.addWidget(self.resubmitted)
        beside = QSplitter(Qt.Orientation.Horizontal, self)  # the reviewers' notes beside the criteria
        beside.addWidget(self.detail)
        beside.addWidget(self.notes)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 2)
        bottom_layout.addWidget(beside, 1)
        self.form = QFormLayout()
        self.form.addRow(PlainLabel(self), self.comment)
        self.form.addRow(PlainLabel(self), self.grade)
        bottom_layout.addLayout(self.form)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([300, 460])
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
        self.detail.selectionModel().currentRowChanged.connect(lambda *_: self._show_notes())
        self.retranslate()
        self.reload()
        self.table.sortByColumn(len(self.reports.reviewers) + 4, Qt.SortOrder.DescendingOrder)
        self.select_row(0)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Panel", "Panel Review"))
        self.only_disagreements.setText(QCoreApplication.translate("Panel", "Only disagreements"))
        current = self.state_filter.currentData()
        self.state_filter.clear()
        for text, state in ((QCoreApplication.translate("Panel", "Every report"), None), (QCoreApplication.translate("Panel", "待裁定 (pending decision)"), PENDING),
                            (QCoreApplication.translate("Panel", "需复核 (decisions to re-check)"), STALE), (QCoreApplication.translate("Panel", "评审中 (reviews missing)"), IN_REVIEW),
                            (QCoreApplication.translate("Panel", "已裁定 (decided)"), DECIDED), (QCoreApplication.translate("Panel", "已复核 (checked)"), CHECKED)):
            self.state_filter.addItem(text, state)
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(current)))
        self.rule.setToolTip(QCoreApplication.translate("Panel", "How the final score is made from the reviews (printed on every panel sheet)"))
        self.confirm_button.setText(QCoreApplication.translate("Panel", "Confirm decision"))
        self.confirm_button.setToolTip(QCoreApplication.translate("Panel", "Keep the decision on the selected criterion although the reviewers' "
                                           "scores changed after it (需复核)"))
        self.settle_button.setText(QCoreApplication.translate("Panel", "Settle (裁定)"))
        self.settle_button.setToolTip(QCoreApplication.translate("Panel", "Resolve this report's disagreements as the finals now stand"))
        self.check_button.setText(QCoreApplication.translate("Panel", "Check (复核)"))
        self.check_button.setToolTip(QCoreApplication.translate("Panel", "Record that the report's finals and grade were checked as they are now"))
        for field, text in ((self.comment, QCoreApplication.translate("Panel", "Panel comment (评审意见):")), (self.grade, QCoreApplication.translate("Panel", "Grade (等次):"))):
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
            counts = {state: sum(1 for r in summary.reports if r.state == state) for state in STATES}
            stale = sum(1 for r in summary.reports if r.stale)
            self.summary_label.setText(
                QCoreApplication.translate("Panel", "%1 reports: %2 in review, %3 pending, %4 decided, %5 checked; %6 to re-check")
                .replace("%1", str(len(summary.reports))).replace("%2", str(counts[IN_REVIEW]))
                .replace("%3", str(counts[PENDING])).replace("%4", str(counts[DECIDED]))
                .replace("%5", str(counts[CHECKED])).replace("%6", str(stale)))
            self.rule.setCurrentIndex(max(0, self.rule.findData(summary.rule)))
        if current:
            self.select_document(current)
        else:
            self.show_report(None)

    def _filter(self, only: bool) -> None:
        self.proxy.only_disagreements = only
        self.proxy.invalidate()

    def _filter_state(self, index: int) -> None:
        self.proxy.state = self.state_filter.itemData(index)
        self.proxy.invalidate()

    def filter_state(self, state: str | None) -> None:
        """Show the reports in a panel state only (STALE: with a decision to re-check; None: every report)."""
        index = self.state_filter.findData(state)
        self.state_filter.setCurrentIndex(max(0, index))
        self._filter_state(max(0, index))

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
        if self._comment_timer.isActive():
            self.save_comment()  # what was typed for the report shown so far goes to that report
        self._loading = True
        try:
            self.document_id = report.document.id if report else ""
            self.criteria.set_report(report)
            if report is not None:  # the notes beside the first open disagreement (else the first criterion)
                rows = [i for i, c in enumerate(report.criteria) if c.open] or [0]
                self.detail.setCurrentIndex(self.criteria.index(rows[0], 0))
            self.detail.setEnabled(report is not None)
            self.comment.setEnabled(report is not None)
            self.grade.setEnabled(report is not None)
            self.settle_button.setEnabled(report is not None and report.state != IN_REVIEW)
            self.check_button.setEnabled(report is not None and report.state in (DECIDED, CHECKED)
                                         and (report.checked_at is None or report.checked_stale))
            self._show_notes()
            self.resubmitted.setText(self._resubmissions(report))
            if report is None:
                self.report_title.setText(QCoreApplication.translate("Panel", "Choose a report above."))
                self.totals.clear()
                self.state_label.clear()
                self.comment.setPlainText("")
                self.grade.clear()
                return
            self.report_title.setText(report_name(report))
            parts = [QCoreApplication.translate("Panel", "Complete reviews: %1 of %2").replace("%1", str(report.n_complete))
                     .replace("%2", str(len(report.reviews)))]
            if report.mean_total is not None:
                parts.append(QCoreApplication.translate("Panel", "mean %1, median %2, spread %3").replace("%1", fmt(report.mean_total))
                             .replace("%2", fmt(report.median_total)).replace("%3", fmt(report.spread_total)))
            parts.append(QCoreApplication.translate("Panel", "final %1").replace("%1", report.final_text) + f"（{rule_label(report.rule)}）")
            if report.outside_range:
                parts.append(QCoreApplication.translate("Panel", "▲ the final is outside the range of the reviewers' totals"))
            if report.total_disagreement:
                parts.append(QCoreApplication.translate("Panel", "◆ the totals disagree"))
            self.totals.setText("；".join(parts))
            state = report.state_label + (f"：{report.pending_text}" if report.pending_text else "")
            if report.checked_at and not report.checked_stale:
                state += "；" + QCoreApplication.translate("Panel", "checked by %1").replace("%1", report.checked_by or "—")
            if report.grade_adjudicated:
                state += "；" + QCoreApplication.translate("Panel", "grade %1 set by %2").replace("%1", report.grade or "—").replace(
                    "%2", report.grade_by or "—") + (f"（{STALE_LABEL}）" if report.grade_stale else "")
            self.state_label.setText(state)
            if self.comment.toPlainText() != report.comment and not self.comment.hasFocus():
                self.comment.setPlainText(report.comment)
            self.grade.clear()
            rubric = self.store.rubric()
            band = rubric.grade_for(report.final_total) if rubric else None
            auto = QCoreApplication.translate("Panel", "From the final total (%1)").replace("%1", band.label if band else "—")
            self.grade.addItem(auto, None)
            for g in rubric.grades if rubric else ():
                self.grade.addItem(g.label, g.label)
            if report.grade_adjudicated:
                self.grade.setCurrentIndex(max(0, self.grade.findData(report.grade)))
        finally:
            self._loading = False

    def _current_criterion(self):
        report = self.criteria.report
        row = self.detail.currentIndex().row()
        if report is None or not 0 <= row < len(report.criteria):
            return None
        return report.criteria[row]

    def _show_notes(self) -> None:
        """Beside the selected criterion: each reviewer's score and note, then each reviewer's 总体评价."""
        report, c = self.criteria.report, self._current_criterion()
        self.confirm_button.setEnabled(c is not None and c.stale)
        if report is None:
            self.notes.setPlainText("")
            return
        lines = []
        if c is not None:
            lines.append(QCoreApplication.translate("Panel", "%1 — the reviewers' notes:").replace("%1", c.criterion.title))
            for r in report.reviews:
                value = QCoreApplication.translate("Panel", "N/A") if c.criterion.id in r.not_applicable else fmt(r.values.get(c.criterion.id),
                                                                                   blank="—")
                note = r.notes.get(c.criterion.id, "")
                note = note or QCoreApplication.translate("Panel", "(no note)")
                lines.append(f"  {r.reviewer or '—'}（{value}）：{note}")
        lines.append(QCoreApplication.translate("Panel", "Overall comments (总体评价):"))
        for r in report.reviews:
            comment = r.comment or QCoreApplication.translate("Panel", "(none)")
            lines.append(f"  {r.reviewer or '—'}：{comment}")
        self.notes.setPlainText("\n".join(lines))

    def select_criterion(self, criterion_id: str) -> None:
        """Select a criterion of the shown report (its notes show below the table)."""
        report = self.criteria.report
        if report is not None:
            row = [c.criterion.id for c in report.criteria].index(criterion_id)
            self.detail.setCurrentIndex(self.criteria.index(row, 0))
            self._show_notes()
    def _resubmissions(self, report) -> str:
        """The reviewers who resubmitted this report's review, and what the last resubmission changed."""
        rubric = self.store.rubric()
        if report is None or rubric is None or self.store.reader is None:
            return ""
        from desktop.core.scoring.versions import resubmitted
        from desktop.gui.version_words import resubmission_line

        titles = {c.id: i18n.in_language(c.title, c.title_en) for c in rubric.criteria}
        lines = [resubmission_line(name, versions, titles)
                 for name, versions in resubmitted(self.store.reader, report.document.id, rubric.id)]
        return "\n".join(f"↻ {line}" for line in lines)

    # --- deciding ---------------------------------------------------------------------------------------

    def confirm_current(self) -> None:
        """Keep the selected criterion's stale (需复核) decision: it now rests on the reviewers' current scores."""
        c = self._current_criterion()
        if c is None or not self.document_id:
            return
        try:
            self.store.confirm_final(self.document_id, c.criterion.id)
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Panel", "Decision not confirmed"), str(exc))

    def settle(self) -> None:
        """The lead's 裁定 of the selected report."""
        if self.document_id:
            try:
                self.store.settle(self.document_id)
            except ReviewDeskError as exc:
                dialogs.warning(self, QCoreApplication.translate("Panel", "Report not settled"), str(exc))

    def check(self) -> None:
        """The 复核 of the selected report."""
        if self.document_id:
            try:
                self.store.check(self.document_id)
            except ReviewDeskError as exc:
                dialogs.warning(self, QCoreApplication.translate("Panel", "Report not checked"), str(exc))

    def _rule_chosen(self, index: int) -> None:
        rule = self.rule.itemData(index)
        if rule != self.store.rule():
            try:
                self.store.set_rule(rule)
            except ReviewDeskError as exc:
                dialogs.warning(self, QCoreApplication.translate("Panel", "Rule not changed"), str(exc))

    def choose_rule(self, rule: str) -> None:
        """Choose the final-score rule (desktop.core.scoring.rules)."""
        index = self.rule.findData(rule)
        self.rule.setCurrentIndex(index)
        self._rule_chosen(index)

    def _decide(self, criterion_id: str, value: float | None) -> None:
        if not self.document_id:
            return
        try:
            self.store.set_final(self.document_id, criterion_id, value)
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Panel", "Final score not recorded"), str(exc))

    def decide(self, criterion_id: str, value: float | None) -> None:
        """Record a final score for the selected report (None: back to the default)."""
        self._decide(criterion_id, value)

    def _comment_typed(self) -> None:
        if not self._loading:
            self._comment_timer.start()

    def save_comment(self) -> None:
        self._comment_timer.stop()
        if not self.document_id or not self.store.ready:  # the database closed: it was saved on leaving
            return
        report = self.criteria.report
        text = self.comment.toPlainText()
        if report is not None and text == report.comment:
            return
        try:
            self.store.set_comment(self.document_id, text)
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Panel", "Comment not recorded"), str(exc))

    def _grade_chosen(self, index: int) -> None:
        if self._loading or not self.document_id:
            return
        try:
            self.store.set_grade(self.document_id, self.grade.itemData(index))
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Panel", "Grade not recorded"), str(exc))

    def choose_grade(self, grade: str | None) -> None:
        """Choose the grade of the selected report (None: from the final total)."""
        index = self.grade.findData(grade) if grade else 0
        self.grade.setCurrentIndex(index)
        self._grade_chosen(index)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_comment()
        self._reload_timer.stop()
        super().closeEvent(event)
