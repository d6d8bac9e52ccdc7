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
