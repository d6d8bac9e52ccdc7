"""`aidledger reconcile`, `query` (with filters), `show`, `conflicts` and `review` end to end."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aidledger.cli.main import cli

TESTS = Path(__file__).parents[1]
SOURCES = """
[[source]]
name = "harbor"
kind = "program"
owner = "Harbor Light Foundation"
start_urls = ["https://harbor-light.example/program/supplies"]
"""


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, str]:
    db = f"sqlite:///{tmp_path / 'l.sqlite'}"
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES)
    run("ingest", "--manifest", str(TESTS / "cli" / "fixtures" / "manifest.json"), "--db", db)
    run("ingest", str(TESTS / "parsers" / "fixtures" / "article_gazette.html"), "--url",
        "https://gazette.example/world/x", "--fetched-at", "2021-05-11T09:00:00Z", "--db", db)
    out = run("reconcile", "--db", db, "--sources", str(sources))
    assert "donations" in out
    return db, str(sources)


def query(db: str, *args: str) -> list[dict]:
    return json.loads(run("query", "--format", "json", "--db", db, *args))


def test_filters_go_through_the_aliases(store):
    db, _ = store
    everything = query(db)
    assert len(everything) == 5
    iran = query(db, "--recipient", "Islamic Republic of Iran")
    assert [d["recipients"] for d in iran] == [["IRN"]] == [d["recipients"] for d in
                                                           query(db, "--recipient", "irn")]
    assert {d["item"] for d in query(db, "--item", "gowns")} == {"protective_suit"}
    harbor = query(db, "--donor", "harbor light foundation")  # any spelling of the name
    assert len(harbor) == 3 and all("Harbor Light Foundation" in d["donors"] for d in harbor)
    gone = query(db, "--conflicts-only")
    assert [c["kind"] for d in gone for c in d["conflicts"]] == ["gone_from_source"]
    assert query(db, "--min-sources", "2") == []
    assert len(query(db, "--q", "swiftline")) == 2


def test_csv_and_table_and_show(store):
    db, _ = store
    rows = list(csv.DictReader(io.StringIO(run("query", "--format", "csv", "--db", db))))
    assert len(rows) == 5 and rows[0]["id"].startswith("don_")
    table = run("query", "--db", db)
    assert "Harbor Light Foundation" in table
    shown = run("show", rows[0]["id"], "--db", db)
    assert "primary:" in shown
    result = CliRunner().invoke(cli, ["show", "don_nope", "--db", db])
    assert result.exit_code == 2 and "no donation" in result.output


def test_review_judgement_survives_a_rebuild(store):
    db, sources = store
    gowns = query(db, "--q", "swiftline")[0]
    peru = query(db, "--recipient", "Peru", "--item", "face_mask")[0]
    record = gowns["evidence"][0]["record"]
    run("review", "--db", db, "confirm", record, peru["id"])
    run("reconcile", "--rebuild", "--db", db, "--sources", sources)
    again = next(d for d in query(db) if d["id"] == peru["id"])
    assert record in [e["record"] for e in again["evidence"]]
    assert "confirmed by a reviewer" in run("show", peru["id"], "--db", db)


def test_a_rebuild_with_two_workers_gives_the_same_ledger(store):
    db, sources = store
    before = query(db)
    run("reconcile", "--rebuild", "--workers", "2", "--db", db, "--sources", sources)
    assert query(db) == before
