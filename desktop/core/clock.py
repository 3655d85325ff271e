"""The one place time stamps come from: UTC, ISO 8601 to the second, as stored in every table."""

from __future__ import annotations

import datetime as dt


def now_iso() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SS+00:00`` (sortable as text, comparable across databases)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
