"""Every read the CLI, exports and the web app make: one place, parameterised selects only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aidledger.parsers.lexicon import lookup_place, region_members
from aidledger.storage.models import Page, Record, RecordVersion


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def place_filter(name: str | None) -> set[str] | None:
    """Codes a --country filter accepts: the place itself, and a region's members."""
    if not name:
        return None
    place = lookup_place(name)
    code = place.code if place else name.strip().upper()
    return {code, *region_members(code)}


def _matches(rec: Record, codes: set[str] | None) -> bool:
    if codes is None:
        return True
    mine = {r.get("code") for r in rec.recipients or []}
    place = lookup_place(rec.block)
    if place:
        mine.add(place.code)
    return bool(mine & codes)


def history_rows(session: Session, country: str | None = None,
                 kinds: tuple[str, ...] = ("table_row", "event")) -> Iterator[dict[str, Any]]:
    """One row per record version, records in first-seen order, versions in time order."""
    codes = place_filter(country)
    q = (select(Record, RecordVersion, Page.url)
         .join(RecordVersion, RecordVersion.record_id == Record.id)
         .join(Page, Page.id == Record.page_id)
         .where(Record.kind.in_(kinds))
         .order_by(Page.url, Record.first_seen, Record.id, RecordVersion.seq))
    for rec, ver, url in session.execute(q):
        if not _matches(rec, codes):
            continue
        yield {
            "record": rec.id, "kind": rec.kind, "page": url, "version": ver.seq,
            "block": ver.block, "item": ver.item, "item_label": ver.item_label,
            "quantity": ver.quantity, "status": ver.status, "status_label": ver.status_label,
            "status_parts": ver.status_parts, "donors": ver.donors, "recipients": ver.recipients,
            "date": rec.date, "first_seen": _iso(ver.first_seen), "last_seen": _iso(ver.last_seen),
            "gone_since": _iso(rec.gone_since),
        }


def record_rows(session: Session, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Current state of every record with its provenance, streamed in batches.

    Plain columns, not ORM objects: an export of millions of records builds no identity map
    and skips the columns it does not print (raw cells, parser data)."""
    q = (select(Record.id, Record.kind, Page.url, Record.block, Record.item, Record.item_label,
                Record.quantity, Record.quantity_each, Record.status, Record.status_label,
                Record.donors, Record.recipients, Record.date, Record.locator,
                Record.first_seen, Record.last_seen, Record.gone_since,
                Record.first_snapshot_id, Record.last_snapshot_id)
         .join(Page, Page.id == Record.page_id)
         .order_by(Record.first_seen, Record.id).execution_options(yield_per=batch))
    for r in session.execute(q):
        yield {
            "record": r.id, "kind": r.kind, "page": r.url, "block": r.block,
            "item": r.item, "item_label": r.item_label, "quantity": r.quantity,
            "quantity_each": r.quantity_each, "status": r.status,
            "status_label": r.status_label, "donors": r.donors,
            "recipients": r.recipients, "date": r.date, "locator": r.locator,
            "first_seen": _iso(r.first_seen), "last_seen": _iso(r.last_seen),
            "gone_since": _iso(r.gone_since), "first_snapshot": r.first_snapshot_id,
            "last_snapshot": r.last_snapshot_id,
        }
