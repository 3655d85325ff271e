"""Check, before Qt starts, that the system libraries its platform plugin needs are installed.

PySide6 wheels bundle Qt but not the X11/OpenGL/font libraries of the system. When one is missing, Qt aborts
with "Could not load the Qt platform plugin xcb" and nothing says what to install. This module asks the dynamic
loader (``ldd``) which libraries of Qt's plugin cannot be found (or, without ``ldd``, looks for a known list in
``ldconfig -p``) and names the Debian/Ubuntu packages that provide them, as one ``sudo apt install …`` line.

Only the standard library is used: the bootstrap runs this under the system's python3, before anything is
installed; the app runs it before importing PySide6.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

# Library file (soname) -> the Debian 12 / Ubuntu 24.04 package that provides it. Ubuntu's "t64" packages
# (libglib2.0-0t64, libpng16-16t64) provide the plain names, so apt accepts these names on both.
PACKAGES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libexpat.so.1": "libexpat1",
    "libbrotlidec.so.1": "libbrotli1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

# What Qt needs in any case (QtGui/QtWidgets, also offscreen), and what the xcb (X11) platform adds. Used only
# when ldd is not available to read the real list from the binaries.
CORE_LIBRARIES = ("libGL.so.1", "libEGL.so.1", "libfontconfig.so.1", "libfreetype.so.6", "libxkbcommon.so.0",
                  "libglib-2.0.so.0", "libgthread-2.0.so.0", "libdbus-1.so.3", "libz.so.1")
XCB_LIBRARIES = CORE_LIBRARIES + (
    "libxcb.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-keysyms.so.1",
    "libxcb-randr.so.0", "libxcb-render.so.0", "libxcb-render-util.so.0", "libxcb-shape.so.0", "libxcb-shm.so.0",
    "libxcb-sync.so.1", "libxcb-util.so.1", "libxcb-xfixes.so.0", "libxcb-xkb.so.1", "libX11.so.6",
    "libX11-xcb.so.1", "libxkbcommon-x11.so.0",
)


def pyside_dir(site_packages: Iterable[Path] | None = None) -> Path | None:
    """The installed PySide6 package folder (in the given site-packages folders, else this interpreter's)."""
    if site_packages is not None:
        for folder in site_packages:
            if (folder / "PySide6").is_dir():
                return folder / "PySide6"
        return None
    try:
        spec = importlib.util.find_spec("PySide6")  # finds the package without loading any Qt library
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def qt_binaries(pyside: Path, platform: str) -> list[Path]:
    """The Qt files whose dependencies matter for ``platform`` (QtWidgets and the platform plugin)."""
    found = sorted((pyside / "Qt" / "lib").glob("libQt6Widgets.so*"))[:1]
    plugin = pyside / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    if plugin.is_file():
        found.append(plugin)
    return found


def parse_ldd(output: str) -> list[str]:
    """The library names ``ldd`` reports as "not found", in order, without repeats."""
    missing: list[str] = []
    for line in output.splitlines():
        name, _, where = line.strip().partition("=>")
        if where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def _ldconfig_names() -> set[str] | None:
    tool = shutil.which("ldconfig") or next((p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if Path(p).exists()),
                                            None)
    if tool is None:
        return None
    try:
        out = subprocess.run([tool, "-p"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {line.strip().split(" ", 1)[0] for line in out.splitlines()[1:] if line.strip()}


def missing_libraries(binaries: Sequence[Path], fallback: Sequence[str]) -> list[str]:
    """Libraries the binaries need that the loader cannot find; ``fallback`` is checked when ldd is unavailable."""
    ldd = shutil.which("ldd")
    if ldd and binaries:
        missing: list[str] = []
        for binary in binaries:
            try:
                out = subprocess.run([ldd, str(binary)], capture_output=True, text=True, timeout=30).stdout
            except (OSError, subprocess.SubprocessError):
                continue
            missing += [name for name in parse_ldd(out) if name not in missing]
        return missing
    known = _ldconfig_names()
    if known is None:
        return []  # no way to tell: let Qt try
    return [name for name in fallback if name not in known]


def apt_packages(missing: Iterable[str]) -> tuple[list[str], list[str]]:
    """(packages to install, library names no package is known for)."""
    packages: list[str] = []
    unknown: list[str] = []
    for name in missing:
        package = PACKAGES.get(name)
        if package is None:
            unknown.append(name)
        elif package not in packages:
            packages.append(package)
    return packages, unknown


def platform_to_check(env: Mapping[str, str] | None = None) -> str | None:
    """The Qt platform plugin that will be loaded (``xcb``, ``wayland``, ``offscreen``…), None for other systems."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0].strip()
    if chosen:
        return chosen
    return "wayland" if env.get("WAYLAND_DISPLAY") else "xcb"


def message(missing: Sequence[str], purpose: str) -> str:
    """What to tell the user: which libraries are missing and the exact command that installs them."""
    packages, unknown = apt_packages(missing)
    lines = [f"ReviewDesk cannot {purpose}: Qt needs system libraries that are not installed "
             f"({', '.join(missing)})."]
    if packages:
        lines += ["On Debian or Ubuntu install them with:", "", f"    sudo apt install {' '.join(packages)}", ""]
    if unknown:
        lines.append("Find the package for " + ", ".join(unknown) + " with:  apt-file search " + unknown[0])
    lines.append("Then run the same command again.")
    return "\n".join(lines)


def display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """The message when a window cannot be shown at all (no X11 or Wayland display to connect to), else None."""
    env = os.environ if env is None else env
    platform = platform_to_check(env)
    if platform == "xcb" and not env.get("DISPLAY"):
        return ("ReviewDesk cannot open its window: there is no graphical display (DISPLAY is not set; this looks "
                "like a text console or an SSH session).\nStart it from a desktop session, or over SSH with X "
                "forwarding (ssh -X). Everything else works here on the command line: reviewdesk --help")
    if platform == "wayland" and not env.get("WAYLAND_DISPLAY"):
        return "ReviewDesk cannot open its window: QT_QPA_PLATFORM is wayland but WAYLAND_DISPLAY is not set."
    return None


def check(purpose: str = "start its window", pyside: Path | None = None, env: Mapping[str, str] | None = None
          ) -> str | None:
    """None when Qt can start here (or this cannot be told); otherwise the message naming what to install."""
    env = os.environ if env is None else env
    platform = platform_to_check(env)
    if platform is None:
        return None
    pyside = pyside if pyside is not None else pyside_dir()
    if pyside is None:
        return None
    if platform == "wayland" and not env.get("QT_QPA_PLATFORM"):
        if not missing_libraries(qt_binaries(pyside, "wayland"), CORE_LIBRARIES):
            return None
        platform = "xcb"  # chosen by Qt itself: it falls back to X11 (XWayland) when Wayland cannot load
    fallback = XCB_LIBRARIES if platform == "xcb" else CORE_LIBRARIES
    missing = missing_libraries(qt_binaries(pyside, platform), fallback)
    return message(missing, purpose) if missing else None
