"""The app over HTTP without a browser: read-only store, headers, CSV, review token, errors."""

from __future__ import annotations

import csv
import io
import re
import socket
import subprocess
import sys
import time

import httpx2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from aidledger.errors import StoreError
from aidledger.storage.db import make_engine, upgrade
from aidledger.storage.ledger import Donation, Review
from aidledger.web.app import WebConfig, create_app
from aidledger.web.params import Filters
from aidledger.web.store import readonly_engine

TOKEN = "s3cret-review-token"


@pytest.fixture(scope="module")
def client(store_url: str) -> TestClient:
    return TestClient(create_app(WebConfig(store_url, TOKEN)))


def donation_ids(client: TestClient, **params: str) -> list[str]:
    return [d["id"] for d in client.get("/api/donations", params=params).json()["items"]]


def test_the_app_cannot_write_to_a_sqlite_store(client: TestClient):
    with client.app.state.sessions() as s:  # the very sessions every route gets
        before = s.scalar(select(func.count()).select_from(Donation))
        with pytest.raises(OperationalError, match="readonly|read-only|query_only"):
            s.execute(text("DELETE FROM donation"))
    with client.app.state.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Donation)) == before > 0


def test_the_app_cannot_write_to_a_postgresql_store(pg_url):
    upgrade(make_engine(pg_url))
    engine = readonly_engine(pg_url)
    with sessionmaker(engine)() as s:
        assert s.scalar(text("SHOW default_transaction_read_only")) == "on"
        with pytest.raises(Exception, match="read-only transaction"):
            s.execute(text("INSERT INTO source (name, kind) VALUES ('x', 'program')"))
    engine.dispose()


def test_a_missing_or_unmigrated_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="crawl and reconcile first"):
        create_app(WebConfig(f"sqlite:///{tmp_path / 'none.sqlite'}"))
    empty = tmp_path / "empty.sqlite"
    make_engine(f"sqlite:///{empty}").connect().close()
    with pytest.raises(StoreError, match="aidledger db upgrade"):
        create_app(WebConfig(f"sqlite:///{empty}"))


@pytest.mark.parametrize("path", ["/donations", "/donations?item=masks", "/health", "/conflicts",
                                  "/review", "/items/face_mask", "/api/donations",
                                  "/api/openapi.json", "/donations/don_missing"])
def test_every_response_carries_a_strict_csp(client: TestClient, path: str):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_a_snapshot_is_served_as_fetched_but_sandboxed(client: TestClient):
    d = client.get(f"/api/donations/{donation_ids(client, item='face_mask')[0]}").json()
    claim = next(e for e in d["evidence"] if e["kind"] == "claim")
    raw = client.get(claim["snapshot_url"])
    assert raw.status_code == 200 and b"shipped 60,000 face masks to Chile" in raw.content
    csp = raw.headers["content-security-policy"]
    assert csp.startswith("sandbox;") and "default-src 'none'" in csp
    assert "script-src" not in csp and raw.headers["x-frame-options"] == "SAMEORIGIN"
    viewer = client.get(f"/snapshots/{claim['document']}").text
    assert 'sandbox=""' in viewer and claim["url"] in viewer
    assert client.get("/snapshots/999999/raw").status_code == 404


def test_csv_holds_exactly_the_rows_on_screen(client: TestClient):
    on_screen = donation_ids(client, sort="quantity", order="desc", limit="50")
    r = client.get("/donations", params={"sort": "quantity", "order": "desc", "format": "csv"})
    assert r.headers["content-disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == on_screen
    assert rows[0]["quantity"] == "60000" and rows[0]["donors"] == "Lantern Aid Foundation"
    only_kenya = list(csv.DictReader(io.StringIO(
        client.get("/recipients/KEN", params={"format": "csv"}).text)))
    assert [r["recipients"] for r in only_kenya] == ["KEN"]


def test_bad_parameters_get_a_readable_page_or_a_422(client: TestClient):
    page = client.get("/donations", params={"since": "last tuesday", "min_sources": "0"})
    assert page.status_code == 400 and "since" in page.text and "min_sources" in page.text
    api = client.get("/api/donations", params={"limit": "100000"})
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["query", "limit"]
    assert client.get("/api/donations/don_nope").status_code == 404
    missing = client.get("/donations/don_nope")
    assert missing.status_code == 404 and "no donation" in missing.text


def test_api_pages_through_results_with_next_links(client: TestClient):
    first = client.get("/api/donations", params={"limit": "2", "sort": "quantity"}).json()
    assert first["total"] == 3 and len(first["items"]) == 2 and first["prev"] is None
    second = client.get(first["next"]).json()
    assert [d["quantity"] for d in first["items"] + second["items"]] == [3000, 8000, 60000]
    assert second["next"] is None and second["offset"] == 2
    assert first["total_exact"] is True


def test_a_total_past_the_cap_is_a_lower_bound_and_paging_goes_on(client: TestClient,
                                                                    monkeypatch):
    from aidledger.storage import ledger_page

    monkeypatch.setattr(ledger_page, "COUNT_CAP", 1)  # a date filter is counted, not looked up
    params = {"limit": "1", "since": "2000-01-01"}
    first = client.get("/api/donations", params=params).json()
    assert (first["total"], first["total_exact"]) == (2, False) and first["next"]
    second = client.get(first["next"]).json()
    assert second["items"] and second["items"][0]["id"] != first["items"][0]["id"]
    page = client.get("/donations", params={"since": "2000-01-01"}).text
    assert "1–3 of 3+" in page and "page 1 of" not in page


def test_review_is_refused_without_the_token_and_stored_with_it(store_url: str):
    body = {"record": "rec_x", "donation": "don_x", "decision": "reject"}
    off = TestClient(create_app(WebConfig(store_url)))
    refused = off.post("/api/review", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert refused.status_code == 403 and "AIDLEDGER_REVIEW_TOKEN" in refused.json()["detail"]
    on = TestClient(create_app(WebConfig(store_url, TOKEN)))
    assert on.post("/api/review", json=body).status_code == 401
    assert on.post("/api/review", json=body,
                   headers={"authorization": "Bearer wrong"}).status_code == 401
    queue = on.get("/api/review").json()["items"]
    link = next(q for q in queue if q["role"] == "corroborates")
    ok = on.post("/api/review", json={"record": link["record"], "donation": link["donation"],
                                      "decision": "reject", "note": "different shipment"},
                 headers={"authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    form = on.post("/review", data={"record": link["record"], "donation": link["donation"],
                                    "decision": "confirm", "token": "wrong"})
    assert form.status_code == 401
    with sessionmaker(make_engine(store_url))() as s:
        reviews = list(s.scalars(select(Review)))
    assert [(r.record_id, r.decision, r.note) for r in reviews] == [
        (link["record"], "reject", "different shipment")]


def test_serve_command_serves_the_store(store_url: str):
    with socket.socket() as probe:  # a port free now, from the system, not a guessed one
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "aidledger.cli.main", "serve", "--port",
                             str(port), "--db", store_url], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx2.get(f"http://127.0.0.1:{port}/api/donations?item=face_mask")
                break
            except httpx2.ConnectError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["total"] == 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "read-only" in proc.stderr.read()


def test_facets_are_computed_once_per_filters_while_paging(store_url: str):
    app = create_app(WebConfig(store_url))
    c = TestClient(app)
    first = c.get("/donations", params={"recipient": "Chile"}).text
    again = c.get("/donations", params={"recipient": "Chile", "sort": "quantity"}).text
    assert list(app.state.facet_cache) == [(Filters(recipient="Chile"), 20)]
    def facets(html: str) -> str:  # the facet box without its links (they keep the sort)
        return re.sub(r'href="[^"]*"', "", html[html.index('class="facets"'):
                                                 html.index('class="results"')])

    assert facets(first) == facets(again) and "Chile" in facets(first)
    c.get("/donations", params={"item": "masks"})
    assert len(app.state.facet_cache) == 2
