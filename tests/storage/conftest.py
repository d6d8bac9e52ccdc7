"""Stores to test against: a fresh SQLite file, and a fresh schema on the real PostgreSQL (the\nroot conftest's `pg_url`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from aidledger.storage.db import make_engine, upgrade


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request: pytest.FixtureRequest, tmp_path) -> Iterator[sessionmaker[Session]]:
    """A migrated, empty store on each backend (PostgreSQL: a throwaway schema)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite'}")
        upgrade(engine)
        yield sessionmaker(engine, expire_on_commit=False)
        engine.dispose()
        return
    engine = make_engine(request.getfixturevalue("pg_url"))
    try:
        upgrade(engine)
        yield sessionmaker(engine, expire_on_commit=False)
    finally:
        engine.dispose()
