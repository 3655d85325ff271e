"""The corpus listing in SQL gives exactly what the table's Python rules gave: filters and orders on random corpora."""

from __future__ import annotations

import dataclasses
import itertools
import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.collation import pinyin_sort_key
from desktop.core.ingest import SourceDocument
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS
from desktop.core.segmentation.metadata import Field
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage import open_database
from desktop.core.storage.documents import delete_document, insert_document, list_documents
from desktop.core.storage.listing import (
    ANY_MISSING,
    FOLDING_BLOCKS,
    SORTS,
    ListingFilter,
    agency_glob,
    count_current,
    fold_filter_text,
    listing_ids,
    listing_keys,
    listing_years,
    passes,
    summaries_by_id,
)

# Characters that fold (width, case, several characters: ß -> ss, İ -> i̇), GLOB's own (* ? [ ] ^ -), Chinese.
ALPHABET = "吉林市局长春（(）)aAａＡsSßẞſİiKkK*?[]^-【】 、,省"
_TEXT = st.text(alphabet=ALPHABET, max_size=6)
_SEG = segment_report("某某局2024年法治政府建设情况的报告\n一、主要举措和成效\n做了工作。\n")


def _doc(seq: int, agency: str | None, title: str | None, name: str, year: int | None, missing: list[str],
         on_time: bool | None, doc_date: str | None) -> tuple[SourceDocument, object]:
    meta = dataclasses.replace(_SEG.metadata, agency=Field(agency, "test"), title=Field(title, "test"),
                               year=Field(year, "test"), on_time=Field(on_time, "test"),
                               doc_date=Field(doc_date, "test"))
    source = SourceDocument(f"/x/{seq}.txt", name, 10, f"{seq:064x}", "txt", "utf-8", f"正文{seq}\n")
    return source, dataclasses.replace(_SEG, metadata=meta, missing=missing)


_ROWS = st.lists(st.tuples(
    st.one_of(st.none(), _TEXT), st.one_of(st.none(), _TEXT), _TEXT,
    st.one_of(st.none(), st.integers(2019, 2022)),
    st.lists(st.sampled_from(REQUIRED_KINDS), unique=True).map(lambda ks: [k for k in REQUIRED_KINDS if k in ks]),
    st.sampled_from([None, True, False]), st.one_of(st.none(), st.sampled_from(["2024-01-02", "2023-12-31"])),
), max_size=14)


def _label(kinds) -> str:
    return "、".join(KIND_LABELS[k][0] for k in kinds)


# The table's rules as they were in Python (before the listing moved to SQL): the reference.
PY_SORTS = {
    # Agencies in pinyin order (issue 18): by their key; a blank agency has none and goes last with the missing ones.
    "agency": lambda d: (pinyin_sort_key(d.agency) is None, pinyin_sort_key(d.agency) or "",
                         -1 if d.year is None else d.year, d.name, d.seq),
    "year": lambda d: (d.year is None, d.year or 0, pinyin_sort_key(d.agency) or "", d.seq),
    "doc_date": lambda d: (d.doc_date is None, d.doc_date or "", d.seq),
    "on_time": lambda d: ({True: 0, False: 1, None: 2}[d.on_time], d.seq),
    "missing": lambda d: (len(d.missing), _label(d.missing), d.seq),
    "seq": lambda d: d.seq,
}


def _accepts(d, flt: ListingFilter) -> bool:
    if flt.year is not None and d.year != flt.year:
        return False
    if flt.missing == ANY_MISSING and not d.missing:
        return False
    if flt.missing not in (None, ANY_MISSING) and flt.missing not in d.missing:
        return False
    haystack = d.agency or f"{d.title or ''} {d.name}"
    return not flt.agency_text or flt.agency_text in fold_filter_text(haystack)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_ROWS, query=_TEXT, year=st.one_of(st.none(), st.integers(2019, 2022)),
       missing=st.sampled_from([None, ANY_MISSING, *REQUIRED_KINDS]), sort=st.sampled_from(sorted(SORTS)),
       descending=st.booleans())
def test_listing_equals_the_python_filter_and_sort(rows, query, year, missing, sort, descending):
    db = open_database(":memory:")
    try:
        for seq, row in enumerate(rows):
            insert_document(db, *_doc(seq, *row[:2], f"{row[2]}{seq}.txt", *row[3:]))
        docs = list_documents(db)
        flt = ListingFilter(year, fold_filter_text(query.strip()), missing)
        expected = [d.id for d in sorted((d for d in docs if _accepts(d, flt)), key=PY_SORTS[sort],
                                         reverse=descending)]
        assert listing_ids(db, flt, sort, descending) == expected
        by_id = {d.id: d for d in docs}
        assert listing_keys(db, flt, sort, descending) == [str(by_id[i].seq) for i in expected]
        assert count_current(db) == len(docs)
        assert listing_years(db) == sorted({d.year for d in docs if d.year is not None}, reverse=True)
        assert set(summaries_by_id(db, expected)) == set(expected)
        # one report at a time (the grouped view's question while the table's listing is not read)
        assert [d.id for d in docs if passes(db, flt, d.id)] == [d.id for d in docs if d.id in set(expected)]
        assert not passes(db, flt, "no-such-report")
    finally:
        db.conn.close()


def test_the_missing_label_order_is_the_tables_text_order(memory_db):
    """Every combination of missing parts sorts by count, then by the Chinese labels as the table shows them."""
    combos = [list(c) for n in range(len(REQUIRED_KINDS) + 1) for c in itertools.combinations(REQUIRED_KINDS, n)]
    for seq, kinds in enumerate(combos):
        insert_document(memory_db, *_doc(seq, "局", None, f"{seq}.txt", 2024, kinds, None, None))
    by_id = {d.id: d for d in list_documents(memory_db)}
    got = [by_id[i].missing for i in listing_ids(memory_db, sort="missing")]
    assert got == sorted(got, key=lambda kinds: (len(kinds), _label(kinds)))
    assert [json.loads(json.dumps(k)) for k in got[:1]] == [[]]


def test_deleted_and_replaced_documents_are_not_listed(memory_db):
    for seq in range(3):
        insert_document(memory_db, *_doc(seq, f"局{seq}", None, f"{seq}.txt", 2024, [], None, None))
    first = listing_ids(memory_db)[0]
    delete_document(memory_db, first)
    assert first not in listing_ids(memory_db) and len(listing_ids(memory_db)) == 2


@pytest.mark.parametrize("query", ["吉林", "(", "ａ", "]", "^", "-", "*", "?", "[a-]"])
def test_glob_pattern_of_characters_without_multi_character_folds_needs_no_check(query):
    patterns, check = agency_glob(fold_filter_text(query))
    assert all(p.startswith("*") and p.endswith("*") for p in patterns) and (len(patterns) == 1 or check)
    assert check == any(ch in "a" for ch in fold_filter_text(query))  # ẚ folds to "aʾ": a needs the check


def test_the_folding_blocks_hold_every_character_the_fold_changes():
    """The GLOB classes are built from FOLDING_BLOCKS only: no character elsewhere changes under the filter's fold."""
    for base in range(0, sys.maxunicode + 1, 512):
        if base in FOLDING_BLOCKS or 0xD800 <= base < 0xE000:
            continue
        chunk = "".join(map(chr, range(base, base + 512)))
        assert fold_filter_text(chunk) == chunk, hex(base)


@pytest.mark.parametrize("sort", sorted(SORTS))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("flt", [ListingFilter(), ListingFilter(2024, "吉", "shortcomings"), ListingFilter(None, "s")])
def test_every_order_is_read_from_its_index_without_sorting(memory_db, sort, descending, flt):
    """No listing sorts all its rows in a temporary b-tree (runs of rows that tie on the first terms may be)."""
    from desktop.core.storage.listing import _listing_sql

    sql, params = _listing_sql(memory_db, flt, sort, descending, "seq")
    plan = " ".join(str(r) for r in memory_db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())
    assert SORTS[sort].index in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_a_page_of_summaries_is_read_from_an_index(memory_db):
    """A page of the table never reads the rows that hold the report texts."""
    from desktop.core.storage.listing import _SUMMARY_COLUMNS

    plan = " ".join(str(r) for r in memory_db.execute(
        f"EXPLAIN QUERY PLAN SELECT {_SUMMARY_COLUMNS} FROM documents INDEXED BY documents_summary "
        "WHERE replaced_by IS NULL AND seq IN (1, 2, 3)").fetchall())
    assert "COVERING INDEX documents_summary" in plan, plan
