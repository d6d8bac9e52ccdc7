"""The write path on both backends: store first, parse second, and nothing lost on failure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

import aidledger.storage.tracking as tracking_module
from aidledger.storage.ingest import ingest, not_modified, parse_unparsed, write_batch
from aidledger.storage.models import Blob, FetchFailure, Record, Snapshot
from aidledger.storage.pages import FetchedPage, FetchFailed, snapshot_body, store_fetch
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

    monkeypatch.setattr(tracking_module, "parse_page", broken)
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


def stored_only(sessions, name: str, hours: float) -> None:
    """What a crawl killed between storing and parsing leaves: a snapshot, never parsed."""
    with sessions.begin() as s:
        store_fetch(s, fetched(name, hours))


@pytest.mark.parametrize("again", ["not_modified", "same_body"])
def test_a_stored_but_unparsed_page_is_parsed_when_seen_again(sessions, again):
    stored_only(sessions, "rev1.html", 0)
    if again == "not_modified":
        out = not_modified(sessions, URL, T0 + timedelta(hours=3))
    else:
        out = ingest(sessions, fetched("rev1.html", 3))
    assert (out.changed, out.parsed, out.records, out.added) == (False, True, 3, 3)
    with sessions() as s:
        rec = s.scalars(select(Record)).first()
        assert rec.first_seen == T0 and rec.last_seen == T0 + timedelta(hours=3)
    assert ingest(sessions, fetched("rev1.html", 4)).parsed is False  # now parsed: not again


def test_parse_unparsed_finishes_what_a_killed_writer_left(sessions):
    stored_only(sessions, "rev1.html", 0)
    ingest(sessions, fetched("rev2.html", 14.5))  # a newer snapshot parsed first
    outcomes = parse_unparsed(sessions)
    assert [o.url for o in outcomes] == [URL]
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)
                        .where(Snapshot.parsed_at.is_(None))) == 0
        rows = list(history_rows(s, "Peru"))
    # rebuilt in time order: the history is the one an in-order ingest gives
    assert [r["status"] for r in rows if r["item"] == "face_mask"] == ["preparing", "in_transit"]
    assert parse_unparsed(sessions) == []


def test_a_late_fetch_of_the_content_then_in_force_is_seen_again(sessions):
    ingest(sessions, fetched("rev1.html", 0))
    ingest(sessions, fetched("rev2.html", 10))
    late = ingest(sessions, fetched("rev1.html", 5))  # fetched at 5 h, arrived after 10 h
    assert late.changed is False
    with sessions() as s:
        snaps = list(s.scalars(select(Snapshot).order_by(Snapshot.fetched_at)))
        assert [(x.times_seen, x.last_seen) for x in snaps] == [
            (2, T0 + timedelta(hours=5)), (1, T0 + timedelta(hours=10))]


def test_a_late_fetch_older_than_every_snapshot_of_the_same_content_is_seen_again(sessions):
    # a killed crawl's writer may store its fetch after another worker fetched the page again
    ingest(sessions, fetched("rev1.html", 10))
    late = ingest(sessions, fetched("rev1.html", 5))
    other = ingest(sessions, fetched("rev2.html", 2))  # other content that early: its own
    assert (late.changed, other.changed) == (False, True)
    with sessions() as s:
        snaps = list(s.scalars(select(Snapshot).order_by(Snapshot.fetched_at)))
        assert [(x.fetched_at, x.times_seen) for x in snaps] == [
            (T0 + timedelta(hours=2), 1), (T0 + timedelta(hours=10), 2)]


def test_a_batch_stores_every_page_then_tracks_them_together(sessions):
    other = "https://harbor-light.example/program/regional"
    batch = [fetched("rev1.html", 0), FetchedPage(other, (FIXTURES / "rev2.html").read_bytes(),
                                                  T0, kind="program_page"),
             fetched("rev2.html", 14.5), FetchFailed(URL + "/x", T0, "HTTP 503", 503)]
    outcomes = write_batch(sessions, batch)
    assert [(o.changed, o.records, o.failed) for o in outcomes] == [
        (True, 3, False), (True, 2, False), (True, 2, False), (False, 0, True)]
    assert (outcomes[2].changed_records, outcomes[2].gone) == (2, 1)
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 3
        assert s.scalar(select(func.count()).select_from(FetchFailure)) == 1
