"""Read .docx reports: the text of the document body as Word shows it, in document order.

Read whole: paragraphs and tables wherever they sit (inside content controls, customXml, nested tables, text
boxes), insertions of tracked changes in and deletions out, field results in and field instructions out,
hidden text (w:vanish) out. A text box is read once: Word stores it twice (the DrawingML choice and a VML
fallback for old readers) and only the choice is read. Nesting deeper than :data:`MAX_DEPTH` is refused with a
message rather than walked without end.
"""

from __future__ import annotations

from collections.abc import Iterator
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


def read_docx(path: str, data: bytes) -> str:
    """Return the text of a .docx file, one line per paragraph and per table row (cells joined by tabs).

    Paragraphs numbered automatically by Word get the label Word shows (一、, （一）, 1. …) in front.
    """
    parts = open_parts(path, data)
    body = parts.document.find(f"{W}body")
    if body is None:
        raise IngestError(path, "is a damaged .docx (the document has no body)",
                          "open it in Word or WPS and save it again as .docx")
    try:
        walker = _BodyWalker(NumberingRenderer(parts.styles, parts.numbering), fields=True)
        lines = walker.blocks(body, 0)
        if walker.field_depth:  # a field begun and never ended would hide the rest: read again, fields ignored
            walker = _BodyWalker(NumberingRenderer(parts.styles, parts.numbering), fields=False)
            lines = walker.blocks(body, 0)
    except _TooDeep as exc:
        raise IngestError(path, "nests tables, text boxes or content controls more than {limit} levels deep",
                          "open it in Word or WPS, copy the text into a new document and save that",
                          limit=MAX_DEPTH) from exc
    return "\n".join(lines)


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

    def __init__(self, numbering: NumberingRenderer, fields: bool) -> None:
        self.numbering = numbering
        self.fields = fields
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
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    lines.extend(self.blocks(content, depth + 1))
            elif tag in _TRANSPARENT:
                lines.extend(self.blocks(child, depth + 1))
            elif tag == f"{_MC}AlternateContent":
                chosen = _choice(child)
                if chosen is not None:
                    lines.extend(self.blocks(chosen, depth + 1))
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
                content = child.find(f"{W}sdtContent")
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


def _content(node) -> Any:
    """The children holder of a container: a content control's sdtContent, else the element itself."""
    if node.tag == f"{W}sdt":
        content = node.find(f"{W}sdtContent")
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
