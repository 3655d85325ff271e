"""The draft's structure: chapters of blocks (paragraphs, quotes, tables, charts); every sentence knows its sources.

A :class:`Figure` is one stored or computed number as it is shown (its text comes from :mod:`numbers`), with the
words that say where it comes from. A :class:`Sentence` is built from figures and quotes only; its ``sources``
are what the GUI shows on hover. A :class:`Paragraph` has a stable ``key`` (the reviewer's rewrite is stored under
it) and, once the reviewer rewrote it, ``edited`` with the figures that ``changed`` since the rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """A number (or short fact) as the summary shows it, and where it comes from."""

    key: str
    text: str
    source: str


@dataclass(frozen=True)
class Quote:
    """An exact passage of a report (an annotation's quote) and where it is."""

    annotation_id: str
    document_id: str
    agency: str
    year: int | None
    part: str | None        # part kind (achievements, shortcomings, …)
    part_label: str
    paragraph: int | None   # within its part: 0 the heading line, 1 the first paragraph
    position: str           # part and paragraph in words (存在的不足和原因 第2段)
    text: str
    comment: str = ""

    @property
    def where(self) -> str:
        year = f"{self.year}年度" if self.year else ""
        return f"{self.agency}{year}报告，{self.position}"

    @property
    def source(self) -> str:
        return f"批注摘录：{self.where}（批注 {self.annotation_id[:8]}）"


@dataclass(frozen=True)
class Sentence:
    """One drafted sentence and the figures and quotes it rests on."""

    text: str
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def sources(self) -> list[str]:
        out = [f"{f.text}：{f.source}" for f in self.figures]
        return out + [q.source for q in self.quotes]


@dataclass(frozen=True)
class Change:
    """A figure whose shown text differs from what it was when the reviewer rewrote the paragraph."""

    key: str
    before: str
    after: str
    label: str = ""  # what the figure is (its source, in words)


@dataclass
class Paragraph:
    """A drafted paragraph; the reviewer may rewrite it (``edited``), which is kept when the numbers change."""

    key: str
    sentences: list[Sentence]
    edited: str | None = None
    changed: list[Change] = field(default_factory=list)

    @property
    def generated(self) -> str:
        return "".join(s.text for s in self.sentences)

    @property
    def text(self) -> str:
        return self.edited if self.edited is not None else self.generated

    @property
    def flagged(self) -> bool:
        return bool(self.changed)

    def figures(self) -> dict[str, str]:
        """Figure key -> shown text, over the paragraph's sentences (stored with a rewrite)."""
        return {f.key: f.text for s in self.sentences for f in s.figures}


@dataclass(frozen=True)
class QuoteList:
    """Typical quotes of one problem or good practice (picked by the reviewer, else the first ones)."""

    key: str
    tag_id: str
    quotes: tuple[Quote, ...]
    available: int  # tagged annotations there are to pick from
    picked: bool    # True when the reviewer picked them
    candidates: tuple[Quote, ...] = ()  # every tagged passage that can be quoted (exact), corpus order


@dataclass(frozen=True)
class Table:
    """A table: headers and rows of shown text."""

    key: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths


@dataclass(frozen=True)
class Chart:
    """A chart of :mod:`desktop.core.export.sheets.charts` (drawn when a document is written)."""

    key: str
    name: str      # distribution | criteria
    caption: str
    data: object   # a desktop.core.export.sheets.charts.Dashboard


Block = Paragraph | QuoteList | Table | Chart


@dataclass
class Chapter:
    number: str   # 一 … 八
    key: str
    title: str
    blocks: list[Block]

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


@dataclass
class Draft:
    """The whole summary: title block and chapters."""

    title: str
    subtitle: str
    date: str
    scope: str          # '' every report, or year:YYYY (the key edits are stored under)
    chapters: list[Chapter]

    def paragraphs(self) -> list[Paragraph]:
        return [p for c in self.chapters for p in c.paragraphs()]

    def quotes_after(self, key: str) -> QuoteList | None:
        """The quote list that follows the paragraph ``key`` in its chapter (a problem's or the highlights')."""
        for chapter in self.chapters:
            for i, block in enumerate(chapter.blocks):
                if isinstance(block, Paragraph) and block.key == key:
                    following = chapter.blocks[i + 1] if i + 1 < len(chapter.blocks) else None
                    return following if isinstance(following, QuoteList) else None
        return None

    def paragraph(self, key: str) -> Paragraph:
        for p in self.paragraphs():
            if p.key == key:
                return p
        raise KeyError(key)

    @property
    def flagged(self) -> list[Paragraph]:
        return [p for p in self.paragraphs() if p.flagged]
