"""An Excel workbook of the ledger for people who work in spreadsheets.

Written with XlsxWriter in constant-memory mode: each row goes to disk as the next one starts,
so a million donations cost the same memory as a hundred. A sheet holds at most 1,048,576 rows
(Excel's limit): a longer table goes on over "donations (2)", "donations (3)"..., and the
"about" sheet says so. Every scraped value is written as text, never as a formula or a link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aidledger.storage.export_schema import Field, Table
from aidledger.storage.export_writers import as_datetime, text_cell

EXCEL_ROWS = 1_048_576
EXCEL_CELL = 32_767  # characters a cell holds
WIDTHS = {"string": 24, "integer": 12, "datetime": 20, "list": 30, "array": 40, "object": 40}

RowSource = Callable[[Table], Iterable[dict[str, Any]]]


class _Sheets:
    """The sheets of one table, a new one started whenever Excel's row limit is reached."""

    def __init__(self, book: Any, table: Table, formats: dict[str, Any], limit: int) -> None:
        self.book, self.table, self.formats, self.limit = book, table, formats, limit
        self.sheets: list[tuple[str, int]] = []
        self.sheet: Any = None
        self.row = 0

    def _start(self) -> None:
        if self.sheet is not None:
            self._finish()
        name = self.table.name if not self.sheets else f"{self.table.name} ({len(self.sheets) + 1})"
        self.sheet = self.book.add_worksheet(name[:31])
        for col, f in enumerate(self.table.fields):
            self.sheet.set_column(col, col, WIDTHS[f.type])
            self.sheet.write_string(0, col, f.name, self.formats["header"])
        self.sheet.freeze_panes(1, 0)
        self.sheets.append((name, 0))
        self.row = 1

    def _finish(self) -> None:
        name, _ = self.sheets[-1]
        self.sheets[-1] = (name, self.row - 1)
        self.sheet.autofilter(0, 0, max(self.row - 1, 1), len(self.table.fields) - 1)

    def add(self, row: dict[str, Any]) -> None:
        if self.sheet is None or self.row >= self.limit:
            self._start()
        for col, f in enumerate(self.table.fields):
            _write(self.sheet, self.row, col, f, row.get(f.name), self.formats)
        self.row += 1

    def close(self) -> list[tuple[str, int]]:
        if self.sheet is None:
            self._start()
        self._finish()
        return self.sheets


def _write(sheet: Any, row: int, col: int, f: Field, value: Any, formats: dict[str, Any]
           ) -> None:
    if value is None or value == "" or value == [] or value == {}:
        return
    if f.type == "integer" and isinstance(value, int) and abs(value) < 2 ** 53:
        sheet.write_number(row, col, value, formats["integer"])
    elif f.type == "datetime":
        when = as_datetime(value)
        assert when is not None
        sheet.write_datetime(row, col, when.astimezone(UTC).replace(tzinfo=None),
                             formats["datetime"])
    else:
        text = text_cell(f, value)
        if len(text) > EXCEL_CELL:
            text = text[: EXCEL_CELL - 1] + "…"
        sheet.write_string(row, col, text)


def write_xlsx(tables: list[Table], rows: RowSource, path: Path,
               limit: int = EXCEL_ROWS) -> dict[str, int]:
    """One sheet per table (more past Excel's row limit) after an "about" sheet."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
        "strings_to_urls": False, "default_date_format": "yyyy-mm-dd hh:mm:ss"})
    formats = {"header": book.add_format({"bold": True, "bg_color": "#DDEBF7"}),
               "integer": book.add_format({"num_format": "#,##0"}),
               "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})}
    about = book.add_worksheet("about")
    about.set_column(0, 0, 22)
    about.set_column(1, 1, 22)
    about.set_column(2, 2, 90)
    line = _about_header(about, formats["header"])
    counts: dict[str, int] = {}
    for table in tables:
        sheets = _Sheets(book, table, formats, limit)
        for row in rows(table):
            sheets.add(row)
        parts = sheets.close()
        counts[table.name] = sum(n for _, n in parts)
        line = _about_table(about, line, table, parts, formats["header"])
    book.close()
    return counts


def _about_header(sheet: Any, bold: Any) -> int:
    sheet.write_string(0, 0, "aidledger export", bold)
    sheet.write_string(1, 0, "written")
    sheet.write_string(1, 1, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    sheet.write_string(2, 0, "note")
    sheet.write_string(2, 2, "Times are UTC. Lists are joined with '; '; nested values are "
                             "JSON. Excel holds 1,048,576 rows a sheet: longer tables go on "
                             "over numbered sheets.")
    return 4


def _about_table(sheet: Any, line: int, table: Table, parts: list[tuple[str, int]],
                 bold: Any) -> int:
    sheet.write_string(line, 0, table.name, bold)
    sheet.write_string(line, 1, f"{sum(n for _, n in parts):,} rows")
    sheet.write_string(line, 2, table.description)
    line += 1
    if len(parts) > 1:
        where = ", ".join(f"'{name}' ({n:,})" for name, n in parts)
        sheet.write_string(line, 2, f"split over {len(parts)} sheets: {where}")
        line += 1
    for f in table.fields:
        sheet.write_string(line, 1, f.name)
        sheet.write_string(line, 2, f"{f.type}: {f.description}")
        line += 1
    return line + 1
