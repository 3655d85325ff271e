"""The corpus' agency identity kept across calls (desktop.core.agencies.cache): every change it depends on, by
whichever path or connection, gives a fresh answer equal to one computed from nothing; other writes keep it."""

from __future__ import annotations

import pytest

from desktop.core.agencies import cache
from desktop.core.agencies.cache import identity_generation
from desktop.core.agencies.groups import grouping, merge_groups, split_reports, undo_identity
from desktop.core.agencies.passages import refresh_index
from desktop.core.agencies.shared import shared_corpus, shared_with_others
from desktop.core.corrections.records import correct_field
from desktop.core.storage import open_database
from desktop.core.storage.database import open_read_only
from desktop.core.storage.documents import delete_document
from desktop.core.storage.settings import set_setting
from tests.core.agencies.reports import add_report

SHARED = "组织行政执法人员专题培训六期，累计培训二百三十人次，实现执法人员全覆盖。"
OTHER = "建成智慧司法信息平台，执法数据实现互联互通，群众办事实现一网通办。"


def _answer(db, doc_id: str) -> tuple:
    """What the shared-text queries say, comparable across calls."""
    one = shared_with_others(db, doc_id)
    whole = shared_corpus(db)
    return (one.group_key, [(s, e, p.text, p.reports, [(o.document_id, o.group_key, o.agency, o.year)
                                                       for o in p.occurrences]) for s, e, p in one.passages],
            [(p.text, p.reports, [(o.document_id, o.group_key) for o in p.occurrences]) for p in whole.passages])


def _fresh(db, doc_id: str) -> tuple:
    cache.forget()
    return _answer(db, doc_id)


def _holders(answer: tuple) -> list[str] | None:
    """The reports named for the sentence SHARED in an answer, earliest first (None: not said to be shared)."""
    found = [p[4] for p in answer[1] if "二百三十人次" in p[2]]
    return [o[0] for o in found[0]] if found else None


def _check(db, doc_id: str) -> tuple:
    """The cached answer equals the one computed from nothing."""
    cached = _answer(db, doc_id)
    assert cached == _fresh(db, doc_id)
    return cached


def test_every_change_the_groups_depend_on_is_seen(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "梨树县人民政府", 2022, [SHARED, OTHER])
    b = add_report(memory_db, tmp_path, "通化市教育局", 2023, [SHARED])
    refresh_index(memory_db)
    first = _check(memory_db, b)
    assert _holders(first) == [a, b]
    # a new report of a third agency, earlier than both
    c = add_report(memory_db, tmp_path, "白山市生态环境局", 2021, [SHARED, OTHER])
    after_import = _check(memory_db, b)
    assert _holders(after_import) == [c, a, b]
    # a correction makes 通化 the same body as 梨树县 (short form): b no longer shares with it
    correct_field(memory_db, b, "agency", "梨树县政府", reviewer_id=None)
    corrected = _check(memory_db, b)
    assert _holders(corrected) == [c, a]  # one agency now: its earliest report holding the sentence
    # the year and the publication date order the occurrences
    correct_field(memory_db, c, "year", "2025", reviewer_id=None)
    correct_field(memory_db, c, "published_at", "2026-03-01", reviewer_id=None)
    assert _holders(_check(memory_db, b)) == [c, a]  # a report with a publication date comes first
    correct_field(memory_db, a, "published_at", "2023-03-01", reviewer_id=None)
    reordered = _check(memory_db, b)
    assert _holders(reordered) == [a, c]
    # the reviewer's merge, its undo, a split
    g = grouping(memory_db)
    change = merge_groups(memory_db, g.by_document[c], g.by_document[a])
    assert _holders(_check(memory_db, b)) is None
    undo_identity(memory_db, change)
    assert _check(memory_db, b) == reordered
    split_reports(memory_db, [a], "梨树县政府（老）")  # b alone in its group again
    assert _holders(_check(memory_db, b)) == [a, c, b]
    # a deletion
    delete_document(memory_db, c)
    assert _holders(_check(memory_db, b)) == [a, b]


def test_writes_the_groups_do_not_depend_on_keep_the_value(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "梨树县人民政府", 2022, [SHARED])
    before = identity_generation(memory_db)
    set_setting(memory_db, "some.setting", "1")
    correct_field(memory_db, a, "doc_number", "梨政发〔2023〕1号", reviewer_id=None)
    assert identity_generation(memory_db) == before
    correct_field(memory_db, a, "agency", "梨树县政府", reviewer_id=None)
    assert identity_generation(memory_db) != before


def test_another_connection_sees_the_writers_changes(tmp_path):
    path = tmp_path / "corpus.sqlite3"
    writer = open_database(path)
    reader = open_read_only(path)
    try:
        add_report(writer, tmp_path / "in", "梨树县司法局", 2022, [SHARED])
        b = add_report(writer, tmp_path / "in", "通化市教育局", 2023, [SHARED])
        assert len(shared_with_others(reader, b).passages) == 2  # SHARED and the template line
        correct_field(writer, b, "agency", "梨树县司法局", reviewer_id=None)  # now one agency
        assert shared_with_others(reader, b).passages == []
    finally:
        reader.conn.close()
        writer.conn.close()


def test_a_database_without_the_value_is_answered_uncached(tmp_path):
    """A database opened read-only from before migration 0023 has no value: answers are computed each time."""
    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    add_report(db, tmp_path / "in", "梨树县司法局", 2022, [SHARED])
    b = add_report(db, tmp_path / "in", "通化市教育局", 2023, [SHARED])
    db.execute("DROP TABLE identity_generation")
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                              "'identity_generation%'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    assert identity_generation(db) is None
    assert len(shared_with_others(db, b).passages) == 2
    db.execute("UPDATE documents SET agency = '梨树县司法局' WHERE id = ?", [b])
    assert shared_with_others(db, b).passages == []
    db.conn.close()


@pytest.mark.parametrize("statement", [
    "UPDATE documents SET agency = agency || '（办）'",
    "UPDATE documents SET replaced_by = id",
    "DELETE FROM documents",
    "UPDATE agency_identity SET deleted_at = '2026-01-01'",
])
def test_raw_sql_writes_are_seen_too(memory_db, tmp_path, statement):
    """The value is written by triggers: a path that forgets to say it changed something cannot go unseen."""
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022, [SHARED])
    b = add_report(memory_db, tmp_path, "通化市教育局", 2023, [SHARED])
    g = grouping(memory_db)
    merge_groups(memory_db, g.by_document[b], g.by_document[a])
    before = identity_generation(memory_db)
    memory_db.execute(statement)
    assert identity_generation(memory_db) != before


def test_the_identity_is_built_once_while_nothing_changes(memory_db, tmp_path, monkeypatch):
    from desktop.core.agencies import shared

    add_report(memory_db, tmp_path, "梨树县司法局", 2022, [SHARED])
    b = add_report(memory_db, tmp_path, "通化市教育局", 2023, [SHARED])
    built = []
    real = shared._Corpus

    def counting(db):
        built.append(1)
        return real(db)

    monkeypatch.setattr(shared, "_Corpus", counting)
    cache.forget()
    for _ in range(3):
        shared_with_others(memory_db, b)
        shared_corpus(memory_db)
    assert len(built) == 1
    correct_field(memory_db, b, "doc_number", "通教发〔2024〕3号", reviewer_id=None)  # not part of identity
    shared_with_others(memory_db, b)
    assert len(built) == 1
    correct_field(memory_db, b, "agency", "通化市教育局（本级）", reviewer_id=None)
    shared_with_others(memory_db, b)
    assert len(built) == 2
