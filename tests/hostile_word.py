"""Word files as a hostile (or merely ordinary) colleague writes them: hand-made WordprocessingML of each construct
that hides text from a naive reader. Shared by tests/core/ingest/test_docx_whole.py and bench/battery.py.

Each builder returns a path to a .docx holding the builders' SAMPLE report, with some of its lines carried by the
construct under test, so a reader that misses the construct misses report parts.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from tests.core.builders import SAMPLE

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'mc:Ignorable="wps"')
LINES = [line for line in SAMPLE.split("\n") if line]
DELETED = "此句已删除不应出现"
INSTRUCTION = "HYPERLINKINSTR"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
             '2006/relationships">{rels}</Relationships>')
_REL = ('<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" '
        'Target="{target}"/>')


def p(text: str, extra: str = "") -> str:
    """A plain paragraph."""
    return f"<w:p>{extra}<w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>"


def r(text: str) -> str:
    return f"<w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r>"


def write(folder: Path, name: str, body: str, styles: str | None = None, numbering: str | None = None,
          chunks: dict[str, bytes] | None = None) -> Path:
    """A minimal but valid .docx whose body is ``body`` (styles, numbering and altChunk parts when given: a chunk
    named ``chunk1.htm`` is referred to by ``r:id="chunk1"``)."""
    rels = []
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for chunk_name, data in (chunks or {}).items():
            archive.writestr(f"word/{chunk_name}", data)
            rel_id = chunk_name.rsplit(".", 1)[0]
            rels.append(_REL.format(id=rel_id, kind="aFChunk", target=chunk_name))
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                              f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>")
        if styles is not None:
            archive.writestr("word/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>{styles}'
                                                f"</w:styles>")
            rels.append(_REL.format(id="rIdS", kind="styles", target="styles.xml"))
        if numbering is not None:
            archive.writestr("word/numbering.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>'
                                                   f"{numbering}</w:numbering>")
            rels.append(_REL.format(id="rIdN", kind="numbering", target="numbering.xml"))
        archive.writestr("word/_rels/document.xml.rels", _DOC_RELS.format(rels="".join(rels)))
    return path


def _split(carried: range) -> tuple[str, list[str], str]:
    """Paragraphs before the carried lines, the carried lines, paragraphs after them."""
    before = "".join(p(line) for line in LINES[:carried.start])
    after = "".join(p(line) for line in LINES[carried.stop:])
    return before, LINES[carried.start:carried.stop], after


CARRIED = range(3, 9)  # the achievements, shortcomings and leader-duty parts


def tracked_insertions(folder: Path, name: str = "tracked.docx") -> Path:
    """Lines typed with track changes on (w:ins), a deleted sentence (w:del) and a moved one (moveFrom/moveTo)."""
    before, carried, after = _split(CARRIED)
    middle = "".join(
        f'<w:p><w:ins w:id="{i}" w:author="王明" w:date="2025-01-01T00:00:00Z">{r(line)}</w:ins>'
        f'<w:del w:id="{100 + i}" w:author="王明" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>{DELETED}'
        f'</w:delText></w:r></w:del></w:p>' for i, line in enumerate(carried))
    moved = (f'<w:p><w:moveFrom w:id="300" w:author="a" w:date="2025-01-01T00:00:00Z">{r(DELETED)}</w:moveFrom></w:p>')
    return write(folder, name, before + middle + moved + after)


def content_controls(folder: Path, name: str = "sdt.docx") -> Path:
    """Block, run and cell content controls (w:sdt) carrying report lines."""
    before, carried, after = _split(CARRIED)
    block = "".join(p(line) for line in carried[:3])
    inline = "".join(f'<w:p><w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{r(line)}</w:sdtContent>'
                     f"</w:sdt></w:p>" for line in carried[3:5])
    cell = (f"<w:tbl><w:tr><w:sdt><w:sdtContent><w:tc>{p(carried[5])}</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>")
    body = (before + f"<w:sdt><w:sdtPr><w:tag w:val=\"body\"/></w:sdtPr><w:sdtContent>{block}</w:sdtContent></w:sdt>"
            + inline + cell + after)
    return write(folder, name, body)


def whole_body_in_one_control(folder: Path, name: str = "template.docx") -> Path:
    """A template whose whole body is one content control (refused as "no text" by a body-level reader)."""
    inner = "".join(p(line) for line in LINES)
    return write(folder, name, f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>")


def _textbox_run(lines: list[str]) -> str:
    inner = "".join(p(line) for line in lines)
    drawing = (f"<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{inner}"
               f"</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>")
    vml = f'<w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>'
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
            f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>")


def text_boxes(folder: Path, name: str = "textbox.docx", vml_only: bool = False) -> Path:
    """Report lines in a text box, stored as Word does: DrawingML choice plus a VML fallback copy (or VML only,
    as older Word and WPS write)."""
    before, carried, after = _split(CARRIED)
    if vml_only:
        inner = "".join(p(line) for line in carried)
        run = f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    else:
        run = _textbox_run(carried)
    return write(folder, name, before + f"<w:p>{run}</w:p>" + after)


def nested_tables(folder: Path, name: str = "nested.docx", depth: int = 3) -> Path:
    """Report lines in a table inside a table (``depth`` levels), the way layout tables are built."""
    before, carried, after = _split(CARRIED)
    inner = "".join(p(line) for line in carried)
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return write(folder, name, before + inner + after)


def custom_xml(folder: Path, name: str = "customxml.docx") -> Path:
    """Report lines wrapped in w:customXml at block and run level, and in smart tags."""
    before, carried, after = _split(CARRIED)
    block = "".join(p(line) for line in carried[:3])
    inline = "".join(f'<w:p><w:customXml w:element="x">{r(line)}</w:customXml></w:p>' for line in carried[3:5])
    tag = f'<w:p><w:smartTag w:element="date">{r(carried[5])}</w:smartTag></w:p>'
    return write(folder, name, before + f'<w:customXml w:element="report">{block}</w:customXml>' + inline + tag
                 + after)


def fields(folder: Path, name: str = "fields.docx") -> Path:
    """The closing date as a DATE field result (complex field, instruction dropped), the signature as a
    w:fldSimple, a hyperlink field around a line, and a nested field inside an instruction."""
    body = "".join(p(line) for line in LINES[:-2])
    body += (f'<w:p><w:fldSimple w:instr=" AUTHOR "><w:r><w:t>{escape(LINES[-2])}</w:t></w:r></w:fldSimple></w:p>')
    body += ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ '
             f'"yyyy年M月d日" {INSTRUCTION}</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>NESTEDINSTR</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>NESTEDRESULT</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             f'<w:r><w:t>{escape(LINES[-1])}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    return write(folder, name, body)


def unterminated_field(folder: Path, name: str = "open-field.docx") -> Path:
    """A field begun and never ended near the top: a reader that trusts it hides everything after."""
    body = (p(LINES[0]) + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
            '</w:r></w:p>' + "".join(p(line) for line in LINES[1:]))
    return write(folder, name, body)


def hidden_text(folder: Path, name: str = "hidden.docx") -> Path:
    """The report plus a run of hidden text (w:vanish) that Word does not show."""
    body = "".join(p(line) for line in LINES)
    body += f'<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>{DELETED}</w:t></w:r></w:p>'
    return write(folder, name, body)


_LIST = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
         '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')


def style_cycle(folder: Path, name: str = "style-cycle.docx", length: int = 2) -> Path:
    """Styles based on each other in a ring of ``length`` (2 KB; loops a reader that follows basedOn blindly),
    the report's headings in one of them, numbered through a list."""
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="s{i}"/>'
                     f'<w:basedOn w:val="S{(i + 1) % length}"/></w:style>' for i in range(length))
    body = "".join(p(line, '<w:pPr><w:pStyle w:val="S0"/></w:pPr>') for line in LINES)
    return write(folder, name, body, styles=styles, numbering=_LIST)


def numbering_link_cycle(folder: Path, name: str = "numbering-cycle.docx") -> Path:
    """A list whose definition links to a style whose list links back to it (numStyleLink <-> styleLink), with
    headings numbered through it."""
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="L"/></w:abstractNum>'
                 '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    styles = ('<w:style w:type="numbering" w:styleId="L"><w:name w:val="l"/><w:pPr><w:numPr><w:numId w:val="5"/>'
              '</w:numPr></w:pPr></w:style>')
    body = "".join(p(line, '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr>')
                   for line in LINES)
    return write(folder, name, body, styles=styles, numbering=numbering)


def numbered_headings(folder: Path, name: str = "numbered.docx") -> Path:
    """Headings without their 一、 in the text, numbered by Word through a style based on another style."""
    styles = ('<w:style w:type="paragraph" w:styleId="H"><w:name w:val="h"/><w:basedOn w:val="Base"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="b"/><w:pPr><w:numPr><w:numId w:val="5"/>'
              '</w:numPr></w:pPr></w:style>')
    body = ""
    for line in LINES:
        if line[:2] in ("一、", "二、", "三、", "四、"):
            body += p(line[2:], '<w:pPr><w:pStyle w:val="H"/></w:pPr>')
        else:
            body += p(line)
    return write(folder, name, body, styles=styles, numbering=_LIST)


def everything(folder: Path, name: str = "everything.docx") -> Path:
    """Every construct at once, nested inside each other: a text box in a content control in a table cell holding
    a tracked insertion inside customXml."""
    before, carried, after = _split(CARRIED)
    inner = "".join(f'<w:p><w:customXml w:element="c"><w:ins w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z">'
                    f"{r(line)}</w:ins></w:customXml></w:p>" for line in carried)
    box = f"<w:p>{_textbox_run([])}</w:p>".replace("<w:txbxContent></w:txbxContent>", f"<w:txbxContent>{inner}"
                                                                                          "</w:txbxContent>")
    body = before + f"<w:tbl><w:tr><w:tc><w:sdt><w:sdtContent>{box}</w:sdtContent></w:sdt></w:tc></w:tr></w:tbl>"
    return write(folder, name, body + after)


def alt_chunks(folder: Path, name: str = "altchunk.docx") -> Path:
    """Report lines in documents embedded with w:altChunk (an html page, an RTF file, another .docx), as
    mail-merge and web tools insert them."""
    from tests.hostile_formats import _rtf_escape

    before, carried, after = _split(CARRIED)
    html = ("<html><head><meta charset='gbk'></head><body>" + "".join(f"<p>{x}</p>" for x in carried[:2])
            + "</body></html>").encode("gbk")
    rtf = ("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 x;}}"
           + "".join(f"{{\\pard\\f0 {_rtf_escape(x, 'gbk')}\\par}}" for x in carried[2:4]) + "}").encode("ascii")
    inner_path = write(folder, "inner.docx", "".join(p(x) for x in carried[4:]))
    inner = inner_path.read_bytes()
    inner_path.unlink()
    body = (before + '<w:altChunk r:id="chunk1"/><w:altChunk r:id="chunk2"/><w:altChunk r:id="chunk3"/>' + after)
    return write(folder, name, body, chunks={"chunk1.htm": html, "chunk2.rtf": rtf, "chunk3.docx": inner})
