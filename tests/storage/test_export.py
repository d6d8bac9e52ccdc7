"""Exports of the ledger on SQLite and PostgreSQL: provenance columns, every format agrees,
the data package validates (and catches damage), the workbook splits and stays inert text."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from frictionless import validate

from aidledger.aggregator.reconcile import reconcile
from aidledger.cli.documents import read_manifest
from aidledger.storage.export import export_file, export_folder, export_text, rows
from aidledger.storage.export_schema import TABLES
from aidledger.storage.export_xlsx import write_xlsx
from aidledger.storage.ingest import ingest
from aidledger.storage.ledger_queries import load_records, load_reviews, write_ledger

FIXTURES = Path(__file__).parent / "fixtures" / "export"
PAGE = "https://lantern-aid.example/shipments"
ARTICLE = "https://valley-courier.example/world/masks"


def sha(name: str) -> str:
    return hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest()


@pytest.fixture
def ledger(sessions):
    """Two revisions of a program page and an article that corroborates one row and
    contradicts another, reconciled."""
    for doc in sorted(read_manifest(FIXTURES / "manifest.json"), key=lambda d: d.fetched_at):
        ingest(sessions, doc.as_fetched())
    with sessions.begin() as s:
        write_ledger(s, reconcile(load_records(s), load_reviews(s)))
    return sessions


def table(sessions, name: str) -> list[dict]:
    with sessions() as s:
        return list(rows(s, TABLES[name]))


def test_donation_rows_carry_their_evidence_provenance(ledger):
    donations = {d["item"]: d for d in table(ledger, "donations")}
    assert set(donations) == {"face_mask", "test_kit", "gloves", "protective_suit"}
    masks = donations["face_mask"]
    assert masks["source_urls"] == [PAGE, ARTICLE] and masks["evidence_count"] == 2
    sources = {s["snapshot"]: s for s in table(ledger, "sources")}
    assert [sources[i]["url"] for i in masks["snapshots"]] == [PAGE, ARTICLE, PAGE]
    assert masks["snapshot_sha256"] == [sha("lantern_rev1.html"), sha("courier_article.html"),
                                        sha("lantern_rev2.html")]
    assert masks["first_seen"] == datetime(2021, 6, 1, 9, tzinfo=UTC)
    assert masks["last_seen"] == masks["last_retrieved"] == datetime(2021, 6, 3, 9, tzinfo=UTC)
    assert masks["recipients"] == ["CHL"] and masks["recipient_names"] == ["Chile"]
    kits = donations["test_kit"]
    assert kits["conflict_kinds"] == ["gone_from_source", "quantity"]
    assert kits["independent_sources"] == 2


def test_evidence_rows_quote_the_sentence_or_the_cells(ledger):
    evidence = table(ledger, "evidence")
    claims = [e for e in evidence if e["kind"] == "claim"]
    assert {e["role"] for e in claims} == {"corroborates", "conflicts"}
    conflict = next(e for e in claims if e["role"] == "conflicts")
    assert conflict["quote"].startswith("The Lantern Aid Fund also sent 2,700 test kits")
    assert conflict["cells"] is None and conflict["url"] == ARTICLE
    assert conflict["fetched_at"] == datetime(2021, 6, 2, 7, 15, tzinfo=UTC)
    assert conflict["snapshot_sha256"] == sha("courier_article.html")
    gloves = next(e for e in evidence if e["cells"] and "Gloves" in e["cells"]["goods"])
    assert gloves["quote"].startswith("Chile | =SUM(A1:A9) Gloves | 12,000 | Stocking Up")
    assert gloves["snapshot_sha256"] == sha("lantern_rev2.html")


def test_entities_resolve_donors_and_name_recipients(ledger):
    entities = {e["id"]: e for e in table(ledger, "entities")}
    assert entities["Lantern Aid Fund"]["roles"] == ["donor"]
    assert entities["Lantern Aid Fund"]["donations"] == 4
    assert entities["CHL"] == {"id": "CHL", "name": "Chile", "kind": "country", "family": None,
                               "country": None, "roles": ["recipient"], "donations": 3}
    assert 'Orchard & Sons "Ltd"' in entities


def test_every_format_holds_the_same_donations(ledger, tmp_path):
    expected = table(ledger, "donations")
    with ledger() as s:
        export_file(s, ["donations"], "csv", tmp_path / "d.csv")
        export_file(s, ["donations"], "jsonl", tmp_path / "d.jsonl")
        export_file(s, ["donations"], "parquet", tmp_path / "d.parquet")
        export_file(s, ["donations", "evidence"], "xlsx", tmp_path / "d.xlsx")
    key = [(d["id"], d["quantity"], d["snapshots"]) for d in expected]
    with (tmp_path / "d.csv").open(newline="") as f:
        got = [(r["id"], int(r["quantity"]), [int(x) for x in r["snapshots"].split("; ")])
               for r in csv.DictReader(f)]
    assert got == key
    lines = [json.loads(x) for x in (tmp_path / "d.jsonl").read_text().splitlines()]
    assert [(d["id"], d["quantity"], d["snapshots"]) for d in lines] == key
    assert lines[0]["first_seen"] == expected[0]["first_seen"].isoformat()
    parquet = pq.read_table(tmp_path / "d.parquet").to_pylist()
    assert [(d["id"], d["quantity"], d["snapshots"]) for d in parquet] == key
    assert parquet[0]["first_seen"] == expected[0]["first_seen"]
    book = openpyxl.load_workbook(tmp_path / "d.xlsx", read_only=True)
    assert book.sheetnames == ["about", "donations", "evidence"]
    sheet = list(book["donations"].values)
    assert sheet[0] == TABLES["donations"].columns
    assert [(r[0], r[3]) for r in sheet[1:]] == [(d["id"], d["quantity"]) for d in expected]


def test_workbook_splits_at_the_row_limit_and_writes_formulas_as_text(ledger, tmp_path):
    path = tmp_path / "small.xlsx"
    with ledger() as s:
        counts = write_xlsx([TABLES["records"]], lambda t: rows(s, t), path, limit=3)
    assert counts == {"records": 6}
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["about", "records", "records (2)", "records (3)"]
    assert [book[n].max_row for n in book.sheetnames[1:]] == [3, 3, 3]  # header + 2 rows each
    about = " ".join(str(c.value) for row in book["about"].iter_rows() for c in row if c.value)
    assert "split over 3 sheets" in about
    labels = [c for n in book.sheetnames[1:] for c in book[n]["F"] if c.value and
              str(c.value).startswith("=")]
    assert [(c.value, c.data_type) for c in labels] == [("=SUM(A1:A9) Gloves", "s")]


def test_data_package_validates_and_catches_a_broken_link(ledger, tmp_path):
    folder = tmp_path / "pkg"
    with ledger() as s:
        counts = export_folder(s, "datapackage", folder)
    assert counts == {"donations": 4, "evidence": 6, "entities": 4, "sources": 3, "records": 6}
    report = validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text())
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    assert [(s["path"], s["pages"], s["first_retrieved"], s["retrieved"])
            for s in descriptor["sources"]] == [
        ("https://lantern-aid.example/", 1, "2021-06-01T09:00:00+00:00",
         "2021-06-03T09:00:00+00:00"),
        ("https://valley-courier.example/", 1, "2021-06-02T07:15:00+00:00",
         "2021-06-02T07:15:00+00:00")]
    evidence = next(r for r in descriptor["resources"] if r["name"] == "evidence")
    assert {"fields": ["donation"], "reference": {"resource": "donations", "fields": ["id"]}} \
        in evidence["schema"]["foreignKeys"]
    # a donation missing from donations.csv leaves evidence pointing nowhere: reported
    lines = (folder / "donations.csv").read_text().splitlines(keepends=True)
    (folder / "donations.csv").write_text("".join(lines[:1] + lines[2:]))
    for r in descriptor["resources"]:
        r.pop("hash"), r.pop("bytes")
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    damaged = validate(folder / "datapackage.json")
    assert not damaged.valid
    assert "foreign-key" in {e[0] for e in damaged.flatten(["type"])}


def test_records_csv_keeps_its_documented_columns(ledger, tmp_path):
    out = tmp_path / "records.csv"
    with ledger() as s, out.open("w", newline="") as f:
        n = export_text(s, "records", "csv", f)
    with out.open(newline="") as f:
        read = list(csv.DictReader(f))
    assert n == len(read) == 6
    assert list(read[0])[:4] == ["record", "kind", "page", "block"]
    gloves = next(r for r in read if r["item"] == "gloves")
    assert gloves["donors"] == 'Lantern Aid Fund; Orchard & Sons "Ltd"'
    assert json.loads(gloves["recipients"])[0]["code"] == "CHL"


@pytest.mark.parametrize("sessions", ["sqlite"], indirect=True)
def test_datasette_serves_the_export_with_its_metadata(ledger, tmp_path):
    from datasette.app import Datasette

    with ledger() as s:
        export_folder(s, "datasette", tmp_path / "ds")
    meta = json.loads((tmp_path / "ds" / "metadata.json").read_text())
    ds = Datasette([str(tmp_path / "ds" / "aidledger.db")], metadata=meta)

    async def get(path: str) -> dict:
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    async def browse() -> tuple[dict, dict, dict, str]:
        facets = await get("/aidledger/donations.json?_extra=facet_results&_size=0")
        search = await get("/aidledger/evidence.json?_search=spokesperson&_labels=on"
                           "&_shape=objects")
        found = await get("/-/metadata.json")
        page = await ds.client.get("/aidledger/evidence")
        return facets, search, found, page.text

    facets, search, found, page = asyncio.run(browse())
    results = facets["facet_results"]
    assert {r["value"]: r["count"] for r in results["donors"]["results"]} == {
        "Lantern Aid Fund": 4, 'Orchard & Sons "Ltd"': 1}
    assert {r["value"] for r in results["item"]["results"]} == {
        "face_mask", "test_kit", "gloves", "protective_suit"}
    assert [r["role"] for r in search["rows"]] == ["conflicts"]
    assert search["rows"][0]["donation"]["value"].startswith("don_")  # a link to the donation
    assert found["databases"]["aidledger"]["tables"]["evidence"]["title"] == "Evidence"
    assert "Why each record is linked to its donation" in page
