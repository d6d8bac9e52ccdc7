"""Conditional requests: ask with the last ETag / Last-Modified, so an unchanged page costs one
request answered 304 and no download or parse. Discovery pages (feeds, sitemaps, listings) set
`meta["revalidate"] = False` and are always fetched whole."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request
from sqlalchemy.orm import Session, sessionmaker

from aidledger.config import load_settings
from aidledger.storage.db import open_store
from aidledger.storage.pages import conditional_headers


class ConditionalRequestsMiddleware:
    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.sessions: sessionmaker[Session] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestsMiddleware:
        if not crawler.settings.getbool("AIDLEDGER_CONDITIONAL_REQUESTS", True):
            raise NotConfigured("conditional requests switched off")
        return cls(crawler.settings.get("AIDLEDGER_DB_URL") or load_settings().db_url)

    def process_request(self, request: Request) -> Any:
        if not request.meta.get("revalidate", True) or "If-None-Match" in request.headers:
            return None
        if self.sessions is None:
            _, self.sessions = open_store(self.db_url)
        with self.sessions() as s:
            for name, value in conditional_headers(s, request.url).items():
                request.headers[name] = value
        return None
