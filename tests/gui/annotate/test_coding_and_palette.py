"""Coding stripes in the margin, tag colours legible on every part tint (WCAG contrast), empty annotations refused."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core.resources import resource_path
from desktop.gui import palette
from desktop.gui.annotate.codebook_dialog import NEW_TAG_COLORS
from desktop.gui.annotate.editor import AnnotationEditor


def test_contrast_ratio_follows_wcag():
    assert round(palette.contrast_ratio(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert palette.contrast_ratio(QColor("#777777"), QColor("#777777")) == 1.0
    assert round(palette.contrast_ratio(QColor("#767676"), QColor("#ffffff")), 2) == 4.54  # WCAG's own example


def test_every_tag_colour_keeps_3_to_1_against_every_part_tint():
    codebook = resource_path("codebook.toml").read_text(encoding="utf-8")
    colors = re.findall(r'color = "(#[0-9a-fA-F]{6})"', codebook) + list(NEW_TAG_COLORS)
    assert len(colors) >= 10
    for color in colors:
        worst = min(palette.contrast_ratio(QColor(color), bg) for bg in palette.backgrounds())
        assert worst >= palette.MIN_TAG_CONTRAST, (color, round(worst, 2))


def test_any_colour_is_drawn_legibly():
    # An old database may hold a light orange tag; drawn, it is darkened until it stands out on the orange tint.
    for color in ("#e07b39", "#ffd84d", "#42d4f4", "#ffffff", "#2c3e50"):
        shown = palette.legible_tag_color(color)
        assert min(palette.contrast_ratio(shown, bg) for bg in palette.backgrounds()) >= 3.0
    assert palette.legible_tag_color("#2c3e50").name() == "#2c3e50"  # a dark colour is kept as it is


def test_coding_stripes_show_which_tags_apply_where(env, qtbot):  # noqa: F811
    env.open_document(env.docs["001"])
    start, end = env.select("法治")
    tag_ids = list(env.tags.values())[:2]
    text = env.view.text
    before = (text.viewport().geometry(), text.column_width(), text.cursorRect().topLeft())
    env.store.create(env.view.current_document().id, start, end + 40, tag_ids, "", None)
    env.store.create(env.view.current_document().id, start + 5, end + 10, tag_ids[:1], "", None)
    qtbot.waitUntil(lambda: len(env.view.text.coding_stripes()) == 3)
    stripes = env.view.text.coding_stripes()
    assert len({lane for *_x, lane in stripes}) == 3  # overlapping bars get their own lanes
    names = {t.id: t.name for t in env.store.tags()}
    assert {label for _a, _b, label, _l in stripes} == {names[t] for t in tag_ids}
    # The bars are drawn in the room the page keeps for them: the text did not move sideways nor rewrap.
    assert (text.viewport().geometry(), text.column_width(), text.cursorRect().topLeft()) == before
    env.view.scroll_to_offset(start)
    qtbot.waitUntil(lambda: len(env.view.text.coding_bars()) == 3)
    top = min(bar[1] for bar in env.view.text.coding_bars())
    assert names[tag_ids[0]] in env.view.text.coding_labels_at(int(top) + 2)


def test_an_empty_annotation_is_refused_in_the_editor(qtbot, env):  # noqa: F811
    editor = AnnotationEditor("一段文字", env.store.tags(), None, ())
    qtbot.addWidget(editor)
    editor.show()
    editor.buttons.accepted.emit()
    assert editor.isVisible() and editor.refusal.isVisible()
    assert "tag" in editor.refusal.text()
    qtbot.keyClick(editor.tag_list, Qt.Key.Key_1)
    editor.buttons.accepted.emit()
    assert not editor.isVisible()
