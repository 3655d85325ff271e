"""Read a report file of any supported format into decoded, normalized text.

``read_report(path)`` is the one entry point: it checks size and kind, dispatches to the reader for the
format, normalizes the text once, and returns a :class:`SourceDocument`. Every failure is an
:class:`~desktop.core.errors.IngestError` naming the file, the problem and what to do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import IngestError
from desktop.core.ingest.docx_reader import read_docx
from desktop.core.ingest.html_reader import read_html
from desktop.core.ingest.pdf_reader import read_pdf
from desktop.core.ingest.txt_reader import decode_text
from desktop.core.text import normalize_text

MAX_BYTES = 50 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".shtml", ".mhtml")


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


def sniff_format(path: Path, head: bytes) -> str:
    """Name the format of a file from its content first and its suffix second."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".zip", ""):
            return "docx"
        return "docx" if suffix != ".txt" else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    lowered = head[:2048].lower()
    if suffix in (".html", ".htm", ".shtml", ".mhtml") or b"<html" in lowered or b"<!doctype html" in lowered:
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    return "txt"


def read_report(path: str | Path) -> SourceDocument:
    """Read one report file and return its normalized text; raise IngestError when it cannot be used."""
    p = Path(path)
    shown = str(p)
    if not p.exists():
        raise IngestError(shown, "file not found", "check the path")
    if p.is_dir():
        raise IngestError(shown, "is a folder, not a file", "import the folder instead")
    size = p.stat().st_size
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
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(shown, "cannot be read: {reason}", "check the file's permissions",
                          reason=exc.strerror or exc) from exc
    fmt = sniff_format(p, data[:4096])
    if fmt == "ole":
        raise IngestError(shown, "is an old Word .doc (or other OLE) file, which is not supported",
                          "open it in Word or WPS and save it as .docx")
    if fmt == "zip":
        raise IngestError(shown, "is a zip archive, not a text file", "unpack it and import the files inside")
    if fmt == "docx":
        raw, encoding = read_docx(shown, data), "docx"
    elif fmt == "pdf":
        raw, encoding = read_pdf(shown, data), "pdf"
    elif fmt == "html":
        raw, encoding = read_html(shown, data)
    else:
        raw, encoding = decode_text(shown, data)
    text = normalize_text(raw)
    if not text.strip():
        raise IngestError(shown, "contains no text after decoding", "check that the file is a report")
    return SourceDocument(
        path=str(p.resolve()),
        name=p.name,
        size=size,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        encoding=encoding,
        text=text,
    )


__all__ = ["SourceDocument", "read_report", "sniff_format", "SUPPORTED_SUFFIXES", "MAX_BYTES"]
