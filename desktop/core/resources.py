"""Find the files under the top-level resources/ folder (rubrics, codebook, phrase lists, icons, translations).

In a checkout (or an editable install) they are the repository's resources/ folder; in an installed wheel the
same folder is shipped as the package data ``desktop/_resources``. Every module asks here, none computes paths
from its own ``__file__``.
"""

from __future__ import annotations

from importlib import resources as _importlib_resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


def installed() -> bool:
    """True in an installed copy (wheel, PyInstaller app): resources ship inside the package, read-only by intent."""
    return (Path(str(_importlib_resources.files("desktop"))) / "_resources").is_dir()


def resources_dir() -> Path:
    """The folder holding the resources, for a wheel install or a checkout."""
    if installed():
        return Path(str(_importlib_resources.files("desktop"))) / "_resources"
    return _CHECKOUT / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one resource, e.g. ``resource_path("rubrics", "default.toml")``."""
    return resources_dir().joinpath(*parts)


def seeds_dir() -> Path:
    """The demo corpus (seeds/): shipped as ``desktop/_seeds`` in a wheel, the repository's seeds/ in a checkout."""
    installed = Path(str(_importlib_resources.files("desktop"))) / "_seeds"
    if installed.is_dir():
        return installed
    return _CHECKOUT / "seeds"
