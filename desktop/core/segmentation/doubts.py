"""Where a part reported missing might be after all: the best candidate passage for the reviewer to look at.

A required part is reported missing only when no heading, item or sentence states it clearly. Weaker evidence
(a sentence that mentions the leaders, a problem, a future 将) is not enough to assert the part, but it is where
a reviewer checking the flag should look first: :func:`missing_candidates` gives, for each missing kind, the first
such sentence outside page clutter, or nothing. Pure: offsets into the frozen text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.segmentation.cleaning import Clutter
from desktop.core.segmentation.spans import Spans
from desktop.core.segmentation.variants import fold_variants

_WEAK = {
    "leader_duty": (re.compile(r"第一责任人|主要负责(人|同志)|主要领导|一把手|党组书记|党委书记|述法"),
                    "a sentence mentions the leaders or their duty"),
    "shortcomings": (re.compile(r"不足|短板|差距|弱项|有待|不够|薄弱|滞后|存在.{0,6}问题"),
                     "a sentence names a weakness"),
    "next_plan": (re.compile(r"下一步|明年|来年|今后|将(进一步|继续|持续|加强|加快|深化|推动|着力)"),
                  "a sentence speaks of future work"),
}
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


@dataclass(frozen=True)
class Candidate:
    """A passage [start, end) where a missing part might be, and why it was picked."""

    start: int
    end: int
    reason: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "reason": self.reason}


def missing_candidates(text: str, missing: list[str], clutter: list[Clutter],
                       body_start: int = 0, folded: str | None = None) -> dict[str, Candidate]:
    """For each missing kind, the first sentence after ``body_start`` with weak evidence of it (if any);
    ``folded``: ``fold_variants(text)`` when the caller has it already."""
    if not missing:
        return {}
    folded = fold_variants(text) if folded is None else folded
    blocked = Spans((c.start, c.end) for c in clutter)
    out: dict[str, Candidate] = {}
    for kind in missing:
        rule = _WEAK.get(kind)
        if rule is None:
            continue
        pattern, reason = rule
        if pattern.search(folded, body_start) is None:  # a sentence's match is a match in the text (no anchors)
            continue
        for m in _SENTENCE.finditer(folded, body_start):
            lead = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            if blocked.contains(lead) or not pattern.search(m.group(0)):
                continue
            out[kind] = Candidate(lead, m.end(), reason)
            break
    return out
