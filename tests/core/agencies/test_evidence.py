"""Evidence hints for 下一年度安排 and 不照搬往年: counts with their passages, and what could not be checked said."""

from __future__ import annotations

from desktop.core.agencies.evidence import NEXT_PLAN, ORIGINALITY, criterion_hints
from desktop.core.agencies.passages import refresh_index
from desktop.core.ingest.importer import import_paths
from desktop.core.storage.passages import remove_passages
from tests.core.agencies.reports import add_report

COPIED = "法治宣传的力度仍有待进一步加强，宣传方式和渠道相对单一，对新媒体的运用不够充分，覆盖面和渗透力有待提升。"
SHARED = "组织行政执法人员专题培训六期，累计培训二百三十人次，实现执法人员全覆盖。"


def test_seeds_jilin_2025_hints(memory_db, seeds_dir):
    import_paths(memory_db, [seeds_dir])
    ids = {r["name"][:3]: r["id"] for r in memory_db.query("SELECT id, name FROM documents")}
    hints = criterion_hints(memory_db, ids["000"])
    plan = hints[NEXT_PLAN]
    assert "2022年报告的下一年度安排共18项" in plan.text and "18 items" in plan.text_en
    text = memory_db.execute("SELECT text FROM documents WHERE id = ?", [ids["000"]]).fetchone()[0]
    assert plan.passages and all(text[p.start:p.end] == p.text for p in plan.passages)
    originality = hints[ORIGINALITY]
    assert "3项中0项" in originality.text and "尚未建立比对索引" not in originality.text  # indexed by the import
    remove_passages(memory_db, [r["seq"] for r in memory_db.query("SELECT seq FROM documents")])  # an older database
    assert "5份报告尚未建立比对索引" in criterion_hints(memory_db, ids["000"])[ORIGINALITY].text  # said, not hidden
    first = criterion_hints(memory_db, ids["003"])[NEXT_PLAN]
    assert first.passages == () and "没有该机关往年的报告" in first.text


def test_repeated_shortcomings_and_shared_sentences_are_listed_with_passages(memory_db, tmp_path):
    add_report(memory_db, tmp_path, "梨树县司法局", 2022, shortcomings=[COPIED])
    other = add_report(memory_db, tmp_path, "通化市教育局", 2023, achievements=[SHARED])
    doc = add_report(memory_db, tmp_path, "梨树县司法局", 2023, achievements=[SHARED], shortcomings=[COPIED])
    refresh_index(memory_db)
    hint = criterion_hints(memory_db, doc)[ORIGINALITY]
    assert "1项中1项与往年（1份）基本相同" in hint.text
    whys = [p.why for p in hint.passages]
    assert any("与2022年不足基本相同" in w for w in whys)
    assert any("通化市教育局" in w for w in whys) and other
    assert all(p.text for p in hint.passages)
