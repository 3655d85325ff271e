"""Find text two reports share (text reuse), after normalizing punctuation, width and white space.

Two texts share a passage when the same run of at least ``min_length`` normalized characters occurs in both.
A character is *reused* when it lies inside such a passage; this is exactly the union of the
``min_length``-grams the two texts have in common, so it is found with one hash set of n-grams per text:
linear in the text lengths, not quadratic. Passages (which left span a right span repeats) are found by
extending shared n-grams greedily; they let the view jump from a mark to where the text came from.

Offsets are document offsets into the frozen texts. Ignored spans (page clutter, part headings the
regulation prescribes) are neither matched nor counted.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.core.text import fold_width

DEFAULT_MIN_LENGTH = 12
_PUNCT = "·"  # every punctuation mark normalizes to this one character
_MAX_CANDIDATES = 16  # occurrences of one n-gram tried when extending a passage (keeps repetitive text linear)


def _normal_char(ch: str) -> str | None:
    """The normalized form of one width-folded character: None for white space, _PUNCT for punctuation."""
    if ch.isspace():
        return None
    if ch.isalnum():
        return ch
    if unicodedata.category(ch)[0] in "PS":
        return _PUNCT
    return ch


def normalize_for_reuse(text: str, ignore: Iterable[tuple[int, int]] = ()) -> tuple[str, list[int]]:
    """The comparison key of a text and, for each key character, its offset in the text.

    Width and case are folded (desktop.core.text.fold_width), white space and ignored spans dropped,
    punctuation unified. An ignored span breaks passages: a NUL separator stands in its place.
    """
    folded = fold_width(text)
    skip = bytearray(len(text))
    for a, b in ignore:
        a, b = max(0, a), min(len(text), b)
        if b > a:
            skip[a:b] = b"\x01" * (b - a)
    chars: list[str] = []
    positions: list[int] = []
    previous_skipped = False
    for i, ch in enumerate(folded):
        if skip[i]:
            if not previous_skipped:
                chars.append("\x00")
                positions.append(i)
            previous_skipped = True
            continue
        previous_skipped = False
        norm = _normal_char(ch)
        if norm is None:
            continue
        chars.append(norm)
        positions.append(i)
    return "".join(chars), positions


@dataclass(frozen=True)
class Passage:
    """A passage of the right text that repeats a passage of the left text (document offsets)."""

    left_start: int
    left_end: int
    right_start: int
    right_end: int

    @property
    def length(self) -> int:
        return self.right_end - self.right_start


@dataclass
class Reuse:
    """Reused spans in each text (merged, sorted, document offsets) and the passages linking them."""

    left_spans: list[tuple[int, int]] = field(default_factory=list)
    right_spans: list[tuple[int, int]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    min_length: int = DEFAULT_MIN_LENGTH

    def passage_at_right(self, offset: int) -> Passage | None:
        """The passage covering a right-text offset, if any."""
        return next((p for p in self.passages if p.right_start <= offset < p.right_end), None)

    def passage_at_left(self, offset: int) -> Passage | None:
        """A passage whose left span covers a left-text offset, if any."""
        return next((p for p in self.passages if p.left_start <= offset < p.left_end), None)


def _grams(key: str, k: int) -> set[str]:
    grams = {key[i:i + k] for i in range(len(key) - k + 1)}
    return {g for g in grams if "\x00" not in g} if "\x00" in key else grams


def _hits(key: str, other: set[str], k: int) -> list[int]:
    """Key indices where an n-gram also found in ``other`` starts (``other`` holds no NUL n-grams)."""
    return [i for i in range(len(key) - k + 1) if key[i:i + k] in other]


def _covered(positions: list[int], hits: list[int], k: int) -> list[tuple[int, int]]:
    """Document spans of the key characters that lie in one of the shared n-grams starting at ``hits``."""
    spans: list[tuple[int, int]] = []
    run_start = -1
    covered_to = -1  # key index up to which the current run is covered
    for i in hits:
        if run_start >= 0 and i <= covered_to:
            covered_to = i + k
            continue
        if run_start >= 0:
            spans.append((positions[run_start], positions[covered_to - 1] + 1))
        run_start, covered_to = i, i + k
    if run_start >= 0:
        spans.append((positions[run_start], positions[covered_to - 1] + 1))
    return spans


def _common_length(a: str, i: int, b: str, j: int, limit: int) -> int:
    """Length of the common prefix of a[i:i + limit] and b[j:j + limit], by comparing slices (galloping, then
    bisecting the chunk that differs): repeated passages run for thousands of characters."""
    done, step = 0, 32
    while done < limit:
        size = min(step, limit - done)
        if a[i + done:i + done + size] == b[j + done:j + done + size]:
            done += size
            step *= 2
            continue
        lo, hi = done, done + size  # a[i:i + lo] matches; the first difference lies in [lo, hi)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a[i + lo:i + mid] == b[j + lo:j + mid]:
                lo = mid
            else:
                hi = mid
        return lo
    return max(limit, 0)


def _passages(left: str, lpos: list[int], left_hits: list[int], right: str, rpos: list[int], right_hits: list[int],
              k: int) -> list[Passage]:
    """Passages found by extending, at each shared right n-gram, the longest match among its left occurrences."""
    index: dict[str, list[int]] = {}
    for i in left_hits:  # only n-grams the right text also has are ever looked up
        occurrences = index.setdefault(left[i:i + k], [])
        if len(occurrences) < _MAX_CANDIDATES:
            occurrences.append(i)
    out: list[Passage] = []
    n_left, n_right = len(left), len(right)
    h, n_hits = 0, len(right_hits)
    while h < n_hits:
        j = right_hits[h]
        candidates = index[right[j:j + k]]
        best_i, best_len = candidates[0], 0
        stop = right.find("\x00", j + k)  # a passage never runs over an ignored span
        right_limit = (n_right if stop < 0 else stop) - j
        for i in candidates:
            length = k + _common_length(left, i + k, right, j + k, min(n_left - i, right_limit) - k)
            if length > best_len:
                best_i, best_len = i, length
        out.append(Passage(lpos[best_i], lpos[best_i + best_len - 1] + 1, rpos[j], rpos[j + best_len - 1] + 1))
        h = bisect_left(right_hits, j + best_len, h + 1)  # the next shared n-gram after the passage
    return out


def find_reuse(left: str, right: str, min_length: int = DEFAULT_MIN_LENGTH,
               left_ignore: Iterable[tuple[int, int]] = (), right_ignore: Iterable[tuple[int, int]] = ()) -> Reuse:
    """Passages of at least ``min_length`` normalized characters that the two texts share."""
    if min_length < 1:
        raise ValueError("min_length must be at least 1")
    lkey, lpos = normalize_for_reuse(left, left_ignore)
    rkey, rpos = normalize_for_reuse(right, right_ignore)
    lgrams = _grams(lkey, min_length)
    rgrams = _grams(rkey, min_length)
    left_hits, right_hits = _hits(lkey, rgrams, min_length), _hits(rkey, lgrams, min_length)
    return Reuse(
        left_spans=_covered(lpos, left_hits, min_length),
        right_spans=_covered(rpos, right_hits, min_length),
        passages=_passages(lkey, lpos, left_hits, rkey, rpos, right_hits, min_length),
        min_length=min_length,
    )


def countable_prefix(text: str, ignore: Iterable[tuple[int, int]] = ()) -> list[int]:
    """prefix[i] = number of countable characters (not white space, not ignored) in text[:i]."""
    skip = bytearray(len(text))
    for a, b in ignore:
        a, b = max(0, a), min(len(text), b)
        if b > a:
            skip[a:b] = b"\x01" * (b - a)
    prefix = [0] * (len(text) + 1)
    count = 0
    for i, ch in enumerate(text):
        if not skip[i] and not ch.isspace():
            count += 1
        prefix[i + 1] = count
    return prefix


def reuse_share(spans: Sequence[tuple[int, int]], start: int, end: int, prefix: list[int]) -> float | None:
    """Share (0..1) of the countable characters in [start, end) that lie in reused spans; None when none count."""
    total = prefix[end] - prefix[start]
    if total <= 0:
        return None
    covered = 0
    for a, b in spans:
        if b <= start:
            continue
        if a >= end:
            break
        covered += prefix[min(b, end)] - prefix[max(a, start)]
    return covered / total
