"""Records in, donations out: a pure function, so the same records always give the same ledger.

Blocking: records are compared only within (donor family, item), and inside a block only with
the donations indexed under a recipient and a nearby quantity they share, so the cost grows
with the records, not the square of the store or of a block. Inside a block, each row of a donor's
own page anchors a donation (its primary evidence); each news claim then attaches to the row it
matches, to an earlier news-only donation it repeats, as the aggregate of country rows it sums,
or starts a news-only donation of its own.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass, field

from aidledger.aggregator.matching import (
    Rec,
    fmt,
    places_meet,
    places_overlap,
    quantity_fit,
    quantity_verdict,
    sums_to,
)
from aidledger.gcpause import paused_gc
from aidledger.parsers.lexicon import REGION_PREFIX, country_name, region_members
from aidledger.parsers.progress import STATUS_ORDER


@dataclass(slots=True)
class Link:
    record: Rec
    role: str  # primary | corroborates | part_of | aggregate_of | conflicts
    reason: str


@dataclass(slots=True)
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
    out: list[DonationOut] = []
    confirms = _confirms(reviews)
    with paused_gc():
        for key, recs in block_records(records, reviews):
            out += _block(recs, key, reviews, confirms)
        return sorted(out, key=lambda d: d.id)


def block_records(records: list[Rec], reviews: Reviews) -> list[tuple[str, list[Rec]]]:
    """The blocks in key order, each with its records in input order: the unit of work, so
    blocks can be reconciled apart (in other processes) and give the same donations."""
    blocks: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    home = {r.id: (min(r.families) if r.families else "?", r.item) for r in records}
    for (rid, anchor), verdict in reviews.items():  # a confirmed link crosses blocks
        if verdict == "confirm" and rid in home and anchor in home:
            home[rid] = home[anchor]
    for r in records:
        blocks[home[r.id]].append(r)  # one block per record (co-donors share a family)
    return [("|".join(key), blocks[key]) for key in sorted(blocks)]


def _confirms(reviews: Reviews) -> dict[str, list[str]]:
    """Record id -> anchors a reviewer confirmed it with, in the reviews' order."""
    out: dict[str, list[str]] = defaultdict(list)
    for (rid, anchor), verdict in reviews.items():
        if verdict == "confirm":
            out[rid].append(anchor)
    return out


def _order(r: Rec) -> tuple:
    return (r.first_seen, r.id)


class _Index:
    """The donations of one block, indexed so a record is compared only with those it can
    match: by recipient code (a region also under its own code) and, within one, by every
    quantity the anchor showed. Candidates come back in creation order, so the first best
    match wins exactly as in a scan of the whole block; the cost stays linear in the block
    (one donor shipping masks to 150 countries many times) instead of quadratic."""

    def __init__(self) -> None:
        self.donations: list[DonationOut] = []
        self.by_place: dict[str, list[tuple[int, int]]] = defaultdict(list)  # (qty, seq)
        self.unknown: dict[str, list[int]] = defaultdict(list)  # anchors without a quantity
        self.every: dict[str, list[int]] = defaultdict(list)
        self.regions: set[str] = set()
        self.unplaced: dict[int, list[int]] = defaultdict(list)
        # (places, quantity) of a row -> seqs of the first row donation and of the first on
        # another URL than that one: enough to find the first on any URL but a given one
        self.rows: dict[tuple[frozenset[str], int | None], list[int]] = {}
        self.home: dict[str, int] = {}  # record id -> seq of the last donation linking it
        # (places, a quantity the anchor showed) -> seqs: the best possible matches (equal
        # quantity, same recipients), looked up before any scan
        self.exact: dict[tuple[frozenset[str], int], list[int]] = defaultdict(list)

    def add(self, d: DonationOut) -> None:
        seq = len(self.donations)
        self.donations.append(d)
        a = d.anchor
        if a.kind == "table_row":
            seen = self.rows.setdefault((a.places, a.quantity), [])
            if not seen or (len(seen) == 1 and self.donations[seen[0]].anchor.url != a.url):
                seen.append(seq)
        shown = {a.quantity, *a.quantities} - {None}
        if a.quantity is not None and a.places:
            for q in shown:
                self.exact[(a.places, q)].append(seq)
        for code in a.places:
            self.every[code].append(seq)
            if a.quantity is None:
                self.unknown[code].append(seq)
            for q in shown:
                insort(self.by_place[code], (q, seq))
            if code.startswith(REGION_PREFIX):
                self.regions.add(code)
        if not a.places and a.quantity is not None:
            self.unplaced[a.quantity].append(seq)
        for lk in d.links:
            self.linked(lk.record.id, seq)

    def link(self, d: DonationOut, link: Link, seq: int) -> None:
        d.links.append(link)
        self.linked(link.record.id, seq)

    def linked(self, rid: str, seq: int) -> None:
        if self.home.get(rid, -1) <= seq:
            self.home[rid] = seq

    def same_row(self, r: Rec) -> int | None:
        """Seq of the first row donation with r's places and quantity on another URL."""
        for seq in self.rows.get((r.places, r.quantity), ()):
            if self.donations[seq].anchor.url != r.url:
                return seq
        return None

    def candidates(self, c: Rec) -> list[int]:
        """Seqs of every donation `c` may attach to (a superset of the matches)."""
        if not c.places:
            return list(self.unplaced.get(c.quantity, ())) if c.quantity is not None else []
        codes = set(c.places)
        for code in c.places:
            if code.startswith(REGION_PREFIX):
                codes |= region_members(code)
        for region in self.regions:
            if c.places <= (region_members(region) | {region}):
                codes.add(region)
        found: set[int] = set()
        for code in codes:
            if code not in self.every:
                continue
            if c.quantity is None:
                found.update(self.every[code])
                continue
            found.update(self.unknown.get(code, ()))
            lo, hi = c.quantity * 9 // 10 - 1, c.quantity * 10 // 9 + 1
            entries = self.by_place[code]
            i = bisect_left(entries, (lo, -1))
            while i < len(entries) and entries[i][0] <= hi:
                found.add(entries[i][1])
                i += 1
        return sorted(found)


def _block(recs: list[Rec], key: str, reviews: Reviews,
           confirms: dict[str, list[str]] | None = None) -> list[DonationOut]:
    if confirms is None:
        confirms = _confirms(reviews)
    rows = sorted((r for r in recs if r.kind == "table_row"), key=_order)
    # a part ("a third of it") after the claim it is a part of
    claims = sorted((r for r in recs if r.kind == "claim"),
                    key=lambda r: (r.first_seen, r.parent_id is not None, r.id))
    ix = _Index()
    parts = _Parts(rows)
    for r in rows:
        same = ix.same_row(r)
        if same is not None:  # the same row on another URL of the donor's site
            ix.link(ix.donations[same], Link(r, "corroborates", "the same row on another page "
                                                                "of the donor's site"), same)
            continue
        ix.add(DonationOut(donation_id(r.id), r, key,
                           [Link(r, "primary", "the donor's own page lists this row")]))
    by_record = {d.anchor.id: i for i, d in enumerate(ix.donations)}
    for c in claims:
        forced = confirms.get(c.id)
        if forced and forced[0] in by_record:
            seq = by_record[forced[0]]
            ix.link(ix.donations[seq], Link(c, "corroborates", "confirmed by a reviewer"), seq)
            continue
        if c.parent_id and c.parent_id in ix.home:
            seq = ix.home[c.parent_id]
            ix.link(ix.donations[seq], Link(c, "part_of", "a share of an earlier claim in the "
                                                          "article"), seq)
            continue
        if _attach(c, ix, reviews):
            continue
        d = DonationOut(donation_id(c.id), c, key, [Link(c, "primary", "first reported here")])
        _aggregate(d, parts)
        ix.add(d)
        by_record[c.id] = len(ix.donations) - 1
    for d in ix.donations:
        if d.anchor.kind == "table_row":
            _aggregate(d, parts)
        _flag(d)
    return ix.donations


SCORES = {"equal": 3, "each": 2, "unknown": 1, "close": 0}


def _attach(c: Rec, ix: _Index, reviews: Reviews) -> bool:
    best: tuple[int, int] | None = None  # (score, seq)
    exact = ix.exact.get((c.places, c.quantity), ()) if c.quantity is not None else ()
    first = next((seq for seq in exact
                  if reviews.get((c.id, ix.donations[seq].anchor.id)) != "reject"), None)
    for seq in ([first] if first is not None else ix.candidates(c)):
        a = ix.donations[seq].anchor
        if reviews.get((c.id, a.id)) == "reject":
            continue
        if not (places_meet(c.places, a.places) or _unplaced_repeat(c, a)):
            continue
        verdict = quantity_verdict(c, a)
        if verdict is None:
            continue
        score = SCORES[verdict] * 2 + (bool(c.places) and c.places == a.places)
        if best is None or score > best[0]:
            best = (score, seq)
            if score == 7:  # nothing later can beat it (ties keep the first)
                break
    if best is None:
        return False
    seq = best[1]
    d = ix.donations[seq]
    where = places_overlap(c.places, d.anchor.places) or _unplaced_repeat(c, d.anchor)
    verdict, why = quantity_fit(c, d.anchor)  # type: ignore[misc]
    reason = f"same donor and item; {where}; {why}"
    if verdict == "close":
        ix.link(d, Link(c, "conflicts", reason), seq)
        shown = reason.rsplit("vs ", 1)[-1]
        d.conflicts.append({"kind": "quantity", "detail": f"{c.url} says {fmt(c.quantity)}; "
                                                          f"{d.anchor.url} says {shown}"})
    else:
        ix.link(d, Link(c, "corroborates", reason), seq)
    return True


def _unplaced_repeat(c: Rec, anchor: Rec) -> str | None:
    """Neither names a recipient but both state the same amount ("100 million yuan" in post
    after post): the same donation, said again."""
    if c.places or anchor.places or c.quantity is None or c.quantity != anchor.quantity:
        return None
    return "no recipient named on either side"


class _Parts:
    """A block's rows that can be parts of each region's total (placed, with a quantity, all
    inside the region), worked out once per region and kept in row order."""

    def __init__(self, rows: list[Rec]) -> None:
        self.rows = rows
        self.by_region: dict[str, list[Rec]] = {}

    def of(self, region: str) -> list[Rec]:
        if region not in self.by_region:
            members = region_members(region)
            self.by_region[region] = [r for r in self.rows
                                      if r.places and r.places <= members and r.quantity]
        return self.by_region[region]


def _aggregate(d: DonationOut, rows: _Parts) -> None:
    """A region total that equals the sum of that region's country rows is their aggregate.
    Regions are tried in code order (never set order, which varies between processes), so a
    claim naming two regions links the same rows in every run."""
    regions = sorted(p for p in d.anchor.places if p.startswith(REGION_PREFIX))
    totals = {q for q in (d.anchor.quantity, *d.anchor.quantities) if q}
    if not regions or not totals:
        return
    anchors = {lk.record.id for lk in d.links}
    for region in regions:
        parts = _dedupe_rows([r for r in rows.of(region) if r.id not in anchors])
        total = next((t for t in sorted(totals) if sums_to(t, parts)), None)
        if total is None:
            continue
        listed = " + ".join(f"{'/'.join(country_name(c) for c in sorted(p.places))} "
                            f"{fmt(p.quantity)}" for p in parts)
        for p in parts:
            d.links.append(Link(p, "aggregate_of", f"{country_name(region)} total "
                                                  f"{fmt(total)} = {listed}"))
        return


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
