"""Reconciling the store: whole (`rebuild`, or the first time), or only the blocks touched.

Each reconcile records a run (`crawl_run`, command "reconcile") whose detail holds a watermark:
the newest snapshot id, the latest time a snapshot was seen, the newest review id. The next
reconcile looks only at pages with a snapshot past it (new or changed content, rows gone) or
seen again since, and at reviews added since; their records' blocks, old (from the stored
evidence) and new (from the records), are recomputed with every record in them, and only those
blocks are rewritten. Blocks are independent (records are compared only within one), so the
ledger equals a rebuild's: same donations, same ids. Syndication keys are recomputed over all
articles each time (a new copy of an old story must find it).

The watermark also keeps a fingerprint of the rules, vocabularies and page owners: when
they change, the next reconcile compares every block (and still rewrites only those that
differ). Not covered by the watermark: a page "seen again" with a fetch time older than the newest
sighting already reconciled (a backfill of old crawls after a reconcile): run `--rebuild`.

Writers may commit while a reconcile runs (workers never stop). A writer stores a batch in one
transaction and parses it in the next: the watermark's snapshot stops below the oldest snapshot
not parsed yet, so its records are read once they exist. On PostgreSQL two writers' transactions
also commit in any order (a snapshot below the watermark could become visible after it was
taken): the watermark is read under the writers' advisory lock held exclusively
(storage/writes.py), i.e. between writing transactions, when every snapshot id handed out is
committed.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, or_, select
from sqlalchemy.orm import Session

from aidledger.aggregator.matching import Rec
from aidledger.aggregator.reconcile import reconcile
from aidledger.gcpause import paused_gc
from aidledger.storage.ledger import Donation, Evidence, Review
from aidledger.storage.ledger_queries import _story_keys, load_records, load_reviews
from aidledger.storage.ledger_write import CHUNK, write_ledger
from aidledger.storage.models import CrawlRun, Record, Snapshot
from aidledger.storage.writes import lock_out_writers

RULES_VERSION = "2"  # bump when a matching rule changes: the next reconcile is a full one


def rules_fingerprint(owners: dict[str, str]) -> str:
    """What the ledger depends on besides the data: the rules, the vocabularies, the owners.
    A change of any of them makes the next reconcile look at every block."""
    parts = [RULES_VERSION, json.dumps(sorted(owners.items()))]
    for package, name in (("aidledger.aggregator", "entities.toml"),
                          ("aidledger.parsers", "vocab/places.toml"),
                          ("aidledger.parsers", "vocab/items.toml")):
        parts.append(resources.files(package).joinpath(name).read_text("utf-8"))
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()


def _watermark(session: Session, owners: dict[str, str]) -> dict[str, Any]:
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return _read_watermark(session, owners)
    engine = bind if isinstance(bind, Engine) else bind.engine
    with engine.begin() as conn:  # a short transaction of its own: writers wait only for it
        lock_out_writers(conn)
        return _read_watermark(conn, owners)


def _read_watermark(session: Session | Connection, owners: dict[str, str]) -> dict[str, Any]:
    seen = session.scalar(select(func.max(Snapshot.last_seen)))
    top = session.scalar(select(func.max(Snapshot.id))) or 0
    unparsed = session.scalar(select(func.min(Snapshot.id)).where(Snapshot.parsed_at.is_(None)))
    return {"snapshot": top if unparsed is None else min(top, unparsed - 1),
            "seen": seen.isoformat() if seen else None,
            "review": session.scalar(select(func.max(Review.id))) or 0,
            "rules": rules_fingerprint(owners)}


def _last_watermark(session: Session) -> dict[str, Any] | None:
    run = session.scalar(select(CrawlRun).where(CrawlRun.command == "reconcile",
                                                CrawlRun.outcome == "finished")
                         .order_by(CrawlRun.id.desc()).limit(1))
    return (run.detail or {}).get("watermark") if run else None


def _block_key(r: Rec) -> str:
    """The block `reconcile` puts a record in (before reviews move it)."""
    return f"{min(r.families) if r.families else '?'}|{r.item}"


def _touched(mark: dict[str, Any]) -> Any:
    """Records on pages changed or seen since the watermark, or judged by a newer review."""
    cond = Snapshot.id > mark["snapshot"]
    if mark.get("seen"):
        cond = or_(cond, Snapshot.last_seen > datetime.fromisoformat(mark["seen"]))
    pages = select(Snapshot.page_id).where(cond)
    reviewed = select(Review.record_id).where(Review.id > mark["review"]).union(
        select(Review.anchor_record_id).where(Review.id > mark["review"]))
    return or_(Record.page_id.in_(pages), Record.id.in_(reviewed))


def _old_blocks(session: Session, records: Select[Any]) -> set[str]:
    q = (select(Donation.block_key).join(Evidence, Evidence.donation_id == Donation.id)
         .where(Evidence.record_id.in_(records)).distinct())
    return set(session.scalars(q))


def _incremental(session: Session, owners: dict[str, str], mark: dict[str, Any]
                 ) -> tuple[list[Rec], set[str]]:
    stories = _story_keys(session)
    where = _touched(mark)
    recs = {r.id: r for r in load_records(session, owners, where=where, stories=stories)}
    scope = {_block_key(r) for r in recs.values()} | _old_blocks(
        session, select(Record.id).where(where))
    keys = sorted(scope)
    for i in range(0, len(keys), CHUNK):
        members = (select(Evidence.record_id).join(Donation, Donation.id == Evidence.donation_id)
                   .where(Donation.block_key.in_(keys[i:i + CHUNK])))
        for r in load_records(session, owners, where=Record.id.in_(members), stories=stories):
            recs.setdefault(r.id, r)
    return list(recs.values()), scope


def reconcile_store(session: Session, owners: dict[str, str] | None = None,
                    rebuild: bool = False, workers: int = 1) -> dict[str, int]:
    """Reconcile and write the ledger; incremental unless `rebuild` or never reconciled.
    `workers` 2: a whole reconcile computes the syndication keys in a forked process while it
    loads the records (same ledger; the session must hold no uncommitted writes)."""
    with paused_gc():
        return _reconcile_store(session, owners or {}, rebuild, workers)


def _reconcile_store(session: Session, owners: dict[str, str], rebuild: bool, workers: int
                     ) -> dict[str, int]:
    started = datetime.now(UTC)
    mark = _watermark(session, owners)
    last = None if rebuild else _last_watermark(session)
    if last is not None and last.get("rules") != mark["rules"]:
        last = None  # other rules or vocabularies: every block may differ
    if last is None:
        records, scope = load_records(session, owners, workers=workers), None
    else:
        records, scope = _incremental(session, owners, last)
    donations = reconcile(records, load_reviews(session))
    if scope is not None:  # a record a review moved may have brought its anchor's block
        scope |= {d.block_key for d in donations}
    counts = write_ledger(session, donations, rebuild=rebuild, scope=scope)
    counts = {"records": len(records), **counts, "incremental": int(last is not None)}
    session.add(CrawlRun(command="reconcile", started_at=started,
                         finished_at=datetime.now(UTC), outcome="finished",
                         detail={"watermark": mark, "counts": counts}))
    return counts
