"""The summary as Markdown: headings, paragraphs, quotes and tables; charts are left to the docx and pdf.

Report text is escaped (Markdown and HTML characters), so a quote never becomes a link, a heading or markup.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.summary.model import Chart, Draft, Paragraph, QuoteList, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#+\->=]|\d+[.)])")


def md_escape(text: str, *, line: bool = True) -> str:
    """``text`` with every character Markdown or HTML could read as markup escaped (anywhere: \\ ` * _ [ ] < > | ~ &;
    at the start of a line, unless ``line`` is False (a table cell): # + - > = and list numbers); line breaks
    become spaces."""
    flat = _SPECIAL.sub(r"\\\1", text.replace("\r", "").replace("\n", " "))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat) if line else flat


def render_md(draft: Draft) -> str:
    lines = [f"# {md_escape(draft.title)}", "", md_escape(draft.subtitle), "", md_escape(draft.date), ""]
    for chapter in draft.chapters:
        lines += [f"## {md_escape(chapter.heading)}", ""]
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                lines += [md_escape(line) for line in block.text.split("\n") if line.strip()]
                lines.append("")
            elif isinstance(block, QuoteList):
                for i, q in enumerate(block.quotes, 1):
                    lines.append(f"> {i}\\. “{md_escape(q.text)}”（{md_escape(q.where)}）")
                    lines.append(">")
                if block.quotes:
                    lines.pop()
                lines.append("")
            elif isinstance(block, Table):
                lines += [f"**{md_escape(block.caption)}**", "",
                          "| " + " | ".join(md_escape(h, line=False) for h in block.headers) + " |",
                          "|" + "---|" * len(block.headers)]
                lines += ["| " + " | ".join(md_escape(v, line=False) for v in row) + " |" for row in block.rows]
                lines.append("")
            elif isinstance(block, Chart):
                lines += [f"*{md_escape(block.caption)}：图表见 docx 或 pdf 版本。*", ""]
    return "\n".join(lines)


def write_md(draft: Draft, path: Path, charts: dict[str, bytes]) -> int:
    path.write_text(render_md(draft), encoding="utf-8")
    return len(draft.chapters)
