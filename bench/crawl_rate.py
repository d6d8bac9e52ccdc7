"""Full crawl rate (fetch, store, parse, track, reconcile) against a bare Scrapy spider on the
same local site, in the same run.

    python bench/crawl_rate.py [--pages 2000] [--donors N] [--reconcile-workers 2]

Builds a site of linked program pages (each a small donation table) in a temporary folder,
serves it on 127.0.0.1, then runs in turn, each in its own process: a bare Scrapy spider that
only follows the links, then `aidledger crawl` on a fresh SQLite store followed by
`aidledger reconcile` (`--workers` as given). Prints pages/s of each, the ratio (target >= 0.70)
and the memory of each run (target < 500 MB for 20,000 pages), sampled every 0.1 s over all
its processes (the crawl and its writer; the reconcile and its forked process, if any): the
peak of their summed RSS, the peak of their summed PSS (a page a forked process still shares
with its parent counts once, where summed RSS counts it in both), and the main process's own
peak (VmHWM: exact, not sampled, up to the last 0.1 s).

The site models one foundation per 50 pages by default (`--donors`: each page's Donors column
names one of them); reconcile works per (donor, item) block, so `--donors 1` makes its blocks as
long as the site (2,400 rows at 2,000 pages) and shows what that costs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from aidledger.demo.server import serve
from aidledger.storage.db import open_store
from aidledger.storage.models import CrawlRun

ROW = "<tr><td>{goods}</td><td>{qty:,}</td><td>{status}</td><td>{donor}</td></tr>"
GOODS = ["Face Mask", "Detection Kit", "Protective Suit", "Ventilator", "Gloves"]
STATUS = ["Stocking Up", "In Transit", "Arrived", "Accepted"]
COUNTRIES = ["Peru", "Chile", "Kenya", "Nepal", "Italy", "Spain", "Japan", "Iran"]
NAMES = ["Harbor Light", "Lantern", "Northwind", "Juniper", "Meridian", "Cedar Bay", "Kestrel",
         "Tidewater", "Silver Birch", "Larkspur"]

BARE = textwrap.dedent("""
    import scrapy
    class Bare(scrapy.Spider):
        name = "bare"
        custom_settings = {"LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": False,
                           "CONCURRENT_ITEMS": 10, "TELNETCONSOLE_ENABLED": False}
        def __init__(self, url=None, **kw):
            super().__init__(**kw)
            self.start_urls = [url]
        def parse(self, response):
            yield {"url": response.url, "size": len(response.body)}
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, self.parse)
""")


def donor(n: int) -> str:
    return f"{NAMES[n % len(NAMES)]} Foundation" + (f" {n // len(NAMES) + 1}" if n >= 10 else "")


def build(folder: Path, n: int, donors: int) -> None:
    for i in range(n):
        who = donor(i * donors // n)
        rows = "".join(ROW.format(goods=GOODS[(i + j) % 5], qty=(i + 1) * 100 + j,
                                  status=STATUS[(i + j) % 4], donor=who) for j in range(6))
        links = "".join(f'<a href="/p{k}.html">p{k}</a> ' for k in (i + 1, i * 2 + 1, i * 3 + 2)
                        if k < n)
        (folder / f"p{i}.html").write_text(
            f"<html><head><title>Supplies {i}</title></head><body><nav>{links}</nav>"
            f"<div class='country'>{COUNTRIES[i % 8]}</div><table><tr><th>Goods</th>"
            f"<th>QTY(Pieces)</th><th>Progress</th><th>Donors</th></tr>{rows}</table>"
            f"<p>{'Filler text about the appeal. ' * 40}</p></body></html>")


def _tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc (Linux)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += parents.get(pid, [])
    return out


def _memory_kib(pid: int) -> tuple[int, int, int]:
    """(RSS, PSS, peak RSS so far) of one process in KiB; zeros once it is gone."""
    rss = pss = hwm = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    except OSError:
        pass
    return rss, pss, hwm


@dataclass
class Run:
    """One timed run: wall and CPU seconds, memory in MiB (see the module's docstring)."""

    secs: float
    cpu: float
    rss: float  # peak of the summed RSS of the process tree
    pss: float  # peak of the summed PSS
    own: float  # the main process's own peak RSS

    def memory(self) -> str:
        return (f"peak RSS {self.rss:.0f} MiB summed over processes (PSS {self.pss:.0f}; "
                f"main process's own peak {self.own:.0f})")


def timed(argv: list[str], cwd: Path) -> Run:
    """Run `argv`, sampling the memory of it and its children every 0.1 s."""
    cpu = _cpu()
    t = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peak = {"rss": 0, "pss": 0, "own": 0}

    def sample() -> None:
        while proc.poll() is None:
            tree = {pid: _memory_kib(pid) for pid in _tree(proc.pid)}
            peak["rss"] = max(peak["rss"], sum(m[0] for m in tree.values()))
            peak["pss"] = max(peak["pss"], sum(m[1] for m in tree.values()))
            peak["own"] = max(peak["own"], tree.get(proc.pid, (0, 0, 0))[2])
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    secs = time.perf_counter() - t
    sampler.join()
    if proc.returncode not in (0, 3):
        sys.exit(f"{argv[2:5]} failed:\n{err[-2000:]}")
    return Run(secs, _cpu() - cpu, peak["rss"] / 1024, peak["pss"] / 1024, peak["own"] / 1024)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def writer_cpu(db: str) -> float:
    """CPU seconds of the crawl's writer process, as the crawl recorded them."""
    _, sessions = open_store(db, migrate=False)
    with sessions() as s:
        run = s.scalar(select(CrawlRun).where(CrawlRun.command == "crawl"))
        return float((run.detail or {}).get("writer_cpu_s") or 0) if run else 0.0


SERVER = ("import sys, time\nfrom pathlib import Path\nfrom aidledger.demo.server import serve\n"
          "with serve(Path(sys.argv[1])) as (base, _):\n    print(base, flush=True)\n"
          "    sys.stdin.read()\n")


@contextlib.contextmanager
def _site(folder: Path, own_process: bool) -> Iterator[str]:
    """The site's base URL, served by a thread here or by a process of its own (ended after)."""
    if not own_process:
        with serve(folder) as (base, _state):
            yield base
        return
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(folder)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        yield proc.stdout.readline().strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--donors", type=int, help="foundations on the site (default: pages / 50)")
    ap.add_argument("--server-process", action="store_true",
                    help="serve the site from its own process (as a real site is not served by "
                         "the crawling machine) instead of a thread of this one, whose GIL it "
                         "shares with the RSS sampler")
    ap.add_argument("--reconcile-workers", type=int, default=1,
                    help="`aidledger reconcile --workers` (2: syndication keys in a forked "
                         "process)")
    args = ap.parse_args()
    n, donors = args.pages, args.donors or max(1, args.pages // 50)
    work = Path(tempfile.mkdtemp())
    site = work / "site"
    site.mkdir()
    build(site, n, donors)
    (work / "bare.py").write_text(BARE)
    # a local site needs no politeness: no delay, 16 requests in flight, for both spiders
    (work / "sources.toml").write_text(
        '[[source]]\nname = "local"\nkind = "program"\nstart_urls = ["http://127.0.0.1/"]\n'
        'allowed_domains = ["127.0.0.1"]\ndelay = 0\nconcurrency = 16\n')
    cli = [sys.executable, "-m", "aidledger.cli.main"]
    load = os.getloadavg()
    store = f"sqlite:///{work / 'store.sqlite'}"
    with _site(site, args.server_process) as base:
        bare = timed([
            sys.executable, "-m", "scrapy", "runspider", str(work / "bare.py"), "-a",
            f"url={base}/p0.html", "-s", "DOWNLOAD_DELAY=0", "-s",
            "CONCURRENT_REQUESTS_PER_DOMAIN=16"], work)
        crawl = timed([
            *cli, "crawl", "--url", f"{base}/p0.html", "--follow", r"/p\d+\.html$",
            "--sources", str(work / "sources.toml"), "--db", store], work)
    rec = timed([*cli, "reconcile", "--db", store, "--workers", str(args.reconcile_workers)],
                work)
    full_s, writer = crawl.secs + rec.secs, writer_cpu(store)
    ms = 1000 / n
    print(f"site: {n} pages, {donors} donors, {n * 6} rows; load average before "
          f"{load[0]:.1f}, after {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"bare Scrapy:         {n / bare.secs:6.1f} pages/s ({bare.secs:.1f} s), "
          f"{bare.memory()}, CPU {bare.cpu * ms:.1f} ms/page")
    print(f"aidledger crawl:     {n / crawl.secs:6.1f} pages/s ({crawl.secs:.1f} s), "
          f"{crawl.memory()} (crawl + writer process), CPU "
          f"{(crawl.cpu - writer) * ms:.1f} ms/page crawling + {writer * ms:.1f} writing")
    print(f"aidledger reconcile: {rec.secs:.1f} s (--workers {args.reconcile_workers}), "
          f"{rec.memory()}, CPU {rec.cpu:.1f} s ({rec.cpu * ms:.1f} ms/page)")
    print(f"ratio crawl/bare: {bare.secs / crawl.secs:.2f}; "
          f"crawl+reconcile/bare: {bare.secs / full_s:.2f} (target >= 0.70)")
    print(f"store kept: {work / 'store.sqlite'}")
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
