"""`aidledger export`: the store's records with provenance, streamed to a file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from aidledger.cli.options import db_option, settings
from aidledger.cli.output import write_csv, write_jsonl
from aidledger.storage.db import open_store
from aidledger.storage.queries import record_rows

RECORD_COLUMNS = ("record", "kind", "page", "block", "item", "item_label", "quantity",
                  "quantity_each", "status", "status_label", "donors", "recipients", "date",
                  "locator", "first_seen", "last_seen", "gone_since", "first_snapshot",
                  "last_snapshot")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: standard output).")
@db_option
def export(fmt: str, out: Path | None, db_url: str | None) -> None:
    """Every record, current state plus first/last seen and the snapshots that show it."""
    _, sessions = open_store(settings(db_url).db_url)
    with sessions() as s:
        stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            rows = record_rows(s)
            if fmt == "csv":
                n = write_csv(rows, stream, RECORD_COLUMNS)
            else:
                n = write_jsonl(rows, stream)
        finally:
            if out:
                stream.close()
    if out:
        click.echo(f"wrote {n} records to {out}", err=True)


COMMANDS = [export]
