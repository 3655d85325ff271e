"""Errors the core raises with a message a reviewer can act on."""

from __future__ import annotations


class ReviewDeskError(Exception):
    """Base class for expected, user-facing failures."""


class IngestError(ReviewDeskError):
    """A file could not be read as a report: says which file, what is wrong, and what to do."""

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        message = f"{path}: {problem}"
        if hint:
            message += f" — {hint}"
        super().__init__(message)


class Cancelled(ReviewDeskError):
    """Long work was cancelled by the user."""
