"""When two records describe the same transfer, and why: rules a journalist can read back.

Each rule returns a reason in words ("same donor, item and country; quantity equal") or None.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from aidledger.parsers.lexicon import REGION_PREFIX, country_name, region_members

QUANTITY_TOLERANCE = 0.10  # "nearly 2 million" vs 1.8 million: compatible, but flagged
EACH_TOLERANCE = 0.05  # 20,000 x 54 = 1,080,000 ~ 1,100,000


@dataclass(slots=True)
class Rec:
    """What the reconciler needs of one record (table row or claim); slots: a million of
    them stay a few hundred bytes each. Nothing here is changed after it is made, so the
    loader shares equal values (donor tuples, histories, URLs) between records."""

    id: str
    kind: str
    url: str
    donors: Sequence[str]
    families: frozenset[str]
    item: str
    quantity: int | None
    quantity_each: int | None
    places: frozenset[str]
    status: str | None
    first_seen: datetime
    last_seen: datetime
    gone_since: datetime | None = None
    source_key: str = ""
    parent_id: str | None = None
    history: Sequence[tuple[str | None, str]] = ()  # (status, since)
    # the other quantities the record showed over time (its `quantity` need not be in it:
    # every rule looks at both)
    quantities: Collection[int] = frozenset()


def places_overlap(a: frozenset[str], b: frozenset[str]) -> str | None:
    """How two recipient sets meet: the same places, a shared one, or a region containing one."""
    if not a or not b:
        return None
    if a == b:
        return "same recipients"
    if a & b:
        return "shared recipient " + ", ".join(sorted(country_name(c) for c in a & b))
    for x, y in ((a, b), (b, a)):
        for code in x:
            if code.startswith(REGION_PREFIX) and y <= (region_members(code) | {code}):
                return f"{', '.join(sorted(country_name(c) for c in y))} in {country_name(code)}"
    return None


def places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether `places_overlap` finds a way two recipient sets meet (without its words)."""
    if not a or not b:
        return False
    if a == b or not a.isdisjoint(b):
        return True
    for x, y in ((a, b), (b, a)):
        for code in x:
            if code.startswith(REGION_PREFIX) and y <= (region_members(code) | {code}):
                return True
    return False


def fmt(n: int | None) -> str:
    return "no number" if n is None else f"{n:,}"


def quantity_fit(claim: Rec, row: Rec) -> tuple[str, str] | None:
    """(verdict, reason): "equal" | "each" | "close" (a conflict) | "unknown", or None."""
    if claim.quantity is None or row.quantity is None:
        return "unknown", "no number on one side"
    if claim.quantity == row.quantity:
        return "equal", "quantity equal"
    if claim.quantity in row.quantities:
        return "equal", f"quantity equal to what the page showed before ({fmt(claim.quantity)})"
    if claim.quantity_each and abs(claim.quantity - row.quantity) <= EACH_TOLERANCE * row.quantity:
        return "each", (f"{fmt(claim.quantity_each)} each makes {fmt(claim.quantity)}, within "
                        f"{EACH_TOLERANCE:.0%} of {fmt(row.quantity)}")
    for shown in sorted({row.quantity, *row.quantities}, key=lambda q: abs(q - claim.quantity)):
        if abs(claim.quantity - shown) <= QUANTITY_TOLERANCE * max(claim.quantity, shown):
            return "close", f"quantities differ: {fmt(claim.quantity)} vs {fmt(shown)}"
    return None


def quantity_verdict(claim: Rec, row: Rec) -> str | None:
    """The verdict of `quantity_fit` alone (no reason worded): cheap enough to try on every
    candidate of a crowded block; the reason is worded once, for the one that wins."""
    if claim.quantity is None or row.quantity is None:
        return "unknown"
    if claim.quantity == row.quantity or claim.quantity in row.quantities:
        return "equal"
    if claim.quantity_each and abs(claim.quantity - row.quantity) <= EACH_TOLERANCE * row.quantity:
        return "each"
    for shown in (row.quantity, *row.quantities):
        if abs(claim.quantity - shown) <= QUANTITY_TOLERANCE * max(claim.quantity, shown):
            return "close"
    return None


def sums_to(total: int, parts: list[Rec]) -> bool:
    return bool(parts) and all(p.quantity for p in parts) and sum(
        p.quantity or 0 for p in parts) == total
