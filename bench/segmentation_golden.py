"""Golden hashes of segmentation output over seeds/ and the real openings, keyed by SEGMENTER_VERSION.

Stored documents are re-segmented only when SEGMENTER_VERSION grows (desktop/core/storage/documents.py), so a
change of segmentation output without a version bump would leave databases with stale parts. The test
tests/core/segmentation/test_golden.py compares the output with tests/data/segmentation_golden.json and fails
when it changed while the version did not. After a deliberate change: bump SEGMENTER_VERSION, then

    .venv/bin/python bench/segmentation_golden.py --update
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.ingest import read_report  # noqa: E402
from desktop.core.segmentation.segment import segment_report  # noqa: E402
from desktop.core.storage.documents import SEGMENTER_VERSION  # noqa: E402

GOLDEN = ROOT / "tests" / "data" / "segmentation_golden.json"


def corpus() -> list[Path]:
    """The texts the golden file covers: the seed reports and the real openings."""
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "real_openings").glob("*.txt"))


def output_hash(path: Path) -> str:
    """SHA-256 of the canonical JSON of what segmentation finds in one file."""
    data = segment_report(read_report(path).text).to_json()
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def current() -> dict:
    return {"segmenter_version": SEGMENTER_VERSION,
            "outputs": {f"{p.parent.name}/{p.name}": output_hash(p) for p in corpus()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the golden file for the current version")
    args = parser.parse_args(argv)
    now = current()
    if args.update:
        GOLDEN.write_text(json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN} for segmenter version {SEGMENTER_VERSION} ({len(now['outputs'])} files)")
        return 0
    stored = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(k for k, v in now["outputs"].items() if stored["outputs"].get(k) != v)
    print(f"golden version {stored['segmenter_version']}, current {SEGMENTER_VERSION}; changed: {changed or 'none'}")
    return 0 if not changed and stored["segmenter_version"] == SEGMENTER_VERSION else 1


if __name__ == "__main__":
    sys.exit(main())
