"""Incremental reconcile touches only what changed and gives the ledger a rebuild gives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from aidledger.storage.ingest import ingest
from aidledger.storage.ledger_queries import add_review
from aidledger.storage.ledger_reconcile import reconcile_store
from aidledger.storage.ledger_search import donations_json
from aidledger.storage.pages import FetchedPage

TESTS = Path(__file__).parents[1]
T0 = datetime(2021, 4, 1, 16, 0, tzinfo=UTC)
PROGRAM = "https://harbor-light.example/program/supplies"
OWNERS = {PROGRAM: "Harbor Light Foundation"}
FIXTURES = TESTS / "cli" / "fixtures"
ARTICLE = TESTS / "parsers" / "fixtures" / "article_gazette.html"


def _ingest(sessions, path: Path, url: str, hours: float, kind: str) -> None:
    ingest(sessions, FetchedPage(url, path.read_bytes(), T0 + timedelta(hours=hours), kind=kind))


def _reconcile(sessions, rebuild: bool = False) -> tuple[dict, list[dict]]:
    with sessions.begin() as s:
        counts = reconcile_store(s, OWNERS, rebuild=rebuild)
    with sessions() as s:
        return counts, list(donations_json(s))


def test_each_step_incremental_equals_rebuild(sessions):
    _ingest(sessions, FIXTURES / "rev1.html", PROGRAM, 0, "program_page")
    first, _ = _reconcile(sessions)
    assert first["incremental"] == 0  # never reconciled: everything
    nothing, same = _reconcile(sessions)
    assert nothing["incremental"] == 1 and nothing["records"] == 0
    assert nothing["blocks_written"] == 0
    steps = [(FIXTURES / "rev2.html", PROGRAM, 14, "program_page"),  # changes, a row gone
             (ARTICLE, "https://gazette.example/world/x", 20, "news_article"),  # news claims
             (FIXTURES / "rev2.html", PROGRAM, 30, "program_page")]  # seen again, unchanged
    for path, url, hours, kind in steps:
        _ingest(sessions, path, url, hours, kind)
        counts, incremental = _reconcile(sessions)
        assert counts["incremental"] == 1 and counts["blocks_written"] >= 1
        _, rebuilt = _reconcile(sessions, rebuild=True)
        assert incremental == rebuilt


def test_reviews_since_the_last_reconcile_are_applied_incrementally(sessions):
    _ingest(sessions, FIXTURES / "rev1.html", PROGRAM, 0, "program_page")
    _ingest(sessions, ARTICLE, "https://gazette.example/world/x", 20, "news_article")
    _, ledger = _reconcile(sessions)
    gowns = next(d for d in ledger if d["item"] == "protective_suit")
    claim = gowns["evidence"][0]["record"]
    peru = next(d for d in ledger if d["recipients"] == ["PER"] and d["item"] == "face_mask")
    anchor = next(e["record"] for e in peru["evidence"] if e["role"] == "primary")
    with sessions.begin() as s:
        add_review(s, claim, anchor, "confirm", "same shipment")
    counts, incremental = _reconcile(sessions)
    assert counts["incremental"] == 1 and counts["records"] < sum(
        len(d["evidence"]) for d in ledger)  # not everything was loaded
    linked = next(d for d in incremental if d["id"] == peru["id"])
    assert claim in [e["record"] for e in linked["evidence"]]
    _, rebuilt = _reconcile(sessions, rebuild=True)
    assert incremental == rebuilt
    _ingest(sessions, FIXTURES / "rev2.html", PROGRAM, 30, "program_page")  # after the review
    _, incremental = _reconcile(sessions)
    _, rebuilt = _reconcile(sessions, rebuild=True)
    assert incremental == rebuilt


def test_other_owners_make_the_next_reconcile_a_full_one(sessions):
    _ingest(sessions, FIXTURES / "rev1.html", PROGRAM, 0, "program_page")
    _reconcile(sessions)
    with sessions.begin() as s:
        counts = reconcile_store(s, {PROGRAM: "Quay Trust"})  # the page speaks for another
    assert counts["incremental"] == 0 and counts["records"] > 0  # every block compared
    _, incremental = _reconcile(sessions)  # back to the first owner: full again, then equal
    _, rebuilt = _reconcile(sessions, rebuild=True)
    assert incremental == rebuilt
