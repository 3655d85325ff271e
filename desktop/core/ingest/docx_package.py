"""Open the parts of a .docx (or .docm/.dotx) package that hold its text: the main document, styles, numbering.

The parts are found the way Word finds them (the package relationships, then the document's own), parsed with
entities and network access off and libxml2's own limits on depth and node size kept. A zip that is another
kind of document (OpenDocument, OFD, Excel, PowerPoint) is named for what it is.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any

from desktop.core.errors import IngestError

_HINT_DOCX = "open it in Word or WPS and save it again as .docx"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass(frozen=True)
class DocxParts:
    """The parsed XML roots of the parts the reader needs (styles and numbering may be absent)."""

    document: Any
    styles: Any | None
    numbering: Any | None
    chunks: dict[str, tuple[str, bytes]]  # w:altChunk relationship id -> (part name, bytes): embedded documents


def other_zip_kind(names: list[str], data: bytes) -> tuple[str, str, dict[str, str]] | None:
    """(problem, hint, params) naming a zip that is a document of another kind than Word, else None."""
    lowered = {n.lower() for n in names}
    if "mimetype" in lowered:
        mimetype = _member(data, "mimetype", 200).decode("ascii", "replace").strip()
        if mimetype.startswith("application/vnd.oasis.opendocument"):
            return ("is an OpenDocument file ({kind}, from LibreOffice or WPS), not a Word document",
                    "open it in WPS or LibreOffice and save it as .docx",
                    {"kind": mimetype.rsplit(".", 1)[-1][:40]})
    if "ofd.xml" in lowered:
        return ("is an OFD document (China's fixed-layout format), not a Word document",
                "open it in an OFD reader and export it as PDF, or ask for the report as .docx", {})
    if "xl/workbook.xml" in lowered:
        return ("is an Excel workbook (.xlsx), not a Word document",
                "import the report itself (.docx, .pdf or .txt)", {})
    if "ppt/presentation.xml" in lowered:
        return ("is a PowerPoint presentation (.pptx), not a Word document",
                "import the report itself (.docx, .pdf or .txt)", {})
    if any(n.endswith(".fdseq") for n in lowered):
        return ("is an XPS document, not a Word document", "print it to PDF and import the PDF", {})
    return None


def _member(data: bytes, name: str, limit: int) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            real = next((n for n in archive.namelist() if n.lower() == name.lower()), name)
            with archive.open(real) as handle:
                return handle.read(limit)
    except (KeyError, zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        return b""


_STRICT = (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main")


def _parse(path: str, raw: bytes, part: str) -> Any:
    from lxml import etree

    # Word's "Strict Open XML" names the same elements in another namespace: read it as the usual one
    raw = raw.replace(*_STRICT)
    # No entities, no DTD, no network; libxml2's default limits (depth 256, 10 MB per text node) stay on.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise IngestError(path, "is a damaged .docx (its part {part} is not valid XML: {error})", _HINT_DOCX,
                          part=part, error=str(exc)[:120]) from exc


def _relation_list(archive: zipfile.ZipFile, rels_name: str, base: str) -> list[tuple[str, str, str]]:
    """(id, type's last path segment, target part name resolved against ``base``) of a part's relationships."""
    from lxml import etree

    try:
        raw = archive.read(rels_name)
    except KeyError:
        return []
    try:
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return []
    out: list[tuple[str, str, str]] = []
    for rel in root.iter(_REL):
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        target = str(rel.get("Target", ""))
        if not kind or not target or str(rel.get("TargetMode", "")).lower() == "external":
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.append((str(rel.get("Id", "")), kind, name))
    return out


def _relations(archive: zipfile.ZipFile, rels_name: str, base: str) -> dict[str, str]:
    """Relationship type (its last path segment) -> the target part's name (the first of each type)."""
    out: dict[str, str] = {}
    for _id, kind, name in _relation_list(archive, rels_name, base):
        out.setdefault(kind, name)
    return out


def open_parts(path: str, data: bytes) -> DocxParts:
    """The main document, styles and numbering of a Word package; IngestError when it is not readable."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            main = _relations(archive, "_rels/.rels", "").get("officeDocument", "word/document.xml")
            if main not in names:
                main = "word/document.xml"
            if main not in names:
                raise IngestError(path, "is a damaged .docx (missing part {part})", _HINT_DOCX, part=main)
            folder, base = posixpath.split(main)
            listed = _relation_list(archive, posixpath.join(folder, "_rels", base + ".rels"), folder)
            related: dict[str, str] = {}
            for _id, kind, target in listed:
                related.setdefault(kind, target)
            chunks = {rel_id: (target, archive.read(target)) for rel_id, kind, target in listed
                      if kind == "aFChunk" and target in names}
            document = _parse(path, archive.read(main), main)
            parsed: dict[str, Any] = {}
            for kind in ("styles", "numbering"):
                part = related.get(kind)
                if part and part in names:
                    try:
                        parsed[kind] = _parse(path, archive.read(part), part)
                    except IngestError:
                        parsed[kind] = None  # Word opens a document with damaged styles: so do we (no labels)
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise IngestError(path, "is not a valid .docx (the zip container is damaged)", _HINT_DOCX) from exc
    except RuntimeError as exc:  # an encrypted member
        raise IngestError(path, "is an encrypted zip, not a Word document",
                          "remove the password in Word or WPS and save it again as .docx") from exc
    return DocxParts(document, parsed.get("styles"), parsed.get("numbering"), chunks)
