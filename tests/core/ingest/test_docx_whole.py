"""Word files read whole: the body's text as Word shows it, whatever construct carries it (issue 16)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop.core.errors import IngestError
from desktop.core.ingest import read_report
from desktop.core.segmentation.segment import segment_report
from tests import hostile_word as hw


def _whole(path) -> str:
    """The text read, checked to hold every line of the report exactly once and every part found."""
    text = read_report(path).text
    lines = text.split("\n")
    for line in hw.LINES:
        assert lines.count(line) == 1, (line, text)
    assert hw.DELETED not in text
    assert segment_report(text).missing == []
    return text


@pytest.mark.parametrize("builder", [hw.tracked_insertions, hw.content_controls, hw.whole_body_in_one_control, hw.alt_chunks,
                                     hw.text_boxes, hw.nested_tables, hw.custom_xml, hw.everything, hw.hidden_text])
def test_each_construct_is_read_once(tmp_path, builder):
    _whole(builder(tmp_path))


def test_vml_only_text_box(tmp_path):
    _whole(hw.text_boxes(tmp_path, vml_only=True))


@pytest.mark.parametrize("depth", [1, 5, 20])
def test_tables_nested_at_any_reasonable_depth(tmp_path, depth):
    _whole(hw.nested_tables(tmp_path, depth=depth))


def test_nesting_past_the_limit_is_refused_by_name(tmp_path):
    from desktop.core.ingest.docx_reader import MAX_DEPTH

    path = hw.nested_tables(tmp_path, depth=MAX_DEPTH + 10)
    with pytest.raises(IngestError) as caught:
        read_report(path)
    assert "levels deep" in str(caught.value) and str(MAX_DEPTH) in str(caught.value)


def test_field_results_in_instructions_out(tmp_path):
    text = _whole(hw.fields(tmp_path))
    assert hw.INSTRUCTION not in text and "DATE" not in text and "AUTHOR" not in text
    assert "NESTED" not in text  # a field inside an instruction is part of the instruction


def test_a_field_never_ended_does_not_hide_the_rest(tmp_path):
    text = _whole(hw.unterminated_field(tmp_path))
    assert "PAGE" not in text


@pytest.mark.parametrize("length", [1, 2, 7])
def test_styles_based_on_each_other_do_not_loop(tmp_path, length):
    text = read_report(hw.style_cycle(tmp_path, length=length)).text
    assert hw.LINES[0] in text


def test_numbering_linked_in_a_ring_does_not_loop(tmp_path):
    text = read_report(hw.numbering_link_cycle(tmp_path)).text
    assert hw.LINES[-1] in text


def test_numbering_through_a_based_on_style_chain(tmp_path):
    _whole(hw.numbered_headings(tmp_path))


def test_deleted_table_row_is_not_read(tmp_path):
    body = (hw.p(hw.LINES[0]) + "<w:tbl><w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\" w:date=\"2025-01-01T00:00:00Z\"/>"
            f"</w:trPr><w:tc>{hw.p(hw.DELETED)}</w:tc></w:tr><w:tr><w:tc>{hw.p('指标')}</w:tc><w:tc>{hw.p('12件')}</w:tc>"
            "</w:tr></w:tbl>")
    text = read_report(hw.write(tmp_path, "row.docx", body)).text
    assert hw.DELETED not in text and "指标\t12件" in text


def test_merged_cells_repeat_their_text_once_per_row(tmp_path):
    row1 = (f"<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>{hw.p('行政复议')}</w:tc>"
            f"<w:tc>{hw.p('8件')}</w:tc></w:tr>")
    row2 = f"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>{hw.p('5件')}</w:tc></w:tr>"
    span = f"<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{hw.p('合计13件')}</w:tc></w:tr>"
    text = read_report(hw.write(tmp_path, "merged.docx", f"<w:tbl>{row1}{row2}{span}</w:tbl>")).text
    assert text.strip().split("\n") == ["行政复议\t8件", "行政复议\t5件", "合计13件"]


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_entities_are_not_expanded(tmp_path, part):
    """A part declaring entities (a billion laughs) is not expanded: refused or read without them, never hung."""
    path = hw.write(tmp_path, "laughs.docx", hw.p(hw.LINES[0]), styles="")
    import zipfile

    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' +
            "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True))
            + "]>")
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members[part] = members[part].replace(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', b"").replace(
        b'<?xml version="1.0" encoding="UTF-8"?>', b"")
    members[part] = bomb.encode() + members[part].replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p>")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    try:
        text = read_report(path).text
    except IngestError as exc:
        assert "damaged" in str(exc)
    else:
        assert "aaaaaaaaaa" * 100 not in text


@pytest.mark.parametrize("kind,member,needle", [
    ("odt", ("mimetype", b"application/vnd.oasis.opendocument.text"), "OpenDocument"),
    ("ofd", ("OFD.xml", b"<ofd:OFD/>"), "OFD document"),
    ("xlsx", ("xl/workbook.xml", b"<workbook/>"), "Excel workbook"),
    ("pptx", ("ppt/presentation.xml", b"<p/>"), "PowerPoint"),
])
def test_other_documents_renamed_docx_are_named(tmp_path, kind, member, needle):
    import zipfile

    path = tmp_path / f"{kind}-renamed.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(*member)
        archive.writestr("content.xml", b"<x/>")
    with pytest.raises(IngestError) as caught:
        read_report(path)
    assert needle in str(caught.value) and "unpack" not in str(caught.value)


# ---- files saved by LibreOffice --------------------------------------------------------------------------------
_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><number:date-style style:name="N1"><number:year number:style="long"/><number:text>年</number:text>
<number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style></office:automatic-styles>
<office:body><office:text>
<text:tracked-changes>
 <text:changed-region text:id="ins1"><text:insertion><office:change-info><dc:creator>王明</dc:creator><dc:date>2025-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
 <text:changed-region text:id="del1"><text:deletion><office:change-info><dc:creator>王明</dc:creator><dc:date>2025-01-01T00:00:00</dc:date></office:change-info><text:p>{deleted}</text:p></text:deletion></text:changed-region>
</text:tracked-changes>
{before}
<text:p><text:change-start text:change-id="ins1"/>{inserted}<text:change-end text:change-id="ins1"/><text:change text:change-id="del1"/></text:p>
<text:p><draw:frame draw:name="box" text:anchor-type="paragraph" svg:width="10cm" svg:height="4cm"><draw:text-box>{boxed}</draw:text-box></draw:frame></text:p>
<table:table table:name="outer"><table:table-column/><table:table-row><table:table-cell>
 <table:table table:name="inner"><table:table-column/><table:table-row><table:table-cell>{nested}</table:table-cell></table:table-row></table:table>
</table:table-cell></table:table-row></table:table>
{after}
<text:p><text:date style:data-style-name="N1" text:fixed="true" text:date-value="2025-02-20">{date}</text:date></text:p>
</office:text></office:body></office:document>
"""


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_saved_by_libreoffice_with_every_construct(tmp_path):
    """Tracked insertion and deletion, a text box, a nested table and a date field, written by LibreOffice."""
    from xml.sax.saxutils import escape

    lines = hw.LINES
    para = "".join
    fodt = _FODT.format(
        deleted=hw.DELETED, before=para(f"<text:p>{escape(x)}</text:p>" for x in lines[:3]),
        inserted=escape(lines[3]), boxed=para(f"<text:p>{escape(x)}</text:p>" for x in lines[4:6]),
        nested=para(f"<text:p>{escape(x)}</text:p>" for x in lines[6:9]),
        after=para(f"<text:p>{escape(x)}</text:p>" for x in lines[9:-1]), date=escape(lines[-1]))
    source = tmp_path / "lo.fodt"
    source.write_text(fodt, encoding="utf-8")
    profile = tmp_path / "profile"
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, timeout=240)
    target = tmp_path / "lo.docx"
    if not target.exists():
        pytest.skip(f"LibreOffice could not convert here: {done.stderr[-200:]!r}")
    _whole(target)


def test_strict_open_xml_namespace_is_read(tmp_path):
    """Word's "Strict Open XML Document" format: the same elements in the purl.oclc.org namespace."""
    import zipfile

    path = hw.tracked_insertions(tmp_path)
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(strict, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    _whole(strict)


def test_content_control_placeholders_are_not_report_text(tmp_path):
    placeholder = "单击或点击此处输入文字。"
    body = "".join(hw.p(line) for line in hw.LINES)
    body += (f'<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{hw.p(placeholder)}</w:sdtContent></w:sdt>'
             f'<w:p><w:sdt><w:sdtPr><w:showingPlcHdr w:val="true"/></w:sdtPr><w:sdtContent>{hw.r(placeholder)}'
             "</w:sdtContent></w:sdt></w:p>")
    text = _whole(hw.write(tmp_path, "placeholders.docx", body))
    assert placeholder not in text


def test_lists_sharing_a_definition_continue_unless_restarted(tmp_path):
    """Word counts per list definition: a second w:num of the same list continues it; one with a startOverride
    starts again (as "Restart numbering" writes it)."""
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
                 '</w:lvlOverride></w:num>')

    def numbered(text: str, num: int) -> str:
        return hw.p(text, f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>')

    body = numbered("甲", 5) + numbered("乙", 5) + numbered("丙", 6) + numbered("丁", 7) + numbered("戊", 7)
    text = read_report(hw.write(tmp_path, "lists.docx", body, numbering=numbering)).text
    assert text.split() == ["一、甲", "二、乙", "三、丙", "一、丁", "二、戊"]
