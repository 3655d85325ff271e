"""How many doubts each document leaves for the verify queue, in SQL (the corpus table's 待核对 column and filter).

The same rule as desktop.core.review.verify.document_doubts, over the stored columns: a low-confidence title,
agency or year (and a document number or date that holds a doubtful value) not corrected or confirmed; a
low-confidence part (corrected and confirmed parts are stored with high confidence); a missing part whose
absence no reviewer confirmed. ``DOUBT_COUNT_SQL`` is an expression over the current row of ``documents``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

_ALWAYS = ("title", "agency", "year")
_VALUED = ("doc_number", "doc_date", "published_at")


def _settled(field: str) -> str:
    return (f"EXISTS (SELECT 1 FROM corrections c WHERE c.document_id = documents.id AND c.target = '{field}' "
            "AND c.kind IN ('field', 'confirm') AND c.deleted_at IS NULL)")


def _field_doubt(field: str, valued: bool) -> str:
    low = f"coalesce(json_extract(documents.metadata_confidence, '$.{field}'), 'low') = 'low'"
    value = f" AND documents.{field} IS NOT NULL" if valued else ""
    return f"({low}{value} AND NOT {_settled(field)})"


DOUBT_COUNT_SQL = " + ".join(
    [_field_doubt(f, False) for f in _ALWAYS] + [_field_doubt(f, True) for f in _VALUED]
    + ["(SELECT count(*) FROM sections s WHERE s.document_id = documents.id AND s.confidence = 'low' "
       "AND s.kind != 'preamble')",
       "(SELECT count(*) FROM json_each(documents.missing) m WHERE NOT EXISTS (SELECT 1 FROM corrections c "
       "WHERE c.document_id = documents.id AND c.kind = 'confirm' AND c.target = 'missing:' || m.value "
       "AND c.deleted_at IS NULL))"])


def doubt_counts(db: Database, ids: Sequence[str]) -> dict[str, int]:
    """``{document id: number of doubts}`` for some documents (one query; at most a page of ids)."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(f"SELECT id, {DOUBT_COUNT_SQL} FROM documents WHERE id IN ({marks})", list(ids)).fetchall()
    return {doc_id: int(n) for doc_id, n in rows}
