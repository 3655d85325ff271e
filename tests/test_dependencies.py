"""pyproject's runtime dependencies are the libraries desktop/ imports: none unused, none missing."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# distribution name -> the top-level module desktop/ imports
IMPORT_NAMES = {"pyside6-essentials": "PySide6", "sqlite-utils": "sqlite_utils", "charset-normalizer": "charset_normalizer",
                "python-docx": "docx", "beautifulsoup4": "bs4", "xlsxwriter": "xlsxwriter"}
# needed at run time by another dependency, never imported by name (each with why)
INDIRECT = {"cryptography": "pypdf opens AES-encrypted PDFs with it",
            "rl-accel": "reportlab's C accelerator, loaded by reportlab"}


def _distribution(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower()


def _imported_top_levels() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def test_every_runtime_dependency_is_imported_and_every_import_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_distribution(r) for r in project["dependencies"]}
    imported = _imported_top_levels()
    modules = {d: IMPORT_NAMES.get(d, d.replace("-", "_")) for d in declared - set(INDIRECT)}
    unused = sorted(d for d, module in modules.items() if module not in imported)
    assert not unused, f"declared in pyproject.toml but never imported by desktop/: {unused}"
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "desktop"}
    undeclared = sorted(third_party - set(modules.values()) - {"shiboken6"})  # shiboken6 comes with PySide6
    assert not undeclared, f"imported by desktop/ but not declared in pyproject.toml: {undeclared}"
