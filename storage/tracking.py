"""The parse-and-track step of the write path: stored snapshots in, tracked records out.

Bodies are parsed by the pure parsers outside any transaction; then one transaction locks the
batch's pages and tracks every parsed page (storage.history). A snapshot parsed meanwhile by
another writer is skipped; one older than a snapshot already parsed rebuilds its page's history;
a parser failure is stored with the snapshot; if tracking fails, the batch is redone page by page
so one bad page cannot cost the others.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from aidledger.errors import StoreError
from aidledger.parsers.page import ParsedPage, parse_page
from aidledger.storage.history import Pending, track
from aidledger.storage.models import (
    Observation,
    Page,
    PageConflict,
    Record,
    RecordVersion,
    Snapshot,
)
from aidledger.storage.pages import StoredSnapshot, snapshot_body
from aidledger.storage.writes import begin_writing, lock_pages, retrying

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
    failed: bool = False  # a fetch failure, stored as such
    status: int | None = None

    def tally(self, counts: dict[str, int]) -> None:
        """Add this fetch to a run's counts (the keys storage.runs.finish_run reads)."""
        if self.failed:
            pairs: tuple[tuple[str, Any], ...] = (("failed", 1),
                                                  ("banned", self.status in (403, 429)))
        else:
            pairs = (("pages", 1), ("unchanged", not self.changed),
                     ("parse_errors", self.error is not None), ("records", self.records),
                     ("added", self.added), ("changed", self.changed_records), ("gone", self.gone))
        for key, value in pairs:
            counts[key] = counts.get(key, 0) + int(value)


@dataclass
class Job:
    """A stored snapshot to parse and track."""

    outcome: IngestOutcome
    stored: StoredSnapshot
    url: str
    body: bytes | None  # None: read it (and the two below) from the store
    fetched_at: datetime | None = None
    content_type: str | None = None
    parsed: ParsedPage | None = None
    error: str | None = None


def _parse(sessions: sessionmaker[Session], jobs: list[Job]) -> None:
    """Run the pure parsers over the jobs' bodies (outside any transaction)."""
    missing = [j for j in jobs if j.body is None and not j.stored.out_of_order]
    if missing:
        with sessions() as s:
            for j in missing:
                snap = s.get(Snapshot, j.stored.snapshot_id)
                if snap is not None:
                    j.body, j.fetched_at = snapshot_body(s, snap), snap.fetched_at
                    j.content_type = snap.content_type
    for j in jobs:
        if j.stored.out_of_order or j.body is None:
            continue  # out of order: its page is rebuilt from all its snapshots
        try:
            j.parsed = parse_page(j.body, url=j.url, fetched_at=j.fetched_at,
                                  kind=j.stored.kind, content_type=j.content_type)
        except Exception as exc:  # a parser bug must not lose the page or stop the crawl
            j.error = f"{type(exc).__name__}: {exc}"
            log.error("%s: parsing failed, page kept: %s", j.url, j.error)
            log.debug("%s", traceback.format_exc())


def track_jobs(sessions: sessionmaker[Session], jobs: list[Job]) -> None:
    """Parse, then track every job in one transaction; on a failure, one transaction each."""
    if not jobs:
        return
    _parse(sessions, jobs)

    def run(batch: list[Job]) -> None:
        with sessions.begin() as s:
            _track(s, batch)

    try:
        retrying(lambda: run(jobs))
    except (OperationalError, StoreError):
        raise  # the store failed (gone, full), not the pages: kept unparsed for the next run
    except Exception as exc:
        if len(jobs) == 1:
            _failed(sessions, jobs[0], exc)
            return
        log.warning("tracking a batch of %d pages failed (%s); redoing them one by one",
                    len(jobs), exc)
        for job in jobs:
            job.outcome.parsed, job.outcome.records = False, 0
            try:
                retrying(lambda job=job: run([job]))
            except (OperationalError, StoreError):
                raise
            except Exception as one:  # noqa: BLE001 - stored with the page, crawl goes on
                _failed(sessions, job, one)


def _failed(sessions: sessionmaker[Session], job: Job, exc: BaseException) -> None:
    job.outcome.error = f"{type(exc).__name__}: {exc}"[:2000]
    job.outcome.parsed = False
    log.error("%s: tracking failed, page kept: %s", job.url, job.outcome.error)
    log.debug("%s", traceback.format_exc())
    with sessions.begin() as s:
        snap = s.get(Snapshot, job.stored.snapshot_id)
        if snap is not None:
            snap.parse_error, snap.parsed_at = job.outcome.error, datetime.now(UTC)


def _track(s: Session, jobs: list[Job]) -> None:
    begin_writing(s)
    pages = {p.id: p for p in lock_pages(s, sorted({j.url for j in jobs})).values()}
    ids = [j.stored.snapshot_id for j in jobs]
    snaps = {x.id: x for x in s.scalars(select(Snapshot).where(Snapshot.id.in_(ids)))}
    newest = dict(s.execute(select(Snapshot.page_id, func.max(Snapshot.fetched_at))
                            .where(Snapshot.page_id.in_(pages), Snapshot.parsed_at.is_not(None))
                            .group_by(Snapshot.page_id)).all())
    pending, touched = Pending(), set()
    with s.no_autoflush:  # one flush at the end: the ORM then batches its updates
        for job in sorted(jobs, key=lambda j: (j.url, snaps[j.stored.snapshot_id].fetched_at)):
            snap = snaps[job.stored.snapshot_id]
            _one(s, job, snap, pages[snap.page_id], newest, pending, touched)
            touched.add(snap.page_id)
            newest[snap.page_id] = max(newest.get(snap.page_id, snap.fetched_at),
                                       snap.fetched_at)
    s.flush()
    pending.flush(s)


def _one(s: Session, job: Job, snap: Snapshot, page: Page, newest: dict[int, datetime],
         pending: Pending, touched: set[int]) -> None:
    out = job.outcome
    if snap.parsed_at is not None:  # parsed meanwhile (another writer, an earlier try)
        out.records = snap.n_records
    elif job.error is not None:
        snap.parse_error, snap.parsed_at, out.error = job.error, datetime.now(UTC), job.error
    elif job.parsed is None or snap.fetched_at < newest.get(page.id, snap.fetched_at):
        log.info("%s: older fetch arrived late; rebuilding the page's history", page.url)
        pending.flush(s)
        rebuild_page(s, page.id, out)
    else:
        if page.id in touched:  # its records from earlier in the batch must be visible
            s.flush()
            pending.flush(s)
        # no snapshot of the page parsed yet: it has no records, no need to look them up
        known = [] if page.id not in newest else None
        _apply(s, page, snap, job.parsed, out, pending, known)


def _apply(s: Session, page: Page, snap: Snapshot, parsed: ParsedPage, outcome: IngestOutcome,
           pending: Pending | None = None, known: list[Record] | None = None) -> None:
    _store_parse(page, snap, parsed)
    for w in parsed.warnings:
        log.warning("%s: %s", page.url, w)
    result = track(s, page, snap, parsed.records, pending, known)
    for c in parsed.conflicts:
        s.add(PageConflict(snapshot_id=snap.id, detail=_jsonable(c)))
    outcome.parsed = True
    outcome.records += len(parsed.records)
    outcome.added += len(result.added)
    outcome.changed_records += len(result.changed)
    outcome.gone += len(result.gone)
    outcome.warnings.extend(parsed.warnings)
    outcome.error = parsed.error or outcome.error


def _store_parse(page: Page, snap: Snapshot, parsed: ParsedPage) -> None:
    snap.kind = parsed.kind or snap.kind
    page.kind = page.kind or parsed.kind
    snap.parser_version = parsed.parser_version
    snap.parsed_at = datetime.now(UTC)
    snap.parse_error = parsed.error  # None unless a parser caught a bug in itself
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


def rebuild_page(s: Session, page_id: int, outcome: IngestOutcome) -> None:
    """Re-derive a page's records from all its snapshots in time order (ids are reproducible)."""
    rec_ids = select(Record.id).where(Record.page_id == page_id)
    snap_ids = select(Snapshot.id).where(Snapshot.page_id == page_id)
    s.flush()
    s.execute(delete(Observation).where(Observation.record_id.in_(rec_ids)))
    s.execute(delete(RecordVersion).where(RecordVersion.record_id.in_(rec_ids)))
    s.execute(delete(PageConflict).where(PageConflict.snapshot_id.in_(snap_ids)))
    s.execute(delete(Record).where(Record.page_id == page_id))
    s.expire_all()
    page = s.get(Page, page_id)
    assert page is not None
    for snap in s.scalars(select(Snapshot).where(Snapshot.page_id == page_id)
                          .order_by(Snapshot.fetched_at)):
        try:
            parsed = parse_page(snapshot_body(s, snap), url=page.url, fetched_at=snap.fetched_at,
                                kind=snap.kind or page.kind, content_type=snap.content_type)
        except Exception as exc:  # noqa: BLE001 - one bad snapshot keeps its error, others go on
            snap.parse_error, snap.parsed_at = f"{type(exc).__name__}: {exc}", datetime.now(UTC)
            continue
        _apply(s, page, snap, parsed, outcome)


