"""What every aidledger spider shares: start URLs from the sources file or `-a url=`, the
response turned into a FetchedPage, and errbacks that turn failures into stored records."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import HtmlResponse, Request, Response
from sqlalchemy.orm import Session, sessionmaker
from twisted.python.failure import Failure

from aidledger.config import Source, load_settings
from aidledger.spiders.failures import failure_record
from aidledger.spiders.items import FetchedPage, FetchFailed, NotModified
from aidledger.spiders.links import extract_links
from aidledger.storage.db import open_store
from aidledger.storage.pages import latest_body

log = logging.getLogger(__name__)


class AidledgerSpider(scrapy.Spider):
    source_kind = "program"
    page_kind = "program_page"
    sessions: sessionmaker[Session] | None = None

    def __init__(self, url: str | None = None, source: str | None = None,
                 sources: str | None = None, follow: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cli_urls = [u for u in (url or "").split(",") if u]
        self.follow = follow
        self.source_name = source
        self.sources_path = sources
        self.sources: list[Source] = []

    def _sources(self) -> list[Source]:
        if self.cli_urls:
            hosts = tuple(sorted({urlsplit(u).hostname or "" for u in self.cli_urls}))
            return [Source(name=self.source_name or "urls:" + ",".join(self.cli_urls)[:200],
                           kind=self.source_kind,
                           start_urls=tuple(self.cli_urls), allowed_domains=hosts,
                           link_pattern=self.follow)]
        path = self.sources_path or self.settings.get("AIDLEDGER_SOURCES")
        cfg = load_settings(sources_path=path)
        if self.source_name:
            return [cfg.source(self.source_name)]
        return [s for s in cfg.sources if s.kind == self.source_kind]

    async def start(self) -> AsyncIterator[Any]:
        self.sources = self._sources()
        if not self.sources:
            log.error("nothing to crawl: give -a url=URL or add a %r source to the sources file",
                      self.source_kind)
        for request in self.start_requests_for(self.sources):
            yield request

    def start_requests_for(self, sources: list[Source]) -> Iterator[Request]:
        for src in sources:
            for url in src.start_urls:
                # a start page we follow links from is a listing: always fetched whole
                yield self.request(url, src, revalidate=not src.link_pattern)

    def request(self, url: str, src: Source, **meta: Any) -> Request:
        return Request(url, callback=self.parse, errback=self.failed, dont_filter=False,
                       meta={"source": src, "start_url": url, **meta})

    def page_of(self, response: Response, kind: str | None = None) -> FetchedPage:
        src: Source | None = response.meta.get("source")
        urls = response.meta.get("redirect_urls") or [response.url]
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1")
                   for k, v in response.headers.items()}
        return FetchedPage(
            url=urls[0], body=response.body, fetched_at=datetime.now(UTC),
            status=response.status, final_url=response.url, headers=headers,
            kind=kind or self.page_kind, source=src.name if src else None,
        )

    def follow_links(self, response: Response) -> Iterator[Request]:
        src: Source | None = response.meta.get("source")
        if not src or not src.link_pattern or not hasattr(response, "text"):
            return
        for url in extract_links(response, src.link_pattern):
            if _allowed(url, src.allowed_domains):
                yield self.request(url, src)

    def parse(self, response: Response, **_: Any) -> Iterator[Any]:
        if response.status == 304:
            urls = response.meta.get("redirect_urls") or [response.url]
            src = response.meta.get("source")
            yield NotModified(urls[0], datetime.now(UTC), src.name if src else None)
            yield from self.follow_links(self.stored_response(response, urls[0]))
            return
        yield self.page_of(response)
        yield from self.follow_links(response)

    def store(self) -> sessionmaker[Session]:
        if self.sessions is None:
            _, self.sessions = open_store(self.settings.get("AIDLEDGER_DB_URL")
                                          or load_settings().db_url, migrate=False)
        return self.sessions

    def stored_response(self, response: Response, url: str) -> Response:
        """An unchanged page's links are those of its stored body: following them finds the
        pages a killed crawl never reached and retries those whose fetch failed."""
        src: Source | None = response.meta.get("source")
        if not src or not src.link_pattern:
            return response
        with self.store()() as s:
            body, ctype = latest_body(s, url)
        if body is None:
            return response
        headers = {"Content-Type": ctype} if ctype else {}
        return HtmlResponse(response.url, body=body, headers=headers, request=response.request)

    def failed(self, failure: Failure) -> Iterator[FetchFailed]:
        request = failure.request  # type: ignore[attr-defined]
        url, status, reason = failure_record(failure)
        log.warning("fetch failed, crawl goes on: %s (%s)", url, reason)
        src = request.meta.get("source")
        yield FetchFailed(url=url, at=datetime.now(UTC), reason=reason, status=status,
                          source=src.name if src else None)


def _allowed(url: str, domains: tuple[str, ...]) -> bool:
    """Host in the allowed domains (or a subdomain); LinkExtractor's check misses IP hosts."""
    if not domains:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in (x.lower() for x in domains))
