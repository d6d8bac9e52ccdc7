"""The web app under hostile use: SQL in every filter, every route hit with every method, a
burst of 1,000 concurrent requests. The store must come out unchanged, the answers must be
those of a harmless string, and nothing may fail."""

from __future__ import annotations

import asyncio
import hashlib
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from starlette.routing import Mount

from aidledger.storage.db import open_store
from aidledger.storage.ledger import Donation
from aidledger.storage.models import Snapshot
from aidledger.web.app import WebConfig, create_app

PAYLOADS = [
    "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE donation; --",
    "x'); DELETE FROM record; --", "' UNION SELECT id, id, id FROM snapshot --",
    "%' OR 'a' LIKE '%", "1; UPDATE donation SET quantity = 0", "\\'; --", "*", "%", "_",
    '"masks" OR "x"', "masks NEAR(x y)", "donation_fts: x", "body:*", "^x", "x' AND 0 --",
    "'||(SELECT sqlite_version())||'", "' OR pg_sleep(1) IS NULL --", "\x00'", "NULL",
]
FILTERS = ("donor", "recipient", "item", "q")
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
WRITES_ALLOWED = {("POST", "/api/review"), ("POST", "/review")}  # behind the review token


def harmless(payload: str) -> str:
    """The payload with every character that means something to SQL or FTS replaced."""
    return re.sub(r"[^\w\s]", " ", payload).replace("\x00", " ")


def fingerprint(url: str) -> str:
    """Every row of every table, in a fixed order, hashed: equal fingerprints, same store."""
    engine, _ = open_store(url, migrate=False)
    digest = hashlib.sha256()
    with engine.connect() as conn:
        tables = conn.execute(text("SELECT name, sql FROM sqlite_master ORDER BY name")).all()
        for name, sql in tables:
            digest.update(f"{name}:{sql}".encode())
            if sql and sql.startswith("CREATE TABLE"):
                for row in conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1')):
                    digest.update(repr(tuple(row)).encode())
    engine.dispose()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def client(store_url):
    app = create_app(WebConfig(store_url))
    with TestClient(app) as c:
        yield c


def _answer(client: TestClient, path: str) -> tuple[int, object]:
    r = client.get(path, follow_redirects=False)
    if r.headers.get("content-type", "").startswith("application/json"):
        body: object = r.json()
    else:  # a page: what it lists, without the echo of the query in forms and links
        body = sorted(set(re.findall(r"/donations/(don_[0-9a-f]+)", r.text)))
    return r.status_code, body


def test_sql_in_every_filter_has_no_effect(client, store_url):
    before = fingerprint(store_url)
    checked = 0
    for payload in PAYLOADS:
        safe = harmless(payload)
        for name in FILTERS:
            for base in ("/api/donations", "/api/facets", "/donations", "/conflicts"):
                got = _answer(client, f"{base}?{name}={quote(payload)}")
                want = _answer(client, f"{base}?{name}={quote(safe)}")
                if not safe.strip():  # a blank filter is no filter (the pages redirect)
                    assert got[0] in (200, 302), (base, name, payload, got)
                else:
                    assert got == want, (base, name, payload)
                assert got[0] < 500
                checked += 1
        for path in ("/donors/{}", "/recipients/{}", "/items/{}", "/api/totals?donor={}",
                     "/api/donations/{}", "/donations/{}"):
            got = _answer(client, path.format(quote(payload, safe="")))
            want = _answer(client, path.format(quote(safe or "x", safe="")))
            assert got[0] == want[0] and got[0] < 500, (path, payload, got)
            if got[0] == 200:
                assert got == want, (path, payload)
            checked += 1
    assert fingerprint(store_url) == before
    print(f"{checked} hostile requests, store unchanged")


def _routes(routes: list, prefix: str = "") -> list[tuple[str, set[str]]]:
    """(path, methods) of every route, walking into included routers (FastAPI keeps them as
    one entry each since 0.16x)."""
    out = []
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            extra = getattr(getattr(route, "include_context", None), "prefix", "") or ""
            out += _routes(included.routes, prefix + extra)
        elif isinstance(route, APIRoute):
            out.append((prefix + route.path, set(route.methods)))
        elif isinstance(route, Mount):
            out.append((prefix + route.path + "/{path}", {"GET", "HEAD"}))
        elif hasattr(route, "methods"):  # the OpenAPI document
            out.append((prefix + route.path, set(route.methods or ())))
        else:
            raise AssertionError(f"a route of an unknown kind: {route!r}")
    return out


def _fill(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)(:\w+)?\}", lambda m: values[m.group(1)], path)


def test_no_route_but_the_review_accepts_a_write_and_every_method_leaves_the_store(
        client, store_url):
    app = client.app
    merged: dict[str, set[str]] = {}
    for path, methods in _routes(app.routes):
        merged.setdefault(path, set()).update(methods)
    routes = sorted(merged.items())
    assert len(routes) > 15
    writable = {(m, p) for p, methods in routes for m in methods - {"GET", "HEAD"}}
    assert writable == WRITES_ALLOWED
    engine, sessions = open_store(store_url, migrate=False)
    with sessions() as s:
        values = {"donation_id": s.scalar(select(Donation.id)),
                  "snapshot_id": str(s.scalar(select(Snapshot.id))),
                  "name": quote(s.scalar(select(Donation.item))), "path": "style.css"}
    engine.dispose()
    before = fingerprint(store_url)
    seen = 0
    for path, methods in routes:
        url = _fill(path, values)
        for method in METHODS:
            r = client.request(method, url, follow_redirects=False,
                               json={"record": "r", "donation": values["donation_id"],
                                     "decision": "confirm"} if method == "POST" else None)
            seen += 1
            assert r.status_code < 500, (method, url, r.status_code)
            if method in methods:
                if (method, path) in WRITES_ALLOWED:
                    assert r.status_code in (400, 403, 422), (method, url, r.status_code)
                else:
                    assert r.status_code in (200, 204, 302, 307, 404), (method, url, r.status_code)
            else:
                assert r.status_code in (404, 405), (method, url, r.status_code)
    assert fingerprint(store_url) == before
    print(f"{len(routes)} routes x {len(METHODS)} methods = {seen} requests, store unchanged")



def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


async def _get(port: int, path: str) -> int:
    """One HTTP/1.1 request on its own connection; the status code, or 0 if it failed."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 60)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                     .encode())
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), 120)
        writer.close()
        return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    except (TimeoutError, OSError, ValueError, IndexError):
        return 0


async def _burst(port: int, paths: list[str]) -> list[int]:
    return list(await asyncio.gather(*(_get(port, p) for p in paths)))


def test_a_burst_of_1000_concurrent_requests_all_answered_in_bounded_memory(store_url, tmp_path):
    """`aidledger serve` in its own process; 1,000 requests sent at once on 1,000 connections
    (pages, API lists, facets, details); every one is answered 200 and the server's RSS grows
    by less than 64 MiB, and not again on a second burst."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "aidledger.cli.main", "serve", "--port",
                               str(port), "--db", store_url], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while asyncio.run(_get(port, "/api/health")) != 200:
            assert server.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        engine, sessions = open_store(store_url, migrate=False)
        with sessions() as s:
            don = s.scalar(select(Donation.id))
        engine.dispose()
        kinds = ["/api/donations?limit=20", "/donations", "/api/facets", f"/api/donations/{don}",
                 "/api/donations?q=mask", "/health", f"/donations/{don}", "/api/totals"]
        assert set(asyncio.run(_burst(port, kinds * 5))) == {200}  # warm: caches, pools
        before = _rss_kib(server.pid)
        started = time.monotonic()
        statuses = asyncio.run(_burst(port, [kinds[i % len(kinds)] for i in range(1000)]))
        took = time.monotonic() - started
        first = _rss_kib(server.pid)
        again = asyncio.run(_burst(port, [kinds[i % len(kinds)] for i in range(1000)]))
        second = _rss_kib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    failed = {s: statuses.count(s) for s in set(statuses + again) if s != 200}
    print(f"1000 concurrent requests in {took:.1f} s; server RSS {before // 1024} MiB -> "
          f"{first // 1024} MiB -> {second // 1024} MiB after a second burst")
    assert failed == {}, failed
    assert first - before < 64 * 1024
    assert second - first < 16 * 1024
