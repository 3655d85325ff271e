"""What every sub-command shares: the ``--db`` option, opening the database it names, tab-separated fields."""

from __future__ import annotations

import argparse
import os


def add_db(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Add ``--db``; accepted before or after the sub-command (after wins when both are given)."""
    parser.add_argument("--db", metavar="DB", default=None if top_level else argparse.SUPPRESS,
                        help="database file (default: the user data directory)")


def open_db(args: argparse.Namespace, *, write: bool = True, must_exist: bool | None = None):
    """The database named by ``--db`` (or the default one), migrated; ``write=False`` also accepts a database that
    can only be read (read-only location, newer ReviewDesk).

    Commands that only read (``write=False``), and those that change what a database already holds
    (``must_exist=True``), refuse a database that does not exist instead of creating an empty one: a mistyped
    ``--db`` is said so, not answered with an empty list."""
    from pathlib import Path

    from desktop.core.storage.database import DatabaseProblem, open_database, open_for_reading

    if must_exist if must_exist is not None else not write:
        path = Path(db_path(args))
        if not path.exists():
            raise DatabaseProblem(f"there is no database at {shown_path(path)} (nothing was created); check the "
                                  "--db path, or import reports first")

    db = open_database(args.db) if write else open_for_reading(args.db)
    if write:
        refresh_segmentation(db)
    else:
        report_outdated(db)
    return db


def refresh_segmentation(db) -> int:
    """Re-segment documents segmented by an older segmenter version (not on a read-only database); say so on
    stderr. Returns how many were re-segmented."""
    import sys

    from desktop.core.storage.resegment import count_outdated, resegment_outdated

    if db.execute("PRAGMA query_only").fetchone()[0] or not count_outdated(db):
        return 0
    count = resegment_outdated(db)
    print(f"re-segmented {count} document(s) imported by an older segmenter version", file=sys.stderr)
    return count


def report_outdated(db) -> int:
    """A command that only reads never waits for a re-segmentation: it reads the stored parts and says on stderr
    how many reports still have the parts of an older segmenter version. Returns that number."""
    import sys

    from desktop.core.storage.resegment import count_outdated

    count = count_outdated(db)
    if count:
        print(f"{count} report(s) await an update of their parts (older segmenter version; shown as stored — "
              "`reviewdesk resegment` updates them)", file=sys.stderr)
    return count


def db_path(args: argparse.Namespace):
    """The database file a command works on (for messages)."""
    from desktop.core.storage.database import default_db_path

    return getattr(args, "db", None) or default_db_path()


def cli_text(value: str) -> str:
    """A command-line argument as text: bytes that are not UTF-8 (a GBK terminal, a mangled paste) arrive as
    surrogate escapes; they are decoded as GB18030 when they are, else dropped."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        raw = os.fsencode(value)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "ignore")


# Arguments that name files: their bytes are kept as they are (surrogate escapes), whatever the terminal's encoding.
PATH_METAVARS = {"PATH", "FILE", "DB", "OTHER_DB", "DIR", "FOLDER", "OUT"}
PATH_DESTS = {"db", "out", "paths", "sources", "file", "folder", "path"}
# Text arguments whose undecodable bytes are dropped rather than refused (a search query: documented contract).
LENIENT_DESTS = {"query"}


class BadArgument(Exception):
    """A text argument that is neither UTF-8 nor GB18030."""

    def __init__(self, option: str) -> None:
        super().__init__(f"{option}: the value is not readable text (neither UTF-8 nor GBK); type it again in a "
                         "terminal set to UTF-8")


def _argument_kinds(parser: argparse.ArgumentParser) -> tuple[set[str], dict[str, set[str]]]:
    """The dests of arguments (in every sub-command) that name a file or folder, and each dest's option names."""
    paths: set[str] = set()
    names: dict[str, set[str]] = {}
    stack = [parser]
    while stack:
        current = stack.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                stack.extend(action.choices.values())
                continue
            if action.dest in PATH_DESTS or str(action.metavar or "").upper() in PATH_METAVARS:
                paths.add(action.dest)
            names.setdefault(action.dest, set()).update(action.option_strings or [str(action.metavar or action.dest)])
    return paths, names


def decode_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Decode text arguments that arrived as surrogate-escaped bytes (a GBK terminal) as GB18030, in place; paths
    keep their bytes. Raises :class:`BadArgument` naming the option for text that cannot be decoded."""
    paths, names = _argument_kinds(parser)
    for dest, value in list(vars(args).items()):
        if dest in paths or dest == "func":
            continue
        try:
            setattr(args, dest, _decoded(dest, value))
        except BadArgument:
            raise BadArgument("/".join(sorted(names.get(dest, {dest})))) from None


def _decoded(dest: str, value):
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            pass
        if dest in LENIENT_DESTS:
            return cli_text(value)
        try:
            return os.fsencode(value).decode("gb18030")
        except UnicodeDecodeError:
            raise BadArgument("--" + dest.replace("_", "-")) from None
    if isinstance(value, list):
        return [_decoded(dest, v) for v in value]
    if isinstance(value, tuple):
        return tuple(_decoded(dest, v) for v in value)
    return value


def shown_path(path) -> str:
    """A path as printed: a name in bytes that are not UTF-8 decoded as GB18030 when it reads so."""
    from desktop.core.ingest import display_name

    return display_name(os.fspath(path))


def tsv_field(value: str) -> str:
    """One field of tab-separated output, escaped (see desktop.core.ingest.importer.tsv_field)."""
    from desktop.core.ingest.importer import tsv_field as escape

    return escape(value)
