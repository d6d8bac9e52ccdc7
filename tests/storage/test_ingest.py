"""The write path on both backends: store first, parse second, and nothing lost on failure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

import aidledger.storage.ingest as ingest_module
from aidledger.storage.ingest import ingest
from aidledger.storage.models import Blob, Record, Snapshot
from aidledger.storage.pages import FetchedPage, snapshot_body
from aidledger.storage.queries import history_rows

FIXTURES = Path(__file__).parents[1] / "cli" / "fixtures"
URL = "https://harbor-light.example/program/supplies"
T0 = datetime(2021, 4, 1, 16, 0, tzinfo=UTC)


def fetched(name: str, hours: float) -> FetchedPage:
    return FetchedPage(URL, (FIXTURES / name).read_bytes(), T0 + timedelta(hours=hours),
                       kind="program_page", headers={"Content-Type": "text/html", "X-Other": "1"})


def test_two_revisions_give_history_on_each_backend(sessions):
    first = ingest(sessions, fetched("rev1.html", 0))
    second = ingest(sessions, fetched("rev2.html", 14.5))
    assert (first.added, second.added, second.changed_records, second.gone) == (3, 0, 2, 1)
    with sessions() as s:
        rows = list(history_rows(s, "Peru"))
        assert [r["status"] for r in rows if r["item"] == "face_mask"] == ["preparing",
                                                                          "in_transit"]
        snap = s.scalar(select(Snapshot).order_by(Snapshot.fetched_at))
        assert snap.headers == {"content-type": "text/html"}
        assert snapshot_body(s, snap) == (FIXTURES / "rev1.html").read_bytes()


def test_identical_bodies_share_one_blob(sessions):
    ingest(sessions, fetched("rev1.html", 0))
    ingest(sessions, fetched("rev2.html", 1))
    ingest(sessions, fetched("rev1.html", 2))  # the page went back to its first text
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 3
        assert s.scalar(select(func.count()).select_from(Blob)) == 2


def test_parser_failure_keeps_the_page_and_stores_the_error(sessions, monkeypatch):
    def broken(*_a, **_k):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(ingest_module, "parse_page", broken)
    out = ingest(sessions, fetched("rev1.html", 0))
    assert out.error == "RuntimeError: parser bug"
    with sessions() as s:
        snap = s.scalar(select(Snapshot))
        assert snap.parse_error == "RuntimeError: parser bug"
        assert s.scalar(select(func.count()).select_from(Record)) == 0


@pytest.mark.parametrize("body", [b"%PDF-1.4 binary", b"\x00\x01\x02", b""])
def test_non_html_is_stored_and_skipped(sessions, body):
    page = FetchedPage(URL, body, T0, headers={"Content-Type": "application/pdf"})
    out = ingest(sessions, page)
    assert out.records == 0 and out.error is None
    with sessions() as s:
        assert "not an HTML page" in s.scalar(select(Snapshot)).parse_warnings[0]
