"""Services for the distributed tests: a Redis key prefix of their own, a throwaway PostgreSQL
schema, the counting site. An unreachable service skips, or fails with
AIDLEDGER_REQUIRE_SERVICES=1 (CI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine, text

REDIS_URL = os.environ.get("AIDLEDGER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PG_URL = os.environ.get("AIDLEDGER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _unreachable(service: str, problem: str) -> None:
    if os.environ.get("AIDLEDGER_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{service} required (AIDLEDGER_REQUIRE_SERVICES=1) but: {problem}")
    pytest.skip(f"{service} not reachable: {problem}")


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A key prefix no other test or deployment uses; its keys are deleted afterwards."""
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        server.ping()
    except redis.RedisError as exc:
        _unreachable("Redis", str(exc))
    prefix = f"aidtest-{uuid.uuid4().hex[:10]}"
    yield prefix
    for key in server.scan_iter(f"{prefix}:*", count=1000):
        server.delete(key)
    server.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL of an empty, unmigrated throwaway schema on the test PostgreSQL."""
    admin = create_engine(PG_URL)
    try:
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        _unreachable("PostgreSQL", str(exc).splitlines()[0])
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


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
