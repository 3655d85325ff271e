"""The package boundaries (import-linter contracts in pyproject.toml) hold and desktop/core type-checks (mypy).

Both tools run as the developer would run them (``make lint``), in a subprocess from the repository root, so
that CI (``python3 -m desktop.bootstrap test``) fails with their own report when a contract or a type breaks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(argv: list[str], timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def _lint_imports() -> str:
    script = Path(sys.executable).with_name("lint-imports")
    found = str(script) if script.exists() else shutil.which("lint-imports")
    assert found, "import-linter is not installed: install the test extras (pip install -e '.[test]')"
    return found


def test_import_contracts_are_kept():
    out = _run([_lint_imports(), "--no-logo"], timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_core_type_checks():
    # The cache lives in .mypy_cache (ignored by git): a re-run checks only what changed, in about a second.
    out = _run([sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".mypy_cache")], timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("Success"), out.stdout


def test_ruff_is_clean():
    script = Path(sys.executable).with_name("ruff")
    found = str(script) if script.exists() else shutil.which("ruff")
    assert found, "ruff is not installed: install the test extras (pip install -e '.[test]')"
    out = _run([found, "check", "desktop", "tests", "bench", "tools"], timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr


def _layers(container: str) -> set[str]:
    """The names a layers contract on ``container`` puts in its layers ("a | b", "a : b" split)."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    found = [c for c in contracts if c.get("type") == "layers" and c.get("containers") == [container]]
    assert found, f"no layers contract on {container} in pyproject.toml"
    return {name.strip() for c in found for layer in c["layers"] for name in re.split(r"[|:]", layer)}


def _children(folder: Path) -> set[str]:
    return {p.stem for p in folder.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def test_every_module_of_core_and_gui_is_in_a_layer():
    """A module in no layer is in no contract: it could import anything, and anything could import it."""
    for side in ("core", "gui"):
        missing = _children(ROOT / "desktop" / side) - _layers(f"desktop.{side}")
        assert not missing, f"put these in a layer of the desktop.{side} layers contract (pyproject.toml): {missing}"
