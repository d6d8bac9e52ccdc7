"""The pipeline: hand each fetched page to the store's one write path, count what happened."""

from __future__ import annotations

import logging
import sys
from typing import Any

from scrapy.crawler import Crawler
from sqlalchemy.orm import Session, sessionmaker

from aidledger.config import load_settings
from aidledger.monitoring import check_run
from aidledger.spiders.items import FetchedPage, FetchFailed, NotModified
from aidledger.storage.db import open_store
from aidledger.storage.ingest import ingest, not_modified
from aidledger.storage.models import FetchFailure
from aidledger.storage.runs import finish_run, previous_source_counts, start_run

log = logging.getLogger(__name__)


class StorePipeline:
    """Stores pages (before parsing: see storage.ingest) and failures; one CrawlRun per crawl."""

    def __init__(self, db_url: str, command: str = "crawl") -> None:
        self.db_url = db_url
        self.command = command
        self.sessions: sessionmaker[Session] | None = None
        self.run_id: int | None = None
        self.counts: dict[str, int] = {"pages": 0, "unchanged": 0, "failed": 0, "added": 0,
                                       "changed": 0, "gone": 0, "records": 0, "parse_errors": 0}
        self.crawler: Crawler | None = None
        self.by_source: dict[str, dict[str, int]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        url = crawler.settings.get("AIDLEDGER_DB_URL") or load_settings().db_url
        pipeline = cls(url, crawler.settings.get("AIDLEDGER_RUN_COMMAND", "crawl"))
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self) -> None:
        _, self.sessions = open_store(self.db_url)
        self.run_id = start_run(self.sessions, self.command)
        if self.crawler and self.crawler.stats:
            self.crawler.stats.set_value("aidledger/run_id", self.run_id)

    def process_item(self, item: Any) -> Any:
        assert self.sessions is not None
        if isinstance(item, FetchedPage):
            self._page(item)
        elif isinstance(item, NotModified):
            out = not_modified(self.sessions, item.url, item.at)
            out.tally(self.counts)
            out.tally(self._source(item.source))
            self._stat("not_modified")
        elif isinstance(item, FetchFailed):
            self._failure(item)
        return item

    def _page(self, page: FetchedPage) -> None:
        assert self.sessions is not None
        out = ingest(self.sessions, page)
        out.tally(self.counts)
        out.tally(self._source(page.source))
        self._stat("pages")
        log.info("%s: %s, %d records (%d new, %d changed, %d gone)", page.url,
                 "changed" if out.changed else "unchanged", out.records, out.added,
                 out.changed_records, out.gone)

    def _failure(self, failed: FetchFailed) -> None:
        assert self.sessions is not None
        with self.sessions.begin() as s:
            s.add(FetchFailure(run_id=self.run_id, url=failed.url, at=failed.at,
                               status=failed.status, reason=failed.reason))
        self.counts["failed"] += 1
        counts = self._source(failed.source)
        counts["failed"] = counts.get("failed", 0) + 1
        if failed.status in (403, 429):
            counts["banned"] = counts.get("banned", 0) + 1
        self._stat("failed")

    def _source(self, name: str | None) -> dict[str, int]:
        return self.by_source.setdefault(name or "(none)", {})

    def _stat(self, key: str) -> None:
        if self.crawler and self.crawler.stats:
            self.crawler.stats.inc_value(f"aidledger/{key}")
        self._progress()

    def _progress(self, every: int = 100) -> None:
        """One rewritten status line on a terminal; a plain line every `every` pages otherwise."""
        c = self.counts
        done = c["pages"] + c["failed"]
        line = (f"{c['pages']} pages ({c['unchanged']} unchanged), {c['records']} records, "
                f"{c['failed']} fetch errors, {c['parse_errors']} parse errors")
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{line}\033[K")
            sys.stderr.flush()
        elif done % every == 0:
            sys.stderr.write(f"progress: {line}\n")

    def close_spider(self) -> None:
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        if self.sessions is None or self.run_id is None:
            return
        c = self.counts
        outcome = "failed" if c["failed"] and not c["pages"] else (
            "partial" if c["failed"] or c["parse_errors"] else "ok")
        checks = check_run(self.by_source, previous_source_counts(self.sessions, self.run_id))
        for check in checks:
            if not check.ok:
                log.error("CHECK FAILED for source %s: %s: %s", check.source, check.name,
                          check.detail)
        if not all(ch.ok for ch in checks):
            outcome = "check_failed"
        finish_run(self.sessions, self.run_id, c, outcome,
                   {"counts": dict(c), "sources": self.by_source,
                    "checks": [ch.as_dict() for ch in checks]})
