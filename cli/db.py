"""`aidledger db`: schema upgrades and the store's invariants."""

from __future__ import annotations

import click

from aidledger.cli.options import db_option, settings
from aidledger.storage.db import make_engine, open_store, upgrade
from aidledger.storage.integrity import iter_checks


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
    """Check the store's invariants; exit 1 and list the offenders when one fails.

    Foreign keys, stored bodies and their hashes, records and their snapshots, duplicates,
    history, the ledger's donations and evidence, and each crawl's stored failures (README
    "Guarantees")."""
    _, sessions = open_store(settings(db_url).db_url)
    failed = 0
    with sessions() as s:
        for r in iter_checks(s):
            click.echo(f"{'ok  ' if r.ok else 'FAIL'} {r.name}")
            for problem in r.problems[:20]:
                click.echo(f"       {problem}")
            if len(r.problems) > 20:
                click.echo(f"       ... and {len(r.problems) - 20} more")
            failed += not r.ok
    if failed:
        click.echo(f"{failed} check(s) failed: the store was damaged or written around its "
                   "write path; fix the rows named above or restore a backup before publishing "
                   "from it", err=True)
        raise SystemExit(1)


COMMANDS = [db]
