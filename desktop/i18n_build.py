"""Build the Qt translation catalogs; only the standard library is imported (this runs during setup).

    python -m desktop.i18n_build            # compile resources/i18n/*.ts -> .qm (setup does this; .qm is not committed)
    python -m desktop.i18n_build update     # re-extract the GUI's strings into the .ts files (translations kept)
    python -m desktop.i18n_build check      # list strings that have no translation yet (exit 1 if any)

``update`` also merges the hand-over files ``docs/i18n-*.tsv`` (``context<TAB>source<TAB>translation``, one
line per message; ``#`` comments): their translations win, and their messages are added even where lupdate
cannot see the call (a helper that wraps ``QCoreApplication.translate``). Translate whatever ``check`` lists
(Qt Linguist: ``pyside6-linguist``, or edit the XML) and commit the .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
GUI_DIR = ROOT / "desktop" / "gui"
HANDOVER_GLOB = "docs/i18n-*.tsv"


def _tool(name: str) -> list[str] | None:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return [str(exe)]
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    return [found] if found else None


def _lrelease() -> list[str] | None:
    return _tool("lrelease")


def gui_sources() -> list[Path]:
    """The Python files whose strings the catalogs hold (every module of the GUI package)."""
    return sorted(p for p in GUI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def build(force: bool = False) -> int:
    """Compile each .ts whose .qm is missing or older; 0 on success (or when the tool is missing)."""
    sources = sorted(I18N_DIR.glob("*.ts"))
    if not sources:
        return 0
    tool = _lrelease()
    if tool is None:
        print("[setup] pyside6-lrelease not found: translations not compiled (the UI falls back to English)")
        return 0
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


def update(ts_files: list[Path] | None = None, sources: list[Path] | None = None) -> int:
    """Extract the GUI's translatable strings into the .ts files, keeping existing translations."""
    tool = _tool("lupdate")
    if tool is None:
        print("pyside6-lupdate not found; install the project's dependencies first")
        return 1
    targets = ts_files or sorted(I18N_DIR.glob("*.ts")) or [I18N_DIR / "reviewdesk_zh_CN.ts"]
    files = [str(p) for p in (sources or gui_sources())]
    handover = sorted(ROOT.glob(HANDOVER_GLOB)) if ts_files is None else []
    for ts in targets:
        language = ts.stem.split("_", 1)[1] if "_" in ts.stem else ""
        subprocess.run([*tool, *files, "-ts", str(ts), "-target-language", language, "-locations", "none",
                        "-no-obsolete", "-silent"], check=True)
        if handover and language == "zh_CN":
            merge_handover(ts, handover)
    return 0


def read_handover(paths: list[Path]) -> dict[tuple[str, str], str]:
    """(context, source) -> translation from hand-over TSV files (``\\n`` stands for a line break)."""
    out: dict[tuple[str, str], str] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) != 3 or parts[:2] == ["context", "source"]:
                continue
            context, source, translation = (p.replace("\\n", "\n") for p in parts)
            if translation.strip():
                out[(context, source)] = translation
    return out


def merge_handover(ts: Path, paths: list[Path]) -> int:
    """Put the hand-over translations into a catalog (adding missing messages); the number changed or added."""
    entries = read_handover(paths)
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name", ""): c for c in root.iter("context")}
    changed = 0
    for (context_name, source), text in sorted(entries.items()):
        context = contexts.get(context_name)
        if context is None:
            context = contexts[context_name] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
        message = next((m for m in context.iter("message") if m.findtext("source") == source), None)
        if message is None:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.text != text or translation.get("type"):
            translation.text = text
            translation.attrib.pop("type", None)
            changed += 1
    if changed:
        ET.indent(tree, space="    ")
        body = ET.tostring(root, encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return changed


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message of a catalog that has no finished translation."""
    out: list[tuple[str, str]] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or \
                    not (translation.text or "").strip():
                out.append((name, message.findtext("source", "")))
    return out


def check() -> int:
    missing = [(ts.name, *item) for ts in sorted(I18N_DIR.glob("*.ts")) for item in unfinished(ts)]
    for name, context, source in missing:
        print(f"{name}\t{context}\t{source}")
    return 1 if missing else 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    if command == "build":
        return build()
    if command == "update":
        return update()
    if command == "check":
        return check()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
