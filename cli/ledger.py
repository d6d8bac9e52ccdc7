"""`aidledger reconcile`, `query`, `show`, `conflicts`, `review`: the ledger of donations."""

from __future__ import annotations

import json
import sys

import click
from sqlalchemy import select

from aidledger.cli.documents import parse_when
from aidledger.cli.options import db_option, settings, sources_option
from aidledger.cli.output import print_table, write_csv
from aidledger.errors import AidledgerError
from aidledger.storage.db import open_store
from aidledger.storage.ledger import Donation, Evidence
from aidledger.storage.ledger_queries import add_review
from aidledger.storage.ledger_reconcile import reconcile_store
from aidledger.storage.ledger_search import LedgerFilter, donations_json


def _owners(cfg) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {url: s.owner for s in cfg.sources if s.owner for url in s.start_urls}


def run_reconcile(db_url: str, owners: dict[str, str], rebuild: bool = False,
                  workers: int = 1) -> dict[str, int]:
    _, sessions = open_store(db_url)
    with sessions.begin() as s:  # a fresh session: nothing uncommitted for a fork to miss
        return reconcile_store(s, owners, rebuild=rebuild, workers=workers)


@click.command("reconcile")
@click.option("--rebuild", is_flag=True, help="Drop the ledger and recompute it whole "
              "(otherwise only blocks touched since the last reconcile).")
@click.option("--workers", type=click.IntRange(1, 2), default=1, show_default=True,
              help="2: a whole reconcile finds syndicated copies in a second process while "
                   "it loads the records (same ledger).")
@sources_option
@db_option
def reconcile(rebuild: bool, workers: int, sources_path: str | None, db_url: str | None
              ) -> None:
    """Match table rows and news claims into donations with evidence and conflicts."""
    cfg = settings(db_url, sources_path)
    c = run_reconcile(cfg.db_url, _owners(cfg), rebuild, workers)
    how = "in blocks touched since the last reconcile" if c["incremental"] else "in the store"
    click.echo(f"{c['records']} records ({how}) -> {c['donations']} donations "
               f"({c['blocks_written']} of {c['blocks']} blocks rewritten)")


COLUMNS = ("id", "donors", "item", "quantity", "recipients", "status", "independent_sources",
           "conflicts")


@click.command("query")
@click.option("--donor", help="Donor name or alias (\"JMF\" finds the Jack Ma Foundation).")
@click.option("--recipient", help="Country name or code, region (with its members) or "
                                  "organisation: \"South Korea\", KOR, Europe.")
@click.option("--item", help="Item code or word: face_mask, masks, test kits...")
@click.option("--status", type=click.Choice(["pledged", "preparing", "in_transit", "arrived",
                                             "accepted", "donated"]))
@click.option("--since", help="Seen on or after this date (ISO).")
@click.option("--until", help="First seen on or before this date (ISO).")
@click.option("--min-sources", type=int, help="At least this many independent sources.")
@click.option("--conflicts-only", is_flag=True, help="Only donations whose sources disagree.")
@click.option("--q", "text", help="Free text in donors, recipients, item or conflicts.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@db_option
def query(donor: str | None, recipient: str | None, item: str | None, status: str | None,
          since: str | None, until: str | None, min_sources: int | None, conflicts_only: bool,
          text: str | None, fmt: str, db_url: str | None) -> None:
    """List the ledger (run `aidledger reconcile` first). JSON: see README "query"."""
    filters = LedgerFilter(donor, recipient, item, status,
                           parse_when(since) if since else None,
                           parse_when(until) if until else None, min_sources, conflicts_only,
                           text)
    _, sessions = open_store(settings(db_url).db_url)
    with sessions() as s:
        rows = list(donations_json(s, filters=filters))
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        write_csv(rows, sys.stdout, [*COLUMNS, "quantity_rule", "first_seen", "last_seen"])
        return
    for r in rows:
        r["conflicts"] = [c["kind"] for c in r["conflicts"]]
    print_table(rows, COLUMNS, {"donors": 40, "recipients": 40})


@click.command("show")
@click.argument("donation_id")
@db_option
def show(donation_id: str, db_url: str | None) -> None:
    """One donation with every piece of evidence: quote or cell, URL, snapshot, reason."""
    _, sessions = open_store(settings(db_url).db_url)
    with sessions() as s:
        rows = list(donations_json(s, donation_id))
    if not rows:
        raise AidledgerError(f"no donation {donation_id!r} (see `aidledger query`)")
    d = rows[0]
    click.echo(f"{d['id']}: {', '.join(d['donors']) or '(donor unknown)'} -> "
               f"{', '.join(d['recipients']) or '(recipient unknown)'}: "
               f"{d['quantity'] if d['quantity'] is not None else '?'} {d['item']} "
               f"[{d['status']}], {d['independent_sources']} independent source(s)")
    for c in d["conflicts"]:
        click.echo(f"  CONFLICT {c['kind']}: {c['detail']}")
    for e in d["evidence"]:
        quote = e["quote"] if isinstance(e["quote"], str) else json.dumps(e["quote"],
                                                                          ensure_ascii=False)
        click.echo(f"  - {e['role']}: {e['reason']}\n    {e['url']} (snapshot {e['document']},"
                   f" first seen {e['first_seen']})\n    \"{quote}\"")


@click.command("conflicts")
@db_option
def conflicts(db_url: str | None) -> None:
    """Every donation whose sources disagree, with what each says."""
    _, sessions = open_store(settings(db_url).db_url)
    with sessions() as s:
        for d in s.scalars(select(Donation).order_by(Donation.id)):
            for c in d.conflicts:
                click.echo(f"{d.id}  {c['kind']:<17} {c['detail']}")


@click.group("review", invoke_without_command=True)
@click.pass_context
@db_option
def review(ctx: click.Context, db_url: str | None) -> None:
    """Links awaiting a person's judgement (conflicting ones); confirm or reject them."""
    if ctx.invoked_subcommand:
        ctx.obj = db_url
        return
    _, sessions = open_store(settings(db_url).db_url)
    with sessions() as s:
        q = (select(Evidence, Donation).join(Donation, Donation.id == Evidence.donation_id)
             .where(Evidence.role.in_(("conflicts", "corroborates"))).order_by(Evidence.id))
        for e, d in s.execute(q):
            click.echo(f"{e.record_id} -> {d.id} [{e.role}] {e.reason}")


def _judge(ctx: click.Context, record_id: str, donation_id: str, decision: str,
           note: str | None) -> None:
    _, sessions = open_store(settings(ctx.obj).db_url)
    with sessions.begin() as s:
        anchor = s.scalar(select(Evidence.record_id).where(
            Evidence.donation_id == donation_id, Evidence.role == "primary"))
        if anchor is None:
            raise AidledgerError(f"no donation {donation_id!r}")
        add_review(s, record_id, anchor, decision, note)
    click.echo(f"{decision}ed: {record_id} with {donation_id}; run `aidledger reconcile`")


@review.command("confirm")
@click.argument("record_id")
@click.argument("donation_id")
@click.option("--note")
@click.pass_context
def confirm(ctx: click.Context, record_id: str, donation_id: str, note: str | None) -> None:
    """Keep RECORD_ID linked to DONATION_ID whatever the rules say."""
    _judge(ctx, record_id, donation_id, "confirm", note)


@review.command("reject")
@click.argument("record_id")
@click.argument("donation_id")
@click.option("--note")
@click.pass_context
def reject(ctx: click.Context, record_id: str, donation_id: str, note: str | None) -> None:
    """Never link RECORD_ID to DONATION_ID again."""
    _judge(ctx, record_id, donation_id, "reject", note)


COMMANDS = [reconcile, query, show, conflicts, review]
