"""Text normalization applied once at import; its output is frozen and is the coordinate system."""

from __future__ import annotations

import re
import unicodedata

_TRAILING_WS = re.compile(r"[ \t\u3000\u00a0]+$", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
_MANY_BLANK = re.compile(r"\n{3,}")


def normalize_text(raw: str) -> str:
    """Return the frozen form of a report text: LF line ends, NFC, no BOM, no trailing blanks.

    Zero-width and control characters are dropped; runs of blank lines are folded to one blank line.
    Leading indentation is kept (it is part of how the page looked) but trailing spaces are trimmed.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = _CONTROL.sub("", text)
    text = _TRAILING_WS.sub("", text)
    text = _MANY_BLANK.sub("\n\n", text)
    return text.strip("\n") + ("\n" if text.strip() else "")


_FOLD_TABLE = {
    ord("\u3000"): " ",
    ord("，"): ",",
    ord("。"): ".",
    ord("："): ":",
    ord("；"): ";",
    ord("！"): "!",
    ord("？"): "?",
    ord("（"): "(",
    ord("）"): ")",
    ord("“"): '"',
    ord("”"): '"',
    ord("‘"): "'",
    ord("’"): "'",
    ord("、"): ",",
    ord("《"): "<",
    ord("》"): ">",
    ord("【"): "[",
    ord("】"): "]",
}


def fold_width(text: str) -> str:
    """Map full-width forms and Chinese punctuation to one canonical form, keeping the length.

    Used for matching (reuse, search, anchoring), never to change stored text. The result has exactly
    as many characters as the input so offsets stay valid.
    """
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        out.append(ch)
    return "".join(out).translate(_FOLD_TABLE).lower()
