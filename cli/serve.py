"""`aidledger serve`: the read-only web app and JSON API (see README "Web app and API")."""

from __future__ import annotations

import click

from aidledger.cli.options import db_option, settings


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@db_option
def serve(host: str, port: int, db_url: str | None) -> None:
    """Serve the ledger read-only: pages, CSV and the JSON API under /api/.

    Reviews (POST /review, /api/review) are accepted only with the token set in
    AIDLEDGER_REVIEW_TOKEN; without it the server never writes.
    """
    import uvicorn

    from aidledger.web.app import WebConfig, create_app

    cfg = settings(db_url)
    app = create_app(WebConfig(cfg.db_url, cfg.review_token))
    click.echo(f"serving {cfg.db_url} read-only on http://{host}:{port}/ "
               f"(reviews {'enabled' if cfg.review_token else 'disabled'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


COMMANDS = [serve]
