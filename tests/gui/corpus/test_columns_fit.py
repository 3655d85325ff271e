"""The corpus table's short columns show whole at the smallest screens (issue 18: at 1280 px 总分 read "3…）" and
缺少的部分 "缺少的部"): every column but the agency is as wide as its header and the cells it shows, and the table
needs no sideways scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize, Qt

from desktop.gui import i18n
from tests.gui.windows import make_window


@pytest.fixture
def chinese(qapp):
    i18n.set_language(i18n.CHINESE)
    yield
    i18n.set_language(i18n.ENGLISH)


@pytest.mark.parametrize("size", [QSize(1280, 680), QSize(1366, 728)], ids=["1280x720", "1366x768"])
def test_every_short_column_shows_its_header_and_cells_whole(qtbot, tmp_path, seeded_db_path, no_dialogs, chinese,
                                                             size):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "张三")
    w = make_window(qtbot, settings, seeded_db_path, size)
    scoring = w.extensions["scoring"]
    doc_id = w.current_document_id()
    next(iter(scoring.panel.boxes.values())).spin.setValue(3)  # a total in progress: the widest total cell
    model, table = w.corpus_model, w.corpus_panel.table
    total = model.column_index("total")
    row = model.row_of(doc_id)
    qtbot.waitUntil(lambda: bool(model.index(row, total).data()), timeout=5000)
    header = table.horizontalHeader()
    for column, definition in enumerate(model.columns):
        if definition.key == "agency" or table.isColumnHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        needed = [header.fontMetrics().horizontalAdvance(title) + 8]
        needed += [table.fontMetrics().horizontalAdvance(str(model.index(r, column).data() or "")) + 8
                   for r in range(model.rowCount())]
        assert table.columnWidth(column) >= max(needed), (definition.key, title, table.columnWidth(column), needed)
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll to: every column is in view
    assert model.index(row, total).data().endswith("*")  # in progress, marked (the tooltip says it in full)
