"""The counting site the distributed tests crawl (their Redis prefix and PostgreSQL schema are
the root conftest's `redis_prefix` and `pg_url`)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


class Site:
    """The counting site (linksite.py) in a process of its own."""

    def __init__(self, pages: int) -> None:
        self.pages = pages
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("linksite.py")),
                                      str(pages)], stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.base = f"http://127.0.0.1:{int(self.proc.stdout.readline())}"

    def counts(self) -> dict[str, dict[str, int]]:
        with urllib.request.urlopen(f"{self.base}/_counts", timeout=10) as r:
            return json.load(r)

    def sources(self, folder: Path, concurrency: int = 8) -> Path:
        path = folder / "sources.toml"
        path.write_text(f"""
[crawl]
timeout = 120
retries = 1

[[source]]
name = "linksite"
kind = "program"
start_urls = ["{self.base}/p0.html"]
allowed_domains = ["127.0.0.1"]
link_pattern = '/p\\d+\\.html$'
delay = 0
concurrency = {concurrency}
""")
        return path

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture
def site_of() -> Iterator[object]:
    made: list[Site] = []

    def make(pages: int) -> Site:
        made.append(Site(pages))
        return made[-1]

    yield make
    for s in made:
        s.close()
