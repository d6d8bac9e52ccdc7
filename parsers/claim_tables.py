"""Donation tables inside news articles ("| Switzerland | 400,000 |" under "| Recipient | Masks |").

Article text keeps a table as one line per row with cells between bars. A header cell naming
goods makes the numbers in its column quantities of those goods; the row's place or
organisation cell is the recipient; the giver and status are those of the donation statement
the article made before the table. Rows without a recipient (totals, blanks) give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aidledger.parsers.claim_context import Context
from aidledger.parsers.claim_model import Claim, evidence
from aidledger.parsers.claim_parts import Clause
from aidledger.parsers.lexicon import find_places, item_code, lookup_place, org_country
from aidledger.parsers.names import is_org_name
from aidledger.parsers.numbers import parse_number, quantity_warning
from aidledger.parsers.records import Recipient

_SEPARATOR = re.compile(r"^[\s|:-]+$")
_NOT_COUNTS = re.compile(r"\b(?:per|conducted|performed|done|carried out|cases|deaths|rate|"
                         r"positive|capacity|needed|required|shortage)\b|%", re.I)
_TOTAL = re.compile(r"^\s*(?:total|sum|overall|grand total|all)\b", re.I)


@dataclass
class Table:
    header: list[str] = field(default_factory=list)


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def row_claims(clause: Clause, table: Table, ctx: Context) -> list[Claim]:
    """The claims of one table row; the first row without numbers is the header."""
    line = clause.sentence
    if _SEPARATOR.match(line):
        return []
    row = cells(line)
    if not any(re.search(r"\d", c) for c in row):
        table.header = row  # a caption row first ("Second round of donations"), then the header
        return []
    if not table.header:
        return []
    giver = next((i for i, h in enumerate(table.header) if _DONOR_HEAD.match(h)), None)
    status = ctx.status or ctx.list_status
    if giver is not None:  # "| Donor | Masks |" under "Donations received by X include:"
        donors = [row[giver]] if giver < len(row) and row[giver].strip() else []
        recips = list(ctx.list_recipients or ctx.recipients)
        status = ctx.list_status or ctx.status or "donated"
        if not donors or _TOTAL.match(row[giver]):
            return []
    else:
        donors, recips = list(ctx.donors), _recipients(row)
        if not recips or _TOTAL.match(row[0]) or status is None:
            return []  # no donation stated before the table: its numbers are not gifts
    out = []
    for i, cell in enumerate(row):
        label = table.header[i] if i < len(table.header) else ""
        code = item_code(label)
        qty = parse_number(cell)
        unread = qty is None and bool(re.search(r"\d", cell))  # "99999999999999999999"
        if i == giver or code in (None, "other") or (qty is None and not unread) or \
                _NOT_COUNTS.search(label):
            continue
        out.append(Claim(list(donors), code, label, qty, recips, status, None,
                         evidence(clause)))
        if unread:  # null with the cell as written, as a program page's table keeps it
            out[-1].raw, out[-1].warnings = {"qty": cell}, [quantity_warning(cell)]
    return out


_DONOR_HEAD = re.compile(r"^\s*(?:donors?|givers?|donated by|from|compan(?:y|ies)|"
                         r"(?:donor\s+)?organi[sz]ations?|contributors?|source)\s*$", re.I)


def _recipients(row: list[str]) -> list[Recipient]:
    for cell in row:
        if re.search(r"\d", cell):
            continue
        place = lookup_place(cell)
        if place is not None:
            return [Recipient(cell, place.code)]
        found = find_places(cell)
        if found:
            return [Recipient(found[0].text, found[0].place.code)]
        if is_org_name(cell):
            code = org_country(cell)
            return [Recipient(cell, code or f"org:{cell}", cell)]
    return []
