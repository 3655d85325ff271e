"""How long a stored value may be: the same numbers where a value is stored and where a merge checks it.

A value stored beyond these limits would make every package carrying it unmergeable (merge validates each row
of a source, ``core/exchange/validate.py``, with these numbers), so the writers refuse it when it is typed.
"""

from __future__ import annotations

MAX_TEXT_CHARS = 20_000_000       # a report's frozen text (the import limit is 50 MB of file)
MAX_COMMENT_CHARS = 100_000       # comments, notes, quotes, reasons: a reviewer's writing, not a book
MAX_NAME_CHARS = 1_000            # titles, agencies, document numbers, sources, correction targets
MAX_KEY_CHARS = 200               # names of reviewers and tags, ids
MAX_RUBRIC_CHARS = 1_000_000


def too_long(value: str | None, limit: int, what: str) -> str | None:
    """A message when ``value`` is longer than ``limit`` characters (None when it fits)."""
    if value is None or len(value) <= limit:
        return None
    return (f"{what} is {len(value):,} characters long; at most {limit:,} can be stored (shorten it: a longer "
            "value could not be merged from a package either)")
