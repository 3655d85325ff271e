"""A Chinese font for the pdf export, found without relying on the fonts of the machine.

The first choice is WenQuanYi Micro Hei (文泉驿微米黑, Apache 2.0 / GPLv3 with font exception), a TrueType font
shipped in the ``paperang-p2-fonts-cjk`` PyPI package: reportlab embeds the glyphs used (a subset), so the pdf
looks the same everywhere and its text is extractable. Without that package, reportlab's built-in CID font
STSong-Light is used: not embedded (viewers substitute a Song face), but still extractable text.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

EMBEDDED_NAME = "ReviewDeskCJK"
CID_NAME = "STSong-Light"
_lock = threading.Lock()
_registered: str | None = None


def bundled_font_path() -> Path | None:
    """The bundled CJK TrueType collection, or None when its package is not installed."""
    spec = importlib.util.find_spec("paperang_p2_fonts_cjk")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "fonts" / "wqy-microhei.ttc"
        if path.is_file():
            return path
    return None


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
