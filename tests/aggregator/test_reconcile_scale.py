"""Large blocks reconcile to exactly the ledger the rules gave before the block index, and in
several processes to exactly the single-process ledger.

The records are generated here with a fixed seed so that blocks are big and crowded: few
donors, many shipments of one item to the same countries with repeated and nearby quantities,
region totals that are sums of country rows, shares of earlier claims, unplaced repeats, and
confirm/reject reviews. GOLDEN is the digest of the ledger the unindexed reconciler (every
donation of a block scanned for every record) produced on them; recompute it only when a
matching rule changes on purpose (and bump RULES_VERSION then).
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, datetime, timedelta

from aidledger.aggregator.matching import Rec
from aidledger.aggregator.normalize import donor_group
from aidledger.aggregator.reconcile import DonationOut, reconcile

T0 = datetime(2021, 2, 1, tzinfo=UTC)
COUNTRIES = ["ITA", "ESP", "FRA", "DEU", "PER", "CHL", "BRA", "KEN", "NGA", "EGY", "IRN", "IDN",
             "THA", "ARG", "COL", "GHA"]
REGIONS = {"region:europe": ["ITA", "ESP", "FRA", "DEU"],
           "region:latin_america": ["PER", "CHL", "BRA", "ARG", "COL"],
           "region:africa": ["KEN", "NGA", "EGY", "GHA"]}
DONORS = ["Larkspur Relief Fund", "Oxbow Medical Trust", "Quillfeather Industries"]
QUANTITIES = [10_000, 20_000, 50_000, 100_000, 104_000, 93_000, 250_000, 500_000]


def generate(n: int, seed: int = 3) -> tuple[list[Rec], dict[tuple[str, str], str]]:
    rng = random.Random(seed)
    recs: list[Rec] = []

    def add(kind: str, donor: str, places: frozenset[str], qty: int | None, url: str,
            source: str, day: int, **kw: object) -> Rec:
        _, fams = donor_group([donor])
        first = T0 + timedelta(days=day, minutes=rng.randrange(3))
        r = Rec(f"rec_{len(recs):06d}", kind, url, [donor], fams, kw.pop("item", "face_mask"),
                qty, kw.pop("each", None), places, kw.pop("status", "pledged"), first,
                first + timedelta(days=3), source_key=source, **kw)  # type: ignore[arg-type]
        recs.append(r)
        return r

    claims: list[Rec] = []
    while len(recs) < n:
        donor = rng.choice(DONORS)
        own = f"https://{donor.split()[0].lower()}.example/page{rng.randrange(3)}"
        day = rng.randrange(200)
        item = rng.choice(["face_mask", "face_mask", "ventilator"])
        roll = rng.random()
        if roll < 0.35:  # a row, often the same as one on another page of the site
            places = frozenset({rng.choice(COUNTRIES)})
            qty = rng.choice(QUANTITIES)
            hist = [("preparing", "2021-02-01"), ("pledged", "2021-02-03")] \
                if rng.random() < 0.05 else []
            add("table_row", donor, places, qty, own, f"own:{donor}", day, item=item,
                history=hist, quantities=frozenset({qty, rng.choice(QUANTITIES)}),
                gone_since=T0 + timedelta(days=day + 2) if rng.random() < 0.03 else None)
        elif roll < 0.42:  # a region total and the country rows it sums
            region = rng.choice(list(REGIONS))
            if rng.random() < 0.5:  # a donor of its own: the rows sum to the total
                donor = f"Tidewater Aid {len(recs)}"
                own = f"https://tidewater{len(recs)}.example/page"
            parts = rng.sample(REGIONS[region], 2)
            qs = [rng.choice(QUANTITIES) for _ in parts]
            for code, q in zip(parts, qs, strict=True):
                add("table_row", donor, frozenset({code}), q, own, f"own:{donor}", day,
                    item=item)
            kind = "table_row" if rng.random() < 0.5 else "claim"
            url = own if kind == "table_row" else f"https://news{rng.randrange(9)}.example/r"
            add(kind, donor, frozenset({region}), sum(qs), url,
                f"own:{donor}" if kind == "table_row" else url.split("/")[2], day + 1,
                item=item)
        else:  # a news claim: equal, close, each, unknown, unplaced, a share, a region
            host = f"news{rng.randrange(9)}.example"
            url = f"https://{host}/s{rng.randrange(n)}"
            q: int | None = rng.choice(QUANTITIES)
            pick = rng.random()
            places = frozenset({rng.choice(COUNTRIES)})
            each = None
            if pick < 0.1:
                q = None
            elif pick < 0.2:
                q = int(q * rng.choice([0.92, 1.07]))  # type: ignore[operator]
            elif pick < 0.25:
                each, q = 1_000, int(q * 1.03)  # type: ignore[operator]
            elif pick < 0.32:
                places = frozenset()
            elif pick < 0.38:
                places = frozenset({rng.choice(list(REGIONS))})
            elif pick < 0.42:
                places = frozenset(rng.sample(COUNTRIES, 3))
            parent = None
            if claims and rng.random() < 0.08:
                parent = rng.choice(claims[-20:]).id
            claims.append(add("claim", donor, places, q, url, host, day + rng.randrange(4),
                              item=item, each=each, parent_id=parent))
    reviews: dict[tuple[str, str], str] = {}
    for c in rng.sample(claims, 40):
        target = rng.choice(recs)
        reviews[(c.id, target.id)] = rng.choice(["confirm", "reject"])
    return recs, reviews


def digest(donations: list[DonationOut]) -> str:
    out = [[d.id, d.block_key, d.anchor.id, d.quantity_rule, d.independent_sources,
            d.conflicts, [(lk.record.id, lk.role, lk.reason) for lk in d.links]]
           for d in donations]
    return hashlib.sha1(json.dumps(out).encode()).hexdigest()


GOLDEN = "d1fbd4c245384e00b4bc8d5ca028c7e709ce66e6"


def test_crowded_blocks_give_the_ledger_of_the_unindexed_rules():
    recs, reviews = generate(6_000)
    donations = reconcile(recs, reviews)
    assert max(len(d.links) for d in donations) > 3  # the set exercises the rules
    assert digest(donations) == GOLDEN
