"""Keep report text from acting as spreadsheet formulas (CSV/formula injection) and from breaking XML.

Text taken from reports and comments may begin with ``= + - @`` (or a tab or carriage return), which Excel, WPS
and LibreOffice treat as the start of a formula. In csv such a value gets a leading apostrophe (the usual
neutralization); in xlsx it is written as a string cell with Excel's quote-prefix flag, so it is shown as text and
stays text when edited.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot hold (a workbook or document holding one does not open); tab, LF and CR are allowed.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def neutralize_csv(value: str) -> str:
    """The value with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if looks_like_formula(value) else value


def xml_safe(value: str) -> str:
    """The value without characters an XML document (xlsx, docx) cannot contain."""
    return _ILLEGAL_XML.sub("", value)
