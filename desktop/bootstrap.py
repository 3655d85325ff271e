"""Set up a virtual environment inside the repository, then start the app or run the tests.

Usage (from the repository root, with only Python 3.11+ installed)::

    python3 -m desktop.bootstrap run     # set up, then start ReviewDesk on the default database
    python3 -m desktop.bootstrap test    # set up, then run the whole test suite
    python3 -m desktop.bootstrap setup   # only set up .venv
    python3 -m desktop.bootstrap lock    # rewrite requirements.lock from .venv (after changing dependencies)

The dependencies are installed at the exact versions of requirements.lock (as pip constraints), so every machine
gets the set the tests passed with. Before Qt starts, the system libraries it needs are checked: a missing one is
named with the exact ``sudo apt install …`` line (desktop/syslibs.py), instead of Qt's abort.

Only the standard library is used here: this module runs before any dependency exists.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".reviewdesk-installed"
LOCK = ROOT / "requirements.lock"
EXTRAS = "test,package"  # the test tools and PyInstaller (CI builds the app); `lock` pins exactly these


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _requirements_digest() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    if LOCK.exists():
        digest.update(LOCK.read_bytes())
    return digest.hexdigest()


def _site_packages() -> list[Path]:
    return sorted(VENV.glob("lib/python3*/site-packages")) + [VENV / "Lib" / "site-packages"]


def ensure_environment() -> Path:
    """Create .venv and install the project with its test and package extras (at the locked versions) when
    pyproject.toml or requirements.lock changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs under whatever python3 the machine has
        sys.exit(f"ReviewDesk needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    py = _venv_python()
    if not py.exists():
        print(f"[setup] creating virtual environment in {VENV}", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except Exception as exc:  # ensurepip missing on Debian without python3-venv
            sys.exit(
                f"Could not create a virtual environment in {VENV}: {exc}\n"
                "On Debian/Ubuntu install the venv module first:  sudo apt-get install python3-venv"
            )
    digest = _requirements_digest()
    if not STAMP.exists() or STAMP.read_text().strip() != digest:
        print("[setup] installing ReviewDesk and its dependencies (first run takes a few minutes)", flush=True)
        constraints = ["-c", str(LOCK)] if LOCK.exists() else []
        subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", *constraints, "-e", f"{ROOT}[{EXTRAS}]"])
        STAMP.write_text(digest)
    return py


def write_lock(py: Path) -> int:
    """Resolve the project's dependencies (with the test and package extras) to the versions installed in .venv
    and write them to requirements.lock, one ``name==version`` a line."""
    frozen = subprocess.run([str(py), "-m", "pip", "freeze", "--exclude-editable"], check=True,
                            capture_output=True, text=True).stdout
    pins = [line for line in frozen.splitlines() if "==" in line and not line.startswith("#")]
    with tempfile.TemporaryDirectory() as tmp:
        constraints, report = Path(tmp) / "installed.txt", Path(tmp) / "report.json"
        constraints.write_text("\n".join(pins) + "\n")
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--dry-run", "--ignore-installed",
                        "--report", str(report), "-c", str(constraints), f"{ROOT}[{EXTRAS}]"], check=True)
        chosen = json.loads(report.read_text())["install"]
    lines = [f"{name}=={version}" for name, version in sorted(
        ((item["metadata"]["name"], item["metadata"]["version"]) for item in chosen
         if item["metadata"]["name"].lower() != "reviewdesk"), key=lambda pair: pair[0].lower())]
    LOCK.write_text(
        "# Exact versions for the bootstrap (used as pip constraints): the project's dependencies with the\n"
        f"# [{EXTRAS}] extras, as resolved on Linux x86_64 / Python 3.11.\n"
        "# Regenerate after changing dependencies in pyproject.toml:  python3 -m desktop.bootstrap lock\n"
        + "\n".join(lines) + "\n")
    print(f"[lock] {len(lines)} packages written to {LOCK.name}")
    return 0


def check_system_libraries(purpose: str, env: dict[str, str] | None = None) -> str | None:
    """The message naming the apt packages Qt still needs here, or None (desktop/syslibs.py)."""
    from desktop import syslibs

    pyside = syslibs.pyside_dir(_site_packages())
    return syslibs.check(purpose, pyside=pyside, env=env) if pyside is not None else None


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in {"run", "test", "setup", "lock"}:
        print(__doc__)
        return 2
    py = ensure_environment()
    command, rest = args[0], args[1:]
    if command == "setup":
        return 0
    if command == "lock":
        return write_lock(py)
    if command == "run":
        from desktop import syslibs

        problem = check_system_libraries("start its window") or syslibs.display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 1
        return subprocess.call([str(py), "-m", "desktop", *rest], cwd=ROOT)
    # The tests run offscreen: no X libraries are needed, only those of Qt itself.
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM") or "offscreen"}
    problem = check_system_libraries("run the tests", env)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return subprocess.call([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
