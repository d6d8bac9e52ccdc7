"""Exports for data teams: the store's tables in the formats their tools read.

`FORMATS` says what each format writes. Single-file formats (CSV, JSON Lines, Parquet) take one
table; the workbook takes several (a sheet each); the data package and the Datasette folder
always hold every table, since their foreign keys tie the tables together. Rows are streamed
from the store: memory stays bounded by a batch, whatever the ledger's size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.orm import Session

from aidledger.errors import AidledgerError
from aidledger.storage.export_datasette import write_datasette
from aidledger.storage.export_package import write_datapackage
from aidledger.storage.export_rows import ROWS, site_sources
from aidledger.storage.export_schema import TABLES, Table
from aidledger.storage.export_writers import write_csv, write_jsonl, write_parquet
from aidledger.storage.export_xlsx import write_xlsx

TEXT_FORMATS = ("csv", "jsonl")
FILE_FORMATS = (*TEXT_FORMATS, "parquet", "xlsx")
FOLDER_FORMATS = ("datapackage", "datasette")
FORMATS = (*FILE_FORMATS, *FOLDER_FORMATS)


class ExportError(AidledgerError):
    pass


def table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise ExportError(f"no table {name!r}: choose from {', '.join(TABLES)}") from None


def rows(session: Session, t: Table) -> Iterator[dict[str, Any]]:
    """The rows of one table, streamed."""
    return iter(ROWS[t.name](session))


def export_text(session: Session, name: str, fmt: str, out: TextIO) -> int:
    """One table as CSV or JSON Lines to an open text stream (a file or standard output)."""
    t = table(name)
    writer = write_csv if fmt == "csv" else write_jsonl
    return writer(t, rows(session, t), out)


def export_file(session: Session, names: Iterable[str], fmt: str, path: Path) -> dict[str, int]:
    """One table as CSV, JSON Lines or Parquet, or several tables as one Excel workbook."""
    tables = [table(n) for n in names]
    if fmt == "xlsx":
        return write_xlsx(tables, lambda t: rows(session, t), path)
    if len(tables) != 1:
        raise ExportError(f"--format {fmt} writes one table; give one --table "
                          "(or use xlsx, datapackage or datasette for several)")
    t = tables[0]
    if fmt == "parquet":
        return {t.name: write_parquet(t, rows(session, t), path)}
    with path.open("w", encoding="utf-8", newline="") as out:
        return {t.name: export_text(session, t.name, fmt, out)}


def export_folder(session: Session, fmt: str, folder: Path) -> dict[str, int]:
    """Every table as a Frictionless data package or a Datasette database with metadata."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file: --format {fmt} writes a folder; give a folder "
                          "path for --out")
    source = lambda t: rows(session, t)  # noqa: E731 - one table's rows, for the writers
    if fmt == "datapackage":
        return write_datapackage(source, site_sources(session), folder)
    return write_datasette(source, folder)
