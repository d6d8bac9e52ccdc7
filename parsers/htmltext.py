"""Turning bytes of unknown encoding into an lxml tree, and element text into clean strings."""

from __future__ import annotations

import re
import unicodedata

import lxml.html
from bs4 import UnicodeDammit
from lxml import etree

_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True,
                               huge_tree=True)
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u3000]+")
_SKIP = {"script", "style", "noscript", "template"}


def decode(html: str | bytes) -> str:
    """Text of a page: declared charset, BOM, then detection (UnicodeDammit does all three)."""
    if isinstance(html, str):
        return html
    dammit = UnicodeDammit(html, is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return html.decode("utf-8", errors="replace")


def parse_html(html: str | bytes) -> etree._Element | None:
    """An lxml tree with comments removed (stale content hides in comments), or None."""
    text = decode(html).replace("\x00", "")
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str with an encoding decl
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def clean(text: str | None) -> str:
    """NFKC (full-width punctuation to ASCII), tabs and runs of spaces to one space, per line."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).replace("\u200b", "")
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def text_of(el: etree._Element) -> str:
    """Visible text of an element, `<br>` as a newline, whitespace normalised per line."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            return
        if tag == "br":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"):
            parts.append("\n")

    walk(el)
    joined = "".join(parts)
    return clean(joined.replace("\n", "\x00").replace("\x00", "\n"))


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
