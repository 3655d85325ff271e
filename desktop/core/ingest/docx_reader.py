"""Read .docx reports: the text of the document body as Word shows it, in document order.

Read whole: paragraphs and tables wherever they sit (inside content controls, customXml, nested tables, text
boxes), insertions of tracked changes in and deletions out, field results in and field instructions out,
hidden text (w:vanish) out, documents embedded with w:altChunk read in their place. A text box is read once: Word stores it twice (the DrawingML choice and a VML
fallback for old readers) and only the choice is read. Nesting deeper than :data:`MAX_DEPTH` is refused with a
message rather than walked without end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from desktop.core.errors import IngestError
from desktop.core.ingest.docx_numbering import NumberingRenderer
from desktop.core.ingest.docx_package import open_parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_DEPTH = 48  # tables in tables in text boxes in content controls: real reports use two or three levels

# Containers whose content is shown as if they were not there (block, row, cell and run level alike).
_TRANSPARENT = {f"{W}{name}" for name in ("customXml", "ins", "moveTo", "smartTag", "hyperlink", "fldSimple", "dir",
                                          "bdo", "ruby", "rubyBase")}
# Content Word does not show: deleted or moved-away text, and the phonetic guide above ruby text.
_HIDDEN = {f"{W}{name}" for name in ("del", "moveFrom", "rt", "pPr", "rPr", "trPr", "tcPr", "tblPr", "tblGrid",
                                     "sectPr", "sdtPr", "sdtEndPr")}
_OFF = ("0", "false", "off")


class _TooDeep(Exception):
    pass


def read_docx(path: str, data: bytes, depth: int = 0) -> str:
    """Return the text of a .docx file, one line per paragraph and per table row (cells joined by tabs).

    Paragraphs numbered automatically by Word get the label Word shows (一、, （一）, 1. …) in front. Documents
    embedded with w:altChunk (html, rtf, text or another .docx, as mail-merge and web tools insert them) are read
    in their place.
    """
    parts = open_parts(path, data)
    body = parts.document.find(f"{W}body")
    if body is None:
        raise IngestError(path, "is a damaged .docx (the document has no body)",
                          "open it in Word or WPS and save it again as .docx")
    try:
        def chunk(rel_id: str) -> list[str]:
            return _chunk_lines(path, parts.chunks.get(rel_id), depth)

        walker = _BodyWalker(NumberingRenderer(parts.styles, parts.numbering), fields=True, chunk=chunk)
        lines = walker.blocks(body, 0)
        if walker.field_depth:  # a field begun and never ended would hide the rest: read again, fields ignored
            walker = _BodyWalker(NumberingRenderer(parts.styles, parts.numbering), fields=False, chunk=chunk)
            lines = walker.blocks(body, 0)
    except _TooDeep as exc:
        raise IngestError(path, "nests tables, text boxes or content controls more than {limit} levels deep",
                          "open it in Word or WPS, copy the text into a new document and save that",
                          limit=MAX_DEPTH) from exc
    return "\n".join(lines)


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MAX_CHUNK_DEPTH = 3  # a .docx embedded in a .docx embedded in …


def _chunk_lines(path: str, chunk: tuple[str, bytes] | None, depth: int) -> list[str]:
    """The lines of a document embedded with w:altChunk; IngestError for one that cannot be read."""
    if chunk is None:
        return []
    name, data = chunk
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    shown = f"{path} ({name})"
    if data.startswith(b"PK\x03\x04") or suffix in ("docx", "docm", "dotx"):
        if depth >= MAX_CHUNK_DEPTH:
            raise IngestError(path, "nests tables, text boxes or content controls more than {limit} levels deep",
                              "open it in Word or WPS, copy the text into a new document and save that",
                              limit=MAX_DEPTH)
        return read_docx(shown, data, depth + 1).split("\n")
    from desktop.core.ingest.html_reader import looks_like_mhtml, read_html, read_mhtml
    from desktop.core.ingest.rtf_reader import is_rtf, read_rtf
    from desktop.core.ingest.txt_reader import decode_text

    if is_rtf(data[:64]) or suffix == "rtf":
        return read_rtf(shown, data).split("\n")
    if suffix in ("mht", "mhtml") or looks_like_mhtml(data[:2048]):
        return read_mhtml(shown, data)[0].split("\n")
    if suffix in ("htm", "html", "xhtml", "xml") or b"<html" in data[:2048].lower():
        return read_html(shown, data)[0].split("\n")
    if suffix in ("txt", "text", ""):
        return decode_text(shown, data)[0].split("\n")
    raise IngestError(path, "holds an embedded document of a kind that cannot be read ({name})",
                      "open it in Word or WPS and save it again as .docx", name=name[:80])


def _choice(alternate) -> Any | None:
    """The branch of mc:AlternateContent Word shows: its first Choice (the Fallback is a copy for old readers)."""
    for branch in alternate:
        if branch.tag == f"{_MC}Choice":
            return branch
    return alternate.find(f"{_MC}Fallback")


def _on(node) -> bool:
    return node is not None and str(node.get(f"{W}val", "1")).lower() not in _OFF


class _BodyWalker:
    """Turns the body into lines; one instance per reading (it counts numbered paragraphs and open fields)."""

    def __init__(self, numbering: NumberingRenderer, fields: bool,
                 chunk: Callable[[str], list[str]] = lambda _id: []) -> None:
        self.numbering = numbering
        self.fields = fields
        self.chunk = chunk
        self._field_stack: list[bool] = []  # one entry per open complex field: True once its result begins

    @property
    def field_depth(self) -> int:
        return len(self._field_stack)

    # ---- block level: paragraphs, tables and their containers ------------------------------------------------
    def blocks(self, container, depth: int) -> list[str]:
        if depth > MAX_DEPTH:
            raise _TooDeep
        lines: list[str] = []
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                lines.extend(self.paragraph(child, depth))
            elif tag == f"{W}tbl":
                lines.extend(self.table(child, depth + 1))
            elif tag == f"{W}sdt":
                content = _sdt_content(child)
                if content is not None:
                    lines.extend(self.blocks(content, depth + 1))
            elif tag in _TRANSPARENT:
                lines.extend(self.blocks(child, depth + 1))
            elif tag == f"{_MC}AlternateContent":
                chosen = _choice(child)
                if chosen is not None:
                    lines.extend(self.blocks(chosen, depth + 1))
            elif tag == f"{W}altChunk":
                lines.extend(self.chunk(str(child.get(_R_ID, ""))))
        return lines

    def table(self, tbl, depth: int) -> list[str]:
        """One line per row, cells joined by tabs; a row whose only filled cell holds several paragraphs (a layout
        table wrapping the report) keeps them as lines. Merged cells repeat their text, once per row."""
        lines: list[str] = []
        above: dict[int, str] = {}  # grid column -> text of the cell a vertical merge continues
        for row in self._rows(tbl, depth):
            cells: list[str] = []
            cell_lines: list[list[str]] = []
            column = 0
            for tc in self._cells(row, depth):
                props = tc.find(f"{W}tcPr")
                span = 1
                merge = None
                if props is not None:
                    span_node = props.find(f"{W}gridSpan")
                    try:
                        span = max(1, min(64, int(str(span_node.get(f"{W}val", "1"))))) if span_node is not None else 1
                    except ValueError:
                        span = 1
                    merge = props.find(f"{W}vMerge")
                inner = [line.strip() for line in self.blocks(tc, depth + 1) if line.strip()]
                if merge is not None and merge.get(f"{W}val", "continue") == "continue" and not inner:
                    value = above.get(column, "")
                else:
                    value = " ".join(line.replace("\t", " ") for line in inner)
                    above[column] = value
                    cell_lines.append(inner)
                if not cells or cells[-1] != value:
                    cells.append(value)
                column += span
            filled = [c for c in cell_lines if c]
            if len(filled) == 1 and len(filled[0]) > 1 and sum(1 for c in cells if c) == 1:
                lines.extend(filled[0])
            else:
                lines.append("\t".join(cells))
        return lines

    def _rows(self, tbl, depth: int) -> Iterator[Any]:
        for child in tbl:
            if child.tag == f"{W}tr":
                props = child.find(f"{W}trPr")
                if props is not None and props.find(f"{W}del") is not None:
                    continue  # a row deleted with track changes on
                yield child
            elif child.tag in _TRANSPARENT or child.tag == f"{W}sdt":
                yield from self._rows(_content(child), depth + 1)

    def _cells(self, row, depth: int) -> Iterator[Any]:
        if depth > MAX_DEPTH:
            raise _TooDeep
        for child in row:
            if child.tag == f"{W}tc":
                yield child
            elif child.tag in _TRANSPARENT or child.tag == f"{W}sdt":
                yield from self._cells(_content(child), depth + 1)

    # ---- a paragraph: its runs, and the text boxes anchored in it ----------------------------------------------
    def paragraph(self, p, depth: int) -> list[str]:
        parts: list[str] = []
        boxes: list[str] = []
        self._inline(p, parts, boxes, depth)
        text = "".join(parts)
        label = self.numbering.label(p) if text.strip() else ""
        return [label + text, *boxes]

    def _inline(self, node, parts: list[str], boxes: list[str], depth: int) -> None:
        if depth > MAX_DEPTH:
            raise _TooDeep
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _HIDDEN:
                continue
            if tag == f"{W}r":
                self._run(child, parts, boxes, depth)
            elif tag == f"{W}sdt":
                content = _sdt_content(child)
                if content is not None:
                    self._inline(content, parts, boxes, depth + 1)
            elif tag == f"{_MC}AlternateContent":
                chosen = _choice(child)
                if chosen is not None:
                    self._inline(chosen, parts, boxes, depth + 1)
            elif tag in _TRANSPARENT:
                self._inline(child, parts, boxes, depth + 1)

    def _run(self, run, parts: list[str], boxes: list[str], depth: int) -> None:
        props = run.find(f"{W}rPr")
        hidden = props is not None and (_on(props.find(f"{W}vanish")) or _on(props.find(f"{W}specVanish")))
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                if not hidden and self._showing():
                    parts.append(child.text or "")
            elif tag == f"{W}fldChar":
                self._field_char(child)
            elif tag in (f"{W}tab", f"{W}ptab"):
                if not hidden and self._showing():
                    parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                if not hidden and self._showing() and child.get(f"{W}type", "textWrapping") == "textWrapping":
                    parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                if not hidden and self._showing():
                    parts.append("-")
            elif tag in (f"{W}drawing", f"{W}pict", f"{W}object", f"{_MC}AlternateContent"):
                for box in _text_boxes(child, depth + 1):
                    saved, self._field_stack = self._field_stack, []  # a text box is a story of its own
                    boxes.extend(self.blocks(box, depth + 1))
                    self._field_stack = saved
            elif tag == f"{W}ruby":
                self._inline(child, parts, boxes, depth + 1)

    # ---- complex fields: show the result (after 'separate'), never the instruction -------------------------------
    def _field_char(self, node) -> None:
        if not self.fields:
            return
        kind = node.get(f"{W}fldCharType")
        if kind == "begin":
            self._field_stack.append(False)
        elif kind == "separate" and self._field_stack:
            self._field_stack[-1] = True
        elif kind == "end" and self._field_stack:
            self._field_stack.pop()

    def _showing(self) -> bool:
        return all(self._field_stack)


def _sdt_content(sdt) -> Any | None:
    """A content control's content, or None while it shows its placeholder (单击或点击此处输入文字: not the
    report's text, though Word draws it in grey)."""
    props = sdt.find(f"{W}sdtPr")
    if props is not None and _on(props.find(f"{W}showingPlcHdr")):
        return None
    return sdt.find(f"{W}sdtContent")


def _content(node) -> Any:
    """The children holder of a container: a content control's sdtContent, else the element itself."""
    if node.tag == f"{W}sdt":
        content = _sdt_content(node)
        return content if content is not None else []
    return node


def _text_boxes(node, depth: int) -> Iterator[Any]:
    """The w:txbxContent elements inside a drawing or VML shape, once each (only the chosen branch of an
    mc:AlternateContent; text boxes inside text boxes are read when their outer box is)."""
    if depth > MAX_DEPTH:
        raise _TooDeep
    stack = list(reversed(node))
    while stack:
        current = stack.pop()
        tag = current.tag
        if not isinstance(tag, str) or tag == f"{_MC}Fallback":
            continue
        if tag == f"{W}txbxContent":
            yield current
        elif tag == f"{_MC}AlternateContent":
            chosen = _choice(current)
            if chosen is not None:
                stack.append(chosen)
        else:
            stack.extend(reversed(current))
