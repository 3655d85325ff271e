"""Every visible string follows a live language switch: the widgets are walked after switching to Chinese and no
text may still be an English source of the catalog (a string set once and never re-set)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QGroupBox, QLabel, QLineEdit, QMenu, QWidget

from desktop.core.resources import resource_path
from desktop.gui import i18n
from tests.gui.windows import make_window


def english_sources() -> list[re.Pattern]:
    """Patterns of the catalog's sources whose Chinese text differs (placeholders %1… match anything)."""
    ts = resource_path("i18n", "reviewdesk_zh_CN.ts").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"<message[^>]*>(.*?)</message>", ts, flags=re.S):
        source = re.search(r"<source>(.*?)</source>", block, flags=re.S)
        translation = re.search(r"<translation[^>]*>(.*?)</translation>", block, flags=re.S)
        if not source or not translation:
            continue
        src, tr = html.unescape(source.group(1)), html.unescape(translation.group(1))
        if src == tr or len(src) < 4 or not re.search(r"[A-Za-z]{3}", src):
            continue
        pattern = re.escape(src.replace("&", "")).replace("%n", ".+?")
        out.append(re.compile(re.sub(r"%\d", ".+?", pattern) + r"\Z", flags=re.S))
    return out


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a reviewer can read in the window, its docks and its menus."""
    texts: list[tuple[str, str]] = []
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.RichText:
            texts.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            texts.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            texts.append((name, w.title()))
        elif isinstance(w, QDockWidget):
            texts.append((name, w.windowTitle()))
        elif isinstance(w, QLineEdit):
            texts.append((name + " placeholder", w.placeholderText()))
        if w.toolTip() and not isinstance(w, QMenu):
            texts.append((name + " tooltip", w.toolTip()))
    for menu in window.findChildren(QMenu):
        texts.append(("menu", menu.title()))
        texts += [("menu entry", a.text()) for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    tabs = window.tabs
    texts += [("tab", tabs.tabText(i)) for i in range(tabs.count())]
    return [(where, t.replace("&", "")) for where, t in texts if t]


def test_every_visible_string_follows_a_live_language_switch(qtbot, tmp_path, seeded_db_path, no_dialogs):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "张三")
    w = make_window(qtbot, settings, seeded_db_path, QSize(1600, 1000))
    annotations = w.extensions["annotations"]
    annotations.segments.show()
    annotations.refresh_segments()
    w.extensions["scoring"].panel.boxes["measures"].expand_button.click()
    assert i18n.set_language(i18n.CHINESE)
    try:
        QApplication.processEvents()
        qtbot.waitUntil(lambda: w.file_menu.title() == "文件(&F)")
        patterns = english_sources()
        left = [(where, text) for where, text in visible_texts(w) if any(p.match(text) for p in patterns)]
        count = annotations.segments.count.text()
    finally:
        i18n.set_language(i18n.ENGLISH)  # while the window and its database are still open
    assert "段" in count or "份" in count  # "1 passage(s) in 1 report(s)" translated too
    assert left == [], "\n".join(f"{w}: {t}" for w, t in left)
