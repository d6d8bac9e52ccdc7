"""The rows of each exported table, streamed from the store (parameterised selects only).

Every read goes through `yield_per`, so SQLite hands rows over a cursor and PostgreSQL through a
server-side cursor: a million donations never sit in memory at once. Keys match the fields of
`export_schema`; datetimes stay datetimes for the writers to render.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from aidledger.aggregator.normalize import entity
from aidledger.parsers.lexicon import REGION_PREFIX, country_name
from aidledger.storage.ledger import Donation, Evidence
from aidledger.storage.models import Blob, Page, Record, Snapshot, Source
from aidledger.storage.queries import record_rows

BATCH = 2000
RAW_CELLS = ("block", "goods", "qty", "progress", "donors", "recipient")


@lru_cache(maxsize=10_000)
def place_name(code: str) -> str:
    """A recipient code as a name people read ("KOR" -> "South Korea")."""
    if code.startswith("org:"):
        return code.removeprefix("org:")
    return country_name(code)


def donation_rows(session: Session, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Donations in id order, each with its evidence's URLs, snapshots and hashes.

    Two streams in the same order, merged: the donations, and their evidence joined to pages
    and snapshots, so each donation's JSON columns are decoded once however much evidence it
    has. Every evidence row has its donation (foreign key), so equal ids are all the merge
    needs, whatever collation the database sorts by."""
    first, last = aliased(Snapshot), aliased(Snapshot)
    conn = session.connection()
    donations = conn.execute(
        select(Donation.id, Donation.donors, Donation.item, Donation.quantity,
               Donation.quantity_rule, Donation.recipients, Donation.status,
               Donation.status_history, Donation.first_seen, Donation.last_seen,
               Donation.independent_sources, Donation.conflicts)
        .order_by(Donation.id).execution_options(yield_per=batch))
    links = iter(conn.execute(
        select(Evidence.donation_id, Page.url, first.id, first.blob_sha256, last.id,
               last.blob_sha256, last.fetched_at)
        .join(Record, Record.id == Evidence.record_id).join(Page, Page.id == Record.page_id)
        .join(first, first.id == Record.first_snapshot_id)
        .join(last, last.id == Record.last_snapshot_id)
        .order_by(Evidence.donation_id, Evidence.record_id).execution_options(yield_per=batch)))
    link = next(links, None)
    for d in donations:
        mine = []
        while link is not None and link[0] == d.id:
            mine.append(link)
            link = next(links, None)
        yield _donation(d, mine)


def _donation(d: Any, links: list[Any]) -> dict[str, Any]:
    snapshots: dict[int, str] = {}
    urls: list[str] = []
    for _, url, first_id, first_sha, last_id, last_sha, _ in links:
        if url not in urls:
            urls.append(url)
        snapshots[first_id] = first_sha
        snapshots[last_id] = last_sha
    ids = sorted(snapshots)
    conflicts = d.conflicts or []
    recipients = d.recipients or []
    return {
        "id": d.id, "donors": d.donors or [], "item": d.item, "quantity": d.quantity,
        "quantity_rule": d.quantity_rule, "recipients": recipients,
        "recipient_names": [place_name(c) for c in recipients], "status": d.status,
        "status_history": d.status_history or [], "first_seen": d.first_seen,
        "last_seen": d.last_seen, "independent_sources": d.independent_sources,
        "conflict_kinds": sorted({c.get("kind") for c in conflicts if c.get("kind")}),
        "conflicts": conflicts, "evidence_count": len(links),
        "source_urls": urls, "snapshots": ids, "snapshot_sha256": [snapshots[i] for i in ids],
        "last_retrieved": max((lk[6] for lk in links), default=None),
    }


def evidence_rows(session: Session, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every link of a record to a donation, with the words and the snapshot behind it."""
    q = (select(Evidence.id, Evidence.donation_id, Evidence.record_id, Evidence.role,
                Evidence.reason, Evidence.source_key, Record.kind, Record.data, Record.raw,
                Record.locator, Record.quantity, Record.status, Record.first_seen,
                Record.last_seen, Record.last_snapshot_id, Page.url, Snapshot.blob_sha256,
                Snapshot.fetched_at)
         .join(Record, Record.id == Evidence.record_id)
         .join(Page, Page.id == Record.page_id)
         .join(Snapshot, Snapshot.id == Record.last_snapshot_id)
         .order_by(Evidence.id).execution_options(yield_per=batch))
    for r in session.execute(q):
        cells = {k: v for k, v in (r.raw or {}).items() if v not in (None, "")}
        if r.kind == "claim":
            quote, cells = ((r.data or {}).get("evidence") or {}).get("sentence"), None
        else:
            quote = " | ".join(str(cells[k]) for k in RAW_CELLS if k in cells) or None
        yield {
            "id": r.id, "donation": r.donation_id, "record": r.record_id, "kind": r.kind,
            "role": r.role, "reason": r.reason, "quote": quote, "cells": cells,
            "locator": r.locator, "quantity": r.quantity, "status": r.status, "url": r.url,
            "snapshot": r.last_snapshot_id, "snapshot_sha256": r.blob_sha256,
            "fetched_at": r.fetched_at, "first_seen": r.first_seen, "last_seen": r.last_seen,
            "source_key": r.source_key,
        }


def entity_rows(session: Session, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Donors (through the aggregator's aliases) and recipient places of the ledger.

    Held in memory: one entry per distinct entity, not per donation."""
    found: dict[str, dict[str, Any]] = {}
    q = select(Donation.donors, Donation.recipients).execution_options(yield_per=batch)
    for donors, recipients in session.execute(q):
        for name in set(donors or []):
            ent = entity(name)
            row = found.setdefault(ent.name, {
                "id": ent.name, "name": ent.name, "kind": ent.kind, "family": ent.family,
                "country": ent.country, "roles": [], "donations": 0})
            _count(row, "donor")
        for code in set(recipients or []):
            row = found.setdefault(code, {
                "id": code, "name": place_name(code), "family": None, "country": None,
                "kind": "region" if code.startswith(REGION_PREFIX) else "country",
                "roles": [], "donations": 0})
            _count(row, "recipient")
    yield from (found[k] for k in sorted(found))


def _count(row: dict[str, Any], role: str) -> None:
    row["donations"] += 1
    if role not in row["roles"]:
        row["roles"].append(role)


def source_rows(session: Session, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every snapshot: page URL, configured source, retrieval time, hash."""
    q = (select(Snapshot.id, Page.url, Snapshot.final_url, Source.name, Snapshot.kind,
                Snapshot.meta[("parsed", "title")].as_string(), Snapshot.fetched_at,
                Snapshot.last_seen, Snapshot.times_seen, Snapshot.status,
                Snapshot.content_type, Snapshot.blob_sha256, Blob.size)
         .join(Page, Page.id == Snapshot.page_id)
         .outerjoin(Source, Source.id == Page.source_id)
         .join(Blob, Blob.sha256 == Snapshot.blob_sha256)
         .order_by(Snapshot.id).execution_options(yield_per=batch))
    keys = ("snapshot", "url", "final_url", "source", "kind", "title", "retrieved_at",
            "last_seen", "times_seen", "http_status", "content_type", "sha256", "size")
    for r in session.execute(q):
        yield dict(zip(keys, r, strict=True))


def site_sources(session: Session) -> list[dict[str, Any]]:
    """One entry per site for the data package's `sources`: its address, how many pages were
    fetched from it and when. Per site, not per page: a big crawl has millions of pages, whose
    URLs and retrieval times are the rows of the `sources` table."""
    sites: dict[str, dict[str, Any]] = {}
    q = (select(Page.url, Page.first_fetched, Page.last_fetched)
         .execution_options(yield_per=BATCH * 5))
    for url, first, last in session.execute(q):
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}/"
        site = sites.setdefault(root, {"title": parts.netloc or url, "path": root,
                                       "pages": 0, "first": first, "last": last})
        site["pages"] += 1
        site["first"], site["last"] = min(site["first"], first), max(site["last"], last)
    return [{"title": v["title"], "path": v["path"], "pages": v["pages"],
             "first_retrieved": v["first"].isoformat(), "retrieved": v["last"].isoformat()}
            for _, v in sorted(sites.items())]


ROWS = {"donations": donation_rows, "evidence": evidence_rows, "entities": entity_rows,
        "sources": source_rows, "records": lambda s, batch=BATCH: record_rows(s, batch)}
