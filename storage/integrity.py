"""`aidledger db check`: the invariants the store promises, checked with plain queries.

Each check returns the offending ids so a failure says exactly what to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from aidledger.storage.models import (
    Blob,
    Observation,
    Page,
    Record,
    RecordVersion,
    Snapshot,
)


@dataclass
class CheckResult:
    name: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _snapshots_have_bodies(s: Session) -> list[str]:
    q = (select(Snapshot.id).outerjoin(Blob, Blob.sha256 == Snapshot.blob_sha256)
         .where(Blob.sha256.is_(None)))
    return [f"snapshot {i} has no stored body" for i in s.scalars(q)]


def _records_have_snapshots(s: Session) -> list[str]:
    out = []
    for col in (Record.first_snapshot_id, Record.last_snapshot_id):
        q = (select(Record.id).outerjoin(Snapshot, Snapshot.id == col)
             .where(Snapshot.id.is_(None)))
        out += [f"record {i}: {col.key} points at no snapshot" for i in s.scalars(q)]
    q = select(Record.id).outerjoin(Page, Page.id == Record.page_id).where(Page.id.is_(None))
    out += [f"record {i} has no page" for i in s.scalars(q)]
    q = (select(Record.id).outerjoin(Observation, Observation.record_id == Record.id)
         .where(Observation.id.is_(None)))
    out += [f"record {i} was never observed in a snapshot" for i in s.scalars(q)]
    return out


def _no_duplicate_identities(s: Session) -> list[str]:
    """One record per (snapshot, row, item): a composite cell's parts have different items."""
    q = (select(Observation.snapshot_id, Observation.locator, Record.item, func.count())
         .join(Record, Record.id == Observation.record_id)
         .where(Record.kind != "claim")
         .group_by(Observation.snapshot_id, Observation.locator, Observation.view, Record.item)
         .having(func.count() > 1))
    out = [f"snapshot {sid}: {n} records claim the {item} row at {loc}"
           for sid, loc, item, n in s.execute(q) if loc]
    q2 = (select(Snapshot.page_id, Snapshot.blob_sha256, Snapshot.fetched_at, func.count())
          .group_by(Snapshot.page_id, Snapshot.blob_sha256, Snapshot.fetched_at)
          .having(func.count() > 1))
    out += [f"page {p}: snapshot stored {n} times at {t}" for p, _b, t, n in s.execute(q2)]
    return out


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
    return out


CHECKS: dict[str, Callable[[Session], list[str]]] = {
    "every snapshot has its stored body": _snapshots_have_bodies,
    "every record has its page and snapshots": _records_have_snapshots,
    "no duplicate identities": _no_duplicate_identities,
    "history is continuous": _history_is_continuous,
}


def check_store(s: Session) -> list[CheckResult]:
    return [CheckResult(name, fn(s)) for name, fn in CHECKS.items()]
