"""Text normalization applied once at import; its output is frozen and is the coordinate system."""

from __future__ import annotations

import re
import unicodedata

# [ \t\u3000\u00a0]+$ and \n{3,}, written to start with a class and a literal (scanned for in C, not tried at every
# character): the same matches, ~4x faster on a report
_TRAILING_WS = re.compile(r"[ \t\u3000\u00a0][ \t\u3000\u00a0]*$", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
_MANY_BLANK = re.compile(r"\n\n\n+")
# Invisible format characters (zero-width spaces and joiners, direction marks and embeddings, soft hyphen, BOM):
# they are not searched for and never stand between the characters of a match.
INVISIBLE_CHARS = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


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


def _build_fold_table() -> dict[int, str]:
    table = dict(_FOLD_TABLE)
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    for code in range(0xFF21, 0xFF3B):  # full-width capitals fold straight to lower case
        table[code] = chr(code - 0xFEE0).lower()
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    # punctuation reached through the full-width range is folded once more (（ -> ( is already ASCII)
    return {k: _FOLD_TABLE.get(ord(v), v) if len(v) == 1 else v for k, v in table.items()}


_FOLD = _build_fold_table()
_FOLD_CHARS = {chr(code): folded for code, folded in _FOLD.items()}
_FOLDABLE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_FOLD_CHARS)) + "]")


def _fold_one(match: re.Match[str]) -> str:
    return _FOLD_CHARS[match.group()]


def fold_width(text: str) -> str:
    """Map full-width forms and Chinese punctuation to one canonical form, keeping the length.

    Used for matching (reuse, search, anchoring), never to change stored text. The result has exactly
    as many characters as the input so offsets stay valid. ASCII letters are lower-cased.
    """
    # the same as text.translate(_FOLD), ~4x faster on report texts: str.translate looks every character up in
    # the table, the pattern only stops at the few that fold (an import folds every text several times)
    return _FOLDABLE.sub(_fold_one, text)


def _variants() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for code, folded in _FOLD.items():
        out.setdefault(folded, set()).add(chr(code))
    return {k: frozenset(v) for k, v in out.items()}


VARIANTS_OF: dict[str, frozenset[str]] = _variants()
"""For each folded character, the characters that fold to it (e.g. "(" -> {"（"})."""
