"""Stores to test against: a fresh SQLite file, and a fresh schema on the real PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from aidledger.storage.db import make_engine, upgrade

PG_URL = os.environ.get("AIDLEDGER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _require_services() -> bool:
    return os.environ.get("AIDLEDGER_REQUIRE_SERVICES") == "1"


def _pg_available() -> str | None:
    try:
        with create_engine(PG_URL).connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return str(exc).splitlines()[0]
    return None


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request: pytest.FixtureRequest, tmp_path) -> Iterator[sessionmaker[Session]]:
    """A migrated, empty store on each backend (PostgreSQL: a throwaway schema)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite'}")
        upgrade(engine)
        yield sessionmaker(engine, expire_on_commit=False)
        engine.dispose()
        return
    problem = _pg_available()
    if problem:
        if _require_services():
            pytest.fail(f"PostgreSQL required (AIDLEDGER_REQUIRE_SERVICES=1) but: {problem}")
        pytest.skip(f"PostgreSQL not reachable: {problem}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade(engine)
        yield sessionmaker(engine, expire_on_commit=False)
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
