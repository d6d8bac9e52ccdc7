"""The `news` spider: discover articles in feeds, sitemaps and listing pages, then fetch them.

Discovery pages (feeds, sitemaps, listings) are fetched fresh on every run and never stored as
articles; every article page fetched is stored like any page. Keyword and date filters are applied
to what the feed or sitemap says, before the article is fetched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from aidledger.config import Source
from aidledger.spiders.base import AidledgerSpider
from aidledger.spiders.discovery import Candidate, from_feed, from_sitemap, in_domains, keep
from aidledger.storage.pages import last_fetched

log = logging.getLogger(__name__)


class NewsSpider(AidledgerSpider):
    """`scrapy crawl news -a source=NAME`; default: every news source of the sources file."""

    name = "news"
    source_kind = "news"
    page_kind = "news_article"

    def start_requests_for(self, sources: list[Source]) -> Iterator[Request]:
        for src in sources:
            for feed in src.feeds:
                yield self._index(feed, src, self.parse_feed)
            for sitemap in src.sitemaps:
                yield self._index(sitemap, src, self.parse_sitemap)
            for url in src.start_urls:
                callback = self.parse_listing if src.link_pattern else self.parse
                yield self._index(url, src, callback)

    def _index(self, url: str, src: Source, callback: Any) -> Request:
        return Request(url, callback=callback, errback=self.failed, dont_filter=True,
                       meta={"source": src, "start_url": url, "revalidate": False})

    def _articles(self, candidates: list[Candidate], src: Source) -> Iterator[Request]:
        kept = [c for c in candidates if keep(c, src) and in_domains(c.url, src.allowed_domains)]
        seen = self._last_fetched([c.url for c in kept])
        fresh = [c for c in kept if c.url not in seen or (c.updated and c.updated > seen[c.url])]
        log.info("%s: %d of %d articles pass the filters, %d not fetched before or updated since",
                 src.name, len(kept), len(candidates), len(fresh))
        for c in fresh:
            yield self.request(c.url, src, candidate_title=c.title)

    def _last_fetched(self, urls: list[str]) -> dict[str, Any]:
        """Articles already stored are not fetched again unless their feed says updated."""
        with self.store()() as s:
            return last_fetched(s, urls)

    def parse_feed(self, response: Response, **_: Any) -> Iterator[Request]:
        yield from self._articles(from_feed(response.body, response.url), response.meta["source"])

    def parse_sitemap(self, response: Response, **_: Any) -> Iterator[Request]:
        src = response.meta["source"]
        articles, children = from_sitemap(response.body)
        for child in children:
            yield self._index(child, src, self.parse_sitemap)
        yield from self._articles(articles, src)

    def parse_listing(self, response: Response, **_: Any) -> Iterator[Request]:
        yield from self.follow_links(response)
