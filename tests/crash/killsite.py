"""Helpers of the crash tests: a small linked site in two revisions, running `aidledger`
commands in their own session (so every process they start can be waited for), and a canonical
dump of what a store holds (times left out: a killed and rerun crawl fetches at other times)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from aidledger.storage.db import open_store
from aidledger.storage.integrity import check_store
from aidledger.storage.ledger import Donation, DonationParty, Evidence
from aidledger.storage.models import (
    CrawlRun,
    FetchFailure,
    Observation,
    Page,
    PageConflict,
    Record,
    RecordVersion,
    Snapshot,
)

PAGES = 24
GOODS = ["Face Mask", "Detection Kit", "Protective Suit", "Gloves", "Ventilator"]
COUNTRIES = ["Peru", "Kenya", "Nepal", "Chile", "Italy", "Ghana"]
STATUSES = ["Stocking Up", "In Transit", "Arrived"]


def _rows(i: int, rev: int) -> list[tuple[str, int, str]]:
    rows = [(GOODS[(i + j) % 5], (i + 1) * 700 + j, STATUSES[(i + j) % 2]) for j in range(3)]
    if rev == 2 and i % 3 == 0:  # a quantity corrected, a status moved on
        rows[0] = (rows[0][0], rows[0][1] + 50, "Arrived")
    if rev == 2 and i % 4 == 1:  # a row leaves the page
        rows = rows[:2]
    if rev == 2 and i % 5 == 2:  # a row is added
        rows.append(("Gloves", 9000 + i, "Stocking Up"))
    return rows


def build_site(folder: Path) -> None:
    """p0 links to p1, p2, p3; page i to 2i+1 and 2i+2: every page reachable, some twice."""
    folder.mkdir()
    for i in range(PAGES):
        links = "".join(f'<a href="/p{k}.html">more</a> ' for k in (i + 1, 2 * i + 1, 2 * i + 2)
                        if k < PAGES)
        for rev in (1, 2):
            cells = "".join(f"<tr><td>{g}</td><td>{q:,}</td><td>{s}</td></tr>"
                            for g, q, s in _rows(i, rev))
            name = f"p{i}.html" if rev == 1 else f"p{i}.rev2.html"
            (folder / name).write_text(
                f"<html><body><nav>{links}</nav><div class='country'>{COUNTRIES[i % 6]}</div>"
                f"<table><tr><th>Goods</th><th>QTY(Pieces)</th><th>Progress</th></tr>{cells}"
                "</table></body></html>")


def sources_toml(path: Path, base: str, schedule: str | None = None) -> Path:
    lines = ["[[source]]", 'name = "lantern"', 'kind = "program"',
             f'start_urls = ["{base}/p0.html"]', 'allowed_domains = ["127.0.0.1"]',
             "link_pattern = '/p\\d+\\.html$'", "delay = 0", "concurrency = 8"]
    if schedule:
        lines.append(f'schedule = "{schedule}"')
    path.write_text("\n".join(lines) + "\n")
    return path


def aidledger(*args: str, env: dict[str, str] | None = None, wait: bool = True,
              timeout: float = 120) -> subprocess.Popen[bytes]:
    """`aidledger ARGS` in a session of its own (its pid is the session id); its stderr goes to
    a file (a pipe nobody reads could fill and stall it), read back as `stderr_text`."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - read back by stderr_text, closed with the test
    proc = subprocess.Popen([sys.executable, "-m", "aidledger.cli.main", *args],
                            env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=log, start_new_session=True)
    proc.log = log
    if wait:
        proc.wait(timeout=timeout)
        wait_session(proc.pid, timeout)
    return proc


def stderr_text(proc: subprocess.Popen[bytes]) -> str:
    proc.log.seek(0)
    return proc.log.read().decode(errors="replace")


def _session_alive(sid: int) -> bool:
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] not in ("Z", "X"):
            return True
    return False


def wait_session(sid: int, timeout: float = 120) -> None:
    """Until every process of session `sid` is gone (a killed crawl's writer stops by itself,
    a killed scheduler's crawl finishes)."""
    deadline = time.monotonic() + timeout
    while _session_alive(sid):
        assert time.monotonic() < deadline, f"processes of session {sid} still running"
        time.sleep(0.05)


def trace_counts(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            role = line.split()[0]
            out[role] = out.get(role, 0) + 1
    return out


def dump(db: str) -> dict[str, Any]:
    """Everything a reader of the store sees, in a canonical order, without fetch times and
    counters of fetches (a rerun fetches again): pages, snapshots by body, records, their
    versions and observations, page conflicts, failures, the ledger."""
    _, sessions = open_store(db, migrate=False)
    with sessions() as s:
        sha = dict(s.execute(select(Snapshot.id, Snapshot.blob_sha256)).all())
        out: dict[str, Any] = {
            "pages": sorted(s.execute(select(Page.url, Page.kind))),
            "snapshots": sorted(s.execute(
                select(Page.url, Snapshot.blob_sha256, Snapshot.status, Snapshot.final_url,
                       Snapshot.parse_error, Snapshot.n_records, Snapshot.parsed_at.is_(None))
                .join(Page, Page.id == Snapshot.page_id))),
            "records": sorted(
                (r.id, r.kind, r.block, r.item, r.item_label, r.quantity, r.quantity_each,
                 r.status, r.status_label, r.date, repr(r.donors), repr(r.recipients),
                 repr(r.status_parts), repr(r.raw), r.locator, r.gone_since is None,
                 sha[r.first_snapshot_id], sha[r.last_snapshot_id])
                for r in s.scalars(select(Record))),
            "versions": sorted(
                (v.record_id, v.seq, v.item, v.quantity, v.status, v.status_label, v.block,
                 repr(v.donors), repr(v.recipients), sha[v.first_snapshot_id],
                 sha[v.last_snapshot_id]) for v in s.scalars(select(RecordVersion))),
            "observations": sorted(
                (o.record_id, sha[o.snapshot_id], o.locator, o.view, o.quantity, o.status)
                for o in s.scalars(select(Observation))),
            "conflicts": sorted((sha[c.snapshot_id], c.record_id or "", repr(c.detail))
                                for c in s.scalars(select(PageConflict))),
            "failures": sorted(s.execute(select(FetchFailure.url, FetchFailure.reason))),
            "donations": sorted(
                (d.id, repr(d.donors), d.item, d.quantity, d.quantity_rule, repr(d.recipients),
                 d.status, d.independent_sources, repr(d.conflicts), d.block_key)
                for d in s.scalars(select(Donation))),
            "evidence": sorted(s.execute(select(Evidence.donation_id, Evidence.record_id,
                                                Evidence.role, Evidence.reason))),
            "parties": sorted(s.execute(select(DonationParty.role, DonationParty.key,
                                               DonationParty.donation_id, DonationParty.value))),
            "search": sorted(s.execute(select(Donation.id, Donation.search_text,
                                              Donation.has_conflicts))),
        }
    return out


def problems(db: str, *, settled: bool = True) -> list[str]:
    """What `aidledger db check` finds, and (`settled`: after a rerun) runs left "running"."""
    _, sessions = open_store(db, migrate=False)
    with sessions() as s:
        found = [p for r in check_store(s) for p in r.problems]
        if settled:
            found += [f"crawl run {r.id} ({r.command}) still 'running'" for r in
                      s.scalars(select(CrawlRun).where(CrawlRun.outcome == "running"))]
    return found


def crawls(db: str) -> int:
    """How many crawls were run into the store."""
    _, sessions = open_store(db, migrate=False)
    with sessions() as s:
        return len(s.scalars(select(CrawlRun.id).where(CrawlRun.command == "crawl")).all())
