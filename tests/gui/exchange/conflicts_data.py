"""A lead's database holding merge conflicts of every kind a reviewer's package can bring (an annotation's comment
and tags, a score and its note, the overall comment), as two returns of the same package leave them: for the
conflicts dialog's tests and the no-English walk."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.package import make_package
from desktop.core.ingest.importer import import_paths
from desktop.core.panel.assignments import assign
from desktop.core.review.annotations import create_annotation
from desktop.core.review.codebook import ensure_default_codebook, list_tags
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring.rubric import load_default_rubric, store_rubric
from desktop.core.scoring.scores import set_overall_comment, set_score
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents


def lead_with_conflicts(folder: Path, seeds_dir: Path) -> tuple[Path, str]:
    """(the lead's database, the report the conflicts are about): 张三's package returned twice, each copy edited
    differently after the package was made, the second one newer."""
    path = folder / "lead.sqlite3"
    lead = open_database(path)
    import_paths(lead, sorted(seeds_dir.glob("000_*.txt")))
    ensure_default_codebook(lead)
    rubric = load_default_rubric()
    store_rubric(lead, rubric)
    doc = list_documents(lead)[0].id
    zhang = get_or_create_reviewer(lead, "张三")
    assign(lead, [doc], [zhang.id], by="组长")
    first = make_package(lead, "张三", folder / "a.sqlite3").path
    second = folder / "b.sqlite3"
    shutil.copy(first, second)
    tags = [t.id for t in list_tags(lead)]
    criterion = rubric.criteria[0].id
    for copy, (comment, tag, value, overall, stamp) in (
            (first, ("表述笼统，缺少数据", tags[0], 1.0, "总体较好", "2000-01-01T00:00:01+00:00")),
            (second, ("举措具体，有量化指标", tags[1], 2.0, "亮点突出", "2000-01-01T00:00:02+00:00"))):
        pkg = open_database(copy)
        create_annotation(pkg, doc, 0, 8, reviewer_id=zhang.id, tag_ids=[tag], comment=comment,
                          annotation_id="same")
        set_score(pkg, doc, zhang.id, rubric, criterion, value)
        set_overall_comment(pkg, doc, zhang.id, rubric, overall)
        pkg.conn.close()
        conn = sqlite3.connect(copy)
        for table in ("annotations", "scores", "reviews"):
            conn.execute(f"UPDATE {table} SET updated_at = ?", [stamp])
        conn.execute("UPDATE settings SET value = '2000-01-01T00:00:00+00:00' WHERE key = 'package_created_at'")
        conn.commit()
        conn.close()
    merge_database(lead, first)
    merge_database(lead, second)
    lead.conn.close()
    return path, doc
