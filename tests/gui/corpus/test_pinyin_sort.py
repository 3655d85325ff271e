"""Clicking the corpus table's agency header sorts 丰 吉 和 天 岳 the way WPS and Excel do: 丰 和 吉 天 岳 (pinyin
order, issue 18), and the other way round on a second click; the review overview sorts its names the same way."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from tests.core.builders import SAMPLE, write_txt

AGENCIES = ["岳阳市司法局", "天津市司法局", "和平区司法局", "吉林省司法厅", "丰台区司法局"]
PINYIN_ORDER = ["丰台区司法局", "和平区司法局", "吉林省司法厅", "天津市司法局", "岳阳市司法局"]


def _database(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, agency in enumerate(AGENCIES):
        write_txt(folder, f"{i}.txt", SAMPLE.replace("某县司法局", agency).replace("2024年", f"{2020 + i}年"))
    path = tmp_path / "c.sqlite3"
    db = open_database(path)
    import_paths(db, [folder])
    db.conn.close()
    return path


def _click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _agencies(panel) -> list[str]:
    column = panel.proxy.corpus().column_index("agency")
    return [panel.proxy.index(r, column).data() for r in range(panel.proxy.rowCount())]


def test_clicking_the_agency_header_sorts_in_pinyin_order(qtbot, tmp_path, open_window):
    window = open_window(_database(tmp_path))
    panel = window.corpus_panel
    table = panel.table
    year = panel.proxy.corpus().column_index("year")
    agency = panel.proxy.corpus().column_index("agency")
    _click_header(qtbot, table, year)  # sorted by year: 岳 天 和 吉 丰 (2020 … 2024)
    qtbot.waitUntil(lambda: _agencies(panel) == AGENCIES)
    _click_header(qtbot, table, agency)
    qtbot.waitUntil(lambda: table.horizontalHeader().sortIndicatorSection() == agency)
    order = table.horizontalHeader().sortIndicatorOrder()
    expected = PINYIN_ORDER if order == Qt.SortOrder.AscendingOrder else PINYIN_ORDER[::-1]
    assert _agencies(panel) == expected
    _click_header(qtbot, table, agency)  # the other way round
    assert _agencies(panel) == expected[::-1]
    assert sorted(AGENCIES) not in (expected, expected[::-1])  # not code point order either way


def test_the_review_overview_sorts_agencies_in_pinyin_order(qtbot, tmp_path):
    from desktop.core.review.reviewers import get_or_create_reviewer
    from desktop.gui.scoring.overview_dialog import OverviewDialog

    path = _database(tmp_path)
    db = open_database(path)
    reviewer = get_or_create_reviewer(db, "王明")
    dialog = OverviewDialog(db, reviewer.id, "王明")
    qtbot.addWidget(dialog)
    column = dialog.model.COLUMNS.index("agency")
    dialog.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    shown = [dialog.proxy.index(r, column).data() for r in range(dialog.proxy.rowCount())]
    assert shown == PINYIN_ORDER
    report = dialog.model.COLUMNS.index("report")  # the titles (each begins with its agency) in pinyin order too
    dialog.table.sortByColumn(report, Qt.SortOrder.AscendingOrder)
    titles = [dialog.proxy.index(r, report).data() for r in range(dialog.proxy.rowCount())]
    assert [next(a for a in AGENCIES if t.startswith(a)) for t in titles] == PINYIN_ORDER
