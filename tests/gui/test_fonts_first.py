"""On a machine without a Chinese font the bundled one is registered when the application is made, before any
widget is laid out (a widget laid out earlier kept drawing boxes)."""

from __future__ import annotations

from desktop.gui import app as app_module
from desktop.gui.window import fonts


def test_the_bundled_font_is_registered_before_any_window(qapp, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(fonts, "has_cjk_font", lambda: False)
    monkeypatch.setattr(fonts, "load_bundled_font", lambda: calls.append("loaded") or "WenQuanYi Micro Hei")
    assert app_module.application() is qapp
    assert calls == ["loaded"]


def test_an_installed_chinese_font_is_used_as_it_is(qapp, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(fonts, "has_cjk_font", lambda: True)
    monkeypatch.setattr(fonts, "load_bundled_font", lambda: calls.append("loaded") or None)
    app_module.application()
    assert calls == []


def test_every_character_of_the_interface_is_in_the_bundled_font():
    """A machine with no font but the bundled one draws any character it lacks as an empty box: the interface's
    own strings (its sources and the Chinese catalog) use only characters it has (⚠ ✎ ⚑ ▸ were boxes)."""
    from pathlib import Path

    from fontTools.ttLib import TTCollection

    from desktop.core.export.fonts import bundled_font_path
    from tests.conftest import ROOT

    path = bundled_font_path()
    assert path is not None
    has = TTCollection(str(path)).fonts[0].getBestCmap()
    sources = [*Path(ROOT, "desktop", "gui").rglob("*.py"), Path(ROOT, "resources", "i18n", "reviewdesk_zh_CN.ts")]
    lacking = {f"{ch} U+{ord(ch):04X} in {p.relative_to(ROOT)}" for p in sources
               for ch in p.read_text(encoding="utf-8") if ord(ch) > 0x7F and ord(ch) not in has}
    assert sorted(lacking) == []
