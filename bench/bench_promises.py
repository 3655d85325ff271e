"""Precision and recall of the promise tracker, per class, on plan items labelled by reading.

    .venv/bin/python bench/bench_promises.py [--verbose] [--tuning-only]

Two sources of labels: the seeds (bench/promise_labels.py: 吉林省政数局's 2022 plan in its 2025 report, and plans
read against other bodies' reports, where nothing is theirs) and pairs written by hand in real reports' wordings
(bench/promise_pairs.py). Every third written pair is HELD BACK: the matcher was tuned looking only at the tuning
figures (per class, never at single items), and the held-back pairs are scored at the end, printed apart.
``--tuning-only`` leaves them out (what was looked at while tuning).

For each class — ``done`` (the achievements part reports the item; the passage shown must hold the labelled piece),
``shortcoming`` (the shortcomings part names it; the shortcoming shown must hold the labelled piece) and
``not_mentioned`` — prints precision (claims of that class that are right) and recall (labelled items of that
class found), for each set; then, on the real seeds, how far the items labelled back as a shortcoming stand apart
from the others (a threshold finding them all: how many wrong claims it would make).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.promise_labels import LABELS  # noqa: E402
from bench.promise_pairs import DONE, NOT_MENTIONED, PAIRS, SHORTCOMING  # noqa: E402
from desktop.core.agencies import promises  # noqa: E402
from desktop.core.agencies.parts import Report  # noqa: E402
from desktop.core.ingest import read_report  # noqa: E402
from desktop.core.segmentation.segment import segment_report  # noqa: E402

SEEDS = ROOT / "seeds"
OPENINGS = ROOT / "tests" / "data" / "real_openings"
CLASSES = (DONE, SHORTCOMING, NOT_MENTIONED)


def as_report(text: str) -> Report:
    seg = segment_report(text)
    return Report(text, list(seg.sections), list(seg.outline))


def load(name: str) -> Report:
    path = next(SEEDS.glob(f"{name}_*.txt"), None) if len(name) == 3 else OPENINGS / name
    if path is None or not path.exists():
        raise SystemExit(f"{name}: report not found under {SEEDS} or {OPENINGS}")
    return as_report(read_report(path).text)


@dataclass(frozen=True)
class Labelled:
    """One labelled plan item: where it comes from and what the later report says of it."""

    pair: str
    piece: str
    status: str
    where: str


@dataclass(frozen=True)
class Verdict:
    item: Labelled
    got: str
    similarity: float
    passage: str

    @property
    def right(self) -> bool:
        if self.got != self.item.status:
            return False
        return self.got == NOT_MENTIONED or not self.item.where or self.item.where in self.passage


def _judge(pairs: Iterable[tuple[str, Callable[[], tuple[Report, Report]], list[Labelled]]]) -> list[Verdict]:
    out = []
    for name, reports, labels in pairs:
        previous, current = reports()
        matches = promises.match_promises(previous, current)
        for label in labels:
            match = next((m for m in matches if label.piece in m.item.text), None)
            if match is None:
                raise SystemExit(f"{name}: no plan item holds {label.piece!r} (the plan split changed: relabel)")
            out.append(Verdict(label, match.status, match.similarity, match.passage.text if match.passage else ""))
    return out


def seed_verdicts() -> list[Verdict]:
    cache: dict[str, Report] = {}

    def reports(previous: str, current: str) -> Callable[[], tuple[Report, Report]]:
        def read() -> tuple[Report, Report]:
            for name in (previous, current):
                if name not in cache:
                    cache[name] = load(name)
            return cache[previous], cache[current]
        return read

    by_pair: dict[tuple[str, str], list[Labelled]] = {}
    for previous, current, piece, status, where in LABELS:
        by_pair.setdefault((previous, current), []).append(Labelled(f"{previous}->{current}", piece, status, where))
    return _judge((f"{p}->{c}", reports(p, c), labels) for (p, c), labels in by_pair.items())


def pair_verdicts(held_back: bool, style: str) -> list[Verdict]:
    chosen = [p for p in PAIRS if p.held_back == held_back and p.style == style]
    return _judge((p.name, (lambda p=p: (as_report(p.previous_text()), as_report(p.current_text()))),
                   [Labelled(p.name, piece, status, where) for piece, status, where in p.labels]) for p in chosen)


def per_class(verdicts: list[Verdict]) -> dict[str, tuple[int, int, int, int]]:
    """For each class: (claimed, right claims, labelled, found)."""
    out = {}
    for c in CLASSES:
        claimed = [v for v in verdicts if v.got == c]
        labelled = [v for v in verdicts if v.item.status == c]
        out[c] = (len(claimed), sum(v.right for v in claimed), len(labelled), sum(v.right for v in labelled))
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/{b}"


def report(title: str, verdicts: list[Verdict], verbose: bool) -> None:
    print(f"\n{title}: {len(verdicts)} items ({', '.join(f'{sum(v.item.status == c for v in verdicts)} {c}' for c in CLASSES)})")
    for c, (claimed, good, labelled, found) in per_class(verdicts).items():
        print(f"  {c:<13} precision {_ratio(good, claimed):<14} recall {_ratio(found, labelled)}")
    right = sum(v.right for v in verdicts)
    print(f"  all verdicts right: {_ratio(right, len(verdicts))}")
    for v in verdicts:
        if verbose or not v.right:
            print(f"    {'ok ' if v.right else 'BAD'} {v.item.pair:<24} {v.item.piece[:16]:<16} label={v.item.status:<13} "
                  f"got={v.got:<13} sim={v.similarity:.3f} {v.passage[:30]}")


def separability() -> None:
    """On the real seeds: each labelled item's best similarity to a shortcoming of the later report, split into the
    items labelled back as a shortcoming and the others: whether any threshold can find the first without
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
    labelled.sort(reverse=True)
    others.sort(reverse=True)
    if labelled:
        wrong = sum(score >= labelled[-1][0] for score, _name in others)
        print("\nreal seeds, shortcoming similarity of the items labelled back as a shortcoming: "
              + ", ".join(f"{score:.3f} ({name})" for score, name in labelled))
        print("  highest of the other items: " + ", ".join(f"{score:.3f} ({name})" for score, name in others[:3]))
        print(f"  a threshold finding all {len(labelled)} would also claim {wrong} of {len(others)} other items")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every item, not only the wrong ones")
    parser.add_argument("--tuning-only", action="store_true", help="leave the held-back pairs out")
    args = parser.parse_args()
    print(f"thresholds: done {promises.DONE_THRESHOLD}, shortcoming {promises.SHORTCOMING_THRESHOLD}, shortcoming "
          f"naming the plan item more than any other {promises.SHORTCOMING_NAMED_THRESHOLD}")
    report("TUNING, real seeds (bench/promise_labels.py)", seed_verdicts(), args.verbose)
    for style in ("close", "paraphrased"):
        report(f"TUNING, written pairs, {style} (bench/promise_pairs.py)", pair_verdicts(False, style), args.verbose)
    if not args.tuning_only:
        for style in ("close", "paraphrased"):
            report(f"HELD BACK, written pairs, {style} (not looked at while tuning)", pair_verdicts(True, style),
                   args.verbose)
    separability()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
