"""Engines and sessions: SQLite (WAL) by default, any SQLAlchemy URL through AIDLEDGER_DB_URL.

The schema is only ever created or changed by Alembic (`upgrade`), so a database made by one
version of aidledger is upgraded in place by the next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from aidledger.errors import StoreError
from aidledger.storage import killpoints

MIGRATIONS = "aidledger.storage:migrations"
# one advisory lock per database and schema: throwaway test schemas do not wait on each other
MIGRATE_LOCK = ("SELECT hashtext('aidledger.migrate.' || current_database() || '.' || "
                "coalesce(current_schema(), ''))")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get their folder created and WAL mode switched on."""
    parsed = make_url(url)
    if parsed.drivername.startswith("postgresql") and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername.startswith("sqlite"):
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(parsed, pool_pre_ping=True)
    killpoints.install(engine)  # a no-op unless a crash test asked for it
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (idempotent; safe to call on every start).

    On PostgreSQL the upgrade runs under an advisory lock of the schema, so that workers
    starting together on one store migrate it once: the first upgrades, the others wait, then
    find it current. (SQLite's write lock already serialises them.)"""
    try:
        if engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                key = conn.scalar(text(MIGRATE_LOCK))
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
                try:
                    command.upgrade(alembic_config(engine), revision)
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
        else:
            command.upgrade(alembic_config(engine), revision)
    except OperationalError as exc:
        raise StoreError(
            f"cannot reach or migrate the database {engine.url.render_as_string()}: {exc.orig}. "
            "Check AIDLEDGER_DB_URL and that the server is running."
        ) from exc


def is_current(engine: Engine) -> bool:
    script = ScriptDirectory.from_config(alembic_config(engine))
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() == script.get_current_head()


def open_store(url: str, *, migrate: bool = True) -> tuple[Engine, sessionmaker[Session]]:
    """The engine and a session factory for `url`, migrated to the latest schema."""
    engine = make_engine(url)
    if migrate:
        upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)
