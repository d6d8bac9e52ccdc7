"""The real `program` spider against a site served on 127.0.0.1, each crawl in its own process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from aidledger.demo.server import serve
from aidledger.spiders.items import FetchedPage, FetchFailed
from aidledger.spiders.pipelines import StorePipeline
from aidledger.storage.db import open_store
from aidledger.storage.models import CrawlRun, FetchFailure, Record, Snapshot

FOLLOW = r"/(supplies|regional)\.html$"


def crawl(db_url: str, *urls: str, follow: str | None = FOLLOW) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "aidledger.cli.main", "crawl", "--db", db_url]
    for url in urls:
        argv += ["--url", url]
    if follow:
        argv += ["--follow", follow]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'crawl.sqlite'}"


def counts(db_url: str) -> dict[str, int]:
    _, sessions = open_store(db_url)
    with sessions() as s:
        return {name: s.scalar(select(func.count()).select_from(model)) for name, model in
                (("snapshots", Snapshot), ("records", Record), ("failures", FetchFailure))}


def test_crawl_stores_pages_follows_links_and_parses_records(db):
    with serve() as (base, site):
        done = crawl(db, f"{base}/index.html")
        assert done.returncode == 0, done.stderr
        assert site.hits.get("/robots.txt") == 1  # robots.txt is obeyed, so it is asked for
    assert "3 pages" in done.stdout
    assert counts(db) == {"snapshots": 3, "records": 10, "failures": 0}
    _, sessions = open_store(db)
    with sessions() as s:
        snap = s.scalar(select(Snapshot).where(Snapshot.final_url.like("%supplies.html")))
        assert snap.status == 200 and snap.headers["content-type"].startswith("text/html")
        run = s.scalar(select(CrawlRun))
        assert (run.outcome, run.pages_fetched, run.records_added) == ("ok", 3, 10)


def test_server_errors_are_stored_as_failures_and_the_crawl_goes_on(db):
    with serve() as (base, site):
        site.statuses["/regional.html"] = 500
        done = crawl(db, f"{base}/index.html", f"{base}/gone.html")
        assert site.hits["/regional.html"] == 4  # first try and three retries
    assert done.returncode == 0, done.stderr
    assert "fetch failed, crawl goes on" in done.stderr
    _, sessions = open_store(db)
    with sessions() as s:
        failures = {f.url.rsplit("/", 1)[1]: (f.status, f.reason) for f in
                    s.scalars(select(FetchFailure))}
    assert failures == {"regional.html": (500, "HTTP 500"), "gone.html": (404, "HTTP 404")}
    assert counts(db)["snapshots"] == 2


def test_unchanged_site_adds_no_snapshot_and_a_changed_page_adds_one(db):
    with serve() as (base, site):
        crawl(db, f"{base}/index.html")
        crawl(db, f"{base}/index.html")
        assert counts(db)["snapshots"] == 3
        site.revision = 2
        done = crawl(db, f"{base}/index.html")
    assert "2 unchanged" in done.stdout
    assert counts(db)["snapshots"] == 4
    _, sessions = open_store(db)
    with sessions() as s:
        seen = s.scalar(select(func.max(Snapshot.times_seen)))
    assert seen == 3


def test_every_fetch_failing_exits_non_zero(db):
    with serve() as (base, _site):
        done = crawl(db, f"{base}/nothing-here.html", follow=None)
    assert done.returncode == 1


def test_pipeline_works_without_a_crawler(tmp_path):
    from datetime import UTC, datetime

    pipeline = StorePipeline(f"sqlite:///{tmp_path / 'p.sqlite'}")
    pipeline.open_spider()
    body = (Path(__file__).parents[1] / "cli" / "fixtures" / "rev1.html").read_bytes()
    pipeline.process_item(FetchedPage("https://harbor.example/s", body, datetime.now(UTC)))
    pipeline.process_item(FetchFailed("https://harbor.example/x", datetime.now(UTC), "HTTP 503",
                                      503))
    pipeline.close_spider()
    assert pipeline.counts["records"] == 3 and pipeline.counts["failed"] == 1
    _, sessions = open_store(pipeline.db_url)
    with sessions() as s:
        assert s.scalar(select(CrawlRun.outcome)) == "partial"


def test_unchanged_pages_cost_one_conditional_request_and_no_parse(db):
    with serve() as (base, site):
        crawl(db, f"{base}/index.html")
        _, sessions = open_store(db)
        with sessions() as s:
            parsed = {snap.id: snap.parsed_at for snap in s.scalars(select(Snapshot))}
        before = dict(site.hits)
        done = crawl(db, f"{base}/index.html")
        assert done.returncode == 0, done.stderr
        assert site.not_modified == 2  # the two program pages answered 304
        assert {p: site.hits[p] - before.get(p, 0) for p in ("/supplies.html",
                                                              "/regional.html")} == {
            "/supplies.html": 1, "/regional.html": 1}
    with sessions() as s:
        assert {snap.id: snap.parsed_at for snap in s.scalars(select(Snapshot))} == parsed
        assert s.scalar(select(func.max(Snapshot.times_seen))) == 2
        run = s.scalar(select(CrawlRun).order_by(CrawlRun.id.desc()))
        assert (run.pages_unchanged, run.records_added) == (3, 0)


def test_a_source_whose_layout_changed_fails_its_check(db, tmp_path):
    import shutil

    site_dir = tmp_path / "site"
    shutil.copytree(Path(__file__).parents[2] / "aidledger" / "demo" / "site", site_dir)
    for name in ("supplies", "regional"):  # revision 3: the tables became plain prose
        (site_dir / f"{name}.rev3.html").write_text(
            "<html><body><h1>Supplies</h1><p>Our donation details moved to a PDF report."
            "</p></body></html>")
    with serve(site_dir) as (base, site):
        first = crawl(db, f"{base}/index.html")
        assert first.returncode == 0, first.stderr
        site.revision = 3
        second = crawl(db, f"{base}/index.html")
    assert second.returncode == 3
    assert "CHECK FAILED" in second.stderr and "layout_drift" in second.stderr
    _, sessions = open_store(db)
    with sessions() as s:
        run = s.scalar(select(CrawlRun).order_by(CrawlRun.id.desc()))
    assert run.outcome == "check_failed"
    assert [c["check"] for c in run.detail["checks"] if not c["ok"]] == ["layout_drift"]


def test_progress_lines_when_not_on_a_terminal(tmp_path, capsys):
    from datetime import UTC, datetime

    pipeline = StorePipeline(f"sqlite:///{tmp_path / 'p.sqlite'}")
    pipeline.progress_every = 2
    pipeline.open_spider()
    for i in range(5):
        pipeline.process_item(FetchFailed(f"https://x.example/{i}", datetime.now(UTC), "HTTP 500"))
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("progress:")]
    assert lines == [f"progress: 0 pages (0 unchanged), 0 records, {n} fetch errors, 0 parse errors"
                     for n in (2, 4)]


def test_a_page_that_stopped_changing_fails_the_stale_check(db, tmp_path):
    import urllib.request
    from datetime import UTC, datetime, timedelta

    from aidledger.storage.ingest import ingest

    with serve() as (base, site):
        url = f"{base}/supplies.html"
        with urllib.request.urlopen(url) as answer:  # the page as the site serves it now
            body, etag = answer.read(), answer.headers["ETag"]
        _, sessions = open_store(db)
        month_ago = datetime.now(UTC) - timedelta(days=30)
        ingest(sessions, FetchedPage(url, body, month_ago, headers={"ETag": etag},
                                     kind="program_page", source="harbor"))
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "harbor"\nkind = "program"\nstart_urls = ["{url}"]\n'
            f'allowed_domains = ["127.0.0.1"]\nstale_after = "14d"\n\n'
            f'[[source]]\nname = "fresh"\nkind = "program"\nstart_urls = ["{base}/regional.html"]\n'
            f'allowed_domains = ["127.0.0.1"]\nstale_after = "14d"\n')
        done = subprocess.run([sys.executable, "-m", "aidledger.cli.main", "crawl", "--sources",
                               str(sources), "--db", db], capture_output=True, text=True,
                              timeout=120)
        assert site.not_modified == 1  # the month-old copy is still what the site serves
    assert done.returncode == 3, done.stderr
    assert "CHECK FAILED for source harbor: stale:" in done.stderr
    assert "fresh" not in done.stderr.split("CHECK FAILED", 1)[1]
    with sessions() as s:
        run = s.scalar(select(CrawlRun).where(CrawlRun.command == "crawl"))
    assert [(c["source"], c["check"]) for c in run.detail["checks"] if not c["ok"]] == [
        ("harbor", "stale")]
