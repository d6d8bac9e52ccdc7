"""`aidledger ingest`, `extract`, `history` and `export` on saved pages, in one process each."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from aidledger.cli.main import cli

HERE = Path(__file__).parent / "fixtures"
URL = "https://harbor-light.example/program/supplies"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def history(db: str, *extra: str) -> list[dict]:
    out = run("history", "--format", "jsonl", "--db", db, *extra)
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_manifest_ingest_runs_in_time_order_and_builds_history(db):
    out = run("ingest", "--manifest", str(HERE / "manifest.json"), "--db", db)
    assert "ingested 2 pages" in out
    rows = history(db)
    peru = [r for r in rows if r["block"] == "Peru" and r["item"] == "face_mask"]
    assert [r["status"] for r in peru] == ["preparing", "in_transit"]
    assert len({r["record"] for r in peru}) == 1
    assert peru[0]["first_seen"] == "2021-04-01T16:00:00+00:00"
    iran = [r for r in rows if r["item"] == "face_mask" and "Iran" in r["block"]]
    assert [r["status"] for r in iran] == ["in_transit", "accepted"]
    assert iran[-1]["block"] == "Islamic Republic of Iran"
    kits = [r for r in rows if r["item"] == "test_kit"]
    assert len(kits) == 1 and kits[0]["gone_since"] == "2021-04-02T06:30:00+00:00"


def test_ingesting_the_same_pages_twice_changes_nothing(db):
    run("ingest", "--manifest", str(HERE / "manifest.json"), "--db", db)
    before = history(db)
    out = run("ingest", "--manifest", str(HERE / "manifest.json"), "--db", db)
    assert "2 unchanged" in out
    assert history(db) == before


def test_late_older_snapshot_rebuilds_to_the_same_history(db, tmp_path):
    in_order = f"sqlite:///{tmp_path / 'ordered.sqlite'}"
    run("ingest", "--manifest", str(HERE / "manifest.json"), "--db", in_order)
    run("ingest", str(HERE / "rev2.html"), "--url", URL, "--fetched-at",
        "2021-04-02T08:30:00+02:00", "--db", db)
    run("ingest", str(HERE / "rev1.html"), "--url", URL, "--fetched-at",
        "2021-04-01T18:00:00+02:00", "--db", db)
    assert history(db) == history(in_order)


def test_history_filters_by_country_name_or_code(db):
    run("ingest", "--manifest", str(HERE / "manifest.json"), "--db", db)
    by_name = history(db, "--country", "Iran")
    assert by_name and all("Iran" in r["block"] for r in by_name)
    assert history(db, "--country", "IRN") == by_name


def test_extract_prints_contract_fields_using_the_manifest_beside_the_file():
    out = run("extract", str(HERE / "rev1.html"))
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 3
    first = records[0]
    for key in ("document", "kind", "source_url", "donors", "item", "item_label", "quantity",
                "status", "status_parts", "recipients", "date", "raw", "locator"):
        assert key in first
    assert first["source_url"] == URL
    assert first["raw"]["qty"] == "40,000" and first["quantity"] == 40_000
    assert {r["code"] for r in first["recipients"]} == {"PER"}


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name, when in (("rev1.html", "2021-04-01T16:00:00Z"),
                           ("rev2.html", "2021-04-02T06:30:00Z")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            body = (HERE / name).read_bytes()
            rec = writer.create_warc_record(URL, "response", payload=io.BytesIO(body),
                                            http_headers=headers,
                                            warc_headers_dict={"WARC-Date": when})
            writer.write_record(rec)


def test_warc_archive_is_ingested_with_its_capture_times(db, tmp_path):
    archive = tmp_path / "site.warc.gz"
    _warc(archive)
    run("ingest", str(archive), "--db", db)
    other = f"sqlite:///{tmp_path / 'from-manifest.sqlite'}"
    run("ingest", "--manifest", str(HERE / "manifest.json"), "--db", other)
    assert history(db) == history(other)


def test_export_csv_and_jsonl(db, tmp_path):
    run("ingest", "--manifest", str(HERE / "manifest.json"), "--db", db)
    run("export", "--format", "csv", "--out", str(tmp_path / "r.csv"), "--db", db)
    lines = (tmp_path / "r.csv").read_text().splitlines()
    assert lines[0].startswith("record,kind,page,block") and len(lines) == 4
    out = run("export", "--format", "jsonl", "--db", db)
    assert len([json.loads(x) for x in out.splitlines()]) == 3


def test_ingest_without_input_is_a_clean_error(db):
    result = CliRunner().invoke(cli, ["ingest", "--db", db])
    assert result.exit_code == 2
    assert "nothing to ingest" in result.output


def test_db_check_passes_on_an_ingested_store_and_reports_damage(db):
    run("ingest", "--manifest", str(HERE / "manifest.json"), "--db", db)
    assert "FAIL" not in run("db", "check", "--db", db)
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys=OFF"))
        conn.execute(text("DELETE FROM record_version WHERE seq = 1"))
    result = CliRunner().invoke(cli, ["db", "check", "--db", db])
    assert result.exit_code == 1
    assert "has no version" in result.output


ARTICLE = Path(__file__).parents[1] / "parsers" / "fixtures" / "article_gazette.html"


def test_extract_on_an_article_prints_its_metadata_then_its_claims():
    out = run("extract", str(ARTICLE), "--url", "https://gazette.example/world/x")
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["kind"] == "article" and lines[0]["outlet"] == "Harbor Gazette"
    claims = lines[1:]
    assert [(c["kind"], c["donors"], c["item"], c["quantity"]) for c in claims] == [
        ("claim", ["Swiftline"], "protective_suit", 45_000),
        ("claim", ["Swiftline"], "protective_suit", 20_000)]
    first = claims[0]
    assert [r["code"] for r in first["recipients"]] == ["PER"]
    assert first["evidence"]["sentence"].startswith("The courier company Swiftline")
    assert first["document"] == str(ARTICLE)


def test_ingested_article_claims_are_stored_as_records(db):
    run("ingest", str(ARTICLE), "--url", "https://gazette.example/world/x", "--fetched-at",
        "2021-05-11T09:00:00+00:00", "--db", db)
    out = run("export", "--format", "jsonl", "--db", db)
    rows = [json.loads(x) for x in out.splitlines()]
    assert {r["kind"] for r in rows} == {"claim"} and len(rows) == 2
