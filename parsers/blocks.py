"""The country or region block a table or accordion item belongs to.

Pages put the block's name in a heading, a `div.country`, or a panel title before the data;
nesting can be wrong (a block left unclosed swallows the next one), so the name is the nearest
short text *before* the element, never the enclosing container's first line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from aidledger.parsers.headers import is_goods_label
from aidledger.parsers.htmltext import text_of
from aidledger.parsers.lexicon import lookup_place

MAX_BLOCK_CHARS = 160
_SKIP_TAGS = {"script", "style", "hr", "br", "img", "input", "button", "table", "thead",
              "tbody", "tr", "td", "th"}
STATE_WORDS = re.compile(r"^(done|completed?|ongoing|in progress|new)$", re.I)


def _is_data(el: etree._Element) -> bool:
    """Elements that hold donation data themselves (tables, label/value groups), not names."""
    if el.tag == "table" or el.find(".//table") is not None:
        return True
    return any(is_goods_label(t.strip()) for t in el.itertext() if t.strip())


def _name_from(el: etree._Element) -> str | None:
    text = text_of(el)
    if not text or len(text) > MAX_BLOCK_CHARS:
        return None
    lines = [ln for ln in text.split("\n") if not STATE_WORDS.match(ln)]
    if not lines:
        return None
    for line in lines:  # a panel title "Japan / DONE": the line that names a place
        if block_places(line):
            return line
    return " ".join(lines)


def block_name(el: etree._Element, max_depth: int = 6) -> str:
    """Nearest short text before `el` (its preceding siblings, then its ancestors' ones)."""
    node: etree._Element | None = el
    for _ in range(max_depth):
        if node is None:
            break
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str) or sib.tag in _SKIP_TAGS or _is_data(sib):
                continue
            name = _name_from(sib)
            if name:
                return name
        node = node.getparent()
    return ""


@lru_cache(maxsize=4096)
def block_places(block: str | None) -> frozenset[str]:
    """Codes of the places a block names: "Malaysia, Republic of Indonesia" -> {MYS, IDN}."""
    if not block:
        return frozenset()
    whole = lookup_place(block)
    if whole:
        return frozenset({whole.code})
    parts = re.split(r",|;|\n|\band\b|&|/", block)
    return frozenset(p.code for p in map(lookup_place, parts) if p is not None)
