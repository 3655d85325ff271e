"""Set up a virtual environment inside the repository, then start the app or run the tests.

Usage (from the repository root, with only Python 3.11+ installed)::

    python3 -m desktop.bootstrap run     # set up, then start ReviewDesk on the default database
    python3 -m desktop.bootstrap test    # set up, then run the whole test suite

Only the standard library is used here: this module runs before any dependency exists.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".reviewdesk-installed"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _requirements_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> Path:
    """Create .venv and install the project with its test extras when pyproject.toml changed."""
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
        subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"])
        STAMP.write_text(digest)
    subprocess.check_call([str(py), "-m", "desktop.i18n_build"], cwd=ROOT)
    return py


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in {"run", "test", "setup"}:
        print(__doc__)
        return 2
    py = ensure_environment()
    command, rest = args[0], args[1:]
    if command == "setup":
        return 0
    if command == "run":
        return subprocess.call([str(py), "-m", "desktop", *rest], cwd=ROOT)
    return subprocess.call([str(py), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
