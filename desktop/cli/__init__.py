"""The ``reviewdesk`` command line: headless jobs for batch use and measurement.

With no sub-command it starts the GUI. Output formats are contracts, documented in README.md
(section "Command line"); tests/test_cli.py fails when a sub-command or option is undocumented.

One module per group of sub-commands; each has ``register(sub)`` that adds its parsers and sets
``func`` on them. A new command is a new module listed in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from desktop import __version__
from desktop.cli.common import add_db

log = logging.getLogger("desktop.cli")
COMMAND_MODULES = ["segment", "corpus", "corrections", "merge", "export", "panel", "scores", "resegment", "agencies",
                   "verify", "summary", "gui"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewdesk", description="ReviewDesk (报告评阅台)")
    parser.add_argument("--version", action="version", version=f"reviewdesk {__version__}")
    add_db(parser, top_level=True)
    sub = parser.add_subparsers(dest="command")
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from desktop.cli.common import BadArgument, decode_arguments
    from desktop.core import logs

    # Output never fails on a file name in bytes that are not UTF-8 (kept as surrogate escapes by Python).
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    logs.setup_file_logging()  # import, merge, export and migrations log what they did (desktop/core/logs.py)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    try:
        decode_arguments(parser, args)
    except BadArgument as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("error: interrupted; nothing half-stored (each file and each merge is one transaction)",
              file=sys.stderr)
        return 130
    except Exception as exc:
        message = _error_message(args, exc)
        if message is None:
            log.exception("reviewdesk %s failed", args.command)
            raise
        log.warning("reviewdesk %s: %s", args.command, message)
        print(f"error: {message}", file=sys.stderr)
        return 1


def _error_message(args: argparse.Namespace, exc: Exception) -> str | None:
    """The one-line message for an expected failure (bad input, unusable database or target), None for a bug."""
    import sqlite3

    from desktop.core.errors import ReviewDeskError

    if isinstance(exc, ReviewDeskError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        from desktop.cli.common import db_path
        from desktop.core.storage.database import storage_error

        return str(storage_error(db_path(args), exc))
    if isinstance(exc, MemoryError):
        return "out of memory; close other programs and try again"
    if isinstance(exc, OSError) and exc.filename:
        return (f"{exc.filename}: {exc.strerror or exc}; check that the place exists, is writable and has free "
                "space")
    return None
