"""Check that some installed font can show Chinese; if none can, tell the user what to install.

Without a CJK font Qt draws every Chinese character as an empty box, silently. The reports, the agency
names and the Chinese interface all need one, so the app checks at start-up and says what to do.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QWidget

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


def check_fonts(parent: QWidget | None) -> bool:
    """True when a Chinese font exists; otherwise warn through :mod:`dialogs` and return False."""
    if has_cjk_font():
        return True
    dialogs.warning(parent, QCoreApplication.translate("fonts", "No Chinese font found"), missing_font_message())
    return False
