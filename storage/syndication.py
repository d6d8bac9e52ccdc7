"""Syndicated copies: near-identical article texts on several outlets count as one source.

Each article's text is cut into 5-word shingles hashed stably (crc32 per word, the tuple hash
of five: every run and process finds the same copies). Candidates are earlier pages sharing at
least three of a text's SKETCH smallest hashes (a hash shared by BUCKET pages is boilerplate
and ignored), then checked by Jaccard, so the cost grows with the articles, not their square.
A page's key depends only on pages before it (in page id order): a new page never changes an
older page's key.

This is CPU work on its own table, so a reconcile can run it in a forked process
(`StoryKeys.start`) while it loads the records: same function, same keys.
"""

from __future__ import annotations

import multiprocessing
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterator
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aidledger.aggregator.normalize import entity_for_host, url_host
from aidledger.storage.models import Page, Snapshot

SYNDICATION_JACCARD = 0.8
SKETCH = 8  # smallest shingle hashes per text: near-identical texts share most of them
BUCKET = 32  # pages a hash collects before it counts as boilerplate

_WORD_HASH = re.compile(r"\w+")
_word_hashes: dict[str, int] = {}


def shingles(text: str) -> frozenset[int]:
    """The text's 5-word shingle hashes. Word hashes are memoised and looked up in C."""
    words = _WORD_HASH.findall(text.lower())
    if len(words) < 5:
        return frozenset()
    memo = _word_hashes
    try:
        wh = itemgetter(*words)(memo)
    except KeyError:
        for w in set(words).difference(memo):
            memo[w] = zlib.crc32(w.encode())
        wh = itemgetter(*words)(memo)
    return frozenset(map(hash, zip(wh, wh[1:], wh[2:], wh[3:], wh[4:], strict=False)))


def article_texts(session: Session, where: Any = None) -> Iterator[tuple[int, str, str]]:
    """(page id, URL, text of its latest snapshot) of news articles, page by page. Only the
    text leaves the database (a JSON path), not the whole parsed article."""
    text = Snapshot.meta["parsed"]["text"].as_string()
    q = (select(Snapshot.page_id, text, Page.url).join(Page, Page.id == Snapshot.page_id)
         .where(Snapshot.kind == "news_article").order_by(Snapshot.page_id, Snapshot.fetched_at))
    if where is not None:
        q = q.where(where)
    last: tuple[int, str, str] | None = None
    for page_id, body, url in session.execute(q):
        if last and last[0] != page_id:
            yield last
        last = (page_id, url, body or "")
    if last:
        yield last


def story_keys(session: Session, where: Any = None) -> dict[int, str]:
    """Page id -> source key; near-identical article texts on several outlets share one key
    (that of the earliest page). A page's shingles are kept as a packed array (a set is
    rebuilt only for a candidate): a set per article was gigabytes at a million."""
    keys: dict[int, str] = {}
    kept: dict[int, array[int]] = {}
    index: dict[int, list[int]] = {}
    for page_id, url, text in article_texts(session, where):
        host = url_host(url)
        own = entity_for_host(host)
        key = f"own:{own.name}" if own else (host or url.lower()).removeprefix("www.")
        sh = shingles(text)
        sketch = sorted(sh)[:SKETCH]
        buckets = [b for b in map(index.get, sketch) if b and len(b) < BUCKET]
        need = 3 if len(sketch) >= 6 else 1
        if len(buckets) >= need:  # else no earlier text can be a near copy
            shared = Counter(p for b in buckets for p in b)
            for other in sorted(p for p, n in shared.items() if n >= need):
                o = frozenset(kept[other])
                if len(sh & o) >= SYNDICATION_JACCARD * len(sh | o):
                    key = keys[other]
                    break
        for h in sketch:
            b = index.get(h)
            if b is None:
                index[h] = [page_id]
            elif len(b) < BUCKET:
                b.append(page_id)
        kept[page_id] = array("q", sh)
        keys[page_id] = key
    return keys


class StoryKeys:
    """Story keys computed in a forked process (its own connection to the same store) while
    the caller goes on; `get()` returns them. Falls back to computing them here when a fork
    cannot see the caller's data (an in-memory SQLite database, or uncommitted writes on the
    caller's SQLite connection) or fails."""

    def __init__(self, session: Session, where: Any = None) -> None:
        self.session, self.where = session, where
        self.proc: Any = None
        self.conn: Any = None

    @classmethod
    def start(cls, session: Session, where: Any = None) -> StoryKeys:
        job = cls(session, where)
        if job._forkable():
            ctx = multiprocessing.get_context("fork")
            job.conn, child = ctx.Pipe(duplex=False)
            job.proc = ctx.Process(target=_child, args=(session.get_bind(), where, child),
                                   daemon=True)
            try:
                job.proc.start()
            except (AssertionError, OSError):  # a daemonic caller may not fork; no memory
                job.proc = None
                job.conn.close()
            child.close()
        return job

    def _forkable(self) -> bool:
        bind = self.session.get_bind()
        if "fork" not in multiprocessing.get_all_start_methods():
            return False
        if bind.dialect.name != "sqlite":
            return True
        if bind.url.database in (None, "", ":memory:"):
            return False
        raw = self.session.connection().connection.driver_connection
        return not getattr(raw, "in_transaction", True)  # writes the fork could not see

    def get(self) -> dict[int, str]:
        if self.proc is None:
            return story_keys(self.session, self.where)
        try:
            status, keys = self.conn.recv()
        except EOFError:
            status, keys = "failed", None
        self.proc.join()
        self.conn.close()
        self.proc = None
        return keys if status == "ok" else story_keys(self.session, self.where)


def _child(engine: Any, where: Any, conn: Any) -> None:
    """In the forked process: new connections only (the parent's stay untouched)."""
    try:
        engine.dispose(close=False)
        with Session(engine) as s:
            keys = story_keys(s, where)
        conn.send(("ok", keys))
    except Exception as exc:  # noqa: BLE001 - the parent computes the keys itself then
        conn.send(("failed", repr(exc)))
    finally:
        conn.close()
