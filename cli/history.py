"""`aidledger history`: each record's versions across crawls."""

from __future__ import annotations

import click

from aidledger.cli.options import db_option, settings
from aidledger.cli.output import print_table, write_jsonl
from aidledger.storage.db import open_store
from aidledger.storage.queries import history_rows

TABLE_COLUMNS = ("record", "block", "item_label", "quantity", "status_label", "donors",
                 "recipients", "first_seen", "last_seen", "gone_since")


@click.command("history")
@click.option("--country", help="Country or region (name or code): 'South Korea', KOR, Europe.")
@click.option("--events/--no-events", default=False, help="Include dated progress entries.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@db_option
def history(country: str | None, events: bool, fmt: str, db_url: str | None) -> None:
    """One line per version of each record: a new version only when status or quantity changed."""
    _, sessions = open_store(settings(db_url).db_url)
    kinds = ("table_row", "event") if events else ("table_row",)
    with sessions() as s:
        rows = history_rows(s, country, kinds)
        if fmt == "jsonl":
            write_jsonl(rows)
        else:
            print_table(rows, TABLE_COLUMNS, {"record": 20, "donors": 30, "recipients": 36,
                                              "first_seen": 25, "last_seen": 25})


COMMANDS = [history]
