"""`aidledger schedule`: the long-running process that crawls sources when they are due."""

from __future__ import annotations

import click

from aidledger.cli.options import db_option, settings, sources_option
from aidledger.scheduler import Scheduler
from aidledger.storage.db import open_store


@click.command("schedule")
@click.option("--tick", default=30.0, show_default=True, help="Seconds between checks.")
@click.option("--once", is_flag=True, help="Run what is due now, wait for it, exit.")
@sources_option
@db_option
def schedule(tick: float, once: bool, sources_path: str | None, db_url: str | None) -> None:
    """Crawl each source on its cron `schedule` (sources file) until stopped with SIGTERM."""
    cfg = settings(db_url, sources_path)
    _, sessions = open_store(cfg.db_url)
    Scheduler(cfg, sessions, tick=tick).serve(once=once)


COMMANDS = [schedule]
