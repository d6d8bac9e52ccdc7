"""Alembic environment: runs against the engine handed over by `aidledger.storage.db`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from aidledger.storage.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        from aidledger.config import load_settings

        url = load_settings().db_url
    engine = create_engine(url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
