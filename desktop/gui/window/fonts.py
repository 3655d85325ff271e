"""Check that some font can show Chinese; if none is installed, use the bundled one or say what to install.

Without a CJK font Qt draws every Chinese character as an empty box, silently. The reports, the agency
names and the Chinese interface all need one, so the app checks at start-up. When the machine has none, the
font the PDF export embeds (WenQuanYi Micro Hei, bundled in resources/fonts/) is registered with
Qt and added to the application font's fallbacks; only when that is missing too is the user warned.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from desktop.gui import dialogs

SAMPLE = "法治政府建设年度报告"


def cjk_families() -> list[str]:
    """Installed font families that declare Simplified Chinese support."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def has_cjk_font() -> bool:
    return bool(cjk_families())


def install_hint() -> str:
    """The command (or step) that installs a Chinese font on this platform."""
    if sys.platform.startswith("linux"):
        return "sudo apt install fonts-noto-cjk"
    if sys.platform == "darwin":
        return QCoreApplication.translate("fonts", "macOS includes Chinese fonts (PingFang SC); reinstall them "
                                                   "from Font Book if they were removed")
    return QCoreApplication.translate("fonts", "Settings > Time & language > Language: add 中文(简体) "
                                               "(its supplemental fonts)")


def missing_font_message() -> str:
    """What the user is told when no Chinese font is installed: what is wrong and what to do."""
    return QCoreApplication.translate(
        "fonts",
        "No font on this computer can show Chinese characters, so report texts and Chinese labels would appear "
        "as empty boxes.\n\nInstall a Chinese font, then restart ReviewDesk. On Debian or Ubuntu:\n\n    %1\n\n"
        "(other systems: install Noto Sans CJK SC or Source Han Sans SC)",
    ).replace("%1", install_hint())


def load_bundled_font() -> str | None:
    """Register the bundled Chinese font with Qt as a fallback of the application font; its family or None."""
    from desktop.core.export.fonts import bundled_font_path

    path = bundled_font_path()
    if path is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = app.font()
        font.setFamilies([*font.families(), families[0]])
        app.setFont(font)
    return families[0]


def check_fonts(parent: QWidget | None) -> bool:
    """True when Chinese can be shown (an installed font, or the bundled one loaded now); otherwise warn
    through :mod:`dialogs` and return False."""
    if has_cjk_font() or load_bundled_font():
        return True
    dialogs.warning(parent, QCoreApplication.translate("fonts", "No Chinese font found"), missing_font_message())
    return False
