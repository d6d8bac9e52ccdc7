"""Rows into a table through the driver: SQLite executemany, PostgreSQL COPY.

SQLAlchemy's per-value type processing, not the database, was what made a million-row ledger
write slow, so values are converted here, column by column, a batch at a time. Names come
from the models; values are always bound, never spliced.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Table, insert
from sqlalchemy.orm import Session

from aidledger.storage.types import UTCDateTime

BATCH = 5_000  # rows converted and sent at a time: a converted copy of a whole table was a
# fifth of a reconcile's peak memory


def _sqlite_time(v: datetime | None) -> str | None:
    """The text SQLAlchemy's SQLite DateTime stores (UTC, naive, microseconds)."""
    if v is None:
        return None
    return v.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _converters(table: Table, cols: Sequence[str], dialect: str) -> list[Any]:
    out: list[Any] = []
    for name in cols:
        col = table.c.get(name, None)
        kind = col.type if col is not None else None
        if isinstance(kind, JSON):
            out.append(lambda v: None if v is None else json.dumps(v))
        elif isinstance(kind, UTCDateTime) and dialect == "sqlite":
            out.append(_sqlite_time)
        elif isinstance(kind, Boolean) and dialect == "sqlite":
            out.append(lambda v: None if v is None else int(v))
        else:
            out.append(None)
    return out


def bulk_insert(session: Session, table: Any, rows: Sequence[Any],
                columns: Sequence[str] | None = None) -> None:
    """Insert plain dicts (all with the same keys), or with `columns` tuples of values in
    that order (a tuple is a third of a dict's memory, for the side tables' millions of rows).
    Executemany on SQLite, COPY on PostgreSQL, Core executemany elsewhere; the rows go in in
    the order given."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect.name
    cols = list(columns or rows[0])
    if dialect not in ("sqlite", "postgresql"):
        session.execute(insert(table), rows if columns is None else [
            dict(zip(cols, r, strict=True)) for r in rows])
        return
    convert = _converters(table, cols, dialect)
    names = ", ".join(f'"{c}"' for c in cols)
    raw = conn.connection.driver_connection
    batches = (_tuples(rows[i:i + BATCH], cols, convert, columns is None)
               for i in range(0, len(rows), BATCH))
    if dialect == "sqlite":
        marks = ", ".join("?" * len(cols))
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
        for batch in batches:
            raw.executemany(sql, batch)
        return
    with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for batch in batches:
            for t in batch:
                copy.write_row(t)


def _tuples(rows: Sequence[Any], cols: list[str], convert: list[Any], dicts: bool
            ) -> list[tuple[Any, ...]]:
    """The rows as value tuples, converted column by column (so only the converted values
    cost a Python call each)."""
    if not any(convert):
        return [tuple(map(r.get, cols)) for r in rows] if dicts else list(rows)
    if dicts:
        columns = list(zip(*map(itemgetter(*cols), rows), strict=True)) if len(cols) > 1 else [
            tuple(r[cols[0]] for r in rows)]
    else:
        columns = list(zip(*rows, strict=True))
    for j, f in enumerate(convert):
        if f is not None:
            columns[j] = tuple(map(f, columns[j]))
    return list(zip(*columns, strict=True))
