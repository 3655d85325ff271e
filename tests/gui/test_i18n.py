"""Translations: the catalog is complete, compiles, and the interface switches language from the settings."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator

from desktop import i18n_build
from desktop.gui import dialogs, i18n
from desktop.gui.main_window import MainWindow
from desktop.gui.window.settings_dialog import SettingsDialog

CATALOG = i18n.I18N_DIR / "reviewdesk_zh_CN.ts"
# The shell's modules; their strings must all be in the catalog, translated.
SHELL_MODULES = ["app", "main_window", "corpus/corpus_model", "corpus/corpus_panel", "corpus/search_panel", "workers",
                 "corpus/import_controller", "window/keyboard", "dialogs", "window/fonts", "i18n", "window/settings_dialog"]


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def english_afterwards(qapp):
    yield
    i18n.set_language(i18n.ENGLISH)


def test_every_message_in_the_catalog_is_translated():
    assert CATALOG.exists()
    assert i18n_build.unfinished(CATALOG) == []


def test_the_shell_strings_are_all_in_the_catalog(tmp_path):
    if i18n_build._tool("lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "reviewdesk_zh_CN.ts"
    shutil.copy(CATALOG, fresh)
    sources = [i18n_build.GUI_DIR / f"{name}.py" for name in SHELL_MODULES]
    assert i18n_build.update([fresh], sources) == 0
    # Re-extracting the shell's sources into a copy of the catalog finds nothing new to translate.
    assert i18n_build.unfinished(fresh) == []


def test_the_compiled_catalog_translates(qapp, tmp_path):
    tool = i18n_build._lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    import subprocess

    qm = tmp_path / "zh.qm"
    subprocess.run([*tool, "-silent", str(CATALOG), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("CorpusModel", "Missing parts") == "缺少的部分"


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


def test_handover_files_fill_and_extend_the_catalog(qapp, tmp_path):
    ts = tmp_path / "reviewdesk_zh_CN.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">\n'
                  "<context><name>Aids</name><message><source>Cause given: </source>"
                  '<translation type="unfinished"></translation></message></context></TS>\n', encoding="utf-8")
    tsv = tmp_path / "i18n-aids.tsv"
    tsv.write_text("# comment\ncontext\tsource\ttranslation\nAids\tCause given: \t已说明原因：\n"
                   "Aids\t%n item(s)\t%n 项\nScores\tFirst line\\nsecond\t第一行\\n第二行\n", encoding="utf-8")
    assert i18n_build.merge_handover(ts, [tsv]) == 3
    assert i18n_build.unfinished(ts) == []
    entries = i18n_build.read_handover([tsv])
    assert entries[("Scores", "First line\nsecond")] == "第一行\n第二行"
    assert i18n_build.merge_handover(ts, [tsv]) == 0  # nothing left to change
    if i18n_build._lrelease() is None:
        return
    import subprocess

    qm = tmp_path / "x.qm"
    subprocess.run([*i18n_build._lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Aids", "%n item(s)", "", 4) == "4 项"
        assert QCoreApplication.translate("Scores", "First line\nsecond") == "第一行\n第二行"
    finally:
        qapp.removeTranslator(translator)


def test_import_reasons_from_the_core_are_translated(tmp_path):
    """The core's import reasons are templates; the compiled catalog turns them into Chinese, fields filled."""
    tool = i18n_build._lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    import subprocess

    from desktop.core.ingest.importer import prepare_file

    qm = tmp_path / "zh.qm"
    subprocess.run([*tool, "-silent", str(CATALOG), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8")
    failed = prepare_file(empty).outcome
    skipped = prepare_file(photo, from_walk=True).outcome
    assert failed.text() == "the file is empty (0 bytes) — re-save or re-download the report"
    assert failed.text(lambda s: translator.translate("Ingest", s) or s) == "文件是空的（0 字节） — 请重新保存或重新下载该报告"
    assert skipped.text(lambda s: translator.translate("Ingest", s) or s) == "不是报告文件类型（.jpg）"
