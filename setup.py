"""Build hook: ship the top-level resources/ and seeds/ folders inside the wheel.

They stay at the top of the repository (translators, reviewers and the docs point there); a wheel carries them as
``desktop/_resources`` and ``desktop/_seeds``, which desktop/core/resources.py looks for first. Everything else is
declared in pyproject.toml. The compiled translations (resources/i18n/*.qm) are committed and shipped with them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = {"resources": "_resources", "seeds": "_seeds"}
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildWithResources(build_py):
    """build_py that also copies resources/ and seeds/ into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's folders directly
        for source, target in SHIPPED.items():
            destination = Path(self.build_lib) / "desktop" / target
            if destination.exists():
                shutil.rmtree(destination)
            shutil.copytree(ROOT / source, destination, ignore=IGNORED)


setup(cmdclass={"build_py": BuildWithResources})
