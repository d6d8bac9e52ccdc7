"""Retries wait: the server's Retry-After, else exponential backoff."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime

from aidledger.demo.server import serve
from aidledger.spiders.retry import retry_after


def test_retry_after_in_seconds_or_as_a_date():
    now = datetime(2021, 5, 1, 12, 0, tzinfo=UTC)
    assert retry_after(b"7") == 7.0
    assert retry_after("Sat, 01 May 2021 12:00:30 GMT", now) == 30.0
    assert retry_after("Sat, 01 May 2021 11:00:00 GMT", now) == 0.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_429_with_retry_after_is_honoured_then_the_page_is_stored(tmp_path):
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    with serve() as (base, site):
        site.flaky["/supplies.html"] = [429, 503]
        site.retry_after = "2"
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "aidledger.cli.main", "-v", "crawl",
                               "--url", f"{base}/supplies.html", "--db", db],
                              capture_output=True, text=True, timeout=120, check=False)
        elapsed = time.monotonic() - started
        assert site.hits["/supplies.html"] == 3
    assert done.returncode == 0, done.stderr
    assert "answered 429: retrying in 2.0 s" in done.stderr
    assert elapsed >= 4  # two waits of the 2 s the server asked for
    assert "1 pages (0 unchanged, 0 failed)" in done.stdout
