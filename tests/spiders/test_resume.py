"""A crawl killed with SIGKILL, then run again, leaves the store an uninterrupted crawl leaves.

The crawling process hands pages to a writer process through a queue: what is in the queue when
the crawl dies was never stored, and the rerun fetches it again; what was stored but not yet
parsed is parsed by the rerun.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from aidledger.demo.server import serve
from aidledger.storage.db import open_store
from aidledger.storage.integrity import check_store
from aidledger.storage.models import CrawlRun, Observation, Page, Record, RecordVersion, Snapshot

PAGES = 30
GOODS = ["Face Mask", "Detection Kit", "Protective Suit", "Gloves"]
COUNTRIES = ["Peru", "Kenya", "Nepal", "Chile", "Italy"]


def build_site(folder: Path) -> None:
    """Linked program pages, each a small donation table (p0 links to the next three...)."""
    folder.mkdir()
    for i in range(PAGES):
        links = "".join(f'<a href="/p{k}.html">more</a> ' for k in (i + 1, 2 * i + 1, 2 * i + 2)
                        if k < PAGES)
        rows = "".join(f"<tr><td>{GOODS[(i + j) % 4]}</td><td>{(i + 1) * 500 + j:,}</td>"
                       f"<td>In Transit</td></tr>" for j in range(3))
        (folder / f"p{i}.html").write_text(
            f"<html><body><nav>{links}</nav><div class='country'>{COUNTRIES[i % 5]}</div>"
            f"<table><tr><th>Goods</th><th>QTY(Pieces)</th><th>Progress</th></tr>{rows}</table>"
            "</body></html>")


def argv(base: str, db: str) -> list[str]:
    return [sys.executable, "-m", "aidledger.cli.main", "crawl", "--url", f"{base}/p0.html",
            "--follow", r"/p\d+\.html$", "--db", db]


def content(db: str) -> dict[str, object]:
    _, sessions = open_store(db)
    with sessions() as s:
        count = {m.__tablename__: s.scalar(select(func.count()).select_from(m))
                 for m in (Page, Snapshot, Record, RecordVersion, Observation)}
        records = sorted(s.execute(select(Record.kind, Record.block, Record.item,
                                          Record.quantity, Record.status,
                                          Record.gone_since.is_(None))).all())
        unparsed = s.scalar(select(func.count()).select_from(Snapshot)
                            .where(Snapshot.parsed_at.is_(None)))
    return {"count": count, "records": records, "unparsed": unparsed}


def gone(pid: int) -> bool:
    """Exited (a zombie nobody reaps counts as exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def test_sigkill_then_rerun_equals_an_uninterrupted_crawl(tmp_path):
    killed_db = f"sqlite:///{tmp_path / 'killed.sqlite'}"
    clean_db = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    build_site(tmp_path / "site")
    with serve(tmp_path / "site") as (base, site):
        site.delay = 0.05
        proc = subprocess.Popen(argv(base, killed_db), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, sessions = open_store(killed_db)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with sessions() as s:
                if s.scalar(select(func.count()).select_from(Snapshot)):
                    writer = s.scalar(select(CrawlRun)).detail["writer_pid"]
                    break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        while not gone(writer) and time.monotonic() < deadline:  # it notices and stops
            time.sleep(0.05)
        assert gone(writer), "the writer outlived its crawl"
        stored_before = content(killed_db)["count"]["snapshot"]
        assert 1 <= stored_before < PAGES, "the kill should land mid-crawl"
        site.delay = 0
        rerun = subprocess.run(argv(base, killed_db), capture_output=True, text=True, timeout=120)
        assert rerun.returncode == 0, rerun.stderr
        clean = subprocess.run(argv(base, clean_db), capture_output=True, text=True, timeout=120)
        assert clean.returncode == 0, clean.stderr
    after, want = content(killed_db), content(clean_db)
    assert want["count"]["snapshot"] == PAGES and want["unparsed"] == 0
    assert after == want
    with sessions() as s:
        assert [p for r in check_store(s) for p in r.problems] == []
        outcomes = [r.outcome for r in s.scalars(select(CrawlRun).order_by(CrawlRun.id))]
        rerun_run = s.scalar(select(CrawlRun).order_by(CrawlRun.id.desc()))
    assert outcomes == ["interrupted", "ok"]
    # what was stored is only revalidated (304), the rest is fetched and stored
    assert rerun_run.pages_fetched == PAGES and rerun_run.pages_unchanged == stored_before
