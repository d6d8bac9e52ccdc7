"""Donation tables of foundation program pages: HTML in, one record per row out.

Driven by what the page says, not by one site's CSS: a table is a donation table when its
header names goods and a quantity or progress (synonyms and misspellings allowed); an accordion
item is a group of label/value lines whose labels are such names. The block a row belongs to is
the nearest short text before its table or panel. When a page shows the same rows twice (a table
and an accordion), the table is primary: each accordion item that repeats a table row is dropped,
and one that disagrees with it is kept as a `PageConflict`, never silently resolved.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from aidledger.parsers.blocks import block_name, block_places
from aidledger.parsers.cells import Cells, build_records, grid_rows
from aidledger.parsers.headers import header_field
from aidledger.parsers.htmltext import parse_html, text_of
from aidledger.parsers.lexicon import fold
from aidledger.parsers.notes import attach_notes, find_events, find_notes
from aidledger.parsers.records import TableRecord

log = logging.getLogger(__name__)


@dataclass
class PageConflict:
    """Two renderings of one row on one page that disagree."""

    block: str
    item: str | None
    quantity: int | None
    fields: list[str]
    primary: dict[str, str | None]
    other: dict[str, str | None]
    primary_locator: str
    other_locator: str


@dataclass
class ProgramPage:
    records: list[TableRecord] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    conflicts: list[PageConflict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    title: str | None = None


def parse_program_page(html: str | bytes, *, url: str | None = None,
                       fetched_at: datetime | None = None) -> ProgramPage:
    """Every donation row and dated progress entry of a program page; never raises."""
    page = ProgramPage()
    try:
        _parse(html, fetched_at, page)
    except Exception as exc:  # a broken page is a warning, never a crashed crawl
        log.exception("%s: table parser failed", url or "page")
        page.records.clear()
        page.warnings.append(f"parser error: {type(exc).__name__}: {exc}")
    return page


def _parse(html: str | bytes, fetched_at: datetime | None, page: ProgramPage) -> None:
    root = parse_html(html)
    if root is None:
        page.warnings.append("empty or unreadable page: no donation table found")
        return
    titles = root.xpath("//title")
    page.title = text_of(titles[0]).replace("\n", " ") if titles else None
    tables = [r for t in root.iter("table") for r in _table_records(t, root)]
    accordion = [r for el, pairs in _accordion_items(root).items()
                 for r in _item_records(el, pairs, root)]
    page.records = tables + _merge_views(tables, accordion, page.conflicts)
    for rec in page.records:
        rec.warnings = [w for w in rec.warnings if w]
    page.notes = find_notes(root)
    attach_notes(page.records, page.notes)
    page.records += find_events(root, fetched_at)
    if not any(r.kind == "table_row" for r in page.records):
        page.warnings.append("no donation table found")


# --- tables ------------------------------------------------------------------------------

def _header(table: etree._Element) -> tuple[etree._Element, list[str | None]] | None:
    for tr in table.iter("tr"):
        if _own_table(tr) is not table:
            continue
        cells = [c for c in tr if c.tag in ("th", "td")]
        fields = [header_field(text_of(c)) for c in cells]
        named = set(filter(None, fields))
        if "goods" in named and named & {"qty", "progress"}:
            return tr, _spread(cells, fields)
        if any(text_of(c) for c in cells):
            return None  # the first row with text is not a donation header
    return None


def _spread(cells: list[etree._Element], fields: list[str | None]) -> list[str | None]:
    out: list[str | None] = []
    for cell, name in zip(cells, fields, strict=True):
        out += [name] * max(1, _span(cell, "colspan"))
    return out


def _span(cell: etree._Element, attr: str) -> int:
    m = re.match(r"\s*(\d+)", cell.get(attr) or "1")
    return min(int(m.group(1)), 1000) if m else 1


def _own_table(el: etree._Element) -> etree._Element | None:
    for anc in el.iterancestors("table"):
        return anc
    return None


def _table_records(table: etree._Element, root: etree._Element) -> list[TableRecord]:
    found = _header(table)
    if found is None:
        return []
    header_row, fields = found
    block = block_name(table)
    rows = [tr for tr in table.iter("tr") if tr is not header_row and _own_table(tr) is table]
    out = []
    tree = root.getroottree()
    for tr, cells in grid_rows(rows, fields, _span):
        if _is_header_again(cells):
            continue
        out += build_records(cells, block, tree.getpath(tr), "table")
    return out


def _is_header_again(cells: Cells) -> bool:
    return bool(cells) and all(header_field(v, 1.0) == k for k, v in cells.items() if v)


# --- accordions ----------------------------------------------------------------------------

def _accordion_items(root: etree._Element) -> dict[etree._Element, list[tuple[str, str]]]:
    """Groups of label/value lines: an element whose two child elements read "Goods" + value."""
    items: dict[etree._Element, list[tuple[str, str]]] = {}
    for line in root.iter("div", "li", "p", "dl", "tr"):
        kids = [k for k in line if isinstance(k.tag, str)]
        if len(kids) != 2 or line.tag == "tr" or _own_table(line) is not None:
            continue
        label = text_of(kids[0])
        name = header_field(label, cutoff=0.85) if len(label) < 30 else None
        if name is None:
            continue
        parent = line.getparent()
        if parent is not None:
            items.setdefault(parent, []).append((name, text_of(kids[1])))
    return {el: pairs for el, pairs in items.items() if any(n == "goods" for n, _ in pairs)}


def _item_records(el: etree._Element, pairs: list[tuple[str, str]],
                  root: etree._Element) -> list[TableRecord]:
    cells: Cells = {}
    for name, value in pairs:
        cells.setdefault(name, value)
    return build_records(cells, block_name(el), root.getroottree().getpath(el), "accordion")


def _merge_views(tables: list[TableRecord], accordion: list[TableRecord],
                 conflicts: list[PageConflict]) -> list[TableRecord]:
    """Accordion records not already shown by a table; disagreements become conflicts."""
    pool: dict[tuple, list[TableRecord]] = {}
    for rec in tables:
        pool.setdefault(_row_key(rec), []).append(rec)
    extra = []
    for rec in accordion:
        same = pool.get(_row_key(rec), [])
        exact = next((t for t in same if _detail(t) == _detail(rec)), None)
        if exact is not None:
            same.remove(exact)
            continue
        if same:
            conflicts.append(_conflict(same.pop(0), rec))
            continue
        extra.append(rec)
    return extra


def _row_key(rec: TableRecord) -> tuple:
    places = block_places(rec.block) or frozenset({_fold_alnum(rec.block)})
    return (places, rec.item, rec.quantity)


def _fold_alnum(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", fold(text or ""))


def _detail(rec: TableRecord) -> tuple[str, str]:
    who = ",".join(sorted(_fold_alnum(d) for d in rec.donors)) + "|" + ",".join(
        sorted(_fold_alnum(r.org) for r in rec.recipients if r.org))
    return (_fold_alnum(rec.raw.get("progress")), who)


def _conflict(primary: TableRecord, other: TableRecord) -> PageConflict:
    fields = [name for name, a, b in zip(("progress", "donors/recipient"), _detail(primary),
                                         _detail(other), strict=True) if a != b]
    keys = ("goods", "qty", "progress", "donors", "recipient")
    return PageConflict(primary.block, primary.item, primary.quantity, fields,
                        {k: primary.raw.get(k) for k in keys}, {k: other.raw.get(k) for k in keys},
                        primary.locator, other.locator)
