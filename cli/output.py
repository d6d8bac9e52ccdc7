"""Printing rows as a readable table, JSON Lines, JSON or CSV: one helper for every command."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import click


def cell(value: Any) -> str:
    """A value as a short human-readable cell: lists joined, recipients by name (code)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        if "name" in value:
            code = value.get("code")
            return f"{value['name']} ({code})" if code else str(value["name"])
        if "quantity" in value and "status" in value:
            return f"{cell(value['quantity'])} {value['status']}".strip()
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value).replace("\n", " / ")


def print_table(rows: Iterable[dict[str, Any]], columns: Sequence[str],
                widths: dict[str, int] | None = None) -> int:
    widths = widths or {}
    rows = list(rows)
    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    sizes = [min(max([len(c)] + [len(row[i]) for row in cells]), widths.get(c, 40))
             for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(sizes[i]) for i, c in enumerate(columns)))
    click.echo("  ".join("-" * s for s in sizes))
    for row in cells:
        click.echo("  ".join(v[: sizes[i]].ljust(sizes[i]) for i, v in enumerate(row)).rstrip())
    return len(rows)


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up per call: test runners swap sys.stdout
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _csv_value(row.get(k)) for k in columns})
        n += 1
    return n


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | dict):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return "; ".join(value)
        return json.dumps(value, ensure_ascii=False)
    return value
