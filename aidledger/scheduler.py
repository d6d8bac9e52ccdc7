"""`aidledger schedule`: run each source's crawl when its cron schedule says, unattended.

Each crawl runs in its own process (`aidledger crawl --source NAME`): Twisted's reactor cannot be
restarted in one process, and a crawl that crashes or is killed must not take the scheduler
with it. APScheduler's cron triggers compute the fire times; the loop here only decides what is
due. After downtime a source is due once (one catch-up run, not one per missed slot). A source is
never run twice at once. SIGTERM stops starting new runs, passes SIGTERM on to running crawls
(Scrapy then finishes the pages in flight) and records them as interrupted.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import FrameType

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from aidledger.config import Settings, Source
from aidledger.storage.models import CrawlRun
from aidledger.storage.models import Source as SourceRow
from aidledger.storage.runs import close_dead_runs, finish_run, note_run, running_here

log = logging.getLogger(__name__)

CommandFor = Callable[[Source], Sequence[str]]


def trigger(source: Source) -> CronTrigger | None:
    return CronTrigger.from_crontab(source.schedule, timezone=UTC) if source.schedule else None


def next_fire(source: Source, after: datetime) -> datetime | None:
    """The first scheduled time strictly after `after`."""
    trig = trigger(source)
    if trig is None:
        return None
    return trig.get_next_fire_time(None, after + timedelta(microseconds=1))


def is_due(source: Source, last_start: datetime | None, now: datetime) -> bool:
    """Due when a scheduled time has passed since the last run started (or it never ran)."""
    if not source.schedule:
        return False
    if last_start is None:
        return True
    fire = next_fire(source, last_start)
    return fire is not None and fire <= now


def crawl_command(source: Source) -> list[str]:
    return [sys.executable, "-m", "aidledger.cli.main", "crawl", "--source", source.name]


@dataclass
class Running:
    run_id: int
    proc: subprocess.Popen[bytes]
    started: datetime


@dataclass
class Scheduler:
    settings: Settings
    sessions: sessionmaker[Session]
    command_for: CommandFor = crawl_command
    tick: float = 30.0
    # with a shared frontier: push the source's start URLs (a round) instead of crawling here
    enqueue_for: Callable[[Source], int] | None = None
    running: dict[str, Running] = field(default_factory=dict)
    stopping: threading.Event = field(default_factory=threading.Event)

    def last_start(self, name: str) -> datetime | None:
        with self.sessions() as s:
            return s.scalar(select(func.max(CrawlRun.started_at))
                            .join(SourceRow, SourceRow.id == CrawlRun.source_id)
                            .where(SourceRow.name == name))

    def _source_id(self, source: Source) -> int:
        with self.sessions.begin() as s:
            row = s.scalar(select(SourceRow).where(SourceRow.name == source.name))
            if row is None:
                row = SourceRow(name=source.name, kind=source.kind)
                s.add(row)
                s.flush()
            return row.id

    def start(self, source: Source, now: datetime | None = None) -> None:
        """Start a crawl of `source`; its run starts at `now` (the scheduler's clock)."""
        here = {"pid": os.getpid(), "host": socket.gethostname()}
        with self.sessions.begin() as s:
            run = CrawlRun(command="schedule", source_id=self._source_id(source),
                           started_at=now or datetime.now(UTC), detail={"argv": [], **here})
            s.add(run)
            s.flush()
            run_id = run.id
        if self.enqueue_for is not None:
            round_id = self.enqueue_for(source)
            log.info("queued %s for the workers (run %d, round %d)", source.name, run_id, round_id)
            finish_run(self.sessions, run_id, {}, "enqueued", {"round": round_id})
            return
        argv = list(self.command_for(source))
        log.info("starting %s (run %d): %s", source.name, run_id, " ".join(argv))
        proc = subprocess.Popen(argv)
        self.running[source.name] = Running(run_id, proc, datetime.now(UTC))
        # the crawl's pid from now on: a scheduler killed now leaves a run that a restarted one
        # recognises as still crawling, and marks interrupted once that process is gone
        note_run(self.sessions, run_id, {"argv": argv, "pid": proc.pid,
                                         "scheduler_pid": here["pid"]})

    def _orphans(self) -> set[str]:
        """Sources still crawled by a process a killed scheduler started (never run twice at
        once); once such a process is gone its run is marked interrupted (its crawl's own run
        says how the crawl ended)."""
        close_dead_runs(self.sessions)
        ours = {r.run_id for r in self.running.values()}
        ids = {sid for run, sid, _pid in running_here(self.sessions, "schedule") if run not in ours}
        if not ids:
            return set()
        with self.sessions() as s:
            return set(s.scalars(select(SourceRow.name).where(SourceRow.id.in_(ids))))

    def reap(self, *, interrupted: bool = False) -> None:
        for name, r in list(self.running.items()):
            code = r.proc.poll()
            if code is None:
                continue
            del self.running[name]
            outcome = "interrupted" if interrupted or code < 0 else ("ok" if code == 0 else
                                                                    "failed")
            log.log(logging.INFO if outcome == "ok" else logging.WARNING,
                    "%s finished: %s (exit code %s)", name, outcome, code)
            finish_run(self.sessions, r.run_id, {}, outcome, {"exit_code": code})

    def run_due(self, now: datetime | None = None) -> list[str]:
        now = now or datetime.now(UTC)
        started = []
        orphans = self._orphans()
        for source in self.settings.sources:
            if source.name in self.running or source.name in orphans or self.stopping.is_set():
                continue
            if is_due(source, self.last_start(source.name), now):
                self.start(source, now)
                started.append(source.name)
        return started

    def stop(self, grace: float = 60.0) -> None:
        """Pass SIGTERM to running crawls, wait for them, record them as interrupted."""
        self.stopping.set()
        for r in self.running.values():
            if r.proc.poll() is None:
                r.proc.send_signal(signal.SIGTERM)
        for r in self.running.values():
            try:
                r.proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                r.proc.kill()
                r.proc.wait()
        self.reap(interrupted=True)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.warning("received signal %d: stopping after the running crawls", signum)
        self.stopping.set()

    def serve(self, *, once: bool = False) -> None:
        """Loop until SIGTERM/SIGINT (or, with once, until the due runs have finished)."""
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._on_signal)
        scheduled = [s.name for s in self.settings.sources if s.schedule]
        log.info("scheduling %d source(s): %s", len(scheduled), ", ".join(scheduled) or "none")
        close_dead_runs(self.sessions)  # what a killed scheduler left "running"
        self.run_due()
        while not self.stopping.is_set():
            self.reap()
            if once and not self.running and not self._orphans():
                return
            if not once:
                self.run_due()
            self.stopping.wait(self.tick)
        self.stop()
