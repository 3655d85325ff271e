"""Every step by key (issue 18): in each menu of the whole window, no two entries share an Alt letter, in English and
in Chinese — with two, the letter only cycles between them and Enter is needed, so the key a reviewer learnt stops
working when a feature adds an entry."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QMenu

from desktop.gui import i18n
from tests.gui.windows import make_window

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The Alt letter of a menu text ("&&" is a literal ampersand), upper-cased."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def clashes(menu: QMenu, path: str) -> list[str]:
    """Letters used by more than one visible entry of this menu and, recursively, of its submenus."""
    menu.aboutToShow.emit()  # menus filled on show (recent files, language) fill now
    by_letter: dict[str, list[str]] = defaultdict(list)
    out: list[str] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = mnemonic(action.text())
        if letter:
            by_letter[letter].append(action.text())
        if action.menu() is not None:
            out += clashes(action.menu(), f"{path} › {action.text()}")
    out += [f"{path}: {letter} in {texts}" for letter, texts in by_letter.items() if len(texts) > 1]
    return out


def test_mnemonic_helper_reads_letters_as_qt_does():
    assert mnemonic("Open &Recent") == "R"
    assert mnemonic("最近打开(&R)") == "R"
    assert mnemonic("Save && &Close") == "C"
    assert mnemonic("No letter") is None


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_no_two_entries_of_a_menu_share_an_alt_letter(qtbot, tmp_path, seeded_db_path, language):
    db = tmp_path / "评阅.sqlite3"
    shutil.copy(seeded_db_path, db)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "张三")
    w = make_window(qtbot, settings, db, QSize(1600, 1000))
    try:
        assert i18n.set_language(language)
        QApplication.processEvents()
        found = clashes_of_window(w)
        assert found == [], "\n".join(found)
        top = [mnemonic(a.text()) for a in w.menuBar().actions() if a.isVisible() and mnemonic(a.text())]
        assert len(top) == len(set(top)), [a.text() for a in w.menuBar().actions()]
    finally:
        i18n.set_language(i18n.ENGLISH)


def clashes_of_window(w) -> list[str]:
    out: list[str] = []
    for action in w.menuBar().actions():
        if action.menu() is not None:
            out += clashes(action.menu(), action.text())
    return out
