"""Anchor examples for calibrating a panel: for one criterion, what the panel's submitted reviews scored at each
level, with the passages they rested on (evidence annotations) and their notes. Read-only.

Only submitted reviews count (a review in progress may still change); the report being scored can be left out.
Levels are the rubric's: a score falls in the highest level at or below it (Criterion.level_for).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.scoring.rubric import Criterion, Level
from desktop.core.scoring.scores import DONE


@dataclass(frozen=True)
class AnchorExample:
    """One submitted review's score of the criterion, on one report, with what it rested on."""

    document_id: str
    document_name: str
    agency: str | None
    year: int | None
    reviewer: str
    value: float
    note: str
    passages: tuple[str, ...]


@dataclass
class LevelExamples:
    level: Level | None  # None: a score below every level's points
    examples: list[AnchorExample] = field(default_factory=list)


def anchor_examples(db: Database, rubric_id: str, criterion: Criterion, *, exclude_document: str | None = None,
                    per_level: int = 5) -> list[LevelExamples]:
    """The criterion's levels, highest first, each with up to ``per_level`` examples (those with passages first)."""
    rows = db.query(
        "SELECT s.id AS score_id, s.document_id, d.name AS document_name, d.agency, d.year, r.name AS reviewer, "
        "s.value, s.note FROM scores s JOIN reviews v ON v.document_id = s.document_id AND "
        "v.reviewer_id = s.reviewer_id AND v.rubric_id = s.rubric_id JOIN reviewers r ON r.id = s.reviewer_id "
        "JOIN documents d ON d.id = s.document_id WHERE s.rubric_id = ? AND s.criterion_id = ? AND v.status = ? "
        "AND s.value IS NOT NULL AND s.not_applicable = 0 AND d.replaced_by IS NULL AND s.document_id != ? "
        "ORDER BY s.value DESC, d.year DESC, d.name, r.name",
        [rubric_id, criterion.id, DONE, exclude_document or ""])
    examples: list[tuple[str, dict]] = [(row["score_id"], row) for row in rows]
    passages: dict[str, list[str]] = {}
    ids = [sid for sid, _ in examples]
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for row in db.query(
                "SELECT e.score_id, a.quote FROM score_evidence e JOIN annotations a ON a.id = e.annotation_id "
                f"WHERE a.deleted_at IS NULL AND e.score_id IN ({','.join('?' * len(chunk))}) ORDER BY a.start",
                chunk):
            passages.setdefault(row["score_id"], []).append(row["quote"])
    levels = [LevelExamples(level) for level in criterion.levels]
    below = LevelExamples(None)
    for score_id, row in examples:
        level = criterion.level_for(row["value"])
        target = next((lv for lv in levels if lv.level == level), below) if level is not None else below
        target.examples.append(AnchorExample(row["document_id"], row["document_name"], row["agency"], row["year"],
                                             row["reviewer"], row["value"], row["note"] or "",
                                             tuple(passages.get(score_id, ()))))
    out = levels + ([below] if below.examples else [])
    for lv in out:
        lv.examples.sort(key=lambda e: (not e.passages, -e.value))
        del lv.examples[per_level:]
    return out
