"""Read a filled-in review sheet (csv or xlsx) as a careful clerk would, with bounded work.

The xlsx reader streams the sheet's XML (expat, in chunks) instead of trusting the workbook: a declared dimension
(a cell at XFD1048576) costs nothing, rows past :data:`MAX_ROWS` and columns past :data:`MAX_COLUMNS` are refused
with a message, and a part that declares a DOCTYPE or an entity is refused before anything is expanded. Cells come
back as plain values (text, numbers) or as markers a clerk would ask about: :class:`DateCell` (a score Excel turned
into a date), :class:`FormulaCell` (a formula saved without its computed value), :class:`ErrorCell` (``#VALUE!``)
and :class:`MergedCell` (part of a merged range, with the range and the value written in its first cell).
A csv whose quotes do not close, or that is neither UTF-8 nor GB18030, is refused with the line named.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

MAX_ROWS = 20_000            # a panel sheet has one row per report: far fewer
MAX_COLUMNS = 500
MAX_XML_BYTES = 200_000_000  # uncompressed size of one part (a zip bomb stops here)
_CHUNK = 1 << 16


class SheetError(Exception):
    """The file cannot be read as a sheet; the message says why and what to do."""


@dataclass(frozen=True)
class DateCell:
    """A number the cell's format shows as a date or time."""

    shown: str                # the date as Excel shows it, e.g. 2024-03-05


@dataclass(frozen=True)
class FormulaCell:
    """A formula saved without a computed value."""

    formula: str


@dataclass(frozen=True)
class ErrorCell:
    """An Excel error value such as #VALUE! or #DIV/0!."""

    code: str


@dataclass(frozen=True)
class MergedCell:
    """A cell inside a merged range; ``value`` is what the range's first cell holds."""

    span: str                 # e.g. K5:K6
    value: object


Rows = list[list[object]]


def col_letter(index: int) -> str:
    """Column letters of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")


def _split_ref(ref: str) -> tuple[int, int]:
    """(0-based row, 0-based column) of a reference such as K5."""
    m = _REF.match(ref.upper())
    if not m:
        raise SheetError(f"the sheet names a cell {ref!r}, which is not a cell reference; save it again from Excel")
    return int(m.group(2)) - 1, _col_index(m.group(1))


# ---- csv -----------------------------------------------------------------------------------------------------------

def read_csv(path: Path) -> Rows:
    """Rows of a csv file (UTF-8 with or without BOM, or GB18030)."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError("the file is neither UTF-8 nor GB18030 text; save it as CSV UTF-8")
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    rows: Rows = []
    try:
        for row in reader:
            rows.append(list(row))
            if len(rows) > MAX_ROWS:
                raise SheetError(f"the file has more than {MAX_ROWS:,} rows; a review sheet has one row per report")
    except csv.Error as exc:
        raise SheetError(f"line {reader.line_num}: {exc} (a quote \" that is never closed, or stray quotes inside "
                         "a cell); open the file in Excel or WPS and save it again as CSV") from None
    return rows


# ---- xlsx ----------------------------------------------------------------------------------------------------------

def _stream(zf: zipfile.ZipFile, name: str, start: Callable[[str, dict[str, str]], None],
            end: Callable[[str], None] | None = None, text: Callable[[str], None] | None = None) -> None:
    """Parse one XML part in chunks with expat; DOCTYPE and entity declarations are refused."""
    parser = expat.ParserCreate()

    def refuse(*_args: Any) -> None:
        raise SheetError(f"{name} declares a DOCTYPE or an entity, which a workbook saved by Excel or WPS never "
                         "does; the file was made or changed by another program: save it again from Excel or WPS")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = lambda tag, attrs: start(tag.rpartition(":")[2], attrs)
    if end is not None:
        parser.EndElementHandler = lambda tag: end(tag.rpartition(":")[2])
    if text is not None:
        parser.CharacterDataHandler = text
    read = 0
    try:
        with zf.open(name) as handle:
            while chunk := handle.read(_CHUNK):
                read += len(chunk)
                if read > MAX_XML_BYTES:
                    raise SheetError(f"{name} is larger than {MAX_XML_BYTES // 1_000_000} MB uncompressed; a review "
                                     "sheet is far smaller: save it again from Excel or WPS")
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise SheetError(f"{name} is not well-formed XML ({exc}); the file is damaged: save it again from Excel "
                         "or WPS") from None
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
        raise SheetError(f"{name} cannot be unpacked ({exc}); the file is damaged") from None


class _Texts:
    """Collects the text of elements named ``t`` inside the current element (shared strings, inline strings),
    leaving out phonetic runs (``rPh``)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.inside_t = False
        self.phonetic = 0

    def start(self, tag: str) -> None:
        if tag == "t" and not self.phonetic:
            self.inside_t = True
        elif tag == "rPh":
            self.phonetic += 1

    def end(self, tag: str) -> None:
        if tag == "t":
            self.inside_t = False
        elif tag == "rPh":
            self.phonetic -= 1

    def text(self, data: str) -> None:
        if self.inside_t:
            self.parts.append(data)

    def take(self) -> str:
        value = "".join(self.parts)
        self.parts = []
        return value


def _shared_strings(zf: zipfile.ZipFile, names: set[str]) -> list[str]:
    if "xl/sharedStrings.xml" not in names:
        return []
    out: list[str] = []
    texts = _Texts()

    def start(tag: str, attrs: dict[str, str]) -> None:
        texts.start(tag)

    def end(tag: str) -> None:
        texts.end(tag)
        if tag == "si":
            out.append(texts.take())

    _stream(zf, "xl/sharedStrings.xml", start, end, texts.text)
    return out


_DATE_IDS = set(range(14, 23)) | set(range(27, 37)) | {45, 46, 47} | set(range(50, 59))
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _date_styles(zf: zipfile.ZipFile, names: set[str]) -> set[int]:
    """Indexes of the cell styles (``s``) whose number format shows a date or time."""
    if "xl/styles.xml" not in names:
        return set()
    custom: dict[int, str] = {}
    formats: list[int] = []
    inside = {"cellXfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "numFmt":
            try:
                custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
            except ValueError:
                pass
        elif tag == "cellXfs":
            inside["cellXfs"] = True
        elif tag == "xf" and inside["cellXfs"]:
            try:
                formats.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                formats.append(0)

    def end(tag: str) -> None:
        if tag == "cellXfs":
            inside["cellXfs"] = False

    _stream(zf, "xl/styles.xml", start, end)

    def is_date(fmt: int) -> bool:
        if fmt in _DATE_IDS:
            return True
        code = _QUOTED.sub("", custom.get(fmt, "")).lower()
        return bool(code) and bool(re.search(r"[ymdhs]", code)) and "general" not in code

    return {i for i, fmt in enumerate(formats) if is_date(fmt)}


def _sheet_part(zf: zipfile.ZipFile, names: set[str], wanted: str) -> str:
    """The part name of the sheet called ``wanted`` (else the first sheet)."""
    sheets: list[tuple[str, str]] = []
    rels: dict[str, str] = {}
    _stream(zf, "xl/workbook.xml", lambda tag, a: sheets.append((a.get("name", ""), a.get("r:id", "")))
            if tag == "sheet" else None)
    if "xl/_rels/workbook.xml.rels" in names:
        def rel(tag: str, a: dict[str, str]) -> None:
            if tag == "Relationship":
                rels[a.get("Id", "")] = a.get("Target", "")

        _stream(zf, "xl/_rels/workbook.xml.rels", rel)
    if not sheets:
        raise SheetError("the workbook has no sheet")
    name, rid = next(((n, r) for n, r in sheets if n == wanted), sheets[0])
    target = rels.get(rid, "")
    part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    part = re.sub(r"[^/]+/\.\./", "", part)
    if part not in names:
        raise SheetError(f"the sheet {name!r} is missing from the file; save it again from Excel or WPS")
    return part


def read_xlsx(path: Path, wanted: str = "汇总") -> Rows:
    """Rows of the sheet ``wanted`` (else the first) of an xlsx file, as plain values and markers."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise SheetError(f"cannot be read as an Excel workbook ({exc}); save it as .xlsx") from None
    with zf:
        names = set(zf.namelist())
        if "xl/workbook.xml" not in names:
            raise SheetError("cannot be read as an Excel workbook (no xl/workbook.xml); save it as .xlsx")
        strings = _shared_strings(zf, names)
        dates = _date_styles(zf, names)
        part = _sheet_part(zf, names, wanted)
        return _read_cells(zf, part, strings, dates)


def _read_cells(zf: zipfile.ZipFile, part: str, strings: list[str], dates: set[int]) -> Rows:
    cells: dict[int, dict[int, object]] = {}
    merged: list[tuple[int, int, int, int, str]] = []
    state: dict[str, Any] = {"ref": None, "type": "n", "style": 0, "value": None, "formula": None, "in": None,
                             "row": -1, "col": -1}
    texts = _Texts()

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "row":
            state["row"] = int(attrs["r"]) - 1 if attrs.get("r", "").isdigit() else state["row"] + 1
            state["col"] = -1
        elif tag == "c":
            ref = attrs.get("r")
            if ref:
                row, col = _split_ref(ref)
                state["row"] = row
            else:
                row, col = state["row"], state["col"] + 1
            state.update(ref=(row, col), col=col, type=attrs.get("t", "n"), value=None, formula=None, pieces=[])
            try:
                state["style"] = int(attrs.get("s", "0"))
            except ValueError:
                state["style"] = 0
        elif tag in ("v", "f"):
            state["in"] = tag
            state["pieces"] = []
        elif tag == "is":
            state["in"] = "is"
        elif tag == "mergeCell":
            ref = attrs.get("ref", "")
            first, _, last = ref.partition(":")
            r1, c1 = _split_ref(first)
            r2, c2 = _split_ref(last or first)
            merged.append((r1, c1, r2, c2, ref))
        if state["in"] == "is":
            texts.start(tag)

    def text(data: str) -> None:
        if state["in"] in ("v", "f"):
            state["pieces"].append(data)
        elif state["in"] == "is":
            texts.text(data)

    def end(tag: str) -> None:
        if tag == "v":
            state["value"] = "".join(state["pieces"])
            state["in"] = None
        elif tag == "f":
            state["formula"] = "".join(state["pieces"])
            state["in"] = None
        elif tag == "is":
            state["value"] = texts.take()
            state["in"] = None
        elif state["in"] == "is":
            texts.end(tag)
        if tag == "c":
            row, col = state["ref"]
            if col >= MAX_COLUMNS:
                return  # far right of any table (XFD…): no header names it, and no row is built out to it
            value = _cell_value(state, strings, dates)
            if value is not None and row >= MAX_ROWS:
                raise SheetError(f"cell {col_letter(col)}{row + 1} is past row {MAX_ROWS:,}; a review sheet has one "
                                 "row per report: delete what lies below the table and save again")
            if value is not None:
                cells.setdefault(row, {})[col] = value

    _stream(zf, part, start, end, text)
    for r1, c1, r2, c2, span in merged:
        if (r2 - r1 + 1) * (min(c2, MAX_COLUMNS - 1) - c1 + 1) > 100_000:
            raise SheetError(f"cells {span} are merged into one huge range; unmerge them and save again")
        first = cells.get(r1, {}).get(c1)
        for r in range(r1, min(r2, MAX_ROWS - 1) + 1):
            for c in range(c1, min(c2, MAX_COLUMNS - 1) + 1):
                cells.setdefault(r, {})[c] = MergedCell(span, first)
    if not cells:
        return []
    rows: Rows = []
    for r in range(max(cells) + 1):
        row = cells.get(r, {})
        rows.append([row.get(c) for c in range(max(row) + 1)] if row else [])
    return rows


def _cell_value(state: dict[str, Any], strings: list[str], dates: set[int]) -> object:
    kind, raw, formula = state["type"], state["value"], state["formula"]
    if raw is None or raw == "":
        if formula:
            return FormulaCell(formula)
        return None
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            raise SheetError(f"a cell refers to shared text {raw!r}, which the file does not have; the file is "
                             "damaged") from None
    if kind in ("str", "inlineStr"):
        return raw
    if kind == "b":
        return raw == "1"
    if kind == "e":
        return ErrorCell(raw)
    if kind == "d":
        return DateCell(raw[:10])
    try:
        number = float(raw)
    except ValueError:
        return raw
    if state["style"] in dates:
        return DateCell(_serial_date(number))
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _serial_date(serial: float) -> str:
    try:
        moment = dt.datetime(1899, 12, 30) + dt.timedelta(days=serial)
    except OverflowError:
        return f"serial {serial:g}"
    if moment.time() == dt.time(0):
        return moment.date().isoformat()
    if serial < 1:
        return moment.time().isoformat(timespec="minutes")
    return moment.isoformat(sep=" ", timespec="minutes")
