"""Article discovery: feeds, sitemap indexes, Google News sitemaps, filters before fetching."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from aidledger.config import Source
from aidledger.demo.server import serve
from aidledger.spiders.discovery import Candidate, from_feed, from_sitemap, keep
from aidledger.storage.db import open_store
from aidledger.storage.models import Page

NEWS = Path(__file__).parent / "fixtures" / "news"
SRC = Source(name="gazette", kind="news", start_urls=(), feeds=("http://x/feed.xml",),
             keywords=("mask", "kit", "ventilator"), since=date(2020, 3, 1))


def test_feed_entries_with_dates_and_absolute_links():
    found = from_feed((NEWS / "feed.xml").read_bytes(), "http://127.0.0.1:9/feed.xml")
    assert [c.url for c in found][0] == "http://127.0.0.1:9/story-masks.html"
    assert found[0].published == datetime(2020, 4, 7, 9, 0, tzinfo=UTC)


def test_sitemap_index_and_news_sitemap():
    articles, children = from_sitemap((NEWS / "sitemap-index.xml").read_bytes())
    assert (articles, children) == ([], ["http://HOST/news-sitemap.xml"])
    articles, children = from_sitemap((NEWS / "news-sitemap.xml").read_bytes())
    assert children == [] and articles[0].title == "Test kits donated to Nepal"
    assert articles[0].published.isoformat() == "2020-04-08T08:00:00+02:00"
    assert from_sitemap(b"not xml at all") == ([], [])


def test_keyword_and_date_filters_use_what_the_index_says():
    found = from_feed((NEWS / "feed.xml").read_bytes(), "http://h/")
    assert [keep(c, SRC) for c in found] == [True, False, False]  # football; too old
    assert keep(Candidate("http://h/undated"), SRC)  # nothing to judge by: kept


def test_news_spider_fetches_only_filtered_articles_in_allowed_domains(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(NEWS, site)
    db = f"sqlite:///{tmp_path / 'news.sqlite'}"
    with serve(site) as (base, state):
        for name in ("sitemap-index.xml", "news-sitemap.xml"):
            p = site / name
            p.write_text(p.read_text().replace("http://HOST", base))
        sources = tmp_path / "sources.toml"
        sources.write_text(f'''
[[source]]
name = "gazette"
kind = "news"
feeds = ["{base}/feed.xml"]
sitemaps = ["{base}/sitemap-index.xml"]
keywords = ["mask", "kit", "ventilator"]
since = 2020-03-01
allowed_domains = ["127.0.0.1"]
''')
        done = subprocess.run([sys.executable, "-m", "aidledger.cli.main", "crawl", "--sources",
                               str(sources), "--db", db], capture_output=True, text=True,
                              timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert "/story-football.html" not in state.hits and "/story-old.html" not in state.hits
    _, sessions = open_store(db)
    with sessions() as s:
        urls = sorted(u.rsplit("/", 1)[1] for u in s.scalars(select(Page.url)))
        kinds = set(s.scalars(select(Page.kind)))
    assert urls == ["story-kits.html", "story-masks.html"]
    assert kinds == {"news_article"}


def test_articles_already_stored_are_not_fetched_again(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(NEWS, site)
    db = f"sqlite:///{tmp_path / 'news.sqlite'}"
    with serve(site) as (base, state):
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[source]]\nname = "g"\nkind = "news"\nfeeds = ["{base}/feed.xml"]\n'
                           'keywords = ["mask"]\n')
        argv = [sys.executable, "-m", "aidledger.cli.main", "crawl", "--sources", str(sources),
                "--db", db]
        for _ in range(2):
            done = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                                  check=False)
            assert done.returncode in (0, 1), done.stderr
        assert state.hits["/feed.xml"] == 2  # the feed is always read whole
        assert state.hits["/story-masks.html"] == 1  # the article only once
