"""The store failing under a crawl: SQLite locked by another writer while the web app reads,
PostgreSQL connections dropped mid-crawl, a full database. Reads never fail, the crawl waits or
retries, and nothing is half-written: after the fault the store passes every check and a rerun
completes it."""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select, text

from aidledger.cli.ledger import run_reconcile
from aidledger.demo.server import serve
from aidledger.errors import StoreError
from aidledger.storage.db import make_engine, open_store, upgrade
from aidledger.storage.ingest import write_batch
from aidledger.storage.integrity import check_store
from aidledger.storage.models import Blob, Page, Record, Snapshot
from aidledger.storage.pages import FetchedPage
from aidledger.web.app import WebConfig, create_app

ks = sys.modules["killsite"]  # registered by conftest.py


def _crawl(sources: Path, db: str, **kw):  # noqa: ANN202
    return ks.aidledger("crawl", "--source", "lantern", "--sources", str(sources), "--db", db,
                        **kw)


def test_sqlite_locked_by_another_writer_while_the_web_app_reads_during_a_crawl(tmp_path):
    """A second writer holds SQLite's write lock for a second at a time during the crawl; the
    web app reads all along. Every read answers 200, the crawl waits its turn and stores
    every page."""
    ks.build_site(tmp_path / "site")
    db = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    with serve(tmp_path / "site") as (base, site):
        sources = ks.sources_toml(tmp_path / "sources.toml", base)
        assert _crawl(sources, db).returncode == 0
        run_reconcile(db, {})
        client = TestClient(create_app(WebConfig(db)))
        site.revision, site.delay = 2, 0.05
        crawl = _crawl(sources, db, wait=False)
        statuses: list[int] = []
        locks = 0
        path = tmp_path / "busy.sqlite"
        deadline = time.monotonic() + 120
        while crawl.poll() is None and time.monotonic() < deadline:
            if locks < 4:  # another writer takes the write lock and sits on it
                hog = sqlite3.connect(path, timeout=30, isolation_level=None)
                hog.execute("BEGIN IMMEDIATE")
                hog.execute("UPDATE crawl_run SET detail = detail WHERE id = 1")
                until = time.monotonic() + 1.0
                while time.monotonic() < until:  # the web app reads meanwhile
                    for url in ("/api/donations", "/health", "/donations", "/api/facets"):
                        statuses.append(client.get(url).status_code)
                hog.execute("COMMIT")
                hog.close()
                locks += 1
            for url in ("/api/donations?limit=5", "/api/health"):
                statuses.append(client.get(url).status_code)
        crawl.wait(timeout=60)
        ks.wait_session(crawl.pid)
    assert crawl.returncode == 0, ks.stderr_text(crawl)
    assert locks >= 2 and len(statuses) > 20 and set(statuses) == {200}
    assert ks.problems(db) == []
    _, sessions = open_store(db, migrate=False)
    site_dir = tmp_path / "site"
    edited = sum((site_dir / f"p{i}.rev2.html").read_bytes() != (site_dir / f"p{i}.html")
                 .read_bytes() for i in range(ks.PAGES))
    with sessions() as s:  # the second revision of every edited page is stored and parsed
        assert s.scalar(select(func.count()).select_from(Snapshot)) == ks.PAGES + edited
        assert s.scalar(select(func.count()).select_from(Snapshot)
                        .where(Snapshot.parsed_at.is_(None))) == 0


def test_a_full_database_is_a_clear_error_and_nothing_of_the_batch_is_kept(tmp_path):
    """SQLite's max_page_count stands in for a full disk: the batch that does not fit fails
    with a StoreError saying so; the store keeps what it had and passes every check; with room
    again, the same batch is stored whole."""
    url = f"sqlite:///{tmp_path / 'full.sqlite'}"
    _, sessions = open_store(url)
    first = FetchedPage("https://lantern.example/p1", ks_page(1), datetime(2021, 3, 1, tzinfo=UTC),
                        kind="program_page", source="lantern")
    assert write_batch(sessions, [first])[0].error is None
    with sessions() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar()
    engine = make_engine(url)
    event.listen(engine, "connect", lambda conn, _r: conn.execute(
        f"PRAGMA max_page_count = {pages + 2}"))
    from sqlalchemy.orm import sessionmaker

    full = sessionmaker(engine, expire_on_commit=False)
    noise = os.urandom(256 * 1024).hex().encode()  # does not compress: needs many pages
    big = [FetchedPage(f"https://lantern.example/p{i}", ks_page(i) + noise,
                       datetime(2021, 3, 2, tzinfo=UTC), kind="program_page", source="lantern")
           for i in (2, 3)]
    with pytest.raises(StoreError, match="full"):
        write_batch(full, big)
    engine.dispose()
    with sessions() as s:
        assert [p for r in check_store(s) for p in r.problems] == []
        assert s.scalars(select(Page.url).order_by(Page.url)).all() == [first.url]
        assert s.scalar(select(func.count()).select_from(Blob)) == 1
    outcomes = write_batch(sessions, big)  # room again: the same batch, whole
    assert [o.error for o in outcomes] == [None, None]
    with sessions() as s:
        assert [p for r in check_store(s) for p in r.problems] == []
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 3
        assert s.scalar(select(func.count()).select_from(Record)) == 9


def ks_page(i: int) -> bytes:
    rows = "".join(f"<tr><td>{g}</td><td>{(i + 1) * 100 + j:,}</td><td>In Transit</td></tr>"
                   for j, g in enumerate(("Face Mask", "Gloves", "Ventilator")))
    return (f"<html><body><div class='country'>Peru</div><table><tr><th>Goods</th>"
            f"<th>QTY(Pieces)</th><th>Progress</th></tr>{rows}</table></body></html>").encode()


class DroppingProxy:
    """A TCP proxy to PostgreSQL on 127.0.0.1 that can cut every connection through it at once,
    as a server restart does (new connections are accepted again right after)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()
        self.dropped = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.pairs.append((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def drop_all(self) -> int:
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for s in pair:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
        self.dropped += len(pairs)
        return len(pairs)

    def close(self) -> None:
        self.listener.close()
        self.drop_all()


def test_postgresql_connections_dropped_mid_crawl_retry_and_nothing_is_half_written(tmp_path,
                                                                                     pg_url):
    """Every connection of the crawl (crawling process and writer) is cut three times while it
    stores pages; the crawl retries what was cut and ends with every page stored once."""
    proxy = DroppingProxy(("127.0.0.1", 5432))
    url, direct = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"), pg_url
    try:
        upgrade(make_engine(direct))
        ks.build_site(tmp_path / "site")
        with serve(tmp_path / "site") as (base, site):
            site.delay = 0.05
            sources = ks.sources_toml(tmp_path / "sources.toml", base)
            crawl = _crawl(sources, url, wait=False)
            _, sessions = open_store(direct, migrate=False)
            cuts, deadline = 0, time.monotonic() + 120
            while crawl.poll() is None and time.monotonic() < deadline:
                with sessions() as s:
                    stored = s.scalar(select(func.count()).select_from(Snapshot))
                if stored >= 4 * (cuts + 1) and cuts < 3:
                    cuts += proxy.drop_all() > 0
                time.sleep(0.05)
            crawl.wait(timeout=60)
            ks.wait_session(crawl.pid)
            err = ks.stderr_text(crawl)
            if crawl.returncode != 0:  # it failed cleanly: a rerun completes it
                assert ks.problems(direct, settled=False) == [], err
                assert _crawl(sources, url).returncode == 0
        assert cuts >= 2, (cuts, err)
        assert ks.problems(direct) == []
        with sessions() as s:
            assert s.scalar(select(func.count()).select_from(Page)) == ks.PAGES
            assert s.scalar(select(func.count()).select_from(Snapshot)) == ks.PAGES
            assert s.scalar(select(func.count()).select_from(Record)) == 3 * ks.PAGES
        print(f"connections cut {cuts} times ({proxy.dropped} connections); crawl exit "
              f"{crawl.returncode}")
    finally:
        proxy.close()
