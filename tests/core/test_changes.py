"""desktop.core.changes: what a write changed, combined and asked about."""

from __future__ import annotations

import pytest

from desktop.core.changes import KINDS, Changes


def test_of_sets_the_kinds_and_documents_named():
    c = Changes.of("scores", "reviews", document_ids=["d1", ""])
    assert c.kinds == {"scores", "reviews"} and c.document_ids == {"d1"}
    assert c.any("reviews") and not c.any("annotations") and c.any()
    assert c.concerns("d1", "scores") and not c.concerns("d2", "scores") and not c.concerns("d1", "tags")
    assert not c.concerns("", "scores")  # no document shown: nothing to re-read
    assert not Changes().any()


def test_an_unknown_kind_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="unknown kind.*score.*use documents"):
        Changes.of("score")


def test_without_documents_a_change_concerns_every_document():
    c = Changes.of("tags", "annotations")
    assert c.touches("anything") and c.concerns("d9", "annotations")


def test_everything_marks_every_kind_and_where_it_came_from():
    c = Changes.everything(outside=True)
    assert c.kinds == set(KINDS) and c.outside and c.touches("d1")


def test_or_combines_kinds_and_documents():
    a = Changes.of("scores", document_ids=["d1"])
    b = Changes.of("reviews", document_ids=["d2"])
    both = a | b
    assert both.kinds == {"scores", "reviews"} and both.document_ids == {"d1", "d2"} and not both.outside
    # one side not knowing its documents: the combination does not know either
    assert (a | Changes.of("tags")).document_ids == frozenset()
    assert (a | Changes.of("tags", outside=True)).outside
