"""Bounds on the work a PDF can demand before its text is extracted: pages, inflated content, time.

A 200 KB PDF can hold content streams that inflate to hundreds of megabytes of drawing operators, each parsed by
the text extractor (about 1 MB a second). The streams of every page (and the form objects it draws) are inflated
here first, a chunk at a time and never past the budget, so such a file is refused before it is parsed:

- one stream may not inflate to more than :data:`MAX_STREAM_RATIO` times its stored size once it is past
  :data:`RATIO_FROM_BYTES` (real page content compresses 3–15 to 1; a bomb of repeated operators 1000 to 1);
- all content together may not exceed :data:`CONTENT_PER_FILE_BYTE` times the file's size (at least
  :data:`MIN_CONTENT_BYTES`): LibreOffice writes about 240 KB of content per page of Chinese text, ten times the
  file's size.
"""

from __future__ import annotations

import time
import zlib
from typing import Any

from desktop.core.errors import IngestError

MAX_PAGES = 3_000                         # an annual report has tens of pages; a bound book a few hundred
MIN_CONTENT_BYTES = 16 * 1024 * 1024
CONTENT_PER_FILE_BYTE = 40
MAX_STREAM_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
MAX_SECONDS = 300                         # extraction of one file, a last resort behind the byte budgets
_FORM_DEPTH = 8
_CHUNK = 1 << 20
_HINT = "export the report to PDF again (or save it as .docx) and import that file"


class Budget:
    """What one PDF may still spend: inflated content bytes and wall-clock time."""

    def __init__(self, path: str, file_size: int) -> None:
        self.path = path
        self.limit = max(MIN_CONTENT_BYTES, CONTENT_PER_FILE_BYTE * file_size)
        self.left = self.limit
        self.deadline = time.monotonic() + MAX_SECONDS

    def spend(self, size: int, stored: int) -> None:
        if size > RATIO_FROM_BYTES and size > MAX_STREAM_RATIO * max(stored, 1):
            raise IngestError(self.path, "its pages' drawing instructions unpack to more than {ratio} times their "
                              "size (a damaged or hostile PDF); not imported", _HINT, ratio=MAX_STREAM_RATIO)
        self.left -= size
        if self.left < 0:
            raise IngestError(self.path, "its pages' drawing instructions unpack to more than {limit} MB (a damaged "
                              "or hostile PDF); not imported", _HINT, limit=self.limit // 2**20)

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise IngestError(self.path, "reading its text took longer than {limit} s; stopped", _HINT,
                              limit=MAX_SECONDS)


def check_page_count(path: str, count: int) -> None:
    if count > MAX_PAGES:
        raise IngestError(path, "has {pages} pages, more than the {limit} one report can have", _HINT,
                          pages=count, limit=MAX_PAGES)


def _streams(node: Any) -> list[Any]:
    node = node.get_object() if hasattr(node, "get_object") else node
    if node is None:
        return []
    if isinstance(node, list):
        return [item.get_object() for item in node]
    return [node]


def _filters(stream: Any) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    value = value.get_object()
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _inflated_size(stream: Any, budget: Budget) -> int:
    """The size of a stream once inflated, stopping as soon as the budget is spent."""
    raw = getattr(stream, "_data", b"") or b""
    if _filters(stream)[:1] != ["/FlateDecode"]:
        return len(raw)
    inflater = zlib.decompressobj()
    size = 0
    data = raw
    try:
        while data:
            out = inflater.decompress(data, _CHUNK)
            size += len(out)
            if size > budget.left or (size > RATIO_FROM_BYTES and size > MAX_STREAM_RATIO * len(raw)):
                return size
            data = inflater.unconsumed_tail
            if not out and not data:
                break
    except zlib.error:
        return size + len(raw)  # damaged: the extractor will say so; its raw size still counts
    return size


def spend_page(page: Any, budget: Budget) -> None:
    """Charge the budget for the content of one page and of the form objects it draws (nested, each once)."""
    seen: set[int] = set()
    todo: list[tuple[Any, int]] = [(page, 0)]
    first = True
    while todo:
        holder, depth = todo.pop()
        streams = _streams(holder.get("/Contents")) if first else [holder]
        first = False
        for stream in streams:
            budget.spend(_inflated_size(stream, budget), len(getattr(stream, "_data", b"") or b""))
        if depth >= _FORM_DEPTH:
            continue
        try:
            resources = holder.get("/Resources")
            resources = resources.get_object() if resources is not None else None
            xobjects = resources.get("/XObject") if resources is not None else None
            xobjects = xobjects.get_object() if xobjects is not None else {}
        except (AttributeError, KeyError, TypeError):
            continue
        for ref in getattr(xobjects, "values", lambda: [])():
            key = getattr(ref, "idnum", None)
            if key is not None and key in seen:
                continue
            if key is not None:
                seen.add(key)
            try:
                form = ref.get_object()
            except Exception:
                continue
            if hasattr(form, "get") and form.get("/Subtype") == "/Form":
                todo.append((form, depth + 1))
