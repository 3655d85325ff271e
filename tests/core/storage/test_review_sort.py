"""The corpus table's review-status order in SQL (issue 22) is the order the table computed in Python: by the
position of the reviewer's status under the rubric (no review: not started; an unknown status after them all),
ties in import order, every term reversed when descending; with any filter; read without sorting the listing."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.ingest import SourceDocument
from desktop.core.scoring.scores import STATUSES
from desktop.core.segmentation.metadata import Field
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage import open_database
from desktop.core.storage.documents import insert_document, list_documents
from desktop.core.storage.listing import ListingFilter, fold_filter_text, listing_ids, review_listing_keys

_SEG = segment_report("某某局2024年法治政府建设情况的报告\n一、主要举措和成效\n做了工作。\n")


def _doc(seq: int, agency: str | None, year: int):
    meta = dataclasses.replace(_SEG.metadata, agency=Field(agency, "test"), year=Field(year, "test"))
    source = SourceDocument(f"/x/{seq}.txt", f"{seq}.txt", 10, f"{seq:064x}", "txt", "utf-8", f"正文{seq}\n")
    return source, dataclasses.replace(_SEG, metadata=meta)


_STATUS = st.sampled_from([None, *STATUSES, "reopened?"])  # None: no review row


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(st.sampled_from(["吉林", "天津", None]), st.sampled_from([2021, 2022]),
                               _STATUS, _STATUS, _STATUS), max_size=12),
       query=st.sampled_from(["", "吉"]), year=st.sampled_from([None, 2022]), descending=st.booleans())
def test_the_review_order_in_sql_is_the_tables_python_order(rows, query, year, descending):
    db = open_database(":memory:")
    db.execute("PRAGMA foreign_keys = OFF")  # reviewers and rubrics by id only: the order reads reviews alone
    try:
        for seq, (agency, doc_year, mine, other_reviewer, other_rubric) in enumerate(rows):
            doc_id = insert_document(db, *_doc(seq, agency, doc_year))
            for status, reviewer, rubric in ((mine, "me", "r1"), (other_reviewer, "you", "r1"),
                                             (other_rubric, "me", "r2")):
                if status is not None:
                    db.execute("INSERT INTO reviews (id, document_id, reviewer_id, rubric_id, status, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, 'now')", [f"{doc_id}{reviewer}{rubric}", doc_id, reviewer,
                                                                 rubric, status])
        flt = ListingFilter(year, fold_filter_text(query))
        status = {r["document_id"]: r["status"] for r in db.query(
            "SELECT document_id, status FROM reviews WHERE reviewer_id = 'me' AND rubric_id = 'r1'")}
        seq = {d.id: d.seq for d in list_documents(db)}
        # the table's Python rule: rows in import order (reversed when descending), a stable sort on the rank
        ids = sorted(listing_ids(db, flt, "seq"), key=lambda i: seq[i], reverse=descending)

        def rank(doc_id: str) -> int:
            found = status.get(doc_id, STATUSES[0])
            return STATUSES.index(found) if found in STATUSES else 9

        expected = [str(seq[i]) for i in sorted(ids, key=rank, reverse=descending)]
        assert review_listing_keys(db, flt, "me", "r1", STATUSES, descending) == expected
    finally:
        db.conn.close()


def test_the_review_order_reads_indexes_and_sorts_only_the_reviews_begun(memory_db):
    from desktop.core.storage.listing import SORTS

    flt = ListingFilter(2024, "吉", "shortcomings")
    calls: list[str] = []
    memory_db.conn.set_trace_callback(calls.append)
    review_listing_keys(memory_db, flt, "me", "r1", STATUSES)
    memory_db.conn.set_trace_callback(None)
    for sql in calls:
        plan = " ".join(str(tuple(r)) for r in memory_db.conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
        assert "SCAN r" not in plan and "SCAN reviews" not in plan, plan  # the reviewer's reviews by index
        if "group_concat" in sql:
            assert SORTS["seq"].index in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan
