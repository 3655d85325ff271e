"""The English phrases the core writes into reasons and sources, as templates the GUI translates.

Segmentation stores why a field or a part is in doubt (``documents.metadata_reasons``, ``sections.reason``,
the missing parts' candidates) and where a metadata value was found (``metadata_sources``) as English text
composed from the templates below. :func:`parse` takes such a text apart into (template, parameters) pieces so
that the GUI can show it in the interface language: it translates each template in the context ``Reasons``
(``QT_TRANSLATE_NOOP`` marks them for pyside6-lupdate) and fills the parameters, themselves parsed again (a
source inside a reason). A piece no template matches is handed over as it is (a value quoted from the report).
Keep this list in step with the writers (a test parses what segmentation writes for the seed reports).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

CONTEXT = "Reasons"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a template for pyside6-lupdate (the name it looks for); returns it unchanged."""
    return text


# Whole phrases first, then templates with parameters (a {kind} parameter is a kind of part, e.g. next_plan).
TEMPLATES: tuple[str, ...] = (
    # why a metadata field is in doubt (segmentation/judgement.py, review/verify.py)
    QT_TRANSLATE_NOOP("Reasons", "not found in the text"),
    QT_TRANSLATE_NOOP("Reasons", "found only in a weak source: {source}"),
    QT_TRANSLATE_NOOP("Reasons", "its place was inferred from other mentions in the text"),
    QT_TRANSLATE_NOOP("Reasons", "not found; refused: {refused}"),
    QT_TRANSLATE_NOOP("Reasons", "{value} ({where}: {reason})"),
    QT_TRANSLATE_NOOP("Reasons", "a part heading names another year"),
    QT_TRANSLATE_NOOP("Reasons", "the year or the publication date is uncertain"),
    # an agency name refused or doubted (segmentation/agency.py)
    QT_TRANSLATE_NOOP("Reasons", "repeated word {word}"),
    QT_TRANSLATE_NOOP("Reasons", "sentence word {word} inside the name"),
    QT_TRANSLATE_NOOP("Reasons", "the phrase {phrase} is glued to the name"),
    QT_TRANSLATE_NOOP("Reasons", "a generic name without its place"),
    QT_TRANSLATE_NOOP("Reasons", "the name does not end like an issuing body (人民政府, 局, 委员会, 办公室, 街道办事处…)"),
    QT_TRANSLATE_NOOP("Reasons", "the name lacks its place (a short form the text did not complete)"),
    # why a part is in doubt (segmentation/segment.py, review/verify.py, segmentation/doubts.py)
    QT_TRANSLATE_NOOP("Reasons", "no part headings: the whole text is taken as one part"),
    QT_TRANSLATE_NOOP("Reasons", "a topical heading that names no part: the kind comes from its position and body"),
    QT_TRANSLATE_NOOP("Reasons", "the heading does not name this part clearly"),
    QT_TRANSLATE_NOOP("Reasons", "only a sentence about the leaders' duty, without the words 第一责任人"),
    QT_TRANSLATE_NOOP("Reasons", "a subsection whose heading does not name this part"),
    QT_TRANSLATE_NOOP("Reasons", "only a sentence or an item states this part"),
    QT_TRANSLATE_NOOP("Reasons", "the kind rests on position or body evidence"),
    QT_TRANSLATE_NOOP("Reasons", "no heading, item or sentence states this part"),
    QT_TRANSLATE_NOOP("Reasons", "the text seems cut off, the part may lie beyond its end; {reason}"),
    QT_TRANSLATE_NOOP("Reasons", "{reason}; look here: {candidate}"),
    QT_TRANSLATE_NOOP("Reasons", "a sentence mentions the leaders or their duty"),
    QT_TRANSLATE_NOOP("Reasons", "a sentence names a weakness"),
    QT_TRANSLATE_NOOP("Reasons", "a sentence speaks of future work"),
    # where a metadata value was found (segmentation/metadata.py)
    QT_TRANSLATE_NOOP("Reasons", "title"),
    QT_TRANSLATE_NOOP("Reasons", "text"),
    QT_TRANSLATE_NOOP("Reasons", "signature"),
    QT_TRANSLATE_NOOP("Reasons", "opening sentence"),
    QT_TRANSLATE_NOOP("Reasons", "opening sentence (year clause)"),
    QT_TRANSLATE_NOOP("Reasons", "page header above the title"),
    QT_TRANSLATE_NOOP("Reasons", "clutter source (publisher, may differ from the author)"),
    QT_TRANSLATE_NOOP("Reasons", "{where}, place inferred from the text"),
    QT_TRANSLATE_NOOP("Reasons", "{where}, completed from the text"),
    QT_TRANSLATE_NOOP("Reasons", "page metadata ({label})"),
    QT_TRANSLATE_NOOP("Reasons", "page ({label})"),
    QT_TRANSLATE_NOOP("Reasons", "text line {line}"),
    QT_TRANSLATE_NOOP("Reasons", "text lines {first}-{last}"),
    QT_TRANSLATE_NOOP("Reasons", "start of text line {line}"),
    QT_TRANSLATE_NOOP("Reasons", "first line (a title without 报告)"),
    QT_TRANSLATE_NOOP("Reasons", "date line at the end"),
    QT_TRANSLATE_NOOP("Reasons", "date under the title"),
    QT_TRANSLATE_NOOP("Reasons", "heading ({kind}) minus one"),
    QT_TRANSLATE_NOOP("Reasons", "heading ({kind})"),
    QT_TRANSLATE_NOOP("Reasons", "现将…报告如下 sentence"),
    QT_TRANSLATE_NOOP("Reasons", "document date (year arithmetic)"),
    QT_TRANSLATE_NOOP("Reasons", "publication date (year arithmetic)"),
    QT_TRANSLATE_NOOP("Reasons", "published {date}, deadline {deadline}"),
    QT_TRANSLATE_NOOP("Reasons", "clutter:{clutter}"),
    # the kinds of page clutter a source or a date is read from (segmentation/cleaning.py, metadata.py)
    QT_TRANSLATE_NOOP("Reasons", "source_line"),
    QT_TRANSLATE_NOOP("Reasons", "metadata_table"),
    QT_TRANSLATE_NOOP("Reasons", "portal"),
    QT_TRANSLATE_NOOP("Reasons", "; "),  # between the pieces of a list
)


@dataclass(frozen=True)
class Phrase:
    """A reason or source taken apart: a template of :data:`TEMPLATES` with its parameters, a list of such
    phrases joined by ``; ``, or (``known`` False) text no template matches, shown as it is."""

    template: str
    params: dict[str, Phrase] = field(default_factory=dict)
    known: bool = True
    pieces: tuple[Phrase, ...] = ()

    def render(self, translate: Callable[[str], str], kind_label: Callable[[str], str] = lambda k: k) -> str:
        """The text with each template through ``translate`` and a ``{kind}`` parameter through ``kind_label``."""
        if self.pieces:
            return translate("; ").join(p.render(translate, kind_label) for p in self.pieces)
        if not self.known:
            return self.template
        text = translate(self.template)
        for name, value in self.params.items():
            shown = kind_label(value.template) if name == "kind" else value.render(translate, kind_label)
            text = text.replace("{" + name + "}", shown)
        return text

    def unknown(self) -> list[str]:
        """The pieces no template matched (parameters quoted from the report included)."""
        if self.pieces:
            return [u for p in self.pieces for u in p.unknown()]
        if not self.known:
            return [self.template]
        return [u for name, p in self.params.items() if name != "kind" for u in p.unknown()]


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(regex, re.DOTALL)


_PATTERNS = sorted(((t, _pattern(t)) for t in TEMPLATES if "{" in t), key=lambda tp: "; " not in tp[0])
_WHOLE = {t for t in TEMPLATES if "{" not in t}


def parse(text: str) -> Phrase:
    """The reason or source as templates and parameters; text no template matches comes back unknown."""
    if text in _WHOLE:
        return Phrase(text)
    # Templates that hold "; " themselves come first; then a list joined by "; " (refused values) is split.
    for template, pattern in _PATTERNS:
        if "; " not in template and "; " in text:
            pieces = tuple(parse(p) for p in text.split("; "))
            return Phrase(text, pieces=pieces) if any(p.known for p in pieces) else Phrase(text, known=False)
        m = pattern.fullmatch(text)
        if m:
            return Phrase(template, {k: parse(v) for k, v in m.groupdict().items()})
    return Phrase(text, known=False)
