"""Errors the core raises with a message a reviewer can act on."""

from __future__ import annotations


class ReviewDeskError(Exception):
    """Base class for expected, user-facing failures."""


class IngestError(ReviewDeskError):
    """A file could not be read as a report: says which file, what is wrong, and what to do.

    ``problem`` and ``hint`` are English templates with ``{name}`` fields filled from ``params``; the GUI
    translates the templates (context "Ingest") before filling them, so the reasons appear in Chinese too.
    """

    def __init__(self, path: str, problem: str, hint: str = "", **params: object) -> None:
        self.path = path
        self.problem_template = problem
        self.hint_template = hint
        self.params = {k: str(v) for k, v in params.items()}
        self.problem = problem.format(**self.params)
        self.hint = hint.format(**self.params)
        message = f"{path}: {self.problem}"
        if self.hint:
            message += f" — {self.hint}"
        super().__init__(message)


class Cancelled(ReviewDeskError):
    """Long work was cancelled by the user."""
