"""Criterion names whole in the score form (issue 18: '举措具体…' at 1366): a title that does not fit beside the
level buttons gets its own line above them; where it fits, the criterion stays one row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from desktop.gui import i18n
from tests.gui.windows import make_window

pytestmark = pytest.mark.settings({"reviewer/name": "张三"})


@pytest.mark.parametrize("language", [i18n.CHINESE, i18n.ENGLISH])
@pytest.mark.parametrize("size", [QSize(1366, 728), QSize(1280, 680), QSize(1920, 1040)])
def test_every_criterion_title_is_shown_whole(qtbot, settings, seeded_db_path, no_dialogs, size, language):
    w = make_window(qtbot, settings, seeded_db_path, size)
    if language != i18n.ENGLISH:
        assert i18n.set_language(language)
    try:
        panel = w.extensions["scoring"].panel
        QApplication.processEvents()
        boxes = list(panel.boxes.values())
        qtbot.waitUntil(lambda: all(b.title_label.text() == b.title_label.full_text() for b in boxes))
        for box in boxes:
            if not box.title_on_its_own_line():  # beside the controls: on the same row as the score box
                assert abs(box.title_label.geometry().center().y() - box.spin.geometry().center().y()) < 6
            else:  # above them, and only because it would not fit beside them
                assert box.title_label.geometry().bottom() < box.spin.geometry().top()
                assert box.title_label.fontMetrics().horizontalAdvance(box.title_label.full_text()) > (
                    box.width() - box.controls.sizeHint().width() - box.expand_button.width())
        assert not all(b.title_on_its_own_line() for b in boxes)  # short titles keep their one row
    finally:
        i18n.set_language(i18n.ENGLISH)
