"""`aidledger schedule`: the long-running process that crawls sources when they are due."""

from __future__ import annotations

import click

from aidledger.cli.options import db_option, settings, sources_option
from aidledger.config import Source
from aidledger.scheduler import Scheduler
from aidledger.storage.db import open_store


@click.command("schedule")
@click.option("--tick", default=30.0, show_default=True, help="Seconds between checks.")
@click.option("--once", is_flag=True, help="Run what is due now, wait for it, exit.")
@click.option("--local", is_flag=True,
              help="Crawl here even when AIDLEDGER_REDIS_URL is set (default then: enqueue "
                   "each due source for the workers).")
@sources_option
@db_option
def schedule(tick: float, once: bool, local: bool, sources_path: str | None,
             db_url: str | None) -> None:
    """Crawl each source on its cron `schedule` (sources file) until stopped with SIGTERM."""
    cfg = settings(db_url, sources_path)
    _, sessions = open_store(cfg.db_url)
    enqueue_for = None
    if cfg.redis_url and not local:
        from aidledger.spiders.workers import enqueue_sources

        def enqueue_for(source: Source) -> int:
            return enqueue_sources(cfg, [source])[0]

    Scheduler(cfg, sessions, tick=tick, enqueue_for=enqueue_for).serve(once=once)


COMMANDS = [schedule]
