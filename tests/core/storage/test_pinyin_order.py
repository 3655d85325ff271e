"""Pinyin order of the agencies (issue 18): the corpus listing sorts agencies as WPS and Excel do (丰 和 吉 天 岳, not
丰 吉 和 天 岳 as code points do), in SQL, by a key stored with the agency and kept through corrections,
re-segmentation, re-import and merges; an older database gets the keys from migration 0018."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from desktop.core.collation import pinyin_sort_key
from desktop.core.corrections.records import correct_field
from desktop.core.exchange.merge import merge_database
from desktop.core.ingest.importer import import_paths
from desktop.core.review.annotations import create_annotation
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from desktop.core.storage.listing import ListingFilter, listing_ids
from desktop.core.storage.resegment import resegment_outdated
from tests.core.builders import SAMPLE, write_txt

AGENCIES = ["岳阳市司法局", "天津市司法局", "和平区司法局", "吉林省司法厅", "丰台区司法局"]
PINYIN_ORDER = ["丰台区司法局", "和平区司法局", "吉林省司法厅", "天津市司法局", "岳阳市司法局"]


def _write(folder, agencies, first_year=2020):
    folder.mkdir()
    for i, agency in enumerate(agencies):
        write_txt(folder, f"{i}.txt", SAMPLE.replace("某县司法局", agency).replace("2024年", f"{first_year + i}年"))


def _corpus(tmp_path, agencies=AGENCIES, name="c") -> Database:
    _write(tmp_path / f"{name}-reports", agencies)
    db = open_database(tmp_path / f"{name}.sqlite3")
    import_paths(db, [tmp_path / f"{name}-reports"])
    return db


def _agencies(db: Database, ids: list[str]) -> list[str | None]:
    by_id = {d.id: d.agency for d in list_documents(db)}
    return [by_id[i] for i in ids]


def _keys_match_agencies(db: Database) -> bool:
    return all(r["agency_key"] == pinyin_sort_key(r["agency"]) for r in db.query("SELECT agency, agency_key FROM documents"))


def test_the_listing_sorts_agencies_in_pinyin_order_in_sql(tmp_path):
    db = _corpus(tmp_path)
    assert sorted(AGENCIES) != PINYIN_ORDER  # code point order is not the pinyin order
    assert [d.agency for d in list_documents(db)] == PINYIN_ORDER
    assert _agencies(db, listing_ids(db, ListingFilter(), "agency")) == PINYIN_ORDER
    assert _agencies(db, listing_ids(db, ListingFilter(), "agency", descending=True)) == PINYIN_ORDER[::-1]
    assert _keys_match_agencies(db)


def test_one_agencys_reports_by_year_and_one_years_agencies_in_pinyin_order(tmp_path):
    db = _corpus(tmp_path, ["吉林省司法厅", "天津市司法局", "吉林省司法厅", "丰台区司法局"])
    rows = {d.id: (d.agency, d.year) for d in list_documents(db)}
    assert [rows[i] for i in listing_ids(db, ListingFilter(), "agency")] == [
        ("丰台区司法局", 2023), ("吉林省司法厅", 2020), ("吉林省司法厅", 2022), ("天津市司法局", 2021)]
    with db.atomic():
        db.execute("UPDATE documents SET year = 2024")
    assert [rows[i][0] for i in listing_ids(db, ListingFilter(), "year")] == [
        "丰台区司法局", "吉林省司法厅", "吉林省司法厅", "天津市司法局"]


def test_a_correction_its_undo_and_a_resegmentation_keep_the_key(tmp_path):
    db = _corpus(tmp_path)
    tianjin = next(d.id for d in list_documents(db) if d.agency == "天津市司法局")
    correct_field(db, tianjin, "agency", "阿拉善盟司法局", reviewer_id=None)
    assert _agencies(db, listing_ids(db, ListingFilter(), "agency"))[0] == "阿拉善盟司法局"
    assert _keys_match_agencies(db)
    with db.atomic():  # a newer segmenter: every report segmented again, the correction applied on top
        db.execute("UPDATE documents SET segmenter_version = 0")
    assert resegment_outdated(db, workers=1) == len(AGENCIES)
    assert _agencies(db, listing_ids(db, ListingFilter(), "agency"))[0] == "阿拉善盟司法局"
    assert _keys_match_agencies(db)
    correct_field(db, tianjin, "agency", "", reviewer_id=None)  # no agency any more: last
    assert _agencies(db, listing_ids(db, ListingFilter(), "agency"))[-1] is None
    assert _keys_match_agencies(db)


def test_a_merge_brings_documents_that_sort_in_pinyin_order(tmp_path):
    here = _corpus(tmp_path, ["岳阳市司法局", "天津市司法局"], "a")
    other = _corpus(tmp_path, ["和平区司法局", "吉林省司法厅", "丰台区司法局"], "b")
    reviewer = get_or_create_reviewer(other, "李评审")
    for doc in list_documents(other):
        create_annotation(other, doc.id, 0, 4, reviewer_id=reviewer.id, tag_ids=[], comment="看")
    with other.atomic():  # a source from before the key, and one whose key was tampered with
        other.execute("UPDATE documents SET agency_key = NULL WHERE agency = '和平区司法局'")
        other.execute("UPDATE documents SET agency_key = 'zz' WHERE agency = '丰台区司法局'")
    other.conn.close()
    report = merge_database(here, tmp_path / "b.sqlite3", trust=True)
    assert report.counts("documents").added == 3
    assert _agencies(here, listing_ids(here, ListingFilter(), "agency")) == PINYIN_ORDER
    assert _keys_match_agencies(here)


def test_an_older_database_gets_the_keys_from_its_migration(tmp_path):
    from desktop.core.storage.schema import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    old = Database(sqlite3.connect(path, isolation_level=None))
    MIGRATIONS.apply(old, stop_before="0018_agency_pinyin_key")
    for i, agency in enumerate([*AGENCIES, None]):
        old.execute("INSERT INTO documents (id, sha256, name, size, format, encoding, text, agency, year, "
                    "segmenter_version, imported_at) VALUES (?, ?, ?, 1, 'txt', 'utf-8', '正文', ?, 2024, 99, 'now')",
                    [f"d{i}", f"{i}", f"{i}.txt", agency])
    old.conn.close()
    db = open_database(path)
    assert [d.agency for d in list_documents(db)] == [*PINYIN_ORDER, None]  # no agency: last
    assert _agencies(db, listing_ids(db, ListingFilter(), "agency")) == [*PINYIN_ORDER, None]
    assert _keys_match_agencies(db)
