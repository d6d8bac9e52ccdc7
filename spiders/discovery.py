"""Finding article URLs in feeds, sitemaps and listing pages: pure functions, no Scrapy.

Each returns candidates with whatever the index says about them (title, summary, date), so the
keyword filter and the date window can be applied before an article is fetched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urljoin

import feedparser
from lxml import etree

from aidledger.config import Source


@dataclass(frozen=True)
class Candidate:
    url: str
    title: str = ""
    summary: str = ""
    published: datetime | None = None
    updated: datetime | None = None


def _struct_time(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)  # type: ignore[index,misc]
    except (TypeError, ValueError):
        return None


def from_feed(body: bytes, base_url: str) -> list[Candidate]:
    """Entries of an RSS or Atom feed (feedparser copes with both and with broken XML)."""
    feed = feedparser.parse(body)
    out = []
    for e in feed.entries:
        link = e.get("link")
        if not link:
            continue
        out.append(Candidate(
            url=urljoin(base_url, link), title=e.get("title", ""),
            summary=re.sub(r"<[^>]+>", " ", e.get("summary", "")),
            published=_struct_time(e.get("published_parsed")),
            updated=_struct_time(e["updated_parsed"]) if "updated" in e else None,
        ))
    return out


_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
       "news": "http://www.google.com/schemas/sitemap-news/0.9"}


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def from_sitemap(body: bytes) -> tuple[list[Candidate], list[str]]:
    """(article candidates, child sitemaps) of a sitemap, sitemap index or Google News sitemap."""
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                               no_network=True))
    except etree.XMLSyntaxError:
        return [], []
    if root is None:
        return [], []
    children = [t.strip() for t in root.xpath("//sm:sitemap/sm:loc/text()", namespaces=_NS)]
    out = []
    for url in root.xpath("//sm:url", namespaces=_NS):
        loc = url.xpath("string(sm:loc)", namespaces=_NS).strip()
        if not loc:
            continue
        out.append(Candidate(
            url=loc, title=url.xpath("string(news:news/news:title)", namespaces=_NS).strip(),
            summary=url.xpath("string(news:news/news:keywords)", namespaces=_NS),
            published=_when(url.xpath("string(news:news/news:publication_date)",
                                      namespaces=_NS)),
            updated=_when(url.xpath("string(sm:lastmod)", namespaces=_NS)),
        ))
    return out, children


def keep(c: Candidate, source: Source) -> bool:
    """The source's date window and keyword filter, on what the index says before fetching.

    A candidate whose index gives no date, or no text at all, is kept: the filters can only
    rule out what they can read.
    """
    when = c.published or c.updated
    day: date | None = when.date() if when else None
    if day and source.since and day < source.since:
        return False
    if day and source.until and day > source.until:
        return False
    text = f"{c.title} {c.summary}".lower()
    if source.keywords and text.strip():
        return any(k.lower() in text for k in source.keywords)
    return True


def in_domains(url: str, domains: Iterable[str]) -> bool:
    from urllib.parse import urlsplit

    domains = list(domains)
    host = (urlsplit(url).hostname or "").lower()
    return not domains or any(host == d or host.endswith("." + d) for d in domains)
