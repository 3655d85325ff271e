"""Import of every supported format, and a clear message for every kind of bad input."""

from __future__ import annotations

import hashlib

import pytest

from desktop.core.errors import IngestError
from desktop.core.ingest import read_report
from desktop.core.segmentation.segment import segment_report
from tests.core.builders import SAMPLE, pdf_bytes, saved_web_page, write_docx, write_pdf, write_txt


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [("utf-8", False, "utf-8"), ("utf-8", True, "utf-8-sig"), ("gb18030", False, "gb18030"),
     ("gbk", False, "gb18030"), ("utf-16", False, "utf-16")],
)
def test_txt_encodings_are_detected_and_recorded(tmp_path, encoding, bom, expected):
    path = write_txt(tmp_path, "r.txt", encoding=encoding, bom=bom)
    doc = read_report(path)
    assert doc.encoding == expected
    assert doc.text == SAMPLE
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.size == path.stat().st_size and doc.name == "r.txt"


def test_normalization_crlf_bom_nfc_trailing_spaces(tmp_path):
    raw = "\ufeff标题 \r\n一、情况\u3000\r\n" + "e\u0301" + "\r\n\r\n\r\n\r\n结尾"
    path = tmp_path / "n.txt"
    path.write_bytes(raw.encode("utf-8"))
    text = read_report(path).text
    assert "\r" not in text and "\ufeff" not in text
    assert "\u00e9" in text  # NFC composed
    assert "标题\n一、情况\n" in text
    assert "\n\n\n" not in text
    assert text.endswith("结尾\n")


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    path = write_docx(tmp_path, table=[["指标", "数值"], ["行政复议案件", "8件"]])
    doc = read_report(path)
    assert doc.format == "docx"
    assert "行政复议案件\t8件" in doc.text
    lines = doc.text.split("\n")
    assert lines.index("指标\t数值") < lines.index("四、2025年工作安排")
    assert lines.index("指标\t数值") > lines.index("一、主要举措和成效")


def test_pdf_with_text_layer(tmp_path):
    doc = read_report(write_pdf(tmp_path))
    assert doc.format == "pdf"
    assert "二、存在的不足和原因" in doc.text
    seg = segment_report(doc.text)
    assert seg.missing == []


def test_html_saved_page_keeps_main_text_and_source_lines(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(saved_web_page(), encoding="utf-8")
    doc = read_report(path)
    assert doc.format == "html"
    assert "一、主要举措和成效" in doc.text
    assert "一、不是标题" not in doc.text  # scripts removed
    assert "color:red" not in doc.text and "网站地图" not in doc.text
    seg = segment_report(doc.text)
    kinds = {c.kind for c in seg.clutter}
    assert "source_line" in kinds
    assert seg.metadata.published_at.value == "2025-03-15"
    assert seg.metadata.source.value == "某县司法局"
    assert seg.missing == []
    body_sections = [s for s in seg.sections if s.placement == "section"]
    assert not any(c.start < s.end and s.start < c.end for c in seg.clutter for s in body_sections
                   if c.kind == "source_line")


def test_html_in_gbk_declared_by_meta(tmp_path):
    path = tmp_path / "gbk.htm"
    path.write_bytes(saved_web_page(charset="gb2312").encode("gb18030"))
    doc = read_report(path)
    assert "存在的不足和原因" in doc.text


def _problem(path) -> str:
    with pytest.raises(IngestError) as info:
        read_report(path)
    assert str(path) in str(info.value)  # the message names the file
    return info.value.problem + " " + info.value.hint


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _problem(path)


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n \t\n", encoding="utf-8")
    assert "no text" in _problem(path)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "binary" in _problem(path)


def test_undecodable_text(tmp_path):
    path = tmp_path / "weird.txt"
    # invalid in UTF-8 and in GB18030 (0x80 and 0xFF are not valid GB18030 lead bytes)
    path.write_bytes(b"\x80\xff\x80\xff" * 200 + b"abc")
    problem = _problem(path)
    assert "encoding" in problem or "binary" in problem


def test_corrupt_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    assert "docx" in _problem(path)


def test_old_doc_format(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".docx" in _problem(path)


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00\x01garbage" * 100)
    assert "PDF" in _problem(path)


def test_encrypted_pdf(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(pdf_bytes(encrypt="secret"))
    assert "password" in _problem(path)


def test_scanned_pdf_without_text(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(image_only=True))
    problem = _problem(path)
    assert "no text layer" in problem and "OCR" in problem


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    assert "MB" in _problem(path)


def test_missing_file_and_folder(tmp_path):
    assert "not found" in _problem(tmp_path / "nope.txt")
    assert "folder" in _problem(tmp_path)


def test_pdf_lines_are_rejoined_but_headings_stay_apart():
    from desktop.core.ingest.pdf_reader import rejoin_lines

    raw = ("一、2023年推进法治政府建设的主要举措和成效\n2023年，我局深入学习贯彻习近平法治思想，全面推进\n"
           "依法行政，取得了明显成效。\n— 2 —\n（一）完善制度。")
    assert rejoin_lines(raw).split("\n") == [
        "一、2023年推进法治政府建设的主要举措和成效",
        "2023年，我局深入学习贯彻习近平法治思想，全面推进依法行政，取得了明显成效。",
        "（一）完善制度。",
    ]


def test_every_import_reason_has_a_chinese_translation():
    """Each reason template the core raises or reports is translated in the zh_CN catalog (context Ingest), and the
    catalog tool gathers at least every one this scan finds."""
    import ast
    from pathlib import Path

    from tools import i18n_build

    root = Path(__file__).resolve().parents[3]
    translated = {source for context, source in i18n_build.messages(i18n_build.CATALOG) if context == "Ingest"}
    templates = set()
    for path in (root / "desktop" / "core" / "ingest").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("IngestError", "_outcome", "Unreachable"):
                for arg in node.args[1:4]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value:
                        templates.add(arg.value)
    assert len(templates) > 30
    assert templates - translated == set()
    assert templates <= set(i18n_build.ingest_templates())


def _numbered_docx(path, fmt: str, text: str, sub_fmt: str = "chineseCounting", sub_text: str = "（%2）"):
    """A .docx whose headings are numbered by Word (List Number), levels re-defined as Chinese reports use."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(style_num))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    import copy

    levels = abstract.findall(qn("w:lvl"))
    if len(levels) < 2:  # the default template's list has one level: add a second like Word would
        second = copy.deepcopy(levels[0])
        second.set(qn("w:ilvl"), "1")
        levels[0].addnext(second)
    for lvl in abstract.findall(qn("w:lvl")):
        level = int(lvl.get(qn("w:ilvl")))
        if level in (0, 1):
            lvl.find(qn("w:numFmt")).set(qn("w:val"), fmt if level == 0 else sub_fmt)
            lvl.find(qn("w:lvlText")).set(qn("w:val"), text if level == 0 else sub_text)
    document.add_paragraph("2024年，我局深入贯彻习近平法治思想，全面推进法治政府建设，现将有关情况报告如下。")
    for heading, subs in [("主要举措和成效", ["完善制度体系", "规范执法行为"]), ("存在的不足和原因", []),
                          ("党政主要负责人履行推进法治建设第一责任人职责情况", []), ("2025年工作安排", [])]:
        document.add_paragraph(heading, style="List Number")
        for sub in subs:
            p = document.add_paragraph(sub, style="List Number")
            p.paragraph_format.element.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = 1
        document.add_paragraph("相关工作内容，全年办理案件12件。")
    document.save(str(path))
    return path


def test_docx_word_numbering_is_rendered_as_shown(tmp_path):
    doc = read_report(_numbered_docx(tmp_path / "auto.docx", "chineseCounting", "%1、"))
    lines = doc.text.split("\n")
    assert "一、主要举措和成效" in lines and "（一）完善制度体系" in lines and "（二）规范执法行为" in lines
    assert "二、存在的不足和原因" in lines and "四、2025年工作安排" in lines
    seg = segment_report(doc.text)
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == [
        "achievements", "shortcomings", "leader_duty", "next_plan"]


def test_html_title_above_the_content_box_is_kept(tmp_path):
    page = saved_web_page().replace('<div id="zoom"', '<h1 class="art-title">某县司法局关于2024年度法治政府建设情况的报告</h1>'
                                                      '<div id="zoom"')
    page = page.replace("<p>某县司法局关于2024年度法治政府建设情况的报告</p>", "")  # only the <h1> has it
    path = tmp_path / "titled.html"
    path.write_text(page, encoding="utf-8")
    seg = segment_report(read_report(path).text)
    assert seg.metadata.title.value == "某县司法局关于2024年度法治政府建设情况的报告"
    assert seg.metadata.agency.value == "某县司法局"
