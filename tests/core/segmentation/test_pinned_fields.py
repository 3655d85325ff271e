"""Every result a worker hands to the writer stays what it was, field by field (bench/segmentation_pin.py).

Speed work must not move a heading, a part, a clutter span, a mark, a confidence or a sentence: the pinned corpus
(seeds, real openings, their traditional/damaged/flattened/page-chrome/cut variants, synthetic bench reports) is
segmented and every field compared with tests/data/segmentation_fields.json. A DELIBERATE change of results bumps
SEGMENTER_VERSION (test_golden.py) and re-pins with `python bench/segmentation_pin.py --update`.
"""

from __future__ import annotations

import pytest

from bench.segmentation_pin import current, differences, field_digests, fields, load_pinned, pinned_texts


def test_every_field_of_the_pinned_corpus_is_unchanged():
    stored = load_pinned()
    diff = differences(stored, current())
    assert diff == [], ("segmentation results changed (text: field):\n" + "\n".join(diff[:40])
                        + "\nif deliberate: bump SEGMENTER_VERSION and run `python bench/segmentation_pin.py --update`")


def test_the_pinned_corpus_covers_the_classes_it_claims():
    labels = [label for label, _text in pinned_texts()]
    classes = {label.split("#")[1] if "#" in label else label.split("/")[0] for label in labels}
    assert classes == {"seeds", "real_openings", "synthetic", "traditional", "damaged", "flattened", "page", "cut"}
    assert len(labels) == len(set(labels))
    texts = dict(pinned_texts())
    # each variant really exercises its path: damage found and mapped back, characters folded, chrome cut out
    damaged = fields(texts["seeds/000_0a101bd46eacac2a.txt#damaged"])
    assert any(c["kind"] == "watermark" for c in damaged["clutter"])  # type: ignore[attr-defined, index]
    page = fields(texts["seeds/000_0a101bd46eacac2a.txt#page"])
    assert {c["kind"] for c in page["clutter"]} >= {"breadcrumb", "signoff", "footer"}  # type: ignore[attr-defined, index]
    plain = fields(texts["seeds/000_0a101bd46eacac2a.txt"])
    traditional = fields(texts["seeds/000_0a101bd46eacac2a.txt#traditional"])
    assert [s["kind"] for s in traditional["sections"]] == [s["kind"] for s in plain["sections"]]  # type: ignore[attr-defined, index]


@pytest.mark.parametrize("field", ["sections", "clutter", "sentences", "metadata_confidence", "outline"])
def test_a_changed_result_is_named_by_its_field(field):
    """The comparison can fail, and says which field of which text moved."""
    label, text = next(iter(pinned_texts()))
    digests = field_digests(text)
    stored = {label: {**digests, field: "0" * 12}}
    assert differences(stored, {label: digests}) == [f"{label}: {field}"]
