"""The crawl's writer process: stores, parses and tracks what the crawling process fetched.

Scrapy itself costs about 7 ms of one core per page, and storing, parsing and tracking a page
about as much again; in one process (threads do not help: the work holds the GIL) they halve the
crawl rate. So the pipeline hands each fetch (URL, body, headers, times) to this process through
a bounded queue and the crawl goes on; the writer takes what has arrived, up to BATCH fetches,
and runs them through the one write path (storage.ingest.write_batch: one transaction stores them
all and commits before any is parsed). When the writer falls behind, the queue fills, the
pipeline's items wait, and Scrapy stops scheduling downloads until there is room (backpressure).
Fetches cross in chunks of up to CHUNK (one pickle, one lock, one wake-up of the queue's feeder
thread per chunk instead of per page: per page, those cost the crawling process a tenth of bare
Scrapy's whole work); a chunk waits in the pipeline at most until its next look (0.1 s).

A crawl killed with SIGKILL loses only what was in the queue: those pages were never stored, so
the next crawl fetches them again (it asks for every page; stored ones cost a 304). A writer that
finds its crawl gone stops; one that starts first parses what a killed writer stored but never
parsed (storage.ingest.parse_unparsed).
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from typing import Any

from aidledger.storage.pages import Fetch

log = logging.getLogger(__name__)

BATCH = 200  # fetches per transaction at most
CHUNK = 20  # fetches per message on the queue at most
QUEUE = 400  # fetches on their way to the writer at most (18 KB pages: about 7 MB)
GATHER = 0.05  # seconds the writer waits for more fetches before writing a small batch
DONE = "done"


@dataclass
class Result:
    """What the writer made of one fetch (the pipeline counts these for the run and its checks)."""

    source: str | None
    outcome: Any  # storage.ingest.IngestOutcome


def _batches(inbox: Any, parent: BaseProcess | None) -> Iterator[list[Fetch]]:
    """Batches of what has arrived (whole chunks: a batch may pass BATCH by less than a chunk),
    until the end marker (None) or until the crawl is gone."""
    while True:
        try:
            first = inbox.get(timeout=0.5)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                log.warning("the crawling process is gone; the writer stops (what it had not "
                            "received yet is fetched again by the next crawl)")
                return
            continue
        if first is None:
            return
        batch, deadline = list(first), time.monotonic() + GATHER
        while len(batch) < BATCH:
            # past the deadline, still take what was put already (on a loaded machine the
            # crawl's feeder thread may not have written it to the pipe yet): batches of 200
            # cost the writer far less per page than batches of 50
            wait = deadline - time.monotonic()
            if wait <= 0 and not _waiting(inbox):
                break
            try:
                chunk = inbox.get(timeout=max(wait, GATHER))
            except queue.Empty:
                break
            if chunk is None:
                yield batch
                return
            batch.extend(chunk)
        yield batch


def _waiting(inbox: Any) -> bool:
    try:
        return bool(inbox.qsize())
    except NotImplementedError:  # macOS has no sem_getvalue
        return False


def writer_main(db_url: str, run_id: int, inbox: Any, outbox: Any, log_level: int) -> None:
    """The writer process: store, parse, track each batch; report what happened to each fetch."""
    logging.basicConfig(level=log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from aidledger.storage.db import open_store
    from aidledger.storage.ingest import parse_unparsed, write_batch

    _, sessions = open_store(db_url, migrate=False)
    recovered = parse_unparsed(sessions)
    if recovered:
        log.warning("parsed %d page(s) an interrupted crawl had stored but not parsed",
                    len(recovered))
    for batch in _batches(inbox, multiprocessing.parent_process()):
        outcomes = write_batch(sessions, batch, run_id)
        outbox.put([Result(f.source, o) for f, o in zip(batch, outcomes, strict=True)])
    outbox.put((DONE, time.process_time()))  # with its CPU seconds, for the run's record


class WriterProcess:
    """The crawling side: start the writer, hand it fetches, collect what it reports."""

    def __init__(self, db_url: str, run_id: int) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a process running Twisted
        self.inbox = ctx.Queue(maxsize=max(1, QUEUE // CHUNK))
        self.outbox = ctx.Queue()
        level = min([h.level for h in logging.root.handlers if h.level] or [logging.WARNING])
        self.process = ctx.Process(target=writer_main, name="aidledger-writer", daemon=False,
                                   args=(db_url, run_id, self.inbox, self.outbox, level))
        self.process.start()
        self.done = False
        self.cpu_seconds: float | None = None
        self._early: list[Result] = []  # read while checking that the writer is alive

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def offer(self, chunk: list[Fetch] | None) -> bool:
        """Hand over a chunk of fetches (None: the end) if the queue has room; False when it is
        full."""
        try:
            self.inbox.put_nowait(chunk)
        except queue.Full:
            return False
        return True

    def results(self) -> list[Result]:
        """What the writer has reported since the last call (never waits)."""
        out, self._early = self._early, []
        while True:
            try:
                msg = self.outbox.get_nowait()
            except queue.Empty:
                return out
            if isinstance(msg, tuple) and msg[0] == DONE:
                self.done, self.cpu_seconds = True, msg[1]
            else:
                out.extend(msg)

    def failed(self) -> str | None:
        """Why the writer is gone before it finished, if it is."""
        if self.done or self.process.is_alive():
            return None
        self._early.extend(self.results())  # it may have finished since we last looked
        if self.done:
            return None
        return f"the writer process exited with code {self.process.exitcode}"

    def join(self) -> None:
        self.process.join(timeout=30)
        self.inbox.close()
        self.outbox.close()
