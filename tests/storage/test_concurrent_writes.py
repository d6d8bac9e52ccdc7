"""Several processes writing the same and overlapping pages into one store at once leave exactly
the rows one process writing them in turn leaves: no duplicate page, blob, snapshot, record,
version or observation (the write path upserts against unique keys and locks each page)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from aidledger.storage.db import open_store
from aidledger.storage.integrity import check_store
from aidledger.storage.models import (
    Blob,
    Observation,
    Page,
    PageConflict,
    Record,
    RecordVersion,
    Snapshot,
    Source,
)

WORKERS = 4

# Each worker ingests, in batches and in its own shuffled order: every page as one shared fetch
# (the same response handed to all), the same bodies again at its own times (seen again), the
# second revision of the pages it shares with two other workers (one fetch), then 304 answers.
WORKER = textwrap.dedent("""
    import random, sys, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from aidledger.storage.db import open_store
    from aidledger.storage.ingest import write_batch
    from aidledger.storage.pages import FetchedPage, NotModified

    T = datetime(2021, 3, 1, 8, 0, tzinfo=UTC)
    GOODS = ["Face Mask", "Detection Kit", "Protective Suit", "Gloves"]

    def body(i, rev):
        rows = [(GOODS[(i + j) % 4], (i + 1) * 1000 + j, "Stocking Up") for j in range(3)]
        if rev == 2:
            rows = [(rows[0][0], rows[0][1], "In Transit"), rows[1],
                    ("Ventilator", 40 + i, "Arrived")]
        cells = "".join(f"<tr><td>{g}</td><td>{q:,}</td><td>{s}</td></tr>" for g, q, s in rows)
        country = ["Peru", "Kenya", "Nepal", "Chile"][i % 4]
        return (f"<html><body><div class='country'>{country}</div><table><tr><th>Goods</th>"
                f"<th>QTY(Pieces)</th><th>Progress</th></tr>{cells}</table></body></html>").encode()

    def page(i, rev, when):
        # page i and page i + 6 have the same body: one blob for the two
        return FetchedPage(f"https://lantern.example/p{i}", body(i % 6, rev), when,
                           kind="program_page", source="lantern",
                           headers={"Content-Type": "text/html", "ETag": f'"{i}-{rev}"'})

    def plan(w, n, workers):
        rng = random.Random(w)
        rounds = [[page(i, 1, T) for i in range(n)],
                  [page(i, 1, T + timedelta(minutes=w + 1)) for i in range(n)],
                  [page(i, 2, T + timedelta(hours=1)) for i in range(n) if i % workers != w],
                  [NotModified(f"https://lantern.example/p{i}", T + timedelta(hours=2, minutes=w))
                   for i in range(n) if i % workers != w]]
        for fetches in rounds:
            rng.shuffle(fetches)
            for start in range(0, len(fetches), 4):
                yield fetches[start:start + 4]

    db, w, n, workers, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    _, sessions = open_store(db, migrate=False)
    while go != "-" and not Path(go).exists():
        time.sleep(0.005)
    ws = [w] if w >= 0 else range(workers)  # -1: every worker's plan in turn, one process
    for one in ws:
        for batch in plan(one, n, workers):
            for out in write_batch(sessions, batch):
                assert out.error is None, out.error
""")


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request: pytest.FixtureRequest, tmp_path: Path):
    """Two empty stores on one backend: one for the concurrent writers, one for the reference."""
    if request.param == "sqlite":
        yield [f"sqlite:///{tmp_path / name}.sqlite" for name in ("many", "one")]
        return
    make = request.getfixturevalue("pg_schemas")
    yield [make(), make()]


def content(url: str) -> dict[str, list[tuple]]:
    """Every row that matters, snapshots named by (URL, fetch time), never by autoincrement id."""
    _, sessions = open_store(url, migrate=False)
    with sessions() as s:
        key = {i: (u, at.isoformat()) for i, u, at in s.execute(
            select(Snapshot.id, Page.url, Snapshot.fetched_at).join(Page))}

        def rows(*cols, snapshots=()):
            out = []
            for row in s.execute(select(*cols)):
                m = dict(row._mapping)
                out.append(tuple(key[v] if k in snapshots else v for k, v in m.items()))
            return sorted(out, key=repr)

        got = {
            "source": rows(Source.name),
            "page": rows(Page.url, Page.etag, Page.first_fetched, Page.last_fetched),
            "blob": rows(Blob.sha256, Blob.size),
            "snapshot": rows(Snapshot.id, Snapshot.blob_sha256, Snapshot.last_seen,
                             Snapshot.times_seen, Snapshot.n_records, Snapshot.parse_error,
                             Snapshot.parsed_at.is_not(None).label("parsed"), snapshots=("id",)),
            "record": rows(Record.id, Record.item, Record.quantity, Record.status,
                           Record.first_seen, Record.last_seen, Record.gone_since,
                           Record.first_snapshot_id, Record.last_snapshot_id,
                           snapshots=("first_snapshot_id", "last_snapshot_id")),
            "record_version": rows(RecordVersion.record_id, RecordVersion.seq,
                                   RecordVersion.status, RecordVersion.first_seen,
                                   RecordVersion.last_seen, RecordVersion.last_snapshot_id,
                                   snapshots=("last_snapshot_id",)),
            "observation": rows(Observation.snapshot_id, Observation.record_id,
                                snapshots=("snapshot_id",)),
            "page_conflict": rows(PageConflict.snapshot_id, snapshots=("snapshot_id",)),
        }
        got["problems"] = [p for r in check_store(s) for p in r.problems]
    return got


def test_concurrent_writers_leave_exactly_the_rows_of_one_writer(stores, tmp_path):
    many, one = stores
    for url in stores:
        open_store(url)  # migrate once, before the writers start
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    go = tmp_path / "go"
    n = 12
    procs = [subprocess.Popen([sys.executable, str(script), many, str(w), str(n), str(WORKERS),
                               str(go)], stderr=subprocess.PIPE, text=True)
             for w in range(WORKERS)]
    time.sleep(0.5)  # let them import and connect, then start them together
    go.write_text("go")
    errors = [p.communicate(timeout=180)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * WORKERS, errors
    alone = subprocess.run([sys.executable, str(script), one, "-1", str(n), str(WORKERS), "-"],
                           capture_output=True, text=True, timeout=180)
    assert alone.returncode == 0, alone.stderr
    got, want = content(many), content(one)
    assert got["problems"] == [] and want["problems"] == []
    assert len(got["page"]) == n and len(got["blob"]) == 2 * 6
    assert len(got["snapshot"]) == 2 * n  # first and second revision, once each
    assert len(got["record"]) == 4 * n  # three rows, one gone, one new
    assert {name: len(rows) for name, rows in got.items()} == {
        name: len(rows) for name, rows in want.items()}
    assert got == want
