"""Conditional requests: ask with the last ETag / Last-Modified, so an unchanged page costs one
request answered 304 and no download or parse. Discovery pages (feeds, sitemaps, listings) set
`meta["revalidate"] = False` and are always fetched whole.

The validators of a site are read once per crawl, with one query at the first request to its
origin (scheme, host and port): a query per request was a tenth of the crawling process's work
of its own, and that process's CPU is what limits the crawl. A site with more than CACHED stored
pages that carry validators is asked page by page instead (as before), so memory stays bounded.
What this crawl itself stores is not needed here: the crawl asks for each URL once.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request
from sqlalchemy import Connection

from aidledger.config import load_settings
from aidledger.storage.db import open_store
from aidledger.storage.pages import site_validators, validator_headers, validators

log = logging.getLogger(__name__)
ROUND = "aidledger_round"  # meta key of a distributed round (spiders/distributed.py sets it)
CACHED = 200_000  # pages with validators per origin held in memory at most


class ConditionalRequestsMiddleware:
    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.conn: Connection | None = None
        # origin "scheme://host:port/" -> url -> (etag, last-modified); None: ask per page
        self.sites: dict[str, dict[str, tuple[str | None, str | None]] | None] = {}
        # a long-lived distributed worker crawls many rounds: what was stored during one
        # round must be revalidated in the next, so the validators are read again per round
        self.round: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestsMiddleware:
        if not crawler.settings.getbool("AIDLEDGER_CONDITIONAL_REQUESTS", True):
            raise NotConfigured("conditional requests switched off")
        return cls(crawler.settings.get("AIDLEDGER_DB_URL") or load_settings().db_url)

    def process_request(self, request: Request) -> Any:
        if not request.meta.get("revalidate", True) or "If-None-Match" in request.headers:
            return None
        if self.conn is None:
            engine, _ = open_store(self.db_url)
            self.conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        round_id = request.meta.get(ROUND)
        if round_id != self.round:
            self.round, self.sites = round_id, {}
        parts = urlsplit(request.url)
        origin = f"{parts.scheme}://{parts.netloc}/"
        if origin not in self.sites:
            self.sites[origin] = site_validators(self.conn, origin, CACHED)
            if self.sites[origin] is None:
                log.info("%s: over %d stored pages with validators; asking page by page",
                         origin, CACHED)
        site = self.sites[origin]
        if site is None:
            headers = validators(self.conn, request.url)
        else:
            etag, modified = site.get(request.url, (None, None))
            headers = validator_headers(etag, modified)
        for name, value in headers.items():
            request.headers[name] = value
        return None
