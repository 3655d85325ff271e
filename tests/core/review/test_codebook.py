"""The codebook: default tags loaded once, and every change with its effect on annotations made explicit."""

from __future__ import annotations

import pytest

from desktop.core.ingest.importer import import_paths
from desktop.core.review.annotations import create_annotation, get_annotation
from desktop.core.review.codebook import (
    CodebookError,
    create_tag,
    default_tag_id,
    delete_tag,
    ensure_default_codebook,
    get_tag,
    list_tags,
    merge_tags,
    read_codebook_file,
    recolour_tag,
    removal_preview,
    rename_tag,
    restore_tag,
    tag_usage,
    unmerge_tags,
)
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.storage.documents import list_documents


@pytest.fixture
def doc_db(memory_db, seeds_dir):
    import_paths(memory_db, [seeds_dir / "000_0a101bd46eacac2a.txt"])
    return memory_db


def test_default_codebook_is_loaded_once_with_stable_ids(memory_db):
    tags = list_tags(memory_db)
    names = {t.name: t for t in tags}
    for zh, en in [("泛泛而谈", "formulaic"), ("缺少原因分析", "no cause analysis"), ("量化具体", "quantified"),
                   ("与上年雷同", "copied from earlier year"), ("未对应整改措施", "no matching plan"),
                   ("亮点", "good practice")]:
        assert names[zh].name_en == en
        assert names[zh].color.startswith("#") and names[zh].description and names[zh].description_en
    assert len(tags) >= 9
    assert names["泛泛而谈"].id == default_tag_id("formulaic")
    assert [t.ordinal for t in tags] == sorted(t.ordinal for t in tags)
    delete_tag(memory_db, names["亮点"].id)
    assert ensure_default_codebook(memory_db) == 0
    assert "亮点" not in {t.name for t in list_tags(memory_db)}


def test_codebook_file_problems_name_the_file(tmp_path):
    bad = tmp_path / "codebook.toml"
    bad.write_text('[[tag]]\nkey = "x"\nname = "甲"\ncolor = "red"\n', encoding="utf-8")
    with pytest.raises(CodebookError, match="codebook.toml.*#rrggbb"):
        read_codebook_file(bad)
    bad.write_text("[[tag]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="cannot read"):
        read_codebook_file(bad)


def test_create_rename_recolour_validate(memory_db):
    tag = create_tag(memory_db, "  程序瑕疵 ", "#A0B0C0", name_en="procedural flaw")
    assert (tag.name, tag.color) == ("程序瑕疵", "#a0b0c0")
    assert tag.ordinal == max(t.ordinal for t in list_tags(memory_db))
    with pytest.raises(CodebookError, match="already has a tag named"):
        create_tag(memory_db, "泛泛而谈", "#000000")
    with pytest.raises(CodebookError, match="needs a name"):
        create_tag(memory_db, "  ", "#000000")
    with pytest.raises(CodebookError, match="#rrggbb"):
        create_tag(memory_db, "新标签", "blue")
    assert rename_tag(memory_db, tag.id, "程序问题").name == "程序问题"
    with pytest.raises(CodebookError, match="already has"):
        rename_tag(memory_db, tag.id, "亮点")
    assert recolour_tag(memory_db, tag.id, "#112233").color == "#112233"
    assert get_tag(memory_db, tag.id).name == "程序问题"


def _two_annotations(db):
    doc = list_documents(db)[0]
    reviewer = get_or_create_reviewer(db, "张三")
    tags = {t.name: t.id for t in list_tags(db)}
    a1 = create_annotation(db, doc.id, 2000, 2030, reviewer_id=reviewer.id, tag_ids=[tags["泛泛而谈"]], comment="套话")
    a2 = create_annotation(db, doc.id, 2080, 2100, reviewer_id=reviewer.id,
                           tag_ids=[tags["泛泛而谈"], tags["缺少原因分析"]])
    return a1, a2, tags


def test_delete_takes_the_tag_off_annotations_and_says_which(doc_db):
    a1, a2, tags = _two_annotations(doc_db)
    preview = removal_preview(doc_db, tags["泛泛而谈"])
    assert set(preview.annotation_ids) == {a1.id, a2.id} and preview.left_untagged == (a1.id,)
    removal = delete_tag(doc_db, tags["泛泛而谈"])
    assert set(removal.annotation_ids) == {a1.id, a2.id}
    assert removal.left_untagged == (a1.id,)
    assert get_annotation(doc_db, a1.id).tag_ids == ()          # the annotation stays, with its comment
    assert get_annotation(doc_db, a1.id).comment == "套话"
    assert get_annotation(doc_db, a2.id).tag_ids == (tags["缺少原因分析"],)
    assert tags["泛泛而谈"] not in {t.id for t in list_tags(doc_db)}
    restore_tag(doc_db, tags["泛泛而谈"], removal.annotation_ids)
    assert get_annotation(doc_db, a1.id).tag_ids == (tags["泛泛而谈"],)
    assert set(get_annotation(doc_db, a2.id).tag_ids) == {tags["泛泛而谈"], tags["缺少原因分析"]}
    assert tag_usage(doc_db)[tags["泛泛而谈"]] == 2


def test_merge_moves_annotations_and_unmerge_puts_them_back(doc_db):
    a1, a2, tags = _two_annotations(doc_db)
    merge = merge_tags(doc_db, tags["泛泛而谈"], tags["缺少原因分析"])
    assert set(merge.annotation_ids) == {a1.id, a2.id} and merge.newly_tagged == (a1.id,)
    assert get_annotation(doc_db, a1.id).tag_ids == (tags["缺少原因分析"],)
    assert get_annotation(doc_db, a2.id).tag_ids == (tags["缺少原因分析"],)
    assert tags["泛泛而谈"] not in {t.id for t in list_tags(doc_db)}
    assert tag_usage(doc_db) == {tags["缺少原因分析"]: 2}
    unmerge_tags(doc_db, merge)
    assert get_annotation(doc_db, a1.id).tag_ids == (tags["泛泛而谈"],)
    assert set(get_annotation(doc_db, a2.id).tag_ids) == {tags["泛泛而谈"], tags["缺少原因分析"]}
    with pytest.raises(CodebookError, match="itself"):
        merge_tags(doc_db, tags["亮点"], tags["亮点"])
