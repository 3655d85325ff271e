"""The interface language: Simplified Chinese or English, chosen from the system locale or the settings.

Translations are Qt catalogs: ``resources/i18n/reviewdesk_<lang>.ts`` (committed) compiled to ``.qm`` by
``desktop/i18n_build.py`` during setup. Qt's own strings (standard buttons, file dialogs) come from the
``qtbase_<lang>.qm`` shipped with PySide6. Changing the language at run time sends every widget a
``LanguageChange`` event; widgets re-set their texts in ``changeEvent``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.core import resources
from desktop.core.resources import resource_path

I18N_DIR = resource_path("i18n")
SETTINGS_KEY = "ui/language"
AUTO, CHINESE, ENGLISH = "auto", "zh_CN", "en"
CHOICES = (AUTO, CHINESE, ENGLISH)

# Translators installed by set_language; kept here so they can be removed on the next switch.
_installed: list[QTranslator] = []
_current = ENGLISH


def choice_label(choice: str) -> str:
    """How a language choice is shown in the settings (each language in its own words)."""
    if choice == CHINESE:
        return "中文（简体）"
    if choice == ENGLISH:
        return "English"
    return QCoreApplication.translate("i18n", "Automatic (system language)")


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language to show for a settings choice: ``auto`` follows the locale (Chinese → zh_CN, else en)."""
    if choice in (CHINESE, ENGLISH):
        return choice
    locale = locale or QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def saved_choice(settings: QSettings) -> str:
    value = str(settings.value(SETTINGS_KEY, AUTO) or AUTO)
    return value if value in CHOICES else AUTO


def catalog_path(language: str) -> Path:
    return I18N_DIR / f"reviewdesk_{language}.qm"


def _catalog_is_stale(language: str) -> bool:
    """A checkout's .qm older than its .ts (an installed copy ships its compiled catalog; never rebuilt there)."""
    if resources.installed():
        return False
    qm, ts = catalog_path(language), I18N_DIR / f"reviewdesk_{language}.ts"
    return ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)


def current_language() -> str:
    """The language whose catalog is installed now (``zh_CN`` or ``en``)."""
    return _current


def set_language(language: str) -> bool:
    """Install the catalogs for ``zh_CN`` or ``en`` (English needs none); False if the Chinese catalog is missing.

    A missing or outdated ``.qm`` is compiled on the spot when the Qt tools are available (setup does it too).
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:  # no application yet: nothing to install into
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = ENGLISH
    if language != CHINESE:
        return True
    if _catalog_is_stale(language):
        from desktop import i18n_build

        try:
            i18n_build.build()
        except Exception:  # a read-only install keeps the .qm it has; English is the fallback
            pass
    ours = QTranslator(app)
    if not ours.load(str(catalog_path(language))):
        return False
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    _current = CHINESE
    return True


def apply_saved_language(settings: QSettings) -> str:
    """Install the language the settings ask for (or the system's); return the language now shown."""
    set_language(resolve(saved_choice(settings)))
    return _current
