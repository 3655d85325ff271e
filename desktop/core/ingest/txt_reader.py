"""Decode plain-text reports: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, then a detector."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from desktop.core.errors import IngestError

_BINARY_CONTROLS = bytes(sorted(set(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | set(range(0x10, 0x1A))
                                 | set(range(0x1C, 0x20))))
_NOT_CONTROLS = bytes(b for b in range(256) if b not in _BINARY_CONTROLS)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROLS))
    return controls > max(8, len(sample) // 100)


def decode_text(path: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of a text file, trying the likely encodings strictly."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise IngestError(path, "starts with a UTF-8 mark but is not valid UTF-8 (byte {byte})",
                              "re-save the file as UTF-8", byte=exc.start) from exc
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise IngestError(path, "starts with a {encoding} mark but cannot be decoded as {encoding}",
                                  "re-save the file as UTF-8", encoding=name.upper()) from exc
    if b"\x00" in data[:8192]:
        unmarked = _decode_unmarked_utf16_32(data)
        if unmarked is not None:
            return unmarked
    if _looks_binary(data):
        raise IngestError(path, "looks like a binary file, not text",
                          "import .txt, .docx, .pdf or .html reports; convert other formats first")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and plausible_chinese(text):
        return text, "gb18030"
    best = from_bytes(data).best()
    if best is not None and best.encoding and _plausible_text(str(best)):
        return str(best), best.encoding
    raise IngestError(path, "the text encoding could not be recognised (not UTF-8, GB18030/GBK or UTF-16)",
                      "open it in a text editor and save it as UTF-8")


def _decode_unmarked_utf16_32(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 saved without a byte-order mark: the first of them that decodes strictly into readable
    text (zero bytes are what give these away; real binary files do not decode into plain text)."""
    for name, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible_text(text) and (plausible_chinese(text) or text.isascii()):
            return text, name
    return None


_CJK = re.compile("[\u4e00-\u9fff]+")
_CJK_OR_COMMON = re.compile("[\x00-\x7f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")  # common: ASCII, CJK and full-width punctuation


def plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept it only when the result reads like text: some CJK
    ideographs, and at most 5% of characters that are neither those, ASCII nor CJK or full-width punctuation."""
    if not text or not _CJK.search(text):
        return False
    rare = len(_CJK_OR_COMMON.sub("", text))  # counted in C: a report's worth of characters is ~50x faster
    return rare <= len(text) * 0.05


def _plausible_text(text: str) -> bool:
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    return bool(text) and printable >= len(text) * 0.95
