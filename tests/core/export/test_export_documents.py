"""docx and pdf review sheets, read back with python-docx and pypdf text extraction."""

from __future__ import annotations

import re

from docx import Document
from docx.shared import Cm
from pypdf import PdfReader

from desktop.core.export import export
from desktop.core.export.fonts import EMBEDDED_NAME, bundled_font_path, cjk_font_name
from tests.core.export.docx_read import (
    docx_segments,
    docx_sheets,
)
from tests.core.scoring.scoring_data import (  # noqa: F401  (fixtures)
    INJECTED_COMMENT,
    INJECTED_NOTE,
    OVERALL_001,
    scored_corpus_fixture,
    scored_db_fixture,
)

LISHU = "梨树县政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告"
JILIN_2025 = "吉林省政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告"






def docx_panel_sheets(path) -> list[dict]:
    """Per panel summary sheet: details, scores side by side, conclusion and the text."""
    return [{"details": seg["tables"][0], "scores": seg["tables"][1], "conclusion": seg["tables"][2],
             "text": "\n".join(seg["lines"])}
            for seg in docx_segments(path) if seg["title"] == "法治政府建设年度报告评审汇总表"]


def test_docx_one_sheet_per_report_and_reviewer(scored_db, tmp_path):
    out = tmp_path / "sheets.docx"
    assert export(scored_db, "docx", out).rows == 6
    sheets = docx_sheets(out)
    assert len(sheets) == 6
    lishu = [s for s in sheets if s["details"][0][1] == LISHU]
    assert len(lishu) == 2
    zhang = next(s for s in lishu if "评阅记录：张三" in s["text"])
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
    assert re.search(r"【存在的不足和原因 第\d+段｜测试：套话】", zhang["text"]) and "原因分析不具体" in zhang["text"]
    assert "评分依据：不足具体、原因分析到位" in zhang["text"]
    # signed by hand: a blank to sign on and a date to fill in, not a typed name and an ISO date
    assert "评阅人（签字）：＿＿＿＿＿＿＿＿　　年　　月　　日" in zhang["text"]
    assert not re.search(r"评阅人：张三|\d{4}-\d{2}-\d{2}", zhang["text"].split("三、重点批注摘录")[1])
    # 李四 typed the suggested 4 himself: no "系统建议4分，评阅人改为4分"
    li = next(s for s in lishu if "评阅记录：李四" in s["text"])
    assert "评阅人改为" not in li["criteria"][1][6] and "评分与系统建议分一致" in li["criteria"][1][6]
    # not a partial sum looking like a total
    assert li["criteria"][-1][5] == "—" and li["criteria"][-1][6] == "未完成（已评 2/8），不计总分、不参加排名"


def test_docx_sections_have_report_header_page_footer_and_keep_the_signature(scored_db, tmp_path):
    out = tmp_path / "sheets.docx"
    export(scored_db, "docx", out)
    doc = Document(str(out))
    segments = docx_segments(out)
    assert len(doc.sections) == len(segments) == 6 + 3  # 6 reviewer sheets, 3 panel sheets
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for section, sheet in zip(doc.sections, segments, strict=True):
        assert section.header.paragraphs[0].text == sheet["tables"][0][0][1]  # the report's name on every page
        assert not section.header.is_linked_to_previous
        footer = section.footer._element.xml
        assert " PAGE " in footer and " NUMPAGES " in footer  # fields Word, WPS and LibreOffice all compute
        assert "".join(t.text for t in section.footer._element.iter(f"{w}t")) == "第 1 页 共 1 页"
        assert abs(section.page_width - Cm(21.0)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    # the paragraph before each sign-off is kept with it, and the sign-off with its record line
    paragraphs = doc.paragraphs
    signs = [i for i, p in enumerate(paragraphs) if p.text.startswith("评阅人（签字）")]
    assert len(signs) == 6
    assert sum(1 for p in paragraphs if p.text.startswith(("组长（签字）", "复核人（签字）"))) == 6
    for i in signs:
        assert paragraphs[i - 1].paragraph_format.keep_with_next
        assert paragraphs[i].paragraph_format.keep_with_next or paragraphs[i].style.paragraph_format.keep_with_next


def test_docx_of_one_sheet_counts_its_pages(scored_db, tmp_path):
    folder = tmp_path / "one"
    result = export(scored_db, "docx", folder, reviewer="李四", per_report=True)
    footer = Document(str(result.paths[0])).sections[0].footer._element.xml
    assert " NUMPAGES " in footer and "SECTIONPAGES" not in footer


def test_docx_override_and_note_are_explained(scored_db, tmp_path):
    out = tmp_path / "zhang.docx"
    export(scored_db, "docx", out, reviewer="张三")
    sheets = docx_sheets(out)
    assert len(sheets) == 3  # only the reports 张三 started
    jilin22 = next(s for s in sheets if "2022年度" in s["details"][0][1])
    completeness = jilin22["criteria"][1]
    assert completeness[4] == "2" and "系统建议2.5分，评阅人改为2分" in completeness[6]
    jilin = next(s for s in sheets if "2025年度" in s["details"][0][1] and "吉林省" in s["details"][0][1])
    measures = next(r for r in jilin["criteria"] if r[1] == "举措具体、成效量化")
    assert "评阅意见：" + INJECTED_NOTE in measures[6]
    assert INJECTED_COMMENT in jilin["text"]  # a Word document cannot run formulas: the text is kept as is
    assert all("评阅记录：张三" in s["text"] for s in sheets)


def test_docx_per_report_files(scored_db, tmp_path):
    folder = tmp_path / "sheets"
    result = export(scored_db, "docx", folder, reviewer="李四", per_report=True)
    assert len(result.paths) == 1 and all(p.parent == folder and p.suffix == ".docx" for p in result.paths)
    lishu = result.paths[0]
    assert "梨树县" in lishu.name
    sheet = docx_sheets(lishu)[0]
    assert "评阅记录：李四" in sheet["text"] and sheet["criteria"][-1][5] == "—"


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_pdf_chinese_text_is_extractable(scored_db, tmp_path):
    out = tmp_path / "sheets.pdf"
    assert export(scored_db, "pdf", out).rows == 6
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 6
    text = pdf_text(out)
    flat = re.sub(r"\s+", "", text)
    assert flat.count("法治政府建设年度报告评阅表") == 6 and flat.count("法治政府建设年度报告评审汇总表") == 3
    assert "梨树县政务服务和数字化建设管理局" in flat
    assert "评阅记录：张三" in flat and "评阅记录：李四" in flat
    assert flat.count("评阅人（签字）：＿＿＿＿＿＿＿＿年月日") == 6
    assert re.sub(r"\s+", "", OVERALL_001) in flat
    assert "合计（满分100分）" in flat and "采纳系统建议分" in flat
    assert re.search(r"【存在的不足和原因第\d+段｜测试：套话】", flat)
    # every page: the report's name on top, 第 X 页 共 Y 页 counted within its sheet
    for page in reader.pages:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        assert re.search(r"第 \d+ 页 共 \d+ 页", page.extract_text())
        assert "法治政府建设" in lines[0] and "报告" in lines[0]
    numbers = [tuple(map(int, re.search(r"第 (\d+) 页 共 (\d+) 页", p.extract_text()).groups()))
               for p in reader.pages]
    assert sum(1 for page, _ in numbers if page == 1) == 6 + 3
    assert all(page <= total for page, total in numbers)


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


def test_docx_panel_sheet_per_report_signed_by_lead_and_checker(scored_db, tmp_path):
    out = tmp_path / "panel.docx"
    export(scored_db, "docx", out)
    panels = docx_panel_sheets(out)
    assert len(panels) == 3  # the reports somebody reviewed
    lishu = next(p for p in panels if p["details"][0][1] == LISHU)
    scores = lishu["scores"]
    assert scores[0] == ["评阅项目", "满分", "张三", "李四", "平均分", "极差", "最终得分"]
    measures = next(r for r in scores if r[0].startswith("举措具体、成效量化"))
    assert measures[2:4] == ["4", "3"] and measures[4] == "4"  # 李四 unfinished: out of the mean
    # 李四 unfinished: no final, grade or rank yet, and the sheet says what is missing
    assert scores[-1][2:4] == ["80", "未完成（已评 2/8）"] and scores[-1][-1] == "待定"
    conclusion = dict(lishu["conclusion"])
    assert conclusion["最终得分"] == "待定" and conclusion["排名"] == "待定（全部5份报告中）"
    assert conclusion["等次"] == "待定" and conclusion["完成评阅"] == "1/2 份"
    assert conclusion["评审状态"] == "评审中：待定：李四进行中（已评 2/8）"
    jilin = next(p for p in panels if p["details"][0][1] == JILIN_2025)
    assert dict(jilin["conclusion"])["排名"] == "1（全部5份报告中）"
    assert "组长（签字）：＿＿＿＿＿＿＿＿　　年　　月　　日" in lishu["text"]
    assert "复核人（签字）：＿＿＿＿＿＿＿＿　　年　　月　　日" in lishu["text"]
    # a reviewer's own export holds no panel sheet
    export(scored_db, "docx", tmp_path / "li.docx", reviewer="李四")
    assert docx_panel_sheets(tmp_path / "li.docx") == []


MARKUP = '<b>粗体</b> & <w:p/></w:t>]]> &amp; 第一行\n第二行\x07'


def test_reviewers_text_is_data_never_markup_in_docx_and_pdf(scored_corpus, tmp_path):
    """Text that looks like markup (reportlab's, WordprocessingML, an entity, a CDATA end, a control character) is
    printed as typed: both writers build their markup around the text, never from it."""
    import shutil

    from desktop.core.scoring import scores as scoring
    from desktop.core.storage import open_database

    path = tmp_path / "markup.sqlite3"
    shutil.copy(scored_corpus.path, path)
    db = open_database(path)
    rubric, doc, zhang = scored_corpus.rubric, scored_corpus.docs["003"], scored_corpus.reviewers["张三"]
    scoring.set_overall_comment(db, doc, zhang, rubric, MARKUP)
    scoring.set_note(db, doc, zhang, rubric, "measures", "a < b && c > d")
    export(db, "docx", tmp_path / "m.docx", reviewer="张三")
    export(db, "pdf", tmp_path / "m.pdf", reviewer="张三")
    db.conn.close()
    typed = MARKUP.replace("\x07", "")  # a character XML cannot hold is left out, the rest kept
    sheet = next(s for s in docx_sheets(tmp_path / "m.docx") if typed in s["text"])
    assert any("评阅意见：a < b && c > d" in row[6] for row in sheet["criteria"])
    flat = re.sub(r"\s+", "", pdf_text(tmp_path / "m.pdf"))
    assert re.sub(r"\s+", "", typed) in flat and "评阅意见：a<b&&c>d" in flat
