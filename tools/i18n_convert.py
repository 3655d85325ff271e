"""One-off mechanical conversion: the GUI's private ``_tr()`` helpers become ``QCoreApplication.translate`` calls.

    python -m tools.i18n_convert [FILES...]     # default: every module of desktop/gui that defines _tr

Each module's ``def _tr(text): return QCoreApplication.translate("Context", text)`` is removed and every
``_tr(`` call in that module becomes ``QCoreApplication.translate("Context", `` with the same context, so the
behaviour is unchanged while ``pyside6-lupdate`` now sees every literal. Run once; kept for the record and for
branches that still carry ``_tr`` (re-running on converted files changes nothing). lupdate does not look
inside f-strings: a call the script leaves in one (single-quoted) must be moved out by hand.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI_DIR = ROOT / "desktop" / "gui"

_DEF = re.compile(
    r'^def _tr\(text: str\) -> str:\n    return QCoreApplication\.translate\("(?P<context>[^"]+)", text\)\n\n\n',
    re.MULTILINE,
)
_CALL = re.compile(r"(?<![\w.])_tr\(")


def convert_source(source: str) -> tuple[str, int]:
    """The module's text with ``_tr`` inlined, and the number of calls rewritten (0: nothing to do)."""
    match = _DEF.search(source)
    if match is None:
        return source, 0
    context = match.group("context")
    body = source[: match.start()] + source[match.end():]
    # Inside an f-string the call's text is single-quoted; its context then must be too (Python 3.11).
    body, count = _CALL.subn(
        lambda m: f"QCoreApplication.translate('{context}', " if body[m.end():m.end() + 1] == "'"
        else f'QCoreApplication.translate("{context}", ', body)
    return body, count


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(p for p in GUI_DIR.rglob("*.py") if "def _tr(" in p.read_text("utf-8"))
    for path in files:
        text, count = convert_source(path.read_text(encoding="utf-8"))
        if count:
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {count} calls")
        elif "_tr(" in text:
            print(f"{path.relative_to(ROOT)}: _tr left (helper not in the expected shape)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
