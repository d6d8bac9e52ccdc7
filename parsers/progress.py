"""Progress cells that are not one status: "500,000 In Transit, 500,000 Stocking Up",
"300,000 Detection Kits [In Transit], The Rest [Arrived]", "Initial Shipment [Accepted]The Rest
[In Transit]". Each part keeps its quantity when the cell states one.
"""

from __future__ import annotations

import re

from aidledger.parsers.htmltext import clean, one_line
from aidledger.parsers.lexicon import status_code
from aidledger.parsers.records import StatusPart

# How far along a donation is; a split row is as far along as its least advanced part.
STATUS_ORDER = ("pledged", "preparing", "in_transit", "arrived", "accepted", "donated")
_BRACKETED = re.compile(r"([^\[\]]*?)\[([^\]]+)\]")
_COUNTED = re.compile(r"(\d[\d,.\s]*\d|\d)\s+([^\d,;\n]+)")
_NUMBER = re.compile(r"\d[\d,]*")


def _int(text: str) -> int | None:
    m = _NUMBER.search(text)
    if not m:
        return None
    digits = m.group(0).replace(",", "")
    return int(digits) if digits.isdigit() and len(digits) < 16 else None


def split_progress(text: str | None, total: int | None = None) -> list[StatusPart]:
    """Parts of a split progress cell, or [] when the cell is one plain status."""
    if not text:
        return []
    text = clean(text)
    flat = one_line(text)
    bracketed = list(_BRACKETED.finditer(flat))
    if bracketed:
        parts = [StatusPart(_int(m.group(1)), status_code(m.group(2)),
                            one_line(m.group(0)).strip(" ,;")) for m in bracketed]
    else:
        pieces = [p for p in re.split(r"(?:[,;]\s+|\s*[;\n]\s*)(?=\d)", text) if p.strip()]
        counted = [_COUNTED.fullmatch(one_line(p).strip(" ,;")) for p in pieces]
        if len(pieces) < 2 or not all(counted):
            return []
        parts = [StatusPart(_int(m.group(1)), status_code(m.group(2)), one_line(m.group(0)))
                 for m in counted if m]
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
    if parts:
        return least_advanced([p.status for p in parts])
    return status_code(text)
