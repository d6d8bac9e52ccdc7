"""History is never rewritten: each later fetch only appends versions, extends the latest
version's last_seen or marks a record gone. Checked through `aidledger history --format jsonl`
(the contract), over a sequence of in-order fetches of one page that changes and changes back."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from aidledger.cli.main import cli

FIXTURES = Path(__file__).parents[1] / "cli" / "fixtures"
URL = "https://harbor-light.example/program/supplies"
# (file, fetch time): the page changes, stays, changes back, comes back again
FETCHES = [("rev1.html", "2021-04-01T10:00:00+00:00"), ("rev2.html", "2021-04-02T10:00:00+00:00"),
           ("rev2.html", "2021-04-03T10:00:00+00:00"), ("rev1.html", "2021-04-04T10:00:00+00:00"),
           ("rev2.html", "2021-04-05T10:00:00+00:00")]
# gone_since is the record's (on every line of it); last_seen moves on its latest version only
MAY_MOVE = {"last_seen", "gone_since"}


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def versions(db: str) -> dict[tuple[str, int], dict]:
    out = run("history", "--format", "jsonl", "--events", "--db", db)
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return {(r["record"], r["version"]): r for r in rows}


def test_each_fetch_only_appends_to_history(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    before: dict[tuple[str, int], dict] = {}
    for name, when in FETCHES:
        run("ingest", str(FIXTURES / name), "--url", URL, "--fetched-at", when,
            "--kind", "program_page", "--db", db)
        after = versions(db)
        latest: dict[str, int] = {}
        for record, version in before:
            latest[record] = max(latest.get(record, 0), version)
        for key, old in before.items():
            assert key in after, f"version {key} disappeared after the fetch of {when}"
            new = after[key]
            moved = {f for f in old if old[f] != new[f]}
            assert moved <= MAY_MOVE, (key, moved, when)
            assert "last_seen" not in moved or latest[key[0]] == key[1], (key, when)
            assert new["last_seen"] >= old["last_seen"]
        before = after
    assert max(v for _, v in before) >= 2  # the sequence did make new versions
    assert "FAIL" not in run("db", "check", "--db", db)
