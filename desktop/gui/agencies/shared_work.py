"""Shared-text work off the GUI thread: bring the index up to date on the writer, then read on a connection of
the worker's own (the window's reader belongs to the GUI thread)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.agencies.evidence import CriterionHint, criterion_hints
from desktop.core.agencies.passages import refresh_index
from desktop.core.agencies.shared import CorpusShared, DocumentShared, shared_corpus, shared_with_others
from desktop.core.progress import Progress
from desktop.core.storage.executor import DatabaseExecutor, open_reader


def _refreshed(executor: DatabaseExecutor, progress: Progress) -> None:
    executor.call(refresh_index, progress)
    progress.check()


def document_shared(executor: DatabaseExecutor, path: Path, document_id: str, min_chars: int, *,
                    progress: Progress) -> DocumentShared:
    """One report's sentences shared with other agencies (index refreshed first)."""
    _refreshed(executor, progress)
    db = open_reader(path)
    try:
        return shared_with_others(db, document_id, min_chars)
    finally:
        db.conn.close()


def corpus_shared(executor: DatabaseExecutor, path: Path, min_chars: int, *, progress: Progress) -> CorpusShared:
    """Every shared passage of the corpus (index refreshed first)."""
    _refreshed(executor, progress)
    db = open_reader(path)
    try:
        return shared_corpus(db, min_chars)
    finally:
        db.conn.close()


def report_hints(path: Path, document_id: str, *, progress: Progress) -> tuple[str, dict[str, CriterionHint]]:
    """The evidence hints of one report (read on the worker's own connection)."""
    db = open_reader(path)
    try:
        return document_id, criterion_hints(db, document_id)
    finally:
        db.conn.close()
