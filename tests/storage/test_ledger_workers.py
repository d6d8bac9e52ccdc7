"""A reconcile with the syndication keys computed in a forked process gives the ledger of a
single-process one, on SQLite and PostgreSQL; where a fork could not see the data it does not
fork."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from aidledger.storage.ingest import ingest
from aidledger.storage.ledger_reconcile import reconcile_store
from aidledger.storage.ledger_search import donations_json
from aidledger.storage.models import Page
from aidledger.storage.pages import FetchedPage
from aidledger.storage.syndication import StoryKeys, story_keys

TESTS = Path(__file__).parents[1]
T0 = datetime(2021, 4, 1, 16, 0, tzinfo=UTC)
PROGRAM = "https://harbor-light.example/program/supplies"
OWNERS = {PROGRAM: "Harbor Light Foundation"}
ARTICLE = TESTS / "parsers" / "fixtures" / "article_gazette.html"
COPIES = ["https://gazette.example/world/x", "https://courier.example/news/y",
          "https://herald.example/z"]


def _fill(sessions) -> None:
    for hours, path in ((0, "rev1.html"), (14, "rev2.html")):
        body = (TESTS / "cli" / "fixtures" / path).read_bytes()
        ingest(sessions, FetchedPage(PROGRAM, body, T0 + timedelta(hours=hours),
                                     kind="program_page"))
    for i, url in enumerate(COPIES):  # one story on three outlets
        ingest(sessions, FetchedPage(url, ARTICLE.read_bytes(), T0 + timedelta(hours=20 + i),
                                     kind="news_article"))


def _ledger(sessions, workers: int) -> list[dict]:
    with sessions.begin() as s:
        reconcile_store(s, OWNERS, rebuild=True, workers=workers)
    with sessions() as s:
        return list(donations_json(s))


def test_forked_keys_and_ledger_equal_single_process(sessions):
    _fill(sessions)
    with sessions() as s:
        job = StoryKeys.start(s)
        assert job.proc is not None  # it did fork
        forked = job.get()
        assert forked == story_keys(s)
    assert len({forked[p] for p in forked}) == 1  # the copies are one source
    single = _ledger(sessions, 1)
    assert single and _ledger(sessions, 2) == single


def test_no_fork_when_the_fork_could_not_see_uncommitted_writes(tmp_path):
    from aidledger.storage.db import open_store

    _, sessions = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _fill(sessions)
    with sessions.begin() as s:
        page = s.scalar(select(Page).where(Page.url == COPIES[0]))
        page.last_fetched = T0 + timedelta(days=1)  # an uncommitted write
        s.flush()
        job = StoryKeys.start(s)
        assert job.proc is None
        assert job.get() == story_keys(s)
    _, memory = open_store("sqlite://")
    with memory() as s:
        assert StoryKeys.start(s).proc is None
