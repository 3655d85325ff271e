"""Read saved web pages: keep the report's main text and the page's source/date lines; drop code and chrome.

Nothing remote is ever fetched: only the bytes of the saved file are parsed.
"""

from __future__ import annotations

import re

from desktop.core.errors import IngestError
from desktop.core.ingest.txt_reader import decode_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "iframe", "svg", "canvas", "nav", "form", "button", "select",
              "input", "textarea", "object", "embed", "template", "head")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
               "td", "th", "ul", "ol", "dd", "dt", "blockquote", "pre", "center", "font"}
_CONTENT_HINT = re.compile(r"(content|article|zoom|trs_editor|main|detail|text|zw|body|news_con|con_)", re.I)
_PAGE_META = {
    "pubdate": "发布时间", "publishdate": "发布时间", "firstpublishedtime": "发布时间",
    "contentsource": "来源", "source": "来源", "articletitle": "标题",
}
_META_LINE = re.compile(r"(来源|发布时间|发布日期|日期|索引号|文号|发文机关|成文日期|浏览次数|点击|当前位置|您所在的位置)")


def _decode(path: str, data: bytes) -> tuple[str, str]:
    match = _META_CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii", "ignore").lower()
        if name in ("gb2312", "gbk"):
            name = "gb18030"
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(path, data)


def _block_text(element) -> str:
    """Text of an element with block elements on their own lines."""
    from bs4 import NavigableString, Tag

    parts: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "CData", "ProcessingInstruction"):
                    continue
                parts.append(str(child).replace("\n", " "))
            elif isinstance(child, Tag):
                block = child.name in _BLOCK_TAGS
                if block:
                    parts.append("\n")
                walk(child)
                if block:
                    parts.append("\n")

    walk(element)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def read_html(path: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding) of a saved web page: page source/date lines, then the main content."""
    html, encoding = _decode(path, data)
    try:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
    except Exception as exc:
        raise IngestError(path, "could not be parsed as a web page ({error})",
                          "save the page again from the browser, or copy its text into a .txt file",
                          error=type(exc).__name__) from exc
    meta_lines: list[str] = []
    for meta in soup.find_all("meta"):
        label = _PAGE_META.get(str(meta.get("name", "")).lower())
        content = str(meta.get("content", "")).strip()
        if label and content and label != "标题":
            meta_lines.append(f"{label}:{content}")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    body = soup.body or soup
    total = _cjk_count(body.get_text())
    best, best_score = None, 0.0
    for candidate in body.find_all(["div", "article", "section", "td", "main"]):
        hint = " ".join([str(candidate.get("id", "")), " ".join(candidate.get("class") or [])])
        text = candidate.get_text()
        cjk = _cjk_count(text)
        if cjk < max(200, total * 0.3):
            continue
        links = sum(_cjk_count(a.get_text()) for a in candidate.find_all("a"))
        score = (cjk - 2 * links) / (1 + 0.15 * len(candidate.find_all(["div", "table"])))
        if _CONTENT_HINT.search(hint):
            score *= 1.5
        if score > best_score:
            best, best_score = candidate, score
    if best is None:
        return "\n".join(meta_lines + [_block_text(body)]), encoding
    # Source and date lines usually sit just outside the content box: keep them so metadata can use them
    # (the cleaner later marks them as page clutter, visible on demand).
    outside: list[str] = []
    for line in _block_text(body).split("\n"):
        if _META_LINE.search(line) and len(line) < 200:
            outside.append(line)
    content = _block_text(best)
    header = [line for line in outside if line not in content]
    # The report's title often sits in an <h1> (or a .title box) above the content box.
    title = _page_title(body)
    if title and title not in content:
        header.append(title)
    return "\n".join(meta_lines + header + [content]), encoding


def _page_title(body) -> str | None:
    from desktop.core.segmentation.patterns import is_title_line

    candidates = body.find_all(["h1", "h2", "h3"]) + body.find_all(
        attrs={"class": re.compile("title", re.I)}) + body.find_all(attrs={"id": re.compile("title", re.I)})
    for element in candidates:
        text = re.sub(r"\s+", "", element.get_text())
        if is_title_line(text):
            return text
    return None
