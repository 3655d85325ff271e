"""Krippendorff's alpha against the published worked example and an independent pairwise computation."""

from __future__ import annotations

import itertools
import random

import pytest

from desktop.core.panel.agreement import krippendorff_alpha

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12 units, values
# 1-5, "." missing. Published: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
_ = None
OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]
UNITS = [list(col) for col in zip(*OBSERVERS, strict=True)]


def pairwise_alpha(units, metric: str) -> float:
    """Alpha from its definition over pairs of values, without the coincidence matrix.

    D_o = 1/n * sum_u 1/(m_u - 1) * sum_{i != j in u} delta(v_i, v_j);
    D_e = 1/(n (n - 1)) * sum_{i != j over all pairable values} delta(v_i, v_j); alpha = 1 - D_o / D_e.
    For the ordinal metric, delta(c, k) = (number of pairable values from c to k inclusive - (n_c + n_k) / 2)^2.
    """
    pairable = [[v for v in u if v is not None] for u in units]
    pairable = [u for u in pairable if len(u) >= 2]
    values = [v for u in pairable for v in u]
    n = len(values)

    def delta(a, b):
        if metric == "interval":
            return (a - b) ** 2
        lo, hi = min(a, b), max(a, b)
        count = sum(1 for v in values if lo <= v <= hi)
        return (count - (values.count(a) + values.count(b)) / 2) ** 2

    d_o = sum(sum(delta(a, b) for a, b in itertools.permutations(u, 2)) / (len(u) - 1) for u in pairable) / n
    d_e = sum(delta(a, b) for a, b in itertools.permutations(values, 2)) / (n * (n - 1))
    return 1 - d_o / d_e


def test_published_example_values():
    interval = krippendorff_alpha(UNITS, "interval")
    ordinal = krippendorff_alpha(UNITS, "ordinal")
    assert round(interval.value, 3) == 0.849
    assert round(ordinal.value, 3) == 0.815
    # unit 12 has one value and does not count; 11 units, 4 observers, 40 pairable values
    assert (interval.n_units, interval.n_coders, interval.n_values) == (11, 4, 40)


@pytest.mark.parametrize("metric", ["interval", "ordinal"])
def test_matches_the_pairwise_definition(metric):
    assert krippendorff_alpha(UNITS, metric).value == pytest.approx(pairwise_alpha(UNITS, metric), abs=1e-12)
    rng = random.Random(7)
    for _trial in range(20):
        data = [[rng.choice([None, 0, 1, 2, 2.5, 3, 4, 5]) for _c in range(3)] for _u in range(9)]
        if sum(1 for u in data if sum(v is not None for v in u) >= 2) == 0:
            continue
        expected = None
        try:
            expected = pairwise_alpha(data, metric)
        except ZeroDivisionError:
            pass
        got = krippendorff_alpha(data, metric).value
        assert (got is None) == (expected is None)
        if expected is not None:
            assert got == pytest.approx(expected, abs=1e-9)


def test_cannot_be_computed_says_why():
    none = krippendorff_alpha([[1, None], [None, 2]], "interval")
    assert none.value is None and "two or more" in none.reason and none.n_units == 0
    same = krippendorff_alpha([[3, 3], [3, 3, 3]], "ordinal")
    assert same.value is None and "all values are the same" in same.reason
    assert krippendorff_alpha([[1, 1], [4, 4]], "interval").value == 1.0
    with pytest.raises(ValueError, match="unknown metric"):
        krippendorff_alpha([[1, 2]], "nominal")
