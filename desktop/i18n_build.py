"""Compile the Qt translation catalogs (resources/i18n/*.ts -> .qm) during setup; .qm files are not committed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def _lrelease() -> list[str] | None:
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def build() -> int:
    sources = sorted(I18N_DIR.glob("*.ts"))
    if not sources:
        return 0
    tool = _lrelease()
    if tool is None:
        print("[setup] pyside6-lrelease not found: translations not compiled (the UI falls back to English)")
        return 0
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(build())
