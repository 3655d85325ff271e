"""What a lead's decision rested on: the reviewers' values when it was made, written as canonical JSON.

A decision on a criterion stores :func:`criterion_basis` (each reviewer's settled value of that criterion: a number
or ``"na"``); the 裁定 of a report stores :func:`report_basis` (every reviewer's settled values). When the values
now differ from the stored basis the decision is **stale** (需复核) until the lead confirms or re-decides it. A
basis of None (a decision made before decisions recorded their basis) is stale too: nobody knows what it rested on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlite_utils import Database

from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import Rubric
from desktop.core.scoring.rules import is_settled

NA = "na"
Settled = dict[str, dict[str, str]]  # reviewer id -> criterion id -> value as text ("na": not applicable)


def value_text(value: float | None, not_applicable: bool) -> str:
    """A settled value as the basis holds it: the decimal (up to 6 places) or ``na``."""
    return NA if value is None and not_applicable else fmt(value, 6)


def encode(basis: Mapping) -> str:
    """Canonical JSON (sorted keys, no spaces): equal bases give equal text."""
    return json.dumps(basis, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def criterion_basis(settled: Settled, criterion_id: str) -> str:
    """The reviewers' values of one criterion (reviewers without a settled value left out)."""
    return encode({rid: values[criterion_id] for rid, values in settled.items() if criterion_id in values})


def report_basis(settled: Settled) -> str:
    """Every reviewer's settled values of the report."""
    return encode({rid: values for rid, values in settled.items() if values})


def read_settled(db: Database, document_id: str, rubric: Rubric) -> Settled:
    """Every reviewer's settled values of a report under a rubric, as the bases hold them."""
    criteria = {c.id: c for c in rubric.criteria}
    out: Settled = {}
    for row in db.query(
            "SELECT reviewer_id, criterion_id, value, not_applicable, na_reason FROM scores WHERE document_id = ? "
            "AND rubric_id = ?", [document_id, rubric.id]):
        c = criteria.get(row["criterion_id"])
        value, na = row["value"], bool(row["not_applicable"])
        if c is not None and is_settled(c, value, na, row["na_reason"]):
            out.setdefault(row["reviewer_id"], {})[c.id] = value_text(value, na)
    return out


def is_stale(stored: str | None, current: str) -> bool:
    """Whether a decision's stored basis differs from the values now (None: never recorded, so stale)."""
    return stored is None or stored != current
