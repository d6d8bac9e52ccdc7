"""The fast rebuild path gives the ledger of the plain one: the syndication keys computed in a
forked process (on SQLite and PostgreSQL; no fork where it could not see the data), and on
SQLite the indexes set aside during the fill (a failed rebuild leaves the old ledger and every
index)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from aidledger.storage import ledger_write
from aidledger.storage.db import open_store
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


INDEXES = text("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")


def test_a_failed_rebuild_keeps_the_old_ledger_and_its_indexes(tmp_path, monkeypatch):
    _, sessions = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _fill(sessions)
    with sessions.begin() as s:
        reconcile_store(s, OWNERS, rebuild=True)
    with sessions() as s:
        ledger, indexes = list(donations_json(s)), s.execute(INDEXES).all()
    assert ledger and any("donation" in name for name, _ in indexes)
    real = ledger_write.bulk_insert

    def failing(session, table, rows, *columns):
        if getattr(table, "name", "") == "evidence":
            raw = session.connection().connection.driver_connection
            dropped = raw.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                  "AND tbl_name = 'donation' AND sql IS NOT NULL")
            assert dropped.fetchone()[0] == 0  # set aside during the fill
            raise RuntimeError("disk full")
        real(session, table, rows, *columns)

    monkeypatch.setattr(ledger_write, "bulk_insert", failing)
    with pytest.raises(RuntimeError), sessions.begin() as s:
        reconcile_store(s, OWNERS, rebuild=True)
    monkeypatch.undo()
    with sessions() as s:
        assert s.execute(INDEXES).all() == indexes
        assert list(donations_json(s)) == ledger
    with sessions.begin() as s:  # and a rebuild that succeeds puts every index back
        reconcile_store(s, OWNERS, rebuild=True)
    with sessions() as s:
        assert s.execute(INDEXES).all() == indexes
        assert list(donations_json(s)) == ledger
