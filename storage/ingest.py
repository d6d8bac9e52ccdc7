"""Fetched page in, stored snapshot and tracked records out: the one write path.

Crawls, `aidledger ingest` and archive imports all come through here, so every page is stored
(committed) before it is parsed, and a parser failure leaves the snapshot and a stored error.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from aidledger.parsers.page import ParsedPage, parse_page
from aidledger.storage.history import TrackResult, track
from aidledger.storage.models import (
    Observation,
    Page,
    PageConflict,
    Record,
    RecordVersion,
    Snapshot,
)
from aidledger.storage.pages import FetchedPage, seen_unchanged, snapshot_body, store_fetch

log = logging.getLogger(__name__)


@dataclass
class IngestOutcome:
    url: str
    snapshot_id: int
    changed: bool
    parsed: bool = False
    records: int = 0
    added: int = 0
    changed_records: int = 0
    gone: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    def tally(self, counts: dict[str, int]) -> None:
        """Add this page to a run's counts (the keys storage.runs.finish_run reads)."""
        for key, value in (("pages", 1), ("unchanged", not self.changed),
                           ("parse_errors", self.error is not None), ("records", self.records),
                           ("added", self.added), ("changed", self.changed_records),
                           ("gone", self.gone)):
            counts[key] = counts.get(key, 0) + int(value)


def ingest(sessions: sessionmaker[Session], fetched: FetchedPage) -> IngestOutcome:
    """Store then parse one fetch. Unchanged content is not parsed again."""
    with sessions.begin() as s:
        stored = store_fetch(s, fetched)
    outcome = IngestOutcome(fetched.url, stored.snapshot_id, stored.changed)
    if not stored.changed:
        return _unchanged(sessions, outcome)
    try:
        with sessions.begin() as s:
            if stored.out_of_order:
                log.info("%s: older fetch arrived late; rebuilding the page's history", fetched.url)
                _rebuild_page(s, stored.page_id, outcome)
            else:
                snap = s.get(Snapshot, stored.snapshot_id)
                assert snap is not None
                _parse_and_track(s, snap, fetched.body, outcome)
    except Exception as exc:  # a parser bug must not lose the page or stop the crawl
        outcome.error = f"{type(exc).__name__}: {exc}"
        log.error("%s: parsing failed, page kept: %s", fetched.url, outcome.error)
        log.debug("%s", traceback.format_exc())
        with sessions.begin() as s:
            snap = s.get(Snapshot, stored.snapshot_id)
            if snap is not None:
                snap.parse_error = outcome.error
                snap.parsed_at = datetime.now(UTC)
    return outcome


def _unchanged(sessions: sessionmaker[Session], outcome: IngestOutcome) -> IngestOutcome:
    """Not parsed again, but still counted as showing its records (monitors compare runs)."""
    with sessions() as s:
        snap = s.get(Snapshot, outcome.snapshot_id)
        outcome.records = snap.n_records if snap else 0
    return outcome


def not_modified(sessions: sessionmaker[Session], url: str, when: datetime) -> IngestOutcome:
    """A 304 answer to a conditional request: one request, no body, no parse."""
    with sessions.begin() as s:
        stored = seen_unchanged(s, url, when)
    if stored is None:
        return IngestOutcome(url, 0, changed=False, error="304 for a page never stored")
    return _unchanged(sessions, IngestOutcome(url, stored.snapshot_id, changed=False))


def _parse_and_track(s: Session, snap: Snapshot, body: bytes, outcome: IngestOutcome) -> None:
    page = s.get(Page, snap.page_id)
    assert page is not None
    parsed = parse_page(body, url=page.url, fetched_at=snap.fetched_at,
                        kind=snap.kind or page.kind, content_type=snap.content_type)
    _store_parse(s, page, snap, parsed)
    for w in parsed.warnings:
        log.warning("%s: %s", page.url, w)
    result = track(s, page, snap, parsed.records)
    _record_conflicts(s, snap, parsed, result)
    outcome.parsed = True
    outcome.records += len(parsed.records)
    outcome.added += len(result.added)
    outcome.changed_records += len(result.changed)
    outcome.gone += len(result.gone)
    outcome.warnings.extend(parsed.warnings)


def _store_parse(s: Session, page: Page, snap: Snapshot, parsed: ParsedPage) -> None:
    snap.kind = parsed.kind or snap.kind
    page.kind = page.kind or parsed.kind
    snap.parser_version = parsed.parser_version
    snap.parsed_at = datetime.now(UTC)
    snap.parse_error = None
    snap.parse_warnings = list(parsed.warnings)
    snap.n_records = len(parsed.records)
    snap.meta = {**(snap.meta or {}), "parsed": _jsonable(parsed.meta)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _record_conflicts(s: Session, snap: Snapshot, parsed: ParsedPage, result: TrackResult) -> None:
    for c in parsed.conflicts:
        s.add(PageConflict(snapshot_id=snap.id, detail=_jsonable(c)))


def _rebuild_page(s: Session, page_id: int, outcome: IngestOutcome) -> None:
    """Re-derive a page's records from all its snapshots in time order (ids are reproducible)."""
    rec_ids = select(Record.id).where(Record.page_id == page_id)
    snap_ids = select(Snapshot.id).where(Snapshot.page_id == page_id)
    s.execute(delete(Observation).where(Observation.record_id.in_(rec_ids)))
    s.execute(delete(RecordVersion).where(RecordVersion.record_id.in_(rec_ids)))
    s.execute(delete(PageConflict).where(PageConflict.snapshot_id.in_(snap_ids)))
    s.execute(delete(Record).where(Record.page_id == page_id))
    s.flush()
    for snap in s.scalars(select(Snapshot).where(Snapshot.page_id == page_id)
                          .order_by(Snapshot.fetched_at)):
        _parse_and_track(s, snap, snapshot_body(s, snap), outcome)


def reparse(sessions: sessionmaker[Session], url: str | None = None) -> list[IngestOutcome]:
    """Re-run the current parsers over stored snapshots (all pages, or one URL)."""
    with sessions() as s:
        q = select(Page.id, Page.url)
        if url:
            q = q.where(Page.url == url)
        pages = list(s.execute(q))
    outcomes = []
    for page_id, page_url in pages:
        with sessions.begin() as s:
            outcome = IngestOutcome(page_url, 0, changed=True)
            _rebuild_page(s, page_id, outcome)
            outcomes.append(outcome)
    return outcomes
