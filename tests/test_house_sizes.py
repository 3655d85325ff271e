"""The house's size rules (issue 21): every module of desktop/ under ~600 lines, every folder under ~15 modules.

A module past them holds more than one job and a folder past them more than one room: split by job (one job per
module, its docstring says which) instead of raising the limits.
"""

from __future__ import annotations

from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[1] / "desktop"
MAX_LINES = 600
MAX_MODULES = 15

def _modules() -> list[Path]:
    return sorted(p for p in DESKTOP.rglob("*.py") if "__pycache__" not in p.parts)


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_every_module_is_under_the_line_limit():
    long = {str(p.relative_to(DESKTOP)): _lines(p) for p in _modules()}
    over = {name: n for name, n in long.items() if n > MAX_LINES}
    assert not over, f"split these modules by job (at most {MAX_LINES} lines each): {over}"


def test_every_folder_holds_at_most_fifteen_modules():
    folders: dict[str, int] = {}
    for p in _modules():
        if p.name != "__init__.py":
            key = str(p.parent.relative_to(DESKTOP)) or "."
            folders[key] = folders.get(key, 0) + 1
    full = {name: n for name, n in folders.items() if n > MAX_MODULES}
    assert not full, f"split these folders into rooms (at most {MAX_MODULES} modules each): {full}"
