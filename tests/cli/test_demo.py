"""`aidledger demo`, the README's first command, as a user runs it."""

from __future__ import annotations

import subprocess
import sys


def test_demo_crawls_the_sample_site_twice_and_shows_history(tmp_path):
    db = tmp_path / "demo.sqlite"
    done = subprocess.run([sys.executable, "-m", "aidledger.cli.main", "demo", "--db", str(db)],
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "crawl 1: program: ok: 3 pages" in out
    assert "records 0 added, 4 changed" in out
    assert "8 records, 12 versions" in out
    assert "Islamic Republic of Iran" in out and "Accepted" in out
    assert db.exists()
