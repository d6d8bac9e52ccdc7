"""Services shared by every test folder: a throwaway PostgreSQL schema, a Redis key prefix.

An unreachable service skips the test on a laptop; with AIDLEDGER_REQUIRE_SERVICES=1 (CI) it
fails instead, so a broken service can never turn into a green run of skipped tests.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
import redis
from sqlalchemy import create_engine, text

REDIS_URL = os.environ.get("AIDLEDGER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PG_URL = os.environ.get("AIDLEDGER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def unreachable(service: str, problem: str) -> None:
    """Skip, or fail when services are required, naming what was not reachable."""
    if os.environ.get("AIDLEDGER_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{service} required (AIDLEDGER_REQUIRE_SERVICES=1) but: {problem}")
    pytest.skip(f"{service} not reachable: {problem}")


@pytest.fixture
def pg_schemas() -> Iterator[Callable[[], str]]:
    """Make URLs of empty, unmigrated throwaway schemas on the test PostgreSQL; all dropped after."""
    admin = create_engine(PG_URL)
    try:
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        admin.dispose()
        unreachable("PostgreSQL", str(exc).splitlines()[0])
    made: list[str] = []

    def make() -> str:
        made.append(f"t_{uuid.uuid4().hex[:12]}")
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{made[-1]}"'))
        return f"{PG_URL}?options=-csearch_path%3D{made[-1]}"

    try:
        yield make
    finally:
        with admin.begin() as conn:
            for schema in made:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_url(pg_schemas: Callable[[], str]) -> str:
    """A URL of one empty, unmigrated throwaway schema on the test PostgreSQL."""
    return pg_schemas()


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A key prefix no other test or deployment uses; its keys are deleted afterwards."""
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        server.ping()
    except redis.RedisError as exc:
        unreachable("Redis", str(exc))
    prefix = f"aidtest-{uuid.uuid4().hex[:10]}"
    yield prefix
    for key in server.scan_iter(f"{prefix}:*", count=1000):
        server.delete(key)
    server.close()
