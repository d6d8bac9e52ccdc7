"""`aidledger demo`: the whole job on a bundled sample site, offline, in a few seconds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from aidledger.cli.output import print_table
from aidledger.demo.server import serve
from aidledger.storage.db import open_store
from aidledger.storage.queries import history_rows

FOLLOW = r"/(supplies|regional)\.html$"
COLUMNS = ("block", "item_label", "quantity", "status_label", "donors", "recipients",
           "first_seen", "gone_since")


def _crawl(base: str, db_url: str) -> str:
    argv = [sys.executable, "-m", "aidledger.cli.main", "crawl", "--url", f"{base}/index.html",
            "--follow", FOLLOW, "--db", db_url]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise click.ClickException(f"the crawl failed:\n{done.stderr[-2000:]}")
    return done.stdout.strip()


@click.command("demo")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("data/demo.sqlite"), show_default=True,
              help="SQLite file to create (replaced if it exists).")
def demo(db_path: Path) -> None:
    """Serve the sample site on 127.0.0.1, crawl it twice (it changes in between), show history."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_url = f"sqlite:///{db_path}"
    with serve() as (base, site):
        click.echo(f"sample site on {base}; store: {db_path}")
        click.echo(f"crawl 1: {_crawl(base, db_url)}")
        site.revision = 2
        click.echo(f"crawl 2 (the site changed): {_crawl(base, db_url)}")
    _, sessions = open_store(db_url)
    with sessions() as s:
        rows = list(history_rows(s, kinds=("table_row",)))
    click.echo(f"\n{len({r['record'] for r in rows})} records, {len(rows)} versions:\n")
    for row in rows:
        row["first_seen"] = (row["first_seen"] or "")[:19]
        row["gone_since"] = (row["gone_since"] or "")[:19]
    print_table(rows, COLUMNS, {"donors": 34, "recipients": 40, "status_label": 34})
    click.echo(f"\nNext: aidledger history --db {db_url} --format jsonl\n"
               f"      aidledger export --db {db_url} --format csv --out records.csv")


COMMANDS = [demo]
