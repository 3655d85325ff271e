"""Read a report file of any supported format into decoded, normalized text.

``read_report(path)`` is the one entry point: it checks size and kind, dispatches to the reader for the
format, normalizes the text once, and returns a :class:`SourceDocument`. Every failure is an
:class:`~desktop.core.errors.IngestError` naming the file, the problem and what to do.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import IngestError
from desktop.core.ingest.containers import check_zip_expansion, ole_kind, zip_members
from desktop.core.ingest.docx_package import other_zip_kind
from desktop.core.ingest.docx_reader import read_docx
from desktop.core.ingest.html_reader import looks_like_mhtml, read_html, read_mhtml
from desktop.core.ingest.pdf_reader import read_pdf
from desktop.core.ingest.rtf_reader import is_rtf, read_rtf
from desktop.core.ingest.txt_reader import decode_text
from desktop.core.text import normalize_text

MAX_BYTES = 50 * 1024 * 1024
# what Path.exists() reads as "no such file" (any other error is one of reading it)
_NOT_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
SUPPORTED_SUFFIXES = (".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".shtml", ".mhtml", ".mht", ".rtf", ".doc")


@dataclass(frozen=True)
class SourceDocument:
    """A report read from disk: frozen normalized text plus facts about the source file."""

    path: str
    name: str
    size: int
    sha256: str
    format: str
    encoding: str
    text: str


def sniff_format(path: Path, head: bytes, data: bytes | None = None) -> str:
    """Name the format of a file from its content first and its suffix second.

    With the whole file in ``data``, a zip is called a docx only when it holds a Word document (a .docx renamed
    .txt is still a docx; a plain zip is a zip whatever its name).
    """
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if is_rtf(head):
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        names = zip_members(data) if data is not None else None
        if names is not None:
            return "docx" if "word/document.xml" in names else "zip"
        return "docx" if suffix != ".txt" else "zip"  # unreadable: a damaged docx, unless it claims to be text
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if suffix in (".mhtml", ".mht") or looks_like_mhtml(head):
        return "mhtml"
    lowered = head[:2048].lower()
    if suffix in (".html", ".htm", ".shtml") or b"<html" in lowered or b"<!doctype html" in lowered:
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    return "txt"


def display_name(name: str) -> str:
    """A file name that can be stored and printed: names in bytes that are not UTF-8 (GBK names copied from
    Windows) arrive with surrogate escapes; they are decoded as GB18030 when that reads as text, else shown
    with the bad bytes as \\xNN."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def read_report(path: str | Path) -> SourceDocument:
    """Read one report file and return its normalized text; raise IngestError when it cannot be used."""
    p = Path(path)
    shown = display_name(str(p))
    try:
        info = os.stat(p)  # once: exists, is_dir, is_file and stat asked the system four times
    except OSError as exc:
        if exc.errno in _NOT_THERE:
            raise IngestError(shown, "file not found", "check the path") from None
        raise IngestError(shown, "cannot be read: {reason}", "check the file's permissions",
                          reason=exc.strerror or exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(shown, "is a folder, not a file", "import the folder instead")
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device: reading it could block forever
        raise IngestError(shown, "is not a regular file (a pipe, socket or device)", "import the report file itself")
    size = info.st_size
    if size == 0:
        raise IngestError(shown, "the file is empty (0 bytes)", "re-save or re-download the report")
    if size > MAX_BYTES:
        raise IngestError(
            shown,
            "the file is {size} MB, larger than the {limit} MB limit for one report",
            "split it or check that it really is a single report",
            size=f"{size / 1024 / 1024:.0f}", limit=MAX_BYTES // 1024 // 1024,
        )
    try:
        with open(p, "rb") as handle:
            data = handle.read(min(size, MAX_BYTES) + 1)  # read(n) allocates n bytes up front
    except OSError as exc:
        raise IngestError(shown, "cannot be read: {reason}", "check the file's permissions",
                          reason=exc.strerror or exc) from exc
    if len(data) > MAX_BYTES:  # grew since stat, or a device posing as a file
        raise IngestError(shown, "the file is {size} MB, larger than the {limit} MB limit for one report",
                          "split it or check that it really is a single report",
                          size=f">{MAX_BYTES // 1024 // 1024}", limit=MAX_BYTES // 1024 // 1024)
    fmt = sniff_format(p, data[:4096], data)
    if fmt == "ole":
        if ole_kind(data) == "encrypted":
            raise IngestError(shown, "is a password-protected Word document",
                              "open it in Word or WPS, remove the password and save it as .docx")
        raise IngestError(shown, "is an old Word .doc (or other OLE) file, which is not supported",
                          "open it in Word or WPS and save it as .docx")
    if fmt == "zip":
        other = other_zip_kind(zip_members(data) or [], data)
        if other is not None:
            problem, hint, params = other
            raise IngestError(shown, problem, hint, **params)
        raise IngestError(shown, "is a zip archive, not a text file", "unpack it and import the files inside")
    if fmt == "docx":
        check_zip_expansion(shown, data)
        raw, encoding = read_docx(shown, data), "docx"
    elif fmt == "pdf":
        raw, encoding = read_pdf(shown, data), "pdf"
    elif fmt == "rtf":
        raw, encoding = read_rtf(shown, data), "rtf"
    elif fmt == "mhtml":
        raw, encoding = read_mhtml(shown, data)
        fmt = "html"
    elif fmt == "html":
        raw, encoding = read_html(shown, data)
    else:
        raw, encoding = decode_text(shown, data)
    text = normalize_text(raw)
    if not text.strip():
        raise IngestError(shown, "contains no text after decoding", "check that the file is a report")
    return SourceDocument(
        path=display_name(os.path.realpath(p)),  # Path.resolve() is this plus a Path and a stat (a loop check: the
        # file was just opened, so its path has no link loop)
        name=display_name(p.name),
        size=size,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        encoding=encoding,
        text=text,
    )


__all__ = ["SourceDocument", "read_report", "sniff_format", "display_name", "SUPPORTED_SUFFIXES", "MAX_BYTES"]
