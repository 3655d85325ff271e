"""The span index behind linear-time clutter lookups. Speed itself is measured in bench/bench_segmentation.py
(timed unit tests are flaky on a shared machine and not how this project measures speed)."""

from __future__ import annotations

from desktop.core.segmentation.spans import Spans


def test_spans_lookup_merges_and_answers_edges():
    spans = Spans([(10, 20), (0, 5), (15, 25), (30, 30)])
    assert list(spans) == [(0, 5), (10, 25)]
    assert spans.contains(0) and spans.contains(4) and not spans.contains(5)
    assert spans.at(24) == (10, 25) and spans.at(25) is None
    assert spans.ending_over(25) == (10, 25) and spans.ending_over(10) is None and spans.ending_over(0) is None
