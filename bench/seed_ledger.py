"""Build a store with N synthetic donations for the other benchmarks (web latency, export).

    python bench/seed_ledger.py --donations 1000000 --out data/bench.sqlite
    python bench/seed_ledger.py --donations 100000 --db-url postgresql://postgres@127.0.0.1/test

The records come from `bench/synthetic.py` (the generator `reconcile_synthetic.py` scores) and
go in as pages, snapshots with bodies, records, versions and observations; the ledger is then
made by the real path: `load_records`, `reconcile`, `write_ledger`. It is built in batches of
disjoint donors (so memory stays bounded), each reconciled and written on its own, which gives
the ledger a whole reconcile would. A later `aidledger reconcile` on the store changes nothing.
N is the number of synthetic donations generated; the ledger holds about that many (the
reconciler's pairwise F1 is about 0.99).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from synthetic import generate, store_synthetic

from aidledger.aggregator.reconcile import reconcile
from aidledger.storage.db import open_store
from aidledger.storage.ledger_queries import load_records, load_reviews
from aidledger.storage.ledger_write import write_ledger
from aidledger.storage.models import Page, Record

RECORDS_PER_DONATION = 2.8  # what the generator averages
BATCH = 100_000  # donations per batch


def seed(url: str, donations: int, seed: int = 11) -> dict[str, int]:
    """Fill the store at `url` with about `donations` donations; returns counts."""
    from sqlalchemy import func, select

    _, sessions = open_store(url)
    made = {"records": 0, "donations": 0}
    batch = 0
    while made["donations"] < donations:
        want = min(BATCH, donations - made["donations"])
        data = generate(int(want * RECORDS_PER_DONATION) + 10, seed=seed + batch,
                        prefix=f"B{batch:03d} ")
        with sessions.begin() as s:
            since = s.scalar(select(func.max(Page.id))) or 0
            store_synthetic(s, data)
            recs = load_records(s, where=Record.page_id > since, story_where=Page.id > since)
            out = reconcile(recs, load_reviews(s))
            write_ledger(s, out, scope={d.block_key for d in out})
        made["records"] += len(recs)
        made["donations"] += len(out)
        batch += 1
        print(f"batch {batch}: {made['donations']:,} donations, {made['records']:,} records",
              file=sys.stderr)
    return made


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--donations", type=int, required=True)
    ap.add_argument("--out", help="SQLite file to create (must not exist)")
    ap.add_argument("--db-url", help="or a SQLAlchemy URL (an empty database)")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    if bool(args.out) == bool(args.db_url):
        ap.error("give exactly one of --out PATH.sqlite or --db-url URL")
    if args.out and Path(args.out).exists():
        ap.error(f"{args.out} exists: seed into a new file")
    url = args.db_url or f"sqlite:///{Path(args.out).resolve()}"
    t = time.perf_counter()
    made = seed(url, args.donations, args.seed)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"seeded {made['donations']:,} donations from {made['records']:,} records in "
          f"{time.perf_counter() - t:.0f} s (peak RSS {rss:,.0f} MiB): {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
