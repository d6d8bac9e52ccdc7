"""A reconcile between a writer's two transactions (store, then parse), or on PostgreSQL before an
older transaction commits, must not make later incremental reconciles miss those records."""

from __future__ import annotations

import importlib.util
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from aidledger.storage.db import open_store
from aidledger.storage.ingest import parse_unparsed, write_batch
from aidledger.storage.ledger import Donation
from aidledger.storage.ledger_reconcile import reconcile_store
from aidledger.storage.pages import FetchedPage, store_batch

_spec = importlib.util.spec_from_file_location("linksite", Path(__file__).with_name("linksite.py"))
linksite = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(linksite)


def _fetch(i: int) -> FetchedPage:
    return FetchedPage(f"https://lantern.example/p{i}.html", linksite.page(i, 10),
                       datetime.now(UTC), kind="program_page", source="lantern",
                       headers={"Content-Type": "text/html"})


def _reconcile(sessions, rebuild: bool = False) -> int:
    with sessions() as s:
        reconcile_store(s, rebuild=rebuild)
        s.commit()
        return int(s.scalar(select(func.count()).select_from(Donation)))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        return open_store(f"sqlite:///{tmp_path / 's.sqlite'}")[1]
    return open_store(request.getfixturevalue("pg_url"))[1]


def test_a_reconcile_between_store_and_parse(store):
    write_batch(store, [_fetch(0), _fetch(1)])
    assert _reconcile(store) == 2
    with store.begin() as s:
        store_batch(s, [_fetch(2)])  # committed, not parsed yet
    assert _reconcile(store) == 2
    parse_unparsed(store)  # the writer's second transaction
    assert _reconcile(store) == 3 == _reconcile(store, rebuild=True)


def test_a_reconcile_waits_for_an_older_transaction_to_commit(pg_url):
    _, sessions = open_store(pg_url)
    write_batch(sessions, [_fetch(0)])
    assert _reconcile(sessions) == 1
    slow = sessions()
    slow.begin()
    store_batch(slow, [_fetch(1)])  # a lower snapshot id, not committed yet
    write_batch(sessions, [_fetch(2)])  # a higher one, stored and parsed: writers do not wait
    got: list[int] = []
    reconcile = threading.Thread(target=lambda: got.append(_reconcile(sessions)))
    reconcile.start()
    time.sleep(1.0)
    assert reconcile.is_alive() and got == []  # its watermark waits for the open writer
    slow.commit()
    slow.close()
    reconcile.join(timeout=60)
    assert got == [2]  # snapshot 1 committed but not parsed: below the watermark's reach
    parse_unparsed(sessions)
    assert _reconcile(sessions) == 3 == _reconcile(sessions, rebuild=True)
