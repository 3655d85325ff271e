"""Read PDF reports that have a text layer; rejoin lines the PDF broke inside sentences.

Work is bounded before extraction (pdf_limits: pages, inflated content, time); the text is checked after it
(pdf_quality: unreadable fonts, scans with a text footer, 2-up sheets read half by half)."""

from __future__ import annotations

import io
import re

from desktop.core.errors import IngestError
from desktop.core.ingest.pdf_limits import Budget, check_page_count, spend_page
from desktop.core.ingest.pdf_quality import SheetText, check_not_scan, readable_text

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
    try:
        count = len(reader.pages)
        check_page_count(path, count)
        budget = Budget(path, len(data))
        pages: list[str] = []
        for page in reader.pages:
            budget.check_time()
            spend_page(page, budget)
            box = page.mediabox
            sheet = SheetText(float(box.width), float(box.height))
            text = page.extract_text(visitor_text=sheet.visit) or ""
            pages.append(sheet.halves_text() if sheet.interleaved_halves() else text)
    except IngestError:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:
        raise _protected(path) from exc
    except PdfReadError as exc:
        raise IngestError(path, "is a damaged PDF ({error})", "download or export the PDF again", error=exc) from exc
    except RecursionError as exc:
        raise IngestError(path, "nests its page tree or forms too deeply to be read (a damaged or hostile PDF)",
                          "export the report to PDF again (or save it as .docx) and import that file") from exc
    except Exception as exc:
        if type(exc).__name__ == "LimitReachedError":  # pypdf's own parsing budget (7.x)
            raise IngestError(path, "its pages' drawing instructions are too many to read (a damaged or hostile "
                              "PDF); not imported",
                              "export the report to PDF again (or save it as .docx) and import that file") from exc
        raise IngestError(path, "text could not be extracted ({error})",
                          "export the report to PDF again or save it as .docx",
                          error=f"{type(exc).__name__}: {exc}") from exc
    if sum(1 for page in pages for ch in page if not ch.isspace()) < 20:
        raise IngestError(path, "has no text layer ({pages} page(s) of images: a scanned PDF)",
                          "run OCR on it (e.g. in WPS or ocrmypdf) and import the result", pages=count)
    pages = readable_text(path, pages)
    check_not_scan(path, pages)
    return rejoin_lines("\n".join(pages))


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
