"""A crawl killed with SIGKILL, then run again, leaves the store an uninterrupted crawl leaves."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from aidledger.demo.server import serve
from aidledger.storage.db import open_store
from aidledger.storage.integrity import check_store
from aidledger.storage.models import CrawlRun, Record, Snapshot

FOLLOW = r"/(supplies|regional)\.html$"


def argv(base: str, db: str) -> list[str]:
    return [sys.executable, "-m", "aidledger.cli.main", "crawl", "--url", f"{base}/index.html",
            "--follow", FOLLOW, "--db", db]


def content(db: str) -> list[tuple]:
    _, sessions = open_store(db)
    with sessions() as s:
        return sorted(s.execute(select(Record.kind, Record.block, Record.item, Record.quantity,
                                       Record.status, Record.gone_since.is_(None))).all())


def test_sigkill_then_rerun_equals_an_uninterrupted_crawl(tmp_path):
    killed_db = f"sqlite:///{tmp_path / 'killed.sqlite'}"
    clean_db = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    with serve() as (base, site):
        site.delay = 0.6  # slow enough to kill the crawl between pages
        proc = subprocess.Popen(argv(base, killed_db), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, sessions = open_store(killed_db)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with sessions() as s:
                if s.scalar(select(func.count()).select_from(Snapshot)):
                    break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        with sessions() as s:
            stored_before = s.scalar(select(func.count()).select_from(Snapshot))
        assert 1 <= stored_before < 3, "the kill should land mid-crawl"
        site.delay = 0
        assert subprocess.run(argv(base, killed_db), capture_output=True,
                              timeout=120).returncode == 0
        assert subprocess.run(argv(base, clean_db), capture_output=True,
                              timeout=120).returncode == 0
    assert content(killed_db) == content(clean_db)
    with sessions() as s:
        assert [p for r in check_store(s) for p in r.problems] == []
        outcomes = [r.outcome for r in s.scalars(select(CrawlRun).order_by(CrawlRun.id))]
    assert outcomes == ["interrupted", "ok"]
