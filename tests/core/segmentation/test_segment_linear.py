"""Segmentation time grows linearly with the number of clutter-like lines (it was quadratic)."""

from __future__ import annotations

import time

from bench.bench_segmentation import clutter_lines
from desktop.core.segmentation.segment import segment_report
from desktop.core.segmentation.spans import Spans


def _best_of(text: str, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        segment_report(text)
        best = min(best, time.perf_counter() - start)
    return best


def test_four_times_the_lines_take_about_four_times_as_long():
    small, large = clutter_lines(2_000), clutter_lines(8_000)
    t_small, t_large = _best_of(small), _best_of(large)
    # quadratic work would take ~16x; allow noise on a shared machine
    assert t_large < 8 * t_small + 0.5, (t_small, t_large)


def test_clutter_page_seconds_per_mb_is_bounded():
    text = clutter_lines(10_000)
    mb = len(text.encode()) / 1e6
    assert _best_of(text, 1) / mb < 10


def test_spans_lookup_merges_and_answers_edges():
    spans = Spans([(10, 20), (0, 5), (15, 25), (30, 30)])
    assert list(spans) == [(0, 5), (10, 25)]
    assert spans.contains(0) and spans.contains(4) and not spans.contains(5)
    assert spans.at(24) == (10, 25) and spans.at(25) is None
    assert spans.ending_over(25) == (10, 25) and spans.ending_over(10) is None and spans.ending_over(0) is None
