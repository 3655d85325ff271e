"""Rewrites kept over regeneration and flagged when their figures change; quote picks; letters; hostile text."""

from __future__ import annotations

import shutil

import pytest
from docx import Document

from desktop.core.errors import ReviewDeskError
from desktop.core.export.target import ExportTargetError
from desktop.core.review.codebook import default_tag_id
from desktop.core.storage import open_database
from desktop.core.summary import edits
from desktop.core.summary.draft import build_draft
from desktop.core.summary.letters import write_letters
from desktop.core.summary.model import QuoteList
from desktop.core.summary.write import write_summary
from tools.summary_panel import build_panel60, change_a_score


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_panel60(tmp_path_factory.mktemp("p60e"))


@pytest.fixture
def built_copy(built, tmp_path):
    path = tmp_path / "copy.sqlite3"
    shutil.copy(built.path, path)
    db = open_database(path)
    yield db
    db.conn.close()


def _rescore(db) -> None:
    change_a_score(db)


def test_a_rewrite_is_kept_on_regeneration_and_flagged_when_its_figures_change(built_copy):
    draft = build_draft(built_copy)
    p = draft.paragraph("scores.distribution")
    edits.set_edit(built_copy, draft.scope, p.key, "总分情况由评审组另行说明。", p.figures(), "组长")
    again = build_draft(built_copy).paragraph(p.key)
    assert again.text == "总分情况由评审组另行说明。" and not again.flagged
    _rescore(built_copy)
    later = build_draft(built_copy)
    kept = later.paragraph(p.key)
    assert kept.text == "总分情况由评审组另行说明。"
    assert kept.flagged and {c.key for c in kept.changed} >= {"mean"}
    assert kept.generated != p.generated  # the generated text follows the numbers
    assert later.paragraph("overview.scope").flagged is False  # paragraphs not rewritten are never flagged
    # saving the rewrite again with today's figures clears the flag; going back to the generated text too
    edits.set_edit(built_copy, draft.scope, p.key, kept.text, kept.figures())
    assert not build_draft(built_copy).paragraph(p.key).flagged
    change = edits.put_edit(built_copy, draft.scope, p.key, None)
    assert build_draft(built_copy).paragraph(p.key).edited is None
    edits.put_edit(built_copy, draft.scope, p.key, change.old)  # undo
    assert build_draft(built_copy).paragraph(p.key).text == "总分情况由评审组另行说明。"


def test_rewrites_belong_to_their_scope(built_copy):
    all_reports = build_draft(built_copy)
    edits.set_edit(built_copy, all_reports.scope, "overview.scope", "全部报告的改写。", {})
    assert build_draft(built_copy, 2024).paragraph("overview.scope").edited is None
    assert build_draft(built_copy).paragraph("overview.scope").text == "全部报告的改写。"


def test_an_empty_rewrite_is_refused(built_copy):
    with pytest.raises(ReviewDeskError, match="empty"):
        edits.set_edit(built_copy, "", "overview.scope", "   ", {})


def test_picked_quotes_replace_the_first_ones_and_are_checked(built_copy):
    tag = default_tag_id("formulaic")
    ids = [r["id"] for r in built_copy.query("SELECT a.id FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id "
                                     "WHERE t.tag_id = ? ORDER BY a.id DESC LIMIT 2", [tag])]
    edits.set_pick(built_copy, "", tag, ids, "组长")
    block = next(b for c in build_draft(built_copy).chapters for b in c.blocks
                 if isinstance(b, QuoteList) and b.tag_id == tag)
    assert [q.annotation_id for q in block.quotes] == ids and block.picked
    other = next(r["id"] for r in built_copy.query("SELECT a.id FROM annotations a JOIN annotation_tags t ON "
                                           "t.annotation_id = a.id WHERE t.tag_id = ?", [default_tag_id("no_cause")]))
    with pytest.raises(ReviewDeskError, match="do not carry this tag"):
        edits.set_pick(built_copy, "", tag, [other])
    with pytest.raises(ReviewDeskError, match="at most 3"):
        edits.set_pick(built_copy, "", tag, ids + ids[:1] + ["x", "y"])


def test_report_text_that_looks_like_markup_stays_text(built_copy, tmp_path):
    """A quote with HTML, reportlab and Markdown markup in it is written as the characters it is."""
    doc = built_copy.execute("SELECT document_id, id, start FROM annotations WHERE deleted_at IS NULL LIMIT 1").fetchone()
    hostile = "<b>加粗</b> [链接](http://x.invalid) *强调* & <para>"
    text = built_copy.execute("SELECT text FROM documents WHERE id = ?", [doc[0]]).fetchone()[0]
    # the annotation's passage now reads as markup (the text and the quote both: an exact quote)
    built_copy.execute("UPDATE annotations SET quote = ?, \"end\" = ? WHERE id = ?", [hostile, doc[2] + len(hostile), doc[1]])
    built_copy.execute("UPDATE documents SET text = ? WHERE id = ?", [text[:doc[2]] + hostile + text[doc[2] + len(hostile):],
                                                             doc[0]])
    tag = built_copy.execute("SELECT tag_id FROM annotation_tags WHERE annotation_id = ?", [doc[1]]).fetchone()[0]
    edits.set_pick(built_copy, "", tag, [doc[1]])
    for fmt in ("md", "pdf", "docx"):
        write_summary(built_copy, fmt, tmp_path / f"s.{fmt}")
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert "\\<b\\>加粗\\</b\\> \\[链接\\](http://x.invalid) \\*强调\\* \\& \\<para\\>" in md
    assert hostile in "\n".join(p.text for p in Document(str(tmp_path / "s.docx")).paragraphs)


def test_letters_one_per_report_with_a_result_and_safe_names(built_copy, tmp_path):
    doc = built_copy.execute("SELECT id FROM documents ORDER BY seq LIMIT 1").fetchone()[0]
    built_copy.execute("UPDATE documents SET agency = ? WHERE id = ?", ["../../某局:*?<>|", doc])
    out = tmp_path / "letters"
    result = write_letters(built_copy, out)
    scored = build_draft(built_copy)
    with_total = [r for r in scored.chapters[7].blocks[0].rows if r[5] != "—"]  # type: ignore[union-attr]
    assert result.letters == len(with_total) == len(result.paths)
    assert len(result.skipped) == 60 - len(with_total)
    assert all(p.parent == out and p.suffix == ".docx" for p in result.paths)
    assert not any(set(p.name) & set('/\\:*?"<>|') for p in result.paths)
    text = "\n".join(p.text for p in Document(str(result.paths[0])).paragraphs)
    assert "等次为" in text and "评审意见" in text
    single = write_letters(built_copy, tmp_path / "all.docx", one_file=True)
    assert single.paths == [tmp_path / "all.docx"] and single.letters == result.letters


def test_targets_are_checked(built_copy, tmp_path):
    path = built_copy.execute("PRAGMA database_list").fetchone()[2]
    with pytest.raises(ExportTargetError):
        write_summary(built_copy, "md", path)
    with pytest.raises(ReviewDeskError, match="folder"):
        write_summary(built_copy, "md", tmp_path)
    with pytest.raises(ReviewDeskError, match="no report of the year 1999"):
        build_draft(built_copy, 1999)
