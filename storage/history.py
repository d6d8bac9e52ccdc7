"""Following records across the snapshots of one page: identity, versions, gone and back.

A page's rows move, get renamed columns, renamed blocks, corrected cells and new layouts, so a
row's identity cannot be its position or its text. Each new snapshot's rows are matched to the
page's known records in stages, strictest first; what matches nothing is new, and a known record
that matches nothing is marked gone (never deleted).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aidledger.parsers.lexicon import fold, lookup_place
from aidledger.storage.models import Observation, Page, Record, RecordVersion, Snapshot

Row = dict[str, Any]
Key = Callable[[Any], Hashable]


def _recipient_places(r: Any) -> frozenset[str]:
    recips = _get(r, "recipients") or []
    return frozenset(
        x["code"] for x in recips if x.get("code") and not x["code"].startswith("org:")
    )


@lru_cache(maxsize=4096)
def _block_places_of(block: str) -> frozenset[str]:
    parts = re.split(r",|，|;|\band\b|\n", block)
    return frozenset(p.code for p in map(lookup_place, parts) if p is not None)


def _places(r: Any) -> frozenset[str]:
    """Where a row goes, for identity: the places its block names (so "Iran" and "Islamic
    Republic of Iran" agree, and a new "Europe" block is not mistaken for its old "Belgium"
    rows), else the places of its recipients (claims, blocks that name no place)."""
    block = _get(r, "block")
    codes = _block_places_of(block) if block and _get(r, "kind") != "claim" else frozenset()
    return codes or _recipient_places(r)


def _get(r: Any, name: str) -> Any:
    return r.get(name) if isinstance(r, dict) else getattr(r, name)


@lru_cache(maxsize=65536)
def _bare(text: str) -> str:
    """Folded, word characters only (names and blocks recur on every page of a site)."""
    return re.sub(r"\W+", "", fold(text))


def _who(r: Any) -> tuple[str, ...]:
    names = [*_get(r, "donors"), *(x.get("org") or "" for x in _get(r, "recipients"))]
    return tuple(sorted(_bare(n) for n in names if n))


def _block(r: Any) -> str:
    return _bare(_get(r, "block") or "")


# Matching stages per record kind, strictest first. A stage pairs rows and records that share
# its key; the later stages let a corrected item, a corrected quantity or a renamed block through.
STAGES: dict[str, list[Key]] = {
    "table_row": [
        lambda r: (_places(r), _get(r, "item"), _get(r, "quantity"), _who(r)),
        lambda r: (_places(r), _get(r, "item"), _get(r, "quantity")),
        lambda r: (_places(r), _get(r, "item"), _who(r)),
        lambda r: (_places(r), _get(r, "item")),
        lambda r: (_places(r), _get(r, "quantity")),
        lambda r: (_block(r), _get(r, "item")),
    ],
    "event": [
        lambda r: (_get(r, "date"), _block(r)),
        lambda r: (_get(r, "date"),),
    ],
    "claim": [
        lambda r: (_places(r), _get(r, "item"), _get(r, "quantity"), tuple(_get(r, "donors"))),
        lambda r: (_places(r), _get(r, "item"), tuple(_get(r, "donors"))),
        lambda r: (_get(r, "item"), _get(r, "quantity"), tuple(_get(r, "donors"))),
    ],
}


def match(known: list[Record], rows: list[Row], kind: str) -> tuple[dict[int, Record], list[int]]:
    """Pair rows (by index) with known records; live records before gone ones, in order."""
    paired: dict[int, Record] = {}
    pools = [[r for r in known if r.gone_since is None], [r for r in known if r.gone_since]]
    for pool in pools:
        free = list(pool)
        for stage in STAGES.get(kind, STAGES["table_row"]):
            if not free:  # nothing left to pair with: skip computing the rows' keys
                break
            by_key: dict[Hashable, list[Record]] = defaultdict(list)
            for rec in free:
                by_key[stage(rec)].append(rec)
            for i, row in enumerate(rows):
                if i in paired:
                    continue
                bucket = by_key.get(stage(row))
                if bucket:
                    paired[i] = bucket.pop(0)
            taken = {id(r) for r in paired.values()}
            free = [r for r in free if id(r) not in taken]
    return paired, [i for i in range(len(rows)) if i not in paired]


def version_key(r: Any) -> tuple[Any, ...]:
    """What makes a new version: item, quantity or status really changed (not spacing)."""
    label = re.sub(r"[\W_]+", "", fold(_get(r, "status_label") or ""))
    return (_get(r, "item"), _get(r, "quantity"), _get(r, "status"), label)


@dataclass
class TrackResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)


VERSIONED = ("item", "item_label", "quantity", "status", "status_label", "block", "donors",
             "recipients", "status_parts")
CURRENT = (*VERSIONED, "quantity_each", "date", "raw", "locator")
LISTS = ("donors", "recipients", "status_parts")


class Pending:
    """New records, versions and observations of a batch, inserted together (Core executemany:
    an order of magnitude faster than the ORM's unit of work for rows nothing reads back)."""

    def __init__(self) -> None:
        self.records: list[Row] = []
        self.versions: list[Row] = []
        self.observations: list[Row] = []

    def flush(self, session: Session) -> None:
        conn = session.connection()
        for model, rows in ((Record, self.records), (RecordVersion, self.versions),
                            (Observation, self.observations)):
            if rows:  # records first: versions and observations point at them
                conn.execute(model.__table__.insert(), rows)
                rows.clear()


def _new_id(taken: set[str], page: Page, row: Row) -> str:
    """A hash of the first sighting; the page URL is part of it, so only this page's records
    can collide, and those are all in `taken` (the page is locked while it is tracked)."""
    basis = "|".join(map(str, (page.url, row["kind"], sorted(_places(row)), row.get("item"),
                               row.get("quantity"), _who(row), row.get("date"))))
    for n in range(1000):
        rid = "rec_" + hashlib.sha1(f"{basis}|{n}".encode()).hexdigest()[:16]
        if rid not in taken:
            taken.add(rid)
            return rid
    raise RuntimeError("record id space exhausted")  # pragma: no cover


def _version(rec_id: str, row: Row, snap: Snapshot, seq: int) -> Row:
    return {"record_id": rec_id, "seq": seq, "first_seen": snap.fetched_at,
            "last_seen": _seen(snap), "first_snapshot_id": snap.id, "last_snapshot_id": snap.id,
            **_values(row, VERSIONED)}


def _values(row: Row, keys: tuple[str, ...]) -> Row:
    """The row's value of each key (every insert of a batch needs the same keys)."""
    return {k: row.get(k, [] if k in LISTS else None) for k in keys}


def _seen(snap: Snapshot) -> datetime:
    """Until when a snapshot's content was seen (it may have been seen again before parsing)."""
    return max(snap.fetched_at, snap.last_seen or snap.fetched_at)


def _extra(row: Row) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in CURRENT and k not in ("kind", "document")}


def _latest_versions(session: Session, page: Page) -> dict[str, RecordVersion]:
    top = (select(RecordVersion.record_id, func.max(RecordVersion.seq).label("seq"))
           .join(Record, Record.id == RecordVersion.record_id)
           .where(Record.page_id == page.id).group_by(RecordVersion.record_id).subquery())
    q = select(RecordVersion).join(top, (RecordVersion.record_id == top.c.record_id)
                                   & (RecordVersion.seq == top.c.seq))
    return {v.record_id: v for v in session.scalars(q)}


def track(session: Session, page: Page, snap: Snapshot, rows: Iterable[Row],
          pending: Pending | None = None, known: list[Record] | None = None) -> TrackResult:
    """Apply one snapshot's parsed rows (contract dicts) to the page's records (`known`, when
    the caller has them). New rows go to `pending` (the caller flushes it before this page is
    tracked again); without it, now."""
    own = pending is None
    pending = pending or Pending()
    result = TrackResult()
    rows = list(rows)
    known_all = known if known is not None else list(session.scalars(
        select(Record).where(Record.page_id == page.id).order_by(Record.first_seen, Record.id)))
    versions = _latest_versions(session, page) if known_all else {}
    taken = {r.id for r in known_all}
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_kind[row["kind"]].append(i)
    touched: set[str] = set()
    for kind in sorted(set(by_kind) | {r.kind for r in known_all}):
        kind_rows = [rows[i] for i in by_kind.get(kind, [])]
        known = [r for r in known_all if r.kind == kind]
        paired, new = match(known, kind_rows, kind)
        for i, rec in paired.items():
            _update(rec, versions.get(rec.id), kind_rows[i], snap, result, pending)
            touched.add(rec.id)
        for i in new:
            rec_id = _create(taken, page, kind_rows[i], snap, pending)
            result.added.append(rec_id)
            touched.add(rec_id)
        for rec in known:
            live = rec.gone_since is None and rec.last_seen <= snap.fetched_at
            if rec.id not in touched and live:
                rec.gone_since = snap.fetched_at
                result.gone.append(rec.id)
    if own:
        session.flush()
        pending.flush(session)
    return result


def _create(taken: set[str], page: Page, row: Row, snap: Snapshot, pending: Pending) -> str:
    rec_id = _new_id(taken, page, row)
    pending.records.append({
        "id": rec_id, "page_id": page.id, "kind": row["kind"], "first_seen": snap.fetched_at,
        "last_seen": _seen(snap), "gone_since": None, "first_snapshot_id": snap.id,
        "last_snapshot_id": snap.id, "data": _extra(row), **_values(row, CURRENT)})
    pending.versions.append(_version(rec_id, row, snap, 1))
    _observe(rec_id, row, snap, pending)
    return rec_id


def _update(rec: Record, last: RecordVersion | None, row: Row, snap: Snapshot,
            result: TrackResult, pending: Pending) -> None:
    if last is None or version_key(last) != version_key(row) or rec.gone_since is not None:
        pending.versions.append(_version(rec.id, row, snap, (last.seq if last else 0) + 1))
        result.changed.append(rec.id)
    else:
        last.last_seen, last.last_snapshot_id = _seen(snap), snap.id
        for k in ("recipients", "block", "item_label", "status_parts"):
            setattr(last, k, row.get(k))
        # a Donors column renamed Recipient leaves the donors unnamed, not gone
        last.donors = list(dict.fromkeys([*(last.donors or []), *(row.get("donors") or [])]))
        result.seen.append(rec.id)
    for k in CURRENT:
        setattr(rec, k, row.get(k))
    rec.data = _extra(row)
    rec.last_seen, rec.last_snapshot_id, rec.gone_since = _seen(snap), snap.id, None
    _observe(rec.id, row, snap, pending)


def _observe(rec_id: str, row: Row, snap: Snapshot, pending: Pending) -> None:
    pending.observations.append({
        "snapshot_id": snap.id, "record_id": rec_id, "locator": row.get("locator"),
        "view": row.get("view"), "raw": row.get("raw") or {}, "quantity": row.get("quantity"),
        "status": row.get("status")})
