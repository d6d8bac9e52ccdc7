"""`aidledger db`: schema upgrades."""

from __future__ import annotations

import click

from aidledger.cli.options import db_option, settings
from aidledger.storage.db import make_engine, upgrade


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


COMMANDS = [db]
