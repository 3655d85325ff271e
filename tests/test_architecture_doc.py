"""docs/architecture.md matches the tree: every package of desktop/core and desktop/gui is named there, and every
folder or module its story table names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def _packages(side: str) -> list[str]:
    base = ROOT / "desktop" / side
    return sorted(p.name for p in base.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def test_every_package_is_named_in_the_architecture_doc():
    missing = [f"{side}/{name}/" for side in ("core", "gui") for name in _packages(side) if f"{side}/{name}/" not in DOC]
    assert not missing, f"docs/architecture.md does not name these packages (add them to the story table): {missing}"


def _story_rows() -> list[list[str]]:
    """The cells of each row of the story table (story | core | gui | cli), header and rule left out."""
    rows = []
    for line in DOC.splitlines():
        if not line.startswith("| ") or "`" not in line:
            continue
        rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    assert len(rows) >= 8, "the story table (story | core | gui | cli) is missing from docs/architecture.md"
    return rows


def _places(cell: str, side: str) -> list[str]:
    return re.findall(rf"`({side}/[\w/.]+)`", cell)


def _folder(place: str) -> str:
    """The folder a place stands in: a module's parent folder, or the folder itself."""
    return str(Path(place).parent) if place.endswith(".py") else place.rstrip("/")


def test_every_place_the_story_table_names_exists():
    named = {m for row in _story_rows() for cell in row[1:] for m in _places(cell, "(?:core|gui|cli)")}
    absent = sorted(n for n in named if not (ROOT / "desktop" / n.rstrip("/")).exists())
    assert not absent, f"docs/architecture.md names places that do not exist: {absent}"


def test_every_module_a_story_names_lies_in_its_folders():
    """A bare name in a row (`merge_rows.py`, `sheets/`) is a module or folder inside one of the row's folders."""
    absent = []
    for row in _story_rows():
        folders = [ROOT / "desktop" / _folder(p) for cell in row[1:3] for p in _places(cell, "(?:core|gui)")]
        for cell in row[1:3]:
            for name in re.findall(r"`([\w]+(?:\.py|/))`", cell):
                if not any(next(f.rglob(name.rstrip("/")), None) for f in folders):
                    absent.append(f"{row[0]}: {name}")
    assert not absent, f"docs/architecture.md names modules its stories' folders do not hold: {absent}"


def test_each_story_keeps_to_one_core_folder_and_one_gui_folder():
    """A newcomer finds a story in one core folder and one gui folder (plus its cli module), never spread wider;
    every core place is under core/, every gui place under gui/."""
    spread = []
    for row in _story_rows():
        story, core, gui = row[0], row[1], row[2]
        if story == "story":
            continue
        for side, cell in (("core", core), ("gui", gui)):
            folders = {_folder(p) for p in _places(cell, "(?:core|gui|cli)")}
            if len(folders) > 1 or any(not f.startswith(side) for f in folders):
                spread.append((story, side, sorted(folders)))
    assert not spread, f"stories spread over more than one folder per side: {spread}"


def test_the_folder_check_sees_a_story_spread_over_two_folders():
    assert _folder("gui/main_window.py") == "gui" != _folder("gui/window/")
    assert _folder("core/review/corrections.py") != _folder("core/storage/corrections.py")
    assert {_folder(p) for p in _places("`core/corrections/` (`records.py`) and `core/corrections/store.py`", "core")} \
        == {"core/corrections"}
