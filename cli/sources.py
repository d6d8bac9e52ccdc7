"""`aidledger sources`: list and validate the sources file."""

from __future__ import annotations

from pathlib import Path

import click

from aidledger.cli.options import settings, sources_option
from aidledger.config import parse_sources
from aidledger.errors import ConfigError


@click.group("sources")
def sources() -> None:
    """The sources file: what is crawled, how often, how politely."""


@sources.command("check")
@sources_option
def check(sources_path: str | None) -> None:
    """Validate the sources file; errors give file:line, the source, the field and the problem."""
    path = settings(sources_path=sources_path).sources_path
    if path is None:
        raise ConfigError("no sources file: create sources.toml or set AIDLEDGER_SOURCES")
    found = parse_sources(Path(path).read_text("utf-8"), str(path), strict=True)
    for s in found:
        where = len(s.start_urls) + len(s.feeds) + len(s.sitemaps)
        click.echo(f"ok  {s.name:<24} {s.kind:<8} {where} start URL(s)  "
                   f"schedule: {s.schedule or 'manual'}")
    click.echo(f"{path}: {len(found)} source(s), all valid")


COMMANDS = [sources]
