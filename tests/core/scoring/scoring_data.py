"""Helpers for the scoring and export tests: real tags and annotations made through the core's own functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.core.ingest.importer import import_paths
from desktop.core.review.annotations import create_annotation
from desktop.core.review.codebook import create_tag
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import Rubric, active_rubric
from desktop.core.scoring.suggestions import suggest_scores
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document, list_documents
from tests.conftest import SEEDS


def add_tag(db: Database, name: str, name_en: str = "", color: str = "#e07a5f") -> str:
    return create_tag(db, name, color, name_en=name_en).id


def add_annotation(db: Database, document_id: str, reviewer_id: str, start: int, end: int, comment: str = "",
                   tag_ids: tuple[str, ...] = (), criterion_id: str | None = None) -> str:
    """An annotation over text[start:end] of the document (trimmed of white space, as the editor does)."""
    return create_annotation(db, document_id, start, end, reviewer_id=reviewer_id, tag_ids=tag_ids,
                             comment=comment, criterion_id=criterion_id).id


def section_span(db: Database, document_id: str, kind: str) -> tuple[int, int]:
    """The [start, end) of the document's first section of a kind."""
    for s in get_document(db, document_id).sections:
        if s.kind == kind:
            return s.start, s.end
    raise LookupError(f"no {kind} section in {document_id}")


@dataclass
class ScoredCorpus:
    """A database file with the seed reports scored and annotated by two reviewers (values known to the tests)."""

    path: Path
    docs: dict[str, str]          # seed file prefix ("000") -> document id
    reviewers: dict[str, str]     # name -> reviewer id
    rubric: Rubric
    annotations: dict[str, str] = field(default_factory=dict)


INJECTED_COMMENT = '=HYPERLINK("http://example.invalid","点我")'
INJECTED_NOTE = "+1 成效数据充分"
INJECTED_ANNOTATION = "@SUM(1) 表述笼统"
OVERALL_001 = "结构完整，举措具体，成效量化充分；不足部分原因分析略显简单。"


def build_scored_corpus(path: Path) -> ScoredCorpus:
    """Seeds, reviewers 张三 and 李四, scores, reviews, tags, annotations and evidence (see the module's tests).

    张三: 001 all eight criteria (total 80, done), 000 all eight (total 65.83, done; comment and note start with
    = and +), 003 completeness overridden to 2 (total 10). 李四: 001 completeness 4 and measures 3 (total 32).
    """
    db = open_database(path)
    try:
        import_paths(db, [SEEDS])
        rubric = active_rubric(db)
        docs = {d.name[:3]: d.id for d in list_documents(db)}
        zhang = get_or_create_reviewer(db, "张三").id
        li = get_or_create_reviewer(db, "李四").id
        tag = add_tag(db, "测试：套话", "test: formulaic")
        corpus = ScoredCorpus(path, docs, {"张三": zhang, "李四": li}, rubric)

        def score(doc: str, reviewer: str, values: dict[str, float], accept: tuple[str, ...] = ()) -> None:
            record = get_document(db, docs[doc])
            suggestions = suggest_scores(rubric, record)
            for cid in accept:
                scoring.accept_suggestion(db, docs[doc], reviewer, rubric, suggestions[cid])
            for cid, value in values.items():
                scoring.set_score(db, docs[doc], reviewer, rubric, cid, value, suggestions.get(cid))

        score("001", zhang, {"measures": 4, "shortcomings": 3, "leader_duty": 4, "next_plan": 3, "originality": 3},
              accept=("completeness", "timeliness", "formalities"))
        scoring.set_overall_comment(db, docs["001"], zhang, rubric, OVERALL_001)
        start, end = section_span(db, docs["001"], "shortcomings")
        corpus.annotations["short"] = add_annotation(db, docs["001"], zhang, start + 11, start + 60,
                                                     "原因分析不具体", (tag,))
        a0, _ = section_span(db, docs["001"], "achievements")
        corpus.annotations["inject"] = add_annotation(db, docs["001"], zhang, a0 + 20, a0 + 50, INJECTED_ANNOTATION)
        scoring.link_evidence(db, docs["001"], zhang, rubric, "shortcomings", corpus.annotations["short"])
        scoring.set_review_status(db, docs["001"], zhang, rubric, scoring.DONE)

        score("000", zhang, {"timeliness": 1, "measures": 5, "shortcomings": 2, "leader_duty": 0, "next_plan": 4,
                             "originality": 2}, accept=("completeness", "formalities"))
        scoring.set_note(db, docs["000"], zhang, rubric, "measures", INJECTED_NOTE)
        scoring.set_overall_comment(db, docs["000"], zhang, rubric, INJECTED_COMMENT)
        scoring.set_review_status(db, docs["000"], zhang, rubric, scoring.DONE)

        score("003", zhang, {"completeness": 2})

        score("001", li, {"completeness": 4, "measures": 3})
        corpus.annotations["li"] = add_annotation(db, docs["001"], li, a0 + 5, a0 + 25, "李四的批注")
    finally:
        db.conn.close()
    return corpus


# Import these into a test module to use the fixtures ``scored_corpus`` and ``scored_db``.
@pytest.fixture(scope="session", name="scored_corpus")
def scored_corpus_fixture(tmp_path_factory) -> ScoredCorpus:
    """The scored corpus, built once (tests only read it)."""
    return build_scored_corpus(tmp_path_factory.mktemp("scored") / "scored.sqlite3")


@pytest.fixture(name="scored_db")
def scored_db_fixture(scored_corpus):
    """A connection to the scored corpus, closed after the test."""
    db = open_database(scored_corpus.path)
    yield db
    db.conn.close()
