"""Crawl rate on the shared Redis frontier with 1, 2 and 3 workers, next to the one-machine crawl,
and the same crawl into SQLite and into PostgreSQL, in one run on one site.

    nice -n 5 python bench/distributed_rate.py [--pages 2000] [--workers 1,2,3]

The site is bench/crawl_rate.py's (linked program pages with a donation table each), served on
127.0.0.1 from this process. Each run gets a fresh store (PostgreSQL: a throwaway schema on
AIDLEDGER_TEST_PG_URL, default the local `test` database) and, for workers, a fresh Redis key
prefix. Workers are started and registered before the round is enqueued, so their start-up is
not timed; a run ends when the frontier is drained. Printed per run: pages/s, wall seconds, CPU
ms/page of all its processes (the workers and their writer processes from the round's start to
drained; the local crawl and its writer process whole, start-up included), and the rate relative
to the one-machine crawl into the same database. On a shared 2-core machine wall rates mostly
measure the CPU share the runs got; CPU per page is the steadier figure.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from aidledger.demo.server import serve
from aidledger.spiders import distributed
from aidledger.storage.db import open_store
from aidledger.storage.models import Snapshot

sys.path.insert(0, str(Path(__file__).parent))
from crawl_rate import _tree, build  # noqa: E402 - the same site as the one-machine benchmark

PG_URL = os.environ.get("AIDLEDGER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("AIDLEDGER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
CLI = [sys.executable, "-m", "aidledger.cli.main"]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Store:
    """A fresh SQLite file or PostgreSQL schema, migrated before the timed part."""

    def __init__(self, kind: str, work: Path) -> None:
        self.kind, self.schema = kind, None
        if kind == "sqlite":
            self.url = f"sqlite:///{work / f'{uuid.uuid4().hex[:8]}.sqlite'}"
        else:
            self.schema = f"bench_{uuid.uuid4().hex[:10]}"
            with create_engine(PG_URL).begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))
            self.url = f"{PG_URL}?options=-csearch_path%3D{self.schema}"
        open_store(self.url)

    def snapshots(self) -> int:
        _, sessions = open_store(self.url, migrate=False)
        with sessions() as s:
            return int(s.scalar(select(func.count()).select_from(Snapshot)) or 0)

    def drop(self) -> None:
        if self.schema:
            with create_engine(PG_URL).begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{self.schema}" CASCADE'))


def local_run(store: Store, base: str, sources: Path, env: dict[str, str]) -> tuple[float, float]:
    cpu, t = _cpu(), time.perf_counter()
    subprocess.run([*CLI, "crawl", "--local", "--url", f"{base}/p0.html", "--follow",
                    r"/p\d+\.html$", "--sources", str(sources), "--db", store.url],
                   env=env, check=True, capture_output=True)
    return time.perf_counter() - t, _cpu() - cpu


def _proc_cpu(pid: int) -> float:
    """CPU seconds a live process has used so far (Linux /proc; its children not included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _workers_cpu(workers: list[subprocess.Popen]) -> float:
    """CPU seconds of the workers and their writer processes so far."""
    total = 0.0
    for w in workers:
        for pid in _tree(w.pid):
            with contextlib.suppress(OSError):  # gone meanwhile
                total += _proc_cpu(pid)
    return total


def worker_run(n: int, store: Store, base: str, sources: Path, env: dict[str, str]
               ) -> tuple[float, float]:
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    env = {**env, "AIDLEDGER_REDIS_URL": REDIS_URL, "AIDLEDGER_REDIS_PREFIX": prefix,
           "AIDLEDGER_DB_URL": store.url, "AIDLEDGER_SOURCES": str(sources)}
    server, keys = distributed.client(REDIS_URL), distributed.Keys(prefix)
    workers = [subprocess.Popen([*CLI, "worker"], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL) for _ in range(n)]
    try:
        while server.hlen(keys.workers) < n:  # registered: imports and store opened
            time.sleep(0.1)
        time.sleep(1.0)
        t, cpu = time.perf_counter(), _workers_cpu(workers)
        subprocess.run([*CLI, "enqueue", "--url", f"{base}/p0.html", "--follow",
                        r"/p\d+\.html$"], env=env, check=True, capture_output=True)
        calm = 0
        while calm < 2:
            time.sleep(0.25)
            calm = calm + 1 if distributed.drained(server, keys, ["program"]) else 0
        secs = time.perf_counter() - t - 0.25  # the second calm look
        cpu = _workers_cpu(workers) - cpu
    finally:
        for w in workers:
            w.send_signal(signal.SIGTERM)
        for w in workers:
            w.wait(timeout=120)
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)
    return secs, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--workers", default="1,2,3")
    args = ap.parse_args()
    n = args.pages
    work = Path(tempfile.mkdtemp())
    site = work / "site"
    site.mkdir()
    build(site, n, max(1, n // 50))
    sources = work / "sources.toml"
    sources.write_text('[[source]]\nname = "local"\nkind = "program"\n'
                       'start_urls = ["http://127.0.0.1/"]\nallowed_domains = ["127.0.0.1"]\n'
                       'delay = 0\nconcurrency = 16\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIDLEDGER_")}
    plan = [("local crawl (crawl + writer process)", "sqlite", 0),
            ("local crawl (crawl + writer process)", "postgresql", 0)]
    plan += [(f"{k} worker(s)", "postgresql", k) for k in map(int, args.workers.split(","))]
    plan += [("2 worker(s)", "sqlite", 2)]
    results: list[tuple[str, str, float, float]] = []
    print(f"site: {n} pages; load average {os.getloadavg()[0]:.1f} at start", flush=True)
    with serve(site) as (base, _state):
        for label, kind, k in plan:
            store = Store(kind, work)
            try:
                secs, cpu = (local_run(store, base, sources, env) if k == 0 else
                             worker_run(k, store, base, sources, env))
                stored = store.snapshots()
            finally:
                store.drop()
            if stored != n:
                print(f"  warning: {stored} snapshots stored, not {n}")
            results.append((label, kind, secs, cpu))
            print(f"{label:38s} {kind:10s} {n / secs:6.1f} pages/s ({secs:6.1f} s), "
                  f"CPU {cpu * 1000 / n:5.1f} ms/page", flush=True)
    base_rate = {kind: n / secs for label, kind, secs, _ in results if label.startswith("local")}
    print(f"load average {os.getloadavg()[0]:.1f} at the end; rates relative to the local "
          "crawl into the same database:")
    for label, kind, secs, _cpu_s in results:
        print(f"  {label:38s} {kind:10s} x{n / secs / base_rate[kind]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
