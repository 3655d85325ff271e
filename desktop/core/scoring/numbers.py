"""Decimal arithmetic and the one formatter for every score a person sees.

Scores, weights and maximums are stored as binary floats, but each means the short decimal it was typed as
(``0.5``, ``35.33``). :func:`exact` turns such a value into that decimal exactly (through its shortest repr), so
sums and means are taken on the decimal values and :func:`half_up` rounds them as 四舍五入 and Excel's ROUND do
(``43.415`` → ``43.42``), never with binary ``round`` (which gives 43.41 for the float nearest 43.415).

:func:`fmt` is how every score, total, mean and final is written on screen and on every sheet: rounded half up to
``places`` (2 unless said otherwise), trailing zeros dropped (``80``, ``75.5``, ``43.42``), empty for None.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from functools import lru_cache

Number = int | float | Decimal | Fraction
PLACES = 2  # totals, means and finals are kept and shown to 2 decimal places


def exact(value: Number) -> Fraction:
    """The exact rational value a stored number stands for (a float is read as the decimal it prints as)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return _exact_float(value)
    return Fraction(value)


@lru_cache(maxsize=65536)
def _exact_float(value: float) -> Fraction:
    # a panel of 1,000 reports reads the same few hundred stored values a million times: each is converted once
    return Fraction(Decimal(repr(value)))


def half_up(value: Number, places: int = PLACES) -> Decimal:
    """``value`` rounded to ``places`` decimals, halves away from zero (四舍五入), on its exact decimal value."""
    q = exact(value)
    with localcontext() as ctx:
        ctx.prec = 60
        d = Decimal(q.numerator) / Decimal(q.denominator)
        # the division above is exact to 60 digits: enough for any total of a few dozen criteria
        return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rounded(value: Number | None, places: int = PLACES) -> float | None:
    """``value`` rounded half up to ``places`` decimals, as the float that prints as that decimal (None stays)."""
    return None if value is None else float(half_up(value, places))


def fmt(value: Number | None, places: int = PLACES, blank: str = "") -> str:
    """The text of a number on screen and on sheets: half up to ``places`` decimals, no trailing zeros."""
    if value is None:
        return blank
    return _fmt(value, places)


@lru_cache(maxsize=65536)
def _fmt(value: Number, places: int) -> str:
    # every sheet of a large export writes the same few hundred numbers again and again: each is formatted once
    text = format(half_up(value, places), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def mean(values: list[Fraction]) -> Fraction | None:
    """The exact mean (None for no values)."""
    return sum(values, Fraction(0)) / len(values) if values else None


def median(values: list[Fraction]) -> Fraction | None:
    """The exact median (mean of the middle two for an even count; None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def trimmed_mean(values: list[Fraction], from_count: int = 5) -> Fraction | None:
    """The mean without the highest and the lowest value once there are ``from_count`` values or more."""
    if len(values) < from_count:
        return mean(values)
    return mean(sorted(values)[1:-1])
