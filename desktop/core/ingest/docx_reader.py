"""Read .docx reports: body paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile

from desktop.core.errors import IngestError
from desktop.core.ingest.docx_numbering import NumberingRenderer


def read_docx(path: str, data: bytes) -> str:
    """Return the text of a .docx file, one line per paragraph and per table row (cells joined by tabs).

    Paragraphs numbered automatically by Word get the label Word shows (一、, （一）, 1. …) in front.
    """
    try:
        import docx  # python-docx
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise IngestError(path, "is not a valid .docx (the zip container is damaged)",
                          "open it in Word or WPS and save it again as .docx") from exc
    except KeyError as exc:
        raise IngestError(path, "is a damaged .docx (missing part {part})",
                          "open it in Word or WPS and save it again as .docx", part=exc) from exc
    except Exception as exc:  # python-docx raises several types for broken packages
        raise IngestError(path, "could not be read as .docx ({error})",
                          "open it in Word or WPS and save it again as .docx",
                          error=f"{type(exc).__name__}: {exc}") from exc
    lines: list[str] = []
    numbering = NumberingRenderer(document)
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            text = paragraph.text
            label = numbering.label(paragraph) if text.strip() else ""
            lines.append(label + text)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip().replace("\n", " ")
                    if not cells or cells[-1] != value:  # merged cells repeat their text
                        cells.append(value)
                lines.append("\t".join(cells))
    return "\n".join(lines)
