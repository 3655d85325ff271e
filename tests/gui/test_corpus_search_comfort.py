"""Corpus columns that fit, search hits that say agency and year with the query highlighted, and stock-phrase marks
that survive re-opening the open report from a search hit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.corpus.search_panel import query_spans

pytestmark = [
    pytest.mark.settings({"reviewer/name": "张三"}),
    pytest.mark.window(features="app"),
]


def test_default_columns_fit_the_corpus_column(window):
    table, model = window.corpus_panel.table, window.corpus_model
    shown = [model.columns[c].key for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    assert shown == ["agency", "year", "missing", "to_verify", "review", "total"]
    assert table.horizontalScrollBar().maximum() == 0  # no sideways scrolling
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    # The hidden columns are a right click on the header away.
    window.corpus_panel.column_actions["on_time"].setChecked(True)
    assert not table.isColumnHidden(model.column_index("on_time"))


def test_the_query_is_highlighted_in_a_hits_context():
    assert query_spans("推进法治政府建设，法治", "法治") == [(2, 4), (9, 11)]
    assert query_spans("Rule of LAW and law", "law") == [(8, 11), (16, 19)]
    assert query_spans("无命中", "法治") == []


def test_hits_name_agency_and_year(qtbot, window):
    with qtbot.waitSignal(window.search_panel.search_finished, timeout=10000):
        window.search_panel.search("法治")
    model = window.search_panel.model
    labels = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert any(label.endswith("2022") for label in labels) and any(label.endswith("2025") for label in labels)
    assert window.search_panel.view.textElideMode() == Qt.TextElideMode.ElideMiddle  # the year is never cut


def test_stock_phrase_marks_survive_reopening_from_a_search_hit(qtbot, window):
    proxy = window.corpus_panel.proxy
    marked = None
    for row in range(proxy.rowCount()):
        window.open_document(proxy.document_id(row))
        if window.report_view.text.marks("aids"):
            marked = proxy.document_id(row)
            break
    assert marked is not None, "no seed report has stock phrases"
    before = len(window.report_view.text.marks("aids"))
    text = window.report_view.current_document().text
    window.open_document(marked, "法治", text.find("法治"))  # what activating a search hit does
    assert len(window.report_view.text.marks("aids")) == before


def test_every_hit_is_in_view_in_its_context_cell(qtbot, window):
    """The hit sits in the middle of a context wider than its cell (it was drawn from the line's start: a hit late
    in the line was cut off): each row's cell shows the highlight colour, and the shift never runs past the line."""
    from PySide6.QtGui import QFontMetricsF

    from desktop.gui import palette
    from desktop.gui.corpus.search_panel import hit_shift

    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    panel = window.search_panel
    with qtbot.waitSignal(panel.search_finished, timeout=10000):
        panel.search("执法")
    model, view = panel.model, panel.view
    qtbot.waitUntil(lambda: model.rowCount() > 0 and view.rowHeight(0) > 0 and view.viewport().height() > 0)
    rows = min(model.rowCount(), view.viewport().height() // view.rowHeight(0))
    width = view.columnWidth(1) - 6
    metrics = QFontMetricsF(view.font())
    late = [r for r in range(rows)
            if metrics.horizontalAdvance(model.hit(r).context[:query_spans(model.hit(r).context, "执法")[0][0] + 2])
            > width]
    assert late, "some hit lies beyond the cell's width (the case this is about)"
    view.clearSelection()
    image = view.viewport().grab().toImage()
    hit = palette.SEARCH_HIT.rgb()
    for row in range(rows):
        cell = view.visualRect(model.index(row, 1))
        found = any(image.pixel(x, y) == hit for x in range(cell.left(), cell.right(), 2)
                    for y in range(cell.top() + 2, cell.bottom() - 1, 3))
        assert found, (row, model.hit(row).context)
    assert hit_shift(metrics, "甲" * 40 + "执法", (40, 42), 100) == metrics.horizontalAdvance("甲" * 42) - 100
    assert hit_shift(metrics, "执法" + "甲" * 40, (0, 2), 100) == 0.0
    assert hit_shift(metrics, "甲执法", (1, 3), 500) == 0.0
