"""The `aidledger` command: one click group, one module per command area."""

from __future__ import annotations

import logging
import sys

import click

from aidledger import __version__
from aidledger.errors import AidledgerError
from aidledger.storage import killpoints


class Group(click.Group):
    """Turns project errors into one clean line and exit code 2 instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except AidledgerError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=Group)
@click.version_option(__version__, prog_name="aidledger")
@click.option("-v", "--verbose", count=True, help="More log lines (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Who donated what, to whom, and is it true: crawl, extract, reconcile, query."""
    killpoints.role = ctx.invoked_subcommand or "main"  # names this process in crash tests
    levels = (logging.WARNING, logging.INFO, logging.DEBUG)
    level = logging.ERROR if quiet else levels[min(verbose, 2)]
    handler = logging.StreamHandler()
    handler.setLevel(level)  # on the handler: Scrapy resets the root logger's level
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.root.addHandler(handler)
    logging.root.setLevel(level)


def _register() -> None:
    from aidledger.cli import (
        crawl,
        db,
        demo,
        export,
        extract,
        history,
        ingest,
        ledger,
        schedule,
        serve,
        sources,
        worker,
    )

    for module in (extract, ingest, history, ledger, export, crawl, demo, schedule, sources, db,
                   serve, worker):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
