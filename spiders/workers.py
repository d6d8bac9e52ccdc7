"""Crawling on the shared frontier (`aidledger enqueue`, `worker`, `crawl --distributed`).

The Redis side is in spiders/distributed.py; this module turns configuration into start requests
for a round and runs worker processes with the project's settings (spiders/runner.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import redis
from scrapy.crawler import CrawlerProcess
from scrapy.http import Request

from aidledger.config import Settings, Source
from aidledger.errors import ConfigError
from aidledger.spiders import distributed
from aidledger.spiders.base import AidledgerSpider
from aidledger.spiders.news import NewsSpider
from aidledger.spiders.program import ProgramSpider
from aidledger.spiders.runner import CrawlSummary, _summary, scrapy_settings

SPIDERS: dict[str, type[AidledgerSpider]] = {"program": ProgramSpider, "news": NewsSpider}


def _redis(cfg: Settings) -> str:
    """The frontier's URL, once Redis has answered (one clear line, not a traceback, if not)."""
    if not cfg.redis_url:
        raise ConfigError("no Redis configured: set AIDLEDGER_REDIS_URL (e.g. "
                          "redis://127.0.0.1:6379/0) to use the shared frontier")
    try:
        distributed.client(cfg.redis_url).ping()
    except redis.RedisError as exc:
        raise ConfigError(f"cannot reach Redis at {cfg.redis_url} (AIDLEDGER_REDIS_URL): {exc}; "
                          "start it, or crawl on this machine alone with --local") from exc
    return cfg.redis_url


def selected_sources(cfg: Settings, source: str | None = None, urls: list[str] | None = None,
                     follow: str | None = None) -> list[Source]:
    """What `crawl`/`enqueue` would crawl: given URLs (program pages), one source, or all."""
    if urls:
        hosts = tuple(sorted({urlsplit(u).hostname or "" for u in urls}))
        return [Source(name="urls:" + ",".join(urls)[:200], kind="program",
                       start_urls=tuple(urls), allowed_domains=hosts, link_pattern=follow)]
    if source:
        return [cfg.source(source)]
    if not cfg.sources:
        raise ConfigError("nothing to crawl: add sources to the sources file or give --url")
    return list(cfg.sources)


def _start_requests(sources: list[Source]) -> Iterator[tuple[AidledgerSpider, Iterator[Request]]]:
    for kind in sorted({s.kind for s in sources}):
        if kind not in SPIDERS:
            raise ConfigError(f"no spider for sources of kind {kind!r} yet")
        spider = SPIDERS[kind]()
        yield spider, spider.start_requests_for([s for s in sources if s.kind == kind])


def enqueue_sources(cfg: Settings, sources: list[Source]) -> tuple[int, dict[str, int]]:
    """One new round with these sources' start requests; (round, requests queued per spider)."""
    what = ", ".join(s.name for s in sources)
    return distributed.enqueue(_redis(cfg), cfg.redis_prefix, _start_requests(sources), what)


def run_workers(cfg: Settings, *, until_drained: bool, lease: float = distributed.DEFAULT_LEASE
                ) -> list[CrawlSummary]:
    """Crawl from the frontier in this process, one crawler per spider the sources file needs:
    until SIGTERM (a worker), or until no worker holds or waits for a request
    (`until_drained`)."""
    settings = scrapy_settings(cfg)
    extra: dict[str, Any] = distributed.scrapy_settings(
        _redis(cfg), cfg.redis_prefix, until_drained=until_drained, lease=lease)
    extra["AIDLEDGER_RUN_COMMAND"] = "crawl" if until_drained else "worker"
    for name, value in extra.items():
        settings.set(name, value, priority="cmdline")
    process = CrawlerProcess(settings)
    crawlers = []
    # the kinds of the sources file (a news crawler with no news to take costs a writer
    # process); every kind when it lists none
    kinds = {s.kind for s in cfg.sources} & set(SPIDERS) or set(SPIDERS)
    for cls in (SPIDERS[k] for k in sorted(kinds)):
        crawler = process.create_crawler(distributed.frontier_spider(cls))
        crawlers.append(crawler)
        process.crawl(crawler)
    process.start()
    return [_summary(cfg.db_url, c.spider.name if c.spider else "?", c) for c in crawlers]


def frontier_status(cfg: Settings) -> dict[str, Any]:
    return distributed.status(_redis(cfg), cfg.redis_prefix, list(SPIDERS))
