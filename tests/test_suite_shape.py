"""The test suite's own shape: test modules share helpers through helper modules and conftest fixtures, never by
importing another test module (which runs that module's tests' imports and hides where a fixture comes from)."""

from __future__ import annotations

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
