"""The summary's numbers and quotes, on the demo panel and on a generated panel of 60 reports × 2 reviewers,
checked against an independent computation (tests/core/summary/expected.py) in the draft and in the written docx,
pdf and md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from desktop.core.scoring.rubric import active_rubric_readonly
from desktop.core.storage import open_database
from desktop.core.summary.draft import build_draft
from desktop.core.summary.model import Draft, Paragraph, QuoteList, Table
from desktop.core.summary.write import write_draft
from tests.core.summary.expected import NUMBER, compute, num
from tools.summary_panel import build_panel60

# Numbers a rule's wording itself contains (the α thresholds, the reuse window), not figures.
TEMPLATE_NUMBERS = {"0.8", "0.667", "12"}


@pytest.fixture(scope="module")
def panel60(tmp_path_factory):
    return build_panel60(tmp_path_factory.mktemp("panel60"))


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    from tools.demo_panel import build_demo_panel

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    build_demo_panel(path)
    return path


@pytest.fixture(params=["panel60", "demo"])
def scored_db(request, panel60, demo_path):
    path = panel60.path if request.param == "panel60" else demo_path
    db = open_database(path)
    yield db
    db.conn.close()


def figures_of(draft: Draft) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in draft.paragraphs():
        out.update(p.figures())
    return out


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_figure_matches_the_independent_computation(scored_db):
    draft = build_draft(scored_db)
    expected = compute(scored_db, active_rubric_readonly(scored_db))
    shown = figures_of(draft)
    checked = 0
    for key, value in expected.figures.items():
        if key in shown:
            assert shown[key] == value, key
            checked += 1
        else:  # only figures a chapter has no reason to state may be absent
            assert (key.startswith(("tag.", "pairs_scored", "up", "down", "same")) or key == "pairs"
                    or (key == "unscored" and value == "0")), key
    assert checked >= 25


def test_no_paragraph_states_a_number_that_is_not_a_figure(scored_db):
    draft = build_draft(scored_db)
    for p in draft.paragraphs():
        allowed = {m for s in p.sentences for f in s.figures for m in NUMBER.findall(f.text)} | TEMPLATE_NUMBERS
        stated = set(NUMBER.findall(p.generated))
        assert stated <= allowed, (p.key, stated - allowed)


def test_ranked_table_is_the_panels_result(scored_db):
    draft = build_draft(scored_db)
    expected = compute(scored_db, active_rubric_readonly(scored_db))
    table = next(b for c in draft.chapters for b in c.blocks if isinstance(b, Table) and b.key == "appendix.results")
    assert len(table.rows) == len(expected.totals)
    want = sorted((("—" if expected.ranks[i] is None else str(expected.ranks[i])), expected.agency[i],
                   str(expected.year[i]), "—" if expected.totals[i] is None else num(expected.totals[i]),
                   expected.grades[i] or "—") for i in expected.totals)
    got = sorted((r[0], r[1], r[2], r[5], r[6]) for r in table.rows)
    assert got == want
    ranks = [int(r[0]) for r in table.rows if r[0] != "—"]
    assert ranks == sorted(ranks)  # the table is in rank order


def _annotation(db, annotation_id: str) -> dict:
    return next(db.query('SELECT a.document_id, a.start, a."end", d.text, d.agency, d.year FROM annotations a '
                         "JOIN documents d ON d.id = a.document_id WHERE a.id = ?", [annotation_id]))


def test_every_quote_is_exact_and_in_the_right_place(scored_db):
    draft = build_draft(scored_db)
    quotes = [q for c in draft.chapters for b in c.blocks if isinstance(b, QuoteList) for q in b.quotes]
    for q in quotes:
        row = _annotation(scored_db, q.annotation_id)
        text = row["text"]
        assert text[row["start"]:row["end"]] == q.text
        assert q.document_id == row["document_id"] and q.agency == row["agency"] and q.year == row["year"]
        sections = list(scored_db.query('SELECT kind, heading, start, "end" FROM sections WHERE document_id = ?',
                                     [q.document_id]))
        inside = [s for s in sections if s["start"] <= row["start"] < s["end"]]
        part = min(inside, key=lambda s: s["end"] - s["start"])
        assert q.part == part["kind"]
        paragraph = text.count("\n", part["start"], row["start"]) + (0 if part["heading"] else 1)
        assert q.paragraph == paragraph


def test_panel60_states_the_generated_facts(panel60):
    db = open_database(panel60.path)
    try:
        draft = build_draft(db)
        shown = figures_of(draft)
        assert shown["reports"] == "60" and shown["late"] == str(len(panel60.late))
        assert int(shown["pairs"]) == 30
        repeated = draft.paragraph("trend.repeated").generated
        assert "7份" in repeated  # 8 agencies repeat their shortcomings; one of them has no shortcomings part
        assert sum(1 for b in draft.chapters[4].blocks if isinstance(b, QuoteList)) == 3
        assert all(len(b.quotes) == 3 for b in draft.chapters[4].blocks if isinstance(b, QuoteList))
        year = build_draft(db, 2024)
        assert figures_of(year)["reports"] == "30" and figures_of(year)["pairs"] == "30"
        ranks = [r[0] for r in next(b for b in year.chapters[7].blocks if isinstance(b, Table)).rows]
        assert ranks[0] == "1"  # ranked within the year
    finally:
        db.conn.close()


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _pdf_text(path: Path) -> str:
    """The pages' text without their footers (— N —), so a paragraph running over a page reads as one."""
    pages = [page.extract_text() for page in PdfReader(str(path)).pages]
    return "".join(re.sub(rf"—\s*{i}\s*—", "", text) for i, text in enumerate(pages, 1))


def _md_text(path: Path) -> str:
    return re.sub(r"\\(.)", r"\1", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md"])
def test_written_documents_hold_every_paragraph_quote_and_table_row(scored_db, tmp_path, fmt):
    draft = build_draft(scored_db)
    out = tmp_path / f"summary.{fmt}"
    write_draft(scored_db, draft, fmt, out)
    text = flat({"docx": _docx_text, "pdf": _pdf_text, "md": _md_text}[fmt](out))
    for chapter in draft.chapters:
        assert flat(chapter.heading) in text
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                assert flat(block.text) in text, block.key
            elif isinstance(block, QuoteList):
                for q in block.quotes:
                    assert flat(q.text) in text and flat(q.where) in text
            elif isinstance(block, Table) and fmt != "pdf":  # (pdf cells wrap: checked by the row values below)
                for row in block.rows:
                    for value in row:
                        assert flat(value) in text
    if fmt == "pdf":
        results = next(b for b in draft.chapters[7].blocks if isinstance(b, Table))
        for row in results.rows:
            assert flat(row[5]) in text
