"""The real report openings (tests/data/real_openings): the accuracy floor and no false "missing" flag."""

from __future__ import annotations

from bench.real_openings import FLOOR, figure, run


def test_real_openings_reach_the_floor_without_false_missing_flags():
    results = run()
    misses = {r.name: r.misses for r in results if r.misses}
    assert figure(results) >= FLOOR, misses
    false_missing = [(r.name, r.false_missing) for r in results if r.false_missing]
    assert false_missing == []


def test_every_file_has_checks_for_parts_missing_year_and_agency():
    results = run()
    assert len(results) == 30
    assert all(r.total >= 4 for r in results)
