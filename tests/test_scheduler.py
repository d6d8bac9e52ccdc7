"""The scheduler: what is due, one catch-up run after downtime, never two runs at once, SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from aidledger.config import Settings, Source
from aidledger.scheduler import Scheduler, is_due
from aidledger.storage.db import open_store
from aidledger.storage.models import CrawlRun

HOURLY = Source(name="harbor", kind="program", start_urls=("http://127.0.0.1/",),
                schedule="0 * * * *")


def at(h: int, m: int = 0) -> datetime:
    return datetime(2021, 6, 1, h, m, tzinfo=UTC)


def test_due_when_a_slot_passed_since_the_last_start():
    assert is_due(HOURLY, None, at(9, 5))
    assert not is_due(HOURLY, at(9, 0), at(9, 59))
    assert is_due(HOURLY, at(9, 0), at(10, 0))
    unscheduled = Source(name="x", kind="news", start_urls=("http://127.0.0.1/",))
    assert not is_due(unscheduled, None, at(9))


def test_after_downtime_only_one_catch_up_run(tmp_path: Path):
    _, sessions = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    settings = Settings(db_url="", sources_path=None, redis_url=None, sources=(HOURLY,))
    sched = Scheduler(settings, sessions, command_for=lambda s: [sys.executable, "-c", "pass"])
    assert sched.run_due(at(3)) == ["harbor"]
    assert sched.run_due(at(3)) == []  # still running or just started: never twice
    sched.running["harbor"].proc.wait()
    sched.reap()
    # twelve hours of missed slots give one run, not twelve
    assert sched.run_due(datetime.now(UTC).replace(year=2099)) == ["harbor"]
    sched.running["harbor"].proc.wait()
    sched.reap()
    with sessions() as s:
        outcomes = [r.outcome for r in s.scalars(select(CrawlRun).order_by(CrawlRun.id))]
    assert outcomes == ["ok", "ok"]


def test_sigterm_passes_on_to_the_crawl_and_records_it_interrupted(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    marker = tmp_path / "crawl-started"
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import signal, sys, time
        from aidledger.config import Settings, Source
        from aidledger.scheduler import Scheduler
        from aidledger.storage.db import open_store
        _, sessions = open_store({db!r})
        src = Source(name="slow", kind="program", start_urls=("http://127.0.0.1/",),
                     schedule="* * * * *")
        child = ("import pathlib, signal, sys, time;"
                 "signal.signal(signal.SIGTERM, lambda *a: sys.exit(3));"
                 "pathlib.Path({str(marker)!r}).write_text('x'); time.sleep(60)")
        cfg = Settings(db_url={db!r}, sources_path=None, redis_url=None, sources=(src,))
        Scheduler(cfg, sessions, command_for=lambda s: [sys.executable, "-c", child],
                  tick=0.1).serve()
    """))
    proc = subprocess.Popen([sys.executable, str(script)], env=os.environ.copy())
    deadline = time.monotonic() + 30
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert marker.exists(), "the scheduled crawl never started"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    _, sessions = open_store(db)
    with sessions() as s:
        run = s.scalar(select(CrawlRun))
    assert run.outcome == "interrupted" and run.finished_at is not None
    assert run.detail["exit_code"] == 3


RELIEF = """<html><body><h1>Relief supplies</h1><div class="country">Kenya</div><table>
<tr><th>Goods</th><th>QTY(Pieces)</th><th>Progress</th></tr>{rows}</table></body></html>"""
REVISIONS = {  # what the page shows at each scheduled run
    1: [("Face Mask", "50,000", "Stocking Up"), ("Gloves", "8,000", "In Transit")],
    2: [("Face Mask", "50,000", "In Transit"), ("Gloves", "8,000", "Arrived"),
        ("Ventilator", "30", "Stocking Up")],
    3: [("Face Mask", "50,000", "Arrived"), ("Ventilator", "30", "In Transit")],
}


def test_three_scheduled_runs_over_a_changing_site_give_its_history(tmp_path, monkeypatch):
    """The real scheduler, a clock we move an hour at a time, each run a real crawl process."""
    from datetime import timedelta

    from aidledger.config import load_settings
    from aidledger.demo.server import serve
    from aidledger.storage.models import Record

    site = tmp_path / "site"
    site.mkdir()
    for rev, rows in REVISIONS.items():
        cells = "".join(f"<tr><td>{g}</td><td>{q}</td><td>{p}</td></tr>" for g, q, p in rows)
        name = "relief.html" if rev == 1 else f"relief.rev{rev}.html"
        (site / name).write_text(RELIEF.format(rows=cells))
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    with serve(site) as (base, state):
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[source]]\nname = "kenya"\nkind = "program"\n'
                           f'start_urls = ["{base}/relief.html"]\n'
                           f'allowed_domains = ["127.0.0.1"]\nschedule = "0 * * * *"\n')
        monkeypatch.setenv("AIDLEDGER_SOURCES", str(sources))  # what the crawl processes read
        monkeypatch.setenv("AIDLEDGER_DB_URL", db)
        cfg = load_settings()
        _, sessions = open_store(db)
        sched = Scheduler(cfg, sessions)
        clock = datetime.now(UTC)
        for rev in REVISIONS:
            state.revision = rev
            assert sched.run_due(clock) == ["kenya"]
            assert sched.run_due(clock) == []  # running: never twice at once
            assert sched.running["kenya"].proc.wait(timeout=120) == 0
            sched.reap()
            assert sched.run_due(clock) == []  # this hour's slot is taken
            clock += timedelta(hours=1)
    with sessions() as s:
        runs = [(r.command, r.outcome) for r in s.scalars(select(CrawlRun).order_by(CrawlRun.id))]
        history = {r.item: ([v.status for v in r.versions], r.gone_since is not None)
                   for r in s.scalars(select(Record))}
    assert sorted(runs) == sorted([("schedule", "ok"), ("crawl", "ok")] * 3)
    assert history == {"face_mask": (["preparing", "in_transit", "arrived"], False),
                       "gloves": (["in_transit", "arrived"], True),
                       "ventilator": (["preparing", "in_transit"], False)}
