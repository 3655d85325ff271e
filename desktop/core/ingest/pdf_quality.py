"""Is the text a PDF gave a report? Unreadable text layers, scans with a text footer, and 2-up sheets.

- A CJK font without a ToUnicode map extracts as private-use and control characters (or as GBK bytes read through
  a Western code page, decoded back when they read as Chinese): refused when most characters are unreadable.
- A scanned report often keeps a text footer or page number per page: text that repeats on (almost) every page,
  and page numbers, are page furniture; a file with little else is a scan.
- Pages printed 2-up on landscape sheets: when the text layer alternates between the two halves of a sheet (a
  printer that drew it line by line), each half is read on its own, left page first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from desktop.core.errors import IngestError

_CJK = re.compile(r"[\u3400-\u9fff]")
_PAGE_NUMBER = re.compile(r"^\s*(?:第\s*)?[-—–－]?\s*\d{1,4}\s*[-—–－]?\s*(?:页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?\s*$")
_OCR_HINT = "run OCR on it (e.g. in WPS or ocrmypdf) and import the result"
MIN_BODY_CHARS_PER_PAGE = 15


def unreadable_count(text: str) -> tuple[int, int]:
    """(unreadable, total) non-space characters: private-use, control, replacement and unassigned code points."""
    bad = total = 0
    for ch in text:
        if ch.isspace():
            continue
        total += 1
        category = unicodedata.category(ch)
        if category in ("Co", "Cc", "Cn", "Cs") or ch == "\ufffd":
            bad += 1
    return bad, total


_WESTERN_CODECS = ("cp1252", "latin-1", "mac_roman")


def _western_codec(text: str) -> str | None:
    """The Western code page whose characters are the GBK bytes of the text (a Chinese font shown through a
    Western encoding gives ÄêÓÚ…), when decoding them back reads as Chinese."""
    from desktop.core.ingest.txt_reader import plausible_chinese

    if text.isascii() or _CJK.search(text):
        return None
    for codec in _WESTERN_CODECS:
        try:
            decoded = text.encode(codec).decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if plausible_chinese(decoded):
            return codec
    return None


def _decoded(page: str, codec: str) -> str:
    try:
        return page.encode(codec).decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return page


def readable_text(path: str, pages: list[str]) -> list[str]:
    """The pages' text when it can be read as Chinese (GBK bytes behind Western characters decoded back);
    IngestError when it is mostly unreadable codes, or symbols without a single Chinese character."""
    joined = "\n".join(pages)
    codec = _western_codec(joined)
    if codec is not None:
        return [_decoded(page, codec) for page in pages]
    bad, total = unreadable_count(joined)
    foreign = sum(1 for ch in joined if not ch.isascii() and not ch.isspace())
    if total >= 20 and (bad > total * 0.3 or (foreign > total * 0.3 and not _CJK.search(joined))):
        raise IngestError(path, "its text layer cannot be read as Chinese ({bad} of {total} characters are "
                          "unreadable codes: its fonts carry no character map)",
                          "export the report to PDF again from Word or WPS, or save it as .docx; for a printed "
                          "copy, run OCR on it", bad=max(bad, foreign), total=total)
    return pages


def body_lines(pages: list[str]) -> list[list[str]]:
    """Each page's lines without page furniture: page numbers, and lines repeated on most pages (headers,
    footers, a site name printed under every scanned page)."""
    split = [[line.strip() for line in page.split("\n") if line.strip()] for page in pages]
    repeated: set[str] = set()
    if len(pages) >= 2:
        counts = Counter(line for lines in split for line in set(lines))
        repeated = {line for line, n in counts.items() if n >= max(2, 0.6 * len(pages))}
    return [[line for line in lines if line not in repeated and not _PAGE_NUMBER.match(line)] for lines in split]


def check_not_scan(path: str, pages: list[str]) -> None:
    """Refuse a PDF whose only text is page furniture (a scan with a text footer or page numbers), or whose pages
    are nearly all images (a scan with a typed cover page)."""
    per_page = [sum(len(re.sub(r"\s", "", line)) for line in lines) for lines in body_lines(pages)]
    body = sum(per_page)
    with_text = sum(1 for n in per_page if n >= MIN_BODY_CHARS_PER_PAGE)
    if body < max(20, MIN_BODY_CHARS_PER_PAGE * len(pages) // 4):
        furniture = sum(len(re.sub(r"\s", "", page)) for page in pages) - body
        if furniture > 0:
            raise IngestError(path, "has no text layer apart from page headers, footers and numbers ({pages} "
                              "page(s) of images: a scanned PDF)", _OCR_HINT, pages=len(pages))
        raise IngestError(path, "has no text layer ({pages} page(s) of images: a scanned PDF)", _OCR_HINT,
                          pages=len(pages))
    if len(pages) >= 5 and with_text <= len(pages) * 0.1:
        raise IngestError(path, "only {text_pages} of its {pages} pages have a text layer; the others are images "
                          "(a scanned PDF)", _OCR_HINT, text_pages=with_text, pages=len(pages))


@dataclass
class SheetText:
    """Text fragments of one page in drawing order, with the half of the sheet each was drawn in."""

    width: float
    height: float
    fragments: list[tuple[bool, float, str]] = field(default_factory=list)  # (right half?, y, text)

    def visit(self, text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        """pypdf's visitor_text callback: one fragment of text with its matrices."""
        self.add(text, cm, tm)

    def add(self, text: str, cm: list[float], tm: list[float]) -> None:
        if not text:
            return
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        self.fragments.append((x >= self.width / 2, y, text))

    def interleaved_halves(self) -> bool:
        """A landscape sheet whose two halves each hold text and whose drawing order keeps switching halves."""
        if self.width <= self.height * 1.15:
            return False
        inked = [(right, text) for right, _y, text in self.fragments if len(text.strip()) >= 2]
        if len(inked) < 8:
            return False
        right_chars = sum(len(t) for r, t in inked if r)
        left_chars = sum(len(t) for r, t in inked if not r)
        if min(right_chars, left_chars) < 0.2 * (right_chars + left_chars):
            return False
        switches = sum(1 for a, b in zip(inked, inked[1:], strict=False) if a[0] != b[0])
        return switches >= max(6, 0.3 * len(inked))

    def halves_text(self) -> str:
        """The left half's text, then the right half's, each in drawing order with a break at each new line."""
        out: list[str] = []
        for side in (False, True):
            last_y: float | None = None
            for right, y, text in self.fragments:
                if right != side:
                    continue
                if last_y is not None and abs(y - last_y) > 1 and out and not out[-1].endswith("\n"):
                    out.append("\n")
                out.append(text)
                last_y = y
            if out and not out[-1].endswith("\n"):
                out.append("\n")
        return "".join(out)
