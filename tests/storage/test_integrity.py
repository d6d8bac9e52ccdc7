"""`aidledger db check` on a real store (ingested pages, a reconciled ledger) damaged on purpose:
each kind of damage fails its own check, and only that one.

Damage is done the way it happens: SQL from outside the write path, on a connection that does
not enforce foreign keys (SQLite's default for any other tool).
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from aidledger.aggregator.reconcile import reconcile
from aidledger.cli.main import cli
from aidledger.storage.ingest import ingest
from aidledger.storage.integrity import CHECKS, check_store
from aidledger.storage.ledger_queries import load_records, load_reviews, write_ledger
from aidledger.storage.models import Record
from aidledger.storage.pages import FetchedPage

TESTS = Path(__file__).parents[1]
MANIFEST = TESTS / "cli" / "fixtures" / "manifest.json"
ARTICLE = TESTS / "parsers" / "fixtures" / "article_gazette.html"
FK, BODY, HASH, RECORDS, DUPES, HISTORY, LATEST, LEDGER, FAILURES = CHECKS


def cli_run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """Two revisions of a program page, one article, a reconciled ledger."""
    path = tmp_path_factory.mktemp("integrity") / "store.sqlite"
    db = f"sqlite:///{path}"
    for args in (("ingest", "--manifest", str(MANIFEST)),
                 ("ingest", str(ARTICLE), "--url", "https://gazette.example/world/x",
                  "--fetched-at", "2021-04-03T09:00:00+00:00"),
                 ("reconcile",)):
        code, out = cli_run(*args, "--db", db)
        assert code == 0, out
    return path


def damaged(store: Path, tmp_path: Path, *statements: str) -> str:
    copy = tmp_path / "damaged.sqlite"
    with sqlite3.connect(store) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    con = sqlite3.connect(copy)  # foreign keys off, as for any tool but ours
    for sql in statements:
        assert con.execute(sql).rowcount != 0, f"damage did nothing: {sql}"
    con.commit()
    con.close()
    return f"sqlite:///{copy}"


def failing(db: str) -> tuple[set[str], str]:
    code, out = cli_run("db", "check", "--db", db)
    failed = {line[5:] for line in out.splitlines() if line.startswith("FAIL ")}
    assert (code == 1) == bool(failed), out
    return failed, out


def test_an_undamaged_store_passes_every_check(store, tmp_path):
    failed, out = failing(damaged(store, tmp_path, "SELECT 1"))
    assert failed == set() and out.count("ok  ") == len(CHECKS)
    con = sqlite3.connect(store)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
              for t in ("snapshot", "record", "record_version", "donation", "evidence")}
    assert all(counts.values()), counts  # every table the checks read has rows to check


ONE_RECORD = "(SELECT id FROM record WHERE kind = 'table_row' ORDER BY id LIMIT 1)"
TWO_VERSIONS = "(SELECT record_id FROM record_version WHERE seq = 2 LIMIT 1)"
CLAIM_SNAPSHOT = "(SELECT id FROM snapshot WHERE kind = 'news_article')"
ONE_DONATION = "(SELECT donation_id FROM evidence WHERE role = 'primary' LIMIT 1)"

DAMAGE = {
    "a body deleted": ({FK, BODY}, [
        "DELETE FROM blob WHERE sha256 = (SELECT blob_sha256 FROM snapshot LIMIT 1)"],
        "has no stored body"),
    "a body rewritten": ({HASH}, [
        "UPDATE blob SET data = x'" + zlib.compress(b"<p>forged</p>").hex() + "' WHERE sha256 ="
        " (SELECT min(sha256) FROM blob)"], "no longer match their hash"),
    "a body unreadable": ({HASH}, [
        "UPDATE blob SET data = x'00ff00ff' WHERE sha256 = (SELECT min(sha256) FROM blob)"],
        "cannot be decompressed"),
    "an observation of a missing snapshot": ({FK}, [
        "UPDATE observation SET snapshot_id = 9999 WHERE id = (SELECT min(id) FROM observation)"],
        "observation 1: snapshot_id = 9999 points at no snapshot"),
    "a record never observed": ({RECORDS}, [
        f"DELETE FROM observation WHERE record_id = {ONE_RECORD}"], "was never observed"),
    "a record observed on another page": ({RECORDS}, [
        f"UPDATE observation SET snapshot_id = {CLAIM_SNAPSHOT} WHERE record_id = {ONE_RECORD}"],
        "observed in a snapshot of another page"),
    "a record's first snapshot on another page": ({RECORDS}, [
        f"UPDATE record SET first_snapshot_id = {CLAIM_SNAPSHOT} WHERE id = {ONE_RECORD}"],
        "first_snapshot_id is a snapshot of another page"),
    "a version lost": ({HISTORY}, [
        f"DELETE FROM record_version WHERE seq = 1 AND record_id = {TWO_VERSIONS}"],
        "version 2 has no version 1"),
    "versions overlapping": ({HISTORY}, [
        "UPDATE record_version SET first_seen = '2000-01-01 00:00:00.000000' WHERE seq = 2 AND "
        f"record_id = {TWO_VERSIONS}"], "version 2 starts before version 1 ends"),
    "a record without versions": ({HISTORY}, [
        f"DELETE FROM record_version WHERE record_id = {ONE_RECORD}"], "has no version"),
    "a record edited around its history": ({LATEST}, [
        f"UPDATE record SET quantity = quantity + 1 WHERE id = {ONE_RECORD}"],
        "differ from its version"),
    "evidence of a missing record": ({FK}, [
        "INSERT INTO evidence (donation_id, record_id, role, reason, source_key) SELECT "
        "donation_id, 'rec_missing', 'corroborates', 'x', source_key FROM evidence LIMIT 1"],
        "record_id = 'rec_missing' points at no record"),
    "evidence of a missing donation": ({FK}, [
        f"DELETE FROM donation WHERE id = {ONE_DONATION}"], "points at no donation"),
    "a donation without its primary record": ({LEDGER}, [
        f"DELETE FROM evidence WHERE role = 'primary' AND donation_id = {ONE_DONATION}"],
        "has 0 primary records, not 1"),
    "a second primary record": ({LEDGER}, [
        "INSERT INTO evidence (donation_id, record_id, role, reason, source_key) SELECT "
        f"{ONE_DONATION}, id, 'primary', 'x', 'x' FROM record WHERE id NOT IN (SELECT record_id "
        "FROM evidence) OR id = (SELECT max(record_id) FROM evidence) LIMIT 1"],
        "has 2 primary records, not 1"),
    "a donation id not derived from its record": ({LEDGER}, [
        "UPDATE evidence SET record_id = (SELECT max(record_id) FROM evidence) WHERE id = (SELECT "
        "min(id) FROM evidence WHERE record_id != (SELECT max(record_id) FROM evidence))"],
        "its id is not derived from its primary record"),
    "a failed fetch lost": ({FAILURES}, [
        "INSERT INTO crawl_run (command, started_at, finished_at, outcome, pages_fetched, "
        "pages_unchanged, pages_failed, records_added, records_changed, records_gone, detail) "
        "VALUES ('crawl', '2021-04-05 10:00:00.000000', '2021-04-05 10:05:00.000000', 'partial',"
        " 3, 0, 2, 0, 0, 0, '{}')",
        "INSERT INTO fetch_failure (run_id, url, at, status, reason) SELECT max(id), "
        "'https://harbor.example/x', '2021-04-05 10:01:00.000000', 500, 'HTTP 500' FROM crawl_run"],
        "counted 2 failed fetches, 1 stored"),
    "an invented role": ({LEDGER}, [
        "UPDATE evidence SET role = 'hearsay' WHERE id = (SELECT min(id) FROM evidence)"],
        "unknown role 'hearsay'"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_each_damage_fails_its_own_check(store, tmp_path, damage):
    expected, statements, message = DAMAGE[damage]
    failed, out = failing(damaged(store, tmp_path, *statements))
    assert failed == expected, out
    assert message in out, out


def test_a_duplicated_row_record_fails_the_identity_check(store, tmp_path):
    """A second record for the same row of the same snapshot: what a double write would leave."""
    con = sqlite3.connect(store)
    rec_cols = [r[1] for r in con.execute("PRAGMA table_info(record)")]
    obs_cols = [r[1] for r in con.execute("PRAGMA table_info(observation)") if r[1] != "id"]
    ver_cols = [r[1] for r in con.execute("PRAGMA table_info(record_version)") if r[1] != "id"]
    con.close()

    def copy(table: str, cols: list[str], key: str) -> str:
        values = ", ".join("'rec_twin'" if c == key else c for c in cols)
        return (f"INSERT INTO {table} ({', '.join(cols)}) SELECT {values} FROM {table} "  # noqa: S608
                f"WHERE {key} = {ONE_RECORD}")

    failed, out = failing(damaged(store, tmp_path, copy("record", rec_cols, "id"),
                                  copy("observation", obs_cols, "record_id"),
                                  copy("record_version", ver_cols, "record_id")))
    assert failed == {DUPES}, out
    assert "2 records claim the" in out


def test_the_checks_run_on_postgresql_too(sessions):
    """The same queries on both backends: clean passes, a record edited around its history not."""
    fixtures = TESTS / "cli" / "fixtures"
    from datetime import UTC, datetime, timedelta

    t0 = datetime(2021, 4, 1, 16, tzinfo=UTC)
    url = "https://harbor-light.example/program/supplies"
    for hours, name in ((0, "rev1.html"), (14, "rev2.html")):
        ingest(sessions, FetchedPage(url, (fixtures / name).read_bytes(),
                                     t0 + timedelta(hours=hours), kind="program_page"))
    ingest(sessions, FetchedPage("https://gazette.example/world/x", ARTICLE.read_bytes(),
                                 t0 + timedelta(hours=20), kind="news_article"))
    with sessions.begin() as s:
        write_ledger(s, reconcile(load_records(s, {url: "Harbor Light Foundation"}),
                                  load_reviews(s)))
    with sessions() as s:
        assert [(r.name, r.problems) for r in check_store(s) if not r.ok] == []
    with sessions.begin() as s:
        rec = s.scalars(select(Record).where(Record.kind == "table_row").limit(1)).one()
        rec.quantity = (rec.quantity or 0) + 1
    with sessions() as s:
        assert [r.name for r in check_store(s) if not r.ok] == [LATEST]
