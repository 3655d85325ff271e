"""Search from the gram and trigram indexes equals counting every text: results, order, hit counts and totals, on
random corpora, after deletions and changed texts too."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.ingest import SourceDocument
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage import open_database
from desktop.core.storage.documents import (
    delete_document,
    get_document,
    insert_document,
    list_documents,
    replace_document_text,
)
from desktop.core.storage.search import find_hits, gram_tokens, hit_pattern, quad_tokens, search, search_key

# Folding pairs (Ａ/a, （/(, ，/,), repeats for overlapping pairs (哈哈哈), white space and invisible marks between
# characters, a quote (FTS5 syntax), non-ASCII case (É/é: never folded), a control character.
ALPHABET = "法治政府哈哈aAａＡ(（,，\"'É é\n\u200b督察\x07"
_SEG = segment_report("某某局报告\n一、主要举措和成效\n做了工作。\n")


def _source(i: int, text: str) -> SourceDocument:
    return SourceDocument(f"/x/{i}.txt", f"{i:03d}.txt", len(text), f"{i:064x}", "txt", "utf-8", text)


def brute_force(db, query: str, limit: int) -> tuple[int, list[tuple[str, int]]]:
    """Every current document's text counted with the hit pattern: (total, [(id, hits)] most first, then seq)."""
    pattern = hit_pattern(query)
    if pattern is None or limit < 1:
        return 0, []
    counted = []
    for doc in list_documents(db):
        count, _hits = find_hits(get_document(db, doc.id).text, query, pattern=pattern)
        if count:
            counted.append((-count, doc.seq, doc.id))
    counted.sort()
    return len(counted), [(doc_id, -count) for count, _seq, doc_id in counted[:limit]]


def _check(db, texts_by_id, query: str, limit: int) -> None:
    total, results = search(db, query, limit=limit)
    expected_total, expected = brute_force(db, query, limit)
    assert (total, [(r.document_id, r.hit_count) for r in results]) == (expected_total, expected), query
    key = search_key(query)
    for r in results:
        text = texts_by_id[r.document_id]
        assert r.hit_count == search_key(text).count(key)  # the index's count is the key's count
        assert r.hits and all(re.fullmatch(hit_pattern(query), text[h.start:h.end]) for h in r.hits)


_TEXTS = st.lists(st.text(alphabet=ALPHABET, min_size=0, max_size=40), min_size=1, max_size=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=_TEXTS, data=st.data())
def test_search_equals_brute_force_on_random_corpora(texts, data):
    db = open_database(":memory:")
    try:
        ids = [insert_document(db, _source(i, text), _SEG) for i, text in enumerate(texts)]
        texts_by_id = dict(zip(ids, texts, strict=True))
        # Change and delete some documents: the index must follow (drawn by position: ids are random).
        n = len(ids)
        for i in data.draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True), label="deleted"):
            delete_document(db, ids[i])
            del texts_by_id[ids[i]]
        kept = [doc_id for doc_id in ids if doc_id in texts_by_id]
        if kept:
            for i in data.draw(st.lists(st.integers(0, len(kept) - 1), max_size=2, unique=True), label="changed"):
                new_text = data.draw(st.text(alphabet=ALPHABET, max_size=40), label="new text")
                with db.atomic():
                    replace_document_text(db, kept[i], _source(900 + i, new_text), _SEG)
                texts_by_id[kept[i]] = new_text
        queries = [data.draw(st.text(alphabet=ALPHABET, min_size=1, max_size=5), label="query")]
        for text in [texts_by_id[doc_id] for doc_id in kept[:3]]:
            if text:
                a = data.draw(st.integers(0, len(text) - 1), label="from")
                queries.append(text[a:a + data.draw(st.integers(1, 6), label="length")])
        for query in queries:
            _check(db, texts_by_id, query, data.draw(st.integers(1, 6), label="limit"))
    finally:
        db.conn.close()


def test_ties_and_cut_offs_on_a_corpus_where_every_document_matches(memory_db):
    """Many documents with few distinct counts: the best are cut off in the middle of a count's documents."""
    texts = [("法治" * (i % 4)) + "政府建设" * (1 + i % 3) + "哈" * (i % 5) for i in range(40)]
    ids = [insert_document(memory_db, _source(i, text), _SEG) for i, text in enumerate(texts)]
    by_id = dict(zip(ids, texts, strict=True))
    for query in ("法", "法治", "治政", "政府建设", "府建", "哈哈", "哈哈哈", "设政府"):
        for limit in (1, 5, 13, 100):
            _check(memory_db, by_id, query, limit)


def test_gram_counts_are_counted_without_overlap():
    tokens = dict(token.split("\x01") for token in gram_tokens("哈哈哈哈哈ab").split(" "))
    assert tokens["哈"] == "5" and tokens["哈哈"] == "2" and tokens["ab"] == "1" and tokens["哈a"] == "1"
    assert tokens["哈哈哈"] == "1" and tokens["哈哈a"] == "1"
    tokens = dict(token.split("\x01") for token in gram_tokens("abababa").split(" "))
    assert tokens["aba"] == "2" and tokens["bab"] == "1" and tokens["ab"] == "3"


def test_quad_counts_are_counted_without_overlap():
    tokens = dict(token.split("\x01") for token in quad_tokens("哈哈哈哈哈哈哈哈哈ab").split(" "))
    assert tokens["哈哈哈哈"] == "2" and tokens["哈哈哈a"] == "1" and tokens["哈哈ab"] == "1"
    tokens = dict(token.split("\x01") for token in quad_tokens("abababab法abca法abca").split(" "))
    assert tokens["abab"] == "2" and tokens["baba"] == "1" and tokens["abca"] == "2" and tokens["bca法"] == "1"
    assert quad_tokens("abc") == ""


def test_a_database_indexed_before_0019_is_searched_with_its_runs_of_four(tmp_path):
    """Documents stored before the quads index existed are indexed by its migration: 4-character and longer
    queries then rank as counting every text does."""
    import sqlite3

    from sqlite_utils import Database

    from desktop.core.storage.schema import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    old = Database(sqlite3.connect(path, isolation_level=None))
    MIGRATIONS.apply(old, stop_before="0015_search_grams")
    texts = ["法治政府建设" * (i % 4) + "推进法治政府建设第一责任人" * (i % 3) + "哈哈哈哈哈" * (i % 2) for i in range(12)]
    for i, text in enumerate(texts):
        old.execute("INSERT INTO documents (id, sha256, name, size, format, encoding, text, segmenter_version, "
                    "imported_at) VALUES (?, ?, ?, 1, 'txt', 'utf-8', ?, 1, 'now')", [f"d{i:02d}", f"{i}", f"{i}.txt", text])
    old.conn.close()
    db = open_database(path)
    try:
        by_id = {f"d{i:02d}": text for i, text in enumerate(texts)}
        for query in ("法治政府", "政府建设第一", "哈哈哈哈", "推进法治政府建设第一责任人", "设推进", "任人法治"):
            for limit in (1, 4, 100):
                _check(db, by_id, query, limit)
    finally:
        db.conn.close()


def test_only_the_texts_that_can_still_rank_are_read(memory_db, monkeypatch):
    """300 reports hold a phrase once, one of them twice: the best 10 are found reading a few dozen texts, not
    300; a 4-character query reads only the shown results' texts (for their contexts)."""
    from desktop.core.storage import search as search_module

    texts = [f"第{i}号。推进法治政府建设，依法行政。" + ("推进法治政府建设。" if i == 150 else "") for i in range(300)]
    ids = [insert_document(memory_db, _source(i, text), _SEG) for i, text in enumerate(texts)]
    read: list[int] = []
    real_count_texts = search_module._count_texts
    monkeypatch.setattr(search_module, "_count_texts",
                        lambda db, seqs, *args: (read.extend(seqs), real_count_texts(db, seqs, *args))[1])
    total, results = search(memory_db, "推进法治政府建设", limit=10)
    assert total == 300 and [r.hit_count for r in results] == [2] + [1] * 9
    assert results[0].document_id == ids[150] and [r.document_id for r in results[1:]] == ids[:9]
    assert 10 <= len(read) <= 60
    read.clear()
    total, results = search(memory_db, "法治政府", limit=10)
    assert total == 300 and read == [] and [r.hit_count for r in results] == [2] + [1] * 9
