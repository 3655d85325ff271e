"""Search from the segment index equals counting every text: results, order, hit counts and totals, on random
corpora, after deletions and changed texts too, and across segment merges."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest
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
from desktop.core.storage.search import find_hits, hit_pattern, index_documents, search, search_key
from desktop.core.storage.search import index as search_index
from desktop.core.storage.search.index import gram_code, segment_levels, units

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
    block, round_blocks = search_index._BLOCK, search_index._ROUND_BLOCKS
    search_index._BLOCK = data.draw(st.sampled_from([2, 3, 1024]), label="documents per block")
    search_index._ROUND_BLOCKS = data.draw(st.sampled_from([1, 2, 64]), label="blocks per merge step")
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
        search_index._BLOCK, search_index._ROUND_BLOCKS = block, round_blocks
        db.conn.close()


# Words that make long repeated, overlapping and nearly-matching runs: phrases that share runs of 4 ("法治政府建设"
# / "法治政府法治"), that overlap themselves ("依法行政依法行政", "abab", "哈哈哈哈哈"), punctuation and white space
# between characters, Latin and digits in both widths, a character beyond the BMP (two units), single characters.
_WORDS = ["法治政府", "法治", "政府建设", "建设", "依法行政", "哈", "哈哈", "ab", "AB", "ａｂ", "12", "１２", "，", ",",
          "。", " ", "\n", "\u200b", "\U00020000", "治", "府建"]
_PHRASE_TEXTS = st.lists(st.lists(st.sampled_from(_WORDS), max_size=30).map("".join), min_size=1, max_size=10)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=_PHRASE_TEXTS, data=st.data())
def test_phrases_equal_brute_force_on_random_corpora(texts, data):
    """Queries of 1 to 16 characters (most of 5 or more: runs of 4 lined up by their positions) over documents
    made of repeated words, indexed in batches (some indexed again: seqs that do not ascend across segments), with blocks of a few
    documents, merged, and with documents struck out."""
    from desktop.core.storage.documents import NewDocument, insert_documents

    db = open_database(":memory:")
    block = search_index._BLOCK
    search_index._BLOCK = data.draw(st.sampled_from([2, 1024]), label="documents per block")
    try:
        batch = data.draw(st.integers(1, 10), label="batch")
        ids: list[str] = []
        for first in range(0, len(texts), batch):
            with db.atomic():
                ids += insert_documents(db, [NewDocument(_source(first + i, text), _SEG)
                                             for i, text in enumerate(texts[first:first + batch])])
        by_id = dict(zip(ids, texts, strict=True))
        again = data.draw(st.lists(st.integers(0, len(ids) - 1), max_size=4, unique=True), label="indexed again")
        if again:  # a later segment of earlier seqs
            rows = db.execute("SELECT seq, text FROM documents ORDER BY seq").fetchall()
            with db.atomic():
                index_documents(db, [(rows[i][0], rows[i][1], None) for i in again])
        if data.draw(st.booleans(), label="merged"):
            with db.atomic():
                search_index.merge_segments(db, [s for (s,) in db.execute("SELECT id FROM search_segments")])
        for i in data.draw(st.lists(st.integers(0, len(ids) - 1), max_size=2, unique=True), label="deleted"):
            delete_document(db, ids[i])
            del by_id[ids[i]]
        queries = data.draw(st.lists(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5).map("".join),
                                     min_size=1, max_size=4), label="words")
        for text in list(by_id.values())[:4]:
            if text:
                a = data.draw(st.integers(0, len(text) - 1), label="from")
                queries.append(text[a:a + data.draw(st.integers(1, 16), label="length")])
        for query in queries:
            _check(db, by_id, query, data.draw(st.integers(1, 4), label="limit"))
    finally:
        search_index._BLOCK = block
        db.conn.close()


def test_phrases_when_later_segments_hold_earlier_documents(memory_db):
    """The first documents indexed again (a new segment of seqs below those of earlier segments, and a merge of
    both: seqs that do not ascend within a gram): a phrase's runs of 4 are still lined up document by document."""
    texts = [("法治政府建设" * (1 + i % 3)) + "依法行政" * (i % 4) + ("政府建设法治" if i % 5 else "") for i in range(40)]
    ids = [insert_document(memory_db, _source(i, text), _SEG) for i, text in enumerate(texts)]
    rows = memory_db.execute("SELECT seq, text FROM documents ORDER BY seq").fetchall()
    with memory_db.atomic():
        index_documents(memory_db, [(seq, text, None) for seq, text in rows[:12]])
    by_id = dict(zip(ids, texts, strict=True))
    queries = ("法治政府建设", "政府建设法治政府", "设依法行政", "建设政府建设法治", "法治政府建设法治政府建设法治")
    for query in queries:
        for limit in (1, 10, 100):
            _check(memory_db, by_id, query, limit)
    with memory_db.atomic():
        search_index.merge_segments(memory_db, [s for (s,) in memory_db.execute("SELECT id FROM search_segments")])
    for query in queries:
        _check(memory_db, by_id, query, 100)


def test_ties_and_cut_offs_on_a_corpus_where_every_document_matches(memory_db):
    """Many documents with few distinct counts: the best are cut off in the middle of a count's documents."""
    texts = [("法治" * (i % 4)) + "政府建设" * (1 + i % 3) + "哈" * (i % 5) for i in range(40)]
    ids = [insert_document(memory_db, _source(i, text), _SEG) for i, text in enumerate(texts)]
    by_id = dict(zip(ids, texts, strict=True))
    for query in ("法", "法治", "治政", "政府建设", "府建", "哈哈", "哈哈哈", "设政府"):
        for limit in (1, 5, 13, 100):
            _check(memory_db, by_id, query, limit)


def _levels(keys: list[str], seqs: list[int]) -> dict[str, list[tuple[int, int, list[int]]]]:
    """{gram: [(seq, count, positions)]} of a segment of these keys (positions: runs of 4 only)."""
    by_code = {}
    for key in keys:
        u = units(key).tolist()
        for n in (1, 2, 3, 4):
            for i in range(len(u) - n + 1):
                by_code[gram_code(u[i:i + n])] = key[i:i + n]
    out: dict[str, list[tuple[int, int, list[int]]]] = {}
    for _length, level in segment_levels(keys, seqs):
        entry, position = 0, 0
        for code, size in zip(level.grams.tolist(), level.sizes.tolist(), strict=True):
            for seq, count in zip(level.seqs[entry:entry + size].tolist(), level.counts[entry:entry + size].tolist(),
                                  strict=True):
                where: list[int] = []
                if level.positions is not None:
                    where = level.positions[position:position + count].tolist()
                    position += count
                out.setdefault(by_code[code], []).append((seq, count, where))
            entry += size
    return out


def test_gram_counts_are_counted_without_overlap():
    counts = {(gram, seq): count for gram, entries in _levels(["哈哈哈哈哈ab", "abababa"], [0, 1]).items()
              for seq, count, _where in entries}
    assert counts[("哈", 0)] == 5 and counts[("哈哈", 0)] == 2 and counts[("ab", 0)] == 1 and counts[("哈a", 0)] == 1
    assert counts[("哈哈哈", 0)] == 1 and counts[("哈哈a", 0)] == 1
    assert counts[("aba", 1)] == 2 and counts[("bab", 1)] == 1 and counts[("ab", 1)] == 3
    assert ("b", 0) in counts and ("ba", 0) not in counts  # runs never cross from one document into the next


def test_runs_of_four_keep_every_position():
    """Runs of 4 are stored with every start (overlapping ones too), ascending within a document."""
    levels = _levels(["哈哈哈哈哈哈ab", "x哈哈哈哈"], [7, 9])
    assert levels["哈哈哈哈"] == [(7, 3, [0, 1, 2]), (9, 1, [1])]
    assert levels["哈哈ab"] == [(7, 1, [4])]


def _brute_levels(keys: list[str], seqs: list[int]) -> dict[int, dict[int, list[tuple[int, int, list[int]]]]]:
    """{length: {gram code: [(seq, count, positions)]}} counted run by run in UTF-16 units: runs of 1 to 3 without
    overlap (leftmost first), runs of 4 at every start."""
    out: dict[int, dict[int, list[tuple[int, int, list[int]]]]] = {n: {} for n in (1, 2, 3, 4)}
    for key, seq in sorted(zip(keys, seqs, strict=True), key=lambda pair: pair[1]):
        u = units(key).tolist()
        for n in (1, 2, 3, 4):
            starts: dict[int, list[int]] = {}
            for i in range(len(u) - n + 1):
                starts.setdefault(gram_code(u[i:i + n]), []).append(i)
            for code, where in starts.items():
                count, free = 0, 0
                for i in where:
                    if n == 4 or i >= free:
                        count, free = count + 1, i + n
                out[n].setdefault(code, []).append((seq, count, where if n == 4 else []))
    return out


def _assert_same_level(found, expected) -> None:
    for name in ("grams", "sizes", "seqs", "counts", "positions"):
        a, b = getattr(found, name), getattr(expected, name)
        assert (a is None) == (b is None) and (a is None or a.tolist() == b.tolist()), name


def test_blocks_whose_seqs_do_not_ascend_are_decoded_as_written():
    """A merge reads blocks of a document indexed again after later ones (seqs stored plain) beside ordered ones."""
    level = search_index.Level(np.array([3, 9, 12], np.int64), np.array([3, 2, 4], np.int64),
                               np.array([70000, 5, 9, 4, 4_000_000_000, 1, 2, 3, 300], np.uint32),
                               np.array([1, 2, 1, 1, 1, 70000, 1, 1, 3], np.uint32), None)
    for block in (2, 3, 2048):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search_index, "_BLOCK", block)
            rows = search_index._block_rows(2, level)
        assert any(not row[4] for row in rows) and (block == 2048 or any(row[4] for row in rows))
        _assert_same_level(search_index._decode_blocks([search_index.Block(*row[2:]) for row in rows]), level)


def _stored_levels(keys: list[str], seqs: list[int]) -> dict[int, dict[int, list[tuple[int, int, list[int]]]]]:
    """The same read back from the rows a segment of these keys writes (encoded, then decoded)."""
    out: dict[int, dict[int, list[tuple[int, int, list[int]]]]] = {n: {} for n in (1, 2, 3, 4)}
    for length, level in segment_levels(keys, seqs):
        rows = search_index._block_rows(length, level)
        _assert_same_level(search_index._decode_blocks([search_index.Block(*row[2:]) for row in rows]), level)  # as a merge reads them
        for row in rows:
            block = search_index.decode_block(*row[2:])
            entry, position = 0, 0
            for code, size in zip(block.grams.tolist(), block.sizes.tolist(), strict=True):
                for seq, count in zip(block.seqs[entry:entry + size].tolist(),
                                      block.counts[entry:entry + size].tolist(), strict=True):
                    where: list[int] = []
                    if block.positions is not None:
                        where = block.positions[position:position + count].tolist()
                        position += count
                    out[length].setdefault(code, []).append((seq, count, where))
                entry += size
    return out


# Runs that overlap themselves (哈哈哈, abab), pairs of surrogates (a run may hold half of one), empty keys
_KEYS = st.lists(st.text(alphabet="哈ab法\U00020000\U0001F600", max_size=30), min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(keys=_KEYS, data=st.data())
def test_a_segment_stores_every_run_as_counted_unit_by_unit(keys, data):
    """What a segment stores (built for a batch, encoded in blocks, decoded) equals counting each key's runs one
    by one, for any keys; blocks of a few documents so that grams are split over many blocks."""
    seqs = sorted(data.draw(st.lists(st.integers(0, 2**32 - 1), min_size=len(keys), max_size=len(keys),
                                     unique=True), label="seqs"))
    block = search_index._BLOCK
    search_index._BLOCK = data.draw(st.sampled_from([2, 3, 2048]), label="documents per block")
    try:
        assert _stored_levels(keys, seqs) == _brute_levels(keys, seqs)
    finally:
        search_index._BLOCK = block


def test_runs_holding_half_of_a_pair_of_surrogates_are_counted_in_units():
    """😀😀😀 holds the 3-unit run (high, low, high) at units 0 and 2: they overlap, so it counts once."""
    high, low = 0xD83D, 0xDE00
    levels = _stored_levels(["\U0001F600" * 3 + "a"], [5])
    assert levels[3][gram_code([high, low, high])] == [(5, 1, [])]
    assert levels[3][gram_code([low, high, low])] == [(5, 1, [])]
    assert levels[2][gram_code([high, low])] == [(5, 3, [])]
    assert levels == _brute_levels(["\U0001F600" * 3 + "a"], [5])


def test_characters_beyond_the_bmp_are_pairs_of_units(memory_db):
    texts = ["\U00020000\U00020000a\U00020001", "a\U00020000b", "\U00020001"]
    ids = [insert_document(memory_db, _source(i, text), _SEG) for i, text in enumerate(texts)]
    by_id = dict(zip(ids, texts, strict=True))
    for query in ("\U00020000", "\U00020000\U00020000", "\U00020000a", "a\U00020000b", "\U00020000a\U00020001", "b"):
        for limit in (1, 3):
            _check(memory_db, by_id, query, limit)


def test_merged_segments_with_struck_out_documents(memory_db, monkeypatch):
    """Many small segments (one per document) are merged as they fill a size class; documents deleted or changed
    before and after merges are never counted again (blocks of a few documents: many per segment)."""
    monkeypatch.setattr(search_index, "_BLOCK", 4)
    monkeypatch.setattr(search_index, "_ROUND_BLOCKS", 1)  # a merge in many steps
    texts = [("法治" * (i % 3)) + "政府建设" * (1 + i % 4) + "哈哈哈哈哈" * (i % 2) + f"第{i}号" for i in range(70)]
    ids = [insert_document(memory_db, _source(i, text), _SEG) for i, text in enumerate(texts)]
    by_id = dict(zip(ids, texts, strict=True))
    segments = memory_db.execute("SELECT count(*) FROM search_segments").fetchone()[0]
    assert segments < 70 / search_index.MERGE_FACTOR + search_index.MERGE_FACTOR  # merged as they came
    for i in (3, 10, 11, 40):
        delete_document(memory_db, ids[i])
        del by_id[ids[i]]
    for i in (5, 6, 60):
        with memory_db.atomic():
            replace_document_text(memory_db, ids[i], _source(900 + i, "法治法治法治政府建设哈哈"), _SEG)
        by_id[ids[i]] = "法治法治法治政府建设哈哈"
    with memory_db.atomic():
        search_index.merge_segments(memory_db, [s for (s,) in memory_db.execute("SELECT id FROM search_segments")])
    assert memory_db.execute("SELECT count(*) FROM search_dead").fetchone()[0] == 0
    for i in range(12, 20):
        with memory_db.atomic():
            replace_document_text(memory_db, ids[i], _source(800 + i, "哈哈哈哈" * i), _SEG)
        by_id[ids[i]] = "哈哈哈哈" * i
    for query in ("法", "法治", "法治法治", "政府建设", "府建设哈", "哈哈", "哈哈哈哈", "哈哈哈哈哈", "治政府建设哈哈",
                  "第1", "号法治"):
        for limit in (1, 7, 100):
            _check(memory_db, by_id, query, limit)


def test_a_batch_indexed_twice_is_counted_once(memory_db):
    ids = [insert_document(memory_db, _source(i, "法治政府" * (i + 1)), _SEG) for i in range(3)]
    seqs = [row[0] for row in memory_db.execute("SELECT seq FROM documents ORDER BY seq")]
    with memory_db.atomic():
        index_documents(memory_db, [(seq, "法治政府" * (i + 1), None) for i, seq in enumerate(seqs)])
    _check(memory_db, dict(zip(ids, ["法治政府" * (i + 1) for i in range(3)], strict=True)), "法治政府建", 5)
    _check(memory_db, dict(zip(ids, ["法治政府" * (i + 1) for i in range(3)], strict=True)), "治政", 5)


def test_a_database_stored_before_the_index_is_searched_after_its_migration(tmp_path):
    """Documents stored before the index existed are indexed by migration 0020: queries of every length then
    rank as counting every text does."""
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


def test_only_the_shown_results_texts_are_read(memory_db, monkeypatch):
    """300 reports hold a phrase once, one of them twice: the best 10 are ranked from the index; only their 10 texts
    are read (for their hits in context), for a phrase and a 4-character query alike."""
    from desktop.core.storage import search as search_module

    texts = [f"第{i}号。推进法治政府建设，依法行政。" + ("推进法治政府建设。" if i == 150 else "") for i in range(300)]
    ids = [insert_document(memory_db, _source(i, text), _SEG) for i, text in enumerate(texts)]
    read: list[int] = []
    real_results = search_module._results
    monkeypatch.setattr(search_module, "_results",
                        lambda db, best, *args: (read.extend(seq for _c, seq in best), real_results(db, best, *args))[1])
    statements: list[str] = []
    memory_db.conn.set_trace_callback(statements.append)
    total, results = search(memory_db, "推进法治政府建设", limit=10)
    memory_db.conn.set_trace_callback(None)
    assert total == 300 and [r.hit_count for r in results] == [2] + [1] * 9
    assert results[0].document_id == ids[150] and [r.document_id for r in results[1:]] == ids[:9]
    assert len(read) == 10 and sum("text" in sql and "documents" in sql for sql in statements) == 1
    read.clear()
    total, results = search(memory_db, "法治政府", limit=10)
    assert total == 300 and len(read) == 10 and [r.hit_count for r in results] == [2] + [1] * 9


def test_a_merge_committed_during_a_search_hides_nothing(tmp_path):
    """A search reads the index in one snapshot: segments merged by another connection between its reads are
    still read as they were when it began."""
    from desktop.core.storage.executor import open_reader

    path = tmp_path / "db.sqlite3"
    db = open_database(path)
    texts = ["法治政府建设" * (i % 3 + 1) for i in range(20)]
    ids = [insert_document(db, _source(i, text), _SEG) for i, text in enumerate(texts)]
    assert db.execute("SELECT count(*) FROM search_segments").fetchone()[0] > 1
    reader = open_reader(path)
    merged: list[str] = []

    def merge_once(sql: str) -> None:
        if "search_blocks" in sql and not merged:
            merged.append(sql)
            with db.atomic():
                search_index.merge_segments(db, [s for (s,) in db.execute("SELECT id FROM search_segments")])

    reader.conn.set_trace_callback(merge_once)
    try:
        total, results = search(reader, "政府建", limit=100)
        assert merged and db.execute("SELECT count(*) FROM search_segments").fetchone()[0] == 1
        assert total == 20 and [r.hit_count for r in results] == sorted((t.count("政府建") for t in texts), reverse=True)
        assert results[0].document_id == ids[2]
        reader.conn.set_trace_callback(None)
        assert search(reader, "政府建", limit=3)[0] == 20  # the merged segment, read afresh
    finally:
        reader.conn.close()
        db.conn.close()


def test_a_segment_with_many_struck_out_documents_is_rewritten(memory_db):
    """A quarter of a segment's documents deleted: the next indexing rewrites it without them."""
    from desktop.core.storage.documents import NewDocument, insert_documents

    texts = [f"第{i}号法治政府" * (1 + i % 3) for i in range(12)]
    with memory_db.atomic():
        ids = insert_documents(memory_db, [NewDocument(_source(i, text), _SEG) for i, text in enumerate(texts)])
    by_id = dict(zip(ids, texts, strict=True))
    for i in (0, 4, 7):
        delete_document(memory_db, ids[i])
        del by_id[ids[i]]
    assert memory_db.execute("SELECT count(*) FROM search_dead").fetchone()[0] == 3
    new_id = insert_document(memory_db, _source(99, "法治政府法治政府法治政府法治政府"), _SEG)
    by_id[new_id] = "法治政府法治政府法治政府法治政府"
    assert memory_db.execute("SELECT count(*) FROM search_dead").fetchone()[0] == 0
    for query in ("法治政府", "号法", "第1", "府"):
        _check(memory_db, by_id, query, 5)


# The seeds' index rows as written before the segment build was vectorized (main e0384b3): the stored format is
# unchanged. Change it only with a migration that rewrites the index (and the search side agreeing).
_SEEDS_INDEX_DIGEST = "2ffa9297094a41dd396b2ebd148d040663dba75c9a18d17a28d03b03e0c69443"


def test_the_seeds_index_rows_are_byte_identical_to_the_former_writer(seeded_memory_db):
    digest = hashlib.sha256()
    for table, order in (("search_blocks", "segment, length, first_gram"), ("search_docs", "seq"),
                         ("search_segments", "id")):
        for row in seeded_memory_db.query(f"SELECT * FROM {table} ORDER BY {order}"):
            digest.update(repr(sorted(row.items())).encode())
    assert digest.hexdigest() == _SEEDS_INDEX_DIGEST
