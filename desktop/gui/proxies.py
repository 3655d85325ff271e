"""Changing what a QSortFilterProxyModel filters, the same way on every Qt the app supports."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel


def change_filter(proxy: QSortFilterProxyModel, apply: Callable[[], object]) -> None:
    """Run ``apply()`` (it sets the proxy's new criteria), then filter the rows again.

    Qt 6.9 brackets a filter change with beginFilterChange/endFilterChange (invalidateFilter is deprecated
    there); an older Qt filters again with invalidateFilter after the change.
    """
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        apply()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - Qt before 6.9
        apply()
        proxy.invalidateFilter()
