"""A small evaluator for the spreadsheet formulas the xlsx export writes, so tests can recompute them.

Written independently of the exporter: it parses the formula text (Excel syntax) and evaluates it over an
openpyxl workbook's cells. It knows what the export uses: numbers, "text", cell and range references (with $,
optionally 'sheet'!), + - * / & = < > <= >= <>, and IF, COUNT, COUNTIF, SUM, SUMIF, SUMPRODUCT,
AVERAGE, ROUND, IFERROR, N, MEDIAN, MAX, MIN.
Ranges are evaluated to lists (arithmetic on them is element-wise, as in Excel's array context).
"""

from __future__ import annotations

import re

from openpyxl.utils import column_index_from_string

_TOKEN = re.compile(r"""\s*(?:
    (?P<num>\d+(?:\.\d+)?)|
    (?P<str>"(?:[^"]|"")*")|
    (?P<ref>(?:'(?:[^']|'')+'!|[A-Za-z0-9_\u4e00-\u9fff]+!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|
    (?P<func>[A-Z][A-Z0-9.]*)\(|
    (?P<op><=|>=|<>|[-+*/&=<>(),])
)""", re.VERBOSE)


class FormulaError(Exception):
    pass


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.lstrip("=")
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == "":
                break
            raise FormulaError(f"cannot read {text[pos:]!r}")
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def _cell_value(ws, ref: str):
    m = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", ref)
    if not m:
        raise FormulaError(f"bad reference {ref}")
    return ws.cell(row=int(m.group(2)), column=column_index_from_string(m.group(1))).value


def _num(v) -> float:
    if v is None or v == "":
        return 0.0
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, int | float):
        return float(v)
    raise FormulaError(f"#VALUE! ({v!r} is not a number)")


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(v)


def _flat(values) -> list:
    out = []
    for v in values:
        out.extend(v if isinstance(v, list) else [v])
    return out


def _binary(op: str, a, b):
    if isinstance(a, list) or isinstance(b, list):
        n = len(a) if isinstance(a, list) else len(b)
        xs = a if isinstance(a, list) else [a] * n
        ys = b if isinstance(b, list) else [b] * n
        return [_binary(op, x, y) for x, y in zip(xs, ys, strict=True)]
    if op == "&":
        return _text(a) + _text(b)
    if op in "+-*/":
        x, y = _num(a), _num(b)
        if op == "/" and y == 0:
            raise FormulaError("#DIV/0!")
        return {"+": x + y, "-": x - y, "*": x * y, "/": x / y if y else 0}[op]
    x, y = a if a is not None else 0, b if b is not None else 0
    if isinstance(x, str) != isinstance(y, str):
        x, y = _text(x), _text(y)
    return {"=": x == y, "<>": x != y, "<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y}[op]


def _matches(value, criterion) -> bool:
    """COUNTIF/SUMIF equality criterion (text compared case-insensitively, numbers by value)."""
    if isinstance(criterion, str):
        return isinstance(value, str) and value.lower() == criterion.lower()
    return isinstance(value, int | float) and float(value) == float(criterion)


def _round(value: float, digits: int) -> float:
    # Excel rounds half away from zero
    factor = 10 ** digits
    return float(int(abs(value) * factor + 0.5 + 1e-9)) / factor * (1 if value >= 0 else -1)


class _Parser:
    def __init__(self, tokens, wb, ws) -> None:
        self.t, self.i, self.wb, self.ws = tokens, 0, wb, ws

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self, value=None):
        tok = self.peek()
        if value is not None and tok[1] != value:
            raise FormulaError(f"expected {value}, got {tok}")
        self.i += 1
        return tok

    def parse(self):
        value = self.compare()
        if self.i != len(self.t):
            raise FormulaError(f"trailing {self.t[self.i:]}")
        return value

    def compare(self):
        a = self.concat()
        while self.peek()[1] in ("=", "<>", "<", ">", "<=", ">="):
            a = _binary(self.take()[1], a, self.concat())
        return a

    def concat(self):
        a = self.add()
        while self.peek()[1] == "&":
            self.take()
            a = _binary("&", a, self.add())
        return a

    def add(self):
        a = self.mul()
        while self.peek()[1] in ("+", "-"):
            a = _binary(self.take()[1], a, self.mul())
        return a

    def mul(self):
        a = self.unary()
        while self.peek()[1] in ("*", "/"):
            a = _binary(self.take()[1], a, self.unary())
        return a

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return _binary("*", -1.0, self.unary())
        return self.atom()

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return float(value)
        if kind == "str":
            return value[1:-1].replace('""', '"')
        if kind == "ref":
            return self.ref(value)
        if kind == "func":
            return self.call(value)
        if value == "(":
            inner = self.compare()
            self.take(")")
            return inner
        raise FormulaError(f"unexpected {value!r}")

    def ref(self, text: str):
        ws = self.ws
        if "!" in text:
            sheet, text = text.rsplit("!", 1)
            ws = self.wb[sheet.strip("'").replace("''", "'")]
        if ":" not in text:
            return _cell_value(ws, text)
        a, b = text.split(":")
        ma = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", a)
        mb = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", b)
        c1, r1 = column_index_from_string(ma.group(1)), int(ma.group(2))
        c2, r2 = column_index_from_string(mb.group(1)), int(mb.group(2))
        return [ws.cell(row=r, column=c).value for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    def args(self) -> list:
        out = []
        if self.peek()[1] == ")":
            self.take()
            return out
        while True:
            out.append(self.compare())
            if self.take()[1] == ")":
                return out

    def call(self, name: str):
        if name == "IF":
            cond = self.compare()
            self.take(",")
            # evaluate both branches lazily enough for our formulas: parse both, pick one
            start = self.i
            yes = self._guarded()
            self.take(",")
            no = self._guarded()
            self.take(")")
            del start
            picked = yes if cond else no
            if isinstance(picked, FormulaError):
                raise picked
            return picked
        if name == "IFERROR":
            value = self._guarded()
            self.take(",")
            fallback = self.compare()
            self.take(")")
            return fallback if isinstance(value, FormulaError) else value
        args = self.args()
        flat = _flat(args)
        if name == "COUNT":
            return float(sum(1 for v in flat if isinstance(v, int | float) and not isinstance(v, bool)))
        if name == "SUM":
            return sum(_num(v) for v in flat if not isinstance(v, str))
        if name == "SUMPRODUCT":
            if len(args) == 1:
                return sum(_num(v) for v in flat)
            # several arrays: element-wise products, a non-number taken as 0 (as Excel and LibreOffice do)
            arrays = [a if isinstance(a, list) else [a] for a in args]
            total = 0.0
            for items in zip(*arrays, strict=True):
                product = 1.0
                for v in items:
                    product *= v if isinstance(v, int | float) and not isinstance(v, bool) else 0.0
                total += product
            return total
        if name == "COUNTIF":
            return float(sum(1 for v in _flat([args[0]]) if _matches(v, args[1])))
        if name == "SUMIF":
            cells = _flat([args[0]])
            values = _flat([args[2]]) if len(args) > 2 else cells
            return sum(_num(x) for v, x in zip(cells, values, strict=True)
                       if _matches(v, args[1]) and isinstance(x, int | float))
        if name == "AVERAGE":
            numbers = [float(v) for v in flat if isinstance(v, int | float) and not isinstance(v, bool)]
            if not numbers:
                raise FormulaError("#DIV/0!")
            return sum(numbers) / len(numbers)
        if name == "ROUND":
            return _round(_num(args[0]), int(_num(args[1])))
        if name == "N":  # a number as it is, anything else (text, a blank) 0
            v = args[0]
            return float(v) if isinstance(v, int | float) else 0.0
        if name in ("MEDIAN", "MAX", "MIN"):
            numbers = sorted(float(v) for v in flat if isinstance(v, int | float) and not isinstance(v, bool))
            if not numbers:
                raise FormulaError("#NUM!")
            if name == "MAX":
                return numbers[-1]
            if name == "MIN":
                return numbers[0]
            mid = len(numbers) // 2
            return numbers[mid] if len(numbers) % 2 else (numbers[mid - 1] + numbers[mid]) / 2
        raise FormulaError(f"unknown function {name}")

    def _guarded(self):
        try:
            return self.compare()
        except FormulaError as exc:
            # skip to the end of this argument
            depth = 0
            while self.i < len(self.t):
                v = self.peek()[1]
                if v == "(" or self.peek()[0] == "func":
                    depth += 1
                elif v == ")":
                    if depth == 0:
                        break
                    depth -= 1
                elif v == "," and depth == 0:
                    break
                self.i += 1
            return exc


def evaluate(ws, formula: str):
    """The value of ``formula`` (with or without its leading =) over the workbook of ``ws``."""
    value = _Parser(_tokens(formula), ws.parent, ws).parse()
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value
