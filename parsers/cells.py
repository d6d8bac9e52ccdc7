"""From the cells of one table row or accordion item to records.

A row can hold several donations (a goods cell "Face Mask * 3,500,000 / Detection Kit * 200,000"
with an empty quantity cell), a split progress, several donors or recipients; this module turns
each into the normalised fields of `TableRecord` while keeping every cell as written in `raw`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree

from aidledger.parsers.htmltext import clean, one_line, text_of
from aidledger.parsers.lexicon import item_code, lookup_place, org_country
from aidledger.parsers.numbers import MAX_VALUE
from aidledger.parsers.progress import progress_status, split_progress
from aidledger.parsers.records import Recipient, TableRecord

Cells = dict[str, str]
MAX_QUANTITY = MAX_VALUE  # more pieces than exist: a typo or an id (the limit prose uses too)
_QTY = re.compile(r"^(?:about|approx\.?|around|over|nearly)?\s*"
                  r"(\d{1,3}(?:[,.\s]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)"  # 1,00,000: Indian
                  r"(?:\.(\d+))?\s*(million|m|k|thousand)?\s*(?:pieces?|pcs\.?|units?|sets?|"
                  r"boxes|bottles|kits?|tests?)?\.?$", re.I)
_SCALE = {"million": 10**6, "m": 10**6, "k": 10**3, "thousand": 10**3}
_PART = re.compile(r"^(?P<label>.*?[^\d\s*×])(?:\s*[*×]\s*|\s+)(?P<qty>\d[\d,.]*)\s*"
                   r"(?:pieces?|pcs\.?|units?)?\.?$", re.I)
_UNDETERMINED = re.compile(r"to be (?:determined|confirmed|decided)|\btbd\b|\btbc\b|^pending$",
                           re.I)
_SUFFIX = re.compile(r"^(?:ltd|co|inc|llc|gmbh|s\.?a|plc|corp|limited)\.?$", re.I)


def parse_quantity(text: str | None) -> tuple[int | None, str | None]:
    """(quantity, warning): "1,000,000" and "300000" parse; anything else keeps null."""
    raw = one_line(clean(text or ""))
    if not raw:
        return None, None
    m = _QTY.match(raw)
    if not m:
        return None, f"unparsable quantity {raw!r}"
    whole = int(re.sub(r"\D", "", m.group(1)))
    scale = _SCALE.get((m.group(3) or "").lower(), 1)
    value = whole * scale
    if m.group(2) and scale > 1:
        value += int(m.group(2)) * scale // 10 ** len(m.group(2))
    elif m.group(2):
        return None, f"fractional quantity {raw!r}"
    if value > MAX_QUANTITY:
        return None, f"implausible quantity {raw!r}"
    return value, None


def grid_rows(rows: list[etree._Element], fields: list[str | None],
              span: Callable[[etree._Element, str], int]) -> Iterator[tuple[etree._Element, Cells]]:
    """Each row's cells by field. A rowspan value belongs to every row it covers; a colspan
    value to the first column it covers only ("In Transit" spanning Progress and Donors is
    not a donor), the other columns it covers being empty."""
    pending: dict[int, tuple[int, str]] = {}
    for tr in rows:
        grid: dict[int, str] = {}
        col = 0
        for cell in (c for c in tr if c.tag in ("td", "th")):
            while col in pending:
                grid[col] = pending[col][1]
                col += 1
            value, down = text_of(cell), span(cell, "rowspan")
            for i in range(span(cell, "colspan")):
                grid[col] = value if i == 0 else ""
                if down > 1:
                    pending[col] = (down, grid[col])
                col += 1
        for c, (_left, value) in pending.items():
            grid.setdefault(c, value)
        pending = {c: (n - 1, v) for c, (n, v) in pending.items() if n > 1 and c in grid}
        yield tr, _first_per_field(fields, grid)


def _first_per_field(fields: list[str | None], grid: dict[int, str]) -> Cells:
    out: Cells = {}
    for i, f in enumerate(fields):
        if f and i in grid and f not in out:
            out[f] = grid[i]
    return out


def split_names(text: str | None) -> list[str]:
    """Names in a donors/recipient cell: one per line or comma; "CO.,LTD" stays whole."""
    if not text:
        return []
    parts = [p.strip(" .;,") for line in clean(text).split("\n")
             for p in re.split(r"[,;、]\s+|;", line)]
    names: list[str] = []
    for p in parts:
        if not p:
            continue
        if names and _SUFFIX.match(p):
            names[-1] = f"{names[-1]}, {p}"
        else:
            names.append(p)
    return names


def _goods_parts(goods: str, qty_cell: str | None) -> list[tuple[str, str | None]]:
    """(label, quantity text) per donation in a goods cell."""
    lines = [ln for ln in clean(goods).split("\n") if ln.strip()]
    matches = [_PART.match(ln) for ln in lines]
    if len(lines) > 1 and all(matches):
        return [(m.group("label").strip(), m.group("qty")) for m in matches if m]
    flat = one_line(clean(goods))
    m = _PART.match(flat)
    if m and not (qty_cell or "").strip():
        return [(m.group("label").strip(), m.group("qty"))]
    return [(flat, qty_cell)]


def _block_parts(block: str) -> list[tuple[str, str]]:
    """(name as written, code) for each place a block names, in the block's order."""
    whole = lookup_place(block)
    if whole:
        return [(block, whole.code)]
    out: list[tuple[str, str]] = []
    for part in re.split(r",|;|\n|\band\b|&|/", block):
        place = lookup_place(part)
        if place and place.code not in {c for _, c in out}:
            out.append((part.strip(), place.code))
    return out


def recipients_for(block: str, recipient_cell: str | None) -> list[Recipient]:
    """The block's places, or the organisations of a recipient cell with their countries."""
    places = _block_parts(block)
    single = places[0][1] if len(places) == 1 else None
    orgs = [n for n in split_names(recipient_cell) if not _UNDETERMINED.search(n)]
    if not orgs:
        return [Recipient(name=name, code=code) for name, code in places] or (
            [Recipient(name=block)] if block else [])
    out = []
    for org in orgs:
        place = lookup_place(org)
        code = place.code if place else (org_country(org) or single or f"org:{org}")
        out.append(Recipient(name=org, code=code, org=None if place else org))
    return out


def build_records(cells: Cells, block: str, locator: str, view: str) -> list[TableRecord]:
    """One record per donation in the row (several for a composite goods cell)."""
    goods = cells.get("goods") or ""
    if not goods.strip() and not (cells.get("qty") or "").strip():
        return []
    raw = {"block": block or None, **{k: cells.get(k) for k in
                                       ("goods", "qty", "progress", "donors", "recipient")}}
    progress = cells.get("progress")
    out = []
    for label, qty_text in _goods_parts(goods, cells.get("qty")):
        quantity, warning = parse_quantity(qty_text)
        parts = split_progress(progress, quantity)
        out.append(TableRecord(
            kind="table_row", block=block, item=item_code(label), item_label=label or None,
            quantity=quantity, status=progress_status(progress, parts),
            status_label=one_line(clean(progress or "")) or None,
            donors=split_names(cells.get("donors")),
            recipients=recipients_for(block, cells.get("recipient")), status_parts=parts,
            raw=raw, locator=locator, view=view, warnings=[warning] if warning else [],
        ))
    return out
