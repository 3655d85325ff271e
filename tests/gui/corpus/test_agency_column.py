"""The corpus table's agency column at the screens a reviewer has (issue 18): the rows in view can be told apart —
each agency by its place and the part of its body that differs — in Chinese and English, at 1280 and 1366 px, while
scrolling, after side by side, and the column grows with a wider window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize

from desktop.core.review.agency_elision import place_levels, short_level, split_agency
from desktop.gui import i18n
from desktop.gui.window.main_window import default_window_size
from tests.gui.corpus.agency_rows import agency_tooltip, corpus_of_agencies, rows_in_view, shown_agency
from tests.gui.windows import make_window

ONE_COUNTY = ["梨树县政务服务和数字化建设管理局", "梨树县政务服务中心", "梨树县人力资源和社会保障局", "梨树县司法局",
              "梨树县财政局", "梨树县发展和改革局", "梨树县市场监督管理局"]
ONE_BODY = ["双辽市司法局", "伊通满族自治县司法局", "吉林省四平市铁西区司法局"]
OTHERS = ["国家税务总局梨树县税务局", "Lishu County Justice Bureau", "吉林省延边朝鲜族自治州延吉市市场监督管理局"]


@pytest.fixture(scope="module")
def many_agencies(tmp_path_factory):
    return corpus_of_agencies(tmp_path_factory.mktemp("agencies"), ONE_COUNTY + ONE_BODY + OTHERS)


@pytest.fixture
def agency_language(request, qapp):
    assert i18n.set_language(request.param)
    yield request.param
    i18n.set_language(i18n.ENGLISH)


def _window(qtbot, tmp_path, db_path, size: QSize):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = make_window(qtbot, settings, db_path, size)
    w.corpus_panel.clear_filters()
    return w


def _check_rows_in_view(w) -> dict[str, str]:
    """Every row in view: its text fits, differs from the other agencies' in view, keeps its (lowest) place."""
    table = w.corpus_panel.table
    column = w.corpus_model.column_index("agency")
    shown: dict[str, str] = {}
    for row in rows_in_view(table):
        name, text, room = shown_agency(table, row, column)
        assert table.fontMetrics().horizontalAdvance(text) <= room, (name, text, room)
        assert shown.setdefault(name, text) == text  # one agency, one text
        if text != name:  # shortened: the full name heads the tooltip
            assert agency_tooltip(table, row, column).splitlines()[0] == name
        place, _body = split_agency(name)
        if place:  # the place, or its lower levels (吉林省四平市铁西区 -> 铁西区)
            levels = place_levels(place)
            short = [short_level(level) for level in levels]  # 伊通满族自治县 -> 伊通县
            lower = ["".join(levels[i:]) for i in range(len(levels))] + ["".join(short[i:]) for i in range(len(levels))]
            if name.isascii():  # Latin letters: too wide for the place whole, its first word leads
                lower.append(place.split()[0])
            assert any(text.startswith(p) for p in lower), (name, text)
    texts = [t for n, t in shown.items() if n]
    assert len(set(texts)) == len(texts), shown
    return shown


@pytest.mark.parametrize("agency_language", [i18n.ENGLISH, i18n.CHINESE], indirect=True)
@pytest.mark.parametrize("screen", [QSize(1280, 720), QSize(1366, 768)], ids=["1280x720", "1366x768"])
def test_many_agencies_of_one_county_stay_apart_while_scrolling(qtbot, tmp_path, many_agencies, no_dialogs,
                                                                 agency_language, screen):
    w = _window(qtbot, tmp_path, many_agencies, default_window_size(QSize(screen.width(), screen.height() - 40)))
    table = w.corpus_panel.table
    assert w.corpus_panel.proxy.rowCount() == 5 + len(ONE_COUNTY + ONE_BODY + OTHERS)
    seen: dict[str, str] = {}
    bar = table.verticalScrollBar()
    for value in range(bar.minimum(), bar.maximum() + 1, max(1, bar.pageStep() // 2)):
        bar.setValue(value)
        seen.update(_check_rows_in_view(w))
    bar.setValue(bar.maximum())
    seen.update(_check_rows_in_view(w))
    assert set(ONE_COUNTY) <= set(seen), sorted(set(ONE_COUNTY) - set(seen))
    for name in ONE_COUNTY:
        assert seen[name].startswith("梨树县"), seen
        assert len(seen[name].replace("…", "")) >= 6, seen  # the county and at least three of its body


def test_the_agency_column_grows_with_the_window(qtbot, tmp_path, many_agencies, no_dialogs):
    """From a 1366 px screen's window to a 1920 px one: the corpus column and its agency column widen, so that
    more of each name shows (the text column keeps most of the gain)."""
    w = _window(qtbot, tmp_path, many_agencies, default_window_size(QSize(1366, 728)))
    table = w.corpus_panel.table
    column = w.corpus_model.column_index("agency")
    before, left, text = table.columnWidth(column), w.left.width(), w.report_view.text.width()
    narrow = _check_rows_in_view(w)
    w.resize(1904, 1000)
    qtbot.waitUntil(lambda: w.width() == 1904)
    qtbot.waitUntil(lambda: table.columnWidth(column) >= before + 60)
    assert w.left.width() - left >= 60 and w.report_view.text.width() - text > w.left.width() - left
    wide = _check_rows_in_view(w)
    common = set(narrow) & set(wide)
    assert common and all(len(wide[n]) >= len(narrow[n]) for n in common)
    assert any(len(wide[n]) > len(narrow[n]) for n in common)


def test_side_by_side_and_back_keeps_the_agency_column(qtbot, tmp_path, many_agencies, no_dialogs):
    """Side by side hides the corpus column (it does not squeeze it to '…'); back on the report, the agency column
    has its width and its texts again."""
    w = _window(qtbot, tmp_path, many_agencies, default_window_size(QSize(1366, 728)))
    table = w.corpus_panel.table
    column = w.corpus_model.column_index("agency")
    width, shown = table.columnWidth(column), _check_rows_in_view(w)
    ids = [w.corpus_panel.proxy.document_id(r) for r in range(2)]
    w.compare_documents(*ids)
    qtbot.waitUntil(lambda: not w.left.isVisible())
    w.tabs.setCurrentWidget(w.report_view)
    qtbot.waitUntil(lambda: w.left.isVisible() and table.columnWidth(column) == width)
    again = _check_rows_in_view(w)
    assert again.items() & shown.items() and all(again[n] == shown[n] for n in set(again) & set(shown))


def test_a_renamed_agency_is_shown_apart_from_the_one_it_now_resembles(qtbot, tmp_path, no_dialogs):
    """A correction that makes two agencies in view alike up to the column's width (a careless rename to a sibling
    body of the same county): after the table reads the corpus again both texts differ, each with its county."""
    from desktop.core.corrections.records import correct_field
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import list_documents

    path = corpus_of_agencies(tmp_path / "c", ["梨树县政务服务中心", "梨树县人民政府"])
    w = _window(qtbot, tmp_path, path, default_window_size(QSize(1280, 680)))
    before = _check_rows_in_view(w)
    assert before["梨树县政务服务中心"] != before["梨树县人民政府"]
    renamed = "梨树县政务服务和数字化建设管理局办公室"
    db = open_database(path)
    try:
        doc = next(d for d in list_documents(db) if d.agency == "梨树县人民政府")
        correct_field(db, doc.id, "agency", renamed, reviewer_id=None)
    finally:
        db.conn.close()
    w.corpus_model.reload()
    qtbot.waitUntil(lambda: renamed in _check_rows_in_view(w))
    after = _check_rows_in_view(w)
    assert after[renamed] != after["梨树县政务服务中心"] and after[renamed] != after["梨树县政务服务和数字化建设管理局"]
    assert after[renamed].startswith("梨树县") and after[renamed].endswith("办公室"), after
