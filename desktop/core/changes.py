"""What a write changed, so that every view can decide whether to re-read (Anki's ``OpChanges``).

A write (a store method, an undo/redo step, an import, a merge, another process) is described by one
:class:`Changes` value: which kinds of rows it touched and, when known, which documents. The GUI sends every
value through one signal (``desktop.gui.changes.ChangeBus``); views check the kinds and documents they show
and re-read only then. Nothing here knows about Qt or the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace

# The kinds of data a write can change (the boolean fields of Changes, in order).
KINDS = ("documents", "parts", "metadata", "corrections", "annotations", "tags", "scores", "reviews", "rubric")


@dataclass(frozen=True)
class Changes:
    """Kinds of data a write changed, and the documents it concerns (empty: unknown, assume any).

    ``documents``: reports added, removed or their text replaced; ``parts``: segmentation (sections, outline);
    ``metadata``: title, agency, year, …; ``corrections``: reviewer corrections of parts or metadata;
    ``annotations``: annotations and their tags; ``tags``: the codebook; ``scores``: scores and their evidence;
    ``reviews``: review status and overall comment; ``rubric``: the active rubric. ``outside`` is True when
    another process or window made the change (the views cannot know which rows: they re-read what they show).
    """

    documents: bool = False
    parts: bool = False
    metadata: bool = False
    corrections: bool = False
    annotations: bool = False
    tags: bool = False
    scores: bool = False
    reviews: bool = False
    rubric: bool = False
    document_ids: frozenset[str] = field(default_factory=frozenset)
    outside: bool = False

    @classmethod
    def of(cls, *kinds: str, document_ids: Iterable[str] = (), outside: bool = False) -> Changes:
        """``Changes.of("scores", "reviews", document_ids=[doc_id])``; an unknown kind raises ValueError."""
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kind(s) of change: {', '.join(sorted(unknown))}; use {', '.join(KINDS)}")
        ids = frozenset(i for i in document_ids if i)
        return cls(**dict.fromkeys(kinds, True), document_ids=ids, outside=outside)

    @classmethod
    def everything(cls, *, outside: bool = False) -> Changes:
        """Anything may have changed, in any document (another process wrote, a database was merged in)."""
        return cls.of(*KINDS, outside=outside)

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds that changed."""
        return frozenset(k for k in KINDS if getattr(self, k))

    def any(self, *kinds: str) -> bool:
        """True when one of ``kinds`` changed (no kinds given: when anything changed)."""
        return bool(self.kinds & set(kinds)) if kinds else bool(self.kinds)

    def touches(self, document_id: str) -> bool:
        """True when the change may concern ``document_id`` (always when the documents are not known)."""
        return not self.document_ids or document_id in self.document_ids

    def concerns(self, document_id: str, *kinds: str) -> bool:
        """True when one of ``kinds`` changed and the change may concern ``document_id``."""
        return bool(document_id) and self.any(*kinds) and self.touches(document_id)

    def __or__(self, other: Changes) -> Changes:
        """Both changes in one (documents: the union, or unknown when either side does not know)."""
        flags = {f.name: getattr(self, f.name) or getattr(other, f.name)
                 for f in fields(self) if f.name in KINDS or f.name == "outside"}
        known = self.document_ids and other.document_ids
        ids = self.document_ids | other.document_ids if known else frozenset()
        return replace(self, **flags, document_ids=ids)
