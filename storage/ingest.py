"""Fetches in, stored snapshots and tracked records out: the one write path.

Crawls, `aidledger ingest` and archive imports all come through here, a batch at a time: one
transaction stores every fetch of the batch (storage.pages) and commits, so every page is stored
before it is parsed; then the new bodies are parsed and their records tracked
(storage.tracking). Every step is safe to run from several processes at once and to repeat
(storage.writes).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from aidledger.storage.models import Page, Snapshot
from aidledger.storage.pages import (
    Fetch,
    FetchedPage,
    FetchFailed,
    NotModified,
    StoredSnapshot,
    kept_headers,
    store_batch,
)
from aidledger.storage.tracking import IngestOutcome, Job, rebuild_page, track_jobs
from aidledger.storage.writes import begin_writing, lock_pages, retrying

__all__ = ["IngestOutcome", "ingest", "not_modified", "parse_unparsed", "reparse", "write_batch"]


def write_batch(sessions: sessionmaker[Session], fetches: Sequence[Fetch],
                run_id: int | None = None) -> list[IngestOutcome]:
    """Store, then parse, then track a batch of fetches; one outcome per fetch, in order."""
    def store() -> list[StoredSnapshot | str | None]:
        with sessions.begin() as s:
            return store_batch(s, fetches, run_id)

    stored = retrying(store)
    outcomes, jobs = [], []
    for f, st in zip(fetches, stored, strict=True):
        if isinstance(f, FetchFailed):
            outcomes.append(IngestOutcome(f.url, 0, False, failed=True, status=f.status))
        elif not isinstance(st, StoredSnapshot):
            outcomes.append(IngestOutcome(f.url, 0, False, error=st or "not stored"))
        else:
            out = IngestOutcome(f.url, st.snapshot_id, st.changed)
            outcomes.append(out)
            if isinstance(f, FetchedPage) and st.changed:
                jobs.append(Job(out, st, f.url, f.body, f.fetched_at,
                                 kept_headers(f.headers).get("content-type")))
            elif st.unparsed:  # stored by a crawl that was killed before it parsed
                jobs.append(Job(out, st, f.url, None))
    track_jobs(sessions, jobs)
    _count_unchanged(sessions, [o for o in outcomes if not o.changed and not o.parsed
                                and o.snapshot_id and o.error is None])
    return outcomes


def ingest(sessions: sessionmaker[Session], fetched: FetchedPage) -> IngestOutcome:
    """Store then parse one fetch. Unchanged content is not parsed again."""
    return write_batch(sessions, [fetched])[0]


def not_modified(sessions: sessionmaker[Session], url: str, when: datetime) -> IngestOutcome:
    """A 304 answer to a conditional request: one request, no body, no parse."""
    return write_batch(sessions, [NotModified(url, when)])[0]


def _count_unchanged(sessions: sessionmaker[Session], outcomes: list[IngestOutcome]) -> None:
    """Not parsed again, but still counted as showing its records (monitors compare runs)."""
    if not outcomes:
        return
    with sessions() as s:
        n = dict(s.execute(select(Snapshot.id, Snapshot.n_records).where(
            Snapshot.id.in_({o.snapshot_id for o in outcomes}))).all())
    for o in outcomes:
        o.records = n.get(o.snapshot_id, 0)


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
            begin_writing(s)
            lock_pages(s, [page_url])
            outcome = IngestOutcome(page_url, 0, changed=True)
            rebuild_page(s, page_id, outcome)
            outcomes.append(outcome)
    return outcomes


def parse_unparsed(sessions: sessionmaker[Session], limit: int = 100) -> list[IngestOutcome]:
    """Parse snapshots that were stored but never parsed (a writer killed between its two
    transactions); safe while other writers run: what they parse first is skipped here."""
    outcomes: list[IngestOutcome] = []
    after = 0
    while True:
        with sessions() as s:
            rows = s.execute(select(Snapshot.id, Snapshot.page_id, Page.url, Page.kind)
                             .join(Page, Page.id == Snapshot.page_id)
                             .where(Snapshot.parsed_at.is_(None), Snapshot.id > after)
                             .order_by(Snapshot.id).limit(limit)).all()
        if not rows:
            return outcomes
        jobs = [Job(IngestOutcome(url, sid, changed=True),
                     StoredSnapshot(sid, pid, changed=True, out_of_order=False, kind=kind),
                     url, None) for sid, pid, url, kind in rows]
        track_jobs(sessions, jobs)
        outcomes += [j.outcome for j in jobs]
        after = rows[-1][0]
