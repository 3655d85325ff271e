"""Bad inputs and faults, built on the fly (no binary fixtures): shared by the tests and bench/battery.py.

Each builder writes one hostile file into a folder and returns its path. The report text they carry is the
builders' SAMPLE (or a variant of it), so a correct import can be checked by its parts.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
import zipfile
from pathlib import Path

from desktop.core.ingest.importer import import_paths
from desktop.core.panel.adjudication import set_final_comment, set_final_score
from desktop.core.panel.assignments import assign
from desktop.core.review.annotations import create_annotation
from desktop.core.review.codebook import ensure_default_codebook, list_tags
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring.rubric import load_default_rubric, store_rubric
from desktop.core.scoring.scores import set_score
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from tests.core.builders import SAMPLE, pdf_bytes, saved_web_page, write_docx

TAIL_SENTENCE = "四、2025年工作安排"  # a part heading late in SAMPLE: lost text would lose it


def variant(n: int) -> str:
    """SAMPLE with a different year, so variants are not duplicates of each other."""
    return SAMPLE.replace("2024年", f"{1990 + n}年")


def html_with_embed(folder: Path, name: str = "embed.html") -> Path:
    """An <object> left open before the content and an <embed> inside it: sloppy pages swallow the report."""
    paragraphs = "".join(f"<p>{line}</p>" for line in SAMPLE.split("\n") if line)
    page = (f'<html><head><meta charset="utf-8"></head><body><div class="banner"><object data="flash.swf">'
            f'<param name="movie" value="flash.swf"><embed src="flash.swf" type="application/x-shockwave-flash">'
            f'<div id="zoom">{paragraphs}</div></body></html>')
    path = folder / name
    path.write_text(page, encoding="utf-8")
    return path


def html_deep(folder: Path, depth: int, name: str | None = None) -> Path:
    """The report inside ``depth`` nested elements, with its last part after them."""
    lines = [line for line in SAMPLE.split("\n") if line]
    cut = lines.index(TAIL_SENTENCE)
    head = "".join(f"<p>{line}</p>" for line in lines[:cut])
    tail = "".join(f"<p>{line}</p>" for line in lines[cut:])
    page = ("<html><body>" + "<div><span>" * (depth // 2) + head + "</span></div>" * (depth // 2) + tail
            + "</body></html>")
    path = folder / (name or f"deep-{depth}.html")
    path.write_text(page, encoding="utf-8")
    return path


def html_bad_charset(folder: Path, charset: str, encoding: str = "utf-8") -> Path:
    """A page whose <meta charset> is bogus (undefined, utf-16, unicode_escape …); its bytes are ``encoding``."""
    path = folder / f"charset-{re.sub(r'[^a-z0-9]+', '_', charset.lower())}-{encoding}.html"
    path.write_bytes(saved_web_page(charset=charset).encode(encoding))
    return path


def mhtml(folder: Path, name: str = "page.mhtml", charset: str = "gb2312") -> Path:
    """A page saved by a browser as MHTML: quoted-printable html part in GBK plus an image part."""
    import quopri

    html = saved_web_page(charset=charset).encode("gb18030")
    body = quopri.encodestring(html).decode("ascii")
    data = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: http://example.gov.cn/a.html\r\n"
            "Subject: report\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_Part_1"\r\n\r\n'
            "------=_Part_1\r\n"
            f"Content-Type: text/html; charset={charset}\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: http://example.gov.cn/a.html\r\n\r\n"
            f"{body}\r\n"
            "------=_Part_1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Location: http://example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n"
            "------=_Part_1--\r\n")
    path = folder / name
    path.write_bytes(data.encode("ascii"))
    return path


def docx_bad_numbering(folder: Path, name: str = "bad-numbering.docx") -> Path:
    """A docx with Word list numbering whose attributes are not numbers (start="abc", ilvl="x", numId="y")."""
    import docx

    document = docx.Document()
    for line in SAMPLE.split("\n"):
        style = "List Number" if line.startswith(("一、", "二、", "三、", "四、")) else None
        document.add_paragraph(line, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return _rewrite_zip(buffer.getvalue(), folder / name, {
        "word/numbering.xml": lambda x: re.sub(rb'w:start w:val="\d+"', b'w:start w:val="abc"',
                                               re.sub(rb'w:ilvl="\d+"', b'w:ilvl="x"', x)),
        "word/document.xml": lambda x: x.replace(b"<w:pStyle", b'<w:numPr><w:ilvl w:val="x"/>'
                                                 b'<w:numId w:val="y"/></w:numPr><w:pStyle', 1),
        "word/styles.xml": lambda x: re.sub(rb'<w:numId w:val="\d+"/>', b'<w:numId w:val="1"/>'
                                            b'<w:ilvl w:val="q"/>', x),
    })


def _rewrite_zip(data: bytes, target: Path, edits: dict) -> Path:
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            content = src.read(info)
            if info.filename in edits:
                content = edits[info.filename](content)
            out.writestr(info, content)
    return target


def docx_encrypted(folder: Path, name: str = "protected.docx") -> Path:
    """What Word writes for a password-protected .docx: an OLE compound file holding EncryptionInfo and
    EncryptedPackage streams (header, directory with the stream names, random payload)."""
    sector = 512
    header = bytearray(sector)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1C] = b"\x3e\x00\x03\x00"
    header[0x1C:0x1E] = b"\xfe\xff"
    header[0x1E:0x20] = b"\x09\x00"
    directory = bytearray()
    for entry in ("Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"):
        raw = entry.encode("utf-16-le") + b"\x00\x00"
        record = bytearray(128)
        record[:len(raw)] = raw
        record[64:66] = len(raw).to_bytes(2, "little")
        record[66] = 5 if entry == "Root Entry" else 2
        directory += record
    payload = os.urandom(8 * sector)
    path = folder / name
    path.write_bytes(bytes(header) + bytes(directory) + payload)
    return path


def docx_renamed_txt(folder: Path, name: str = "really-a-docx.txt") -> Path:
    """A .docx someone renamed to .txt."""
    made = write_docx(folder, "renamed-source.docx", text=variant(3))
    target = folder / name
    made.rename(target)
    return target


def zip_bomb(folder: Path, name: str = "bomb.docx", megabytes: int = 200) -> Path:
    """A docx whose document.xml inflates to ``megabytes`` MB (a few MB on disk)."""
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"<w:t>" + b" " * (1024 * 1024 - 11) + b"</w:t>"
            for _ in range(megabytes):
                member.write(chunk)
    return path


def pdf_encrypted(folder: Path, name: str, user_password: str, algorithm: str = "AES-256") -> Path:
    """A pdf encrypted with ``algorithm``; an empty user password only restricts copying/printing."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text=variant(5 if user_password else 6)))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    path = folder / name
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def unmarked_unicode(folder: Path, encoding: str) -> Path:
    """The report in UTF-16/UTF-32 without a byte-order mark."""
    n = {"utf-16-le": 11, "utf-16-be": 12, "utf-32-le": 13, "utf-32-be": 14}[encoding]
    path = folder / f"unmarked-{encoding}.txt"
    path.write_bytes(variant(n).encode(encoding))
    return path


def same_report_four_ways(folder: Path) -> list[Path]:
    """One report saved as UTF-8, UTF-8 with BOM, with CRLF line ends and as GBK."""
    text = variant(20)
    out = []
    for name, data in (("same-utf8.txt", text.encode("utf-8")),
                       ("same-utf8-bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
                       ("same-crlf.txt", text.replace("\n", "\r\n").encode("utf-8")),
                       ("same-gbk.txt", text.encode("gbk"))):
        (folder / name).write_bytes(data)
        out.append(folder / name)
    return out


def odd_file_names(folder: Path) -> list[Path]:
    """Reports whose names hold a tab and a newline, and one whose name is GBK bytes (报告.txt)."""
    tabbed = folder / "tab\there\nnewline.txt"
    tabbed.write_text(variant(30), encoding="utf-8")
    gbk = Path(os.fsdecode(os.fsencode(folder) + b"/" + "报告".encode("gbk") + b".txt"))
    gbk.write_text(variant(31), encoding="utf-8")
    return [tabbed, gbk]


def fifo(folder: Path, name: str = "pipe.txt") -> Path:
    """A named pipe posing as a report (opening it for reading would block forever)."""
    path = folder / name
    os.mkfifo(path)
    return path


def unreadable(folder: Path, name: str = "locked.txt") -> Path:
    """A report nobody but its owner (root, here) may read: read it as an unprivileged user."""
    path = folder / name
    path.write_text(variant(40), encoding="utf-8")
    path.chmod(0)
    return path


def unprivileged_kwargs() -> dict:
    """subprocess.run arguments that drop root (who may read and write anything) to an ordinary user, so that
    permissions and read-only locations apply."""
    return {"user": "nobody"} if os.geteuid() == 0 else {}


def reviewer_db(path: Path, seeds_dir: Path) -> Path:
    """A real second reviewer's database: two documents, an annotation with a tag, a score, a review."""
    db = open_database(path)
    import_paths(db, [seeds_dir / f for f in ("000_0a101bd46eacac2a.txt", "001_a35be3758fcb709b.txt")])
    ensure_default_codebook(db)
    bob = get_or_create_reviewer(db, "李评审")
    doc = list_documents(db)[0]
    create_annotation(db, doc.id, 10, 30, reviewer_id=bob.id, tag_ids=[list_tags(db)[0].id], comment="具体")
    rubric = load_default_rubric()
    store_rubric(db, rubric)
    criterion = rubric.criteria[0]
    set_score(db, doc.id, bob.id, rubric, criterion.id, criterion.max_points)
    assign(db, [doc.id], [bob.id], by="组长")
    set_final_score(db, doc.id, rubric, criterion.id, criterion.max_points, by="组长")
    set_final_comment(db, doc.id, rubric, "举措具体。", by="组长")
    db.conn.close()
    return path


def loosen(conn: sqlite3.Connection, table: str) -> None:
    """Rebuild a table without its constraints, as a hand-made or damaged file may have it."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(f"ALTER TABLE {table} RENAME TO {table}_strict")
    conn.execute(f"CREATE TABLE {table} AS SELECT * FROM {table}_strict")
    conn.execute(f"DROP TABLE {table}_strict")


BREAKAGES = {
    "offsets as text": ("annotations", "UPDATE annotations SET start = 'abc'", "start should be a whole number"),
    "NULL updated_at": ("annotations", "UPDATE annotations SET updated_at = NULL", "updated_at is empty"),
    "dangling document": ("annotations", "UPDATE annotations SET document_id = 'no-such-doc'", "exists in neither"),
    "BLOB comment": ("annotations", "UPDATE annotations SET comment = X'00ff10'", "comment should be text but is blob"),
    "invalid UTF-8": ("annotations", "UPDATE annotations SET quote = CAST(X'e6b3d5ff' AS TEXT)", "not valid UTF-8"),
    "offset past the end": ("annotations", 'UPDATE annotations SET "end" = 99999999', "past the end"),
    "score 'abc'": ("scores", "UPDATE scores SET value = 'abc'", "value should be a number"),
    "score 1e308": ("scores", "UPDATE scores SET value = 1e308", "outside"),
    "score -50": ("scores", "UPDATE scores SET value = -50", "outside"),
    "unparseable rubric": ("rubrics", "UPDATE rubrics SET content = 'criteria = [ broken'", "not a valid rubric"),
    "20 MB comment": ("annotations", "UPDATE annotations SET comment = printf('%.*c', 20000000, 'x')",
                      "characters long"),
    "malformed missing": ("documents", "UPDATE documents SET missing = 'achievements,oops'", "missing is not a JSON"),
    "unknown missing kind": ("documents", "UPDATE documents SET missing = '[\"bogus\"]'", "missing is not a JSON"),
    "bad time stamp": ("reviews", "UPDATE reviews SET updated_at = 'yesterday'", "not a time stamp"),
    "section past the text": ("sections", 'UPDATE sections SET "end" = 10000000 WHERE ordinal = 0', "past the end"),
    "not-applicable flag 7": ("scores", "UPDATE scores SET not_applicable = 7", "not_applicable is 7"),
    "unknown review status": ("reviews", "UPDATE reviews SET status = 'approved?'", "not one of"),
    "dangling tag": ("annotation_tags", "UPDATE annotation_tags SET tag_id = 'ghost'", "exists in neither"),
    "assignment of nobody": ("assignments", "UPDATE assignments SET reviewer_id = 'ghost'", "exists in neither"),
    "final score 'abc'": ("adjudication_scores", "UPDATE adjudication_scores SET value = 'abc'",
                          "value should be a number"),
    "final score past the maximum": ("adjudication_scores", "UPDATE adjudication_scores SET value = 1e308",
                                     "outside"),
    "final comment as BLOB": ("adjudications", "UPDATE adjudications SET comment = X'00ff'",
                              "comment should be text but is blob"),
}


def child_pids(parent: int) -> set[int]:
    """Process ids whose parent is ``parent`` (Linux /proc)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                    out.add(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return out


def cmdline(pid: int) -> str:
    """The command line of a process, '' when it is gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def is_alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
