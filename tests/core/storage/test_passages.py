"""The shared-text index's sentences: the fast key path equals the definition (fold, then keep letters and digits)
on every folded character and on real and hostile texts; spans, skips and hashes."""

from __future__ import annotations

import random
import re

import pytest

from desktop.core.segmentation.segment import segment_report
from desktop.core.storage.passages import MIN_INDEXED, key_hash, passage_sentences, segmentation_skips, sentence_key
from desktop.core.text import _FOLD, fold_width

_NOT_WORD = re.compile(r"[\W_]+")


def _reference(text: str, skip=(), min_length: int = MIN_INDEXED) -> list[tuple[int, int, int, int]]:
    """The definition, written plainly: split, strip, fold the whole sentence, drop what is not a letter or digit."""
    out = []
    for m in re.finditer(r"[^。；！？;!?\n]+[。；！？;!?]?", text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        key = _NOT_WORD.sub("", fold_width(text[a:b]))
        if len(key) >= min_length and not any(x < b and a < y for x, y in skip):
            out.append((a, b, len(key), key_hash(key)))
    return out


def test_folding_keeps_letters_and_digits_apart_from_the_rest():
    # what makes dropping the rest before folding give the same key
    for code, folded in _FOLD.items():
        assert bool(_NOT_WORD.fullmatch(chr(code))) == bool(_NOT_WORD.fullmatch(folded)), hex(code)


def test_real_reports_index_as_the_definition_says(seeds_dir):
    for path in sorted(seeds_dir.iterdir()):
        text = path.read_text(encoding="utf-8")
        skip = segmentation_skips(segment_report(text))
        assert [tuple(s) for s in passage_sentences(text, skip)] == _reference(text, skip)
        assert passage_sentences(text, skip)  # a real report has sentences worth indexing


@pytest.mark.parametrize("seed", range(6))
def test_hostile_texts_index_as_the_definition_says(seed):
    rng = random.Random(seed)
    alphabet = ("推进法治政府建设ＡＢＣａｂｃ０１２ABCxyz789　 \t，。；！？;!?\n“”（）《》_＿·—…\u00ad\U00020000é"
                + "".join(chr(c) for c in rng.sample(range(0x20, 0x3000), 40)))
    text = "".join(rng.choice(alphabet) for _ in range(4000))
    skip = [(a, a + rng.randint(1, 80)) for a in rng.sample(range(4000), 12)]
    for min_length in (1, MIN_INDEXED, 20):
        assert [tuple(s) for s in passage_sentences(text, skip, min_length)] == _reference(text, skip, min_length)


def test_the_same_sentence_printed_differently_has_one_hash():
    one = "全年审核规范性文件１２件，办理行政复议案件8件（含APP投诉）。"
    two = "全年审核规范性文件12件, 办理行政复议案件８件(含ａｐｐ投诉)"
    assert sentence_key(one) == sentence_key(two)
    [a], [b] = passage_sentences(one), passage_sentences("  " + two + "\n")
    assert a.hash == b.hash and (b.start, b.end) == (2, 2 + len(two))


def test_headings_and_clutter_are_skipped(seeds_dir):
    text = sorted(seeds_dir.iterdir())[0].read_text(encoding="utf-8")
    seg = segment_report(text)
    headings = [s for s in seg.sections if s.heading]
    assert headings
    starts = {s.start for s in passage_sentences(text, segmentation_skips(seg))}
    assert not any(h.start in starts for h in headings)
