"""Translations: the catalog holds every string lupdate finds, translated; the shipped .qm is compiled from it and
loaded as it is; the interface switches language from the settings."""

from __future__ import annotations

import ast
import shutil
import subprocess

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from desktop.gui import dialogs, i18n
from desktop.gui.window.main_window import MainWindow
from desktop.gui.window.settings_dialog import SettingsDialog
from tools import i18n_build

CATALOG = i18n.I18N_DIR / "reviewdesk_zh_CN.ts"


@pytest.fixture
def english_afterwards(qapp):
    yield
    i18n.set_language(i18n.ENGLISH)


def test_every_string_lupdate_finds_is_in_the_catalog_and_translated(tmp_path):
    assert i18n_build.unfinished(CATALOG) == []
    fresh = tmp_path / CATALOG.name
    shutil.copy(CATALOG, fresh)
    i18n_build.extract(fresh)  # the GUI, the core's marked texts and the import reasons, as `update` reads them
    assert i18n_build.unfinished(fresh) == [], "run `python -m tools.i18n_build update` and translate these"
    # Re-extracting adds nothing and drops nothing: the committed catalog is what the sources say.
    assert set(i18n_build.messages(fresh)) == set(i18n_build.messages(CATALOG))


def test_the_check_fails_on_a_new_untranslated_string_and_on_a_blanked_one(tmp_path):
    source = tmp_path / "new_dialog.py"
    source.write_text('from PySide6.QtCore import QCoreApplication\n'
                      'QCoreApplication.translate("NewDialog", "Merge the two reviews")\n'
                      'QCoreApplication.translate("MainWindow", "&File")\n', encoding="utf-8")
    fresh = tmp_path / CATALOG.name
    shutil.copy(CATALOG, fresh)
    i18n_build.extract(fresh, [source])
    assert i18n_build.unfinished(fresh) == [("NewDialog", "Merge the two reviews")]
    text = fresh.read_text(encoding="utf-8")
    assert "<translation>文件(&amp;F)</translation>" in text
    fresh.write_text(text.replace("<translation>文件(&amp;F)</translation>", "<translation> </translation>"),
                     encoding="utf-8")
    assert ("MainWindow", "&File") in i18n_build.unfinished(fresh)


def _literal_calls(tree: ast.AST, cls: str | None = None):
    """(context, source, line) of every tr/translate/QT_TRANSLATE_NOOP call with literal strings in a module."""
    for node in ast.iter_child_nodes(tree):
        inner = node.name if isinstance(node, ast.ClassDef) else cls
        if isinstance(node, ast.Call) and node.args:
            func, args = node.func, node.args
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            pair = None
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                pair = args[0], args[1]
            elif name == "tr" and isinstance(func, ast.Attribute) and inner:
                pair = ast.Constant(inner), args[0]
            if pair and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in pair):
                yield pair[0].value, pair[1].value, node.lineno
        yield from _literal_calls(node, inner)


def test_no_literal_string_is_hidden_from_lupdate():
    """lupdate skips a call inside an f-string or with a call nested in its arguments (``len(x)`` as n), silently;
    every literal translate/tr call of the GUI and the core's marks must reach the catalog."""
    have = set(i18n_build.messages(CATALOG))
    hidden = [f"{path.relative_to(i18n_build.ROOT)}:{line} {context}: {source}"
              for path in [*i18n_build.gui_sources(), *i18n_build.core_sources()]
              for context, source, line in _literal_calls(ast.parse(path.read_text(encoding="utf-8")))
              if (context, source) not in have]
    assert hidden == []


def test_the_shipped_qm_is_compiled_from_the_catalog(tmp_path):
    shipped = i18n.catalog_path(i18n.CHINESE)
    assert shipped.exists(), "the .qm is committed: run `python -m tools.i18n_build release`"
    compiled = i18n_build.release(CATALOG, tmp_path / "fresh.qm")
    assert compiled.read_bytes() == shipped.read_bytes(), "the .qm is stale: run `python -m tools.i18n_build release`"


def test_every_translated_message_reads_the_same_from_the_shipped_qm():
    translator = QTranslator()
    assert translator.load(str(i18n.catalog_path(i18n.CHINESE)))
    found = i18n_build.messages(CATALOG)
    assert len(found) > 800
    for (context, source), text in found.items():
        if "%n" in source and translator.translate(context, source, None, 2) != translator.translate(context, source):
            assert translator.translate(context, source, None, 2) == text.replace("%n", "2"), (context, source)
        else:
            assert translator.translate(context, source) == text, (context, source)
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("CorpusModel", "Missing parts") == "缺少的部分"


def test_the_language_switch_loads_the_shipped_qm_without_compiling(qapp, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"a tool was run at run time: {args}")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    try:
        assert i18n.set_language(i18n.CHINESE)
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        # Qt's file dialog strings that the qtbase catalog shipped with Qt 6 lacks come from ours.
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_auto_follows_the_system_locale():
    assert i18n.resolve(i18n.AUTO, QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == i18n.CHINESE
    assert i18n.resolve(i18n.AUTO, QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == i18n.CHINESE
    assert i18n.resolve(i18n.AUTO, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == i18n.ENGLISH
    assert i18n.resolve(i18n.AUTO, QLocale(QLocale.Language.German)) == i18n.ENGLISH
    assert i18n.resolve(i18n.ENGLISH, QLocale(QLocale.Language.Chinese)) == i18n.ENGLISH
    assert i18n.resolve(i18n.CHINESE, QLocale(QLocale.Language.English)) == i18n.CHINESE


def test_switching_language_in_settings_retranslates_the_open_window(qtbot, settings, seeded_db_path,
                                                                      english_afterwards, monkeypatch):
    shown: list[tuple] = []
    monkeypatch.setattr(dialogs, "warning", lambda *a: shown.append(a))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_database(seeded_db_path)
    assert window.file_menu.title() == "&File"
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.language_choice() == i18n.AUTO
    dialog.set_language_choice(i18n.CHINESE)
    dialog.accept()
    assert shown == []
    assert settings.value(i18n.SETTINGS_KEY) == i18n.CHINESE
    assert i18n.current_language() == i18n.CHINESE
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert window.new_db_action.text() == "新建数据库(&N)…"
    assert window.tabs.tabText(0) == "报告"
    model = window.corpus_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:2] == ["机关", "年度"]
    assert window.corpus_panel.count_label.text() == "5 份报告"
    assert QCoreApplication.translate("dialogs", "Reports (%1);;All files (*)").startswith("报告")
    # ... and back.
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.language_choice() == i18n.CHINESE
    dialog.set_language_choice(i18n.ENGLISH)
    dialog.accept()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.corpus_panel.count_label.text() == "5 reports"


def test_saved_choice_is_applied_at_start(qapp, settings, english_afterwards):
    settings.setValue(i18n.SETTINGS_KEY, i18n.CHINESE)
    assert i18n.apply_saved_language(settings) == i18n.CHINESE
    settings.setValue(i18n.SETTINGS_KEY, "klingon")
    assert i18n.saved_choice(settings) == i18n.AUTO


def test_import_reasons_from_the_core_are_translated(tmp_path):
    """The core's import reasons are templates; the shipped catalog turns them into Chinese, fields filled."""
    from desktop.core.ingest.importer import prepare_file

    translator = QTranslator()
    assert translator.load(str(i18n.catalog_path(i18n.CHINESE)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8")
    failed = prepare_file(empty).outcome
    skipped = prepare_file(photo, from_walk=True).outcome
    assert failed.text() == "the file is empty (0 bytes) — re-save or re-download the report"
    assert failed.text(lambda s: translator.translate("Ingest", s) or s) == "文件是空的（0 字节） — 请重新保存或重新下载该报告"
    assert skipped.text(lambda s: translator.translate("Ingest", s) or s) == "不是报告文件类型（.jpg）"
