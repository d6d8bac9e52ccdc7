"""A Frictionless Data Package (v2) of the ledger: one CSV per table plus `datapackage.json`.

The descriptor gives each field its type, each table its primary key and the links between
tables as foreign keys, so `frictionless validate datapackage.json` checks the export against
itself; `sources` lists every site pages were fetched from, with its address, page count and
retrieval times (each page's and snapshot's are rows of the `sources` table).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aidledger.storage.export_schema import LIST_DELIMITER, TABLES, Field, Table
from aidledger.storage.export_writers import write_csv

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
DESCRIPTOR = "datapackage.json"

RowSource = Callable[[Table], Iterable[dict[str, Any]]]


def field_descriptor(f: Field, table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {"name": f.name, "title": f.title, "description": f.description,
                           "type": f.type}
    if f.type == "list":
        out |= {"delimiter": LIST_DELIMITER, "itemType": f.item}
    if f.name == table.primary_key:
        out["constraints"] = {"required": True, "unique": True}
    return out


def table_schema(table: Table) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_PROFILE,
        "fields": [field_descriptor(f, table) for f in table.fields],
        "missingValues": [""],
        "primaryKey": [table.primary_key],
        "foreignKeys": [{"fields": [fk.field],
                         "reference": {"resource": fk.table, "fields": [fk.other]}}
                        for fk in table.foreign_keys],
    }


def _digest(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return path.stat().st_size, h.hexdigest()


def write_datapackage(rows: RowSource, sources: Iterable[dict[str, Any]], folder: Path,
                      tables: Iterable[str] = tuple(TABLES)) -> dict[str, int]:
    """Write `folder`/<table>.csv for each table, then the descriptor that describes them."""
    folder.mkdir(parents=True, exist_ok=True)
    resources, counts = [], {}
    for name in tables:
        table = TABLES[name]
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            counts[name] = write_csv(table, rows(table), out)
        size, sha = _digest(path)
        resources.append({
            "name": name, "type": "table", "path": path.name, "title": table.title,
            "description": table.description, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "bytes": size, "hash": f"sha256:{sha}",
            "schema": table_schema(table)})
    descriptor = {
        "$schema": PACKAGE_PROFILE, "name": "aidledger-ledger",
        "title": "Relief donations with their evidence",
        "description": "Donations reconciled from foundation program pages and news articles; "
                       "every donation links to the records, quotes and page snapshots behind "
                       "it. Times are UTC.",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "sources": list(sources), "resources": resources,
    }
    with (folder / DESCRIPTOR).open("w", encoding="utf-8") as out:
        json.dump(descriptor, out, ensure_ascii=False, indent=1)
    return counts
