"""Read saved web pages: keep the report's main text and the page's source/date lines; drop code and chrome.

Nothing remote is ever fetched: only the bytes of the saved file are parsed. The tree is walked without
recursion (any nesting depth), and when the parser gives up on a pathological page (libxml2 stops at a fixed
nesting depth) the text is taken from the markup with its tags stripped instead, so no text is silently lost.
Saved pages in MIME form (.mhtml/.mht) are decoded and their html part is read.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import html as html_lib
import re
from typing import Any

from desktop.core.errors import IngestError
from desktop.core.ingest.txt_reader import decode_text, plausible_chinese

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Dropped with everything inside them.
_DROP_TAGS = ("script", "style", "noscript", "iframe", "svg", "canvas", "nav", "form", "button", "select",
              "input", "textarea", "template", "head", "param", "title")
# Dropped but their content kept: an <object>/<embed> left open by a sloppy page swallows the rest of the report.
_UNWRAP_TAGS = ("object", "embed", "applet")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
               "td", "th", "ul", "ol", "dd", "dt", "blockquote", "pre", "center", "font"}
_CONTENT_HINT = re.compile(r"(content|article|zoom|trs_editor|main|detail|text|zw|body|news_con|con_)", re.I)
_PAGE_META = {
    "pubdate": "发布时间", "publishdate": "发布时间", "firstpublishedtime": "发布时间",
    "contentsource": "来源", "source": "来源", "articletitle": "标题",
}
_META_LINE = re.compile(r"(来源|发布时间|发布日期|日期|索引号|文号|发文机关|成文日期|浏览次数|点击|当前位置|您所在的位置)")
# Encodings a page may declare in <meta charset>: ASCII-compatible text encodings only (a page whose meta tag can be
# read as ASCII is not UTF-16, and codecs such as unicode_escape or rot13 are not page encodings at all).
_PAGE_ENCODINGS = {"utf-8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "euc_jp", "shift_jis", "cp932",
                   "euc_kr", "cp949", "ascii", "latin-1", "iso8859-15", "cp1252", "cp1250", "cp1251"}
_WESTERN = {"latin-1", "iso8859-15", "cp1252", "cp1250", "cp1251"}
_CODE_TAGS = ("script", "style", "head", "noscript", "template")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _declared_encoding(data: bytes) -> str | None:
    """The page's <meta charset>, when it names a real page encoding."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in ("gbk", "gb2312"):
        codec = "gb18030"
    return codec if codec in _PAGE_ENCODINGS or codec == "gb18030" else None


def _decode(path: str, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text of the page: valid UTF-8 with non-ASCII bytes wins over any declaration (pages re-saved as UTF-8 keep
    their old gb2312 meta tag); then the declared charset if it decodes; then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(path, data)
    if not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    name = declared or _declared_encoding(data)
    if name and name not in ("ascii", "utf-8"):
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if name in _WESTERN and not _CJK.search(text):
                # a Chinese page with a Western charset in its template: GBK bytes shown as mojibake (ÄêÓÚ)
                try:
                    chinese = data.decode("gb18030")
                except UnicodeDecodeError:
                    chinese = ""
                if plausible_chinese(chinese):
                    return chinese, "gb18030"
            return text, name
    return decode_text(path, data)


def read_mhtml(path: str, data: bytes) -> tuple[str, str]:
    """The text of a page saved as MHTML: its first text/html part, decoded from its transfer encoding."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                charset = part.get_content_charset()
                try:
                    declared = codecs.lookup(charset).name if charset else None
                except LookupError:
                    declared = None
                if declared in ("gbk", "gb2312"):
                    declared = "gb18030"
                return read_html(path, payload, declared)
    raise IngestError(path, "is a saved web page archive (.mhtml) without an html part",
                      "open it in the browser and save the page as .html")


def looks_like_mhtml(head: bytes) -> bool:
    lowered = head[:2048].lower()
    return b"mime-version:" in lowered and b"multipart/related" in lowered


def _tag(element) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _block_text(element) -> str:
    """Text of an element with block elements on their own lines (iterative: any depth)."""
    parts: list[str] = []
    # stack of (element, entering?); on leaving we emit the block break and the element's tail
    stack: list[tuple[Any, bool]] = [(element, True)]
    while stack:
        node, entering = stack.pop()
        tag = _tag(node)
        if entering:
            if node is not element and tag in _BLOCK_TAGS:
                parts.append("\n")
            if tag and node.text:
                parts.append(node.text.replace("\n", " "))
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(node))
        else:
            if node is not element:
                if tag in _BLOCK_TAGS:
                    parts.append("\n")
                if node.tail:
                    parts.append(node.tail.replace("\n", " "))
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _cjk_count(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


_CODE_OPEN = re.compile(r"<(script|style|head|noscript|template)\b", re.IGNORECASE)


def _without_code_and_comments(html: str) -> str:
    """The markup without code blocks and comments, in one pass (linear in the page's size).

    A code block left open runs to the end of the page, as a browser reads it; an unclosed comment is left to
    the tag stripper. Each search starts where the previous one ended, so a page of thousands of unclosed
    ``<script>`` or ``<!--`` openings costs no more than one pass over it.
    """
    lower = html.lower()
    parts: list[str] = []
    pos = 0
    comments_closed = True
    while pos < len(html):
        code = _CODE_OPEN.search(html, pos)
        comment = lower.find("<!--", pos) if comments_closed else -1
        if code is None and comment < 0:
            break
        if comment >= 0 and (code is None or comment < code.start()):
            end = lower.find("-->", comment + 4)
            if end < 0:  # no comment closes after this one either
                comments_closed = False
                continue
            parts.append(html[pos:comment])
            parts.append(" ")
            pos = end + 3
            continue
        assert code is not None
        close = re.compile(rf"</{code.group(1).lower()}\s*>")
        found = close.search(lower, code.end())
        parts.append(html[pos:code.start()])
        parts.append(" ")
        if found is None:  # left open: runs to the end
            pos = len(html)
            break
        pos = found.end()
    parts.append(html[pos:])
    return "".join(parts)


def _stripped_markup(html: str) -> str:
    """The page's text by stripping tags from the markup: the fallback when the parser lost part of the tree."""
    text = _without_code_and_comments(html)
    block = "|".join(sorted(_BLOCK_TAGS))
    # [^<>]: a stray '<' without its '>' ends at the next tag, instead of every one scanning to the page's end
    text = re.sub(rf"(?i)</?(?:{block})\b[^<>]*>", "\n", text)
    text = re.sub(r"<[^<>]*>", "", text)
    text = html_lib.unescape(text)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def read_html(path: str, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding) of a saved web page: page source/date lines, then the main content."""
    html, encoding = _decode(path, data, declared)
    try:
        from lxml import etree

        parser = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
        # lxml refuses a str that carries an XML encoding declaration (XHTML pages); the text is decoded already
        root = etree.fromstring(_XML_DECLARATION.sub("", html, count=1), parser)
    except Exception as exc:
        raise IngestError(path, "could not be parsed as a web page ({error})",
                          "save the page again from the browser, or copy its text into a .txt file",
                          error=type(exc).__name__) from exc
    stripped = _stripped_markup(html)
    if root is None:
        return stripped, encoding
    frames = [str(f.get("src", "")).strip() for f in root.iter("frame", "iframe") if str(f.get("src", "")).strip()]
    text, encoding = _page_text(root, stripped, encoding)
    if frames and _cjk_count(text) < 100:
        raise IngestError(path, "is a page of frames: the report's text is in another file ({files})",
                          "import that file, from the same saved folder, instead",
                          files=", ".join(f[:80] for f in frames[:5]))
    return text, encoding


def _page_text(root, stripped: str, encoding: str) -> tuple[str, str]:
    """(text, encoding) from the parsed tree (``stripped``: the markup without tags, when the tree lost text)."""
    meta_lines: list[str] = []
    for meta in root.iter("meta"):
        label = _PAGE_META.get(str(meta.get("name", "")).lower())
        content = str(meta.get("content", "")).strip()
        if label and content and label != "标题":
            meta_lines.append(f"{label}:{content}")
    for element in list(root.iter(*_CODE_TAGS)):
        if element.getparent() is not None:
            _drop_tree(element)
    expected = _cjk_count(stripped)
    if expected and _cjk_count("".join(root.itertext())) < expected * 0.9:
        # libxml2 stops at a nesting depth it will not go past: the tree lost text, the markup has it all
        return "\n".join(meta_lines + [stripped]), encoding
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            _drop_tree(element)
    for element in list(root.iter(*_UNWRAP_TAGS)):
        if element.getparent() is not None:
            _drop_tag(element)
    bodies = list(root.iter("body"))
    body = bodies[0] if bodies else root
    best = _best_candidate(body)
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


def _drop_tree(element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = element.getparent()
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _drop_tag(element) -> None:
    """Remove an element's tag, keeping its text and children in place."""
    parent = element.getparent()
    index = parent.index(element)
    previous = element.getprevious()
    if element.text:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.text
        else:
            parent.text = (parent.text or "") + element.text
    children = list(element)
    tail = element.tail
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if tail:
        if children:
            children[-1].tail = (children[-1].tail or "") + tail
        elif index > 0:
            before = parent[index - 1]
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _best_candidate(body):
    """The element most likely to hold the report: most Chinese text, few links, few nested boxes.

    Per-element totals are summed children-first in one pass over the tree (linear in its size, no recursion).
    """
    cjk: dict[object, int] = {}
    links: dict[object, int] = {}
    boxes: dict[object, int] = {}
    elements = [e for e in body.iter() if _tag(e)]
    for element in reversed(elements):  # document order reversed: every child before its parent
        own = _cjk_count(element.text)
        link = 0
        box = 0
        for child in element:
            if not _tag(child):
                continue
            own += cjk[child] + _cjk_count(child.tail)
            link += cjk[child] if child.tag == "a" else links[child]
            box += boxes[child] + (1 if child.tag in ("div", "table") else 0)
        cjk[element], links[element], boxes[element] = own, link, box
    total = cjk.get(body, 0)
    best, best_score = None, 0.0
    for element in elements:
        if element.tag not in ("div", "article", "section", "td", "main"):
            continue
        count = cjk[element]
        if count < max(200, total * 0.3):
            continue
        hint = " ".join([str(element.get("id", "")), str(element.get("class", ""))])
        score = (count - 2 * links[element]) / (1 + 0.15 * boxes[element])
        if _CONTENT_HINT.search(hint):
            score *= 1.5
        if score > best_score:
            best, best_score = element, score
    return best


def _page_title(body) -> str | None:
    from desktop.core.segmentation.patterns import is_title_line

    title_attr = re.compile("title", re.I)
    headings = [e for e in body.iter("h1", "h2", "h3")]
    boxes = [e for e in body.iter() if _tag(e) and title_attr.search(str(e.get("class", "")))]
    boxes += [e for e in body.iter() if _tag(e) and title_attr.search(str(e.get("id", "")))]
    for element in headings + boxes:
        text = re.sub(r"\s+", "", "".join(element.itertext()))
        if is_title_line(text):
            return text
    return None
