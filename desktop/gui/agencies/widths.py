"""Columns as wide as their texts, measured with the table's font (Qt's ResizeToContents left Chinese cells of
the agency tables elided: ``未…``, ``2…``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView


def fit_columns(table: QTableView, model: QStandardItemModel, columns: list[int]) -> None:
    """Set each of ``columns`` to the width of its widest cell or header (the user can still drag it)."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column in columns:
        texts = [str(model.index(r, column).data() or "") for r in range(model.rowCount())]
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + 3 * metrics.averageCharWidth())
