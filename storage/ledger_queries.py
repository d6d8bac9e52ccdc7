"""Reads and writes of the ledger: records as the reconciler sees them, donations back out.

Parameterised selects only. Writing is by block: a block whose recomputed donations equal the
stored ones is left alone, so a reconcile after a small crawl rewrites only what changed, and
the result is the same as a full rebuild.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from aidledger.aggregator.matching import Rec
from aidledger.aggregator.normalize import donor_group, entity_for_url
from aidledger.aggregator.reconcile import DonationOut, Reviews
from aidledger.parsers.blocks import block_places
from aidledger.storage.ledger import Donation, DonationParty, Evidence, Review
from aidledger.storage.ledger_search import FTS, party_rows, search_text, text_key
from aidledger.storage.ledger_search import LedgerFilter as LedgerFilter  # moved; kept importable
from aidledger.storage.ledger_search import donations_json as donations_json
from aidledger.storage.models import Page, Record, RecordVersion, Snapshot

SYNDICATION_JACCARD = 0.8


def _host(url: str) -> str:
    return (urlsplit(url).hostname or url).lower().removeprefix("www.")


def _shingles(text: str) -> frozenset[int]:
    words = re.findall(r"\w+", text.lower())
    return frozenset(hash(" ".join(words[i:i + 5])) for i in range(max(0, len(words) - 4)))


def _story_keys(session: Session) -> dict[int, str]:
    """Page id -> source key; near-identical article texts on several outlets share one key."""
    q = (select(Snapshot.page_id, Snapshot.meta, Page.url).join(Page, Page.id == Snapshot.page_id)
         .where(Snapshot.kind == "news_article").order_by(Snapshot.page_id, Snapshot.fetched_at))
    latest: dict[int, tuple[str, frozenset[int]]] = {}
    for page_id, meta, url in session.execute(q):
        text = ((meta or {}).get("parsed") or {}).get("text") or ""
        latest[page_id] = (url, _shingles(text))
    keys: dict[int, str] = {}
    seen: list[tuple[frozenset[int], str]] = []
    for page_id in sorted(latest):
        url, sh = latest[page_id]
        own = entity_for_url(url)
        key = f"own:{own.name}" if own else _host(url)
        for other, other_key in seen:
            if sh and other and len(sh & other) / len(sh | other) >= SYNDICATION_JACCARD:
                key = other_key
                break
        seen.append((sh, key))
        keys[page_id] = key
    return keys


def load_records(session: Session, owners: dict[str, str] | None = None) -> list[Rec]:
    """Table rows and claims with an item, as the reconciler needs them."""
    owners = owners or {}
    stories = _story_keys(session)
    history: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
    versions: dict[str, dict[str, set[Any]]] = defaultdict(lambda: {"q": set(), "d": set()})
    for rid, status, since, qty, donors in session.execute(
            select(RecordVersion.record_id, RecordVersion.status, RecordVersion.first_seen,
                   RecordVersion.quantity, RecordVersion.donors)
            .order_by(RecordVersion.record_id, RecordVersion.seq)):
        history[rid].append((status, since.date().isoformat()))
        if qty is not None:
            versions[rid]["q"].add(qty)
        versions[rid]["d"].update(donors or [])
    columns = (Record.id, Record.kind, Record.page_id, Record.donors, Record.recipients,
               Record.block, Record.item, Record.quantity, Record.quantity_each, Record.status,
               Record.first_seen, Record.last_seen, Record.gone_since, Record.data, Page.url)
    q = (select(*columns).join(Page, Page.id == Record.page_id)
         .where(Record.kind.in_(("table_row", "claim")), Record.item.is_not(None))
         .order_by(Record.id))  # plain rows, not ORM objects: a million of them load fast
    rows = list(session.execute(q))
    index = {(r.page_id, r.data.get("index")): r.id for r in rows if r.kind == "claim"}
    return [_rec(r, r.url, owners, stories, history, index, versions.get(r.id)) for r in rows]


def _rec(r: Any, url: str, owners: dict[str, str], stories: dict[int, str],
         history: dict[str, list[tuple[str | None, str]]],
         index: dict[tuple[int, Any], str], versions: dict[str, set[Any]] | None) -> Rec:
    # a row's donors over its whole life: a column renamed Recipient does not unname them
    donors = sorted(set(r.donors or []) | (versions or {}).get("d", set()))
    own = entity_for_url(url)
    if not donors:
        owner = next((o for prefix, o in owners.items() if url.startswith(prefix)), None)
        donors = [owner] if owner else ([own.name] if own else [])
    ents, families = donor_group(donors)
    places = {x["code"] for x in r.recipients or [] if x.get("code")
              and not str(x["code"]).startswith("org:")}
    if r.kind == "table_row":
        places |= set(block_places(r.block))
        source = f"own:{own.name}" if own else f"own:{_host(url)}"
    else:
        source = stories.get(r.page_id, _host(url))
    parent = r.data.get("parent") if r.kind == "claim" else None
    return Rec(id=r.id, kind=r.kind, url=url, donors=[e.name for e in ents], families=families,
               item=r.item or "other", quantity=r.quantity, quantity_each=r.quantity_each,
               places=frozenset(places), status=r.status, first_seen=r.first_seen,
               last_seen=r.last_seen, gone_since=r.gone_since, source_key=source,
               parent_id=index.get((r.page_id, parent)) if parent is not None else None,
               history=history.get(r.id, []),
               quantities=frozenset((versions or {}).get("q", set())))


def load_reviews(session: Session) -> Reviews:
    out: Reviews = {}
    for rv in session.scalars(select(Review).order_by(Review.at, Review.id)):
        out[(rv.record_id, rv.anchor_record_id)] = rv.decision
    return out


def _row(d: DonationOut) -> dict[str, Any]:
    a = d.anchor
    donors = sorted({n for lk in d.links if lk.role in ("primary",) for n in lk.record.donors}
                    or set(a.donors))
    statuses = [(lk.record.status, lk.record.first_seen) for lk in d.links if lk.record.status]
    history = [{"status": s, "since": when} for s, when in a.history] if a.history else [
        {"status": s, "since": w.date().isoformat()}
        for s, w in sorted(statuses, key=lambda x: x[1])]
    seen = [lk.record.first_seen for lk in d.links] + [lk.record.last_seen for lk in d.links]
    return {"id": d.id, "donors": donors, "item": a.item, "quantity": a.quantity,
            "quantity_rule": d.quantity_rule, "recipients": sorted(a.places),
            "status": a.status, "status_history": history, "first_seen": min(seen),
            "last_seen": max(seen), "independent_sources": d.independent_sources,
            "conflicts": d.conflicts, "block_key": d.block_key}


def _digest(rows: list[dict[str, Any]], links: list[tuple]) -> str:
    return hashlib.sha1(json.dumps([rows, links], default=str, sort_keys=True).encode()
                        ).hexdigest()


def write_ledger(session: Session, donations: list[DonationOut], rebuild: bool = False
                 ) -> dict[str, int]:
    """Store donations; without `rebuild`, blocks whose donations did not change are kept."""
    by_block: dict[str, list[DonationOut]] = defaultdict(list)
    for d in donations:
        by_block[d.block_key].append(d)
    stored = {} if rebuild else _stored_digests(session)
    changed: list[str] = []
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for key, ds in by_block.items():
        block_rows = [_row(d) for d in ds]
        block_links = [(d.id, lk.record.id, lk.role, lk.reason) for d in ds for lk in d.links]
        if not rebuild and stored.get(key) == _digest(block_rows, block_links):
            continue
        changed.append(key)
        rows += block_rows
        links += [{"donation_id": d.id, "record_id": lk.record.id, "role": lk.role,
                   "reason": lk.reason, "source_key": lk.record.source_key}
                  for d in ds for lk in d.links]
    sqlite = session.get_bind().dialect.name == "sqlite"
    if rebuild:
        for t in (Evidence, DonationParty, Donation):
            session.execute(delete(t))
        if sqlite:
            session.execute(delete(FTS))
    else:
        _delete_blocks(session, changed + sorted(set(stored) - set(by_block)), sqlite)
    for r in rows:
        r["has_conflicts"] = bool(r["conflicts"])
        r["search_text"] = search_text(r)
    parties = [p for r in rows for p in party_rows(r)]
    for chunk in range(0, len(rows), 5000):
        session.execute(insert(Donation), rows[chunk:chunk + 5000])
    for chunk in range(0, len(parties), 5000):
        session.execute(insert(DonationParty), parties[chunk:chunk + 5000])
    if sqlite:
        texts = [{"rowid": text_key(r["id"]), "donation_id": r["id"], "body": r["search_text"]}
                 for r in rows]
        for chunk in range(0, len(texts), 5000):
            session.execute(FTS_INSERT, texts[chunk:chunk + 5000])
    for chunk in range(0, len(links), 5000):
        session.execute(insert(Evidence), links[chunk:chunk + 5000])
    return {"donations": len(donations), "blocks": len(by_block), "blocks_written": len(changed)}


FTS_INSERT = text("INSERT INTO donation_fts(rowid, donation_id, body) "
                  "VALUES (:rowid, :donation_id, :body)")
FTS_DELETE = text("DELETE FROM donation_fts WHERE rowid = :rowid")


def _delete_blocks(session: Session, keys: list[str], sqlite: bool) -> None:
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        ids = select(Donation.id).where(Donation.block_key.in_(chunk))
        if sqlite:
            gone = [{"rowid": text_key(i)} for i in session.scalars(ids)]
            if gone:
                session.execute(FTS_DELETE, gone)
        session.execute(delete(Evidence).where(Evidence.donation_id.in_(ids)))
        session.execute(delete(DonationParty).where(DonationParty.donation_id.in_(ids)))
        session.execute(delete(Donation).where(Donation.block_key.in_(chunk)))


def _stored_digests(session: Session) -> dict[str, str]:
    out: dict[str, str] = {}
    donations: dict[str, list[Donation]] = defaultdict(list)
    for d in session.scalars(select(Donation).order_by(Donation.id)):
        donations[d.block_key].append(d)
    links: dict[str, list[Evidence]] = defaultdict(list)
    for e in session.scalars(select(Evidence).order_by(Evidence.id)):
        links[e.donation_id].append(e)
    for key, ds in donations.items():
        rows = [{c: getattr(d, c) for c in _ROW_COLUMNS} | {"id": d.id, "block_key": key}
                for d in ds]
        rows = [_normal(r) for r in rows]
        ls = [(d.id, e.record_id, e.role, e.reason) for d in ds for e in links[d.id]]
        out[key] = _digest(rows, ls)
    return out


_ROW_COLUMNS = ("donors", "item", "quantity", "quantity_rule", "recipients", "status",
                "status_history", "first_seen", "last_seen", "independent_sources", "conflicts")


def _normal(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", *_ROW_COLUMNS, "block_key")}


def add_review(session: Session, record_id: str, anchor_record_id: str, decision: str,
               note: str | None) -> None:
    session.add(Review(record_id=record_id, anchor_record_id=anchor_record_id,
                       decision=decision, note=note, at=datetime.now(UTC)))

