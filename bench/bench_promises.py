"""Precision of the promise tracker on plan items labelled by reading (bench/promise_labels.py).

    .venv/bin/python bench/bench_promises.py [--verbose]

For every labelled item: what the matcher says of it (done with its passage, back as a shortcoming, not
mentioned). Prints the precision of its "done" and "shortcoming" claims (a done claim counts when the label says
done and the passage it shows holds the labelled piece), their recall, and the share of all items it gets right;
then how far the items labelled back as a shortcoming stand apart from the others on the shortcoming similarity (a
threshold that finds them all: how many wrong claims it would make).
The thresholds were chosen on these same labels: the figures are a check on what was labelled, not a measurement
on unseen reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.promise_labels import DONE, LABELS, NOT_MENTIONED, SHORTCOMING  # noqa: E402
from desktop.core.agencies import promises  # noqa: E402
from desktop.core.agencies.parts import Report  # noqa: E402
from desktop.core.ingest import read_report  # noqa: E402
from desktop.core.segmentation.segment import segment_report  # noqa: E402

SEEDS = ROOT / "seeds"
OPENINGS = ROOT / "tests" / "data" / "real_openings"


def load(name: str) -> Report:
    path = next(SEEDS.glob(f"{name}_*.txt"), None) if len(name) == 3 else OPENINGS / name
    if path is None or not path.exists():
        raise SystemExit(f"{name}: report not found under {SEEDS} or {OPENINGS}")
    text = read_report(path).text
    seg = segment_report(text)
    return Report(text, list(seg.sections), list(seg.outline))


def evaluate(verbose: bool = False) -> dict[str, float]:
    cache: dict[str, Report] = {}
    pairs: dict[tuple[str, str], list[promises.PromiseMatch]] = {}
    claims = {DONE: [0, 0], SHORTCOMING: [0, 0]}  # [claimed, right]
    found = {DONE: [0, 0], SHORTCOMING: [0, 0]}  # [labelled, found]
    right = 0
    for previous, current, piece, status, where in LABELS:
        for name in (previous, current):
            if name not in cache:
                cache[name] = load(name)
        key = (previous, current)
        if key not in pairs:
            pairs[key] = promises.match_promises(cache[previous], cache[current])
        match = next((m for m in pairs[key] if piece in m.item.text), None)
        if match is None:
            raise SystemExit(f"{previous}: no plan item holds {piece!r} (the plan split changed: relabel)")
        ok = match.status == status and (status != DONE or (match.passage is not None and where in match.passage.text))
        right += ok
        if match.status in claims:
            claims[match.status][0] += 1
            claims[match.status][1] += ok
        if status in found:
            found[status][0] += 1
            found[status][1] += ok
        if verbose or not ok:
            passage = match.passage.text[:40] if match.passage else ""
            print(f"{'ok ' if ok else 'BAD'} {previous}->{current} {piece[:18]:<18} label={status:<13} "
                  f"got={match.status:<13} sim={match.similarity:.3f} {passage}")
    figures = {"items": len(LABELS), "right": right}
    for status in (DONE, SHORTCOMING):
        claimed, good = claims[status]
        labelled, hit = found[status]
        figures[f"{status}_claimed"], figures[f"{status}_right"] = claimed, good
        figures[f"{status}_labelled"], figures[f"{status}_found"] = labelled, hit
    return figures


def separability() -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """Each labelled item's best similarity to a shortcoming of the later report (promises.best_candidates), split
    into the items labelled back as a shortcoming and the others: whether any threshold can find the first without
    claiming the second."""
    cache: dict[str, Report] = {}
    scores: dict[tuple[str, str], list] = {}
    labelled, others = [], []
    for previous, current, piece, status, _where in LABELS:
        for name in (previous, current):
            if name not in cache:
                cache[name] = load(name)
        if (previous, current) not in scores:
            scores[previous, current] = promises.best_candidates(cache[previous], cache[current])
        _item, _done, short = next(c for c in scores[previous, current] if piece in c[0].text)
        (labelled if status == SHORTCOMING else others).append((short, f"{previous}->{current} {piece[:14]}"))
    return sorted(labelled, reverse=True), sorted(others, reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every item, not only the wrong ones")
    args = parser.parse_args()
    f = evaluate(args.verbose)
    claimed = f["done_claimed"] + f["shortcoming_claimed"]
    good = f["done_right"] + f["shortcoming_right"]
    print(f"labelled plan items: {f['items']} ({sum(1 for x in LABELS if x[3] == NOT_MENTIONED)} not mentioned)")
    print(f"thresholds: done {promises.DONE_THRESHOLD}, shortcoming {promises.SHORTCOMING_THRESHOLD}")
    for status in (DONE, SHORTCOMING):
        c, r, lab, hit = (f[f"{status}_claimed"], f[f"{status}_right"], f[f"{status}_labelled"], f[f"{status}_found"])
        print(f"{status}: precision {r}/{c}" + (f" = {r / c:.2f}" if c else "") + f", recall {hit}/{lab}")
    print(f"precision of all claims (done + shortcoming): {good}/{claimed}" + (f" = {good / claimed:.2f}" if claimed else ""))
    print(f"items right (all three verdicts): {f['right']}/{f['items']} = {f['right'] / f['items']:.2f}")
    labelled, others = separability()
    if labelled:
        lowest = labelled[-1][0]
        wrong = sum(score >= lowest for score, _name in others)
        print("shortcoming similarity of the items labelled back as a shortcoming: "
              + ", ".join(f"{score:.3f} ({name})" for score, name in labelled))
        print("highest of the other items: " + ", ".join(f"{score:.3f} ({name})" for score, name in others[:3]))
        print(f"a threshold finding all {len(labelled)} would also claim {wrong} of {len(others)} other items")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
