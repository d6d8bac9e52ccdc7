"""`aidledger schedule` with Redis configured enqueues each due source as a round of its own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from aidledger.config import Settings, Source
from aidledger.scheduler import Scheduler
from aidledger.spiders import distributed as d
from aidledger.spiders.workers import enqueue_sources
from aidledger.storage.db import open_store
from aidledger.storage.models import CrawlRun

HOURLY = Source(name="harbor", kind="program", start_urls=("https://harbor.example/aid",),
                allowed_domains=("harbor.example",), schedule="0 * * * *")


def test_each_due_run_is_a_round_in_the_frontier(tmp_path: Path, redis_prefix):
    _, sessions = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    cfg = Settings(db_url="", sources_path=None, redis_url="redis://127.0.0.1:6379/0",
                   sources=(HOURLY,), redis_prefix=redis_prefix)
    sched = Scheduler(cfg, sessions, enqueue_for=lambda s: enqueue_sources(cfg, [s])[0])
    assert sched.run_due(datetime(2030, 5, 1, 9, 5, tzinfo=UTC)) == ["harbor"]
    assert sched.run_due(datetime(2030, 5, 1, 9, 30, tzinfo=UTC)) == []  # not due again yet
    assert sched.running == {}  # nothing crawls here
    assert sched.run_due(datetime(2030, 5, 1, 10, 0, tzinfo=UTC)) == ["harbor"]
    status = d.status(cfg.redis_url, redis_prefix, ["program"])
    assert status["queues"]["program"] == 2  # the start URL once in each of two rounds
    assert [r["round"] for r in status["rounds"]] == [2, 1]
    with sessions() as s:
        runs = [(r.outcome, r.detail["round"]) for r in s.scalars(select(CrawlRun).order_by(CrawlRun.id))]
    assert runs == [("enqueued", 1), ("enqueued", 2)]
