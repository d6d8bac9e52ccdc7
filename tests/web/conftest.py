"""Stores, a live server and one headless Chromium for the web app's tests.

Stores are built the real way: saved pages ingested as if crawled, then reconciled; a crawl run
with per-source counts and a fetch failure is recorded so the health page has something to show.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy.orm import Session, sessionmaker

from aidledger.cli.ledger import run_reconcile
from aidledger.storage.db import make_engine, upgrade
from aidledger.storage.ingest import ingest
from aidledger.storage.models import FetchFailure
from aidledger.storage.pages import FetchedPage
from aidledger.storage.runs import finish_run, start_run
from aidledger.web.app import WebConfig, create_app

FIXTURES = Path(__file__).parent / "fixtures"
PROGRAM_URL = "https://lantern-aid.example/where-supplies-are"
ARTICLE_URL = "https://coastal-courier.example/world/2021/06/09/masks-santiago"
OWNER = "Lantern Aid Foundation"
CHROMIUM = os.environ.get("AIDLEDGER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
HTML = {"content-type": "text/html; charset=utf-8"}


@dataclass
class Page:
    file: str
    url: str
    fetched_at: str
    kind: str
    source: str


LANTERN = [
    Page("lantern_rev1.html", PROGRAM_URL, "2021-06-01T09:00:00+00:00", "program_page", "lantern"),
    Page("lantern_rev2.html", PROGRAM_URL, "2021-06-15T09:00:00+00:00", "program_page", "lantern"),
    Page("courier_article.html", ARTICLE_URL, "2021-06-09T12:00:00+00:00", "news_article",
         "courier"),
]


def ingest_pages(sessions: sessionmaker[Session], pages: list[Page],
                 bodies: dict[str, bytes] | None = None) -> dict[str, dict[str, int]]:
    """Ingest saved pages in fetch order under one crawl run; returns per-source counts."""
    run = start_run(sessions, "crawl")
    by_source: dict[str, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for p in sorted(pages, key=lambda p: p.fetched_at):
        body = (bodies or {}).get(p.file) or (FIXTURES / p.file).read_bytes()
        out = ingest(sessions, FetchedPage(p.url, body, datetime.fromisoformat(p.fetched_at),
                                           headers=HTML, kind=p.kind, source=p.source))
        out.tally(totals)
        out.tally(by_source.setdefault(p.source, {}))
    with sessions.begin() as s:
        s.add(FetchFailure(run_id=run, url="https://lantern-aid.example/archive", status=503,
                           at=datetime(2021, 6, 15, 9, 5, tzinfo=UTC),
                           reason="HTTP 503 after 3 retries"))
    by_source.setdefault("lantern", {})["failed"] = 1
    finish_run(sessions, run, {**totals, "failed": 1}, "partial",
               {"counts": totals, "sources": by_source})
    return by_source


def build_store(path: Path, pages: list[Page] = LANTERN,
                bodies: dict[str, bytes] | None = None) -> str:
    """A SQLite store with `pages` ingested and reconciled; returns its URL."""
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    ingest_pages(sessions, pages, bodies)
    engine.dispose()
    run_reconcile(url, {PROGRAM_URL: OWNER})  # as `aidledger reconcile` does
    return url


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("store") / "web.sqlite")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(config: WebConfig) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port in a thread; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _chromium_missing() -> str | None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return f"{CHROMIUM} not found: apt-get install -y chromium chromium-driver"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Debian Chromium per test module, driven by Playwright (no download)."""
    problem = _chromium_missing()
    if problem:
        if os.environ.get("AIDLEDGER_REQUIRE_SERVICES") == "1":
            pytest.fail(f"Chromium required (AIDLEDGER_REQUIRE_SERVICES=1) but: {problem}")
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh context (its own profile: cookies, storage, downloads) per test."""
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(scope="module")
def serve() -> object:
    """`with serve(WebConfig(...)) as base_url:` runs the app for the block."""
    return live_server


@pytest.fixture(scope="module")
def make_store() -> object:
    """`make_store(path, pages)`: a store with these saved pages ingested and reconciled."""
    return build_store
