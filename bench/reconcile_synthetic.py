"""Reconcile synthetic records with known clusters: speed, growth, memory, pairwise F1.

    python bench/reconcile_synthetic.py            # 100k records (and 10k for the growth ratio)
    python bench/reconcile_synthetic.py --big      # also 1M records
    python bench/reconcile_synthetic.py --store    # also the whole path through SQLite
    python bench/reconcile_synthetic.py --store --db-url postgresql://...   # or PostgreSQL

The records come from `bench/synthetic.py` (name variants, syndicated copies, quantity
conflicts, rows going backwards or gone). Pairwise F1 compares "same donation" with the true
clusters. The reconciler is timed alone (pure function), then with the store: records in the
store, load, reconcile, write the ledger.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import Counter

from synthetic import STATUSES, generate, store_synthetic

from aidledger.aggregator.reconcile import reconcile


def pairwise_f1(donations: list, truth: dict[str, int]) -> float:
    pred = {lk.record.id: d.id for d in donations for lk in d.links}
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())  # noqa: E731
    both = pairs(Counter((pred[r], truth[r]) for r in truth if r in pred))
    p_all, t_all = pairs(Counter(pred.values())), pairs(Counter(truth.values()))
    precision = both / p_all if p_all else 1.0
    recall = both / t_all if t_all else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int) -> float:
    data = generate(n)
    t, c = time.perf_counter(), time.process_time()
    donations = reconcile(data.records)
    secs, cpu = time.perf_counter() - t, time.process_time() - c
    print(f"{n:>9,} records: {secs:7.2f} s (CPU {cpu:.2f} s), {n / secs:9,.0f} records/s, "
          f"{len(donations):,} "
          f"donations, pairwise F1 {pairwise_f1(donations, data.truth):.3f}, "
          f"peak RSS {rss_mib():,.0f} MiB")
    return cpu


def store(n: int, db_url: str | None) -> float:
    """The whole path: records in the store, then load, reconcile, write the ledger (timed)."""
    from aidledger.storage.db import open_store
    from aidledger.storage.ledger_queries import load_records, write_ledger

    data = generate(n)
    url = db_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    _, sessions = open_store(url)
    with sessions.begin() as s:
        store_synthetic(s, data)
    t0, c0 = time.perf_counter(), time.process_time()
    with sessions.begin() as s:
        loaded = load_records(s)
        t1 = time.perf_counter()
        donations = reconcile(loaded)
        t2 = time.perf_counter()
        write_ledger(s, donations, rebuild=True)
    t3, cpu = time.perf_counter(), time.process_time() - c0
    print(f"{url.split(':')[0]}, {n:,} records: load {t1 - t0:.1f} s, reconcile {t2 - t1:.1f} s, "
          f"write {t3 - t2:.1f} s, total {t3 - t0:.1f} s ({n / (t3 - t0):,.0f} records/s; "
          f"CPU {cpu:.1f} s, {n / cpu:,.0f} records/CPU-s); {len(donations):,} donations, "
          f"pairwise F1 {pairwise_f1(donations, data.truth):.3f}, peak RSS {rss_mib():,.0f} MiB")
    print(f"  {_mix(data)}; syndicated copies found as one source: {_copies(data, loaded)}")
    return cpu


def _mix(data) -> str:  # noqa: ANN001 - what the generated records hold
    rows = [r for r in data.records if r.kind == "table_row"]
    variants = len({n for r in data.records for n in r.donors})
    copies = sum(1 for r in data.records if r.kind == "claim" and r.source_key not in r.url)
    close = sum(1 for r in data.records if r.kind == "claim" and r.quantity % 1000)
    order = {s: i for i, s in enumerate(STATUSES)}
    back = sum(1 for r in rows if len(r.history) == 2
               and order[r.history[1][0]] < order[r.history[0][0]])
    return (f"{len(data.records):,} records: {len(rows):,} rows, {variants:,} donor spellings, "
            f"{copies:,} syndicated copies, {close:,} quantities 5-9% off, {back:,} rows going "
            f"backwards, {sum(1 for r in rows if r.gone_since):,} rows gone")


def _copies(data, loaded) -> str:  # noqa: ANN001
    truth = {r.id: r.source_key for r in data.records
             if r.kind == "claim" and r.source_key not in r.url}
    got = sum(1 for r in loaded if r.id in truth and r.source_key == truth[r.id])
    return f"{got:,} of {len(truth):,}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 1M records")
    ap.add_argument("--store", action="store_true",
                    help="also the whole store path (load, reconcile, write) at 100k "
                         "(and 1M with --big)")
    ap.add_argument("--db-url", help="a database for --store (default: a new SQLite file); "
                                     "PostgreSQL: give an empty database")
    ap.add_argument("--only-store", action="store_true", help="skip the pure timings")
    args = ap.parse_args()
    if not args.only_store:
        small = run(10_000)
        mid = run(100_000)
        print(f"growth 10k -> 100k: x{mid / small:.1f} CPU time for x10 records "
              f"(n log n would be about x{10 * 1.25:.1f})")
        if args.big:
            big = run(1_000_000)
            print(f"growth 100k -> 1M: x{big / mid:.1f} CPU time for x10 records "
                  f"(n log n would be about x{10 * 1.2:.1f})")
    if args.store or args.only_store:
        mid = store(100_000, args.db_url)
        if args.big and not args.db_url:  # a given database already holds the 100k
            big = store(1_000_000, None)
            print(f"store growth 100k -> 1M: x{big / mid:.1f} CPU time for x10 records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
