"""Reconcile synthetic records with known clusters: speed, growth, memory, pairwise F1.

    python bench/reconcile_synthetic.py            # 100k records (and 10k for the growth ratio)
    python bench/reconcile_synthetic.py --big      # also 1M records
    python bench/reconcile_synthetic.py --store    # also the whole path through SQLite
    python bench/reconcile_synthetic.py --store --big --only-store --workers 2   # the target
    python bench/reconcile_synthetic.py --store --db-url postgresql://...   # or PostgreSQL

The records come from `bench/synthetic.py` (name variants, syndicated copies, quantity
conflicts, rows going backwards or gone). Pairwise F1 compares "same donation" with the true
clusters. The reconciler is timed alone (pure function; also on one crowded block: one donor
shipping one item to 150 countries again and again), then with the store: records in the store,
then, timed in a fresh process (so its peak RSS is the reconcile's, not the generator's):
load (with `--workers 2` the syndication keys in a forked process meanwhile), reconcile,
write the ledger. CPU time counts the forked process too; a bare scan of the record table in
the same process is the baseline that shows how loaded the machine was.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from synthetic import STATUSES, generate, store_synthetic

from aidledger.aggregator.reconcile import reconcile
from aidledger.storage.db import open_store


def pairwise_f1(donations: list, truth: dict[str, int]) -> float:
    pred = {lk.record.id: d.id for d in donations for lk in d.links}
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())  # noqa: E731
    both = pairs(Counter((pred[r], truth[r]) for r in truth if r in pred))
    p_all, t_all = pairs(Counter(pred.values())), pairs(Counter(truth.values()))
    precision = both / p_all if p_all else 1.0
    recall = both / t_all if t_all else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def rss_mib() -> float:
    """This process's own peak RSS. Not ru_maxrss: Linux carries the spawning process's RSS
    over an exec into it, so the timed process reported the generator's peak (612 MiB at
    100k, where its own was 449 MiB), not its own."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError, ValueError):
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


def store(n: int, db_url: str | None, workers: int) -> float:
    """The whole path: records in the store, then load, reconcile, write the ledger, timed in
    a fresh process. Returns the CPU seconds (with the forked process's)."""
    data = generate(n)
    folder = tempfile.mkdtemp()
    url = db_url or f"sqlite:///{folder}/bench.sqlite"
    _, sessions = open_store(url)
    with sessions.begin() as s:
        store_synthetic(s, data)
    truth = Path(folder) / "truth.pickle"
    truth.write_bytes(pickle.dumps((data.truth, _copy_truth(data))))
    mix = _mix(data)
    del data, s
    out = subprocess.run([sys.executable, __file__, "--timed", url, str(truth), str(workers)],
                         check=True, capture_output=True, text=True).stdout
    r = json.loads(out.splitlines()[-1])
    wall = r["load_wall"] + r["reconcile_wall"] + r["write_wall"]
    print(f"{url.split(':')[0]}, {n:,} records, workers {workers}: "
          f"CPU load {r['load_cpu']:.1f} s (of which forked {r['child_cpu']:.1f} s), "
          f"reconcile {r['reconcile_cpu']:.1f} s, write {r['write_cpu']:.1f} s, total "
          f"{r['cpu']:.1f} CPU-s ({n / r['cpu']:,.0f} records/CPU-s); wall load "
          f"{r['load_wall']:.1f} s, reconcile {r['reconcile_wall']:.1f} s, write "
          f"{r['write_wall']:.1f} s, total {wall:.1f} s ({n / wall:,.0f} records/s); "
          f"{r['donations']:,} donations, pairwise F1 {r['f1']:.3f}; peak RSS "
          f"{r['rss']:,.0f} MiB (forked process {r['child_rss']:,.0f} MiB); baseline bare "
          f"record scan {r['baseline_cpu']:.2f} CPU-s / {r['baseline_wall']:.2f} s wall "
          f"(total/baseline CPU x{r['cpu'] / r['baseline_cpu']:.0f}); load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"  {mix}; syndicated copies found as one source: {r['copies']}")
    return r["cpu"]


def timed(url: str, truth_path: str, workers: int) -> dict:
    """In a fresh process: the timed path, then (after the peak RSS is read) the scores."""
    from sqlalchemy import text

    from aidledger.storage.ledger_queries import load_records, load_reviews, write_ledger

    _, sessions = open_store(url)
    r: dict = {}
    with sessions() as s:
        raw = s.connection().connection.driver_connection
        c, t = time.process_time(), time.perf_counter()
        if url.startswith("sqlite"):
            raw.execute("SELECT * FROM record").fetchall()
        else:
            s.execute(text("SELECT * FROM record")).fetchall()
        r["baseline_cpu"], r["baseline_wall"] = time.process_time() - c, time.perf_counter() - t
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    kids0 = kids.ru_utime + kids.ru_stime
    with sessions.begin() as s:
        c0, t0 = time.process_time(), time.perf_counter()
        loaded = load_records(s, workers=workers)
        c1, t1 = time.process_time(), time.perf_counter()
        donations = reconcile(loaded, load_reviews(s))
        c2, t2 = time.process_time(), time.perf_counter()
        write_ledger(s, donations, rebuild=True)
    c3, t3 = time.process_time(), time.perf_counter()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = kids.ru_utime + kids.ru_stime - kids0
    r |= {"load_cpu": c1 - c0 + child, "child_cpu": child, "reconcile_cpu": c2 - c1,
          "write_cpu": c3 - c2, "cpu": c3 - c0 + child, "load_wall": t1 - t0,
          "reconcile_wall": t2 - t1, "write_wall": t3 - t2, "rss": rss_mib(),
          "child_rss": kids.ru_maxrss / 1024, "donations": len(donations)}
    truth, copies = pickle.loads(Path(truth_path).read_bytes())
    r["f1"] = pairwise_f1(donations, truth)
    got = sum(1 for x in loaded if x.id in copies and x.source_key == copies[x.id])
    r["copies"] = f"{got:,} of {len(copies):,}"
    return r


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


def _copy_truth(data) -> dict[str, str]:  # noqa: ANN001
    """Syndicated copies and the source key they should get (their story's first outlet)."""
    return {r.id: r.source_key for r in data.records
            if r.kind == "claim" and r.source_key not in r.url}


def crowded(n: int) -> float:
    """One block: one donor, one item, 150 countries, shipment after shipment."""
    data = generate(n, crowded=True)
    c = time.process_time()
    donations = reconcile(data.records)
    cpu = time.process_time() - c
    print(f"{n:>9,} records in one block: CPU {cpu:.2f} s, {len(donations):,} donations, "
          f"pairwise F1 {pairwise_f1(donations, data.truth):.3f}")
    return cpu


NLOGN = 10 * math.log(1_000_000) / math.log(100_000)  # x12.0 for 100k -> 1M


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 1M records")
    ap.add_argument("--store", action="store_true",
                    help="also the whole store path (load, reconcile, write) at 100k "
                         "(and 1M with --big)")
    ap.add_argument("--db-url", help="a database for --store (default: a new SQLite file); "
                                     "PostgreSQL: give an empty database")
    ap.add_argument("--only-store", action="store_true", help="skip the pure timings")
    ap.add_argument("--workers", type=int, default=2,
                    help="processes for the store path (1: all in one; default 2)")
    ap.add_argument("--timed", nargs=3, help=argparse.SUPPRESS)  # URL TRUTH WORKERS
    args = ap.parse_args()
    if args.timed:
        print(json.dumps(timed(args.timed[0], args.timed[1], int(args.timed[2]))))
        return 0
    if not args.only_store:
        small = run(10_000)
        mid = run(100_000)
        print(f"growth 10k -> 100k: x{mid / small:.1f} CPU time for x10 records "
              f"(n log n would be about x{10 * 5 / 4:.1f})")
        if args.big:
            big = run(1_000_000)
            print(f"growth 100k -> 1M: x{big / mid:.1f} CPU time for x10 records "
                  f"(linear x10, n log n x{NLOGN:.1f})")
        one, ten = crowded(10_000), crowded(100_000)
        print(f"one crowded block 10k -> 100k: x{ten / one:.1f} CPU time for x10 records")
    if args.store or args.only_store:
        mid = store(100_000, args.db_url, args.workers)
        if args.big and not args.db_url:  # a given database already holds the 100k
            big = store(1_000_000, None, args.workers)
            print(f"store growth 100k -> 1M: x{big / mid:.1f} CPU time for x10 records "
                  f"(linear x10, n log n x{NLOGN:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
