"""Copy a seeded SQLite ledger's search tables into a PostgreSQL schema, for api_latency.py.

    python bench/copy_ledger_pg.py data/bench_api_1000000_x10.sqlite --schema bench_api
    python bench/api_latency.py --db 'postgresql+psycopg://postgres@127.0.0.1/test?options=-csearch_path%3Dbench_api'

Seeding a million donations through the real reconcile into PostgreSQL takes hours on this
shared machine; the search reads only `donation`, `donation_party` and `ledger_facet`, so those
are copied (COPY, then VACUUM ANALYZE) into a fresh schema migrated to the current head. The
schema is dropped first when it exists. Evidence and records are not copied: the detail
endpoints are not what this measures.
"""

from __future__ import annotations

import argparse
import sqlite3
import time

import psycopg
from sqlalchemy import create_engine

from aidledger.storage.db import upgrade

PG = "postgresql://postgres@127.0.0.1:5432/test"
TABLES = ("donation", "donation_party", "ledger_facet")  # parents first (foreign keys)
TIMES = {"first_seen", "last_seen"}
FLAGS = {"has_conflicts"}


def copy(sqlite_path: str, schema: str, pg: str = PG) -> None:
    if not schema.isidentifier():
        raise SystemExit(f"not a plain schema name: {schema!r}")
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')
    engine = create_engine(pg.replace("postgresql://", "postgresql+psycopg://", 1),
                           connect_args={"options": f"-csearch_path={schema}"})
    upgrade(engine)
    engine.dispose()
    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    with psycopg.connect(pg, options=f"-csearch_path={schema}") as conn:
        for table in TABLES:
            cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            t = time.perf_counter()
            n = 0
            with conn.cursor().copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as cp:
                for row in src.execute(f"SELECT {', '.join(cols)} FROM {table}"):
                    cp.write_row([_value(c, v) for c, v in zip(cols, row, strict=True)])
                    n += 1
            conn.commit()
            print(f"{table}: {n:,} rows in {time.perf_counter() - t:.0f} s", flush=True)
    with psycopg.connect(pg, options=f"-csearch_path={schema}", autocommit=True) as conn:
        for table in TABLES:
            conn.execute(f"VACUUM ANALYZE {table}")
    src.close()


def _value(col: str, v: object) -> object:
    if v is None:
        return None
    if col in TIMES:
        return f"{v}+00"  # SQLite keeps UTC without a zone
    if col in FLAGS:
        return bool(v)
    return v


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sqlite")
    ap.add_argument("--schema", default="bench_api")
    ap.add_argument("--pg", default=PG)
    args = ap.parse_args()
    t = time.perf_counter()
    copy(args.sqlite, args.schema, args.pg)
    print(f"copied in {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()
