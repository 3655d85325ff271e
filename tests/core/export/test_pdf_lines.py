"""The pdf's paragraphs break into the same lines as reportlab's own CJK line breaking (which measures every
character anew): same lines, same widths left over, same height, for any text and column width."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from desktop.core.export.fonts import cjk_font_name
from desktop.core.export.formats.to_pdf import CJKParagraph, _p, _Styles

CHARS = "法治政府建设年度报告，。、；：“”（）《》！？　 abcXYZ0123456789-=@&<>%…—\t\n😀"


def lines_of(paragraph: Paragraph, width: float) -> tuple:
    height = paragraph.wrap(width, 10_000)[1]
    out = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one fragment: (space left, [text])
            space, parts = line
            out.append((round(space, 9), [str(part) for part in parts]))
        else:  # several fragments (line breaks): reportlab's FragLine
            out.append((round(line.extraSpace, 9), [getattr(w, "text", "") for w in line.words]))
    return height, out


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=CHARS, max_size=300), st.floats(min_value=8, max_value=500),
       st.sampled_from(["body", "cell", "passage", "title", "sign", "small"]))
@example("一二三四五六七八九十" * 3, 40.0, "body")
@example("Hello世界，", 9.0, "cell")
@example("", 100.0, "body")
def test_lines_are_reportlabs(text, width, style_name):
    style = getattr(_Styles(cjk_font_name()), style_name)
    ours = _p(text, style)
    assert isinstance(ours, CJKParagraph)
    theirs = Paragraph(text, style, frags=[f.clone() for f in ours.frags])
    assert type(theirs) is Paragraph
    assert lines_of(ours, width) == lines_of(theirs, width)
