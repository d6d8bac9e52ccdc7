"""Running spiders from Python (`aidledger crawl`, `aidledger demo`) with the project's settings."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings as ScrapySettings

from aidledger.config import Settings
from aidledger.errors import ConfigError
from aidledger.storage.db import open_store
from aidledger.storage.models import CrawlRun

SPIDER_FOR_KIND = {"program": "program", "news": "news"}


@dataclass
class CrawlSummary:
    spider: str
    run_id: int | None
    outcome: str
    pages: int
    unchanged: int
    failed: int
    added: int
    changed: int
    gone: int

    def line(self) -> str:
        return (f"{self.spider}: {self.outcome}: {self.pages} pages ({self.unchanged} unchanged, "
                f"{self.failed} failed), records {self.added} added, {self.changed} changed, "
                f"{self.gone} gone")


def scrapy_settings(cfg: Settings) -> ScrapySettings:
    """Project settings plus configuration; logging is left to the caller's handlers."""
    s = ScrapySettings()
    s.setmodule("aidledger.spiders.settings", priority="project")
    s.set("AIDLEDGER_DB_URL", cfg.db_url, priority="cmdline")
    s.set("AIDLEDGER_SOURCES", str(cfg.sources_path) if cfg.sources_path else None, "cmdline")
    s.set("USER_AGENT", f"aidledger/0.1 (+{cfg.contact})", priority="cmdline")
    s.set("LOG_ENABLED", False, priority="cmdline")
    s.set("DOWNLOAD_SLOTS", download_slots(cfg), priority="cmdline")
    for name, value in crawl_limit_settings(cfg).items():
        s.set(name, value, priority="cmdline")
    return s


def crawl_limit_settings(cfg: Settings) -> dict[str, float | int]:
    """The sources file's `[crawl]` limits as the Scrapy settings they set."""
    limits = cfg.crawl
    pairs = (("DOWNLOAD_TIMEOUT", limits.timeout), ("RETRY_TIMES", limits.retries),
             ("AIDLEDGER_RETRY_BACKOFF_BASE", limits.backoff),
             ("DOWNLOAD_MAXSIZE", limits.max_size))
    out: dict[str, float | int] = {name: value for name, value in pairs if value is not None}
    if limits.max_size is not None:
        out["DOWNLOAD_WARNSIZE"] = min(limits.max_size, 4 * 1024 * 1024)
    return out


def download_slots(cfg: Settings) -> dict[str, dict[str, float]]:
    """Per-domain politeness from each source's `delay` and `concurrency`."""
    slots: dict[str, dict[str, float]] = {}
    for src in cfg.sources:
        slot: dict[str, float] = {}
        if src.delay is not None:
            slot["delay"] = src.delay
        if src.concurrency is not None:
            slot["concurrency"] = src.concurrency
        for domain in src.allowed_domains if slot else ():
            slots[domain] = slot
    return slots


def run_crawl(cfg: Settings, *, source: str | None = None, urls: list[str] | None = None,
              follow: str | None = None) -> list[CrawlSummary]:
    """Crawl the named source, the given URLs (as program pages), or every configured source."""
    jobs: list[tuple[str, dict[str, str]]] = []
    if urls:
        args = {"url": ",".join(urls)}
        if follow:
            args["follow"] = follow
        jobs.append(("program", args))
    elif source:
        src = cfg.source(source)
        jobs.append((_spider_for(src.kind), {"source": src.name}))
    else:
        for kind in sorted({s.kind for s in cfg.sources}):
            jobs.append((_spider_for(kind), {}))
    if not jobs:
        raise ConfigError("nothing to crawl: add sources to the sources file or give --url")
    process = CrawlerProcess(scrapy_settings(cfg))
    crawlers = []
    for spider, kwargs in jobs:
        crawler = process.create_crawler(spider)
        crawlers.append(crawler)
        process.crawl(crawler, **kwargs)
    process.start()
    return [_summary(cfg.db_url, c.spider.name if c.spider else "?", c) for c in crawlers]


def _spider_for(kind: str) -> str:
    if kind not in SPIDER_FOR_KIND:
        raise ConfigError(f"no spider for sources of kind {kind!r} yet")
    return SPIDER_FOR_KIND[kind]


def _summary(db_url: str, name: str, crawler: Crawler) -> CrawlSummary:
    run_id = crawler.stats.get_value("aidledger/run_id") if crawler.stats else None
    _, sessions = open_store(db_url, migrate=False)
    with sessions() as s:
        run = s.get(CrawlRun, run_id) if run_id else None
    if run is None:
        return CrawlSummary(name, None, "not started", 0, 0, 0, 0, 0, 0)
    return CrawlSummary(name, run.id, run.outcome, run.pages_fetched, run.pages_unchanged,
                        run.pages_failed, run.records_added, run.records_changed,
                        run.records_gone)
