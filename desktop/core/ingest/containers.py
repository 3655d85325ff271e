"""Look inside container files before a reader opens them: zip (docx) and OLE compound files.

A zip is a .docx when it holds ``word/document.xml``, whatever its suffix. Its members are decompressed as a
stream, a chunk at a time, with a cap on the total: a zip bomb is refused after reading at most the cap, never
expanded in memory. An OLE compound file is an old Word .doc, or a password-protected .docx (Office keeps the
encrypted package in an OLE file with an ``EncryptionInfo`` stream).
"""

from __future__ import annotations

import io
import zipfile

from desktop.core.errors import IngestError

MAX_UNPACKED_BYTES = 256 * 1024 * 1024   # all members of one .docx, decompressed
MAX_XML_BYTES = 96 * 1024 * 1024         # the XML parts python-docx parses into trees
MAX_MEMBERS = 20_000
_CHUNK = 1024 * 1024
_HINT_DOCX = "open it in Word or WPS and save it again as .docx"


def zip_members(data: bytes) -> list[str] | None:
    """Names in a zip archive, or None when the bytes are not a readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None


def is_docx_zip(data: bytes) -> bool:
    """Whether a zip archive is a Word document (by content, not by suffix)."""
    names = zip_members(data)
    return names is not None and "word/document.xml" in names


def check_zip_expansion(path: str, data: bytes) -> None:
    """Decompress every member as a stream and refuse the file when it unpacks to more than the caps."""
    total = xml_total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise IngestError(path, "holds {count} parts, far more than a Word document has", _HINT_DOCX,
                                  count=len(infos))
            for info in infos:
                is_xml = info.filename.endswith((".xml", ".rels"))
                with archive.open(info) as member:
                    while True:
                        chunk = member.read(_CHUNK)
                        if not chunk:
                            break
                        total += len(chunk)
                        if is_xml:
                            xml_total += len(chunk)
                        if total > MAX_UNPACKED_BYTES or xml_total > MAX_XML_BYTES:
                            raise IngestError(
                                path, "unpacks to more than {limit} MB (a zip bomb or a damaged file); not imported",
                                _HINT_DOCX,
                                limit=(MAX_XML_BYTES if xml_total > MAX_XML_BYTES else MAX_UNPACKED_BYTES) // 2**20)
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise IngestError(path, "is not a valid .docx (the zip container is damaged)", _HINT_DOCX) from exc
    except RuntimeError as exc:  # an encrypted zip member
        raise IngestError(path, "is an encrypted zip, not a Word document",
                          "remove the password in Word or WPS and save it again as .docx") from exc


def ole_kind(data: bytes) -> str:
    """'encrypted' for an Office file protected by a password (EncryptionInfo/EncryptedPackage streams), else 'doc'.

    The stream names sit in the compound file's directory as UTF-16LE; looking for them is enough to tell the two
    apart without an OLE parser.
    """
    for name in ("EncryptionInfo", "EncryptedPackage"):
        if name.encode("utf-16-le") in data:
            return "encrypted"
    return "doc"
