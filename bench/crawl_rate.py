"""Full crawl rate (fetch, store, parse, track, reconcile) against a bare Scrapy spider on the
same local site, in the same run.

    python bench/crawl_rate.py [--pages 2000] [--donors N]

Builds a site of linked program pages (each a small donation table) in a temporary folder,
serves it on 127.0.0.1, then runs in turn, each in its own process: a bare Scrapy spider that
only follows the links, then `aidledger crawl` on a fresh SQLite store followed by
`aidledger reconcile`. Prints pages/s of each, the ratio (target >= 0.70) and the peak RSS of
each run summed over all its processes (the crawl and its writer process; target < 500 MB for
20,000 pages), sampled every 0.1 s.

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


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed(argv: list[str], cwd: Path) -> tuple[float, float, float]:
    """Seconds, the peak over time of the summed RSS (MiB) of the process and its children, and
    the CPU seconds they used."""
    cpu = _cpu()
    t = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], sum(_rss_kib(p) for p in _tree(proc.pid)))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    secs = time.perf_counter() - t
    sampler.join()
    if proc.returncode not in (0, 3):
        sys.exit(f"{argv[2:5]} failed:\n{err[-2000:]}")
    return secs, peak[0] / 1024, _cpu() - cpu


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
        bare_s, bare_mb, bare_cpu = timed([
            sys.executable, "-m", "scrapy", "runspider", str(work / "bare.py"), "-a",
            f"url={base}/p0.html", "-s", "DOWNLOAD_DELAY=0", "-s",
            "CONCURRENT_REQUESTS_PER_DOMAIN=16"], work)
        crawl_s, crawl_mb, crawl_cpu = timed([
            *cli, "crawl", "--url", f"{base}/p0.html", "--follow", r"/p\d+\.html$",
            "--sources", str(work / "sources.toml"), "--db", store], work)
    rec_s, rec_mb, rec_cpu = timed([*cli, "reconcile", "--db", store], work)
    full_s, writer = crawl_s + rec_s, writer_cpu(store)
    ms = 1000 / n
    print(f"site: {n} pages, {donors} donors, {n * 6} rows; load average before "
          f"{load[0]:.1f}, after {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"bare Scrapy:         {n / bare_s:6.1f} pages/s ({bare_s:.1f} s), "
          f"peak RSS {bare_mb:.0f} MiB, CPU {bare_cpu * ms:.1f} ms/page")
    print(f"aidledger crawl:     {n / crawl_s:6.1f} pages/s ({crawl_s:.1f} s), "
          f"peak RSS {crawl_mb:.0f} MiB (crawl + writer process), CPU "
          f"{(crawl_cpu - writer) * ms:.1f} ms/page crawling + {writer * ms:.1f} writing")
    print(f"aidledger reconcile: {rec_s:.1f} s, peak RSS {rec_mb:.0f} MiB, "
          f"CPU {rec_cpu * ms:.1f} ms/page")
    print(f"ratio crawl/bare: {bare_s / crawl_s:.2f}; "
          f"crawl+reconcile/bare: {bare_s / full_s:.2f} (target >= 0.70)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
