"""Missing required parts as short chips (issue 18: with two or three parts missing the cell read 缺…排): whole
chips where they fit, else the first chip and how many more, else how many — never a cut word — in the corpus
table, the corpus by agency, the side-by-side header and the timeline, at 1280 and 1366, in Chinese and English;
the full names in the tooltip and the status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS
from desktop.gui import i18n, palette
from desktop.gui.corpus.corpus_model import DOCUMENT_ID_ROLE
from desktop.gui.missing_chips import (
    SEPARATOR,
    MissingChipsDelegate,
    MissingChipsLabel,
    chip,
    chips,
    count_text,
    fitted,
    part_word,
    spelt_out,
    text_width,
    tooltip,
)
from tests.conftest import SEEDS
from tests.gui.windows import make_window

AGENCY = "梨树县人民政府"
_BODY = {
    "achievements": "一、{y}年度推进法治政府建设的主要举措和成效\n（一）健全依法决策机制。全年审查规范性文件12件。\n",
    "shortcomings": "二、存在的不足和原因\n一是法治宣传教育针对性不强，二是执法人员素质有待提高。\n",
    "leader_duty": "三、党政主要负责人履行推进法治建设第一责任人职责情况\n县长带头学法，主持召开常务会议研究法治工作4次。\n",
    "next_plan": "四、{n}年度推进法治政府建设的主要安排\n一是加强行政执法监督，二是深化普法宣传。\n",
}
# what each synthetic report has: from every part down to none (an "other" part only)
PARTS = {2021: ("achievements", "shortcomings", "next_plan"), 2022: ("achievements", "shortcomings"),
         2023: ("achievements",), 2024: ()}
LANGUAGES = [i18n.CHINESE, i18n.ENGLISH]
SIZES = {"1280x720": QSize(1280, 680), "1366x768": QSize(1366, 728)}


def _report(year: int, parts: tuple[str, ...]) -> str:
    text = f"{AGENCY}关于{year}年度法治政府建设情况的报告\n\n县委：\n{year}年，我县扎实推进法治政府建设。\n" if parts else (
        f"{AGENCY}关于{year}年度法治政府建设情况的报告\n\n一、其他情况\n本年度无其他事项。\n")
    text += "".join(_BODY[k].format(y=year, n=year + 1) for k in parts)
    return text + f"\n{AGENCY}\n{year + 1}年3月1日\n"


@pytest.fixture
def lacking_db(tmp_path):
    """The seeds and four reports of one agency missing one, two, three and all four required parts."""
    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import list_documents

    folder = tmp_path / "lacking"
    folder.mkdir()
    for year, parts in PARTS.items():
        (folder / f"lacking_{year}.txt").write_text(_report(year, parts), encoding="utf-8")
    path = tmp_path / "lacking.sqlite3"
    db = open_database(path)
    import_paths(db, [SEEDS, folder])
    counts = sorted(len(d.missing) for d in list_documents(db) if d.name.startswith("lacking_"))
    db.conn.close()
    assert counts == [1, 2, 3, 4]  # what the test is about: the segmenter finds those parts missing
    return path


@pytest.fixture(params=LANGUAGES)
def chip_language(request, qapp):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language(i18n.ENGLISH)


def _forms(kinds) -> list[str]:
    shown = chips(kinds)
    more = [shown[0] + " +" + str(len(shown) - 1)] if len(shown) > 1 else []
    return [SEPARATOR.join(shown), *more, count_text(len(shown)), str(len(shown))]


def test_chips_are_short_words_in_the_interface_language(chip_language):
    if chip_language == i18n.CHINESE:
        assert [chip(k) for k in REQUIRED_KINDS] == ["缺 举措", "缺 不足", "缺 履职", "缺 安排"]
        assert count_text(3) == "缺 3 项"
        assert spelt_out(["shortcomings", "next_plan"]) == "缺少必备部分：存在的不足和原因、下一年度主要安排"
    else:
        assert [chip(k) for k in REQUIRED_KINDS] == ["no measures", "no flaws", "no duty", "no plan"]
        assert all(not any("\u4e00" <= c <= "\u9fff" for c in chip(k)) for k in REQUIRED_KINDS)
        # the full text glosses the regulation's Chinese name
        assert spelt_out(["leader_duty"]) == "Missing required parts: Leaders' duty (第一责任人履职情况)"
    assert SEPARATOR not in "".join(chip(k) for k in KIND_LABELS)  # the delegate splits a cell on it
    lines = tooltip(["shortcomings", "leader_duty"]).splitlines()
    assert lines[1:] == [spelt_out([k]).split(": ")[-1].split("：")[-1] for k in ("shortcomings", "leader_duty")]


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_fitted_says_the_most_that_fits_and_never_cuts_a_word(chip_language, qapp, count):
    kinds = REQUIRED_KINDS[-count:]
    metrics = QFontMetricsF(qapp.font())
    forms = _forms(kinds)
    widths = [metrics.horizontalAdvance(f) for f in forms]
    for width in range(0, int(widths[0]) + 30):
        shown = fitted(chips(kinds), width, metrics)
        assert shown in forms
        fits = [f for f, w in zip(forms, widths, strict=True) if w <= width]
        # the first form that fits: the most said; when none fits, the bare count (never an elided word)
        assert shown == (fits[0] if fits else forms[-1]), (width, shown)
    assert fitted(chips(kinds), widths[0] + 1, metrics) == SEPARATOR.join(chips(kinds))


def _kinds(cell_text: str) -> list[str]:
    return [k for k in REQUIRED_KINDS if chip(k) in cell_text.split(SEPARATOR)]


def _cell_option(view: QAbstractItemView, index: QModelIndex) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.widget = view
    return option


def _assert_cells_whole(view: QAbstractItemView, indexes: list[QModelIndex], delegate: MissingChipsDelegate,
                        first_chip: bool) -> list[str]:
    """Each cell's drawn text fits its room (the font's own measure, and Qt would not elide it) and is one of
    the chip forms; with ``first_chip`` at least the first chip shows."""
    shown_texts = []
    for index in indexes:
        option = _cell_option(view, index)
        shown = delegate.shown_text(option, index)
        room = text_width(option, view)
        full = str(index.data() or "")
        forms = _forms(_kinds(full))
        assert shown in forms, (full, shown)
        assert QFontMetricsF(option.font).horizontalAdvance(shown) <= room, (shown, room)
        assert option.fontMetrics.elidedText(shown, Qt.TextElideMode.ElideRight, room) == shown
        if first_chip or len(full.split(SEPARATOR)) == 1:  # one missing part: its chip, whole
            assert shown.startswith(full.split(SEPARATOR)[0]), (full, shown, room)
        shown_texts.append(shown)
    return shown_texts


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_corpus_cells_show_chips_whole_with_full_names_in_tooltip_and_status_bar(qtbot, tmp_path, lacking_db,
                                                                                  no_dialogs, chip_language, size):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = make_window(qtbot, settings, lacking_db, size)
    model, table, proxy = w.corpus_model, w.corpus_panel.table, w.corpus_panel.proxy
    column = model.column_index("missing")
    assert isinstance(table.itemDelegateForColumn(column), MissingChipsDelegate)
    lacking = {}
    for row in range(proxy.rowCount()):
        index = proxy.index(row, column)
        doc = model.summary(model.row_of(proxy.document_id(row)))
        if doc is not None and doc.missing:
            lacking[doc.id] = (index, doc.missing)
    assert sorted(len(m) for _i, m in lacking.values())[-4:] == [1, 2, 3, 4]
    _assert_cells_whole(table, [i for i, _m in lacking.values()], table.itemDelegateForColumn(column),
                        first_chip=False)
    for doc_id, (index, missing) in lacking.items():
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole))
        assert all(palette.kind_label(k) in tip for k in missing)
        table.setFocus()
        table.setCurrentIndex(index)  # by keys or mouse alike: the current row in full in the status bar
        qtbot.waitUntil(lambda m=missing: spelt_out(m) in w.statusBar().currentMessage(), timeout=3000)
        assert doc_id


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_grouped_and_side_by_side_show_chips_whole(qtbot, tmp_path, lacking_db, no_dialogs, chip_language, size):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = make_window(qtbot, settings, lacking_db, size)
    panel = w.corpus_panel
    panel.set_grouped(True)
    view, model = panel.grouped, panel.grouped_model
    group = next(model.index(r, 0) for r in range(model.rowCount())
                 if AGENCY in str(model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) or "")
                 or AGENCY in str(model.index(r, 0).data() or ""))
    view.expand(group)
    cells = [model.index(r, 2, group) for r in range(model.rowCount(group))]
    cells = [c for c in cells if c.data()]
    assert len(cells) == 4
    _assert_cells_whole(view, cells, view.itemDelegateForColumn(2), first_chip=False)
    for cell in cells:  # the tooltip names each chip's part in full
        kinds = _kinds(str(cell.data()))
        assert kinds and all(palette.kind_label(k) in str(cell.data(Qt.ItemDataRole.ToolTipRole)) for k in kinds)

    # side by side the header is one line: the banners fold away, their chips stay in it
    ids = {c.siblingAtColumn(0).data(DOCUMENT_ID_ROLE): len(str(c.data()).split(SEPARATOR)) for c in cells}
    by_count = sorted(ids, key=ids.get)
    w.compare_documents(by_count[0], by_count[-1])
    for header, count in ((w.compare_view.left.header, 1), (w.compare_view.right.header, 4)):
        label = header.findChild(MissingChipsLabel, "headerMissingChips")
        qtbot.waitUntil(label.isVisible, timeout=3000)
        assert len(label.kinds()) == count
        room = label.contentsRect().width()
        assert QFontMetricsF(label.font()).horizontalAdvance(label.text()) <= room
        assert label.text() in _forms(label.kinds())
        assert label.text().startswith(chip(label.kinds()[0])), label.text()
        assert all(palette.kind_label(k) in label.toolTip() for k in label.kinds())
        header.details_button.setChecked(True)  # the banners open: the chips make way for them
        assert not label.isVisible() and len([b for b in header.banners if b.kind in REQUIRED_KINDS]) == count
        header.details_button.setChecked(False)


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_the_annotation_list_names_the_part_by_its_word_whole(qtbot, tmp_path, seeded_db_path, no_dialogs,
                                                               chip_language, size):
    """The same class of cut: the list's narrow part column read 存在的… ; it shows the chips' word (不足)."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "张三")
    w = make_window(qtbot, settings, seeded_db_path, size)
    annotations = w.extensions["annotations"]
    view = w.report_view
    record = view.current_document()
    tags = annotations.store.tags()
    kinds = [k for k in REQUIRED_KINDS if view.part_start(k) is not None]
    for kind in kinds:
        start = view.part_start(kind)
        annotations.store.create(record.id, start, start + 20, [tags[0].id], "", None)
    table = annotations.panel.table
    qtbot.waitUntil(lambda: table.model().rowCount() == len(kinds), timeout=5000)
    column = next(c for c in range(table.model().columnCount())
                  if table.model().headerData(c, Qt.Orientation.Horizontal) == QCoreApplication.translate(
                      "Annotations", "Part"))
    shown = set()
    for row in range(table.model().rowCount()):
        index = table.model().index(row, column)
        option = _cell_option(table, index)
        text = str(index.data())
        assert QFontMetricsF(option.font).horizontalAdvance(text) <= text_width(option, table), (text, size)
        assert str(index.data(Qt.ItemDataRole.ToolTipRole)) in {palette.kind_label(k) for k in kinds}
        shown.add(text)
    assert shown == {part_word(k) for k in kinds} and len(kinds) >= 3
