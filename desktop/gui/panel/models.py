"""Qt table models of the panel view: the reports side by side (sortable by disagreement) and one report's criteria.

:class:`ReportsModel` has one row per report: each reviewer's total (or how far an unfinished review got), the
mean, median and spread of the complete reviews, the number of disagreements, the final total, grade and rank.
Its ``SortRole`` gives numbers for every column, so a QSortFilterProxyModel sorts by disagreement the way HotCRP
does (the largest spread relative to its threshold first).

:class:`CriteriaModel` has one row per criterion of one report: every reviewer's score, mean, median, spread, a
disagreement flag and the final score, editable (Qt.EditRole) through the store's undoable decision.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.collation import pinyin_sort_key
from desktop.core.panel.summary import CHECKED, PENDING, STALE_LABEL, STATES, PanelSummary, ReportPanel
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rules import rule_label
from desktop.gui.plain import plain_tip

SortRole = Qt.ItemDataRole.UserRole + 1
DocumentIdRole = Qt.ItemDataRole.UserRole + 2
_FLAG = QBrush(QColor("#f8d7d3"))
_DECIDED = QBrush(QColor("#dbe8f5"))
_Index = QModelIndex | QPersistentModelIndex


def _num(value: float | None) -> str:
    return fmt(value)


_STATE_BRUSHES = {PENDING: QBrush(QColor("#fde9c8")), CHECKED: QBrush(QColor("#d9efd9"))}


def state_text(report: ReportPanel) -> str:
    """The report's panel state as the table shows it (需复核 and a final outside the reviewers' range said)."""
    text = report.state_label
    if report.stale:
        text += f"（{STALE_LABEL}）"
    if report.outside_range:
        text += " ▲"
    return text


def report_name(report: ReportPanel) -> str:
    d = report.document
    if d.title:
        return d.title
    if d.agency:
        return f"{d.agency}{f'{d.year}年度' if d.year else ''}法治政府建设年度报告"
    return f"{d.year or ''}法治政府建设年度报告"


class ReportsModel(QAbstractTableModel):
    """One row per report of the panel."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.summary: PanelSummary | None = None
        self.reviewers: list[str] = []

    def set_summary(self, summary: PanelSummary | None) -> None:
        self.beginResetModel()
        self.summary = summary
        self.reviewers = sorted({r.reviewer for rep in summary.reports for r in rep.reviews}) if summary else []
        self.endResetModel()

    def report(self, row: int) -> ReportPanel | None:
        if self.summary is None or not 0 <= row < len(self.summary.reports):
            return None
        return self.summary.reports[row]

    def row_of(self, document_id: str) -> int:
        if self.summary is not None:
            for i, r in enumerate(self.summary.reports):
                if r.document.id == document_id:
                    return i
        return -1

    def _headers(self) -> list[str]:
        return ([QCoreApplication.translate("Panel", "Report")] + self.reviewers
                + [QCoreApplication.translate("Panel", "Mean"), QCoreApplication.translate("Panel", "Median"), QCoreApplication.translate("Panel", "Spread"), QCoreApplication.translate("Panel", "Disagreements"), QCoreApplication.translate("Panel", "Final"), QCoreApplication.translate("Panel", "Grade"),
                   QCoreApplication.translate("Panel", "Rank"), QCoreApplication.translate("Panel", "State")])

    @property
    def final_column(self) -> int:
        return len(self.reviewers) + 5

    @property
    def state_column(self) -> int:
        return len(self.reviewers) + 8

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() or self.summary is None else len(self.summary.reports)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def _cell(self, report: ReportPanel, column: int) -> tuple[object, object]:
        """(display text, sort key) of a cell."""
        n = len(self.reviewers)
        if column == 0:
            name = report_name(report)
            return name, pinyin_sort_key(name) or ""  # pinyin order, as WPS and Excel sort Chinese names
        if column <= n:
            review = next((r for r in report.reviews if r.reviewer == self.reviewers[column - 1]), None)
            if review is None:
                return "", -2.0
            if review.complete:
                return _num(review.total), review.total if review.total is not None else -1.0
            return review.label, -1.0
        k = column - n - 1
        values: list[tuple[object, object]] = [
            (_num(report.mean_total), report.mean_total if report.mean_total is not None else -1.0),
            (_num(report.median_total), report.median_total if report.median_total is not None else -1.0),
            (_num(report.spread_total), report.spread_total if report.spread_total is not None else -1.0),
            (self._disagreements(report), report.disagreement_score),
            (report.final_text, report.final_total if report.final_total is not None else -1.0),
            (report.grade_text, report.final_total if report.final_total is not None else -1.0),
            (report.rank_text, report.rank if report.rank is not None else 10 ** 9),
            (state_text(report), STATES.index(report.state)),
        ]
        return values[k] if 0 <= k < len(values) else ("", 0)

    @staticmethod
    def _disagreements(report: ReportPanel) -> str:
        count = len(report.disagreements) + (1 if report.total_disagreement else 0)
        return f"◆ {count}" if count else ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        report = self.report(index.row()) if index.isValid() else None
        if report is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            text, key = self._cell(report, index.column())
            return text if role == Qt.ItemDataRole.DisplayRole else key
        if role == DocumentIdRole:
            return report.document.id
        if role == Qt.ItemDataRole.BackgroundRole and (report.disagreements or report.total_disagreement):
            if index.column() == len(self.reviewers) + 4:
                return _FLAG
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.final_column and report.outside_range:
            return _FLAG
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.state_column:
            return _STATE_BRUSHES.get(report.state)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.final_column:
            tip = QCoreApplication.translate("Panel", "Rule: %1").replace("%1", rule_label(report.rule))
            if report.outside_range:
                tip += "\n" + QCoreApplication.translate("Panel", "▲ The final is outside the range of the reviewers' totals.")
            return plain_tip(tip)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.state_column:
            return plain_tip(report.pending_text) if report.pending_text else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(self.reviewers) + 4:
            titles = [c.criterion.title for c in report.criteria if c.disagreement]
            if report.total_disagreement:
                titles.append(QCoreApplication.translate("Panel", "total"))
            return plain_tip("、".join(titles)) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CriteriaModel(QAbstractTableModel):
    """One row per criterion of one report; the Final column is editable (an undoable decision)."""

    def __init__(self, decide: Callable[[str, float | None], object] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.report: ReportPanel | None = None
        self.reviewers: list[tuple[str, str]] = []  # (reviewer id, name) of the report's reviews
        self.decide = decide

    def set_report(self, report: ReportPanel | None) -> None:
        self.beginResetModel()
        self.report = report
        self.reviewers = [(r.reviewer_id, r.reviewer) for r in report.reviews] if report else []
        self.endResetModel()

    def _headers(self) -> list[str]:
        unfinished = QCoreApplication.translate("Panel", "unfinished")
        names = [name if self._complete(rid) else f"{name}（{unfinished}）" for rid, name in self.reviewers]
        return [QCoreApplication.translate("Panel", "Criterion"), *names, QCoreApplication.translate("Panel", "Mean"), QCoreApplication.translate("Panel", "Median"), QCoreApplication.translate("Panel", "Spread"), QCoreApplication.translate("Panel", "Disagreement"),
                QCoreApplication.translate("Panel", "Final")]

    def _complete(self, reviewer_id: str) -> bool:
        return self.report is not None and any(r.reviewer_id == reviewer_id and r.complete
                                               for r in self.report.reviews)

    @property
    def final_column(self) -> int:
        return len(self.reviewers) + 5

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.report is None else len(self.report.criteria)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.final_column and self.decide is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _score(self, row: int, column: int) -> tuple[str, object]:
        assert self.report is not None
        c = self.report.criteria[row]
        n = len(self.reviewers)
        if column == 0:
            return f"{c.criterion.title}（{c.criterion.max_points:g}）", row
        if column <= n:
            rid = self.reviewers[column - 1][0]
            review = next(r for r in self.report.reviews if r.reviewer_id == rid)
            if c.criterion.id in review.not_applicable:
                return QCoreApplication.translate("Panel", "N/A"), -1.0
            value = review.values.get(c.criterion.id)
            return ("" if value is None else _num(value)), (-2.0 if value is None else value)
        k = column - n - 1
        if k == 0:
            return _num(c.mean), c.mean if c.mean is not None else -1.0
        if k == 1:
            return _num(c.median), c.median if c.median is not None else -1.0
        if k == 2:
            return _num(c.spread), c.spread if c.spread is not None else -1.0
        if k == 3:
            return ("◆" if c.disagreement else ""), 1.0 if c.disagreement else 0.0
        mark = ("＊" + (STALE_LABEL if c.stale else "")) if c.adjudicated else ""
        if c.final_not_applicable:
            return QCoreApplication.translate("Panel", "N/A") + mark, -1.0
        return _num(c.final) + mark, c.final if c.final is not None else -1.0

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.report is None or not 0 <= index.row() < len(self.report.criteria):
            return None
        c = self.report.criteria[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            text, key = self._score(index.row(), index.column())
            return text if role == Qt.ItemDataRole.DisplayRole else key
        if role == Qt.ItemDataRole.EditRole and index.column() == self.final_column:
            return c.final
        if role == Qt.ItemDataRole.BackgroundRole:
            if c.disagreement and 0 < index.column() < self.final_column:
                return _FLAG
            if index.column() == self.final_column and c.adjudicated:
                return _DECIDED
        if role == Qt.ItemDataRole.FontRole and index.column() == self.final_column and c.adjudicated:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and 0 < index.column() <= len(self.reviewers):
            rid = self.reviewers[index.column() - 1][0]
            note = next((r.notes.get(c.criterion.id, "") for r in self.report.reviews if r.reviewer_id == rid), "")
            return plain_tip(note) if note else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.final_column:
            if c.adjudicated:
                tip = QCoreApplication.translate("Panel", "Decided by %1 (the mean: %2)").replace("%1", c.decided_by or "—").replace(
                    "%2", _num(c.default_final) or "—")
                if c.stale:
                    tip += "\n" + QCoreApplication.translate("Panel", "需复核: the reviewers' scores changed after the decision; confirm or decide "
                                       "again.")
                return plain_tip(tip)
            return QCoreApplication.translate("Panel", "Default: the mean of the complete reviews")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.final_column
                or self.report is None or self.decide is None):
            return False
        criterion = self.report.criteria[index.row()].criterion
        if value in (None, ""):
            number = None
        else:
            try:
                number = float(value)
            except (TypeError, ValueError):
                return False
        self.decide(criterion.id, number)
        return True
