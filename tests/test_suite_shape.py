"""The test suite's own shape: test modules share helpers through helper modules and conftest fixtures, never by
importing another test module (which runs that module's tests' imports and hides where a fixture comes from)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROM_TEST_MODULE = re.compile(r"^\s*(from|import)\s+tests(\.\w+)*\.test_\w+", re.M)


def test_no_test_module_imports_another():
    offenders = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").rglob("*.py")
                       if FROM_TEST_MODULE.search(p.read_text(encoding="utf-8")))
    assert not offenders, f"move the shared helper into a helper module or a conftest fixture: {offenders}"


def test_the_check_sees_such_an_import():
    assert FROM_TEST_MODULE.search("from tests.gui.test_layout import make_window\n")
    assert not FROM_TEST_MODULE.search("from tests.gui.windows import make_window\n")


def fixture_definitions(files: dict[str, str]) -> dict[str, list[str]]:
    """Fixture name -> the files (conftest or test module) that define it at their top level."""
    found: dict[str, list[str]] = {}
    for name, text in files.items():
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(
                    "fixture" in ast.unparse(d) for d in node.decorator_list):
                found.setdefault(node.name, []).append(name)
    return found


# Fixture names a conftest or module deliberately defines again to override the outer one for the tests below it
# (pytest's override: the inner definition wins there), with the reason. None today: a fixture that only shares a
# name (two different databases both called `lead`) is renamed to say what it holds instead.
OVERRIDES: dict[str, str] = {}


def test_each_fixture_is_defined_once():
    """A fixture (a window, its settings, a database of a given shape) lives in one place under tests/: copies in
    several modules drift apart, a module's copy silently shadows the conftest's, and two different fixtures of the
    same name (`corpus`, `lead`) make a reader guess which one a test gets."""
    files = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests").rglob("*.py"))}
    twice = {name: where for name, where in fixture_definitions(files).items()
             if len(where) > 1 and name not in OVERRIDES}
    assert not twice, ("define a shared fixture once (tests/conftest.py, or the conftest of the folder that uses "
                       f"it); give a module's own fixture a name of its own: {twice}")


def test_the_fixture_check_sees_a_copy():
    copy = "import pytest\n\n\n@pytest.fixture\ndef window(qtbot):\n    return 1\n"
    other = "@pytest.fixture(autouse=True)\ndef _setup(window):\n    pass\n"
    assert fixture_definitions({"a.py": copy, "b.py": copy, "c.py": other}) == {
        "window": ["a.py", "b.py"], "_setup": ["c.py"]}
