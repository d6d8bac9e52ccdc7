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
from functools import lru_cache
from typing import Any

from sqlalchemy import select
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


def _who(r: Any) -> tuple[str, ...]:
    names = [*_get(r, "donors"), *(x.get("org") or "" for x in _get(r, "recipients"))]
    return tuple(sorted(re.sub(r"\W+", "", fold(n)) for n in names if n))


def _block(r: Any) -> str:
    return re.sub(r"\W+", "", fold(_get(r, "block") or ""))


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


def _new_id(session: Session, page: Page, row: Row) -> str:
    basis = "|".join(map(str, (page.url, row["kind"], sorted(_places(row)), row.get("item"),
                               row.get("quantity"), _who(row), row.get("date"))))
    for n in range(1000):
        rid = "rec_" + hashlib.sha1(f"{basis}|{n}".encode()).hexdigest()[:16]
        if session.get(Record, rid) is None:
            return rid
    raise RuntimeError("record id space exhausted")  # pragma: no cover


def _start_version(session: Session, rec: Record, row: Row, snap: Snapshot, seq: int) -> None:
    session.add(RecordVersion(
        record_id=rec.id, seq=seq, first_seen=snap.fetched_at, last_seen=snap.fetched_at,
        first_snapshot_id=snap.id, last_snapshot_id=snap.id,
        **{k: row.get(k) for k in VERSIONED if k in row},
    ))


def _extra(row: Row) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in CURRENT and k not in ("kind", "document")}


def track(session: Session, page: Page, snap: Snapshot, rows: Iterable[Row]) -> TrackResult:
    """Apply one snapshot's parsed rows (contract dicts) to the page's records."""
    result = TrackResult()
    rows = list(rows)
    known_all = list(session.scalars(select(Record).where(Record.page_id == page.id)
                                     .order_by(Record.first_seen, Record.id)))
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_kind[row["kind"]].append(i)
    touched: set[str] = set()
    for kind in sorted(set(by_kind) | {r.kind for r in known_all}):
        kind_rows = [rows[i] for i in by_kind.get(kind, [])]
        known = [r for r in known_all if r.kind == kind]
        paired, new = match(known, kind_rows, kind)
        for i, rec in paired.items():
            _update(session, rec, kind_rows[i], snap, result)
            touched.add(rec.id)
        for i in new:
            rec = _create(session, page, kind_rows[i], snap)
            result.added.append(rec.id)
            touched.add(rec.id)
        for rec in known:
            live = rec.gone_since is None and rec.last_seen <= snap.fetched_at
            if rec.id not in touched and live:
                rec.gone_since = snap.fetched_at
                result.gone.append(rec.id)
    session.flush()
    return result


def _create(session: Session, page: Page, row: Row, snap: Snapshot) -> Record:
    rec = Record(id=_new_id(session, page, row), page_id=page.id, kind=row["kind"],
                 first_seen=snap.fetched_at, last_seen=snap.fetched_at, gone_since=None,
                 first_snapshot_id=snap.id, last_snapshot_id=snap.id, data=_extra(row),
                 **{k: row.get(k) for k in CURRENT})
    session.add(rec)
    session.flush()
    _start_version(session, rec, row, snap, 1)
    _observe(session, rec, row, snap)
    return rec


def _update(session: Session, rec: Record, row: Row, snap: Snapshot, result: TrackResult) -> None:
    last = session.scalar(select(RecordVersion).where(RecordVersion.record_id == rec.id)
                          .order_by(RecordVersion.seq.desc()).limit(1))
    if last is None or version_key(last) != version_key(row) or rec.gone_since is not None:
        _start_version(session, rec, row, snap, (last.seq if last else 0) + 1)
        result.changed.append(rec.id)
    else:
        last.last_seen, last.last_snapshot_id = snap.fetched_at, snap.id
        for k in ("recipients", "block", "item_label", "status_parts"):
            setattr(last, k, row.get(k))
        # a Donors column renamed Recipient leaves the donors unnamed, not gone
        last.donors = list(dict.fromkeys([*(last.donors or []), *(row.get("donors") or [])]))
        result.seen.append(rec.id)
    for k in CURRENT:
        setattr(rec, k, row.get(k))
    rec.data = _extra(row)
    rec.last_seen, rec.last_snapshot_id, rec.gone_since = snap.fetched_at, snap.id, None
    _observe(session, rec, row, snap)


def _observe(session: Session, rec: Record, row: Row, snap: Snapshot) -> None:
    session.add(Observation(snapshot_id=snap.id, record_id=rec.id, locator=row.get("locator"),
                            view=row.get("view"), raw=row.get("raw") or {},
                            quantity=row.get("quantity"), status=row.get("status")))
