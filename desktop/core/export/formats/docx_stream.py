"""Write a long Word document one section at a time, in bounded memory.

python-docx keeps the whole document as one XML tree: 2,000 review sheets took 650 MB. :class:`DocxStream` instead
takes a document prepared by python-docx (its styles, page size and margins; an empty body) as the template,
and writes ``word/document.xml`` into the zip as each section's elements are produced, so only one sheet is ever
in memory. Each section starts on a new page and has its own header (the report's name); all share one footer,
第 X 页 共 Y 页, made of the Word fields PAGE and NUMPAGES, counted over the whole document. (Counting per sheet
would need SECTIONPAGES with numbering restarted per section: Word shows it, but LibreOffice prints the cached
value, "共 1 页", on every page; one file per sheet, ``--per-report``, counts each sheet's own pages.)
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from desktop.core.export.safe import xml_safe

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = f'xmlns:w="{W}" xmlns:r="{R}"'
_HEADER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_FOOTER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_FOOTER_ID = "rIdRDFooter"


def _run(text: str, size_half_points: int) -> str:
    return (f'<w:r><w:rPr><w:sz w:val="{size_half_points}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t>'
            "</w:r>")


def _field(instruction: str, shown: str, size_half_points: int) -> str:
    rpr = f'<w:rPr><w:sz w:val="{size_half_points}"/></w:rPr>'
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r>{rpr}<w:t>{shown}</w:t></w:r>"
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


def header_xml(text: str) -> str:
    """A header part: ``text`` centred in 9 pt over a thin rule."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {_NS}><w:p><w:pPr>'
            '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>'
            f'<w:jc w:val="center"/></w:pPr>{_run(xml_safe(text), 18)}</w:p></w:hdr>')


def footer_xml() -> str:
    """The footer part: 第 X 页 共 Y 页 as the Word fields PAGE and NUMPAGES."""
    total = "NUMPAGES"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {_NS}><w:p><w:pPr>'
            '<w:jc w:val="center"/></w:pPr>'
            f'{_run("第 ", 18)}{_field("PAGE", "1", 18)}{_run(" 页 共 ", 18)}{_field(total, "1", 18)}'
            f'{_run(" 页", 18)}</w:p></w:ftr>')


class DocxStream:
    """Sections appended one by one to ``path``; :meth:`close` finishes the file.

    ``template`` is a python-docx Document whose body is empty but for its section properties (page size,
    margins): every section gets a copy of them, with its own header, the shared footer and page numbers from 1.
    """

    def __init__(self, template, path: Path, sections: int) -> None:
        buffer = io.BytesIO()
        template.save(buffer)
        self._template = zipfile.ZipFile(buffer)
        body = template.element.body
        sect = body.sectPr
        self._sect_inner = b"".join(etree.tostring(child) for child in sect) if sect is not None else b""
        self._sect = self._sect_pr_template()
        self._expected = max(1, sections)
        self._written = 0
        self._headers: list[str] = []
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6)
        self._write_package_parts()
        self._doc = self._zip.open("word/document.xml", "w")
        xml = self._template.read("word/document.xml").decode("utf-8")
        head = xml[:xml.index("<w:body>") + len("<w:body>")]
        self._doc.write(head.encode("utf-8"))

    def _sect_pr_template(self) -> str:
        """The section properties every section gets, as text with ``{header}`` for its header's id."""
        root = etree.fromstring(f'<w:sectPr {_NS}>{self._sect_inner.decode("utf-8")}</w:sectPr>')
        # the template's own header/footer references and numbering (if any) are replaced by the section's
        for tag in ("headerReference", "footerReference", "pgNumType", "titlePg"):
            for el in root.findall(f"{{{W}}}{tag}"):
                root.remove(el)
        etree.cleanup_namespaces(root)
        inner = "".join(etree.tostring(child, encoding="unicode") for child in root)
        # the body's namespaces are declared on the document element: the children are written without them
        inner = inner.replace(f' xmlns:w="{W}"', "").replace(f' xmlns:r="{R}"', "")
        return (f'<w:sectPr><w:headerReference w:type="default" r:id="{{header}}"/>'
                f'<w:footerReference w:type="default" r:id="{_FOOTER_ID}"/>{inner}</w:sectPr>')

    def add_section(self, body: str, header: str) -> None:
        """Write one section: its body XML (w:p and w:tbl elements, the last a paragraph with a w:pPr, as
        desktop.core.export.formats.docx_xml writes them) and the header text of its pages."""
        self._written += 1
        self._headers.append(header)
        sect = self._sect.replace("{header}", f"rIdRDHeader{self._written}")
        if self._written >= self._expected:  # the last section's properties are the body's own
            self._doc.write(body.encode("utf-8"))
            self._doc.write(sect.encode("utf-8"))
            return
        # any other section ends at its last paragraph, whose properties hold the section's (last in w:pPr)
        at = body.rfind("</w:pPr>")
        if at < 0 or body.rfind("<w:p>") < body.rfind("</w:tbl>") or not body.endswith("</w:p>"):
            raise ValueError("a section must end with a paragraph that has properties (w:pPr)")
        self._doc.write(body[:at].encode("utf-8"))
        self._doc.write(sect.encode("utf-8"))
        self._doc.write(body[at:].encode("utf-8"))

    def _write_package_parts(self) -> None:
        """Content types first (as Word writes them), relationships and the template's other parts."""
        rels = self._template.read("word/_rels/document.xml.rels").decode("utf-8")
        types = self._template.read("[Content_Types].xml").decode("utf-8")
        new_rels, new_types = [], []
        for i in range(1, self._expected + 1):
            name = f"rdheader{i}.xml"
            new_rels.append(f'<Relationship Id="rIdRDHeader{i}" Type="{_HEADER_TYPE}" Target="{name}"/>')
            new_types.append(f'<Override PartName="/word/{name}" ContentType="{_HEADER_CT}"/>')
        new_rels.append(f'<Relationship Id="{_FOOTER_ID}" Type="{_FOOTER_TYPE}" Target="rdfooter.xml"/>')
        new_types.append(f'<Override PartName="/word/rdfooter.xml" ContentType="{_FOOTER_CT}"/>')
        self._zip.writestr("[Content_Types].xml", types.replace("</Types>", "".join(new_types) + "</Types>"))
        skip = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
        for info in self._template.infolist():
            if info.filename not in skip:
                self._zip.writestr(info.filename, self._template.read(info.filename))
        self._zip.writestr("word/_rels/document.xml.rels",
                           rels.replace("</Relationships>", "".join(new_rels) + "</Relationships>"))

    def close(self) -> None:
        """Finish document.xml and write the headers and the footer."""
        if self._written != self._expected:
            raise ValueError(f"{self._written} of {self._expected} sections written")
        self._doc.write(b"</w:body></w:document>")
        self._doc.close()
        for i, text in enumerate(self._headers, 1):
            self._zip.writestr(f"word/rdheader{i}.xml", header_xml(text))
        self._zip.writestr("word/rdfooter.xml", footer_xml())
        self._zip.close()
        self._template.close()

    def abort(self) -> None:
        """Close the file without finishing it (the caller deletes it)."""
        try:
            self._doc.close()
        finally:
            self._zip.close()
            self._template.close()
