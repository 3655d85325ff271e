"""Read back the sheets of a docx export (shared by the export tests)."""

from __future__ import annotations

from docx import Document


def docx_sheets(path) -> list[dict]:
    """Per reviewer sheet: its details table, its criteria table and the paragraphs after the title."""
    return [{"details": seg["tables"][0], "criteria": seg["tables"][1], "text": "\n".join(seg["lines"])}
            for seg in docx_segments(path) if seg["title"] == "法治政府建设年度报告评阅表"]


def docx_segments(path) -> list[dict]:
    """The document cut at each sheet title: per sheet its title, tables (cell texts) and paragraph text."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    segments: list[dict] = []
    for element in doc.element.body.iterchildren():
        if element.tag.endswith("}p"):
            text = Paragraph(element, doc).text
            if text in ("法治政府建设年度报告评阅表", "法治政府建设年度报告评审汇总表"):
                segments.append({"title": text, "tables": [], "lines": []})
            if segments:
                segments[-1]["lines"].append(text)
        elif element.tag.endswith("}tbl") and segments:
            table = Table(element, doc)
            segments[-1]["tables"].append([[c.text for c in row.cells] for row in table.rows])
    return segments
