"""`aidledger export` end to end: the documented record exports, table choice, clean errors,
and the corpus ledger as a data package that `frictionless validate` accepts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from frictionless import validate

from aidledger.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "storage" / "fixtures" / "export"
CORPUS = ROOT.parent / "shared" / "corpus"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def fails(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 2, result.output
    return result.output


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'e.sqlite'}"
    run("ingest", "--manifest", str(FIXTURES / "manifest.json"), "--db", url)
    run("reconcile", "--db", url)
    return url


def test_documented_record_exports_still_work(db, tmp_path):
    out = tmp_path / "records.csv"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "--out", str(out),
                                      "--db", db])
    assert result.exit_code == 0 and "wrote 6 records to" in result.output
    assert len(list(csv.DictReader(out.open(newline="")))) == 6
    lines = run("export", "--format", "jsonl", "--db", db).splitlines()
    assert {json.loads(x)["kind"] for x in lines} == {"table_row", "claim"}


def test_table_option_picks_the_ledger_table(db, tmp_path):
    donations = list(csv.DictReader(io.StringIO(
        run("export", "--format", "csv", "--table", "donations", "--db", db))))
    assert len(donations) == 4 and all(d["source_urls"] for d in donations)
    run("export", "--format", "xlsx", "--table", "donations", "--table", "sources",
        "--out", str(tmp_path / "l.xlsx"), "--db", db)
    import openpyxl

    assert openpyxl.load_workbook(tmp_path / "l.xlsx", read_only=True).sheetnames == [
        "about", "donations", "sources"]


def test_unusable_options_are_clean_errors(db, tmp_path):
    assert "needs --out" in fails("export", "--format", "parquet", "--db", db)
    assert "writes one table" in fails("export", "--format", "csv", "--table", "donations",
                                       "--table", "evidence", "--out", str(tmp_path / "x.csv"),
                                       "--db", db)
    assert "always writes every table" in fails("export", "--format", "datapackage", "--table",
                                                "donations", "--out", str(tmp_path), "--db", db)
    (tmp_path / "file").write_text("")
    assert "is a file" in fails("export", "--format", "datasette", "--out",
                                str(tmp_path / "file"), "--db", db)
    assert "is a folder" in fails("export", "--format", "parquet", "--out", str(tmp_path),
                                  "--db", db)


@pytest.mark.skipif(not (CORPUS / "jmf" / "manifest.json").exists(), reason="no shared corpus")
def test_corpus_ledger_exports_as_a_valid_data_package(tmp_path):
    url = f"sqlite:///{tmp_path / 'corpus.sqlite'}"
    run("ingest", "--manifest", str(CORPUS / "jmf" / "manifest.json"),
        "--manifest", str(CORPUS / "seeds" / "manifest.json"), "--db", url)
    run("reconcile", "--db", url)
    folder = tmp_path / "package"
    run("export", "--format", "datapackage", "--out", str(folder), "--db", url)
    report = validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])[:20]
    tasks = {t.name: t.stats["rows"] for t in report.tasks}
    assert tasks["donations"] > 20 and tasks["evidence"] >= tasks["donations"]
    assert tasks["sources"] == 71  # every snapshot of the 40 page versions, 29 posts, 2 seeds
    descriptor = json.loads((folder / "datapackage.json").read_text())
    assert [(s["path"], s["pages"]) for s in descriptor["sources"]] == [
        ("https://www.jackmafoundation.org.cn/", 31), ("https://www.scmp.com/", 1)]


def test_an_unreconciled_store_says_what_to_run(tmp_path):
    url = f"sqlite:///{tmp_path / 'raw.sqlite'}"
    run("ingest", "--manifest", str(FIXTURES / "manifest.json"), "--db", url)
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "--table", "donations",
                                      "--out", str(tmp_path / "d.csv"), "--db", url])
    assert result.exit_code == 0 and "run `aidledger reconcile` first" in result.output
    assert (tmp_path / "d.csv").read_text().startswith("id,donors,item,quantity")
