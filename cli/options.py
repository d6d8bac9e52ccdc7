"""Options shared by several commands, each with its environment variable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from aidledger.config import Settings, load_settings


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", "db_url", envvar="AIDLEDGER_DB_URL", default=None,
                        help="SQLAlchemy URL of the store [env AIDLEDGER_DB_URL; "
                             "default sqlite:///data/aidledger.sqlite].")(f)


def sources_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--sources", "sources_path", envvar="AIDLEDGER_SOURCES", default=None,
                        type=click.Path(dir_okay=False),
                        help="Sources TOML file [env AIDLEDGER_SOURCES; default ./sources.toml].",
                        )(f)


def settings(db_url: str | None = None, sources_path: str | None = None) -> Settings:
    return load_settings(sources_path=sources_path, db_url=db_url)
