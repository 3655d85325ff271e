"""Helpers of the agency-column tests: a corpus of many agencies, and the agency text each row in view shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from tests.conftest import SEEDS

# A seed whose title names its agency; its copies name others (the importer reads the agency from the text).
SEED_AGENCY = "吉林省政务服务和数字化建设管理局"
SEED_FILE = "003_768f1515f39e9dba.txt"


def corpus_of_agencies(directory: Path, names: list[str]) -> Path:
    """A database holding the five seeds and one copy of a seed per name, its agency renamed."""
    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage import open_database

    source = directory / "reports"
    source.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        (source / seed.name).write_bytes(seed.read_bytes())
    text = (SEEDS / SEED_FILE).read_text(encoding="utf-8")
    for number, name in enumerate(names):
        (source / f"copy_{number:02d}.txt").write_text(text.replace(SEED_AGENCY, name), encoding="utf-8")
    path = directory / "agencies.sqlite3"
    db = open_database(path)
    try:
        import_paths(db, [source])
    finally:
        db.conn.close()
    return path


def rows_in_view(table: QTableView) -> list[int]:
    """The rows of the table's model the viewport shows, whole or in part."""
    height = table.viewport().height()
    return [r for r in range(table.model().rowCount()) if table.rowViewportPosition(r) + table.rowHeight(r) > 0
            and table.rowViewportPosition(r) < height]


def shown_agency(table: QTableView, row: int, column: int) -> tuple[str, str, int]:
    """(agency name, the text the column's delegate draws for it, the room it has in pixels)."""
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.rect = table.visualRect(index)
    table.itemDelegateForColumn(column).initStyleOption(option, index)
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return str(index.data() or ""), option.text, option.rect.width() - 2 * margin


def agency_tooltip(table: QTableView, row: int, column: int) -> str:
    """The tooltip the agency cell shows (its delegate's: the full name first when the cell shortens it)."""
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.rect = table.visualRect(index)
    return table.itemDelegateForColumn(column).tooltip(option, index)
