"""Reconcile synthetic records with known clusters: speed, growth, memory, pairwise F1.

    python bench/reconcile_synthetic.py            # 100k records (and 10k for the growth ratio)
    python bench/reconcile_synthetic.py --big      # also 1M records
    python bench/reconcile_synthetic.py --store    # also the whole path through SQLite

Each synthetic donation has a donor (written with realistic variants: case, legal suffixes,
"the"), an item, a country and a quantity; it gets a donor-page row half the time and 0-4 news
claims, some of them syndicated copies and some with a quantity 5-9% off (a conflict, which
still belongs to the donation). Pairwise F1 compares "same donation" with the true clusters.
The reconciler is timed alone (pure function), then optionally with the store write.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from aidledger.aggregator.matching import Rec
from aidledger.aggregator.normalize import donor_group
from aidledger.aggregator.reconcile import reconcile

ITEMS = ["face_mask", "test_kit", "ventilator", "protective_suit", "gloves", "face_shield"]
COUNTRIES = ["ITA", "ESP", "FRA", "DEU", "JPN", "KOR", "IRN", "USA", "PER", "CHL", "KEN", "NGA",
             "EGY", "IND", "BRA", "MEX", "THA", "IDN", "PHL", "VNM"]
SUFFIXES = ["", " Corp", " Corporation", " Inc.", " Ltd", " Group", " Holdings"]
T0 = datetime(2020, 3, 1, tzinfo=UTC)


def variant(rng: random.Random, base: str) -> str:
    name = base + rng.choice(SUFFIXES)
    return rng.choice([name, name.upper(), name.lower(), "the " + name])


def generate(n_records: int, seed: int = 7) -> tuple[list[Rec], dict[str, int]]:
    rng = random.Random(seed)
    donors = [f"Donor{i:05d}" for i in range(max(50, n_records // 40))]
    recs: list[Rec] = []
    truth: dict[str, int] = {}
    cluster = 0
    while len(recs) < n_records:
        donor, item = rng.choice(donors), rng.choice(ITEMS)
        country, qty = rng.choice(COUNTRIES), rng.randrange(1, 500) * 1000
        day = rng.randrange(60)
        members = []
        if rng.random() < 0.5:
            members.append(("table_row", qty, f"own:{donor}", f"https://{donor}.example/p"))
        story = f"outlet{rng.randrange(300)}.example"
        for _ in range(rng.randrange(0 if members else 1, 5)):
            q = qty if rng.random() > 0.1 else int(qty * rng.choice([0.91, 0.93, 1.06, 1.08]))
            src = story if rng.random() < 0.3 else f"outlet{rng.randrange(300)}.example"
            members.append(("claim", q, src, f"https://{src}/{len(recs)}"))
        for kind, q, src, url in members:
            rid = f"rec_{len(recs):08d}"
            name = variant(rng, donor)
            _, fams = donor_group([name])
            recs.append(Rec(rid, kind, url, [name], fams, item, q, None, frozenset({country}),
                            "in_transit", T0 + timedelta(days=day + rng.randrange(3)),
                            T0 + timedelta(days=day + 5), source_key=src))
            truth[rid] = cluster
        cluster += 1
    return recs[:n_records], truth


def pairwise_f1(donations: list, truth: dict[str, int]) -> float:
    pred = {lk.record.id: d.id for d in donations for lk in d.links}
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())  # noqa: E731
    both = pairs(Counter((pred[r], truth[r]) for r in truth if r in pred))
    p_all, t_all = pairs(Counter(pred.values())), pairs(Counter(truth.values()))
    precision = both / p_all if p_all else 1.0
    recall = both / t_all if t_all else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def run(n: int) -> float:
    recs, truth = generate(n)
    t = time.perf_counter()
    donations = reconcile(recs)
    secs = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>9,} records: {secs:7.2f} s, {n / secs:9,.0f} records/s, {len(donations):,} "
          f"donations, pairwise F1 {pairwise_f1(donations, truth):.3f}, peak RSS {peak:,.0f} MiB")
    return secs


def store(n: int) -> None:
    """The whole path on SQLite: records in the store, load, reconcile, write the ledger."""
    import sqlalchemy as sa

    from aidledger.storage.db import open_store
    from aidledger.storage.ledger_queries import load_records, write_ledger
    from aidledger.storage.models import Blob, Page, Record, Snapshot

    recs, truth = generate(n)
    _, sessions = open_store(f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite")
    with sessions.begin() as s:
        s.execute(sa.insert(Blob), [{"sha256": "0" * 64, "size": 0, "data": b""}])
        urls = sorted({r.url.rsplit("/", 1)[0] for r in recs})
        s.execute(sa.insert(Page), [{"url": u, "first_fetched": T0, "last_fetched": T0}
                                    for u in urls])
        page_ids = dict(s.execute(sa.select(Page.url, Page.id)).all())
        s.execute(sa.insert(Snapshot), [{"page_id": i, "blob_sha256": "0" * 64,
                                         "fetched_at": T0, "last_seen": T0, "final_url": u}
                                        for u, i in page_ids.items()])
        snap = dict(s.execute(sa.select(Snapshot.page_id, Snapshot.id)).all())
        rows = [{"id": r.id, "page_id": page_ids[r.url.rsplit("/", 1)[0]], "kind": r.kind,
                 "item": r.item, "quantity": r.quantity, "status": r.status,
                 "donors": r.donors, "recipients": [{"name": c, "code": c} for c in r.places],
                 "first_seen": r.first_seen, "last_seen": r.last_seen,
                 "first_snapshot_id": snap[page_ids[r.url.rsplit("/", 1)[0]]],
                 "last_snapshot_id": snap[page_ids[r.url.rsplit("/", 1)[0]]]} for r in recs]
        for i in range(0, len(rows), 10_000):
            s.execute(sa.insert(Record), rows[i:i + 10_000])
    t0 = time.perf_counter()
    with sessions.begin() as s:
        loaded = load_records(s)
        t1 = time.perf_counter()
        donations = reconcile(loaded)
        t2 = time.perf_counter()
        write_ledger(s, donations, rebuild=True)
    t3 = time.perf_counter()
    truth = {r.id: truth[r.id] for r in recs}
    print(f"SQLite, {n:,} records: load {t1 - t0:.1f} s, reconcile {t2 - t1:.1f} s, write "
          f"{t3 - t2:.1f} s, total {t3 - t0:.1f} s ({n / (t3 - t0):,.0f} records/s); "
          f"pairwise F1 {pairwise_f1(donations, truth):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 1M records")
    ap.add_argument("--store", action="store_true",
                    help="also the whole SQLite path (load, reconcile, write) at 100k "
                         "(and 1M with --big)")
    args = ap.parse_args()
    small = run(10_000)
    mid = run(100_000)
    print(f"growth 10k -> 100k: x{mid / small:.1f} time for x10 records "
          f"(n log n would be about x{10 * 1.25:.1f})")
    if args.big:
        big = run(1_000_000)
        print(f"growth 100k -> 1M: x{big / mid:.1f} time for x10 records")
    if args.store:
        store(100_000)
        if args.big:
            store(1_000_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
