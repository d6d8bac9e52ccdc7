"""A journalist's path through the app in a real headless Chromium: search, facets, a donation,
its stored page, a CSV download. No JavaScript is needed by any page, and none runs."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from aidledger.web.app import WebConfig

ARTICLE_URL = "https://coastal-courier.example/world/2021/06/09/masks-santiago"


@pytest.fixture(scope="module")
def base(store_url: str, serve) -> Iterator[str]:
    with serve(WebConfig(store_url)) as url:
        yield url


def rows(page) -> list[list[str]]:
    return [[c.strip() for c in r.locator("td").all_inner_texts()]
            for r in page.locator("table.donations tbody tr").all()]


def test_search_form_facets_and_sorting(page, base: str):
    page.goto(base + "/")
    assert page.url == base + "/donations"
    assert len(rows(page)) == 3
    assert page.locator("#facet-recipient a").all_inner_texts() == ["Chile", "Kenya"]
    page.fill("input[name=recipient]", "Chile")
    page.click("form.search button[type=submit]")
    assert "recipient=Chile" in page.url
    assert sorted(r[2] for r in rows(page)) == ["face_mask", "protective_suit"]
    page.locator("#facet-sources a", has_text="2").click()  # two independent sources
    assert "min_sources=2" in page.url
    assert [r[2] for r in rows(page)] == ["face_mask"]
    assert page.locator("#facet-sources li.chosen").count() == 1
    page.goto(base + "/donations")
    page.locator("th a", has_text="Quantity").click()
    assert [r[3] for r in rows(page)] == ["3,000", "8,000", "60,000"]
    page.locator("th a", has_text="Quantity").click()  # again: descending
    assert [r[3] for r in rows(page)] == ["60,000", "8,000", "3,000"]
    stable = page.url
    page.goto(stable)  # the address is the state: pasting it gives the same page
    assert [r[3] for r in rows(page)] == ["60,000", "8,000", "3,000"]


def test_donation_page_shows_timeline_and_evidence_with_highlighted_numbers(page, base: str):
    page.goto(base + "/donations?item=face_mask")
    page.locator("a.donation-link").first.click()
    assert page.locator("h1").inner_text() == "60,000 face_mask"
    assert page.locator("ol.timeline li").all_inner_texts() == ["preparing 2021-06-01",
                                                                "in_transit 2021-06-15"]
    claim = page.locator("article.evidence", has_text="Coastal Courier")
    assert "published 2021-06-09" in claim.locator("header").inner_text()
    assert claim.locator("blockquote mark").all_inner_texts() == ["60,000"]
    assert claim.locator("a.original").get_attribute("href") == ARTICLE_URL
    row = page.locator("article.evidence.role-primary")
    assert "Chile" in row.locator("table.cells").inner_text()
    assert row.locator("table.cells mark").all_inner_texts() == ["60,000"]
    claim.locator("a.snapshot").click()
    frame = page.frame_locator("iframe.snapshot")
    assert "shipped 60,000 face masks" in frame.locator("article").inner_text()
    assert page.locator("iframe.snapshot").get_attribute("sandbox") == ""


def test_donor_page_totals_chart_and_csv_download(page, base: str):
    page.goto(base + "/donations")
    page.locator("td.donors a", has_text="Meridian Trust").click()
    assert page.locator("h1").inner_text() == "Donor Meridian Trust"
    assert [r[2] for r in rows(page)] == ["test_kit"]
    assert page.locator("svg.chart rect").count() >= 2  # bars drawn on the server
    with page.expect_download() as info:
        page.locator("a.csv").first.click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    got = list(csv.DictReader(io.StringIO(Path(download.path()).read_text("utf-8"))))
    assert [(r["item"], r["quantity"], r["recipients"]) for r in got] == [
        ("test_kit", "3000", "KEN")]
    assert got[0]["donors"] == "Lantern Aid Foundation; Meridian Trust"


def test_health_and_conflicts_pages(page, base: str):
    page.goto(base + "/health")
    sources = page.locator("table.health").first.inner_text()
    assert "lantern" in sources and "courier" in sources
    assert "HTTP 503 after 3 retries" in page.locator("table.health").nth(2).inner_text()
    page.click("header nav >> text=Conflicts")
    assert "No conflicts." in page.locator("table.donations").inner_text()
