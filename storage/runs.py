"""Crawl and ingest runs: one row each, so health pages and monitors can compare runs."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from aidledger.storage.models import CrawlRun

COUNTS = {"pages": "pages_fetched", "unchanged": "pages_unchanged", "failed": "pages_failed",
          "added": "records_added", "changed": "records_changed", "gone": "records_gone"}


def start_run(sessions: sessionmaker[Session], command: str, source_id: int | None = None) -> int:
    """A new run; runs left "running" by a process that no longer exists become "interrupted"."""
    with sessions.begin() as s:
        _close_dead_runs(s)
        run = CrawlRun(command=command, source_id=source_id, started_at=datetime.now(UTC),
                       detail={"pid": os.getpid(), "host": socket.gethostname()})
        s.add(run)
        s.flush()
        return run.id


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def close_dead_runs(sessions: sessionmaker[Session]) -> None:
    """Mark "interrupted" the runs whose process on this host is gone (a SIGKILL, a crash)."""
    with sessions.begin() as s:
        _close_dead_runs(s)


def running_here(sessions: sessionmaker[Session], command: str) -> list[tuple[int, int, int]]:
    """(run id, source id, pid) of the unfinished `command` runs whose process on this host is
    still alive: what a restarted scheduler finds its killed predecessor left running."""
    from sqlalchemy import select

    host, out = socket.gethostname(), []
    with sessions() as s:
        for run in s.scalars(select(CrawlRun).where(CrawlRun.outcome == "running",
                                                    CrawlRun.command == command)):
            pid = (run.detail or {}).get("pid")
            if (run.detail or {}).get("host") == host and isinstance(pid, int) and _alive(pid):
                out.append((run.id, run.source_id, pid))
    return out


def _close_dead_runs(s: Session) -> None:
    from sqlalchemy import select

    host = socket.gethostname()
    for run in s.scalars(select(CrawlRun).where(CrawlRun.outcome == "running")):
        detail = run.detail or {}
        if detail.get("host") == host and isinstance(detail.get("pid"), int) and not _alive(
                detail["pid"]):
            run.outcome = "interrupted"
            run.finished_at = datetime.now(UTC)
            run.detail = {**detail, "note": "its process died before finishing (killed?)"}


def finish_run(sessions: sessionmaker[Session], run_id: int, counts: dict[str, int],
               outcome: str, detail: dict[str, Any] | None = None) -> None:
    with sessions.begin() as s:
        run = s.get(CrawlRun, run_id)
        if run is None:
            return
        for key, column in COUNTS.items():
            if key in counts:
                setattr(run, column, counts[key])
        run.outcome = outcome
        run.finished_at = datetime.now(UTC)
        run.detail = {**(run.detail or {}), **(detail or {})}


def note_run(sessions: sessionmaker[Session], run_id: int, detail: dict[str, Any]) -> None:
    """Add to a running run's detail (e.g. the pid of its writer process)."""
    with sessions.begin() as s:
        run = s.get(CrawlRun, run_id)
        if run is not None:
            run.detail = {**(run.detail or {}), **detail}


def previous_source_counts(sessions: sessionmaker[Session], run_id: int
                           ) -> dict[str, dict[str, int]]:
    """Per-source counts of the latest earlier finished crawl that saw each source."""
    from sqlalchemy import select

    out: dict[str, dict[str, int]] = {}
    with sessions() as s:
        runs = s.scalars(select(CrawlRun).where(CrawlRun.id < run_id,
                                                CrawlRun.finished_at.is_not(None))
                         .order_by(CrawlRun.id.desc()).limit(200))
        for run in runs:
            for name, counts in ((run.detail or {}).get("sources") or {}).items():
                out.setdefault(name, counts)
    return out


def stale_pages(sessions: sessionmaker[Session], source: str, cutoff: datetime,
                fetched_since: datetime, skip: tuple[str, ...] = ()) -> list[tuple[str, datetime]]:
    """Pages of `source` fetched since `fetched_since` whose newest snapshot was first fetched
    before `cutoff` (unchanged since), oldest first, with that time; `skip`: URLs not to judge
    (listing pages)."""
    from sqlalchemy import func, select

    from aidledger.storage.models import Page, Snapshot, Source

    newest = (select(Snapshot.page_id, func.max(Snapshot.fetched_at).label("at"))
              .join(Page, Page.id == Snapshot.page_id).join(Source, Source.id == Page.source_id)
              .where(Source.name == source).group_by(Snapshot.page_id).subquery())
    q = (select(Page.url, newest.c.at).join(newest, newest.c.page_id == Page.id)
         .where(Page.last_fetched >= fetched_since, newest.c.at < cutoff)
         .order_by(newest.c.at, Page.url))
    with sessions() as s:
        return [(url, at) for url, at in s.execute(q) if url not in skip]
