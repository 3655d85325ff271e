"""Killing the app while it annotates loses nothing it had committed (WAL, one transaction per edit)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from desktop.core.storage import open_database

ROOT = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent("""
    import sys
    from desktop.core.review.annotations import create_annotation, update_annotation
    from desktop.core.review.codebook import list_tags
    from desktop.core.review.reviewers import get_or_create_reviewer
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import get_document, list_documents

    db = open_database(sys.argv[1])
    reviewer = get_or_create_reviewer(db, "kill-test")
    tags = [t.id for t in list_tags(db)]
    docs = [get_document(db, d.id) for d in list_documents(db)]
    i = 0
    while True:
        doc = docs[i % len(docs)]
        start = (i * 37) % (len(doc.text) - 40)
        a = create_annotation(db, doc.id, start, start + 30, reviewer_id=reviewer.id,
                              tag_ids=[tags[i % len(tags)]], comment=f"note {i}")
        print("C", a.id, flush=True)
        update_annotation(db, a.id, comment=f"edited {i}")
        print("E", a.id, f"edited {i}", flush=True)
        i += 1
""")


def test_sigkill_while_annotating_loses_no_committed_annotation(seeded_db_path):
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(seeded_db_path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT)
    created: list[str] = []
    edited: dict[str, str] = {}
    try:
        assert child.stdout is not None
        for line in child.stdout:
            kind, ann_id, *rest = line.split(maxsplit=2)
            if kind == "C":
                created.append(ann_id)
            else:
                edited[ann_id] = rest[0].strip()
            if len(created) >= 60:
                break
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    assert len(created) >= 60
    db = open_database(seeded_db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = dict(db.execute("SELECT id, comment FROM annotations").fetchall())
        assert set(created) <= set(rows)
        for ann_id, comment in edited.items():
            assert rows[ann_id] == comment
        tagged = {r[0] for r in db.execute("SELECT annotation_id FROM annotation_tags").fetchall()}
        assert set(created) <= tagged
    finally:
        db.conn.close()
