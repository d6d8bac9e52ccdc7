"""`aidledger enqueue` and `aidledger worker`: many crawling processes on one Redis frontier."""

from __future__ import annotations

import json

import click

from aidledger.cli.options import db_option, settings, sources_option

LEASE_HELP = ("Seconds without this worker's heartbeat before other workers take back the "
              "requests it holds.")


@click.command("enqueue")
@click.option("--source", help="Only this source (a name from the sources file).")
@click.option("--url", "urls", multiple=True, help="This program page URL (repeatable).")
@click.option("--follow", help="With --url: also crawl links matching this regular expression.")
@sources_option
def enqueue(source: str | None, urls: tuple[str, ...], follow: str | None,
            sources_path: str | None) -> None:
    """Start a round: push the sources' start URLs into the shared frontier (Redis)."""
    from aidledger.spiders.workers import enqueue_sources, selected_sources

    cfg = settings(None, sources_path)
    round_id, counts = enqueue_sources(cfg, selected_sources(cfg, source, list(urls), follow))
    queued = ", ".join(f"{n} for {spider}" for spider, n in counts.items())
    click.echo(f"round {round_id}: queued {queued}")


@click.command("worker")
@click.option("--status", "show_status", is_flag=True,
              help="Print the frontier (queues, workers, rounds) as JSON and exit.")
@click.option("--lease", default=30.0, show_default=True, help=LEASE_HELP)
@sources_option
@db_option
def worker(show_status: bool, lease: float, sources_path: str | None, db_url: str | None) -> None:
    """Crawl what arrives in the shared frontier until stopped with SIGTERM (idle meanwhile)."""
    from aidledger.spiders.workers import frontier_status, run_workers

    cfg = settings(db_url, sources_path)
    if show_status:
        click.echo(json.dumps(frontier_status(cfg), indent=2))
        return
    for summary in run_workers(cfg, until_drained=False, lease=lease):
        click.echo(summary.line())


COMMANDS = [enqueue, worker]
