"""Read PDF reports that have a text layer; rejoin lines the PDF broke inside sentences."""

from __future__ import annotations

import io
import re

from desktop.core.errors import IngestError

_END_OF_PARAGRAPH = tuple("。！？：；”」』)）!?:;")
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+[章节部分])")
_PAGE_NUMBER = re.compile(r"^\s*[-—–－]?\s*\d{1,4}\s*[-—–－]?\s*$")


def read_pdf(path: str, data: bytes) -> str:
    """Return the text of a PDF; raise IngestError for encrypted, damaged or scanned (image-only) files."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except (DependencyError, FileNotDecryptedError) as exc:
        raise _protected(path) from exc
    except Exception as exc:
        raise IngestError(path, "is a damaged PDF that cannot be opened ({error})",
                          "download or export the PDF again", error=type(exc).__name__) from exc
    if encrypted:
        # Most "encrypted" reports only restrict printing or copying and open with the empty user password
        # (AES needs the cryptography package, a dependency); a real user password cannot be guessed.
        try:
            opened = bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED is 0
        except Exception:
            opened = False
        if not opened:
            raise _protected(path)
    pages: list[str] = []
    try:
        for page in reader.pages:
            pages.append(page.extract_text() or "")
    except (DependencyError, FileNotDecryptedError) as exc:
        raise _protected(path) from exc
    except PdfReadError as exc:
        raise IngestError(path, "is a damaged PDF ({error})", "download or export the PDF again", error=exc) from exc
    except Exception as exc:
        raise IngestError(path, "text could not be extracted ({error})",
                          "export the report to PDF again or save it as .docx",
                          error=f"{type(exc).__name__}: {exc}") from exc
    text = "\n".join(pages)
    if sum(1 for ch in text if not ch.isspace()) < 20:
        raise IngestError(path, "has no text layer ({pages} page(s) of images: a scanned PDF)",
                          "run OCR on it (e.g. in WPS or ocrmypdf) and import the result", pages=len(reader.pages))
    return rejoin_lines(text)


def _protected(path: str) -> IngestError:
    return IngestError(path, "is a password-protected PDF",
                       "remove the password (print to a new PDF) and import that copy")


def rejoin_lines(text: str) -> str:
    """Join lines a PDF wrapped mid-sentence; keep breaks after sentence ends and before headings."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or _PAGE_NUMBER.match(line):
            continue
        previous_is_heading = bool(out) and len(out[-1]) <= 45 and bool(_HEADING_START.match(out[-1]))
        if (out and not out[-1].endswith(_END_OF_PARAGRAPH) and not _HEADING_START.match(line)
                and len(out[-1]) > 25 and not previous_is_heading):
            sep = " " if out[-1][-1:].isascii() and line[:1].isascii() else ""
            out[-1] = out[-1] + sep + line
        else:
            out.append(line)
    return "\n".join(out)
