"""`aidledger extract`: parse saved pages offline and print the records as JSON Lines."""

from __future__ import annotations

import json
import logging

import click

from aidledger.cli.documents import load_document, parse_when
from aidledger.parsers.page import ARTICLE, parse_page

log = logging.getLogger(__name__)


@click.command("extract")
@click.argument("documents", nargs=-1, required=True)
@click.option("--url", help="The page's URL (default: from a manifest.json beside it, or file://).")
@click.option("--fetched-at", help="When it was fetched, ISO 8601 (default: manifest, or mtime).")
@click.option("--kind", type=click.Choice(["program_page", "news_article"]),
              help="Skip detection and parse as this kind.")
def extract(documents: tuple[str, ...], url: str | None, fetched_at: str | None,
            kind: str | None) -> None:
    """Print one JSON object per record: see "The extract contract" in README.md."""
    when = parse_when(fetched_at) if fetched_at else None
    for name in documents:
        doc = load_document(name, url, when, kind)
        parsed = parse_page(doc.body, url=doc.url, fetched_at=doc.fetched_at, kind=doc.kind,
                            content_type=doc.content_type)
        for w in parsed.warnings:
            log.warning("%s: %s", name, w)
        head = {"document": name, "source_url": doc.url, "fetched_at": doc.fetched_at.isoformat()}
        if parsed.kind == ARTICLE:
            click.echo(json.dumps({**head, **parsed.meta, "kind": "article"}, ensure_ascii=False))
        for record in parsed.records:
            click.echo(json.dumps({**head, **record}, ensure_ascii=False))
        if not parsed.records:
            log.warning("%s: no records found", name)


COMMANDS = [extract]
