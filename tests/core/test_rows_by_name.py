"""Core reads SQL rows by column name (issue 21): a reordered SELECT must never silently swap two fields.

The scan below fails on a positional read of a query row anywhere in desktop/core (``row[0]``, ``r[3]``,
``rec[1]``, ``….fetchone()[0]``); one-column reads go through storage.database.scalar/column, which refuse a
query of several columns.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.storage.database import column, one, open_database, scalar

CORE = Path(__file__).resolve().parents[2] / "desktop" / "core"
POSITIONAL = re.compile(r"\b(row|rows\[\w+\]|r|rec|record|old|existing)\[-?\d+\]|fetchone\(\)\[-?\d+\]")

def positional_reads(text: str) -> list[tuple[int, str]]:
    """(line number, line) of every positional read of a query row in a module's source."""
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if POSITIONAL.search(line)]


def test_the_scan_sees_the_ways_a_row_is_read_by_position() -> None:
    for bad in ("x = row[0]", "return r[3]", "rec[12] or ''", "db.execute(sql).fetchone()[0]", "old[7]",
                "f(row[-1])"):
        assert positional_reads(bad), bad
    for fine in ('row["id"]', "rows[i]", "arrow[0]", "best[0][:2]", "parts[1]", 'r["start"]', "fetchone() is None"):
        assert not positional_reads(fine), fine


def test_core_reads_rows_by_name() -> None:
    found = {}
    for path in sorted(CORE.rglob("*.py")):
        name = path.relative_to(CORE).as_posix()
        hits = positional_reads(path.read_text(encoding="utf-8"))
        if hits:
            found[name] = hits
    assert not found, ("read these rows by column name (db.query dict rows, storage.database.one/scalar/column): "
                       + "; ".join(f"{name}:{n}: {line}" for name, hits in found.items() for n, line in hits))


def test_one_column_helpers_refuse_a_query_of_several_columns(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite3")
    db.execute("CREATE TEMP TABLE pairs (key TEXT, value TEXT)")
    db.execute("INSERT INTO pairs (key, value) VALUES ('a', '1'), ('b', '2')")
    assert scalar(db, "SELECT count(*) AS n FROM pairs") == 2
    assert scalar(db, "SELECT value FROM pairs WHERE key = ?", ["zz"], default="none") == "none"
    assert column(db, "SELECT key FROM pairs ORDER BY key") == ["a", "b"]
    assert one(db, "SELECT value, key FROM pairs WHERE key = 'b'") == {"value": "2", "key": "b"}
    with pytest.raises(ValueError, match="one column"):
        scalar(db, "SELECT key, value FROM pairs")
    with pytest.raises(ValueError, match="one column"):
        column(db, "SELECT key, value FROM pairs")
    db.close()
