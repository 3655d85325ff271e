"""Re-import a changed version of a report: replace its text and re-attach its annotations and corrections.

Choice: the document is updated in place. It keeps its id, so its annotations, reviews and scores stay attached;
the text it had before is kept in document_versions (migration 0002), and its sections, outline, clutter and
search index are rebuilt from segment_report(new text). Every annotation (deleted ones too, so that undo can
restore them) is re-anchored with the pure :mod:`desktop.core.compare.anchoring`; those that cannot be placed
become orphans, never dropped. The reviewer's part corrections are re-anchored the same way.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.compare.anchoring import ORPHAN, UNCHANGED, Anchor, TextIndex, locate, make_anchor
from desktop.core.corrections.records import reanchor_corrections
from desktop.core.errors import ReviewDeskError
from desktop.core.ingest import SourceDocument
from desktop.core.progress import Progress
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage.documents import find_by_sha256, replace_document_text


@dataclass(frozen=True)
class ReimportReport:
    """What a re-import did: how each annotation was re-attached, and which became orphans."""

    document_id: str
    changed: bool
    methods: dict[str, int]
    orphans: tuple[str, ...]
    # the reviewer's part corrections that could not be placed in the new text (kept, listed, not applied)
    correction_orphans: tuple[str, ...] = ()

    def summary(self) -> str:
        if not self.changed:
            return "the text is unchanged; nothing to do"
        placed = sum(n for m, n in self.methods.items() if m != ORPHAN)
        line = (f"{placed} annotation(s) re-attached ({', '.join(f'{m}: {n}' for m, n in sorted(self.methods.items()) if m != ORPHAN) or 'none'}), "
                f"{len(self.orphans)} orphan(s) to place or delete")
        if self.correction_orphans:
            line += f"; {len(self.correction_orphans)} correction(s) could not be placed"
        return line


def reanchor(db: Database, document_id: str, text: str, progress: Progress | None = None) -> ReimportReport:
    """Re-attach every annotation of a document to ``text`` (already stored as its text), in one transaction."""
    rows = list(db.query('SELECT id, start, "end", quote, prefix, suffix, anchored_by FROM annotations '
                         "WHERE document_id = ? ORDER BY start", [document_id]))
    anchors = [Anchor(r["start"], r["end"], r["quote"], r["prefix"], r["suffix"]) for r in rows]
    index = TextIndex(text)
    placements = []
    for i, anchor in enumerate(anchors):
        if progress is not None:
            progress.check()
            progress.update(i, len(anchors), "re-attaching annotations")
        placements.append(locate(anchor, text, index))
    methods: dict[str, int] = defaultdict(int)
    orphans = []
    stamp = now_iso()
    with db.atomic():
        for row, place in zip(rows, placements, strict=True):
            methods[place.method] += 1
            if not place.placed or place.start is None or place.end is None:
                orphans.append(row["id"])
                db.execute("UPDATE annotations SET status = 'orphan', anchor_score = NULL, updated_at = ? "
                           "WHERE id = ?", [stamp, row["id"]])
                continue
            new = make_anchor(text, place.start, place.end)
            by = row["anchored_by"] if place.method == UNCHANGED else place.method
            db.execute('UPDATE annotations SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, '
                       "status = 'anchored', anchored_by = ?, anchor_score = ?, updated_at = ? WHERE id = ?",
                       [new.start, new.end, new.quote, new.prefix, new.suffix, by, place.score, stamp, row["id"]])
    return ReimportReport(document_id, True, dict(methods), tuple(orphans))


def reimport_document(db: Database, document_id: str, source: SourceDocument,
                      progress: Progress | None = None) -> ReimportReport:
    """Replace a document's text by a changed version (read from a file) and re-attach its annotations.

    One transaction: the old text goes to document_versions, the document row, its sections, outline, clutter
    and search entry are rebuilt, every annotation and every part correction is re-anchored (orphans flagged,
    never dropped), and the corrections are applied again. Raises ReviewDeskError when the document is unknown
    or the new text is another document's.
    """
    old = next(iter(db.query("SELECT sha256 FROM documents WHERE id = ?", [document_id])), None)
    if old is None:
        raise ReviewDeskError(f"no document with id {document_id} to re-import into; import {source.path} as new")
    if old["sha256"] == source.sha256:
        return ReimportReport(document_id, False, {}, ())
    other = find_by_sha256(db, source.sha256)
    if other is not None:
        raise ReviewDeskError(f"{source.path}: this exact text is already in the database as another document "
                              f"({other}); delete that one first or re-import a different file")
    seg = segment_report(source.text)
    with db.atomic():
        replace_document_text(db, document_id, source, seg)
        report = reanchor(db, document_id, source.text, progress)
        _methods, lost = reanchor_corrections(db, document_id, source.text)
    return dataclasses.replace(report, correction_orphans=tuple(lost))
