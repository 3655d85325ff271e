"""The fresh-machine path: the bootstrap's system-library check, the lock file and the project metadata."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from desktop import bootstrap, syslibs
from tests.conftest import ROOT

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f2d)
\tlibxcb-icccm.so.4 => not found
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f2d)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibfoo-unknown.so.3 => not found
"""


def test_ldd_output_gives_the_missing_libraries_once_in_order():
    assert syslibs.parse_ldd(LDD_MISSING) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfoo-unknown.so.3"]
    assert syslibs.parse_ldd("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_message_names_the_exact_apt_line_and_what_is_unknown():
    text = syslibs.message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libgthread-2.0.so.0",
                            "libglib-2.0.so.0", "libfoo-unknown.so.3"], "start its window")
    assert "    sudo apt install libxcb-icccm4 libxcb-keysyms1 libglib2.0-0\n" in text
    assert "apt-file search libfoo-unknown.so.3" in text
    assert "libxcb-icccm.so.4" in text  # the library itself is named too


def fake_pyside(tmp_path: Path) -> Path:
    pyside = tmp_path / "site-packages" / "PySide6"
    for rel in ("Qt/lib/libQt6Widgets.so.6", "Qt/plugins/platforms/libqxcb.so",
                "Qt/plugins/platforms/libqoffscreen.so", "Qt/plugins/platforms/libqwayland.so"):
        (pyside / rel).parent.mkdir(parents=True, exist_ok=True)
        (pyside / rel).write_bytes(b"\x7fELF")
    return pyside


@pytest.fixture
def fake_ldd(monkeypatch):
    """ldd answers from a table: binary file name -> the libraries it reports as not found."""
    table: dict[str, list[str]] = {}

    def run(cmd, **kwargs):
        missing = table.get(Path(cmd[-1]).name, [])
        return subprocess.CompletedProcess(cmd, 0, "".join(f"\t{m} => not found\n" for m in missing), "")

    monkeypatch.setattr(syslibs.shutil, "which", lambda name: "/usr/bin/ldd" if name == "ldd" else None)
    monkeypatch.setattr(syslibs.subprocess, "run", run)
    monkeypatch.setattr(syslibs.sys, "platform", "linux")
    return table


def test_check_reads_the_platform_plugin_and_qt_itself(tmp_path, fake_ldd):
    pyside = fake_pyside(tmp_path)
    fake_ldd["libqxcb.so"] = ["libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]
    fake_ldd["libQt6Widgets.so.6"] = ["libEGL.so.1"]
    text = syslibs.check(pyside=pyside, env={"DISPLAY": ":0"})
    assert "sudo apt install libegl1 libxcb-icccm4 libxkbcommon-x11-0" in text
    # offscreen (the tests) needs only Qt's own libraries, not the X ones
    text = syslibs.check("run the tests", pyside=pyside, env={"QT_QPA_PLATFORM": "offscreen"})
    assert "sudo apt install libegl1\n" in text and "xcb" not in text
    fake_ldd["libQt6Widgets.so.6"] = []
    assert syslibs.check(pyside=pyside, env={"QT_QPA_PLATFORM": "offscreen"}) is None


def test_wayland_session_falls_back_to_xcb_only_when_qt_would(tmp_path, fake_ldd):
    pyside = fake_pyside(tmp_path)
    fake_ldd["libqxcb.so"] = ["libxcb-keysyms.so.1"]
    assert syslibs.check(pyside=pyside, env={"WAYLAND_DISPLAY": "wayland-0"}) is None  # wayland plugin loads
    fake_ldd["libqwayland.so"] = ["libwayland-cursor.so.0"]
    assert "libxcb-keysyms1" in syslibs.check(pyside=pyside, env={"WAYLAND_DISPLAY": "wayland-0"})
    forced = syslibs.check(pyside=pyside, env={"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"})
    assert "libwayland-cursor0" in forced and "xcb" not in forced


def test_without_ldd_the_known_list_is_checked_against_ldconfig(tmp_path, monkeypatch):
    monkeypatch.setattr(syslibs.sys, "platform", "linux")
    monkeypatch.setattr(syslibs.shutil, "which", lambda name: "/sbin/ldconfig" if name == "ldconfig" else None)
    present = [n for n in syslibs.XCB_LIBRARIES if n not in ("libxcb-cursor.so.0", "libxcb-sync.so.1")]
    listing = "123 libs found in cache\n" + "".join(f"\t{n} (libc6,x86-64) => /lib/{n}\n" for n in present)
    monkeypatch.setattr(syslibs.subprocess, "run",
                        lambda cmd, **kw: subprocess.CompletedProcess(cmd, 0, listing, ""))
    text = syslibs.check(pyside=fake_pyside(tmp_path), env={})
    assert "sudo apt install libxcb-cursor0 libxcb-sync1\n" in text


def test_other_systems_and_a_missing_pyside_are_not_blocked(tmp_path, monkeypatch):
    monkeypatch.setattr(syslibs.sys, "platform", "darwin")
    assert syslibs.check(pyside=fake_pyside(tmp_path), env={}) is None
    monkeypatch.setattr(syslibs.sys, "platform", "linux")
    assert syslibs.pyside_dir([tmp_path / "nowhere"]) is None


def test_run_prints_the_apt_line_instead_of_starting_qt(monkeypatch, capsys, tmp_path):
    started = []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(bootstrap, "ensure_environment", lambda: tmp_path / "python")
    monkeypatch.setattr(bootstrap.subprocess, "call", lambda *a, **k: started.append(a) or 0)
    monkeypatch.setattr(bootstrap, "check_system_libraries",
                        lambda purpose, env=None: syslibs.message(["libxcb-icccm.so.4"], purpose))
    assert bootstrap.main(["run"]) == 1
    assert started == []
    assert "sudo apt install libxcb-icccm4" in capsys.readouterr().err
    monkeypatch.setattr(bootstrap, "check_system_libraries", lambda purpose, env=None: None)
    assert bootstrap.main(["run", "--db", "x.sqlite3"]) == 0
    assert started[-1][0][-3:] == ["desktop", "--db", "x.sqlite3"]


def test_test_command_runs_offscreen(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(bootstrap, "ensure_environment", lambda: tmp_path / "python")
    monkeypatch.setattr(bootstrap, "check_system_libraries", lambda purpose, env=None: seen.update(check=env) or None)
    monkeypatch.setattr(bootstrap.subprocess, "call", lambda cmd, **kw: seen.update(cmd=cmd, env=kw["env"]) or 0)
    assert bootstrap.main(["test", "-q"]) == 0
    assert seen["env"]["QT_QPA_PLATFORM"] == "offscreen" == seen["check"]["QT_QPA_PLATFORM"]
    assert seen["cmd"][-2:] == ["pytest", "-q"]


def locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version and re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), line
            pins[canonicalize_name(name)] = version
    return pins


def test_lock_pins_every_dependency_within_its_range():
    """requirements.lock must follow pyproject.toml: run `python3 -m desktop.bootstrap lock` after changing it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = locked()
    wanted = list(project["dependencies"])
    for extra in bootstrap.EXTRAS.split(","):
        wanted += project["optional-dependencies"][extra]
    for text in wanted:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock: run python3 -m desktop.bootstrap lock"
        assert req.specifier.contains(pins[name], prereleases=True), (text, pins[name])


def test_project_metadata_licence_and_the_pyside_pin():
    text = (ROOT / "pyproject.toml").read_text()
    data = tomllib.loads(text)
    assert data["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    requires = [Requirement(r) for r in data["build-system"]["requires"]]
    assert any(r.name == "setuptools" and not r.specifier.contains("76.9") for r in requires)  # PEP 639 string
    pyside = next(Requirement(r) for r in data["project"]["dependencies"] if r.startswith("PySide6"))
    assert not pyside.specifier.contains("6.12.0") and pyside.specifier.contains("6.12.1")
    assert pyside.specifier.contains(locked()["pyside6-essentials"])
    pin_line = next(line for line in text.splitlines() if line.strip().startswith('"PySide6'))
    comment = text[: text.index(pin_line)].splitlines()[-2:]
    assert any("6.12.0" in line and line.strip().startswith("#") for line in comment)  # the reason, next to it
    assert not any("paperang" in d for d in data["project"]["dependencies"])


def test_bootstrap_installs_at_the_locked_versions(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(bootstrap, "VENV", tmp_path / "venv")
    monkeypatch.setattr(bootstrap, "STAMP", tmp_path / "venv" / "stamp")
    (tmp_path / "venv" / "bin").mkdir(parents=True)
    (tmp_path / "venv" / "bin" / "python").write_text("")
    monkeypatch.setattr(bootstrap.subprocess, "check_call", lambda cmd, **kw: calls.append(cmd) or 0)
    bootstrap.ensure_environment()
    install = next(c for c in calls if "install" in c)
    assert install[install.index("-c") + 1] == str(ROOT / "requirements.lock")
    assert install[-1] == f"{ROOT}[test,package]"
    assert (tmp_path / "venv" / "stamp").read_text() == bootstrap._requirements_digest()


def test_no_display_is_said_plainly_before_qt_aborts(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(syslibs.sys, "platform", "linux")
    assert "DISPLAY is not set" in syslibs.display_problem({})
    assert syslibs.display_problem({"DISPLAY": ":0"}) is None
    assert syslibs.display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert syslibs.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert "WAYLAND_DISPLAY" in syslibs.display_problem({"QT_QPA_PLATFORM": "wayland"})
    # the bootstrap's run and the app's gui command both say it instead of starting Qt
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    started = []
    monkeypatch.setattr(bootstrap, "ensure_environment", lambda: tmp_path / "python")
    monkeypatch.setattr(bootstrap, "check_system_libraries", lambda purpose, env=None: None)
    monkeypatch.setattr(bootstrap.subprocess, "call", lambda *a, **k: started.append(a) or 0)
    assert bootstrap.main(["run"]) == 1 and started == []
    assert "no graphical display" in capsys.readouterr().err
    from desktop.cli import main

    monkeypatch.setattr(syslibs, "check", lambda *a, **k: None)
    assert main(["gui", "--db", str(tmp_path / "x.sqlite3")]) == 1
    assert "reviewdesk --help" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()
