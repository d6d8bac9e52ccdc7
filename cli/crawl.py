"""`aidledger crawl`: fetch the configured sources (or given URLs) into the store."""

from __future__ import annotations

import click

from aidledger.cli.options import db_option, settings, sources_option


@click.command("crawl")
@click.option("--source", help="Only this source (a name from the sources file).")
@click.option("--url", "urls", multiple=True, help="Crawl this program page URL (repeatable).")
@click.option("--follow", help="With --url: also crawl links matching this regular expression.")
@click.option("--distributed/--local", default=None,
              help="Crawl through the shared Redis frontier with other workers (default when "
                   "AIDLEDGER_REDIS_URL is set), or on this machine alone.")
@sources_option
@db_option
def crawl(source: str | None, urls: tuple[str, ...], follow: str | None,
          distributed: bool | None, sources_path: str | None, db_url: str | None) -> None:
    """Fetch, store, parse and track; exits 1 when every fetch failed, 3 when a check failed.

    Failed fetches are logged as warnings; `aidledger -v crawl` shows every page. Distributed:
    start a round, work on the frontier with any running workers, return when it is drained."""
    from aidledger.spiders.runner import run_crawl  # Scrapy's import cost only when crawling

    cfg = settings(db_url, sources_path)
    if distributed or (distributed is None and cfg.redis_url):
        from aidledger.spiders.workers import enqueue_sources, run_workers, selected_sources

        enqueue_sources(cfg, selected_sources(cfg, source, list(urls), follow))
        summaries = run_workers(cfg, until_drained=True)
        # other workers may have fetched every page: only failures here and no page fail it
        nothing = not any(s.pages for s in summaries) and any(s.failed for s in summaries)
    else:
        summaries = run_crawl(cfg, source=source, urls=list(urls), follow=follow)
        nothing = all(s.pages == 0 for s in summaries)
    for summary in summaries:
        click.echo(summary.line())
    if nothing:
        raise SystemExit(1)
    if any(s.outcome == "check_failed" for s in summaries):
        click.echo("a check failed (see the CHECK FAILED lines above): exit code 3", err=True)
        raise SystemExit(3)


COMMANDS = [crawl]
