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
