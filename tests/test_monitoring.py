"""Post-crawl checks per source."""

from __future__ import annotations

from aidledger.monitoring import check_run, check_source


def failed(checks):
    return [c.name for c in checks if not c.ok]


def test_layout_drift_drop_errors_and_bans():
    assert failed(check_source("s", {"pages": 3, "records": 0}, {"pages": 3, "records": 20})) == [
        "layout_drift"]
    assert failed(check_source("s", {"pages": 3, "records": 8}, {"pages": 3, "records": 20})) == [
        "row_drop"]
    assert failed(check_source("s", {"pages": 1, "failed": 3}, None)) == ["errors"]
    assert failed(check_source("s", {"pages": 8, "failed": 3, "banned": 3}, None)) == ["banned"]
    assert failed(check_source("s", {"pages": 3, "records": 19}, {"records": 20})) == []


def test_first_run_and_unreachable_pages_are_not_layout_drift():
    assert failed(check_source("s", {"pages": 2, "records": 0}, None)) == []
    assert failed(check_source("s", {"pages": 0, "failed": 1}, {"records": 5})) == ["errors"]
    assert [c.source for c in check_run({"b": {}, "a": {}}, {})] == ["a", "b"]


def test_stale_after_is_a_validated_duration(tmp_path):
    import subprocess
    import sys
    from datetime import timedelta

    import pytest

    from aidledger.config import parse_sources
    from aidledger.errors import ConfigError

    def one(value: str) -> str:
        return ('[[source]]\nname = "harbor"\nkind = "program"\n'
                f'start_urls = ["https://harbor.example/"]\nstale_after = {value}\n')

    assert parse_sources(one('"14d"'))[0].stale_after == timedelta(days=14)
    assert parse_sources(one('"36h"'))[0].stale_after == timedelta(hours=36)
    for bad in ('"soon"', '"0d"', '"14 days"', "14"):
        with pytest.raises(ConfigError, match=r"f\.toml:5: source 'harbor', field 'stale_after'"):
            parse_sources(one(bad), "f.toml")
    path = tmp_path / "sources.toml"
    path.write_text(one('"two weeks"'))
    done = subprocess.run([sys.executable, "-m", "aidledger.cli.main", "sources", "check",
                           "--sources", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "field 'stale_after': 'two weeks' is not a duration" in done.stderr


def test_a_page_unchanged_for_longer_than_stale_after_fails_its_check(tmp_path):
    from datetime import UTC, datetime, timedelta

    from aidledger.monitoring import check_stale
    from aidledger.storage.db import open_store
    from aidledger.storage.ingest import ingest, not_modified
    from aidledger.storage.pages import FetchedPage
    from aidledger.storage.runs import stale_pages

    _, sessions = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    t0 = datetime(2021, 2, 1, tzinfo=UTC)
    frozen, lively = "https://harbor.example/frozen", "https://harbor.example/lively"
    for url in (frozen, lively):
        ingest(sessions, FetchedPage(url, b"<p>first</p>", t0, source="harbor"))
    ingest(sessions, FetchedPage(lively, b"<p>second</p>", t0 + timedelta(days=12),
                                 source="harbor"))
    now = t0 + timedelta(days=20)
    for url in (frozen, lively):
        not_modified(sessions, url, now)  # both fetched in this run, both answered 304
    stale = stale_pages(sessions, "harbor", now - timedelta(days=14), now)
    assert stale == [(frozen, t0)]
    (check,) = check_stale("harbor", stale, timedelta(days=14), now)
    assert not check.ok and check.name == "stale"
    assert f"{frozen} has not changed since 2021-02-01 00:00 UTC (20 days)" in check.detail
    assert stale_pages(sessions, "harbor", now - timedelta(days=21), now) == []
    assert stale_pages(sessions, "harbor", now - timedelta(days=14), now, skip=(frozen,)) == []
    assert check_stale("harbor", [], timedelta(days=14), now) == []


def test_a_distributed_share_is_judged_by_rows_per_page():
    # one round's worker took 250 of 300 pages, the next round only 105: the same source
    assert failed(check_source("s", {"pages": 105, "records": 120},
                               {"pages": 250, "records": 252}, share=True)) == []
    assert failed(check_source("s", {"pages": 105, "records": 120},
                               {"pages": 250, "records": 252})) == ["row_drop"]
    assert failed(check_source("s", {"pages": 105, "records": 30},
                               {"pages": 250, "records": 252}, share=True)) == ["row_drop"]
    # a share of three listing pages says nothing; a one-page source fetched by this worker does
    assert failed(check_source("s", {"pages": 3, "records": 0},
                               {"pages": 250, "records": 252}, share=True)) == []
    assert failed(check_source("s", {"pages": 1, "records": 0},
                               {"pages": 1, "records": 20}, share=True)) == ["layout_drift"]
