"""Property test: any sequence of corrections keeps the effective parts inside the text, top-level parts apart,
and ``missing`` consistent with the parts; field corrections set exactly the corrected fields."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.corrections.apply import (
    CORRECTED,
    FIELDS,
    MARK_PART,
    NEW_PART,
    NOT_HEADING,
    PART_KINDS,
    RELABEL,
    CorrectionRecord,
    apply_corrections,
)
from desktop.core.segmentation.classify import REQUIRED_KINDS
from desktop.core.segmentation.segment import PLACEMENTS, segment_report
from tests.core.builders import SAMPLE

SEG = segment_report(SAMPLE)
N = len(SAMPLE)


@st.composite
def corrections(draw) -> list[CorrectionRecord]:
    out = []
    for i in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from([RELABEL, MARK_PART, NOT_HEADING, NEW_PART, "field"]))
        start = draw(st.integers(0, N - 1))
        end = draw(st.integers(start + 1, min(N, start + 80)))
        stamp = f"2026-01-01T00:00:{i:02d}+00:00"
        if kind == "field":
            name = draw(st.sampled_from(FIELDS))
            out.append(CorrectionRecord(f"c{i}", kind, name, draw(st.one_of(st.none(), st.text(max_size=5))),
                                        reviewer_name="王明", updated_at=stamp))
            continue
        after = {"kind": draw(st.sampled_from(PART_KINDS)), "placement": draw(st.sampled_from(PLACEMENTS)),
                 "level": 2}
        out.append(CorrectionRecord(f"c{i}", kind, "", after, start, end, draw(st.booleans()), "王明", stamp))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrections())
def test_corrections_keep_the_parts_consistent(records):
    meta = SEG.metadata.values()
    eff = apply_corrections(SAMPLE, meta, SEG.metadata.sources(), SEG.sections, records)
    assert len(eff.sections) == len(eff.section_origins)
    for s in eff.sections:
        assert 0 <= s.start < s.end <= N or (s.start == s.end and s.placement != "section"), s
    tops = sorted((s for s in eff.sections if s.placement == "section"), key=lambda s: s.start)
    for a, b in zip(tops, tops[1:], strict=False):
        assert a.end <= b.start, (a, b)
    assert eff.missing == [k for k in REQUIRED_KINDS if k not in {s.kind for s in eff.sections}]
    fields = {r.target: r for r in records if r.kind == "field"}
    for name in FIELDS:
        if name in fields:
            assert eff.metadata[name] == fields[name].after and eff.metadata_origin[name].origin == CORRECTED
        else:
            assert eff.metadata[name] == meta[name] and eff.metadata_origin[name].origin == "auto"
    unplaced = {r.id for r in records if r.kind != "field" and not r.placed}
    assert unplaced <= set(eff.unapplied)
