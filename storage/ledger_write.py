"""Writing the ledger: donations, their evidence and search rows, block by block.

A block (donor family, item) whose recomputed donations equal the stored ones is left alone,
so a reconcile after a small crawl rewrites only what changed, with the result of a rebuild.
`scope` limits the work to some blocks (an incremental reconcile, a seeding batch): blocks
outside it are neither read nor touched. Rows go in through the driver (storage/bulk.py);
the ORM models stay the schema. The side rows (evidence, parties, search text) are kept as
tuples, and values equal between donations (histories, recipient lists) are made once: at
120,000 donations dicts of them were a quarter of a reconcile's peak memory.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from aidledger.aggregator.reconcile import DonationOut
from aidledger.gcpause import paused_gc
from aidledger.storage.bulk import bulk_insert
from aidledger.storage.ledger import Donation, DonationParty, Evidence
from aidledger.storage.ledger_facets import apply_block_facets, block_facets, rebuild_facets
from aidledger.storage.ledger_search import (
    FTS,
    PARTY_COLUMNS,
    compact_text_index,
    party_rows,
    search_text,
    text_key,
)
from aidledger.storage.ledger_text import fts_body

_ROW_COLUMNS = ("donors", "item", "quantity", "quantity_rule", "recipients", "status",
                "status_history", "first_seen", "last_seen", "independent_sources", "conflicts")
CHUNK = 500  # block keys per IN (...) list
STREAM = 10_000  # stored rows fetched at a time


def _row(d: DonationOut, same: dict[Any, Any] | None = None) -> dict[str, Any]:
    """The donation's row; `same` keeps one list per distinct history and recipient set
    (rows are only read after this, never changed)."""
    same = {} if same is None else same
    a = d.anchor
    donors = sorted({n for lk in d.links if lk.role == "primary" for n in lk.record.donors}
                    or set(a.donors))
    if a.history:
        history = same.get(a.history)
        if history is None:
            history = same[a.history] = [{"status": s, "since": when} for s, when in a.history]
    else:
        statuses = [(lk.record.status, lk.record.first_seen) for lk in d.links
                    if lk.record.status]
        history = [{"status": s, "since": w.date().isoformat()}
                   for s, w in sorted(statuses, key=lambda x: x[1])]
    recipients = same.get(a.places)
    if recipients is None:
        recipients = same[a.places] = sorted(a.places)
    seen = [lk.record.first_seen for lk in d.links] + [lk.record.last_seen for lk in d.links]
    return {"id": d.id, "donors": donors, "item": a.item, "quantity": a.quantity,
            "quantity_rule": d.quantity_rule, "recipients": recipients,
            "status": a.status, "status_history": history, "first_seen": min(seen),
            "last_seen": max(seen), "independent_sources": d.independent_sources,
            "conflicts": d.conflicts, "block_key": d.block_key}


def _digest(rows: list[dict[str, Any]], links: list[tuple[Any, ...]]) -> str:
    return hashlib.sha1(json.dumps([rows, links], default=str, sort_keys=True).encode()
                        ).hexdigest()


def write_ledger(session: Session, donations: list[DonationOut], rebuild: bool = False,
                 scope: Iterable[str] | None = None) -> dict[str, int]:
    """Store donations; without `rebuild`, blocks whose donations did not change are kept.
    With `scope`, only those blocks are compared, deleted and written."""
    with paused_gc():
        return _write_ledger(session, donations, rebuild, scope)


def _write_ledger(session: Session, donations: list[DonationOut], rebuild: bool,
                  scope: Iterable[str] | None) -> dict[str, int]:
    by_block: dict[str, list[DonationOut]] = defaultdict(list)
    for d in donations:
        by_block[d.block_key].append(d)
    keys = None if scope is None else sorted(set(scope) | set(by_block))
    stored = {} if rebuild else _stored_digests(session, keys)
    changed: list[str] = []
    rows: list[dict[str, Any]] = []
    links: list[tuple[Any, ...]] = []  # in EVIDENCE_COLUMNS order
    same: dict[Any, Any] = {}
    for key, ds in by_block.items():
        block_rows = [_row(d, same) for d in ds]
        block_links = [(d.id, lk.record.id, lk.role, lk.reason, lk.record.source_key)
                       for d in ds for lk in d.links]
        if not rebuild and stored.get(key) == _digest(block_rows, [t[:4] for t in block_links]):
            continue
        changed.append(key)
        rows += block_rows
        links += block_links
    touched = changed + sorted(set(stored) - set(by_block))
    if rebuild:
        _delete_all(session)  # the first write: the transaction the index swap must be in
        with _indexes_set_aside(session):
            _insert(session, rows, links)
        rebuild_facets(session)
    else:
        before = block_facets(session, touched)
        _delete_blocks(session, touched)
        _insert(session, rows, links)
        apply_block_facets(session, touched, before)
    compact_text_index(session, len(rows), rebuild)
    return {"donations": len(donations), "blocks": len(by_block), "blocks_written": len(changed)}


EVIDENCE_COLUMNS = ("donation_id", "record_id", "role", "reason", "source_key")


def _insert(session: Session, rows: list[dict[str, Any]], links: list[tuple[Any, ...]]
            ) -> None:
    for r in rows:
        r["has_conflicts"] = bool(r["conflicts"])
        r["search_text"] = search_text(r)
    bulk_insert(session, Donation.__table__, rows)
    # side rows in their key order: a million appended to a B-tree's end, not scattered
    # through it (their order is not observable: the party table is keyed, FTS rows have ids)
    bulk_insert(session, DonationParty.__table__, sorted(p for r in rows for p in party_rows(r)),
                PARTY_COLUMNS)
    if session.get_bind().dialect.name == "sqlite":
        bulk_insert(session, FTS, sorted((text_key(r["id"]), r["id"], fts_body(r))
                                         for r in rows), ("rowid", "donation_id", "body"))
    bulk_insert(session, Evidence.__table__, links, EVIDENCE_COLUMNS)


LEDGER_TABLES = ("donation", "donation_party", "evidence")
REBUILD_CACHE_KIB = -131072  # page cache during a rebuild: 128 MiB (negative: KiB), then back


@contextmanager
def _indexes_set_aside(session: Session) -> Iterator[None]:
    """A SQLite rebuild drops the ledger tables' secondary indexes, fills the tables and makes
    the indexes again from their own stored definitions (whatever migrations made them):
    building an index over a full table sorts once, where inserting a million rows into
    eight indexes was most of the write. All inside the caller's transaction, so a crash
    leaves the old ledger with its indexes (SQLite's DDL is transactional) and readers on the
    WAL see the old ledger until the commit."""
    conn = session.connection()
    raw = conn.connection.driver_connection
    if conn.dialect.name != "sqlite" or not getattr(raw, "in_transaction", False):
        yield  # (outside a transaction a DROP INDEX would be committed at once)
        return
    marks = ", ".join(f"'{t}'" for t in LEDGER_TABLES)  # constants, not input
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name").all()
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {REBUILD_CACHE_KIB}")  # a constant
    try:
        yield
        for _, sql in indexes:
            conn.exec_driver_sql(sql)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")


def _delete_all(session: Session) -> None:
    for t in (Evidence, DonationParty, Donation):
        session.execute(delete(t))
    if session.get_bind().dialect.name == "sqlite":
        session.execute(delete(FTS))


FTS_DELETE = text("DELETE FROM donation_fts WHERE rowid = :rowid")


def _delete_blocks(session: Session, keys: list[str]) -> None:
    sqlite = session.get_bind().dialect.name == "sqlite"
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        ids = select(Donation.id).where(Donation.block_key.in_(chunk))
        if sqlite:
            gone = [{"rowid": text_key(i)} for i in session.scalars(ids)]
            if gone:
                session.execute(FTS_DELETE, gone)
        session.execute(delete(Evidence).where(Evidence.donation_id.in_(ids)))
        session.execute(delete(DonationParty).where(DonationParty.donation_id.in_(ids)))
        session.execute(delete(Donation).where(Donation.block_key.in_(chunk)))


def _stored_digests(session: Session, keys: list[str] | None) -> dict[str, str]:
    """Digest of each stored block (of `keys`, or of all), comparable with `_digest`. Read
    CHUNK blocks at a time and streamed: after a crawl that saw every page again, every block
    is compared, and the whole stored ledger read at once was most of that reconcile's peak."""
    if keys is None:
        keys = sorted(session.scalars(select(Donation.block_key).distinct()))
    conn = session.connection()
    cols = (Donation.id, Donation.block_key, *(getattr(Donation, c) for c in _ROW_COLUMNS))
    out: dict[str, str] = {}
    for where in _block_conditions(keys):
        donations: dict[str, list[Any]] = defaultdict(list)
        links: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        q = select(*cols).where(*where).order_by(Donation.id)
        for d in conn.execute(q.execution_options(yield_per=STREAM)):
            donations[d.block_key].append(d)
        q = (select(Evidence.donation_id, Evidence.record_id, Evidence.role, Evidence.reason)
             .join(Donation, Donation.id == Evidence.donation_id).where(*where)
             .order_by(Evidence.id))
        for e in conn.execute(q.execution_options(yield_per=STREAM)):
            links[e.donation_id].append(tuple(e))
        for key, ds in donations.items():
            rows = [{"id": d.id, **{c: getattr(d, c) for c in _ROW_COLUMNS}, "block_key": key}
                    for d in ds]
            out[key] = _digest(rows, [lk for d in ds for lk in links[d.id]])
    return out


def _block_conditions(keys: list[str] | None) -> list[list[Any]]:
    if keys is None:
        return [[]]
    return [[Donation.block_key.in_(keys[i:i + CHUNK])] for i in range(0, len(keys), CHUNK)]
