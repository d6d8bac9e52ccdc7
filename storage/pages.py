"""Storing fetched pages before anything parses them, so no fetched byte is ever lost.

A page's content is stored once per distinct body (content-addressed blob); a fetch that returns
the same body as the snapshot in force at its time only moves that snapshot's `last_seen`. A
batch of fetches is stored in one transaction, safely beside other writers (storage.writes):
sources, pages, blobs and snapshots are inserted with ON CONFLICT DO NOTHING, and each page is
locked before its latest snapshot is read, so two writers never both decide a body is new.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, case, func, select, true, tuple_, update
from sqlalchemy.orm import Session

from aidledger.storage.models import Blob, FetchFailure, Page, Record, RecordVersion, Snapshot
from aidledger.storage.models import Source as SourceRow
from aidledger.storage.writes import begin_writing, insert, lock_pages

# Response headers worth keeping: what revalidation, decoding and provenance need.
KEPT_HEADERS = ("content-type", "etag", "last-modified", "date", "content-language",
                "content-length", "cache-control", "retry-after", "location", "server")


@dataclass
class FetchedPage:
    """A response as a crawler (or an archive) saw it."""

    url: str
    body: bytes
    fetched_at: datetime
    status: int = 200
    final_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    kind: str | None = None  # "program_page" | "news_article" | None (detect)
    source: str | None = None
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass
class NotModified:
    """The server answered 304 to our conditional request: the stored page is still current."""

    url: str
    at: datetime
    source: str | None = None


@dataclass
class FetchFailed:
    """A fetch that produced no usable page (kept as a `fetch_failure` row)."""

    url: str
    at: datetime
    reason: str
    status: int | None = None
    source: str | None = None


Fetch = FetchedPage | NotModified | FetchFailed


@dataclass
class StoredSnapshot:
    snapshot_id: int
    page_id: int
    changed: bool  # False when the body equals the page's latest snapshot
    out_of_order: bool  # True when an older fetch arrived after a newer one
    unparsed: bool = False  # an unchanged snapshot that was stored but never parsed (killed?)
    kind: str | None = None  # the page's kind, for the parser


@dataclass
class _Latest:
    """A page's newest snapshot as the batch goes: from the store, or new in this batch."""

    id: int | None
    sha: str
    fetched_at: datetime
    last_seen: datetime
    parsed: bool
    row: dict[str, Any] | None = None  # the insert values of a snapshot new in this batch


def kept_headers(headers: dict[str, str]) -> dict[str, str]:
    lower = {k.lower(): v for k, v in headers.items()}
    return {k: lower[k] for k in KEPT_HEADERS if k in lower}


def _source_ids(session: Session, names: set[str]) -> dict[str, int]:
    if not names:
        return {}
    rows = [{"name": n, "kind": "program"} for n in sorted(names)]
    session.execute(insert(session, SourceRow).on_conflict_do_nothing(), rows)
    return dict(session.execute(select(SourceRow.name, SourceRow.id)
                                .where(SourceRow.name.in_(names))).all())


def _claim_pages(session: Session, fetches: Sequence[FetchedPage | NotModified]
                 ) -> dict[str, Page]:
    """Insert the pages not stored yet, then lock every page of the batch."""
    new: dict[str, FetchedPage] = {}
    for f in sorted((f for f in fetches if isinstance(f, FetchedPage)),
                    key=lambda f: (f.url, f.fetched_at)):
        new.setdefault(f.url, f)  # the earliest fetch of the batch is the page's first
    sources = _source_ids(session, {f.source for f in new.values() if f.source})
    if new:
        rows = [{"url": u, "kind": f.kind, "source_id": sources.get(f.source or ""),
                 "first_fetched": f.fetched_at, "last_fetched": f.fetched_at}
                for u, f in sorted(new.items())]
        session.execute(insert(session, Page).on_conflict_do_nothing(), rows)
    return lock_pages(session, [f.url for f in fetches])


def _latest(session: Session, page_ids: list[int]) -> dict[int, _Latest]:
    newest = (select(Snapshot.page_id, func.max(Snapshot.fetched_at).label("at"))
              .where(Snapshot.page_id.in_(page_ids)).group_by(Snapshot.page_id).subquery())
    q = select(Snapshot.page_id, Snapshot.id, Snapshot.blob_sha256, Snapshot.fetched_at,
               Snapshot.last_seen, Snapshot.parsed_at).join(
        newest, (Snapshot.page_id == newest.c.page_id) & (Snapshot.fetched_at == newest.c.at))
    return {pid: _Latest(sid, sha, at, seen, parsed is not None)
            for pid, sid, sha, at, seen, parsed in session.execute(q)}


class _Batch:
    """One transaction's worth of fetches: what to insert and update, decided page by page."""

    def __init__(self, session: Session, pages: dict[str, Page]) -> None:
        self.session, self.pages = session, pages
        self.latest = _latest(session, [p.id for p in pages.values()]) if pages else {}
        self.blobs: dict[str, bytes] = {}
        self.snapshots: list[dict[str, Any]] = []
        self.seen: dict[int, tuple[datetime, int]] = {}  # snapshot id -> (last seen, times)
        self.existing: list[tuple[int, datetime]] = []  # new to the batch, not to the store
        self.prior: dict[int, _Latest] = {}  # older snapshots that late fetches saw again

    def fetched(self, f: FetchedPage) -> tuple[str, Any]:
        page, sha = self.pages[f.url], f.sha256
        latest = self.latest.get(page.id)
        headers = kept_headers(f.headers)
        if latest is None or f.fetched_at >= latest.fetched_at:
            page.etag = headers.get("etag") or page.etag  # validators of the newest fetch
            page.last_modified = headers.get("last-modified") or page.last_modified
        page.first_fetched = min(page.first_fetched, f.fetched_at)
        page.last_fetched = max(page.last_fetched, f.fetched_at)
        if latest is not None and f.fetched_at < latest.fetched_at:  # arrived late
            # older than every snapshot: the first one, if it shows this content, was already
            # in force then (a killed crawl's writer storing after the page was fetched again)
            prior = self._in_force(page.id, f.fetched_at) or self._first(page.id)
            if prior is not None and prior.sha == sha:
                return self._seen_again(prior, f.fetched_at)
        elif latest is not None and latest.sha == sha:
            return self._seen_again(latest, f.fetched_at)
        self.blobs.setdefault(sha, f.body)
        row = {"page_id": page.id, "blob_sha256": sha, "fetched_at": f.fetched_at,
               "last_seen": f.fetched_at, "times_seen": 1, "status": f.status,
               "final_url": f.final_url or f.url, "headers": headers,
               "content_type": headers.get("content-type"), "kind": f.kind,
               "meta": dict(f.meta), "parse_warnings": [], "n_records": 0}
        self.snapshots.append(row)
        out_of_order = latest is not None and f.fetched_at < latest.fetched_at
        if not out_of_order:
            self.latest[page.id] = _Latest(None, sha, f.fetched_at, f.fetched_at, False, row)
        return ("new", (row, out_of_order))

    def _in_force(self, page_id: int, when: datetime) -> _Latest | None:
        """The stored snapshot that was the page's content at `when` (for a late fetch)."""
        return self._prior(Snapshot.fetched_at <= when, Snapshot.fetched_at.desc(), page_id)

    def _first(self, page_id: int) -> _Latest | None:
        """The page's earliest stored snapshot."""
        return self._prior(true(), Snapshot.fetched_at, page_id)

    def _prior(self, when: Any, order: Any, page_id: int) -> _Latest | None:
        row = self.session.execute(
            select(Snapshot.id, Snapshot.blob_sha256, Snapshot.fetched_at, Snapshot.last_seen,
                   Snapshot.parsed_at).where(Snapshot.page_id == page_id, when)
            .order_by(order).limit(1)).first()
        if row is None:
            return None
        if row.id not in self.prior:
            self.prior[row.id] = _Latest(row.id, row.blob_sha256, row.fetched_at, row.last_seen,
                                         row.parsed_at is not None)
        return self.prior[row.id]

    def not_modified(self, n: NotModified) -> tuple[str, Any]:
        page = self.pages.get(n.url)
        latest = self.latest.get(page.id) if page else None
        if page is None or latest is None:
            return ("error", "304 for a page never stored")
        page.last_fetched = max(page.last_fetched, n.at)
        return self._seen_again(latest, n.at)

    def _seen_again(self, latest: _Latest, when: datetime) -> tuple[str, Any]:
        if when in (latest.fetched_at, latest.last_seen):  # this very fetch, stored before
            return ("same", latest)
        latest.last_seen = max(latest.last_seen, when)
        if latest.row is not None:  # new in this batch: not inserted yet
            latest.row["last_seen"] = latest.last_seen
            latest.row["times_seen"] += 1
        else:
            assert latest.id is not None
            _, times = self.seen.get(latest.id, (when, 0))
            self.seen[latest.id] = (latest.last_seen, times + 1)
        return ("same", latest)

    def write(self) -> dict[tuple[int, datetime], int]:
        """Insert blobs and snapshots, apply 'seen again'; ids of the snapshots by page and time."""
        s = self.session
        if self.blobs:
            blobs = [{"sha256": sha, "size": len(body), "compression": "zlib",
                      "data": zlib.compress(body, 6)} for sha, body in sorted(self.blobs.items())]
            s.execute(insert(s, Blob).on_conflict_do_nothing(), blobs)
        ids: dict[tuple[int, datetime], int] = {}
        if self.snapshots:
            snap = Snapshot.__table__
            stmt = insert(s, Snapshot).on_conflict_do_nothing().returning(
                snap.c.page_id, snap.c.fetched_at, snap.c.id)
            ids = {(p, at): i for p, at, i in s.execute(stmt, self.snapshots)}
            self.existing = [(r["page_id"], r["fetched_at"]) for r in self.snapshots
                             if (r["page_id"], r["fetched_at"]) not in ids]
            for start in range(0, len(self.existing), 300):  # the same fetch, stored before
                q = select(Snapshot.page_id, Snapshot.fetched_at, Snapshot.id).where(
                    tuple_(Snapshot.page_id, Snapshot.fetched_at).in_(
                        self.existing[start:start + 300]))
                ids.update({(p, at): i for p, at, i in s.execute(q)})
        if self.seen:
            seen = [{"sid": i, "seen": at, "n": n} for i, (at, n) in sorted(self.seen.items())]
            snap = Snapshot.__table__
            s.execute(update(snap).where(snap.c.id == bindparam("sid")).values(
                last_seen=bindparam("seen"), times_seen=snap.c.times_seen + bindparam("n")), seen)
            for model in (Record, RecordVersion):  # what an unchanged snapshot shows, seen again
                t = model.__table__
                later = case((t.c.last_seen < bindparam("seen"), bindparam("seen")),
                             else_=t.c.last_seen)
                s.execute(update(t).where(t.c.last_snapshot_id == bindparam("sid"))
                          .values(last_seen=later), seen)
        return ids


def store_batch(session: Session, fetches: Sequence[Fetch], run_id: int | None = None
                ) -> list[StoredSnapshot | str | None]:
    """Store fetches in the caller's transaction (which must not have written yet); the caller
    commits. Per fetch: its StoredSnapshot, an error message, or None for a failure record."""
    begin_writing(session)
    pages = _claim_pages(session, [f for f in fetches if not isinstance(f, FetchFailed)])
    batch = _Batch(session, pages)
    decided: list[tuple[str, Any] | None] = [None] * len(fetches)
    order = sorted(range(len(fetches)), key=lambda i: (fetches[i].url, _when(fetches[i])))
    for i in order:
        f = fetches[i]
        if isinstance(f, FetchedPage):
            decided[i] = batch.fetched(f)
        elif isinstance(f, NotModified):
            decided[i] = batch.not_modified(f)
    ids = batch.write()
    known = set(batch.existing)
    failures = [{"run_id": run_id, "url": f.url, "at": f.at, "status": f.status,
                 "reason": f.reason} for f in fetches if isinstance(f, FetchFailed)]
    if failures:
        session.execute(insert(session, FetchFailure), failures)
    return [_outcome(d, ids, known, pages, f) for d, f in zip(decided, fetches, strict=True)]


def _when(f: Fetch) -> datetime:
    return f.fetched_at if isinstance(f, FetchedPage) else f.at


def _outcome(decided: tuple[str, Any] | None, ids: dict[tuple[int, datetime], int],
             known: set[tuple[int, datetime]], pages: dict[str, Page], f: Fetch
             ) -> StoredSnapshot | str | None:
    if decided is None:
        return None
    what, value = decided
    if what == "error":
        return str(value)
    page_id = pages[f.url].id
    if what == "same":
        latest: _Latest = value
        sid = latest.id if latest.id is not None else ids[(page_id, latest.fetched_at)]
        return StoredSnapshot(sid, page_id, changed=False, out_of_order=False,
                              unparsed=not latest.parsed and latest.row is None,
                              kind=pages[f.url].kind)
    row, out_of_order = value
    key = (page_id, row["fetched_at"])
    if key in known:  # this very fetch was stored before: nothing changes
        return StoredSnapshot(ids[key], page_id, changed=False, out_of_order=False)
    return StoredSnapshot(ids[key], page_id, changed=True, out_of_order=out_of_order,
                          kind=row["kind"] or pages[f.url].kind)


def store_fetch(session: Session, fetched: FetchedPage) -> StoredSnapshot:
    """Store one fetch (see store_batch); the caller commits."""
    out = store_batch(session, [fetched])[0]
    assert isinstance(out, StoredSnapshot)
    return out


def snapshot_body(session: Session, snapshot: Snapshot) -> bytes:
    blob = session.get(Blob, snapshot.blob_sha256)
    if blob is None:
        raise LookupError(f"snapshot {snapshot.id} has no stored body")
    return zlib.decompress(blob.data) if blob.compression == "zlib" else blob.data


def latest_body(session: Session, url: str) -> tuple[bytes | None, str | None]:
    """The body and content type of the newest stored snapshot of `url` (None: not stored)."""
    q = (select(Blob.data, Blob.compression, Snapshot.content_type)
         .join(Snapshot, Snapshot.blob_sha256 == Blob.sha256).join(Page)
         .where(Page.url == url).order_by(Snapshot.fetched_at.desc()).limit(1))
    row = session.execute(q).first()
    if row is None:
        return None, None
    return (zlib.decompress(row.data) if row.compression == "zlib" else row.data), \
        row.content_type


_VALIDATORS = select(Page.etag, Page.last_modified).where(Page.url == bindparam("url"))


def validators(conn: Connection | Session, url: str) -> dict[str, str]:
    """Request headers with the validators of the last fetch of `url`, for a conditional
    request (answered 304 if the page is unchanged); none for a page never stored."""
    row = conn.execute(_VALIDATORS, {"url": url}).first()
    return validator_headers(row.etag, row.last_modified) if row else {}


def validator_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def site_validators(conn: Connection | Session, origin: str, limit: int
                    ) -> dict[str, tuple[str | None, str | None]] | None:
    """The validators of every stored page under `origin` ("scheme://host:port/"), or None when
    more than `limit` pages have some. One range scan of the URL index (byte order: "C" collation
    on PostgreSQL, SQLite's default), so a prefix is exactly a range."""
    low, high = origin, origin[:-1] + chr(ord(origin[-1]) + 1)
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    url = Page.url.collate("C") if bind.dialect.name == "postgresql" else Page.url
    q = (select(Page.url, Page.etag, Page.last_modified)
         .where(url >= low, url < high,
                (Page.etag.is_not(None)) | (Page.last_modified.is_not(None)))
         .limit(limit + 1))
    out = {u: (etag, modified) for u, etag, modified in conn.execute(q)}
    return None if len(out) > limit else out


def last_fetched(session: Session, urls: list[str]) -> dict[str, datetime]:
    """When each of these URLs was last fetched (absent: never)."""
    out: dict[str, datetime] = {}
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        out.update(dict(session.execute(select(Page.url, Page.last_fetched)
                                        .where(Page.url.in_(chunk))).all()))
    return out
