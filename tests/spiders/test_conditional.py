"""Conditional requests read the stored validators once per site and crawl, and again for each
distributed round (a long-lived worker must revalidate what an earlier round stored)."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy.http import Request

from aidledger.spiders.conditional import ROUND, ConditionalRequestsMiddleware
from aidledger.storage.db import open_store
from aidledger.storage.models import Page

SITE = "http://127.0.0.1:8999"
T = datetime(2021, 5, 1, tzinfo=UTC)


def store_page(db_url: str, url: str, etag: str) -> None:
    _, sessions = open_store(db_url)
    with sessions.begin() as session:
        session.add(Page(url=url, first_fetched=T, last_fetched=T, etag=etag))


def etag_sent(mw: ConditionalRequestsMiddleware, url: str, round_id: int | None = None) -> bytes:
    request = Request(url, meta={ROUND: round_id} if round_id is not None else {})
    mw.process_request(request)
    return request.headers.get("If-None-Match")


def test_validators_are_read_once_per_site_and_again_for_each_round(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store_page(db_url, f"{SITE}/a.html", '"a1"')
    mw = ConditionalRequestsMiddleware(db_url)
    assert etag_sent(mw, f"{SITE}/a.html", round_id=1) == b'"a1"'
    store_page(db_url, f"{SITE}/b.html", '"b1"')  # stored during round 1
    assert etag_sent(mw, f"{SITE}/b.html", round_id=1) is None  # one read per site and round
    assert etag_sent(mw, f"{SITE}/b.html", round_id=2) == b'"b1"'  # the next round revalidates
