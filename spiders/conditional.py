"""Conditional requests: ask with the last ETag / Last-Modified, so an unchanged page costs one
request answered 304 and no download or parse. Discovery pages (feeds, sitemaps, listings) set
`meta["revalidate"] = False` and are always fetched whole.

The validators are read per request on one autocommitting connection (Core, no ORM session):
the crawling process's CPU is the crawl's bottleneck, and a session per request cost a sixth
of it."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request
from sqlalchemy import Connection

from aidledger.config import load_settings
from aidledger.storage.db import open_store
from aidledger.storage.pages import validators


class ConditionalRequestsMiddleware:
    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.conn: Connection | None = None

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
        for name, value in validators(self.conn, request.url).items():
            request.headers[name] = value
        return None
