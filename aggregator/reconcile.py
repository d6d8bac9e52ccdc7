"""Records in, donations out: a pure function, so the same records always give the same ledger.

Blocking: records are compared only within (donor family, item), so the cost grows with the
size of the largest block, not the square of the store. Inside a block, each row of a donor's
own page anchors a donation (its primary evidence); each news claim then attaches to the row it
matches, to an earlier news-only donation it repeats, as the aggregate of country rows it sums,
or starts a news-only donation of its own.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from aidledger.aggregator.matching import (
    Rec,
    fmt,
    places_overlap,
    quantity_fit,
    sums_to,
)
from aidledger.parsers.lexicon import REGION_PREFIX, country_name, region_members
from aidledger.parsers.progress import STATUS_ORDER


@dataclass
class Link:
    record: Rec
    role: str  # primary | corroborates | part_of | aggregate_of | conflicts
    reason: str


@dataclass
class DonationOut:
    id: str
    anchor: Rec
    block_key: str
    links: list[Link] = field(default_factory=list)
    conflicts: list[dict[str, str]] = field(default_factory=list)
    quantity_rule: str = ""

    @property
    def independent_sources(self) -> int:
        return len({lk.record.source_key for lk in self.links
                    if lk.role in ("primary", "corroborates", "conflicts")})


def donation_id(anchor_id: str) -> str:
    return "don_" + hashlib.sha1(anchor_id.encode()).hexdigest()[:16]


Reviews = dict[tuple[str, str], str]  # (record id, anchor record id) -> confirm | reject


def reconcile(records: list[Rec], reviews: Reviews | None = None) -> list[DonationOut]:
    reviews = reviews or {}
    blocks: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    home = {r.id: (min(r.families) if r.families else "?", r.item) for r in records}
    for (rid, anchor), verdict in reviews.items():  # a confirmed link crosses blocks
        if verdict == "confirm" and rid in home and anchor in home:
            home[rid] = home[anchor]
    for r in records:
        blocks[home[r.id]].append(r)  # one block per record (co-donors share a family)
    out: list[DonationOut] = []
    for key in sorted(blocks):
        out += _block(blocks[key], "|".join(key), reviews)
    return sorted(out, key=lambda d: d.id)


def _order(r: Rec) -> tuple:
    return (r.first_seen, r.id)


def _block(recs: list[Rec], key: str, reviews: Reviews) -> list[DonationOut]:
    rows = sorted((r for r in recs if r.kind == "table_row"), key=_order)
    # a part ("a third of it") after the claim it is a part of
    claims = sorted((r for r in recs if r.kind == "claim"),
                    key=lambda r: (r.first_seen, r.parent_id is not None, r.id))
    donations: list[DonationOut] = []
    for r in rows:
        same = next((d for d in donations if d.anchor.url != r.url and d.anchor.kind == r.kind
                     and d.anchor.places == r.places and d.anchor.quantity == r.quantity), None)
        if same is not None:  # the same row on another URL of the donor's site
            same.links.append(Link(r, "corroborates", "the same row on another page of the "
                                                      "donor's site"))
            continue
        donations.append(DonationOut(donation_id(r.id), r, key,
                                     [Link(r, "primary", "the donor's own page lists this row")]))
    by_record = {d.anchor.id: d for d in donations}
    for c in claims:
        forced = [a for (rid, a), v in reviews.items() if rid == c.id and v == "confirm"]
        if forced and forced[0] in by_record:
            by_record[forced[0]].links.append(Link(c, "corroborates", "confirmed by a reviewer"))
            continue
        if c.parent_id and c.parent_id in _claim_home(donations):
            home = _claim_home(donations)[c.parent_id]
            home.links.append(Link(c, "part_of", "a share of an earlier claim in the article"))
            continue
        if _attach(c, donations, reviews):
            continue
        d = DonationOut(donation_id(c.id), c, key, [Link(c, "primary", "first reported here")])
        _aggregate(d, rows)
        donations.append(d)
        by_record[c.id] = d
    for d in donations:
        if d.anchor.kind == "table_row":
            _aggregate(d, rows)
        _flag(d)
    return donations


def _claim_home(donations: list[DonationOut]) -> dict[str, DonationOut]:
    return {lk.record.id: d for d in donations for lk in d.links}


def _attach(c: Rec, donations: list[DonationOut], reviews: Reviews) -> bool:
    best: tuple[int, DonationOut, str, str] | None = None
    for d in donations:
        if reviews.get((c.id, d.anchor.id)) == "reject":
            continue
        where = places_overlap(c.places, d.anchor.places) or _unplaced_repeat(c, d.anchor)
        fit = quantity_fit(c, d.anchor) if where else None
        if not where or fit is None:
            continue
        verdict, why = fit
        score = {"equal": 3, "each": 2, "unknown": 1, "close": 0}[verdict] * 2 + (
            where == "same recipients")
        if best is None or score > best[0]:
            best = (score, d, verdict, f"same donor and item; {where}; {why}")
    if best is None:
        return False
    _, d, verdict, reason = best
    if verdict == "close":
        d.links.append(Link(c, "conflicts", reason))
        shown = reason.rsplit("vs ", 1)[-1]
        d.conflicts.append({"kind": "quantity", "detail": f"{c.url} says {fmt(c.quantity)}; "
                                                          f"{d.anchor.url} says {shown}"})
    else:
        d.links.append(Link(c, "corroborates", reason))
    return True


def _unplaced_repeat(c: Rec, anchor: Rec) -> str | None:
    """Neither names a recipient but both state the same amount ("100 million yuan" in post
    after post): the same donation, said again."""
    if c.places or anchor.places or c.quantity is None or c.quantity != anchor.quantity:
        return None
    return "no recipient named on either side"


def _aggregate(d: DonationOut, rows: list[Rec]) -> None:
    """A region total that equals the sum of that region's country rows is their aggregate."""
    regions = [p for p in d.anchor.places if p.startswith(REGION_PREFIX)]
    totals = {q for q in (d.anchor.quantity, *d.anchor.quantities) if q}
    if not regions or not totals:
        return
    members = region_members(regions[0])
    anchors = {lk.record.id for other in [d] for lk in other.links}
    parts = [r for r in rows if r.places and r.places <= members and r.id not in anchors
             and r.quantity]
    parts = _dedupe_rows(parts)
    total = next((t for t in sorted(totals) if sums_to(t, parts)), None)
    if total is None:
        return
    listed = " + ".join(f"{country_name(next(iter(p.places)))} {fmt(p.quantity)}" for p in parts)
    for p in parts:
        d.links.append(Link(p, "aggregate_of", f"{country_name(regions[0])} total "
                                              f"{fmt(total)} = {listed}"))


def _dedupe_rows(rows: list[Rec]) -> list[Rec]:
    """One row per (places, quantity): the same row seen on two URLs counts once in a sum."""
    seen: dict[tuple, Rec] = {}
    for r in rows:
        seen.setdefault((r.places, r.quantity), r)
    return list(seen.values())


def _flag(d: DonationOut) -> None:
    a = d.anchor
    if a.kind == "table_row":
        for (s1, _), (s2, when) in zip(a.history, a.history[1:], strict=False):
            if s1 in STATUS_ORDER and s2 in STATUS_ORDER and (
                    STATUS_ORDER.index(s2) < STATUS_ORDER.index(s1)):
                d.conflicts.append({"kind": "status_backwards",
                                    "detail": f"status went from {s1} back to {s2} on {when}"})
        if a.gone_since:
            d.conflicts.append({"kind": "gone_from_source", "detail": (
                f"the row stopped appearing on {a.url} on {a.gone_since.date().isoformat()}; "
                f"last status {a.status}")})
    d.quantity_rule = ("as listed on the donor's own page" if a.kind == "table_row"
                       else "as stated in the first report")
