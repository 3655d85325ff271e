"""docx and pdf review sheets, read back with python-docx and pypdf text extraction."""

from __future__ import annotations

import re

from docx import Document
from pypdf import PdfReader

from desktop.core.export import export
from desktop.core.export.fonts import EMBEDDED_NAME, bundled_font_path, cjk_font_name
from tests.core.scoring.scoring_data import (  # noqa: F401  (fixtures)
    INJECTED_COMMENT,
    INJECTED_NOTE,
    OVERALL_001,
    scored_corpus_fixture,
    scored_db_fixture,
)

LISHU = "梨树县政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告"


def docx_sheets(path) -> list[dict]:
    """Per sheet: its details table, its criteria table and the paragraphs after the title."""
    doc = Document(str(path))
    tables = doc.tables
    assert len(tables) % 2 == 0
    paragraphs = [p.text for p in doc.paragraphs]
    starts = [i for i, t in enumerate(paragraphs) if t == "法治政府建设年度报告评阅表"]
    sheets = []
    for n in range(len(tables) // 2):
        details, criteria = tables[2 * n], tables[2 * n + 1]
        end = starts[n + 1] if n + 1 < len(starts) else len(paragraphs)
        sheets.append({
            "details": [[c.text for c in row.cells] for row in details.rows],
            "criteria": [[c.text for c in row.cells] for row in criteria.rows],
            "text": "\n".join(paragraphs[starts[n]:end]),
        })
    return sheets


def test_docx_one_sheet_per_report_and_reviewer(scored_db, tmp_path):
    out = tmp_path / "sheets.docx"
    assert export(scored_db, "docx", out).rows == 6
    sheets = docx_sheets(out)
    assert len(sheets) == 6
    lishu = [s for s in sheets if s["details"][0][1] == LISHU]
    assert len(lishu) == 2
    zhang = next(s for s in lishu if "评阅人：张三" in s["text"])
    details = {row[0]: row[1] for row in zhang["details"]} | {row[2]: row[3] for row in zhang["details"]}
    assert details["报告机关"] == "梨树县政务服务和数字化建设管理局"
    assert details["发布日期"] == "2026-02-05" and details["按时公开"] == "是"
    assert details["缺少的必备部分"] == "无"
    criteria = zhang["criteria"]
    assert criteria[0] == ["序号", "评阅项目", "满分", "权重", "得分", "折算分", "评分说明"]
    first = criteria[1]
    assert first[1:6] == ["必备内容齐全", "4", "20", "4", "20"]
    assert "采纳系统建议分" in first[6] and "齐全" in first[6]
    shortcomings = next(r for r in criteria if r[1] == "不足具体、原因分析到位")
    assert shortcomings[4:6] == ["3", "12"]
    assert criteria[-1][0].startswith("合计（满分100分）") and criteria[-1][5] == "80"
    assert OVERALL_001 in zhang["text"]
    assert "【存在的不足和原因｜测试：套话】" in zhang["text"] and "原因分析不具体" in zhang["text"]
    assert "评分依据：不足具体、原因分析到位" in zhang["text"]


def test_docx_override_and_note_are_explained(scored_db, tmp_path):
    out = tmp_path / "zhang.docx"
    export(scored_db, "docx", out, reviewer="张三")
    sheets = docx_sheets(out)
    assert len(sheets) == 5
    jilin22 = next(s for s in sheets if "2022年度" in s["details"][0][1])
    completeness = jilin22["criteria"][1]
    assert completeness[4] == "2" and "系统建议2.5分，评阅人改为2分" in completeness[6]
    jilin = next(s for s in sheets if "2025年度" in s["details"][0][1] and "吉林省" in s["details"][0][1])
    measures = next(r for r in jilin["criteria"] if r[1] == "举措具体、成效量化")
    assert "评阅意见：" + INJECTED_NOTE in measures[6]
    assert INJECTED_COMMENT in jilin["text"]  # a Word document cannot run formulas: the text is kept as is
    unreviewed = [s for s in sheets if "未开始" in s["text"]]
    assert len(unreviewed) == 2 and all("（无批注）" in s["text"] for s in unreviewed)


def test_docx_per_report_files(scored_db, tmp_path):
    folder = tmp_path / "sheets"
    result = export(scored_db, "docx", folder, reviewer="李四", per_report=True)
    assert len(result.paths) == 5 and all(p.parent == folder and p.suffix == ".docx" for p in result.paths)
    assert any("梨树县" in p.name for p in result.paths)
    lishu = next(p for p in result.paths if "梨树县" in p.name)
    sheet = docx_sheets(lishu)[0]
    assert "评阅人：李四" in sheet["text"] and sheet["criteria"][-1][5] == "32"


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_pdf_chinese_text_is_extractable(scored_db, tmp_path):
    out = tmp_path / "sheets.pdf"
    assert export(scored_db, "pdf", out).rows == 6
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 6
    text = pdf_text(out)
    flat = re.sub(r"\s+", "", text)
    assert flat.count("法治政府建设年度报告评阅表") == 6
    assert "梨树县政务服务和数字化建设管理局" in flat
    assert "评阅人：张三" in flat and "评阅人：李四" in flat
    assert re.sub(r"\s+", "", OVERALL_001) in flat
    assert "合计（满分100分）" in flat and "采纳系统建议分" in flat
    assert "【存在的不足和原因｜测试：套话】" in flat


def pdf_fonts(path) -> dict[str, bool]:
    """Base font name -> whether the pdf embeds the font's file."""
    out = {}
    for page in PdfReader(str(path)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            out[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return out


def test_pdf_embeds_the_bundled_font(scored_db, tmp_path):
    path = bundled_font_path()
    assert path is not None and path.parent.name == "fonts"  # resources/fonts/, found through the resource module
    assert (path.parent / "wqy-microhei.COPYRIGHT").is_file()  # the licence travels with the font
    out = tmp_path / "one.pdf"
    export(scored_db, "pdf", out, reviewer="李四")
    assert cjk_font_name() == EMBEDDED_NAME
    fonts = pdf_fonts(out)
    assert any("WenQuanYi" in name and embedded for name, embedded in fonts.items()), fonts


def test_pdf_without_the_bundled_font_falls_back_to_a_cid_font(scored_db, tmp_path, monkeypatch):
    from desktop.core.export import fonts

    monkeypatch.setattr(fonts, "_registered", None)
    monkeypatch.setattr(fonts, "bundled_font_path", lambda: None)
    out = tmp_path / "cid.pdf"
    export(scored_db, "pdf", out, reviewer="李四")
    assert any("STSong-Light" in name for name in pdf_fonts(out))
    assert "梨树县政务服务和数字化建设管理局" in re.sub(r"\s+", "", pdf_text(out))
