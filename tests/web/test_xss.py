"""Scraped text is hostile: payloads in every scraped field and in query strings are shown as
text in a real browser and never run. Each payload would set `window.__xss` to its field's name.

The store is built the real way (the parsers carry the payloads through from the pages'
escaped text); URLs, a conflict detail and crawl errors, which no parser produces from page
text, are then written with payloads directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker

from aidledger.storage.db import make_engine
from aidledger.storage.ledger import Donation
from aidledger.storage.ledger_facets import rebuild_facets
from aidledger.storage.models import FetchFailure, Page
from aidledger.web.app import WebConfig


def payload(field: str) -> str:
    return f"<img src=x onerror=\"window.__xss='{field}'\">"


SCRIPT_DONOR = "<script>window.__xss='donor'</script> Relief Fund"
QUOTED_URL = "https://hostile.example/ships?a=\"><script>window.__xss='url'</script>"
JS_URL = "javascript:window.__xss='js-url'//"


@dataclass
class Doc:
    file: str
    url: str
    fetched_at: str
    kind: str
    source: str


HOSTILE = [Doc("hostile_program.html", "https://hostile.example/program", "2021-07-01T09:00:00+00:00",
               "program_page", payload("source")),
           Doc("hostile_article.html", "https://hostile-news.example/2021/07/02/masks",
               "2021-07-02T10:00:00+00:00", "news_article", "hostile-news")]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory, make_store) -> str:
    url = make_store(tmp_path_factory.mktemp("hostile") / "h.sqlite", HOSTILE)
    sessions = sessionmaker(make_engine(url))
    with sessions.begin() as s:
        s.execute(update(Page).where(Page.url.like("%hostile.example/program%"))
                  .values(url=QUOTED_URL))
        s.execute(update(Page).where(Page.url.like("%hostile-news.example%")).values(url=JS_URL))
        d = s.scalars(select(Donation).order_by(Donation.id)).first()
        d.conflicts = [*d.conflicts, {"kind": "quantity", "detail": payload("conflict")}]
        d.has_conflicts = True  # the flag the ledger search filters on
        s.flush()
        rebuild_facets(s)  # and the counts the ledger writer would have kept
        s.add(FetchFailure(url=f"https://hostile.example/{payload('failure-url')}",
                           at=datetime(2021, 7, 3, tzinfo=UTC), status=500,
                           reason=payload("failure-reason")))
    return url


@pytest.fixture(scope="module")
def base(hostile_url: str, serve) -> Iterator[str]:
    with serve(WebConfig(hostile_url, "token")) as url:
        yield url


def visit(page, url: str) -> dict:
    """Load `url`, then report what ran, what loaded and what the DOM holds."""
    foreign: list[str] = []
    blocked: list[str] = []
    csp: list[str] = []
    origin = url.split("/", 3)[:3]

    def on_request(r) -> None:
        if r.url.split("/", 3)[:3] != origin:
            foreign.append(r.url)

    def on_failed(r) -> None:
        if r.failure == "csp":
            blocked.append(r.url)

    def on_console(m) -> None:
        if "Content Security Policy" in m.text:
            csp.append(m.text)

    handlers = {"request": on_request, "requestfailed": on_failed, "console": on_console}
    for event, fn in handlers.items():
        page.on(event, fn)
    try:
        response = page.goto(url)
        assert response is not None and response.status < 500, (url, response and response.status)
        page.wait_for_load_state("load")
        report = page.evaluate("""() => ({
            flag: window.__xss === undefined ? null : String(window.__xss),
            handlers: document.querySelectorAll('[onerror],[onload],[onmouseover]').length,
            scripts: document.scripts.length,
            text: document.body.innerText})""")
    finally:
        for event, fn in handlers.items():
            page.remove_listener(event, fn)
    return {**report, "foreign": foreign, "blocked": blocked, "csp": csp}


def assert_inert(report: dict, *visible: str) -> None:
    assert report["flag"] is None, f"payload ran: {report['flag']}"
    assert report["handlers"] == 0 and report["scripts"] == 0
    assert report["foreign"] == [] and report["csp"] == []
    for text in visible:
        assert text in report["text"]


def test_search_and_facets_show_payloads_as_text(page, base: str):
    report = visit(page, base + "/donations")
    assert_inert(report, SCRIPT_DONOR, "quantity")
    typed = payload("query-string")
    report = visit(page, f"{base}/donations?q={quote(typed)}&donor={quote(typed)}")
    assert_inert(report)
    assert page.input_value("input[name=q]") == typed == page.input_value("input[name=donor]")
    report = visit(page, f"{base}/donors/{quote(typed, safe='')}")
    assert_inert(report, typed)
    report = visit(page, f"{base}/donations?since={quote(typed)}")  # invalid: error page
    assert_inert(report)


def test_donation_pages_show_quotes_labels_titles_urls_as_text(page, base: str):
    visit(page, base + "/donations")
    links = [a.get_attribute("href") for a in page.locator("a.donation-link").all()]
    assert len(links) == 2
    seen = ""
    for href in links:
        report = visit(page, base + href)
        assert_inert(report)
        seen += report["text"]
        for a in page.locator("a.original").all():
            assert a.get_attribute("href").startswith("https://")
    for text in (payload("item-label"), payload("quote"), payload("outlet").lstrip(),
                 "Masks land <svg onload=\"window.__xss='article-title'\">", QUOTED_URL, JS_URL,
                 payload("conflict"), SCRIPT_DONOR):
        assert text in seen, text
    assert page.locator("a[href^='javascript']").count() == 0


def test_entity_conflict_health_and_review_pages(page, base: str):
    for path, visible in ((f"/donors/{quote(SCRIPT_DONOR, safe='')}", [SCRIPT_DONOR]),
                          ("/items/face_mask", [SCRIPT_DONOR]),
                          ("/conflicts", [payload("conflict")]),
                          ("/health", [payload("failure-reason"), payload("source")]),
                          ("/review", [])):
        assert_inert(visit(page, base + path), *visible)


def test_stored_snapshots_never_run_their_scripts_or_load_anything(page, base: str):
    for n in (1, 2):
        report = visit(page, f"{base}/snapshots/{n}")  # framed in a sandboxed iframe
        assert report["flag"] is None
        assert page.frames[1].evaluate("() => window.__xss === undefined")
        raw = visit(page, f"{base}/snapshots/{n}/raw")  # opened alone: its own CSP sandbox
        assert raw["flag"] is None
        assert raw["scripts"] >= 1  # the page's script is there, as fetched, and did not run
        # the browser tried the page's third-party style and image; CSP stopped both unsent
        assert sorted(set(raw["foreign"])) == sorted(set(raw["blocked"]))
        if n == 1:
            assert len(set(raw["foreign"])) == 2
