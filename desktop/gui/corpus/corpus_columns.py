"""One column of the corpus table (:class:`Column`): header, cell text, how it sorts and what it reads per page.

How to add a column (see also docs/architecture.md, "The corpus table"):

1. Append a :class:`Column` in :meth:`~desktop.gui.corpus.corpus_model.CorpusModel._default_columns` (or
   ``model.columns.append(...)`` from a feature's install function before the panel is built): ``key``,
   ``header``, ``text(summary)``; optional ``tooltip``, ``short`` header, ``foreground``, ``italic``, ``align``.
2. Sorting: a column sorted by stored document columns names an SQL order, ``sort="<key>"`` with the terms in
   ``listing.SORTS`` (keep those columns in the covering index, migration 0015 — a new index needs your own
   migration). A column whose order needs a query of its own (another table: the review status) gives
   ``keys(filter, descending)``, a core listing query returning the ordered keys. A column sorted by a value
   computed in Python gives ``sort_value(doc_id)`` (keep it a dict
   lookup: it is called once per shown row on a sort); with neither, clicking its header keeps the order.
3. Values that are not in :class:`DocumentSummary` (counts from another table): give ``load(db, ids)``, a
   core function returning ``{doc_id: value}`` for one page of ids (at most ``CorpusModel.PAGE_SIZE``); the
   column's callables read it with ``model.loaded_value(column_key, doc_id)``. Never read a value per row in
   ``text``. A column the view hides (``CorpusModel.set_column_shown``) has its values read only once shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlite_utils import Database

from desktop.core.storage.documents import DocumentSummary
from desktop.core.storage.listing import ListingFilter


@dataclass(frozen=True)
class Column:
    """One table column: header, cell text and how it sorts (see the module docstring: how to add a column)."""

    key: str
    header: Callable[[], str]
    text: Callable[[DocumentSummary], str]
    sort: str | None = None                              # a key of listing.SORTS: sorted in SQL
    sort_value: Callable[[str], Any] | None = None       # doc id -> value: sorted here (stable, after seq)
    # (filter, descending) -> the ordered listing keys from a core query of its own (None: use sort_value)
    keys: Callable[[ListingFilter, bool], list[str] | None] | None = None
    tooltip: Callable[[DocumentSummary], str] | None = None
    short: Callable[[], str] | None = None  # the header's text when it differs from the full name (its tooltip)
    foreground: Callable[[DocumentSummary], QColor | None] | None = None
    italic: Callable[[DocumentSummary], bool] | None = None
    align: Qt.AlignmentFlag | None = None
    load: Callable[[Database, Sequence[str]], Mapping[str, object]] | None = None  # per-page values, from core
