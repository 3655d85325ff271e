"""Installed, not checked out: the wheel in a fresh virtual environment and the PyInstaller app, run from outside
the repository (segment, import, export, the bundled resources and font).

Both work offline: the wheel is built without build isolation (setuptools comes from the test environment) and the
fresh environment borrows the already installed dependencies through a .pth line (its own site-packages, holding
only the new install, comes first).

The PyInstaller app takes about 1–2.5 minutes to build on 2 cores, so it is built here (into a temporary folder,
once per session) only when ``REVIEWDESK_BUILD_APP=1`` — set by ``.ci/run``, so CI always builds and runs it — or
tested as already built with ``REVIEWDESK_FROZEN_APP=dist/reviewdesk/reviewdesk`` (after ``make package``);
otherwise it is skipped, which keeps the engineers' local full runs short.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

# builds (PyInstaller up to 900 s, pip installs) run inside fixtures, counted in the test's time: beyond the default
pytestmark = [pytest.mark.packaging, pytest.mark.timeout(2400)]

SOURCES = ["desktop", "resources", "seeds", "pyproject.toml", "setup.py", "MANIFEST.in", "LICENSE", "README.md",
           "requirements.lock"]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a user outside the repository: no PYTHONPATH, a fresh home, offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen")
    return env


def copy_sources(target: Path) -> Path:
    """A copy of what a source release holds, so the build never writes into the checkout."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORE)
        else:
            shutil.copy2(source, target / name)
    return target


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 240) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, (cmd, done.stdout[-2000:], done.stderr[-4000:])
    return done


def exercise(reviewdesk: list[str], work: Path, env: dict[str, str]) -> None:
    """segment, import, list, export pdf/xlsx with an installed ``reviewdesk`` from a folder outside the repo."""
    seed = work / "report.txt"
    shutil.copy(next(SEEDS.glob("003_*.txt")), seed)
    version = run([*reviewdesk, "--version"], work, env)
    assert version.stdout.strip().startswith("reviewdesk ")
    segmented = json.loads(run([*reviewdesk, "segment", str(seed), "--json"], work, env).stdout)
    checkout = json.loads(run([sys.executable, "-m", "desktop", "segment", str(seed), "--json"], ROOT, env).stdout)
    assert segmented == checkout and len(segmented["sections"]) > 3  # the same result as the checkout
    db = work / "review.sqlite3"
    imported = run([*reviewdesk, "import", str(work / "report.txt"), "--db", str(db)], work, env)
    assert imported.stdout.startswith("imported\t")
    listed = run([*reviewdesk, "list", "--db", str(db), "--json"], work, env)
    assert len(json.loads(listed.stdout)) == 1
    pdf, xlsx = work / "sheet.pdf", work / "sheet.xlsx"
    run([*reviewdesk, "export", "--format", "pdf", "--out", str(pdf), "--db", str(db)], work, env)
    run([*reviewdesk, "export", "--format", "xlsx", "--out", str(xlsx), "--db", str(db)], work, env)
    assert pdf.stat().st_size > 0 and zipfile.is_zipfile(xlsx)
    assert b"WenQuanYi" in pdf.read_bytes()  # the bundled font, found in the install and embedded


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory) -> Path:
    src = copy_sources(tmp_path_factory.mktemp("src"))
    out = tmp_path_factory.mktemp("wheelhouse")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(out), str(src)], src, clean_env(src))
    wheels = list(out.glob("reviewdesk-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_ships_resources_seeds_font_and_licences(built_wheel):
    names = set(zipfile.ZipFile(built_wheel).namelist())
    for rel in ("rubrics/default.toml", "codebook.toml", "phrases/formulaic.txt", "i18n/reviewdesk_zh_CN.ts",
                "icons/org.reviewdesk.ReviewDesk.svg", "fonts/wqy-microhei.ttc", "fonts/wqy-microhei.COPYRIGHT"):
        assert f"desktop/_resources/{rel}" in names, rel
    if (ROOT / "resources" / "i18n" / "reviewdesk_zh_CN.qm").exists():  # compiled by the bootstrap
        assert "desktop/_resources/i18n/reviewdesk_zh_CN.qm" in names
    assert {f"desktop/_seeds/{p.name}" for p in SEEDS.glob("*.txt")} <= names
    meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
    metadata = zipfile.ZipFile(built_wheel).read(meta).decode()
    assert "License-Expression: MIT" in metadata and "paperang" not in metadata
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_wheel_installs_into_a_fresh_venv_and_runs_outside_the_repository(built_wheel, tmp_path):
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                    tmp_path, clean_env(tmp_path)).stdout.strip())
    # The dependencies already installed for the tests, after the venv's own site-packages (offline and fast).
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", "--no-index",
         str(built_wheel)], tmp_path, clean_env(tmp_path))
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = clean_env(tmp_path / "home")
    where = run([str(python), "-c", "import desktop, desktop.core.resources as r; print(desktop.__file__); "
                 "print(r.resources_dir()); print(r.seeds_dir())"], work, env).stdout.split()
    assert all(Path(p).is_relative_to(target) for p in where), where  # the installed copy, not the checkout
    assert where[1].endswith("desktop/_resources") and where[2].endswith("desktop/_seeds")
    exercise([str(target / "bin" / "reviewdesk")], work, env)
    if (ROOT / "resources" / "i18n" / "reviewdesk_zh_CN.qm").exists():  # compiled in the checkout, so shipped
        chinese = run([str(python), "-c", CHINESE_CHECK], work, env).stdout.split()
        assert chinese == ["True", "复制详细信息(&C)"], chinese


# The installed copy's own compiled catalog turns the interface Chinese (no rebuild, no checkout).
CHINESE_CHECK = """
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.gui import i18n
print(i18n.set_language("zh_CN"), QCoreApplication.translate("dialogs", "&Copy Details"))
"""



@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory) -> Path:
    """The one-folder app: the one named by REVIEWDESK_FROZEN_APP, or built here when REVIEWDESK_BUILD_APP=1."""
    if os.environ.get("REVIEWDESK_FROZEN_APP"):
        return Path(os.environ["REVIEWDESK_FROZEN_APP"]).resolve()
    if os.environ.get("REVIEWDESK_BUILD_APP") != "1":
        pytest.skip("set REVIEWDESK_BUILD_APP=1 to build the PyInstaller app here (.ci/run does), or "
                    "REVIEWDESK_FROZEN_APP=dist/reviewdesk/reviewdesk after make package")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("REVIEWDESK_BUILD_APP=1 but PyInstaller is not installed: pip install -e '.[package]'")
    src = copy_sources(tmp_path_factory.mktemp("frozen-src"))
    shutil.copytree(ROOT / "packaging", src / "packaging", ignore=IGNORE)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(src / "dist"),
         "--workpath", str(src / "build"), str(src / "packaging" / "reviewdesk.spec")], src, clean_env(src),
        timeout=900)
    return src / "dist" / "reviewdesk" / "reviewdesk"


def test_pyinstaller_app_runs_headless(frozen_app, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    exercise([str(frozen_app)], work, clean_env(tmp_path / "home"))


def test_pyinstaller_app_starts_its_window_offscreen_and_seeds_the_demo_corpus(frozen_app, tmp_path):
    """The frozen GUI: Qt's plugins, the fonts and the seeds are in the bundle, and the seeding worker runs."""
    import sqlite3
    import time

    env = clean_env(tmp_path / "home")
    db = tmp_path / "gui.sqlite3"
    app = subprocess.Popen([str(frozen_app), "gui", "--db", str(db)], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, count = time.monotonic() + 90, 0
        while time.monotonic() < deadline and app.poll() is None:
            time.sleep(0.5)
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                continue  # not created or still migrating
            if count == 5:
                break
        assert app.poll() is None, app.communicate()[0][-3000:]  # still running: no abort, no traceback
        assert count == 5
    finally:
        app.terminate()
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def test_install_script_puts_app_launcher_icon_and_metainfo_under_the_prefix(tmp_path):
    dist = tmp_path / "dist" / "reviewdesk"
    dist.mkdir(parents=True)
    (dist / "reviewdesk").write_text("#!/bin/sh\necho reviewdesk 0.1.0\n")
    (dist / "reviewdesk").chmod(0o755)
    (dist / "_internal").mkdir()
    prefix = tmp_path / "prefix"
    env = {**clean_env(tmp_path / "home"), "PREFIX": str(prefix), "DIST": str(dist)}
    script = str(ROOT / "packaging" / "install.sh")
    run(["sh", script], tmp_path, env)
    app_id = "org.reviewdesk.ReviewDesk"
    desktop = prefix / "share" / "applications" / f"{app_id}.desktop"
    assert f"Exec={prefix}/lib/reviewdesk/reviewdesk gui" in desktop.read_text().splitlines()
    assert (prefix / "share" / "metainfo" / f"{app_id}.metainfo.xml").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg").is_file()
    assert (prefix / "lib" / "reviewdesk" / "_internal").is_dir()
    assert run([str(prefix / "bin" / "reviewdesk")], tmp_path, env).stdout.strip() == "reviewdesk 0.1.0"
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", str(desktop)], tmp_path, env)
    run(["sh", script, "--uninstall"], tmp_path, env)
    assert not desktop.exists() and not (prefix / "lib" / "reviewdesk").exists() and not (prefix / "bin" /
                                                                                           "reviewdesk").exists()


def test_install_script_says_to_build_first(tmp_path):
    env = {**clean_env(tmp_path), "PREFIX": str(tmp_path / "p"), "DIST": str(tmp_path / "none")}
    done = subprocess.run(["sh", str(ROOT / "packaging" / "install.sh")], env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "make package" in done.stderr
