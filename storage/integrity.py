"""`aidledger db check`: the invariants the store promises, checked with plain queries.

The store is evidence: a row pointing at nothing, a body that no longer matches its hash, a
record shown twice or a donation without its anchor would be published as fact. Each check
returns the offending ids so a failure says exactly what to look at. PostgreSQL enforces the
foreign keys itself; SQLite only when every writer switched them on, so they are checked too.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session, aliased

from aidledger.storage.ledger import Donation, Evidence
from aidledger.storage.models import (
    Base,
    Blob,
    CrawlRun,
    FetchFailure,
    Observation,
    Page,
    Record,
    RecordVersion,
    Snapshot,
)

ROLES = ("primary", "corroborates", "part_of", "aggregate_of", "conflicts")


@dataclass
class CheckResult:
    name: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _foreign_keys(s: Session) -> list[str]:
    """Every non-null foreign key of every table points at an existing row."""
    out = []
    for table in Base.metadata.sorted_tables:
        key = next(iter(table.primary_key.columns))
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
            child, target = fk.parent, fk.column
            parent = target.table
            assert isinstance(parent, Table)
            q = (select(key, child).select_from(table).outerjoin(parent, target == child)
                 .where(child.is_not(None), target.is_(None)))
            out += [f"{table.name} {k}: {child.name} = {v!r} points at no {parent.name}"
                    for k, v in s.execute(q)]
    return out


def _snapshots_have_bodies(s: Session) -> list[str]:
    q = (select(Snapshot.id).outerjoin(Blob, Blob.sha256 == Snapshot.blob_sha256)
         .where(Blob.sha256.is_(None)))
    return [f"snapshot {i} has no stored body" for i in s.scalars(q)]


def _bodies_match_hashes(s: Session) -> list[str]:
    """A stored body is the evidence itself: it must still be the bytes that were fetched."""
    out = []
    q = select(Blob.sha256, Blob.size, Blob.compression, Blob.data).execution_options(
        yield_per=200)
    for sha, size, compression, data in s.execute(q):
        try:
            body = zlib.decompress(data) if compression == "zlib" else data
        except zlib.error as exc:
            out.append(f"blob {sha}: cannot be decompressed ({exc})")
            continue
        if hashlib.sha256(body).hexdigest() != sha or len(body) != size:
            out.append(f"blob {sha}: its bytes no longer match their hash or size")
    return out


def _records_have_snapshots(s: Session) -> list[str]:
    out = []
    for col in (Record.first_snapshot_id, Record.last_snapshot_id):
        q = (select(Record.id).outerjoin(Snapshot, Snapshot.id == col)
             .where(Snapshot.id.is_(None)))
        out += [f"record {i}: {col.key} points at no snapshot" for i in s.scalars(q)]
        q = (select(Record.id).join(Snapshot, Snapshot.id == col)
             .where(Snapshot.page_id != Record.page_id))
        out += [f"record {i}: {col.key} is a snapshot of another page" for i in s.scalars(q)]
    q = select(Record.id).outerjoin(Page, Page.id == Record.page_id).where(Page.id.is_(None))
    out += [f"record {i} has no page" for i in s.scalars(q)]
    q = (select(Record.id).outerjoin(Observation, Observation.record_id == Record.id)
         .where(Observation.id.is_(None)))
    out += [f"record {i} was never observed in a snapshot" for i in s.scalars(q)]
    q = (select(Observation.id, Record.id).join(Record, Record.id == Observation.record_id)
         .join(Snapshot, Snapshot.id == Observation.snapshot_id)
         .where(Snapshot.page_id != Record.page_id))
    out += [f"observation {o}: record {r} observed in a snapshot of another page"
            for o, r in s.execute(q)]
    return out


def _no_duplicate_identities(s: Session) -> list[str]:
    """One record per (snapshot, row, item): a composite cell's parts have different items.
    (A page or snapshot stored twice is prevented by unique constraints on both backends.)"""
    q = (select(Observation.snapshot_id, Observation.locator, Record.item, func.count())
         .join(Record, Record.id == Observation.record_id)
         .where(Record.kind != "claim")
         .group_by(Observation.snapshot_id, Observation.locator, Observation.view, Record.item)
         .having(func.count() > 1))
    return [f"snapshot {sid}: {n} records claim the {item} row at {loc}"
            for sid, loc, item, n in s.execute(q) if loc]


def _history_is_continuous(s: Session) -> list[str]:
    out = []
    v1, v2 = aliased(RecordVersion), aliased(RecordVersion)
    q = (select(v1.record_id, v1.seq).outerjoin(
        v2, (v2.record_id == v1.record_id) & (v2.seq == v1.seq - 1))
         .where(v1.seq > 1, v2.id.is_(None)))
    out += [f"record {r}: version {n} has no version {n - 1}" for r, n in s.execute(q)]
    q = (select(v1.record_id, v1.seq).join(
        v2, (v2.record_id == v1.record_id) & (v2.seq == v1.seq + 1))
         .where(v2.first_seen < v1.last_seen))
    out += [f"record {r}: version {n + 1} starts before version {n} ends" for r, n in s.execute(q)]
    q = (select(Record.id).outerjoin(RecordVersion, RecordVersion.record_id == Record.id)
         .where(RecordVersion.id.is_(None)))
    out += [f"record {i} has no version" for i in s.scalars(q)]
    q = select(Record.id).where(Record.first_seen > Record.last_seen)
    out += [f"record {i}: first seen after last seen" for i in s.scalars(q)]
    q = select(RecordVersion.record_id, RecordVersion.seq).where(
        RecordVersion.first_seen > RecordVersion.last_seen)
    out += [f"record {r}: version {n} first seen after last seen" for r, n in s.execute(q)]
    return out


def _records_show_their_latest_version(s: Session) -> list[str]:
    """A record's item, quantity and status are those of its last version."""
    last = (select(RecordVersion.record_id, func.max(RecordVersion.seq).label("seq"))
            .group_by(RecordVersion.record_id).subquery())
    v = aliased(RecordVersion)
    q = (select(Record.id, v.seq).join(last, last.c.record_id == Record.id)
         .join(v, (v.record_id == Record.id) & (v.seq == last.c.seq))
         .where(Record.item.is_distinct_from(v.item) | Record.quantity.is_distinct_from(v.quantity)
                | Record.status.is_distinct_from(v.status)))
    return [f"record {r}: item, quantity or status differ from its version {n}"
            for r, n in s.execute(q)]


def _ledger_is_consistent(s: Session) -> list[str]:
    """Each donation has one primary record, its id derives from it, every link has a role."""
    from aidledger.aggregator.reconcile import donation_id

    out = []
    primaries: dict[str, list[str]] = {}
    for don, rec in s.execute(select(Evidence.donation_id, Evidence.record_id)
                              .where(Evidence.role == "primary")):
        primaries.setdefault(don, []).append(rec)
    for (don,) in s.execute(select(Donation.id).order_by(Donation.id)):
        anchors = primaries.get(don, [])
        if len(anchors) != 1:
            out.append(f"donation {don} has {len(anchors)} primary records, not 1")
        elif donation_id(anchors[0]) != don:
            out.append(f"donation {don}: its id is not derived from its primary record "
                       f"{anchors[0]}")
    q = select(Evidence.id, Evidence.role).where(Evidence.role.not_in(ROLES))
    out += [f"evidence {i}: unknown role {role!r}" for i, role in s.execute(q)]
    return out


def _runs_keep_their_failures(s: Session) -> list[str]:
    """A finished crawl that counted N failed fetches has N fetch_failure rows: none lost.
    (A run killed before it finished has no counts to compare.)"""
    stored = (select(FetchFailure.run_id, func.count().label("n"))
              .group_by(FetchFailure.run_id).subquery())
    q = (select(CrawlRun.id, CrawlRun.pages_failed, func.coalesce(stored.c.n, 0))
         .outerjoin(stored, stored.c.run_id == CrawlRun.id)
         .where(CrawlRun.command == "crawl", CrawlRun.finished_at.is_not(None),
                CrawlRun.outcome != "interrupted",
                CrawlRun.pages_failed != func.coalesce(stored.c.n, 0)))
    return [f"crawl run {r}: counted {counted} failed fetches, {n} stored"
            for r, counted, n in s.execute(q)]


CHECKS: dict[str, Callable[[Session], list[str]]] = {
    "every foreign key points at a row": _foreign_keys,
    "every snapshot has its stored body": _snapshots_have_bodies,
    "every stored body matches its hash": _bodies_match_hashes,
    "every record has its page and snapshots": _records_have_snapshots,
    "no duplicate identities": _no_duplicate_identities,
    "history is continuous": _history_is_continuous,
    "records show their latest version": _records_show_their_latest_version,
    "the ledger is consistent": _ledger_is_consistent,
    "every failed fetch of a run is stored": _runs_keep_their_failures,
}


def check_store(s: Session) -> list[CheckResult]:
    return list(iter_checks(s))


def iter_checks(s: Session) -> Iterator[CheckResult]:
    """The checks one by one, so a command can print each as it finishes on a large store."""
    for name, fn in CHECKS.items():
        yield CheckResult(name, fn(s))
