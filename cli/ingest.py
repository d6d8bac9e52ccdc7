"""`aidledger ingest`: store saved pages as if crawled at given times, then parse them."""

from __future__ import annotations

from pathlib import Path

import click

from aidledger.cli.documents import Document, load_document, parse_when, read_manifest
from aidledger.cli.options import db_option, settings
from aidledger.cli.warc import is_warc, read_warc
from aidledger.errors import AidledgerError
from aidledger.storage.db import open_store
from aidledger.storage.ingest import ingest as ingest_page
from aidledger.storage.runs import finish_run, start_run


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="URL the pages were fetched from.")
@click.option("--fetched-at", help="When, ISO 8601 (a time without zone is UTC).")
@click.option("--manifest", "manifests", multiple=True, type=click.Path(exists=True),
              help="JSON list of {file, url, fetched_at[, kind]}; files relative to it.")
@click.option("--kind", type=click.Choice(["program_page", "news_article"]))
@db_option
def ingest(paths: tuple[str, ...], url: str | None, fetched_at: str | None,
           manifests: tuple[str, ...], kind: str | None, db_url: str | None) -> None:
    """Back-fill the store from saved pages or WARC archives, oldest first, in one process.

    A WARC file's HTML responses are stored with the archive's capture time (WARC-Date)."""
    docs: list[Document] = [d for m in manifests for d in read_manifest(Path(m))]
    when = parse_when(fetched_at) if fetched_at else None
    for p in map(Path, paths):
        docs += list(read_warc(p)) if is_warc(p) else [load_document(str(p), url, when, kind)]
    if not docs:
        raise AidledgerError("nothing to ingest: give PATH... or --manifest FILE")
    if kind:
        for d in docs:
            d.kind = kind
    docs.sort(key=lambda d: d.fetched_at)
    _, sessions = open_store(settings(db_url).db_url)
    run = start_run(sessions, "ingest")
    totals: dict[str, int] = {}
    with click.progressbar(docs, label="ingesting", show_pos=True,
                           item_show_func=lambda d: d.name if d else None) as bar:
        for doc in bar:
            ingest_page(sessions, doc.as_fetched()).tally(totals)
    finish_run(sessions, run, totals, "partial" if totals["parse_errors"] else "ok")
    click.echo("ingested {pages} pages ({unchanged} unchanged, {parse_errors} failed to parse): "
               "records {added} added, {changed} changed, {gone} gone".format(**totals))


COMMANDS = [ingest]
