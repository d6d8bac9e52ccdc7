"""Crawl and ingest runs: one row each, so health pages and monitors can compare runs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from aidledger.storage.models import CrawlRun

COUNTS = {"pages": "pages_fetched", "unchanged": "pages_unchanged", "failed": "pages_failed",
          "added": "records_added", "changed": "records_changed", "gone": "records_gone"}


def start_run(sessions: sessionmaker[Session], command: str, source_id: int | None = None) -> int:
    with sessions.begin() as s:
        run = CrawlRun(command=command, source_id=source_id, started_at=datetime.now(UTC))
        s.add(run)
        s.flush()
        return run.id


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
