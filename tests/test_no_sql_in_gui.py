"""Widgets call core, never SQL: no module of desktop/gui runs a query itself (docs/architecture.md, core/gui split)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SQL = re.compile(r"\.(execute|executemany|executescript|query)\(|\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s+\w")


def sql_lines(source: str) -> list[str]:
    return [line.strip() for line in source.splitlines()
            if SQL.search(line) and not line.strip().startswith("#") and '"""' not in line]


def test_no_gui_module_runs_sql():
    found = {str(p.relative_to(ROOT)): lines for p in sorted((ROOT / "desktop" / "gui").rglob("*.py"))
             if (lines := sql_lines(p.read_text(encoding="utf-8")))}
    assert not found, f"SQL in the GUI (move it into a core function): {found}"


def test_the_check_sees_a_query():
    assert sql_lines('        rows = reader.query("SELECT id FROM documents")')
    assert sql_lines("    db.execute(sql, params)")
    assert not sql_lines("    label.setText(self.tr('Select a report'))")
