"""SIGKILL at random points (fixed seed) of a crawl, its writer process, the reconciler and the
scheduler; after each restart the store passes `aidledger db check`, and at the end it equals
what the same steps leave when nothing is killed (records, history, observations, ledger).

The kills come from the test hook in storage/killpoints.py: the process dies just before its
Nth write (a statement, a commit, a fetch handed to the store), N drawn from the writes a clean
run of the same step made. One store goes through every step with kills, then each step is
finished by an unkilled run; a second store goes through the same steps unkilled.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from aidledger.demo.server import serve
from aidledger.storage.db import open_store

ks = sys.modules["killsite"]  # registered by conftest.py

SEED = 8_2026_12_01
# (site revision, command, roles that may be killed, kills that land); 16 here, 4 in the
# scheduler test below
STEPS = [(1, "crawl", ("crawl", "writer"), 6), (1, "reconcile", ("reconcile",), 3),
         (2, "crawl", ("crawl", "writer"), 5), (2, "reconcile", ("reconcile",), 2)]


def _command(step: str, sources: Path, db: str) -> list[str]:
    if step == "crawl":
        return ["crawl", "--source", "lantern", "--sources", str(sources), "--db", db]
    return ["reconcile", "--sources", str(sources), "--db", db]


def test_killed_anywhere_then_rerun_equals_an_uninterrupted_run(tmp_path):
    rng = random.Random(SEED)
    ks.build_site(tmp_path / "site")
    clean, killed = (f"sqlite:///{tmp_path / name}.sqlite" for name in ("clean", "killed"))
    for db in (clean, killed):
        assert ks.aidledger("db", "upgrade", "--db", db).returncode == 0
    kills: list[str] = []
    with serve(tmp_path / "site") as (base, site):
        site.delay = 0.02  # a few pages at a time reach the writer: several batches a crawl
        sources = ks.sources_toml(tmp_path / "sources.toml", base)
        for n, (revision, step, roles, count) in enumerate(STEPS):
            site.revision = revision
            trace = tmp_path / f"clean-{n}.trace"
            done = ks.aidledger(*_command(step, sources, clean),
                                env={"AIDLEDGER_WRITE_TRACE": str(trace)})
            assert done.returncode == 0, ks.stderr_text(done)
            writes = ks.trace_counts(trace)
            landed = 0
            for k in range(count + 8):  # a draw past what a rerun writes kills nothing
                if landed == count:
                    break
                role = rng.choice(roles)
                at = rng.randint(1, writes[role])
                trace = tmp_path / f"killed-{n}-{k}.trace"
                ks.aidledger(*_command(step, sources, killed),
                             env={"AIDLEDGER_KILL_AT": f"{role}:{at}",
                                  "AIDLEDGER_WRITE_TRACE": str(trace)})
                died = ks.trace_counts(trace).get(role, 0) == at
                landed += died
                kills.append(f"{step} {role}:{at}/{writes[role]}{'' if died else ' (lived)'}")
                assert ks.problems(killed, settled=False) == [], kills[-1]
            assert landed == count, kills
            done = ks.aidledger(*_command(step, sources, killed))
            assert done.returncode == 0, (kills, ks.stderr_text(done))
            assert ks.problems(killed) == [], kills
    print(f"kills: {', '.join(kills)}")
    assert ks.problems(clean) == []
    want, got = ks.dump(clean), ks.dump(killed)
    assert want["records"] and want["donations"] and any(v[1] > 1 for v in want["versions"])
    for table in want:
        assert got[table] == want[table], (table, kills)


def test_scheduler_killed_anywhere_then_restarted_crawls_once(tmp_path):
    """The scheduler dies at a random write; restarted at once, while the crawl it started may
    still run, it starts no second crawl, and no run stays "running" once that crawl is done."""
    rng = random.Random(SEED + 1)
    ks.build_site(tmp_path / "site")
    with serve(tmp_path / "site") as (base, _site):
        sources = ks.sources_toml(tmp_path / "sources.toml", base, schedule="0 0 1 1 *")

        def schedule(db: str, wait: bool = True, **env: str):  # noqa: ANN202
            return ks.aidledger("schedule", "--once", "--tick", "0.2", wait=wait,
                                env={"AIDLEDGER_SOURCES": str(sources), "AIDLEDGER_DB_URL": db,
                                     **env})

        clean = f"sqlite:///{tmp_path / 'clean.sqlite'}"
        open_store(clean)  # migrated beforehand: the kills land in the scheduler's own writes
        trace = tmp_path / "clean.trace"
        assert schedule(clean, AIDLEDGER_WRITE_TRACE=str(trace)).returncode == 0
        want, writes = ks.dump(clean), ks.trace_counts(trace)["schedule"]
        assert want["records"] and ks.problems(clean) == []
        points = sorted(rng.sample(range(1, writes + 1), min(4, writes)))
        for at in points:
            db = f"sqlite:///{tmp_path / f'killed-{at}.sqlite'}"
            open_store(db)
            first = schedule(db, wait=False, AIDLEDGER_KILL_AT=f"schedule:{at}")
            assert first.wait(timeout=120) == -9, f"schedule:{at}/{writes} did not die"
            again = schedule(db)
            assert again.returncode == 0, ks.stderr_text(again)
            ks.wait_session(first.pid)  # the crawl the killed scheduler had started, if any
            assert ks.problems(db) == [], f"schedule:{at}/{writes}"
            assert ks.dump(db) == want, f"schedule:{at}/{writes}"
            assert ks.crawls(db) == 1, f"schedule:{at}/{writes}"
    print(f"scheduler killed at writes {points} of {writes}")
    assert len(points) == 4


def test_a_migration_killed_anywhere_leaves_a_store_the_next_upgrade_finishes(tmp_path):
    """Every migration runs in one SQLite transaction: killed halfway, it leaves no half schema
    (before, most kill points left tables that made every later upgrade fail)."""
    from aidledger.storage.db import is_current

    trace = tmp_path / "upgrade.trace"
    db = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    assert ks.aidledger("db", "upgrade", "--db", db,
                        env={"AIDLEDGER_WRITE_TRACE": str(trace)}).returncode == 0
    writes = ks.trace_counts(trace)["db"]
    for at in sorted(random.Random(SEED + 2).sample(range(1, writes + 1), 4)):
        db = f"sqlite:///{tmp_path / f'killed-{at}.sqlite'}"
        killed = ks.aidledger("db", "upgrade", "--db", db,
                              env={"AIDLEDGER_KILL_AT": f"db:{at}"})
        assert killed.returncode == -9
        engine, _ = open_store(db)  # migrates what the killed upgrade left
        assert is_current(engine), f"db:{at}/{writes}"
        assert ks.problems(db) == []
