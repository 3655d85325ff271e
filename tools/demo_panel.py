"""A small panel to look at: the seed reports scored by three reviewers, with disagreements and one review unfinished.

Used by the panel screenshots (``python -m tools.panel_screenshots``) and the panel GUI tests. The scores are
fixed (no randomness): 张三 and 李四 review every report, 王五 the first three; 李四 and 王五 disagree with 张三 by
two or three levels on a few criteria; 李四 leaves the last criterion of the last report unscored (in progress).
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from desktop.core.ingest.importer import import_paths
from desktop.core.panel.assignments import assign
from desktop.core.resources import seeds_dir
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents

REVIEWERS = ("张三", "李四", "王五")
# per report (in corpus order), 张三's level below the top for each criterion; the others deviate from it
_BASE = [(0, 0, 1, 1, 2, 1, 1, 0), (1, 0, 0, 1, 1, 2, 1, 1), (0, 1, 1, 2, 2, 2, 2, 1), (2, 1, 1, 2, 3, 3, 2, 1),
         (1, 0, 1, 0, 1, 1, 0, 0)]
_DEVIATION = {"李四": {(0, 3): 2, (1, 4): -2, (2, 6): 3, (3, 3): 1}, "王五": {(0, 4): 3, (1, 3): 1, (2, 5): -2}}


def build_demo_panel(path: Path) -> dict[str, str]:
    """Create the database at ``path``; return reviewer name -> id."""
    db = open_database(path)
    try:
        return fill(db)
    finally:
        db.conn.close()


def fill(db: Database) -> dict[str, str]:
    import_paths(db, [str(seeds_dir())])
    rubric = active_rubric(db)
    docs = [d.id for d in list_documents(db)]
    ids = {name: get_or_create_reviewer(db, name).id for name in REVIEWERS}
    assign(db, docs, [ids["张三"], ids["李四"]], by="组长")
    assign(db, docs[:3], [ids["王五"]], by="组长")
    for d, doc in enumerate(docs):
        base = _BASE[d % len(_BASE)]
        for name in REVIEWERS:
            if name == "王五" and d >= 3:
                continue
            unfinished = name == "李四" and d == len(docs) - 1
            for k, c in enumerate(rubric.criteria):
                if unfinished and k == len(rubric.criteria) - 1:
                    continue
                drop = base[k] + _DEVIATION.get(name, {}).get((d, k), 0)
                value = max(0.0, min(c.max_points, c.max_points - drop * c.step * (1 if c.step >= 1 else 2)))
                value = c.round_to_step(value)
                scoring.set_score(db, doc, ids[name], rubric, c.id, value)
            scoring.set_overall_comment(db, doc, ids[name], rubric, f"{name}：结构基本完整，部分表述笼统。")
            if not unfinished:
                scoring.set_review_status(db, doc, ids[name], rubric, scoring.DONE)
    return ids
