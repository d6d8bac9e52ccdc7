"""`aidledger export`: the store's tables, streamed to CSV, JSON Lines, Parquet, Excel, a
Frictionless data package or a Datasette database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from aidledger.cli.options import db_option, settings
from aidledger.storage.db import open_store
from aidledger.storage.export import (
    FOLDER_FORMATS,
    FORMATS,
    TEXT_FORMATS,
    ExportError,
    export_file,
    export_folder,
    export_text,
)
from aidledger.storage.export_schema import LEDGER_TABLES, TABLES

HELP_TABLE = ("Table to export: records (default for csv, jsonl, parquet), donations, evidence, "
              "entities, sources. Repeat for xlsx (default: all). datapackage and datasette "
              "always write every table.")


def _tables(fmt: str, chosen: tuple[str, ...]) -> tuple[str, ...]:
    if fmt in FOLDER_FORMATS:
        if chosen:
            raise ExportError(f"--format {fmt} always writes every table; drop --table")
        return LEDGER_TABLES
    if fmt == "xlsx":
        return chosen or LEDGER_TABLES
    return chosen or ("records",)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--table", "chosen", multiple=True, type=click.Choice(tuple(TABLES)),
              help=HELP_TABLE)
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output file, or folder for datapackage/datasette (csv and jsonl default "
                   "to standard output).")
@db_option
def export(fmt: str, chosen: tuple[str, ...], out: Path | None, db_url: str | None) -> None:
    """Export the ledger (donations, evidence, entities, sources) or the records, streamed.

    Run `aidledger reconcile` first for the ledger tables. See README "Exports"."""
    tables = _tables(fmt, chosen)
    if out is None and fmt not in TEXT_FORMATS:
        raise ExportError(f"--format {fmt} needs --out PATH")
    if out is None and len(tables) > 1:
        raise ExportError(f"--format {fmt} writes one table; give one --table")
    if out is not None and out.is_dir() and fmt not in FOLDER_FORMATS:
        raise ExportError(f"{out} is a folder: give a file name for --out")
    _, sessions = open_store(settings(db_url).db_url)
    with sessions() as s:
        if out is None:
            n = export_text(s, tables[0], fmt, sys.stdout)
            counts = {tables[0]: n}
        elif fmt in FOLDER_FORMATS:
            counts = export_folder(s, fmt, out)
        else:
            counts = export_file(s, tables, fmt, out)
    if out is not None:
        what = ", ".join(f"{n} {name}" for name, n in counts.items())
        click.echo(f"wrote {what} to {out}", err=True)
    if counts.get("donations") == 0:
        click.echo("note: the ledger is empty: run `aidledger reconcile` first", err=True)


COMMANDS = [export]
