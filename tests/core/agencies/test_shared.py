"""Text shared across agencies, from the sentence index, checked against a brute-force search written here."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from desktop.core.agencies.groups import grouping, merge_groups
from desktop.core.agencies.passages import index_state, refresh_index
from desktop.core.agencies.shared import SharedTextError, shared_corpus, shared_with_others
from desktop.core.ingest import read_report
from desktop.core.ingest.reimport import reimport_document
from desktop.core.progress import Progress
from desktop.core.storage.documents import delete_document
from desktop.core.storage.passages import remove_passages
from tests.core.agencies.reports import add_report

POOL = ["全年审核规范性文件十二件，办理行政复议案件八件，纠错率明显下降。",
        "组织行政执法人员专题培训六期，累计培训二百三十人次。",
        "建成“智慧司法”信息平台，执法数据实现互联互通。",
        "法治宣传形式较为传统，线上宣传运用不足，对年轻群体的吸引力不够。",
        "部分执法人员对新修订法律法规掌握不够，执法规范化水平有待提高。",
        "推进公共法律服务站点标准化建设，实现乡镇全覆盖。",
        "深入开展“八五”普法，举办宪法宣传周活动十八场。"]
AGENCIES = ["梨树县司法局", "通化市教育局", "白山市生态环境局", "延吉市自然资源局", "松原市交通运输局"]


def _variant(rng: random.Random, sentence: str) -> str:
    """The same sentence as another page prints it: other punctuation, full-width letters, spaces."""
    if rng.random() < 0.3:
        sentence = sentence.replace("，", ",")
    if rng.random() < 0.3:
        sentence = sentence.replace("“", "\"").replace("”", "\"")
    if rng.random() < 0.2:
        sentence = sentence[:4] + " " + sentence[4:]
    return sentence


def _unique(rng: random.Random, n: int) -> str:
    words = "推进完善加强落实规范提升健全深化开展组织建立优化"
    return "".join(rng.choice(words) for _ in range(14)) + f"第{n}项工作取得成效。"


def _corpus(db, folder, seed: int) -> None:
    rng = random.Random(seed)
    n = 0
    for agency in AGENCIES:
        for year in rng.sample([2021, 2022, 2023, 2024], rng.randint(1, 3)):
            n += 1
            achievements = [_variant(rng, s) if rng.random() < 0.5 else _unique(rng, n * 10 + i)
                            for i, s in enumerate(rng.sample(POOL, 3))]
            shortcomings = [_variant(rng, rng.choice(POOL)) if rng.random() < 0.4 else _unique(rng, n * 10 + 7)]
            add_report(db, folder, agency, year, achievements, shortcomings, [_unique(rng, n * 10 + 8)])


# --- the brute force: no index, no hashes; sentences compared as strings, every pair of reports ---------------------

def _key(sentence: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", sentence).lower() if ch.isalnum())


def _brute_sentences(text: str, min_chars: int) -> list[str]:
    out = []
    for line in text.split("\n"):
        if re.match(r"^[一二三四五六七八九十]、", line):
            continue  # part headings: every report has them
        for piece in re.split(r"(?<=[。；！？;!?])", line):
            if len(_key(piece)) >= min_chars:
                out.append(_key(piece))
    return out


def _brute(db, min_chars: int) -> dict[str, set[str]]:
    """Every sentence key found in reports of two or more agencies -> the ids of the reports holding it."""
    docs = db.execute("SELECT id, agency, text FROM documents WHERE replaced_by IS NULL").fetchall()
    found: dict[str, set[str]] = {}
    for a_id, a_agency, a_text in docs:
        for _b_id, b_agency, b_text in docs:
            if a_agency == b_agency:
                continue
            b_keys = set(_brute_sentences(b_text, min_chars))
            for key in _brute_sentences(a_text, min_chars):
                if key in b_keys:
                    found.setdefault(key, set()).update({a_id})
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("min_chars", [10, 20, 28])
def test_corpus_view_equals_brute_force(memory_db, tmp_path, seed, min_chars):
    _corpus(memory_db, tmp_path, seed)
    refresh_index(memory_db)
    brute = _brute(memory_db, min_chars)
    agency = dict(memory_db.execute("SELECT id, agency FROM documents").fetchall())
    expected = {key: ({agency[i] for i in ids}, len(ids)) for key, ids in brute.items()}
    passages = shared_corpus(memory_db, min_chars).passages
    got = {_key(p.text): ({o.agency for o in p.occurrences}, p.reports) for p in passages}
    assert got == expected
    assert expected  # the generated corpus does share text
    for p in passages:  # each agency named once, by its earliest report holding the sentence
        assert len({o.agency for o in p.occurrences}) == len(p.occurrences) == p.agencies
        for o in p.occurrences:
            years = [y for (i, y) in memory_db.execute("SELECT id, year FROM documents WHERE agency = ?", [o.agency])
                     if i in brute[_key(p.text)]]
            assert o.year == min(years)


@pytest.mark.parametrize("seed", [4, 5])
def test_one_reports_shared_sentences_equal_brute_force(memory_db, tmp_path, seed):
    _corpus(memory_db, tmp_path, seed)
    refresh_index(memory_db)
    expected = _brute(memory_db, 20)
    for (doc_id,) in memory_db.execute("SELECT id FROM documents").fetchall():
        result = shared_with_others(memory_db, doc_id, 20)
        got = {_key(p.text) for _, _, p in result.passages}
        assert got == {k for k, ids in expected.items() if doc_id in ids}
        text = memory_db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
        for start, end, passage in result.passages:
            assert _key(text[start:end]) == _key(passage.text)
            assert any(o.document_id != doc_id for o in passage.occurrences)
            assert list(passage.occurrences) == sorted(passage.occurrences, key=lambda o: o.sort_key())


def test_the_earliest_occurrence_comes_first_and_same_agency_text_is_not_counted(memory_db, tmp_path):
    shared = "组织行政执法人员专题培训六期，累计培训二百三十人次，实现执法人员全覆盖。"
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022, [shared])
    b = add_report(memory_db, tmp_path, "梨树县司法局", 2023, [shared])  # its own last year's text
    refresh_index(memory_db)
    assert shared_with_others(memory_db, b).passages == []
    c = add_report(memory_db, tmp_path, "通化市教育局", 2024, [shared])
    refresh_index(memory_db)
    [passage] = [p for _, _, p in shared_with_others(memory_db, c).passages if "二百三十人次" in p.text]
    assert [o.document_id for o in passage.occurrences] == [a, c] and passage.earliest.year == 2022
    assert passage.agencies == 2 and passage.reports == 3 and b
    # merged into one agency by the reviewer: no longer text shared with another agency
    g = grouping(memory_db)
    merge_groups(memory_db, g.by_document[c], g.by_document[a])
    assert shared_with_others(memory_db, c).passages == []


def _unindexed(db, doc_id: str) -> None:
    """Make a report look as if it reached the database without the index (a merged package, an older database)."""
    remove_passages(db, [db.execute("SELECT seq FROM documents WHERE id = ?", [doc_id]).fetchone()[0]])


def _shares(db, doc_id: str, sentence: str) -> bool:
    """Whether report ``doc_id`` is said to share ``sentence`` with another agency."""
    return any(sentence in p.text for _, _, p in shared_with_others(db, doc_id).passages)


def _index_rows(db) -> set[tuple]:
    return set(db.execute('SELECT hash, document_seq, start, "end", length FROM passage_hashes').fetchall())


def test_import_replace_and_delete_keep_the_index_in_step(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022, [POOL[0]])
    b = add_report(memory_db, tmp_path, "通化市教育局", 2022, [POOL[0]])
    assert index_state(memory_db).current and refresh_index(memory_db) == 0  # indexed by the import itself
    assert _shares(memory_db, b, POOL[0]) and shared_with_others(memory_db, b).unindexed == 0
    # the rows the import wrote are exactly what a catch-up from the stored text writes
    written = _index_rows(memory_db)
    memory_db.execute("DELETE FROM passage_hashes")
    memory_db.execute("DELETE FROM passage_indexed")
    assert refresh_index(memory_db) == 2 and _index_rows(memory_db) == written
    # a re-imported text replaces the old text's rows in the same transaction
    text = memory_db.execute("SELECT text FROM documents WHERE id = ?", [a]).fetchone()[0]
    path = tmp_path / "changed" / "a.txt"
    path.parent.mkdir()
    path.write_text(text.replace(POOL[0], POOL[1]), encoding="utf-8")
    assert reimport_document(memory_db, a, read_report(path)).changed
    assert index_state(memory_db).current
    assert not _shares(memory_db, b, POOL[0]) and not _shares(memory_db, b, POOL[1])
    delete_document(memory_db, b)
    assert index_state(memory_db).current
    rows = memory_db.execute("SELECT count(*) FROM passage_hashes WHERE document_seq NOT IN "
                             "(SELECT seq FROM documents)").fetchone()[0]
    assert rows == 0


def test_reports_stored_another_way_are_caught_up_and_counted_until_then(memory_db, tmp_path):
    add_report(memory_db, tmp_path, "梨树县司法局", 2022, [POOL[0]])
    b = add_report(memory_db, tmp_path, "通化市教育局", 2022, [POOL[0]])
    _unindexed(memory_db, b)
    assert shared_with_others(memory_db, b).unindexed == 1  # said, not hidden
    assert not _shares(memory_db, b, POOL[0])
    assert refresh_index(memory_db) == 1 and refresh_index(memory_db) == 0
    assert _shares(memory_db, b, POOL[0])
    memory_db.execute("DELETE FROM documents WHERE id = ?", [b])  # deleted behind the index's back
    assert index_state(memory_db).to_drop and refresh_index(memory_db) == 0
    rows = memory_db.execute("SELECT count(*) FROM passage_hashes WHERE document_seq NOT IN "
                             "(SELECT seq FROM documents)").fetchone()[0]
    assert rows == 0


def test_a_cancelled_refresh_resumes(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022, [POOL[0]])
    _unindexed(memory_db, a)
    progress = Progress()
    progress.cancel()
    assert refresh_index(memory_db, progress) == 0 and not index_state(memory_db).current
    assert refresh_index(memory_db) == 1


def test_bad_queries_are_refused(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022)
    with pytest.raises(SharedTextError, match="at least 10"):
        shared_corpus(memory_db, 5)
    with pytest.raises(SharedTextError, match="no current report"):
        shared_with_others(memory_db, "nope")
    assert shared_with_others(memory_db, a).passages == []
