"""Workers starting at once on an empty PostgreSQL store migrate it once (advisory lock): every
one of them starts, and the schema is at the head revision with one version row."""

from __future__ import annotations

import subprocess
import sys
import time

from sqlalchemy import text

from aidledger.storage.db import is_current, make_engine

START = ("import sys, time\n"
         "from pathlib import Path\n"
         "from aidledger.storage.db import open_store\n"
         "while not Path(sys.argv[2]).exists(): time.sleep(0.005)\n"
         "open_store(sys.argv[1])\n")


def test_workers_starting_together_migrate_the_store_once(pg_url, tmp_path):
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", START, pg_url, str(go)],
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    time.sleep(1.0)  # imports done: they start together
    go.write_text("go")
    errors = [p.communicate(timeout=180)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    engine = make_engine(pg_url)
    assert is_current(engine)
    with engine.connect() as conn:
        assert conn.scalar(text("select count(*) from alembic_version")) == 1
    engine.dispose()
