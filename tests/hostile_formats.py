"""Files that are not what a report reader expects, as colleagues send them: RTF (also named .doc, as WPS saves
it), PDFs whose text is not readable, saved pages with a lying charset or a frameset. Shared by the tests
(tests/core/ingest/test_refuse_or_warn.py) and bench/battery.py.
"""

from __future__ import annotations

import io
from pathlib import Path

from tests.core.builders import SAMPLE

LINES = [line for line in SAMPLE.split("\n") if line]


def _rtf_escape(text: str, mode: str) -> str:
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"))
        elif mode == "gbk":
            out.append("".join(f"\\'{b:02x}" for b in ch.encode("gbk")))
        else:
            code = ord(ch)
            out.append(f"\\u{code - 65536 if code > 32767 else code}?")
    return "".join(out)


def rtf(folder: Path, name: str = "report.rtf", mode: str = "gbk") -> Path:
    """An RTF file as Word or WPS writes Chinese: GBK byte escapes (\\'b1\\'a8) in a fcharset 134 font, or
    Unicode escapes (\\u25253?)."""
    paragraphs = "".join(f"{{\\pard\\f1 {_rtf_escape(line, mode)}\\par}}\n" for line in LINES)
    text = ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fswiss Arial;}{\\f1\\fnil\\fcharset134 "
            + _rtf_escape("宋体", "gbk") + ";}}\n{\\*\\generator WPS Office;}\n" + paragraphs + "}")
    path = folder / name
    path.write_bytes(text.encode("ascii"))
    return path


def rtf_fields_on_one_line(folder: Path, count: int = 20_000, name: str = "fields.rtf") -> Path:
    """The report followed by ``count`` fields that are not hyperlinks, all on one line."""
    base = rtf(folder, name).read_bytes()
    fields = b"{\\field{\\*\\fldinst{ PAGE }}{\\fldrslt{1}}}" * count
    path = folder / name
    path.write_bytes(base[:-1] + fields + b"}")
    return path


def pdf_without_tounicode(folder: Path, name: str = "no-tounicode.pdf") -> Path:
    """A PDF whose CJK font has no ToUnicode map: its text layer extracts as private-use and control characters
    (Identity-H glyph ids), the way many Chinese PDF printers write."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

    writer = PdfWriter()
    lines = []
    y = 800
    for n, line in enumerate(LINES * 3):
        glyphs = "".join(f"{0xE000 + (ord(ch) * 7 + n) % 0x1800:04X}" if ord(ch) > 127 else f"{ord(ch) % 31 + 1:04X}"
                         for ch in line)
        lines.append(f"BT /F1 12 Tf 40 {y} Td <{glyphs}> Tj ET")
        y -= 16
    page = writer.add_blank_page(595, 842)
    stream = DecodedStreamObject()
    stream.set_data("\n".join(lines).encode("ascii"))
    descendant = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/CIDFontType2"),
        NameObject("/BaseFont"): NameObject("/SimSun"),
        NameObject("/CIDSystemInfo"): DictionaryObject({
            NameObject("/Registry"): _pdf_string("Adobe"), NameObject("/Ordering"): _pdf_string("Identity"),
            NameObject("/Supplement"): NumberObject(0)}),
    })
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
        NameObject("/BaseFont"): NameObject("/SimSun"), NameObject("/Encoding"): NameObject("/Identity-H"),
        NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
    })
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    page[NameObject("/Contents")] = writer._add_object(stream)
    path = folder / name
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def _pdf_string(text: str):
    from pypdf.generic import TextStringObject

    return TextStringObject(text)


def _cjk_canvas(buffer, pagesize):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(buffer, pagesize=pagesize)
    return c


def pdf_scanned_with_footer(folder: Path, pages: int = 6, name: str = "scanned-footer.pdf") -> Path:
    """A scanned report: every page an image (here: grey boxes) with only a text footer and a page number."""
    buffer = io.BytesIO()
    c = _cjk_canvas(buffer, (595, 842))
    for n in range(1, pages + 1):
        c.setFillGray(0.3)
        for i in range(30):
            c.rect(50, 760 - i * 22, 480, 14, fill=1, stroke=0)
        c.setFillGray(0)
        c.setFont("STSong-Light", 9)
        c.drawString(200, 40, "某县人民政府门户网站 www.example.gov.cn")
        c.drawString(290, 25, f"- {n} -")
        c.showPage()
    c.save()
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


def pdf_two_up(folder: Path, interleaved: bool = True, name: str = "two-up.pdf") -> Path:
    """Pages printed 2-up on landscape sheets. ``interleaved``: the printer drew the sheet line by line across
    both pages, so the text layer alternates a line of the left page and a line of the right page."""
    buffer = io.BytesIO()
    c = _cjk_canvas(buffer, (842, 595))
    text = (SAMPLE * 3).split("\n")
    text = [line for line in text if line]
    per_page = 24
    pages = [text[i:i + per_page] for i in range(0, len(text), per_page)]
    for s in range(0, len(pages), 2):
        left = pages[s]
        right = pages[s + 1] if s + 1 < len(pages) else []
        c.setFont("STSong-Light", 10)
        if interleaved:
            for i in range(max(len(left), len(right))):
                y = 560 - i * 20
                if i < len(left):
                    c.drawString(30, y, left[i][:36])
                if i < len(right):
                    c.drawString(450, y, right[i][:36])
        else:
            for column, x in ((left, 30), (right, 450)):
                for i, line in enumerate(column):
                    c.drawString(x, 560 - i * 20, line[:36])
        c.showPage()
    c.save()
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file from object bodies (object 1 the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_inflating(folder: Path, megabytes: int = 60, streams: int = 3, name: str = "inflating.pdf") -> Path:
    """A small PDF whose ``streams`` page content streams inflate to ``megabytes`` each (a few hundred KB on
    disk), full of text-showing operators a text extractor must parse."""
    import zlib

    chunk = b"BT /F1 1 Tf (a) Tj ET\n"
    payload = zlib.compress(chunk * (megabytes * 1024 * 1024 // len(chunk)), 9)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(streams))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {streams} >>".encode()]
    for i in range(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
                       "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
                       .encode())
        objects.append(f"<< /Length {len(payload)} /Filter /FlateDecode >>\nstream\n".encode() + payload
                       + b"\nendstream")
    path = folder / name
    path.write_bytes(raw_pdf(objects))
    return path


def pdf_many_pages(folder: Path, pages: int = 20_000, name: str = "many-pages.pdf") -> Path:
    """A PDF of ``pages`` empty pages sharing one content stream (small on disk)."""
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
               b"<< /Length 0 >>\nstream\n\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    path = folder / name
    path.write_bytes(raw_pdf(objects))
    return path


def html_lying_charset(folder: Path, declared: str = "windows-1252", encoding: str = "gbk",
                       name: str = "lying.html") -> Path:
    """A page whose bytes are GBK but whose meta tag declares a Western code page."""
    body = "".join(f"<p>{line}</p>" for line in LINES)
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}"></head>'
            f'<body><div id="zoom">{body}</div></body></html>')
    path = folder / name
    path.write_bytes(page.encode(encoding))
    return path


def html_frameset(folder: Path, name: str = "index.html", content: str = "content_2024.htm") -> Path:
    """A frameset page (the text sits in another file of the saved folder)."""
    page = ('<html><head><title>某县人民政府</title></head><frameset rows="80,*"><frame src="top.htm">'
            f'<frame src="{content}" name="main"><noframes>您的浏览器不支持框架</noframes></frameset></html>')
    path = folder / name
    path.write_text(page, encoding="utf-8")
    return path


def html_unclosed(folder: Path, what: str, count: int, name: str | None = None) -> Path:
    """The report, then ``count`` unclosed ``<!--`` or ``<script>`` openings (pages that grow quadratically)."""
    body = "".join(f"<p>{line}</p>" for line in LINES)
    junk = {"comment": "<!-- x ", "script": "<script>var a=1;", "style": "<style>p{}"}[what] * count
    page = f'<html><head><meta charset="utf-8"></head><body><div id="zoom">{body}</div>{junk}</body></html>'
    path = folder / (name or f"unclosed-{what}.html")
    path.write_text(page, encoding="utf-8")
    return path


def folder_with_unreachable_parts(folder: Path) -> dict[str, Path]:
    """A folder to import holding: a readable report, a subfolder nobody but root may list (3 reports), a
    subfolder deeper than PATH_MAX (1 report), a link to a secret file outside, a link to a folder outside, a
    dangling link and a link to a report inside the folder. Returns the paths by role."""
    import os

    from tests.hostile import variant

    top = folder / "in"
    top.mkdir()
    (top / "ok.txt").write_text(variant(50), encoding="utf-8")
    locked = top / "locked"
    locked.mkdir()
    for i in range(3):
        (locked / f"r{i}.txt").write_text(variant(51 + i), encoding="utf-8")
    locked.chmod(0o700)  # root lists it; an ordinary user cannot
    outside = folder / "outside"
    outside.mkdir()
    secret = outside / "id_rsa.txt"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n", encoding="utf-8")
    (top / "key.txt").symlink_to(secret)
    (top / "home").symlink_to(outside)
    (top / "gone.txt").symlink_to(folder / "nothing-here.txt")
    (top / "again.txt").symlink_to(top / "ok.txt")
    # a chain of folders whose path passes PATH_MAX (4096 bytes), made relative to a descriptor at each step
    deep = top / "deep"
    deep.mkdir()
    fd = os.open(deep, os.O_RDONLY)
    try:
        for _ in range(20):
            os.mkdir("d" * 240, dir_fd=fd)
            nxt = os.open("d" * 240, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        report = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(report, variant(55).encode("utf-8"))
        os.close(report)
    finally:
        os.close(fd)
    return {"top": top, "locked": locked, "secret": secret, "deep": deep}


def pdf_gbk_bytes_in_a_western_font(folder: Path, encoding: str = "/WinAnsiEncoding",
                                    name: str = "western-font.pdf") -> Path:
    """A PDF whose text strings are the report's GBK bytes shown in a Western font (a Chinese font substituted
    without its map): extracted, each byte becomes a Latin character (ÄêÓÚ…)."""
    lines = []
    y = 800
    for line in LINES:
        raw = line.encode("gbk")
        escaped = "".join(f"\\{b:03o}" for b in raw)
        lines.append(f"BT /F1 12 Tf 40 {y} Td ({escaped}) Tj ET")
        y -= 20
    content = "\n".join(lines).encode("ascii")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 "
               + f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding {encoding} >>".encode()
               + b" >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"]
    path = folder / name
    path.write_bytes(raw_pdf(objects))
    return path


def pdf_scan_with_typed_cover(folder: Path, pages: int = 30, name: str = "cover-then-scan.pdf") -> Path:
    """A typed first page (the report's opening, as a summary sheet) followed by scanned pages with a page
    number each."""
    buffer = io.BytesIO()
    c = _cjk_canvas(buffer, (595, 842))
    c.setFont("STSong-Light", 11)
    for i, line in enumerate(LINES):
        c.drawString(40, 780 - i * 24, line[:44])
    c.showPage()
    for n in range(2, pages + 1):
        c.setFillGray(0.3)
        for i in range(30):
            c.rect(50, 760 - i * 22, 480, 14, fill=1, stroke=0)
        c.setFillGray(0)
        c.setFont("STSong-Light", 9)
        c.drawString(290, 25, f"- {n} -")
        c.showPage()
    c.save()
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path
