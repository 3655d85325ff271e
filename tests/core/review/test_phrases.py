"""The reasons and sources segmentation writes are made of the templates in core/review/phrases.py, so the GUI can
show them in Chinese: taken apart, no piece left over holds an English word (only values quoted from the text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.review import phrases
from desktop.core.segmentation.agency import doubt
from desktop.core.segmentation.segment import segment_report
from tests.core.review.verify_texts import DOUBTFUL, SURE

ROOT = Path(__file__).resolve().parents[3]
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "real_openings").glob("*.txt"))
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def written(text: str) -> list[str]:
    """Every reason and source segmentation writes for a text (what the GUI shows on hover and in the queue)."""
    seg = segment_report(text)
    out = [v for v in seg.metadata_reasons.values()]
    out += [f.source for f in (getattr(seg.metadata, name) for name in
                               ("title", "agency", "year", "doc_number", "doc_date", "published_at", "on_time"))
            if f.source]
    out += [s.reason for s in seg.sections if s.reason]
    return out


def english_left(text: str) -> list[str]:
    return [piece for piece in phrases.parse(text).unknown() if ENGLISH.search(piece)]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_what_segmentation_writes_for_real_reports_is_all_templates(path):
    found = written(path.read_text(encoding="utf-8"))
    assert found  # every real report has at least its sources
    assert [(t, english_left(t)) for t in found if english_left(t)] == []


def test_doubtful_and_cut_texts_too():
    texts = [DOUBTFUL, SURE, DOUBTFUL[:60], "教育局\n" + DOUBTFUL, "2023年工作总结\n" + "。".join(["加强培训"] * 30)]
    found = [t for text in texts for t in written(text)]
    assert any(" " in t for t in found)  # sentences, not only single words
    assert [(t, english_left(t)) for t in found if english_left(t)] == []


@pytest.mark.parametrize("name", ["教育局", "局局局", "本局办公室", "青山县司法局和", "关于", "东岭市某某中心"])
def test_agency_doubts_are_templates(name):
    why = doubt(name)
    if why:
        assert english_left(why) == []


def test_a_reason_is_rendered_piece_by_piece_and_unknown_text_is_kept():
    reason = ("not found; refused: 教育局 (title: a generic name without its place); 本局 (page metadata (发文机关/发布机构): "
              "the name lacks its place (a short form the text did not complete))")
    rendered = phrases.parse(reason).render(lambda s: f"<{s}>")
    assert rendered == ("<not found; refused: <教育局 (<title>: <a generic name without its place>)><; >"
                        "<本局 (<page metadata (发文机关/发布机构)>: "
                        "<the name lacks its place (a short form the text did not complete)>)>>")
    assert phrases.parse("something new from a later version").render(lambda s: "X") == \
        "something new from a later version"
    assert phrases.parse("heading (next_plan)").render(str, lambda kind: kind.upper()) == "heading (NEXT_PLAN)"
