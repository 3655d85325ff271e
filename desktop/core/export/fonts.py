"""A Chinese font for the pdf export, found without relying on the fonts of the machine.

The first choice is WenQuanYi Micro Hei (文泉驿微米黑, Apache 2.0 / GPLv3 with font exception), a TrueType collection
bundled as ``resources/fonts/wqy-microhei.ttc`` with its licence: reportlab embeds the glyphs used (a subset), so
the pdf looks the same everywhere and its text is extractable. Should the file be missing (a damaged install),
reportlab's built-in CID font STSong-Light is used: not embedded (viewers substitute a Song face), but still
extractable text.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from desktop.core.resources import resource_path

EMBEDDED_NAME = "ReviewDeskCJK"
CID_NAME = "STSong-Light"
BUNDLED_FILE = "wqy-microhei.ttc"
_lock = threading.Lock()
_registered: str | None = None


def bundled_font_path() -> Path | None:
    """The bundled CJK TrueType collection (``resources/fonts/``), or None when it is missing from the install."""
    path = resource_path("fonts", BUNDLED_FILE)
    return path if path.is_file() else None


def cjk_font_name() -> str:
    """Register (once) and return the name of the font the pdf export sets Chinese text in."""
    global _registered
    with _lock:
        if _registered:
            return _registered
        path = bundled_font_path()
        if path is not None:
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(EMBEDDED_NAME, str(path), subfontIndex=0))
            _registered = EMBEDDED_NAME
        else:
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont

            pdfmetrics.registerFont(UnicodeCIDFont(CID_NAME))
            _registered = CID_NAME
        return _registered


def is_embedded(name: str) -> bool:
    return name == EMBEDDED_NAME
