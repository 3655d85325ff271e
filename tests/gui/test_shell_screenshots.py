"""The screenshot script starts the real app on a fresh seeded database and writes the three PNGs."""

from __future__ import annotations

from PySide6.QtGui import QImage

from tools import screenshots


def test_screenshots_are_written(qapp, tmp_path, no_dialogs):
    written = screenshots.take(tmp_path / "shots", "en")
    assert [p.name for p in written] == ["main_window.png", "report_view.png", "compare_view.png"]
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 600 and image.height() >= 400
    assert no_dialogs == []


def test_layout_screenshots_are_written_at_the_size_asked(qapp, tmp_path, no_dialogs):
    written = screenshots.take_layout(tmp_path / "shots", 1366, 768, "small", "en")
    assert [p.name for p in written] == ["layout-small-report.png", "layout-small-side-by-side.png",
                                         "layout-small-annotating.png", "layout-small-reading.png",
                                         "layout-small-scoring.png"]
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 600
