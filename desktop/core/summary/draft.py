"""The summary draft: generated chapters with the reviewer's rewrites applied and changed figures flagged."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.core.progress import Progress
from desktop.core.summary.chapters import chapters
from desktop.core.summary.edits import list_edits, list_picks
from desktop.core.summary.facts import Facts, gather
from desktop.core.summary.model import Change, Draft
from desktop.core.summary.numbers import fmt_date


def compose(facts: Facts, edits: dict, picks: dict[str, list[str]]) -> Draft:
    """The draft from the facts, the rewrites (paragraph key -> Edit) and the quote picks (tag id -> ids)."""
    parts = chapters(facts, picks)
    for chapter in parts:
        for p in chapter.paragraphs():
            edit = edits.get(p.key)
            if edit is None:
                continue
            p.edited = edit.text
            now = p.figures()
            labels = {f.key: f.source for s in p.sentences for f in s.figures}
            keys = sorted(set(now) | set(edit.figures))
            p.changed = [Change(k, edit.figures.get(k, "—"), now.get(k, "—"), labels.get(k, k)) for k in keys
                         if edit.figures.get(k) != now.get(k)]
    year = f"{facts.year}年度" if facts.year is not None else ""
    n = len(facts.reports)
    title = f"{year}法治政府建设年度报告评估报告"
    subtitle = f"（评估范围：{n}份报告；评分细则：{facts.rubric.name}）"
    return Draft(title, subtitle, fmt_date(facts.generated), facts.scope, parts)


def build_draft(db: Database, year: int | None = None, rubric_id: str | None = None,
                progress: Progress | None = None) -> Draft:
    """Read the database and draft the summary (read-only; safe on a reader connection)."""
    facts = gather(db, year, rubric_id, progress)
    return compose(facts, list_edits(db, facts.scope), list_picks(db, facts.scope))
