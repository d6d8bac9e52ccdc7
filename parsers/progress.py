"""Progress cells that are not one status: "500,000 In Transit, 500,000 Stocking Up",
"300,000 Detection Kits [In Transit]，The Rest [Arrived]", "Initial Shipment [Accepted]The Rest
[In Transit]". Each part keeps its quantity when the cell states one.

A part's quantity is a number at its start, a percentage of the row's total, or "the rest" (the
total less the counted parts). Without brackets, a cell is only split when every part is counted
that way: "Arrived, handed over to the Red Cross" names stages of one shipment, not two parts.
"""

from __future__ import annotations

import re

from aidledger.parsers.htmltext import clean, one_line
from aidledger.parsers.lexicon import status_code
from aidledger.parsers.records import StatusPart

# How far along a donation is. A split row is as far along as its least advanced part: a
# shipment is "arrived" only when all of it has, and the ledger must not overstate delivery.
STATUS_ORDER = ("pledged", "preparing", "in_transit", "arrived", "accepted", "donated")
_BRACKETED = re.compile(r"([^\[\]]*?)\[([^\]]+)\]")
# ";" and line breaks always separate parts; a comma does unless it is a thousands separator.
_SEPARATOR = re.compile(r"\s*(?:[;\n]|(?<!\d),|,(?!\d{3}(?!\d)))\s*")
_COUNT = re.compile(r"^(?:about\s+|approx\.?\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
                    r"(?!\s*(?:batch|shipment|round|lot|flight|consignment|truck))")
_PERCENT = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*%")
_REST = re.compile(r"^(?:the\s+)?(?:rest|remainder|remaining|others?)\b", re.I)


def _count(piece: str, total: int | None) -> tuple[bool, int | None]:
    """(whether the piece states its share, the share when known)."""
    pct = _PERCENT.match(piece)
    if pct:
        share = float(pct.group(1))
        return True, round(total * share / 100) if total is not None and share <= 100 else None
    m = _COUNT.match(piece)
    if m:
        digits = m.group(1).replace(",", "")
        return True, int(digits) if len(digits) < 16 else None
    return bool(_REST.match(piece)), None


def split_progress(text: str | None, total: int | None = None) -> list[StatusPart]:
    """Parts of a split progress cell, or [] when the cell is one plain status."""
    if not text:
        return []
    text = clean(text)
    bracketed = list(_BRACKETED.finditer(one_line(text)))
    if bracketed:
        parts = [StatusPart(_count(m.group(1).strip(" ,;"), total)[1], status_code(m.group(2)),
                            one_line(m.group(0)).strip(" ,;")) for m in bracketed]
    else:
        pieces = [p for p in (p.strip(" ,;") for p in _SEPARATOR.split(text)) if p]
        counted = [_count(p, total) for p in pieces]
        if not all(stated for stated, _ in counted):
            return []
        parts = [StatusPart(q, status_code(p), one_line(p))
                 for p, (_, q) in zip(pieces, counted, strict=True)]
        if any(p.status is None for p in parts):
            return []
    return _fill_rest(parts, total) if len(parts) > 1 else []


def _fill_rest(parts: list[StatusPart], total: int | None) -> list[StatusPart]:
    """"The Rest" is the row total less the counted parts, when exactly one part is uncounted."""
    unknown = [i for i, p in enumerate(parts) if p.quantity is None]
    if total is None or len(unknown) != 1:
        return parts
    known = sum(p.quantity or 0 for p in parts)
    if known >= total:
        return parts
    i = unknown[0]
    parts[i] = StatusPart(total - known, parts[i].status, parts[i].label)
    return parts


def least_advanced(statuses: list[str | None]) -> str | None:
    ranked = [s for s in statuses if s in STATUS_ORDER]
    return min(ranked, key=STATUS_ORDER.index) if ranked else None


def progress_status(text: str | None, parts: list[StatusPart]) -> str | None:
    """The least advanced part's status for a split cell, else the cell's own status."""
    if parts:
        return least_advanced([p.status for p in parts])
    return status_code(text)
