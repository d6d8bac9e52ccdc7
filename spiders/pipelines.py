"""The pipeline: hand each fetch to the store's one write path, count what happened.

By default the write path runs in a writer process (spiders/writer.py) so that storing, parsing
and tracking do not slow the crawl down; `AIDLEDGER_WRITER = "inline"` runs it here, one fetch
at a time (for debugging, and for a pipeline used without a crawler).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable
from datetime import UTC, datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from sqlalchemy.orm import Session, sessionmaker
from twisted.internet import defer, task

from aidledger.config import load_settings
from aidledger.monitoring import Check, check_run, check_stale
from aidledger.spiders.items import FetchedPage, FetchFailed, NotModified
from aidledger.spiders.writer import CHUNK, Result, WriterProcess
from aidledger.storage import killpoints
from aidledger.storage.db import open_store
from aidledger.storage.ingest import write_batch
from aidledger.storage.runs import (
    finish_run,
    note_run,
    previous_source_counts,
    stale_pages,
    start_run,
)

log = logging.getLogger(__name__)
FETCHES = (FetchedPage, NotModified, FetchFailed)
POLL = 0.02  # seconds between looks at a full queue or a finishing writer
LOOK = 0.1  # seconds between looks at the writer (and hand-overs of a chunk not yet full)


async def _sleep(seconds: float) -> None:
    from twisted.internet import reactor  # the one Scrapy installed (importing it installs one)

    await maybe_deferred_to_future(task.deferLater(reactor, seconds, lambda: None))


class StorePipeline:
    """Stores pages (before parsing: see storage.ingest) and failures; one CrawlRun per crawl."""

    progress_every = 100
    share = False  # True where this process fetches only a part of the crawl (distributed)

    def __init__(self, db_url: str, command: str = "crawl", writer: str = "inline") -> None:
        self.db_url = db_url
        self.command = command
        self.mode = writer
        self.sessions: sessionmaker[Session] | None = None
        self.run_id: int | None = None
        self.counts: dict[str, int] = {"pages": 0, "unchanged": 0, "failed": 0, "added": 0,
                                       "changed": 0, "gone": 0, "records": 0, "parse_errors": 0}
        self.crawler: Crawler | None = None
        self.by_source: dict[str, dict[str, int]] = {}
        self.writer: WriterProcess | None = None
        self.chunk: list[Any] = []  # fetches not handed to the writer yet (see writer.CHUNK)
        self.waiting: list[defer.Deferred[None]] = []  # items held until the writer has room
        self.problem: str | None = None
        self._poller: task.LoopingCall | None = None
        self._shown = 0
        self.started = datetime.now(UTC)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        url = crawler.settings.get("AIDLEDGER_DB_URL") or load_settings().db_url
        pipeline = cls(url, crawler.settings.get("AIDLEDGER_RUN_COMMAND", "crawl"),
                       crawler.settings.get("AIDLEDGER_WRITER", "process"))
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self) -> None:
        self.started = datetime.now(UTC)
        _, self.sessions = open_store(self.db_url)
        self.run_id = start_run(self.sessions, self.command)
        if self.crawler and self.crawler.stats:
            self.crawler.stats.set_value("aidledger/run_id", self.run_id)
        if self.mode == "process":
            self.writer = WriterProcess(self.db_url, self.run_id)
            note_run(self.sessions, self.run_id, {"writer_pid": self.writer.pid})
            self._poller = task.LoopingCall(self._collect)
            self._poller.start(LOOK, now=False)

    def process_item(self, item: Any) -> Any:
        """Inline: write now. Writer process: hand over, or wait while its queue is full."""
        if not isinstance(item, FETCHES):
            return item
        killpoints.reached("fetch")  # a crash test may stop the crawl here (storage.killpoints)
        if self.writer is None:
            assert self.sessions is not None
            self._account([Result(item.source, o) for o in
                           write_batch(self.sessions, [item], self.run_id)])
            return item
        self.chunk.append(item)
        if len(self.chunk) < CHUNK or self._hand_over():
            return item
        return self._offer_later(item)

    def _hand_over(self, everything: bool = False) -> bool:
        """Give the writer the fetches gathered so far, a chunk at a time (a part chunk only
        with `everything`); False while its queue is full and a whole chunk is left."""
        if self.problem is not None:
            return True
        assert self.writer is not None
        while len(self.chunk) >= CHUNK or (everything and self.chunk):
            if not self.writer.offer(self.chunk[:CHUNK]):
                return False
            del self.chunk[:CHUNK]
        return True

    async def _offer_later(self, item: Any) -> Any:
        """Hold the item until the writer has room. One loop looks for room, however many items
        wait: Scrapy goes on downloading while they wait (up to 5 MB of responses), and with
        each item looking every POLL, a thousand held items made 50,000 looks a second."""
        held: defer.Deferred[None] = defer.Deferred()
        self.waiting.append(held)
        if len(self.waiting) == 1:
            deferred_from_coro(self._wait_for_room())
        await maybe_deferred_to_future(held)
        return item

    async def _wait_for_room(self) -> None:
        while not self._hand_over():
            await _sleep(POLL)
        waiting, self.waiting = self.waiting, []
        for held in waiting:
            held.callback(None)

    def _collect(self) -> None:
        """Count what the writer reported; stop the crawl if the writer died."""
        if self.writer is None:
            return
        if not self.waiting:  # else the loop waiting for room hands the chunks over
            self._hand_over(everything=True)
        self._account(self.writer.results())
        problem = self.writer.failed()
        if problem and self.problem is None:
            self.problem = problem
            log.error("%s: nothing more can be stored, so the crawl stops; run it again to "
                      "fetch what was not stored", problem)
            if self.crawler and self.crawler.engine:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="writer_failed"))

    def _account(self, results: list[Result]) -> None:
        for r in results:
            out = r.outcome
            out.tally(self.counts)
            out.tally(self._source(r.source))
            self._stat("failed" if out.failed else "pages")
            if not out.failed and out.snapshot_id:
                log.info("%s: %s, %d records (%d new, %d changed, %d gone)", out.url,
                         "changed" if out.changed else "unchanged", out.records, out.added,
                         out.changed_records, out.gone)
        if results:
            self._progress()
        self.results_reported(results)

    def results_reported(self, results: list[Result]) -> None:
        """A hook for subclasses, called with each batch the store reported (counted already):
        the distributed pipeline acknowledges the leases of stored fetches here."""

    def _source(self, name: str | None) -> dict[str, int]:
        return self.by_source.setdefault(name or "(none)", {})

    def _stat(self, key: str) -> None:
        if self.crawler and self.crawler.stats:
            self.crawler.stats.inc_value(f"aidledger/{key}")

    def _progress(self) -> None:
        """One rewritten status line on a terminal; a plain line every `progress_every` fetches
        otherwise."""
        c, every = self.counts, self.progress_every
        done = c["pages"] + c["failed"]
        line = (f"{c['pages']} pages ({c['unchanged']} unchanged), {c['records']} records, "
                f"{c['failed']} fetch errors, {c['parse_errors']} parse errors")
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{line}\033[K")
            sys.stderr.flush()
        elif done // every > self._shown // every:
            sys.stderr.write(f"progress: {line}\n")
        self._shown = done

    def close_spider(self) -> Awaitable[None] | None:
        if self.writer is None:
            self._finish()
            return None
        return self._close_writer()

    async def _close_writer(self) -> None:
        """Wait (without blocking the crawl's reactor) for the writer to store what it has."""
        assert self.writer is not None
        while not self._hand_over(everything=True):
            await _sleep(POLL)
        while self.problem is None and not self.writer.offer(None):
            await _sleep(POLL)
        while not self.writer.done and self.writer.failed() is None:
            self._account(self.writer.results())
            await _sleep(POLL)
        if self._poller is not None and self._poller.running:
            self._poller.stop()
        self._collect()
        self.writer.join()
        self._finish({"writer_cpu_s": round(self.writer.cpu_seconds or 0, 2)})

    def _stale_checks(self) -> list[Check]:
        """Pages of this crawl's sources that kept one content longer than `stale_after`."""
        assert self.sessions is not None
        now, out = datetime.now(UTC), []
        for src in getattr(self.crawler.spider, "sources", []) if self.crawler else []:
            if src.stale_after is None or src.name not in self.by_source:
                continue
            listings = src.start_urls if src.link_pattern else ()
            stale = stale_pages(self.sessions, src.name, now - src.stale_after, self.started,
                                listings)
            out += check_stale(src.name, stale, src.stale_after, now)
        return out

    def _finish(self, extra: dict[str, Any] | None = None) -> None:
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        if self.sessions is None or self.run_id is None:
            return
        c = self.counts
        outcome = "failed" if c["failed"] and not c["pages"] else (
            "partial" if c["failed"] or c["parse_errors"] else "ok")
        checks = check_run(self.by_source, previous_source_counts(self.sessions, self.run_id),
                           share=self.share)
        checks += self._stale_checks()
        for check in checks:
            if not check.ok:
                log.error("CHECK FAILED for source %s: %s: %s", check.source, check.name,
                          check.detail)
        if not all(ch.ok for ch in checks):
            outcome = "check_failed"
        if self.problem:
            outcome = "failed"
        finish_run(self.sessions, self.run_id, c, outcome,
                   {"counts": dict(c), "sources": self.by_source,
                    "checks": [ch.as_dict() for ch in checks],
                    **({"problem": self.problem} if self.problem else {}), **(extra or {})})
