"""Opening the store so the web app cannot write to it, whatever a route does.

SQLite is opened through a `mode=ro` URI (plus `query_only`), PostgreSQL sessions start with
`default_transaction_read_only`. The one writer, the review endpoint, opens its own ordinary
session only when a review token is configured.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

from aidledger.errors import StoreError
from aidledger.storage.db import is_current

IN_FLIGHT = 32  # requests inside the app at once (web.app.Concurrency); the rest wait their turn
# More connections than requests in flight: a request never waits for a connection. (Waiting
# deadlocked under a burst: every route thread waited for a connection held by a request whose
# route had returned and which itself waited for a thread to serialize its answer.)
POOL = {"pool_size": 8, "max_overflow": IN_FLIGHT - 8 + 4, "pool_timeout": 60}


def _sqlite_readonly(database: str | None) -> Engine:
    if not database or database == ":memory:":
        raise StoreError("the web app needs a store file or server, not an in-memory database")
    path = Path(database).resolve()
    if not path.is_file():
        raise StoreError(f"no store at {path}: crawl and reconcile first, or pass --db")
    uri = f"file:{quote(str(path))}?mode=ro"

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA query_only=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        return conn

    # "sqlite://" alone would give SQLAlchemy's pool for in-memory databases (one connection per
    # thread, five threads at most: a sixth concurrent request closed another's connection, and
    # it failed with "Cannot operate on a closed database"). A file wants an ordinary pool.
    return create_engine("sqlite://", creator=connect, poolclass=QueuePool, **POOL)


def _pg_readonly(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("SET SESSION default_transaction_read_only = on")
    cur.close()
    dbapi_conn.commit()


def readonly_engine(url: str) -> Engine:
    """An engine on `url` that refuses writes; the schema must already be current."""
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        engine = _sqlite_readonly(parsed.database)
    else:
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed, pool_pre_ping=True, **POOL)
        event.listen(engine, "connect", _pg_readonly)
    try:
        current = is_current(engine)
    except Exception as exc:  # noqa: BLE001 - any failure here means "cannot serve this store"
        raise StoreError(f"cannot read the store {parsed.render_as_string()}: {exc}. Check "
                         "--db / AIDLEDGER_DB_URL and that the server is running.") from exc
    if not current:
        raise StoreError("the store's schema is not current: run `aidledger db upgrade` "
                         "(the web app opens it read-only and never migrates)")
    return engine
