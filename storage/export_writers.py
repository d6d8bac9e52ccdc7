"""Streaming writers: rows in, one file out, memory bounded by a batch, never by the table.

CSV and JSON Lines write row by row; Parquet buffers one row group at a time (pyarrow);
Excel goes through XlsxWriter's constant-memory mode, which flushes each row as the next starts.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from aidledger.storage.export_schema import LIST_DELIMITER, Field, Table

ROW_GROUP = 20_000


def as_datetime(value: Any) -> datetime | None:
    """Datetimes arrive as objects (ledger reads) or ISO text (record reads)."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def text_cell(f: Field, value: Any) -> str:
    """A value as CSV/Excel text: lists "; "-joined, nested data as JSON, empty as ""."""
    if value is None:
        return ""
    convert = _TEXT.get(f.type)
    return convert(value) if convert else str(value)


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _joined(value: Any) -> str:
    return LIST_DELIMITER.join(map(str, value))


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if value else ""


_TEXT = {"datetime": _iso, "list": _joined, "array": _json_text, "object": _json_text}


def write_csv(table: Table, rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Strings and integers go to the csv module as they are (None is written empty)."""
    writer = csv.writer(out)
    writer.writerow(table.columns)
    plain = [(f.name, _TEXT.get(f.type)) for f in table.fields]
    n = 0
    for row in rows:
        cells = [row.get(name) for name, _ in plain]
        for i, (_, convert) in enumerate(plain):
            if convert and cells[i] is not None:
                cells[i] = convert(cells[i])
        writer.writerow(cells)
        n += 1
    return n


def write_jsonl(table: Table, rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    names = [f.name for f in table.fields]
    dates = {f.name for f in table.fields if f.type == "datetime"}
    n = 0
    for row in rows:
        line = {k: row.get(k) for k in names}
        for k in dates:
            if isinstance(line[k], datetime):
                line[k] = line[k].isoformat()
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        n += 1
    return n


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def arrow_schema(table: Table) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "integer": pa.int64(), "array": pa.string(),
             "object": pa.string(), "datetime": pa.timestamp("us", tz="UTC")}
    fields = []
    for f in table.fields:
        if f.type == "list":
            kind = pa.list_(pa.int64() if f.item == "integer" else pa.string())
        else:
            kind = types[f.type]
        meta = {"description": f.description, "type": f.type}
        fields.append(pa.field(f.name, kind, metadata=meta))
    return pa.schema(fields, metadata={"table": table.name, "description": table.description})


def _arrow_column(f: Field, values: list[Any]) -> list[Any]:
    """One column of a row group as pyarrow takes it: nested data as JSON text."""
    if f.type in ("array", "object"):
        return [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
    if f.type == "datetime":
        return [as_datetime(v) for v in values]
    return values


def write_parquet(table: Table, rows: Iterable[dict[str, Any]], path: Path,
                  row_group: int = ROW_GROUP) -> int:
    """One row group per `row_group` rows, so memory holds one group, not the table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in _batches(rows, row_group):
            columns = {f.name: _arrow_column(f, [r.get(f.name) for r in batch])
                       for f in table.fields}
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n
