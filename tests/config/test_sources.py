"""The sources file: what it accepts, and errors that say file, line, field and problem."""

from __future__ import annotations

from datetime import date

import pytest

from aidledger.config import load_settings, parse_sources
from aidledger.errors import ConfigError

GOOD = """
contact = "https://newsroom.example/aidledger"

[[source]]
name = "harbor-light"
kind = "program"
owner = "Harbor Light Foundation"
start_urls = ["https://harbor-light.example/program/supplies"]
allowed_domains = ["harbor-light.example"]
schedule = "0 */6 * * *"
delay = 1.5

[[source]]
name = "gazette"
kind = "news"
feeds = "https://gazette.example/rss.xml"
keywords = ["mask", "ventilator"]
since = 2020-02-01
"""


def test_a_valid_file_gives_typed_sources():
    harbor, gazette = parse_sources(GOOD)
    assert harbor.owner == "Harbor Light Foundation" and harbor.delay == 1.5
    assert harbor.schedule == "0 */6 * * *"
    assert gazette.feeds == ("https://gazette.example/rss.xml",)
    assert gazette.since == date(2020, 2, 1) and gazette.start_urls == ()


@pytest.mark.parametrize(("change", "expected"), [
    (('schedule = "0 */6 * * *"', 'schedule = "61 * * * *"'),
     ":10: source 'harbor-light', field 'schedule'"),
    (('kind = "news"', 'kind = "blog"'), ":15: source 'gazette', field 'kind'"),
    (('delay = 1.5', 'delay = "soon"'), ":11: source 'harbor-light', field 'delay'"),
    (('name = "gazette"', 'name = "harbor-light"'), "field 'name': this name is used"),
    (('feeds = "https://gazette.example/rss.xml"', 'feeds = "gazette.example"'),
     "not an http(s) URL"),
    (('keywords = ["mask", "ventilator"]', 'keywrods = ["mask"]'),
     "field 'keywrods': unknown field"),
])
def test_strict_errors_name_line_source_and_field(change, expected):
    text = GOOD.replace(*change)
    with pytest.raises(ConfigError) as err:
        parse_sources(text, "sources.toml", strict=True)
    assert expected in str(err.value)


def test_unknown_field_is_only_a_warning_outside_strict_mode(caplog):
    (harbor, _) = parse_sources(GOOD.replace("delay = 1.5", "colour = 'blue'"))
    assert harbor.extra == {"colour": "blue"}
    assert "unknown field" in caplog.text


def test_environment_overrides(tmp_path, monkeypatch):
    path = tmp_path / "s.toml"
    path.write_text(GOOD)
    monkeypatch.setenv("AIDLEDGER_SOURCES", str(path))
    monkeypatch.setenv("AIDLEDGER_DB_URL", "sqlite:////tmp/elsewhere.sqlite")
    settings = load_settings()
    assert settings.db_url == "sqlite:////tmp/elsewhere.sqlite"
    assert settings.contact == "https://newsroom.example/aidledger"
    assert [s.name for s in settings.sources] == ["harbor-light", "gazette"]
    assert load_settings(db_url="sqlite:///x.sqlite").db_url == "sqlite:///x.sqlite"


def test_missing_sources_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("AIDLEDGER_SOURCES", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings()
