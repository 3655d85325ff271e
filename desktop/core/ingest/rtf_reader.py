"""Read RTF reports (also RTF saved under a .doc name, as WPS does) through striprtf.

RTF is 7-bit text: Chinese arrives as ``\\'xx`` byte pairs in the font's code page (GBK for fcharset 134) or as
``\\uN`` escapes, both decoded by the library. Its hyperlink pass uses a greedy pattern that runs to the end of
the line from every field: fields are put on lines of their own first (RTF ignores line breaks), which keeps
the work linear for a file of many fields on one line.
"""

from __future__ import annotations

import re

from desktop.core.errors import IngestError

_CJK = re.compile(r"[\u4e00-\u9fff]")


def is_rtf(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def read_rtf(path: str, data: bytes) -> str:
    """The text of an RTF file; IngestError when it cannot be read as text."""
    try:
        from striprtf.striprtf import rtf_to_text
    except ImportError as exc:  # a dependency: only a broken installation lacks it
        raise IngestError(path, "is an RTF document, which this installation cannot read",
                          "open it in Word or WPS and save it as .docx") from exc
    if data.isascii():
        source = data.decode("ascii")
    else:  # raw bytes outside escapes: some converters write GBK straight into the file
        try:
            source = data.decode("gb18030")
        except UnicodeDecodeError:
            source = data.decode("latin-1")
    if "\\bin" not in source:  # \bin data is skipped by byte count: line breaks must not be added inside it
        source = source.replace("{\\field", "\n{\\field")
    try:
        text = rtf_to_text(source, errors="replace")
    except (ValueError, LookupError, IndexError, RecursionError) as exc:
        raise IngestError(path, "is a damaged RTF document ({error})", "open it in Word or WPS and save it as .docx",
                          error=type(exc).__name__) from exc
    readable = sum(1 for ch in text if not ch.isspace())
    if readable and text.count("\ufffd") > readable * 0.05:
        raise IngestError(path, "is an RTF document whose characters cannot be decoded ({bad} of {total} unreadable)",
                          "open it in Word or WPS and save it as .docx", bad=text.count("\ufffd"), total=readable)
    return text
