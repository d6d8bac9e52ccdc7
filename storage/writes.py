"""Writing safely while other processes write: upserts, the write lock, page locks, retries.

Several crawlers on several machines may write to one store. Nothing here checks for a row and
then inserts it: inserts go against unique keys with `ON CONFLICT DO NOTHING`; what must be
decided from a page's current state (is this body new? which records does this row continue?)
is decided with the page's row locked (PostgreSQL) or the store's write lock held (SQLite), and
every writer locks pages in one order (by URL), so two writers never wait on each other.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from aidledger.errors import StoreError
from aidledger.storage.models import Page

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRIES = 5  # for deadlocks and serialization failures between concurrent writers


def insert(session: Session, model: type[Any]) -> Insert:
    """A Core INSERT into `model`'s table (executemany speed, no ORM bookkeeping) that takes
    `.on_conflict_do_nothing()` on either backend."""
    name = session.get_bind().dialect.name
    table = model.__table__
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"unsupported database {name!r}: use SQLite or PostgreSQL")


# one advisory lock per database and schema: writing transactions hold it shared, a reconcile
# takes it exclusively for the moment it reads its watermark (storage/ledger_reconcile.py)
WRITERS_LOCK = "hashtext('aidledger.writers.' || coalesce(current_schema(), ''))"


def begin_writing(session: Session) -> None:
    """Start a transaction that will write (first statement of it). On SQLite this takes the
    write lock now, so reads in it are never overtaken by another writer; PostgreSQL locks rows
    instead (`lock_pages`), and this takes the writers' lock shared (writers never wait on each
    other for it)."""
    name = session.get_bind().dialect.name
    if name == "sqlite":
        session.execute(text("BEGIN IMMEDIATE"))
    elif name == "postgresql":
        session.execute(text(f"SELECT pg_advisory_xact_lock_shared({WRITERS_LOCK})"))


def lock_out_writers(conn: Connection) -> None:
    """Wait until no writing transaction runs and keep new ones waiting until `conn`'s
    transaction ends (PostgreSQL): every snapshot id handed out by then is committed."""
    conn.execute(text(f"SELECT pg_advisory_xact_lock({WRITERS_LOCK})"))


def lock_pages(session: Session, urls: Sequence[str]) -> dict[str, Page]:
    """The stored pages among `urls`, row-locked until the transaction ends (PostgreSQL), in URL
    order: every writer locks in this one order, so two of them never wait on each other."""
    out: dict[str, Page] = {}
    ordered = sorted(set(urls))
    for start in range(0, len(ordered), 500):
        q = select(Page).where(Page.url.in_(ordered[start:start + 500])).order_by(Page.url)
        if session.get_bind().dialect.name == "postgresql":
            q = q.with_for_update()
        out.update({p.url: p for p in session.scalars(q)})
    return out


def retrying(fn: Callable[[], T]) -> T:
    """Run a transaction again when PostgreSQL broke a deadlock, SQLite stayed busy or the
    connection was lost (a server restart: the pool connects anew): every step here is
    idempotent, so a repeat gives what one run would have. A full disk or database is a
    StoreError saying so: the transaction was rolled back whole, nothing of it is kept."""
    for attempt in range(RETRIES):
        try:
            return fn()
        except OperationalError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            message = str(exc.orig).splitlines()[0] if str(exc.orig) else type(exc.orig).__name__
            if code == "53100" or "database or disk is full" in message:
                raise StoreError(f"the store is full ({message}): nothing of this batch was "
                                 "stored; free disk space and run again") from exc
            busy = "database is locked" in message
            lost = exc.connection_invalidated
            if attempt == RETRIES - 1 or not (code in ("40P01", "40001") or busy or lost):
                raise
            log.info("%s: %s; retrying", "connection lost" if lost else "concurrent writer",
                     message)
            time.sleep(max(0.05 * 2 ** attempt, 0.5 if lost else 0))
    raise AssertionError("unreachable")  # pragma: no cover
