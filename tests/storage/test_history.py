"""Record identity and history across snapshots, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from aidledger.storage.history import track
from aidledger.storage.models import Observation, Page, Record, RecordVersion, Snapshot
from aidledger.storage.pages import FetchedPage, store_fetch
from aidledger.storage.queries import history_rows

T0 = datetime(2021, 5, 3, 9, 0, tzinfo=UTC)
URL = "https://foundation.example/program/relief"


def row(block, item, qty, status, *, donors=(), org=None, code=None, label=None, locator="/r"):
    recips = [{"name": org or block, "code": code, "org": org}]
    return {"kind": "table_row", "block": block, "item": item, "item_label": label or item,
            "quantity": qty, "status": status, "status_label": label_for(status),
            "donors": list(donors), "recipients": recips, "status_parts": [],
            "raw": {"block": block}, "locator": locator, "view": "table", "date": None}


def label_for(status):
    return {"preparing": "Stocking Up", "in_transit": "In Transit", "accepted": "Accepted"}.get(
        status, status)


def apply(sessions, hours, rows, body=None):
    """Store a snapshot `hours` after T0 whose parsed rows are `rows`; return the track result."""
    when = T0 + timedelta(hours=hours)
    with sessions.begin() as s:
        stored = store_fetch(s, FetchedPage(URL, body or repr(rows).encode(), when))
        snap = s.get(Snapshot, stored.snapshot_id)
        page = s.get(Page, stored.page_id)
        return track(s, page, snap, rows) if stored.changed else None


JMF = ("Lantern Foundation",)


def test_status_changes_make_versions_with_first_and_last_seen(sessions):
    apply(sessions, 0, [row("Peru", "face_mask", 40_000, "preparing", donors=JMF, code="PER")])
    apply(sessions, 1, [row("Peru", "face_mask", 40_000, "preparing", donors=JMF, code="PER"),
                        row("Chile", "gloves", 900, "accepted", donors=JMF, code="CHL")])
    apply(sessions, 2, [row("Peru", "face_mask", 40_000, "in_transit", donors=JMF, code="PER")])
    apply(sessions, 3, [row("Peru", "face_mask", 40_000, "accepted", donors=JMF, code="PER")])
    with sessions() as s:
        rows = [r for r in history_rows(s, "Peru")]
    assert [r["status"] for r in rows] == ["preparing", "in_transit", "accepted"]
    assert len({r["record"] for r in rows}) == 1
    assert rows[0]["first_seen"] == (T0).isoformat()
    assert rows[0]["last_seen"] == (T0 + timedelta(hours=1)).isoformat()
    assert rows[2]["gone_since"] is None


def test_row_that_disappears_is_marked_gone_not_deleted(sessions):
    apply(sessions, 0, [row("Chile", "gloves", 900, "accepted", code="CHL"),
                        row("Peru", "face_mask", 40_000, "preparing", code="PER")])
    result = apply(sessions, 1, [row("Peru", "face_mask", 40_000, "preparing", code="PER")])
    assert len(result.gone) == 1
    with sessions() as s:
        chile = s.scalar(select(Record).where(Record.block == "Chile"))
        assert chile.gone_since == T0 + timedelta(hours=1)
        assert chile.status == "accepted"


def test_identity_survives_reorder_renamed_block_and_corrected_cells(sessions):
    first = [row("Iran", "face_mask", 100_000, "in_transit", donors=JMF, code="IRN"),
             row("Iran", "test_kit", 5_000, "in_transit", donors=JMF, code="IRN"),
             row("Nepal", "test_kit", 7_000, "preparing", donors=JMF, code="NPL")]
    apply(sessions, 0, first)
    second = [  # reordered, block renamed, mask quantity corrected, Nepal item corrected
        row("Nepal", "face_mask", 7_000, "preparing", donors=JMF, code="NPL"),
        row("Islamic Republic of Iran", "test_kit", 5_000, "in_transit", donors=JMF, code="IRN"),
        row("Islamic Republic of Iran", "face_mask", 1_000_000, "in_transit", donors=JMF,
            code="IRN"),
    ]
    result = apply(sessions, 1, second)
    assert result.added == [] and result.gone == []
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record)) == 3
        versions = s.scalar(select(func.count()).select_from(RecordVersion))
        assert versions == 5  # the two corrections each start a version


def test_renamed_column_is_not_a_change_of_donor(sessions):
    apply(sessions, 0, [row("Korea", "face_mask", 250_000, "accepted", donors=JMF, code="KOR")])
    result = apply(sessions, 1, [row("Korea", "face_mask", 250_000, "accepted",
                                     org="Korean Red Cross", code="KOR")])
    assert result.added == [] and result.changed == []


def test_unchanged_page_only_moves_seen_again(sessions):
    rows = [row("Peru", "face_mask", 40_000, "preparing", code="PER")]
    apply(sessions, 0, rows, body=b"<html>same</html>")
    assert apply(sessions, 5, rows, body=b"<html>same</html>") is None
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 1
        snap = s.scalar(select(Snapshot))
        assert snap.times_seen == 2 and snap.last_seen == T0 + timedelta(hours=5)
        rec = s.scalar(select(Record))
        assert rec.last_seen == T0 + timedelta(hours=5)
        assert s.scalar(select(func.count()).select_from(Observation)) == 1


def test_record_that_comes_back_is_revived_with_a_new_version(sessions):
    r = row("Peru", "face_mask", 40_000, "preparing", code="PER")
    apply(sessions, 0, [r])
    apply(sessions, 1, [])
    result = apply(sessions, 2, [r])
    assert result.added == [] and len(result.changed) == 1
    with sessions() as s:
        rec = s.scalar(select(Record))
        assert rec.gone_since is None
        assert len(rec.versions) == 2


def test_whitespace_or_punctuation_in_progress_is_not_a_new_version(sessions):
    a = row("Italy", "face_mask", 10, "preparing", code="ITA")
    a["status_label"] = "5 In Transit, 5 Stocking Up"
    b = dict(a, status_label="5 In Transit，\n5  Stocking Up")
    apply(sessions, 0, [a])
    result = apply(sessions, 1, [b])
    assert result.changed == []


def test_new_region_block_is_not_taken_for_an_old_country_row(sessions):
    apply(sessions, 0, [row("Belgium", "test_kit", 40_000, "preparing", code="BEL")])
    result = apply(sessions, 1, [row("Europe", "test_kit", 120_000, "in_transit",
                                     org="Belgian Institute of Health", code="BEL")])
    assert len(result.added) == 1 and len(result.gone) == 1
