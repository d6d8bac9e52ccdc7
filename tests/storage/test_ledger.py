"""The ledger in the store, on SQLite and PostgreSQL: contract, incremental = rebuild, reviews."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from aidledger.aggregator.reconcile import reconcile
from aidledger.storage.ingest import ingest
from aidledger.storage.ledger_queries import (
    add_review,
    donations_json,
    load_records,
    load_reviews,
    write_ledger,
)
from aidledger.storage.pages import FetchedPage

TESTS = Path(__file__).parents[1]
T0 = datetime(2021, 4, 1, 16, 0, tzinfo=UTC)
PROGRAM = "https://harbor-light.example/program/supplies"
OWNERS = {PROGRAM: "Harbor Light Foundation"}


def page(path: Path, url: str, hours: float, kind: str) -> FetchedPage:
    return FetchedPage(url, path.read_bytes(), T0 + timedelta(hours=hours), kind=kind)


def fill(sessions) -> None:
    fixtures = TESTS / "cli" / "fixtures"
    ingest(sessions, page(fixtures / "rev1.html", PROGRAM, 0, "program_page"))
    ingest(sessions, page(fixtures / "rev2.html", PROGRAM, 14, "program_page"))
    story = TESTS / "parsers" / "fixtures" / "article_gazette.html"
    ingest(sessions, page(story, "https://gazette.example/world/x", 20, "news_article"))


def run(sessions, rebuild: bool = False) -> list[dict]:
    with sessions.begin() as s:
        write_ledger(s, reconcile(load_records(s, OWNERS), load_reviews(s)), rebuild=rebuild)
    with sessions() as s:
        return list(donations_json(s))


def test_query_json_contract(sessions):
    fill(sessions)
    ledger = run(sessions)
    assert ledger, "no donations"
    for d in ledger:
        for key in ("id", "donors", "item", "quantity", "recipients", "status",
                    "independent_sources", "conflicts", "evidence"):
            assert key in d
        for e in d["evidence"]:
            assert {"kind", "url", "document", "role", "reason"} <= e.keys()
    peru = [d for d in ledger if d["recipients"] == ["PER"] and d["item"] == "face_mask"]
    assert peru and peru[0]["donors"] == ["Harbor Light Foundation"]
    assert peru[0]["status"] == "in_transit"
    kits = [d for d in ledger if d["item"] == "test_kit"]
    assert kits[0]["conflicts"][0]["kind"] == "gone_from_source"


def test_incremental_reconcile_equals_a_rebuild_and_reviews_survive(sessions):
    fill(sessions)
    first = run(sessions)
    assert run(sessions) == first  # nothing changed: the same ledger
    gowns = next(d for d in first if d["item"] == "protective_suit")
    claim_id = gowns["evidence"][0]["record"]
    other = next(d for d in first if d["id"] != gowns["id"])
    anchor = next(e["record"] for e in other["evidence"] if e["role"] == "primary")
    with sessions.begin() as s:
        add_review(s, claim_id, anchor, "confirm", "same shipment, per the charity")
    incremental = run(sessions)
    rebuilt = run(sessions, rebuild=True)
    assert incremental == rebuilt
    linked = next(d for d in rebuilt if d["id"] == other["id"])
    assert claim_id in [e["record"] for e in linked["evidence"]]
