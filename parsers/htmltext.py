"""Turning bytes of unknown encoding into an lxml tree, and element text into clean strings.

Every parser of the project reads cell and paragraph text through `text_of`, so what a cell
"says" is decided once: `<br>` and block boundaries are line breaks, full-width punctuation and
stray tabs are folded away, and nothing inside scripts or comments ever counts as text.
"""

from __future__ import annotations

import re
import unicodedata

from bs4 import UnicodeDammit
from lxml import etree

# Comments hold stale content on real pages (whole sections commented out): drop them at parse.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, recover=True, huge_tree=True,
                           no_network=True)
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u3000]+")
_SKIP = frozenset({"script", "style", "noscript", "template"})
_BLOCK = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
# Declared encodings that do not read ASCII bytes as ASCII (two-byte, escape-shifted, EBCDIC).
_NOT_ASCII_DECLARED = re.compile(
    rb"(?:charset|encoding)\s*=\s*[\"']?\s*(?:utf-?16|utf-?32|ucs|utf-?7|iso-?2022|hz|cp0?37|cp500"
    rb"|cp1140|ibm|ebcdic)", re.I)


def decode(html: str | bytes) -> str:
    """Text of a page: declared charset, BOM, then detection (UnicodeDammit does all three)."""
    if isinstance(html, str):
        return html
    if html.isascii() and b"\x00" not in html and b"\x1b" not in html \
            and not _NOT_ASCII_DECLARED.search(html):
        # what UnicodeDammit would give (detection says ascii; a declared ASCII-compatible
        # charset reads these bytes the same), without running chardet over the page: a tenth
        # of the writer's work per page
        return html.decode("ascii")
    dammit = UnicodeDammit(html, is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return html.decode("utf-8", errors="replace")


def parse_html(html: str | bytes) -> etree._Element | None:
    """An lxml tree with comments removed, or None for an empty or unparsable page."""
    text = _XML_DECL.sub("", decode(html).replace("\x00", ""))  # lxml refuses str + encoding decl
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root if root is not None and isinstance(root.tag, str) else None


def clean(text: str | None) -> str:
    """NFKC (full-width punctuation to ASCII), tabs and runs of spaces to one space, per line."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("\u200b", "")
    text = _SPACES.sub(" ", text)
    if "\n" not in text:
        return text.strip()
    return "\n".join(s for s in (line.strip() for line in text.split("\n")) if s)


def text_of(el: etree._Element) -> str:
    """Visible text of an element, `<br>` and block ends as newlines, whitespace normalised."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag or tag in _SKIP:
        return ""
    if len(el) == 0:  # most table cells and label/value spans: no walk needed
        return "" if tag == "br" else clean(el.text)
    return clean("".join(_texts(el)))


def _texts(el: etree._Element) -> list[str]:
    """Text pieces in document order; iterative, so pathologically deep pages cannot recurse."""
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""  # comments/PIs: only their tail
        if not closing and tag and tag not in _SKIP:
            parts.append("\n" if tag == "br" else node.text or "")
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
            continue
        if closing and tag in _BLOCK:
            parts.append("\n")
        if node is not el and node.tail:
            parts.append(node.tail)
    return parts


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
