"""Export time and peak memory per format over a ledger of a million donations.

    python bench/export_formats.py [--donations 1000000] [--replicate 10] [--small 10000]
        [--store PATH] [--formats csv,jsonl,parquet,xlsx,datapackage,datasette]

Builds the stores with `bench/seed_ledger.py` (the real write path) unless `--store` names an
existing one, kept under data/bench/ for the next run. The big one is `--replicate` copies
(default 10) of a seeded tenth, ids suffixed: seeding a million through the real reconcile
takes over an hour here, and the copies have the same shapes. Then runs, each in its own
process so each peak RSS is its own: a baseline that streams the same donation rows with the
csv module to /dev/null (sqlite3, no ORM), and `aidledger export` once per format (the
donations table for csv, jsonl, parquet and xlsx; every table for datapackage and datasette).
Prints seconds, rows/s, peak RSS and output size per format, with time and RSS against the
baseline, for a small store and the big one: exports stream when peak RSS stays flat as the
ledger grows x100. `rows` counts every row written (datapackage and datasette: all five
tables).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMATS = ("csv", "jsonl", "parquet", "xlsx", "datapackage", "datasette")
SINGLE = {"csv": "d.csv", "jsonl": "d.jsonl", "parquet": "d.parquet", "xlsx": "d.xlsx"}

BASELINE = """
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
out = open("/dev/null", "w", newline="")
w = csv.writer(out)
n = 0
for row in db.execute("SELECT * FROM donation ORDER BY id"):
    w.writerow(row)
    n += 1
print(n)
"""


# Runs a module (or -c code) and reports its own peak RSS as it exits. Not the child's
# ru_maxrss: Linux starts that at the spawning process's RSS, so it would read this bench's
# size for any child smaller than it; VmHWM belongs to the process image exec made.
PEAK = """
import atexit, runpy, sys
def _peak():
    with open("/proc/self/status") as f:
        kib = f.read().split("VmHWM:")[1].split()[0]
    print("\\npeak-rss-kib", kib, file=sys.stderr, flush=True)
atexit.register(_peak)
mode, target, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
if mode == "-c":
    sys.argv = ["-c", *rest]
    exec(compile(target, "<baseline>", "exec"), {"__name__": "__main__"})
else:
    sys.argv = [target, *rest]
    runpy.run_module(target, run_name="__main__", alter_sys=True)
"""
_PEAK_LINE = re.compile(r"^peak-rss-kib (\d+)$", re.M)


def measure(argv: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) of that one child, and its output; its CPU seconds (user +
    system) go to CPU[-1], since on a shared machine wall time is mostly waiting for a core.
    `argv` is [python, "-m", module, ...] or [python, "-c", code, ...]."""
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen([argv[0], "-c", PEAK, *argv[1:]], stdout=log,
                                stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        out = log.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{out[-2000:]}")
    CPU.append(usage.ru_utime + usage.ru_stime)
    peaks = _PEAK_LINE.findall(out)
    rss = int(peaks[-1]) / 1024 if peaks else usage.ru_maxrss / 1024  # ru_maxrss: a ceiling
    return time.perf_counter() - t, rss, _PEAK_LINE.sub("", out)


CPU: list[float] = []


def size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def seeded(n: int) -> Path:
    """A store of about `n` donations made by seed_ledger.py (kept for the next run)."""
    path = Path("data/bench") / f"ledger-{n}.sqlite"
    if path.exists():
        return path
    seed = HERE / "seed_ledger.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"seeding {n:,} donations into {path} ...", flush=True)
    subprocess.run([sys.executable, str(seed), "--donations", str(n), "--out", str(path)],
                   check=True)
    return path


# Key columns that get a suffix in each copy; evidence ids are new.
KEYS = {"record": ("id",), "donation": ("id", "block_key"),
        "evidence": ("donation_id", "record_id"), "donation_party": ("donation_id",)}


def replicated(n: int, times: int) -> Path:
    """`n` donations as `times` copies of a seeded ledger of n/times, ids suffixed "~k".

    Seeding through the real reconcile costs minutes per 100,000 donations on this machine;
    copies keep the ledger's shapes (evidence per donation, records, pages) at any size."""
    path = Path("data/bench") / f"ledger-{n}-x{times}.sqlite"
    if path.exists():
        return path
    base = seeded(n // times)
    tmp = path.with_suffix(".tmp")
    print(f"copying {base} x{times} into {path} ...", flush=True)
    db = sqlite3.connect(tmp)
    with sqlite3.connect(base) as src:
        src.backup(db)  # a consistent copy, whatever is still in the WAL
    for k in range(1, times):
        for table, keys in KEYS.items():
            cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")
                    if not (table == "evidence" and r[1] == "id")]
            exprs = [f'"{c}" || :sfx' if c in keys else f'"{c}"' for c in cols]
            names = ", ".join(f'"{c}"' for c in cols)
            db.execute(f"INSERT INTO {table} ({names}) "
                       f"SELECT {', '.join(exprs)} FROM {table} "
                       f"WHERE instr({keys[0]}, '~') = 0", {"sfx": f"~{k}"})
        db.commit()
    db.close()
    tmp.replace(path)
    return path


def store(n: int, given: str | None, times: int) -> Path:
    if given:
        return Path(given)
    return replicated(n, times) if times > 1 else seeded(n)


def run_one(db: Path, fmt: str, work: Path) -> tuple[float, float, int, int]:
    out = work / SINGLE.get(fmt, fmt)
    argv = [sys.executable, "-m", "aidledger.cli.main", "-q", "export", "--format", fmt,
            "--out", str(out), "--db", f"sqlite:///{db}"]
    if fmt in SINGLE:
        argv += ["--table", "donations"]
    seconds, rss, said = measure(argv)
    written = size(out)
    shutil.rmtree(out) if out.is_dir() else out.unlink()
    # "wrote 10 donations, 12 evidence, ... to PATH": rows of every table written
    rows = sum(int(n) for n in re.findall(r"(\d+) \w+(?:,| to )", said.split("wrote", 1)[-1]))
    return seconds, rss, written, rows


def report(db: Path, formats: list[str]) -> None:
    seconds, rss, out = measure([sys.executable, "-c", BASELINE, str(db)])
    n = int(out.strip().splitlines()[-1])
    print(f"\n{db}: {n:,} donations")
    base_cpu = CPU[-1]
    print(f"{'format':<12}{'seconds':>9}{'CPU s':>8}{'rows':>11}{'rows/s':>10}{'peak RSS':>11}"
          f"{'size':>11}{'x time':>8}{'x CPU':>7}{'x RSS':>7}")
    print(f"{'baseline':<12}{seconds:>9.1f}{base_cpu:>8.1f}{n:>11,}{n / seconds:>10,.0f}"
          f"{rss:>7.0f} MiB{'-':>11}{1:>8.1f}{1:>7.1f}{1:>7.1f}", flush=True)
    with tempfile.TemporaryDirectory(dir=db.parent) as tmp:
        for fmt in formats:
            s, r, written, rows = run_one(db, fmt, Path(tmp))
            cpu = CPU[-1]
            print(f"{fmt:<12}{s:>9.1f}{cpu:>8.1f}{rows:>11,}{rows / s:>10,.0f}{r:>7.0f} MiB"
                  f"{written / 2**20:>7.1f} MiB{s / seconds:>8.1f}{cpu / base_cpu:>7.1f}"
                  f"{r / rss:>7.1f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--donations", type=int, default=1_000_000)
    ap.add_argument("--small", type=int, default=10_000, help="also a store this big (0: no)")
    ap.add_argument("--store", help="an existing store with --donations donations")
    ap.add_argument("--small-store", help="an existing store with --small donations")
    ap.add_argument("--replicate", type=int, default=10,
                    help="build the big store as this many copies of a seeded 1/N (1: seed all)")
    ap.add_argument("--formats", default=",".join(FORMATS))
    args = ap.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise SystemExit(f"unknown formats {sorted(unknown)}: choose from {', '.join(FORMATS)}")
    print("2-core machine shared with other work: absolute times are noisy, compare ratios.")
    if args.small:
        report(store(args.small, args.small_store, 1), formats)
    report(store(args.donations, args.store, args.replicate), formats)


if __name__ == "__main__":
    main()
