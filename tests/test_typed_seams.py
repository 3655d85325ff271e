"""Typed seams in the GUI (issue 21): no attribute or parameter of desktop/gui is declared `Any`, so mypy checks
what the features and the window's parts use of each other. Left to `Any` on purpose: what Qt's item models return
from data()/headerData() (a QVariant), `*args` / `**kwargs` passed through, and what a function passed as
a Callable takes or returns."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[1] / "desktop" / "gui"


def _is_any(node: ast.expr | None) -> bool:
    """`Any` in an annotation, except as what a Callable takes or returns (a pool runs any function)."""
    if node is None:
        return False
    if isinstance(node, ast.Name):
        return node.id == "Any"
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Callable":
        return False
    return any(_is_any(child) for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr))


def test_no_attribute_or_parameter_of_the_gui_is_any():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.AnnAssign) and _is_any(node.annotation):
                found.append(f"{path.relative_to(GUI)}:{node.lineno} {ast.unparse(node.target)}")
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for arg in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
                    if _is_any(arg.annotation):
                        found.append(f"{path.relative_to(GUI)}:{node.lineno} {node.name}({arg.arg})")
    assert found == [], "typed as Any:\n" + "\n".join(found)
