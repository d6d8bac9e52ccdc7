"""Ingest the foundation corpus in time order into a fresh store and summarise what it holds.

    python bench/corpus_history.py [--corpus ../shared/corpus] [--db sqlite:///...] [--records]

Prints, per snapshot, how many table rows and events it showed (one observation per row), then
each record's versions: the check that the status history matches the pages, by reading them.
Also times the whole ingest (pages/s) next to parsing alone on the same pages, in the same run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from aidledger.cli.documents import read_manifest
from aidledger.parsers.page import parse_page
from aidledger.storage.db import open_store
from aidledger.storage.ingest import ingest
from aidledger.storage.models import Observation, Record, Snapshot
from aidledger.storage.queries import history_rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[1].parent
                                            / "shared" / "corpus"))
    ap.add_argument("--db", default=None)
    ap.add_argument("--records", action="store_true", help="print every record's versions")
    args = ap.parse_args()
    manifest = Path(args.corpus) / "jmf" / "manifest.json"
    if not manifest.exists():
        print(f"no corpus at {args.corpus}: nothing to do", file=sys.stderr)
        return 0
    docs = sorted((d for d in read_manifest(manifest) if d.kind == "program_page"),
                  key=lambda d: d.fetched_at)
    db = args.db or f"sqlite:///{tempfile.mkdtemp()}/corpus.sqlite"
    _, sessions = open_store(db)
    t0 = time.perf_counter()
    for doc in docs:
        parse_page(doc.body, url=doc.url, fetched_at=doc.fetched_at, kind=doc.kind)
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc in docs:
        ingest(sessions, doc.as_fetched())
    ingest_s = time.perf_counter() - t0
    print(f"{len(docs)} snapshots into {db}")
    print(f"parse only: {len(docs) / parse_s:.0f} pages/s; store+parse+track: "
          f"{len(docs) / ingest_s:.0f} pages/s (ratio {parse_s / ingest_s:.2f})")
    with sessions() as s:
        kinds = dict(s.execute(select(Observation.snapshot_id, func.count())
                               .join(Record, Record.id == Observation.record_id)
                               .where(Record.kind == "table_row")
                               .group_by(Observation.snapshot_id)).all())
        names = {d.fetched_at: Path(d.name).name for d in docs}
        for snap in s.scalars(select(Snapshot).order_by(Snapshot.fetched_at)):
            print(f"  {names.get(snap.fetched_at, snap.id):<28} rows={kinds.get(snap.id, 0):>3} "
                  f"warnings={len(snap.parse_warnings)} error={snap.parse_error or '-'}")
        rows = list(history_rows(s, kinds=("table_row",)))
        per_record = Counter(r["record"] for r in rows)
        gone = {r["record"] for r in rows if r["gone_since"]}
        print(f"{len(per_record)} records, {len(rows)} versions, {len(gone)} gone")
        if args.records:
            for r in rows:
                print(f"  {r['record']} v{r['version']} {r['block'][:28]:<28} "
                      f"{r['item_label'][:24]:<24} {r['quantity'] or '':>9} "
                      f"{r['status_label'] or '':<40.40} "
                      f"{r['first_seen'][:16]}..{r['last_seen'][:16]} gone={r['gone_since']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
