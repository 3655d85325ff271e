"""Segmentation output over seeds/ and the real openings changes only together with SEGMENTER_VERSION."""

from __future__ import annotations

import json

from bench.segmentation_golden import GOLDEN, current
from desktop.core.storage.documents import SEGMENTER_VERSION


def test_output_changes_only_with_a_version_bump():
    stored = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = current()
    changed = sorted(k for k, v in now["outputs"].items() if stored["outputs"].get(k) != v)
    if stored["segmenter_version"] == SEGMENTER_VERSION:
        assert changed == [], (
            f"segmentation output changed for {changed} but SEGMENTER_VERSION is still {SEGMENTER_VERSION}: "
            "bump it in desktop/core/storage/documents.py (stored documents are then re-segmented when a "
            "database is opened) and run `python bench/segmentation_golden.py --update`")
    else:
        raise AssertionError(f"the golden file is for segmenter version {stored['segmenter_version']}, the code is "
                             f"{SEGMENTER_VERSION}: run `python bench/segmentation_golden.py --update`")
    assert set(stored["outputs"]) == set(now["outputs"])
