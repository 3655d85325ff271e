"""The folds every import runs over every text (width and punctuation, traditional characters) give exactly what
translating each character through their tables gives, for any text: they only skip characters faster."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.segmentation.variants import _TABLE, fold_variants
from desktop.core.text import _FOLD, fold_width

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# characters the tables fold, their neighbours in code order, what they fold to, and anything else
_FOLDED = sorted(set(_FOLD) | set(_TABLE))
_NEAR = sorted({c + d for c in _FOLDED for d in (-1, 1)} - set(_FOLDED) - set(range(0xD800, 0xE000)))
_CHARS = st.one_of(st.sampled_from([chr(c) for c in _FOLDED]), st.sampled_from([chr(c) for c in _NEAR]),
                   st.characters(), st.sampled_from(list("法治政府，。、（）“”ＡＢｃ１２ \n\t")))


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS, max_size=60).map("".join))
def test_fold_width_is_translating_each_character(text):
    assert fold_width(text) == text.translate(_FOLD)
    assert len(fold_width(text)) == len(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS, max_size=60).map("".join))
def test_fold_variants_is_translating_each_character(text):
    assert fold_variants(text) == text.translate(_TABLE)


def test_real_reports_fold_as_before():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        traditional = text.translate({ord(s): t for t, s in zip("國務機關報", "国务机关报", strict=True)})
        for sample in (text, traditional, text + "\U00020000𠮷"):
            assert fold_width(sample) == sample.translate(_FOLD)
            assert fold_variants(sample) == sample.translate(_TABLE)


def _plausible_chinese_by_character(text: str) -> bool:
    """The rule counted character by character (what txt_reader.plausible_chinese counts in C)."""
    if not text:
        return False
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    common = sum(1 for ch in text if ch.isascii() or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return cjk > 0 and len(text) - cjk - common <= len(text) * 0.05


_EDGES = "\x00\x7f\x80\u2fff\u3000\u303f\u3040\u4dff\u4e00\u9fff\ua000\ufeff\uff00\uffef\ufff0\U0001f600"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list(_EDGES)), st.characters(), st.sampled_from(list("法治，。 a\n"))),
                max_size=80).map("".join))
def test_plausible_chinese_is_the_character_count(text):
    from desktop.core.ingest.txt_reader import plausible_chinese

    assert plausible_chinese(text) == _plausible_chinese_by_character(text)
