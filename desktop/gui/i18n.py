"""The interface language: Simplified Chinese or English, chosen from the system locale or the settings.

Translations are Qt catalogs: ``resources/i18n/reviewdesk_<lang>.ts`` and its compiled ``.qm``, both committed
and kept by ``tools/i18n_build.py`` (developer tooling: the app only loads the .qm, it never compiles). Qt's own
strings (standard buttons, file dialogs) come from the ``qtbase_<lang>.qm`` shipped with PySide6; the few it
lacks are in ours (desktop/gui/dialogs.py ``QT_STRINGS``). Texts the core writes (reasons, where a value was
found) are English templates that :func:`core_text` shows in the interface language. Changing the language at run time sends every widget a
``LanguageChange`` event; widgets re-set their texts in ``changeEvent``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTranslator

from desktop.core.resources import resource_path
from desktop.core.review import phrases
from desktop.gui import palette

I18N_DIR = resource_path("i18n")
SETTINGS_KEY = "ui/language"
AUTO, CHINESE, ENGLISH = "auto", "zh_CN", "en"
CHOICES = (AUTO, CHINESE, ENGLISH)

# Translators installed by set_language; kept here so they can be removed on the next switch.
_installed: list[QTranslator] = []
_current = ENGLISH
_system_default: QLocale | None = None  # the default locale before the first switch (English goes back to it)


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


def current_language() -> str:
    """The language whose catalog is installed now (``zh_CN`` or ``en``)."""
    return _current


def set_language(language: str) -> bool:
    """Install the catalogs for ``zh_CN`` or ``en`` (English needs none); False if the Chinese catalog is missing."""
    global _current, _system_default
    app = QCoreApplication.instance()
    if app is None:  # no application yet: nothing to install into
        return False
    if _system_default is None:
        _system_default = QLocale()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = ENGLISH
    QLocale.setDefault(_system_default)
    if language != CHINESE:
        return True
    ours = QTranslator(app)
    if not ours.load(str(catalog_path(language))):
        return False
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    # Qt's texts that follow the default locale speak Chinese too (the file dialog's file types, from the
    # system's MIME database), whatever the system's locale is
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _current = CHINESE
    return True


def apply_saved_language(settings: QSettings) -> str:
    """Install the language the settings ask for (or the system's); return the language now shown."""
    set_language(resolve(saved_choice(settings)))
    return _current


def core_text(text: str) -> str:
    """A reason or source the core wrote (English templates, desktop.core.review.phrases) in the interface
    language; a piece no template knows (a value quoted from the report) is shown as it is."""
    def translate(source: str) -> str:
        return QCoreApplication.translate(phrases.CONTEXT, source)

    return phrases.parse(text).render(translate, palette.kind_label)


def in_language(chinese: str, english: str) -> str:
    """Data kept in both languages (rubric, codebook): the Chinese text in the Chinese interface, the English
    one (when there is one) in the English interface."""
    return english if _current == ENGLISH and english else chinese


class _LanguageWatch(QObject):
    """Calls back on each LanguageChange event of the object it watches (see :func:`follow_language`)."""

    def __init__(self, owner: QObject, retranslate: Callable[[], object]) -> None:
        super().__init__(owner)
        self._retranslate = retranslate

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


def follow_language(window: QObject, owner: QObject, retranslate: Callable[[], object]) -> None:
    """Call ``retranslate`` each time ``window`` is told the interface language changed, for as long as ``owner``
    lives: what a widget does in its own ``changeEvent``, for a feature's controller, which is not a widget."""
    window.installEventFilter(_LanguageWatch(owner, retranslate))
