"""Fold traditional characters to simplified ones for matching, one character for one character.

Some mirror sites serve reports converted to traditional characters. Segmentation and metadata run their
cue patterns over ``fold_variants(text)``; because the mapping is one-to-one in length, every offset found in
the folded copy is an offset in the frozen text too. The table (variants_table.py) is generated from OpenCC's character data by ``python -m tools.generate_variants``:
every traditional character with a one-character default simplified form, except those that are themselves
simplified characters.
"""

from __future__ import annotations

import re

from desktop.core.segmentation.variants_table import SIMPLIFIED, TRADITIONAL

_TABLE = {ord(t): s for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True)}
# Finds whether a text holds a character to fold at all (most reports hold none): one class of the table's BMP
# characters (matched through a bitmap) and any character beyond the BMP (a class mixing both is searched
# character by character, slower than translating).
_MAY_FOLD = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE) if code <= 0xFFFF) + "]"
                       "|[\U00010000-\U0010FFFF]")


def fold_variants(text: str) -> str:
    """The text with known traditional characters replaced by simplified ones (same length)."""
    if _MAY_FOLD.search(text) is None:
        return text
    return text.translate(_TABLE)


def looks_traditional(text: str) -> bool:
    """True when the text uses noticeably many traditional-only characters."""
    sample = text[:5000]
    hits = sum(1 for ch in sample if ord(ch) in _TABLE)
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    return cjk > 0 and hits / cjk > 0.05
