"""A SQLite file of the export tables plus Datasette metadata: the ledger, browsable.

The file is built fresh from the same rows as every other format (so a PostgreSQL store
exports too, and raw page bytes stay out of it), with primary and foreign keys (Datasette links
an evidence row to its donation), indexes on the faceted columns, lists stored as JSON arrays
(Datasette facets them value by value) and full-text search over the evidence.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from aidledger.storage.export_schema import TABLES, Field, Table
from aidledger.storage.export_writers import as_datetime

DATABASE = "aidledger.db"
METADATA = "metadata.json"
SQL_TYPES = {"integer": "INTEGER"}
FTS = {"evidence": ("quote", "reason", "url"), "donations": ("donors", "recipient_names")}
BATCH = 5000

RowSource = Callable[[Table], Iterable[dict[str, Any]]]


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'  # names come from export_schema, not from pages


def _create(table: Table) -> str:
    cols = [f"{_ident(f.name)} {SQL_TYPES.get(f.type, 'TEXT')}"
            + (" PRIMARY KEY" if f.name == table.primary_key else "") for f in table.fields]
    cols += [f"FOREIGN KEY ({_ident(fk.field)}) REFERENCES {_ident(fk.table)}({_ident(fk.other)})"
             for fk in table.foreign_keys]
    return f"CREATE TABLE {_ident(table.name)} (\n  " + ",\n  ".join(cols) + "\n)"


def _value(f: Field, value: Any) -> Any:
    if value is None:
        return None
    if f.type in ("list", "array", "object"):
        return json.dumps(value, ensure_ascii=False)
    if f.type == "datetime":
        when = as_datetime(value)
        return when.isoformat() if when else None
    return value


def _fill(db: sqlite3.Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    marks = ", ".join("?" for _ in table.fields)
    sql = f"INSERT INTO {_ident(table.name)} VALUES ({marks})"
    batch: list[tuple[Any, ...]] = []
    n = 0
    for row in rows:
        batch.append(tuple(_value(f, row.get(f.name)) for f in table.fields))
        if len(batch) >= BATCH:
            db.executemany(sql, batch)
            n, batch = n + len(batch), []
    db.executemany(sql, batch)
    return n + len(batch)


def _index(db: sqlite3.Connection, table: Table) -> None:
    columns = {fk.field for fk in table.foreign_keys} | {
        c for c in table.facets if table.field(c).type not in ("list", "array")}
    for col in sorted(columns):
        db.execute(f"CREATE INDEX {_ident(f'ix_{table.name}_{col}')} "
                   f"ON {_ident(table.name)}({_ident(col)})")
    if table.name in FTS:
        cols = ", ".join(_ident(c) for c in FTS[table.name])
        fts = _ident(f"{table.name}_fts")
        db.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content={_ident(table.name)})")
        db.execute(f"INSERT INTO {fts} (rowid, {cols}) SELECT rowid, {cols} "
                   f"FROM {_ident(table.name)}")


def metadata(tables: Iterable[str] = tuple(TABLES)) -> dict[str, Any]:
    """Datasette metadata: titles, descriptions, column notes, facets, label columns."""
    out: dict[str, Any] = {}
    for name in tables:
        t = TABLES[name]
        facets = [{"array": c} if t.field(c).type == "list" else c for c in t.facets]
        meta: dict[str, Any] = {"title": t.title, "description": t.description,
                                "columns": {f.name: f.description for f in t.fields},
                                "facets": facets}
        if t.label:
            meta["label_column"] = t.label
        if name in FTS:
            meta |= {"fts_table": f"{name}_fts", "fts_pk": "rowid"}
        out[name] = meta
    return {"title": "aidledger: relief donations with their evidence",
            "description": "Donations reconciled from program pages and news, each linked to "
                           "the records, quotes and page snapshots behind it. Times are UTC.",
            "databases": {Path(DATABASE).stem: {"tables": out}}}


def write_datasette(rows: RowSource, folder: Path,
                    tables: Iterable[str] = tuple(TABLES)) -> dict[str, int]:
    """`folder`/aidledger.db and `folder`/metadata.json; the database replaces any older one."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{DATABASE}.tmp"
    tmp.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    db = sqlite3.connect(tmp)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        for name in tables:
            table = TABLES[name]
            db.execute(_create(table))
            counts[name] = _fill(db, table, rows(table))
            _index(db, table)
            db.commit()
    finally:
        db.close()
    tmp.replace(folder / DATABASE)
    (folder / METADATA).write_text(json.dumps(metadata(tables), indent=1, ensure_ascii=False),
                                   encoding="utf-8")
    return counts
