"""Alembic environment: runs against the engine handed over by `aidledger.storage.db`."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from aidledger.storage.models import Base

# What migrations make by hand, outside the models (free-text search, migrations 0003, 0007,
# 0008): the FTS5 virtual table and its shadow tables on SQLite; the tsvector GIN index and
# the generated tsvector column it indexes on PostgreSQL.
# `alembic check` (tests/storage/test_migrations.py) compares everything else with the models.
UNMODELLED_TABLE_PREFIX = "donation_fts"
UNMODELLED_INDEXES = frozenset({"ix_donation_search", "ix_donation_search_facets"})
UNMODELLED_COLUMNS = frozenset({("donation", "search_vector")})


def include_object(obj: Any, name: str | None, type_: str, reflected: bool,
                   compare_to: Any) -> bool:
    """Leave the hand-made search objects out of autogenerate and `alembic check`."""
    if not (reflected and compare_to is None and name):
        return True
    if type_ == "table":
        return not (name == UNMODELLED_TABLE_PREFIX
                    or name.startswith(UNMODELLED_TABLE_PREFIX + "_"))
    if type_ == "index":
        return name not in UNMODELLED_INDEXES
    if type_ == "column":
        return (getattr(getattr(obj, "table", None), "name", None), name) not in (
            UNMODELLED_COLUMNS)
    return True


config = context.config
engine = config.attributes.get("engine")
if engine is None:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        from aidledger.config import load_settings

        url = load_settings().db_url
    engine = create_engine(url)

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    # Python's sqlite3 commits on its own before each CREATE/ALTER/DROP, so a migration killed
    # halfway would leave half a schema that no later upgrade can finish ("table ... already
    # exists"). Here the driver is told to leave transactions alone, and all migrations run in
    # one BEGIN IMMEDIATE ... COMMIT (which also makes two processes migrating at once take
    # turns); the pooled connection gets the driver's usual handling back afterwards.
    raw = connection.connection.driver_connection if sqlite else None
    if raw is not None:
        raw.isolation_level = None
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=sqlite,
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        if raw is not None:
            raw.isolation_level = ""
