"""Maintain the Qt translation catalog (developer tooling; the app only loads the compiled .qm).

    python -m tools.i18n_build update     # re-extract the strings into resources/i18n/*.ts, then compile the .qm
    python -m tools.i18n_build release    # compile resources/i18n/*.ts -> .qm (both are committed)
    python -m tools.i18n_build check      # exit 1 when a string lupdate finds is untranslated or the .qm is stale
    python -m tools.i18n_build lost REV   # messages translated at git revision REV (.ts + docs/i18n-*.tsv then)
                                          # that the catalog no longer translates (exit 1 if any)

The strings are what ``pyside6-lupdate`` finds in ``desktop/gui`` (``self.tr("…")``, ``QCoreApplication.
translate("Context", "…")``, ``QT_TRANSLATE_NOOP("Context", "…")``) and in the core modules that mark the texts
they hand to the GUI with ``QT_TRANSLATE_NOOP`` (desktop/core/texts.py). The import reasons of desktop/core/ingest
are templates passed to ``IngestError``/``_outcome``/``Unreachable`` (or returned as a (problem, hint) pair);
they are gathered here into a generated
file of ``QT_TRANSLATE_NOOP("Ingest", …)`` lines that lupdate reads with the rest. Translate whatever ``check``
lists (Qt Linguist: ``pyside6-linguist``, or edit the XML), run ``release`` and commit the .ts and the .qm.
"""

from __future__ import annotations

import ast
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
CATALOG = I18N_DIR / "reviewdesk_zh_CN.ts"
GUI_DIR = ROOT / "desktop" / "gui"
CORE_DIR = ROOT / "desktop" / "core"
# The calls of desktop/core/ingest whose 2nd to 4th arguments are reason/hint templates (context "Ingest"); a
# helper's ``return (problem, hint, params)`` holds them too.
_INGEST_CALLS = ("IngestError", "_outcome", "Unreachable")


def _tool(name: str) -> list[str] | None:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return [str(exe)]
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    return [found] if found else None


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def gui_sources() -> list[Path]:
    """Every module of the GUI package."""
    return _python_files(GUI_DIR)


def core_sources() -> list[Path]:
    """The core modules that mark texts for the GUI to translate (``QT_TRANSLATE_NOOP``)."""
    return [p for p in _python_files(CORE_DIR) if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")]


def ingest_templates() -> list[str]:
    """The import reason and hint templates of desktop/core/ingest (a sentence with a space, not a code)."""
    found: set[str] = set()
    for path in _python_files(CORE_DIR / "ingest"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in _INGEST_CALLS:
                texts = node.args[1:4]
            elif isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):  # (problem, hint, params)
                texts = node.value.elts[:2]
            else:
                continue
            found |= {arg.value for arg in texts
                      if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value}
    return sorted(found)


def _generated(folder: Path) -> Path:
    """A Python file that shows lupdate the ingest templates (written into ``folder``)."""
    path = folder / "ingest_templates.py"
    lines = [f"QT_TRANSLATE_NOOP({'Ingest'!r}, {text!r})" for text in ingest_templates()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(ts: Path, sources: list[Path] | None = None) -> None:
    """Run lupdate over the sources into ``ts`` (existing translations kept, vanished messages dropped)."""
    tool = _tool("lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate not found; install the project's dependencies first")
    language = ts.stem.split("_", 1)[1] if "_" in ts.stem else ""
    with tempfile.TemporaryDirectory() as tmp:
        files = sources if sources is not None else [*gui_sources(), *core_sources(), _generated(Path(tmp))]
        subprocess.run([*tool, *map(str, files), "-ts", str(ts), "-target-language", language, "-locations", "none",
                        "-no-obsolete", "-silent"], check=True)


def release(ts: Path, qm: Path | None = None) -> Path:
    """Compile one catalog; the .qm path."""
    tool = _tool("lrelease")
    if tool is None:
        raise RuntimeError("pyside6-lrelease not found; install the project's dependencies first")
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([*tool, "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)
    return qm


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message of a catalog that has no finished translation."""
    out: list[tuple[str, str]] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else [f.text or "" for f in translation.iter("numerusform")]
            text = "".join(forms) if forms else ("" if translation is None else translation.text or "")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or \
                    not text.strip() or any(not f.strip() for f in forms):
                out.append((name, message.findtext("source", "")))
    return out


def messages(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of every finished message (numerus forms joined by a line break)."""
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = "\n".join(forms) if forms else translation.text or ""
            if text.strip():
                out[(name, message.findtext("source", ""))] = text
    return out


def problems(ts: Path = CATALOG) -> list[str]:
    """What ``check`` reports: strings lupdate finds that the catalog lacks or leaves unfinished; a stale .qm."""
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        extract(fresh)
        out += [f"untranslated\t{context}\t{source}" for context, source in unfinished(fresh)]
        if set(messages(fresh)) != set(messages(ts)):
            out.append(f"{ts.name} is not up to date with the sources: run `python -m tools.i18n_build update`")
        compiled = release(ts, Path(tmp) / "fresh.qm")
        shipped = ts.with_suffix(".qm")
        if not shipped.exists() or not filecmp.cmp(compiled, shipped, shallow=False):
            out.append(f"{shipped.name} is not compiled from {ts.name}: run `python -m tools.i18n_build release`")
    return out


def translated_at(revision: str) -> dict[tuple[str, str], str]:
    """(context, source) -> translation at a git revision: its catalog and the hand-kept TSV files it still had."""
    def show(path: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:{path}"], check=True,
                              capture_output=True, text=True).stdout

    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / CATALOG.name
        old.write_text(show(str(CATALOG.relative_to(ROOT))), encoding="utf-8")
        out = messages(old)
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", revision, "docs/"], check=True,
                           capture_output=True, text=True).stdout.split()
    for name in (n for n in names if n.startswith("docs/i18n-") and n.endswith(".tsv")):
        for line in show(name).splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) != 3 or parts[:2] == ["context", "source"] or not parts[2].strip():
                continue
            context, source, text = (p.replace("\\n", "\n") for p in parts)
            out[(context, source)] = text
    return out


def lost(revision: str, ts: Path = CATALOG) -> list[tuple[str, str]]:
    """Messages translated at ``revision`` that ``ts`` does not translate now."""
    now = messages(ts)
    return sorted(key for key in translated_at(revision) if key not in now)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    catalogs = sorted(I18N_DIR.glob("*.ts")) or [CATALOG]
    if command == "update":
        for ts in catalogs:
            extract(ts)
            release(ts)
        return 0
    if command == "release":
        for ts in catalogs:
            release(ts)
        return 0
    if command == "check":
        found = [line for ts in catalogs for line in problems(ts)]
        print("\n".join(found) if found else "catalog complete and compiled")
        return 1 if found else 0
    if command == "lost" and len(argv) == 2:
        before = translated_at(argv[1])
        gone = lost(argv[1])
        print("\n".join(f"lost\t{context}\t{source}" for context, source in gone))
        print(f"{len(before) - len(gone)} of {len(before)} messages translated at {argv[1]} are translated now")
        return 1 if gone else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
