"""Donation tables of foundation program pages: HTML in, one record per row out.

Driven by what the page says, not one site's CSS: a table whose header names goods and one more
donation column (synonyms, misspellings allowed), or label/value groups saying the same (an
accordion's "Goods / Face Mask" lines, a definition list, a key/value table). A row's block is its
own country cell or the group row above it, else the table's caption, else the nearest short text
before the table. Never the enclosing container's first line: real pages nest blocks wrongly.

One row, two renderings (a table and an accordion): the table is primary, being the hand-kept
view on the pages we know (the accordion is generated, or a demo). An item equal to a table row is
dropped; one matching a row by block places + item + quantity but differing in progress or
donors/recipient, or by block + item with another quantity (as many unmatched on both sides), is
dropped and recorded as a `PageConflict`. Disagreements are reported, never silently resolved.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from lxml import etree

from aidledger.parsers.blocks import block_name, block_places
from aidledger.parsers.cells import Cells, build_records, grid_rows
from aidledger.parsers.headers import header_field
from aidledger.parsers.htmltext import one_line, parse_html, text_of
from aidledger.parsers.lexicon import fold
from aidledger.parsers.notes import attach_notes, find_events, find_notes
from aidledger.parsers.records import TableRecord

log = logging.getLogger(__name__)

MAX_TITLE_ROWS = 3  # caption-like rows allowed above a table's header row
MAX_BLOCK_CHARS = 160
# Column or label names that make a cell the row's block rather than a donation field.
_PLACE_COLUMNS = frozenset({"country", "countries", "countryregion", "countriesregions",
                            "region", "regions", "destination", "recipientcountry", "location",
                            "nation"})
_TOTAL = re.compile(r"^(?:grand\s+|sub-?)?totals?\b", re.I)  # sums, not donations
_TAG = re.compile(r"<[^>]*>")
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)
_ORG_END = re.compile(r"\b(?:foundation|fund|trust|charity|association|society|institute|group|"
                      r"company|corporation|bank|council|cross|ltd|inc|co)\.?$", re.I)
_LINE_TAGS = ("div", "li", "p", "tr", "dt")
Line = tuple[etree._Element, str, str]  # (element, field, value)


@dataclass
class PageConflict:
    """Two renderings of one row on one page that disagree."""

    block: str
    item: str | None
    quantity: int | None
    fields: list[str]  # "quantity", "progress", "donors/recipient"
    primary: dict[str, str | None]
    other: dict[str, str | None]
    primary_locator: str
    other_locator: str


@dataclass
class ProgramPage:
    """What one fetch of a program page says; `records` are table rows, then dated events."""

    records: list[TableRecord] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    conflicts: list[PageConflict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    title: str | None = None


def parse_program_page(html: str | bytes, *, url: str | None = None,
                       fetched_at: datetime | None = None) -> ProgramPage:
    """Every donation row, then every dated progress entry of a program page; never raises.

    A crawl must survive any page, so a bug here costs the page's records, not the crawl.
    """
    page = ProgramPage()
    try:
        _parse(html, fetched_at, page)
    except Exception as exc:  # a broken page is a warning, never a crashed crawl
        log.exception("%s: table parser failed", url or "page")
        page.records.clear()
        page.conflicts.clear()
        page.warnings.append(f"parser error: {type(exc).__name__}: {exc}")
    return page


def _parse(html: str | bytes, fetched_at: datetime | None, page: ProgramPage) -> None:
    root = parse_html(html)
    if root is None:
        page.warnings.append("empty or unreadable page: no donation table found")
        return
    tree = root.getroottree()
    page.title = _title(root)
    rows: list[TableRecord] = []
    data_tables: set[etree._Element] = set()
    for table in root.iter("table"):
        found = _table_records(table, tree)
        if found is not None:
            data_tables.add(table)
            rows += found
    items = [r for group, lines in _label_groups(root, data_tables).items()
             for r in _group_records(group, lines, tree)]
    page.records = rows + _merge_views(rows, items, page.conflicts)
    page.notes = find_notes(root)
    attach_notes(page.records, page.notes)
    page.records += find_events(root, fetched_at)
    if not any(r.kind == "table_row" for r in page.records):
        page.warnings.append("no donation table found")


def _title(root: etree._Element) -> str | None:
    """`<title>` is raw text: a `<br/>` typed into it is markup to drop, not words."""
    title = root.find(".//title")
    text = one_line(_TAG.sub(" ", text_of(title))) if title is not None else ""
    return text or None


@lru_cache(maxsize=4096)
def _column(text: str, cutoff: float = 0.8) -> str | None:
    """The field a header or label names; a country/region column names the row's block."""
    if re.sub(r"[\W_]+", "", fold(text)) in _PLACE_COLUMNS:
        return "block"
    return header_field(text, cutoff)


# --- tables ------------------------------------------------------------------------------

def _own_table(el: etree._Element) -> etree._Element | None:
    return next(el.iterancestors("table"), None)


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr if c.tag in ("th", "td")]


def _span(cell: etree._Element, attr: str) -> int:
    m = re.match(r"\s*(\d+)", cell.get(attr) or "1")
    return min(max(int(m.group(1)), 1), 1000) if m else 1


def _header(rows: list[etree._Element]) -> tuple[int, list[str | None], str] | None:
    """(header row index, field per grid column, text of title rows above it), or None."""
    titles: list[str] = []
    for i, tr in enumerate(rows[:MAX_TITLE_ROWS + 1]):
        cells = _cells(tr)
        texts = [text_of(c) for c in cells]
        fields = [_column(t) if t else None for t in texts]
        named = set(filter(None, fields))
        if "goods" in named and len(named) > 1:
            spread = [f for c, f in zip(cells, fields, strict=True)
                      for _ in range(_span(c, "colspan"))]
            return i, spread, " ".join(titles)
        distinct = {t for t in texts if t}
        if len(distinct) > 1:
            return None  # a row of several texts that is no donation header: not our table
        titles.extend(distinct)
    return None


def _table_block(table: etree._Element, titles: str) -> str:
    """The table's own caption or title row when it names a place, else the text before it."""
    caption = table.find("caption")
    own = one_line(" ".join(filter(None, [text_of(caption) if caption is not None else "",
                                          titles])))
    before = block_name(table)
    return own if own and (block_places(own) or not before) else before


def _group_title(tr: etree._Element, width: int) -> str | None:
    """A row that only names the block of the rows below it ("Japan" across the table)."""
    filled = [c for c in _cells(tr) if text_of(c)]
    if len(filled) != 1 or _span(filled[0], "colspan") < max(2, width - 1):
        return None
    text = one_line(text_of(filled[0]))
    return text if len(text) <= MAX_BLOCK_CHARS else None


def _table_records(table: etree._Element, tree: etree._ElementTree) -> list[TableRecord] | None:
    """Records of a donation table (possibly none), or None when it is not one."""
    rows = [tr for tr in table.iter("tr") if _own_table(tr) is table]
    found = _header(rows)
    if found is None:
        return None
    at, fields, titles = found
    block = _table_block(table, titles)
    body = rows[at + 1:]
    groups = {tr: t for tr in body if (t := _group_title(tr, len(fields)))}
    out: list[TableRecord] = []
    for tr, cells in grid_rows(body, fields, _span):
        if tr in groups:
            block = groups[tr]
            continue
        if _is_header_again(cells) or _TOTAL.match(one_line(cells.get("goods") or "")):
            continue
        row_block = one_line(cells.pop("block", "") or "") or block
        out += _records(cells, row_block, tree.getpath(tr), "table")
    return out


def _records(cells: Cells, block: str, locator: str, view: str) -> list[TableRecord]:
    records = build_records(cells, block, locator, view)
    for rec in records:
        rec.donors = [part for name in rec.donors for part in _split_and(name)]
    return records


def _split_and(name: str) -> list[str]:
    """"A Fund and B Foundation" is two donors; "Bill and Melinda Gates Foundation" and
    "Department of Health and Human Services" are one: split only between whole names."""
    parts = _AND.split(name)
    return parts if len(parts) > 1 and all(_ORG_END.search(p) for p in parts) else [name]


def _is_header_again(cells: Cells) -> bool:
    return bool(cells) and all(_column(v, 1.0) == k for k, v in cells.items() if v)


# --- label/value groups (accordions, definition lists, key/value tables) -------------------

def _label_value(line: etree._Element) -> tuple[str, str] | None:
    """(field, value) of a line like `<div><span>QTY(Piece)</span><span>300000</span></div>`."""
    if line.tag == "dt":
        value_el = line.getnext()
        if value_el is None or value_el.tag != "dd":
            return None
        label_el = line
    else:
        if len(line) != 2:  # comments are gone at parse time: children are elements
            return None
        label_el, value_el = line
    if len(label_el) > 1:  # a wrapper of two whole lines, not a label
        return None
    label = text_of(label_el)
    name = _column(label, cutoff=0.85) if 0 < len(label) < 30 else None
    return (name, text_of(value_el)) if name else None


def _label_groups(root: etree._Element,
                  data_tables: set[etree._Element]) -> dict[etree._Element, list[Line]]:
    """Label/value lines by their parent element, outside the donation tables already read."""
    groups: dict[etree._Element, list[Line]] = {}
    for line in root.iter(*_LINE_TAGS):
        pair = _label_value(line)
        if pair is None or _own_table(line) in data_tables:
            continue
        parent = line.getparent()
        if parent is not None:
            groups.setdefault(parent, []).append((line, *pair))
    return groups


def _split_repeats(lines: list[Line]) -> list[list[Line]]:
    """One parent may hold several items in a row: a label seen again starts the next item.

    An item needs goods and one more donation field, as a table header does: a lone "Item"
    label is too weak a sign (the first row of any two-column table has one).
    """
    groups: list[list[Line]] = [[]]
    for line in lines:
        if any(name == line[1] for _, name, _ in groups[-1]):
            groups.append([])
        groups[-1].append(line)
    return [g for g in groups if "goods" in (names := {n for _, n, _ in g}) and len(names) > 1]


def _group_records(parent: etree._Element, lines: list[Line],
                   tree: etree._ElementTree) -> list[TableRecord]:
    """Records of one parent's label/value items; placeholder panels have no goods: nothing."""
    items = _split_repeats(lines)
    out: list[TableRecord] = []
    for item in items:
        cells: Cells = {name: value for _, name, value in item}  # no label twice in an item
        el = parent if len(items) == 1 else item[0][0]
        block = one_line(cells.pop("block", "") or "") or block_name(parent)
        view = "table" if item[0][0].tag == "tr" else "accordion"
        out += _records(cells, block, tree.getpath(el), view)
    return out


# --- one row shown twice ------------------------------------------------------------------

def _merge_views(tables: list[TableRecord], items: list[TableRecord],
                 conflicts: list[PageConflict]) -> list[TableRecord]:
    """Label/value records that no table row shows already; disagreements become conflicts."""
    pool: dict[tuple, list[TableRecord]] = {}
    for rec in tables:
        pool.setdefault(_row_key(rec), []).append(rec)
    detail = {id(r): _detail(r) for r in tables + items}
    left: list[TableRecord] = []
    for rec in items:
        same = pool.get(_row_key(rec), [])
        match = next((t for t in same if detail[id(t)] == detail[id(rec)]),
                     same[0] if same else None)
        if match is None:
            left.append(rec)
            continue
        same.remove(match)
        if detail[id(match)] != detail[id(rec)]:
            conflicts.append(_conflict(match, rec))
    return _pair_quantities(pool, left, conflicts)


def _pair_quantities(pool: dict[tuple, list[TableRecord]], left: list[TableRecord],
                     conflicts: list[PageConflict]) -> list[TableRecord]:
    """Unmatched items that pair one-to-one with unmatched table rows of the same block and
    item are those rows with another quantity (a conflict), not extra donations."""
    rows: dict[tuple, list[TableRecord]] = {}
    for key, recs in pool.items():
        rows.setdefault(key[:2], []).extend(recs)
    mine: dict[tuple, list[TableRecord]] = {}
    for rec in left:
        mine.setdefault(_row_key(rec)[:2], []).append(rec)
    paired: set[int] = set()
    for key, recs in mine.items():
        if len(rows.get(key, [])) == len(recs):
            conflicts.extend(_conflict(t, r) for t, r in zip(rows[key], recs, strict=True))
            paired.update(id(r) for r in recs)
    return [r for r in left if id(r) not in paired]


def _row_key(rec: TableRecord) -> tuple:
    places = block_places(rec.block) or frozenset({_fold_alnum(rec.block)})
    return (places, rec.item, rec.quantity)


def _fold_alnum(text: str | None) -> str:
    """Renderings differ in separators only (", " vs `<br/>`, "，" vs ","): compare the rest."""
    return re.sub(r"[\W_]+", "", fold(text or ""))


def _detail(rec: TableRecord) -> tuple[str, str]:
    who = ",".join(sorted(_fold_alnum(d) for d in rec.donors)) + "|" + ",".join(
        sorted(_fold_alnum(r.org) for r in rec.recipients if r.org))
    return (_fold_alnum(rec.raw.get("progress")), who)


def _conflict(primary: TableRecord, other: TableRecord) -> PageConflict:
    (p1, w1), (p2, w2) = _detail(primary), _detail(other)
    fields = [name for name, a, b in (("quantity", primary.quantity, other.quantity),
                                      ("progress", p1, p2), ("donors/recipient", w1, w2))
              if a != b]
    keys = ("goods", "qty", "progress", "donors", "recipient")
    return PageConflict(primary.block, primary.item, primary.quantity, fields,
                        {k: primary.raw.get(k) for k in keys}, {k: other.raw.get(k) for k in keys},
                        primary.locator, other.locator)
