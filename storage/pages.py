"""Storing fetched pages before anything parses them, so no fetched byte is ever lost.

A page's content is stored once per distinct body (content-addressed blob); a fetch that returns
the same body as the page's latest snapshot only moves that snapshot's `last_seen`.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from aidledger.storage.models import Blob, Page, Record, RecordVersion, Snapshot, Source

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
class StoredSnapshot:
    snapshot_id: int
    page_id: int
    changed: bool  # False when the body equals the page's latest snapshot
    out_of_order: bool  # True when an older fetch arrived after a newer one


def kept_headers(headers: dict[str, str]) -> dict[str, str]:
    lower = {k.lower(): v for k, v in headers.items()}
    return {k: lower[k] for k in KEPT_HEADERS if k in lower}


def _source_id(session: Session, name: str | None, kind: str | None) -> int | None:
    if not name:
        return None
    src = session.scalar(select(Source).where(Source.name == name))
    if src is None:
        src = Source(name=name, kind=kind or "program")
        session.add(src)
        session.flush()
    return src.id


def _page(session: Session, fetched: FetchedPage) -> Page:
    page = session.scalar(select(Page).where(Page.url == fetched.url))
    if page is None:
        page = Page(url=fetched.url, kind=fetched.kind, first_fetched=fetched.fetched_at,
                    last_fetched=fetched.fetched_at,
                    source_id=_source_id(session, fetched.source, None))
        session.add(page)
        session.flush()
    return page


def _blob(session: Session, body: bytes, sha: str) -> None:
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, size=len(body), data=zlib.compress(body, 6)))


def latest_snapshot(session: Session, page_id: int) -> Snapshot | None:
    return session.scalar(select(Snapshot).where(Snapshot.page_id == page_id)
                          .order_by(Snapshot.fetched_at.desc()).limit(1))


def _seen_again(session: Session, snapshot_id: int, when: datetime) -> None:
    """Records (and their current versions) shown by an unchanged snapshot were seen again."""
    for model in (Record, RecordVersion):
        session.execute(update(model).where(model.last_snapshot_id == snapshot_id)
                        .values(last_seen=when))


def store_fetch(session: Session, fetched: FetchedPage) -> StoredSnapshot:
    """Store a fetch; the caller commits. Same body as the latest snapshot: only 'seen again'."""
    page = _page(session, fetched)
    sha = fetched.sha256
    latest = latest_snapshot(session, page.id)
    headers = kept_headers(fetched.headers)
    if latest is None or fetched.fetched_at >= latest.fetched_at:
        page.etag = headers.get("etag") or page.etag  # validators of the newest fetch
        page.last_modified = headers.get("last-modified") or page.last_modified
    if latest is not None and fetched.fetched_at >= latest.fetched_at:
        page.last_fetched = max(page.last_fetched, fetched.fetched_at)
        if latest.blob_sha256 == sha:
            latest.last_seen = fetched.fetched_at
            latest.times_seen += 1
            _seen_again(session, latest.id, fetched.fetched_at)
            return StoredSnapshot(latest.id, page.id, changed=False, out_of_order=False)
    existing = session.scalar(select(Snapshot).where(
        Snapshot.page_id == page.id, Snapshot.fetched_at == fetched.fetched_at))
    if existing is not None:  # the same fetch ingested twice: idempotent
        return StoredSnapshot(existing.id, page.id, changed=False, out_of_order=False)
    _blob(session, fetched.body, sha)
    snap = Snapshot(
        page_id=page.id, blob_sha256=sha, fetched_at=fetched.fetched_at,
        last_seen=fetched.fetched_at, status=fetched.status,
        final_url=fetched.final_url or fetched.url, headers=headers,
        content_type=headers.get("content-type"), kind=fetched.kind, meta=dict(fetched.meta),
    )
    session.add(snap)
    page.first_fetched = min(page.first_fetched, fetched.fetched_at)
    page.last_fetched = max(page.last_fetched, fetched.fetched_at)
    session.flush()
    out_of_order = latest is not None and fetched.fetched_at < latest.fetched_at
    return StoredSnapshot(snap.id, page.id, changed=True, out_of_order=out_of_order)


def snapshot_body(session: Session, snapshot: Snapshot) -> bytes:
    blob = session.get(Blob, snapshot.blob_sha256)
    if blob is None:
        raise LookupError(f"snapshot {snapshot.id} has no stored body")
    return zlib.decompress(blob.data) if blob.compression == "zlib" else blob.data


def conditional_headers(session: Session, url: str) -> dict[str, str]:
    """Validators from the last fetch of `url`, for a conditional request (304 if unchanged)."""
    page = session.scalar(select(Page).where(Page.url == url))
    if page is None:
        return {}
    headers = {}
    if page.etag:
        headers["If-None-Match"] = page.etag
    if page.last_modified:
        headers["If-Modified-Since"] = page.last_modified
    return headers


def seen_unchanged(session: Session, url: str, when: datetime) -> StoredSnapshot | None:
    """A 304 Not Modified: the page's latest snapshot (and its records) were seen again."""
    page = session.scalar(select(Page).where(Page.url == url))
    latest = latest_snapshot(session, page.id) if page else None
    if page is None or latest is None:
        return None
    page.last_fetched = max(page.last_fetched, when)
    latest.last_seen = max(latest.last_seen, when)
    latest.times_seen += 1
    _seen_again(session, latest.id, when)
    return StoredSnapshot(latest.id, page.id, changed=False, out_of_order=False)


def last_fetched(session: Session, urls: list[str]) -> dict[str, datetime]:
    """When each of these URLs was last fetched (absent: never)."""
    out: dict[str, datetime] = {}
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        out.update(dict(session.execute(select(Page.url, Page.last_fetched)
                                        .where(Page.url.in_(chunk))).all()))
    return out
