"""The sources file's `[crawl]` table: crawl-wide limits, validated, mapped onto Scrapy."""

from __future__ import annotations

import pytest

from aidledger.config import CrawlLimits, load_settings, parse_crawl_limits
from aidledger.errors import ConfigError
from aidledger.spiders.runner import scrapy_settings


def test_limits_become_scrapy_settings(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text("[crawl]\ntimeout = 2.5\nretries = 0\nbackoff = 0.1\nmax_size = 65536\n")
    cfg = load_settings(sources_path=path, db_url="sqlite://")
    assert cfg.crawl == CrawlLimits(timeout=2.5, retries=0, backoff=0.1, max_size=65536)
    s = scrapy_settings(cfg)
    assert (s.getfloat("DOWNLOAD_TIMEOUT"), s.getint("RETRY_TIMES"),
            s.getfloat("AIDLEDGER_RETRY_BACKOFF_BASE"), s.getint("DOWNLOAD_MAXSIZE"),
            s.getint("DOWNLOAD_WARNSIZE")) == (2.5, 0, 0.1, 65536, 65536)


def test_without_limits_the_project_defaults_stay():
    s = scrapy_settings(load_settings(sources_path=None, db_url="sqlite://"))
    assert (s.getint("DOWNLOAD_TIMEOUT"), s.getint("DOWNLOAD_MAXSIZE")) == (30, 16 * 1024 * 1024)


@pytest.mark.parametrize("table, problem", [
    ("[crawl]\ntimeout = -1\n", "'timeout': expected a number >= 0.0, got -1"),
    ("[crawl]\nretries = 1.5\n", "'retries': expected a number >= 0, got 1.5"),
    ("[crawl]\nmax_size = true\n", "'max_size': expected a number >= 1, got True"),
    ("[crawl]\ntimout = 3\n", "'timout': unknown"),
    ("crawl = 3\n", "write the crawl limits as a [crawl] table"),
])
def test_bad_limits_say_which_and_why(table, problem):
    with pytest.raises(ConfigError, match="sources.toml: ") as err:
        parse_crawl_limits(table, "sources.toml")
    assert problem in str(err.value)
