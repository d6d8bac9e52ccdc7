"""Worker processes sharing one Redis frontier crawl a counting site into one PostgreSQL store:
every page fetched once per round, every page and record stored once, and a worker killed with
SIGKILL half way loses nothing (its taken requests go back to the queue when its lease ends)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from aidledger.spiders import distributed as d
from aidledger.storage.db import open_store
from aidledger.storage.integrity import check_store
from aidledger.storage.models import Page, Record, Snapshot

PAGES = 5000
LEASE = "4"  # seconds: a killed worker's requests are back in the queue after this


def _env(site, tmp_path: Path, db: str, prefix: str) -> dict[str, str]:
    return {**os.environ, "AIDLEDGER_SOURCES": str(site.sources(tmp_path)),
            "AIDLEDGER_DB_URL": db, "AIDLEDGER_REDIS_URL": "redis://127.0.0.1:6379/0",
            "AIDLEDGER_REDIS_PREFIX": prefix}


def _aidledger(*args: str) -> list[str]:
    return [sys.executable, "-m", "aidledger.cli.main", *args]


def _workers(n: int, env: dict[str, str], tmp_path: Path) -> list[subprocess.Popen]:
    return [subprocess.Popen(_aidledger("-v", "worker", "--lease", LEASE), env=env,
                             stdout=subprocess.DEVNULL,
                             stderr=(tmp_path / f"worker{i}.log").open("w"))
            for i in range(n)]


def _stop(workers: list[subprocess.Popen]) -> None:
    for w in workers:
        if w.poll() is None:
            w.send_signal(signal.SIGTERM)
    for w in workers:
        w.wait(timeout=120)


def _wait_drained(prefix: str, workers, tmp_path: Path, timeout: float = 480,
                  on_progress=None) -> None:
    server, keys = d.client("redis://127.0.0.1:6379/0"), d.Keys(prefix)
    deadline, calm = time.monotonic() + timeout, 0
    while time.monotonic() < deadline:
        if on_progress is not None:
            on_progress()
        calm = calm + 1 if d.drained(server, keys, ["program", "news"]) else 0
        if calm >= 2:
            return
        dead = [i for i, w in enumerate(workers) if w.poll() not in (None, -9)]
        assert not dead, (tmp_path / f"worker{dead[0]}.log").read_text()[-3000:]
        time.sleep(0.5)
    raise AssertionError(f"not drained after {timeout} s: {d.status('redis://127.0.0.1:6379/0', prefix, ['program'])}")


def _stored(db: str) -> dict[str, object]:
    _, sessions = open_store(db, migrate=False)
    with sessions() as s:
        return {"pages": s.scalar(select(func.count()).select_from(Page)),
                "snapshots": s.scalar(select(func.count()).select_from(Snapshot)),
                "records": s.scalar(select(func.count()).select_from(Record)),
                "quantities": s.scalar(select(func.count(func.distinct(Record.quantity)))),
                "problems": [p for r in check_store(s) for p in r.problems]}


def _all_pages(n: int) -> set[str]:
    return {f"/p{i}.html" for i in range(n)}


def test_three_workers_fetch_and_store_every_page_once(site_of, pg_url, redis_prefix, tmp_path):
    site = site_of(PAGES)
    env = _env(site, tmp_path, pg_url, redis_prefix)
    workers = _workers(3, env, tmp_path)  # the store is migrated by all three at once
    try:
        queued = subprocess.run(_aidledger("enqueue"), env=env, capture_output=True, text=True,
                                timeout=120)
        assert queued.returncode == 0 and "round 1: queued 1 for program" in queued.stdout, \
            queued.stderr
        _wait_drained(redis_prefix, workers, tmp_path)
    finally:
        _stop(workers)
    assert [w.returncode for w in workers] == [0, 0, 0]  # SIGTERM: a clean stop
    counts = site.counts()
    assert set(counts["200"]) == _all_pages(PAGES)
    assert [p for p, n in counts["200"].items() if n != 1] == []
    assert counts["304"] == {}
    assert _stored(pg_url) == {"pages": PAGES, "snapshots": PAGES, "records": PAGES,
                               "quantities": PAGES, "problems": []}
    shares = [(tmp_path / f"worker{i}.log").read_text().count(" records (") for i in range(3)]
    assert sum(shares) == PAGES and min(shares) > 0, shares  # all three did part of it


def test_a_worker_killed_half_way_loses_nothing(site_of, pg_url, redis_prefix, tmp_path):
    site = site_of(PAGES)
    env = _env(site, tmp_path, pg_url, redis_prefix)
    workers = _workers(3, env, tmp_path)
    killed: list[int] = []
    held: list[int] = []  # requests the killed worker had taken and not released

    def kill_half_way() -> None:
        if not killed and sum(site.counts()["200"].values()) >= PAGES // 2:
            workers[0].send_signal(signal.SIGKILL)
            killed.append(workers[0].pid)
            server = d.client("redis://127.0.0.1:6379/0")  # read before its lease expires
            held.append(sum(server.hlen(k) for k in server.scan_iter(
                f"{redis_prefix}:inflight:*:{workers[0].pid}:*")))

    try:
        subprocess.run(_aidledger("enqueue"), env=env, check=True, capture_output=True,
                       timeout=120)
        _wait_drained(redis_prefix, workers, tmp_path, on_progress=kill_half_way)
    finally:
        _stop(workers)
    assert killed and workers[0].returncode == -signal.SIGKILL
    counts = site.counts()
    assert set(counts["200"]) == _all_pages(PAGES)  # none lost
    assert _stored(pg_url) == {"pages": PAGES, "snapshots": PAGES, "records": PAGES,
                               "quantities": PAGES, "problems": []}
    survivors = "".join((tmp_path / f"worker{i}.log").read_text() for i in (1, 2))
    assert "stopped answering" in survivors and "back in the queue" in survivors
    again = sum(counts["200"].values()) + sum(counts["304"].values()) - PAGES
    assert 0 < again <= held[0], (again, held)  # only what the killed worker held, again


def test_crawl_distributed_returns_when_drained_and_each_round_fetches_again(
        site_of, pg_url, redis_prefix, tmp_path):
    site = site_of(300)
    env = _env(site, tmp_path, pg_url, redis_prefix)
    workers = _workers(1, env, tmp_path)
    try:
        for _round in (1, 2):
            crawl = subprocess.run(_aidledger("crawl"), env=env, capture_output=True, text=True,
                                   timeout=600)  # AIDLEDGER_REDIS_URL set: distributed
            assert crawl.returncode == 0, crawl.stderr[-3000:]
            assert d.drained(d.client("redis://127.0.0.1:6379/0"), d.Keys(redis_prefix),
                             ["program"])
            if _round == 1:
                assert sorted(site.counts()["200"].values()) == [1] * 300
    finally:
        _stop(workers)
    counts = site.counts()
    # round 2 asked for every page once more: the start page whole, the others revalidated
    assert sorted(counts["200"].values()) == [1] * 299 + [2]
    assert sorted(counts["304"].values()) == [1] * 299
    assert _stored(pg_url)["snapshots"] == 300
    local = subprocess.run(_aidledger("crawl", "--local"), env=env, capture_output=True,
                           text=True, timeout=600)
    assert local.returncode == 0 and site.counts()["200"]["/p0.html"] == 3, local.stderr


def test_reconcile_while_workers_write_gives_the_ledger_of_a_rebuild(
        site_of, pg_url, redis_prefix, tmp_path):
    site = site_of(1500)
    env = _env(site, tmp_path, pg_url, redis_prefix)
    workers = _workers(2, env, tmp_path)
    reconciles: list[subprocess.CompletedProcess] = []

    def reconcile_now_and_then() -> None:
        if len(reconciles) < 3 and sum(site.counts()["200"].values()) >= 400 * (len(reconciles) + 1):
            reconciles.append(subprocess.run(_aidledger("reconcile"), env=env,
                                             capture_output=True, text=True, timeout=300))

    try:
        subprocess.run(_aidledger("enqueue"), env=env, check=True, capture_output=True,
                       timeout=120)
        _wait_drained(redis_prefix, workers, tmp_path, on_progress=reconcile_now_and_then)
    finally:
        _stop(workers)
    assert len(reconciles) == 3 and all(r.returncode == 0 for r in reconciles), \
        [r.stderr[-2000:] for r in reconciles]

    def ledger(*args: str) -> str:
        subprocess.run(_aidledger("reconcile", *args), env=env, check=True, capture_output=True,
                       timeout=300)
        out = subprocess.run(_aidledger("query", "--format", "json"), env=env, check=True,
                             capture_output=True, text=True, timeout=300)
        return out.stdout

    incremental = ledger()
    assert incremental.count('"id"') > 0
    assert incremental == ledger("--rebuild")
    check = subprocess.run(_aidledger("db", "check"), env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:]
