"""ReportView on real widgets: each seed, outline and banner navigation, clutter, selection, search, marks."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor, QTextDocumentFragment

from desktop.core.compare.alignment import part_refs
from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document
from desktop.core.storage.search import find_hits
from desktop.gui.reading.report_view import ReportView
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"


@pytest.fixture
def view(qtbot):
    w = ReportView()
    w.resize(1200, 800)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def visible_text(record, hide_clutter=True):
    """The record's text with whole clutter lines (and the blank lines after them) removed."""
    from desktop.core.compare.textmap import TextMap, whole_line_spans

    spans = whole_line_spans(record.text, [(c.start, c.end) for c in record.clutter]) if hide_clutter else []
    return TextMap(len(record.text), spans).display_text(record.text)


def plain(label) -> str:
    """What a rich-text label shows."""
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText().replace("\xa0", " ")


def top_offset(view) -> int:
    """The document offset of the first line in view."""
    return view.text.offset_at_y(2)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_shows_each_seed(view, records, prefix):
    record = records[prefix]
    view.show_document(record)
    assert view.current_document() is record
    assert view.text.toPlainText() == visible_text(record)
    assert view.header.title.text() == (record.summary.title or record.summary.name)
    assert view.outline_model.rowCount() > 0
    assert set(view.legend.chips) == set(part_refs(record.sections))
    kinds = [b.kind for b in view.header.banners]
    nested = [s.kind for s in record.sections if s.placement in ("subsection", "inline")]
    assert kinds == list(record.summary.missing) + nested
    assert view.selection() == (-1, -1)


def test_metadata_header_shows_values_and_timeliness(view, records):
    view.show_document(records["001"])
    meta = plain(view.header.meta)
    for value in ("梨树县政务服务和数字化建设管理局", "2025", "2025-12-05", "2026-02-05"):
        assert value in meta
    assert view.header.on_time.text() == "Published on time"
    assert view.header.on_time.toolTip() == "published 2026-02-05, deadline 2026-04-01"
    view.show_document(records["000"])
    meta = plain(view.header.meta)
    assert "吉政数文〔2026〕11号" in meta and "Published —" in meta
    assert view.header.on_time.text() == "Timeliness unknown"


def assert_scrolled_to(view, offset: int) -> None:
    """The line of ``offset`` is in view and at the top (below a line of context), unless the text ends first.

    Whether the text can scroll that far depends on the machine's fonts and the window size, so both are accepted:
    at the top, or scrolled to the very end with the line visible.
    """
    y = view.text.y_of_offset(offset)
    line = view.text.fontMetrics().lineSpacing()
    bar = view.text.verticalScrollBar()
    assert 0 <= y < view.text.viewport().height() - line, (y, view.text.viewport().height())
    assert y < 3 * line or bar.value() == bar.maximum(), (y, bar.value(), bar.maximum())


def test_outline_click_scrolls_to_the_heading(view, records, qtbot):
    record = records["003"]
    view.show_document(record)
    plan = next(h for h in record.outline if h.text.startswith("二、2023年度"))
    index = view.outline_model.index(1, 0)
    assert index.data() == plan.text
    rect = view.outline.visualRect(index)
    with qtbot.waitSignal(view.navigated) as blocker:
        qtbot.mouseClick(view.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [plan.start]
    assert_scrolled_to(view, plan.start)
    assert top_offset(view) <= plan.start
    assert view.text.display_marks("flash")


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_banner_link_scrolls_to_the_leaders_duty_subsection(view, records, qtbot, prefix):
    record = records[prefix]
    view.show_document(record)
    subsection = next(s for s in record.sections if s.kind == "leader_duty")
    assert subsection.placement == "subsection"
    banner = next(b for b in view.header.banners if b.kind == "leader_duty")
    assert "only a subsection of" in plain(banner.label)
    href = re.search(r'href="([^"]+)"', banner.label.text()).group(1)
    bar = view.text.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert view.text.y_of_offset(subsection.start) < 0  # out of view, above
    with qtbot.waitSignal(view.navigated) as blocker:
        banner.label.linkActivated.emit(href)
    assert blocker.args == [subsection.start]
    assert_scrolled_to(view, subsection.start)


def test_missing_part_banner(view, records):
    view.show_document(records["000"])
    banner = next(b for b in view.header.banners if b.kind == "leader_duty")
    # not confirmed by a reviewer yet: marked for checking (the 请核对 mark, no candidate passage to link to)
    assert plain(banner.label) == "Missing required part: Leaders' duty 【请核对】"
    assert banner.offset == -1


def test_legend_chip_goes_to_the_part(view, records, qtbot):
    record = records["000"]
    view.show_document(record)
    start = part_refs(record.sections)["shortcomings"].start
    with qtbot.waitSignal(view.part_chosen) as blocker:
        qtbot.mouseClick(view.legend.chips["shortcomings"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["shortcomings"]
    assert_scrolled_to(view, start)


def test_clutter_is_hidden_by_default_and_shown_on_demand(view, records, qtbot):
    record = records["001"]
    view.show_document(record)
    assert record.clutter and "governor" not in view.text.toPlainText()
    assert "[纠错]" not in view.text.toPlainText()
    assert view.legend.clutter.isEnabled() and "5" in view.legend.clutter.text()
    with qtbot.waitSignal(view.clutter_toggled) as blocker:
        qtbot.mouseClick(view.legend.clutter, Qt.MouseButton.LeftButton)
    assert blocker.args == [True] and view.clutter_visible()
    assert view.text.toPlainText() == record.text
    assert view.text.verticalScrollBar().value() == 0  # the clutter above the title is in view
    view.set_clutter_visible(False)
    assert view.text.toPlainText() == visible_text(record)
    view.show_document(records["000"])
    assert not view.legend.clutter.isEnabled()


def drag_select(qtbot, pane, a: int, b: int) -> None:
    """Select display positions [a, b) with the mouse, as a reader would."""
    def point(pos, dx):
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pos)
        return pane.cursorRect(cursor).center() + QPoint(dx, 0)

    viewport = pane.viewport()
    # just inside the first character, and just inside the last one
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point(a, 2))
    qtbot.mouseMove(viewport, pos=point(b, -2))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point(b, -2))


def test_selection_signal_gives_document_offsets_with_clutter_hidden(view, records, qtbot):
    record = records["001"]
    view.show_document(record)
    phrase = "梨树县政数局坚持以习近平新时代中国特色社会主义思想为指导"
    display_at = view.text.toPlainText().index(phrase)
    document_at = record.text.index(phrase)
    assert display_at < document_at  # hidden clutter precedes it
    with qtbot.waitSignal(view.selection_changed, check_params_cb=lambda a, b: b - a == len(phrase)) as blocker:
        drag_select(qtbot, view.text, display_at, display_at + len(phrase))
    a, b = blocker.args
    assert (a, b) == (document_at, document_at + len(phrase))
    assert record.text[a:b] == phrase
    assert view.selection() == (a, b)
    # with the clutter shown the same words have the same document offsets
    view.set_clutter_visible(True)
    assert view.selection() == (a, b)
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.text.moveCursor(QTextCursor.MoveOperation.Start)
    assert blocker.args == [-1, -1]


def test_selection_across_hidden_clutter_maps_to_the_document_span(view, records):
    record = records["001"]
    view.show_document(record)
    shown = view.text.toPlainText()
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(0)
    cursor.setPosition(len(shown), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    a, b = view.selection()
    first_clutter = record.clutter[0]
    assert a >= first_clutter.end  # the hidden clutter at the top is not part of the selection
    assert record.text[a:b].strip().startswith(record.summary.title)


def test_search_highlight_marks_every_hit(view, records, qtbot):
    record = records["002"]
    view.show_document(record)
    expected, hits = find_hits(record.text, "法治")
    assert view.highlight_query("法治") == expected > 3
    marks = view.text.display_marks("search")
    shown = view.text.toPlainText()
    assert len(marks) == expected
    assert all(shown[a:b] == "法治" for a, b, _key, _lane in marks)
    assert view.legend.hits.text() == f"{expected} hits"
    assert view.hit_spans()[0] == (hits[0].start, hits[0].end)
    qtbot.mouseClick(view.legend.next_hit, Qt.MouseButton.LeftButton)
    assert view.text.textCursor().position() == view.text.textmap.to_display(hits[1].start)
    assert view.highlight_query("没有这个词组") == 0 and view.text.display_marks("search") == []
    view.highlight_query("")
    assert view.legend.hits.isHidden()


def test_search_with_clutter_hidden_marks_only_visible_hits(view, records):
    record = records["001"]
    view.show_document(record)
    total, _hits = find_hits(record.text, "梨树县")
    view.highlight_query("梨树县")
    shown = view.text.toPlainText()
    marks = view.text.display_marks("search")
    assert 0 < len(marks) < total  # hits inside the hidden source line and repeated title are not drawn
    assert all(shown[a:b] == "梨树县" for a, b, _key, _lane in marks)


def test_annotation_marks_overlap_on_separate_lanes_and_click(view, records, qtbot):
    record = records["001"]
    view.show_document(record)
    phrase = "构建“主要领导负总责、分管领导牵头抓、股室具体落实”的责任体系"
    at = record.text.index(phrase)
    marks = [(at, at + 20, QColor("#e53935"), "a1"), (at + 10, at + 30, QColor("#1e88e5"), "a2"),
             (at + 12, at + 16, QColor("#43a047"), "a3")]
    view.set_annotation_marks(marks)
    drawn = view.text.display_marks("annotations")
    assert sorted(key for _a, _b, key, _lane in drawn) == ["a1", "a2", "a3"]
    assert len({lane for _a, _b, _key, lane in drawn}) == 3  # three overlapping marks, three underline lanes
    shown = view.text.toPlainText()
    a1 = next(m for m in drawn if m[2] == "a1")
    assert shown[a1[0]:a1[1]] == record.text[at:at + 20]
    view.scroll_to_offset(at)
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view.text.textmap.to_display(at + 14))
    inside_a3 = view.text.cursorRect(cursor).center() + QPoint(3, 0)
    with qtbot.waitSignal(view.mark_clicked) as blocker:
        qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton, pos=inside_a3)
    assert blocker.args == ["a3"]  # the innermost mark under the pointer
    cursor.setPosition(view.text.textmap.to_display(at + 25))
    with qtbot.waitSignal(view.mark_clicked) as blocker:
        qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.text.cursorRect(cursor).center() + QPoint(3, 0))
    assert blocker.args == ["a2"]
    # marks survive showing the clutter (they are kept in document offsets)
    view.set_clutter_visible(True)
    shown = view.text.toPlainText()
    a1 = next(m for m in view.text.display_marks("annotations") if m[2] == "a1")
    assert shown[a1[0]:a1[1]] == record.text[at:at + 20]


def test_kind_labels_are_the_core_names(qapp):
    from desktop.core.segmentation.classify import KIND_LABELS
    from desktop.gui import palette

    assert {k: palette.kind_label(k) for k in KIND_LABELS} == {k: en for k, (_zh, en) in KIND_LABELS.items()}


def test_switching_language_retranslates_the_view(view, records, qtbot):
    from desktop.gui import i18n

    view.show_document(records["000"])
    view.highlight_query("法治")
    if not i18n.set_language(i18n.CHINESE):
        pytest.skip("the Chinese catalog could not be compiled here")
    try:
        qtbot.waitUntil(lambda: view.legend.outline_toggle.text() == "目录")
        assert "机关" in plain(view.header.meta)
        assert view.legend.hits.text().endswith("处命中")
        assert view.header.banners and view.text.display_marks("search")
    finally:
        i18n.set_language(i18n.ENGLISH)
    qtbot.waitUntil(lambda: view.legend.outline_toggle.text() == "Outline")
    assert "Agency" in plain(view.header.meta)


def test_a_report_on_a_single_line_is_tinted_part_by_part(view, records, tmp_path):
    path = tmp_path / "one_line.txt"
    path.write_text(" ".join(records["002"].text.split()), encoding="utf-8")
    db = open_database(":memory:")
    record = get_document(db, import_paths(db, [path]).outcomes[0].document_id)
    db.conn.close()
    parts = [s for s in record.sections if s.placement == "section"]
    assert len(parts) >= 4 and record.text.count("\n") <= 1
    view.show_document(record)
    assert view.text.toPlainText() == visible_text(record)
    from desktop.gui import palette

    for part in parts:  # the parts share one line: each is tinted on its own characters
        cursor = QTextCursor(view.text.document())
        cursor.setPosition(view.text.textmap.to_display((part.start + part.end) // 2))
        assert cursor.charFormat().background().color() == palette.kind_colors(part.kind).tint


def test_parts_on_their_own_lines_are_tinted_as_bands(view, records):
    from desktop.gui.reading.text_pane import KIND_PROPERTY

    record = records["001"]
    view.show_document(record)
    for part in (s for s in record.sections if s.placement == "section"):
        for offset in (part.start, (part.start + part.end) // 2, part.end - 1):
            block = view.text.document().findBlock(view.text.textmap.to_display(offset))
            assert block.blockFormat().property(KIND_PROPERTY) == part.kind
    title = view.text.document().findBlock(view.text.toPlainText().index(record.summary.title))
    assert title.blockFormat().property(KIND_PROPERTY) == "preamble"
    # text outside every part (the clutter, when shown) carries no tint
    view.set_clutter_visible(True)
    assert not view.text.document().firstBlock().blockFormat().property(KIND_PROPERTY)



def test_an_extra_mark_layer_and_selecting_a_span(view, records, qtbot):
    record = records["000"]
    view.show_document(record)
    phrase = "仍有提升空间"
    at = record.text.index(phrase)
    view.text.set_marks("aids", [(at, at + len(phrase), QColor(150, 110, 255, 70), "stock")], underline=True)
    shown = view.text.toPlainText()
    ((a, b, key, _lane),) = view.text.display_marks("aids")
    assert shown[a:b] == phrase and key == "stock"
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.select_span(at, at + len(phrase))
    assert blocker.args == [at, at + len(phrase)]
    view.text.set_marks("aids", [])
    assert view.text.display_marks("aids") == []
