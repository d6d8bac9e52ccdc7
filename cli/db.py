"""`aidledger db`: schema upgrades."""

from __future__ import annotations

import click

from aidledger.cli.options import db_option, settings
from aidledger.storage.db import make_engine, open_store, upgrade
from aidledger.storage.integrity import check_store


@click.group("db")
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@db_option
def upgrade_cmd(db_url: str | None) -> None:
    """Create or migrate the store to the latest schema (Alembic)."""
    url = settings(db_url).db_url
    upgrade(make_engine(url))
    click.echo(f"schema up to date: {url}")


@db.command("check")
@db_option
def check_cmd(db_url: str | None) -> None:
    """Check the store's invariants; exit 1 and list the offenders when one fails."""
    _, sessions = open_store(settings(db_url).db_url)
    with sessions() as s:
        results = check_store(s)
    for r in results:
        click.echo(f"{'ok  ' if r.ok else 'FAIL'} {r.name}")
        for problem in r.problems[:20]:
            click.echo(f"       {problem}")
        if len(r.problems) > 20:
            click.echo(f"       ... and {len(r.problems) - 20} more")
    if not all(r.ok for r in results):
        raise SystemExit(1)


COMMANDS = [db]
