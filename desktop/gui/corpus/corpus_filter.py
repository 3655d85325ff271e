"""The corpus table's filter face: an identity proxy over :class:`CorpusModel` that sets the model's filters (year,
agency text, missing part, to verify), which the model applies in SQL, and passes sorting on to it."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QIdentityProxyModel, QObject, Qt
from PySide6.QtWidgets import QWidget

from desktop.core.storage.listing import ListingFilter, fold_filter_text, prepare_agency_filter, validate_missing
from desktop.gui.corpus.corpus_model import DOCUMENT_ID_ROLE, CorpusModel

_prepared = threading.Event()  # the agency filter's folding table is being built or ready (once per process)


class FilterWarmup(QObject):
    """Builds what the agency filter's first keystroke needs when its field gets the keyboard focus (before the
    first key is typed), in a worker thread: the first keystroke then costs what the others do."""

    def __init__(self, field: QWidget) -> None:
        super().__init__(field)
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and not _prepared.is_set():
            _prepared.set()
            threading.Thread(target=prepare_agency_filter, name="agency-filter-warmup", daemon=True).start()
        return False


class CorpusFilterProxy(QIdentityProxyModel):
    """The corpus table's filters (year, agency text, a missing required part), applied by the model in SQL."""

    def corpus(self) -> CorpusModel:
        model = self.sourceModel()
        assert isinstance(model, CorpusModel)
        return model

    # -- filters ---------------------------------------------------------------------------------------
    @property
    def year(self) -> int | None:
        return self.corpus().filter.year

    @property
    def agency_text(self) -> str:
        return self.corpus().filter.agency_text

    @property
    def missing_kind(self) -> str | None:
        return self.corpus().filter.missing

    def is_filtering(self) -> bool:
        return self.corpus().filter.is_filtering()

    def set_year(self, year: int | None) -> None:
        """Only documents of this year (None: every year)."""
        self._change(year=year)

    def set_agency_text(self, text: str) -> None:
        """Only documents whose agency (or, without one, title or file name) contains the text."""
        self._change(agency_text=fold_filter_text(text.strip()))

    def set_missing_kind(self, kind: str | None) -> None:
        """Only documents missing this required part (:data:`ANY_MISSING`: any of them; None: no filter)."""
        validate_missing(kind)
        self._change(missing=kind)

    @property
    def to_verify(self) -> bool:
        return self.corpus().filter.to_verify

    def set_to_verify(self, only: bool) -> None:
        """Only documents that leave something for the verify queue (待核对)."""
        self._change(to_verify=bool(only))

    def clear_filters(self) -> None:
        self.corpus().set_filter(ListingFilter())

    def _change(self, **changes: Any) -> None:
        self.corpus().set_filter(replace(self.corpus().filter, **changes))

    # -- sorting ---------------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the corpus model (in SQL)."""
        self.corpus().sort(column, order)

    def document_id(self, proxy_row: int) -> str:
        return self.data(self.index(proxy_row, 0), DOCUMENT_ID_ROLE)

    def proxy_row_of(self, doc_id: str) -> int:
        """The visible row of a document, or -1 when it is filtered out or absent."""
        source_row = self.corpus().row_of(doc_id)
        if source_row < 0:
            return -1
        return self.mapFromSource(self.corpus().index(source_row, 0)).row()
