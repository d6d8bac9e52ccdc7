"""Full crawl rate (fetch, store, parse, track) against a bare Scrapy spider on the same local site.

    python bench/crawl_rate.py [--pages 2000]

Builds a site of linked program pages (each a small donation table) in a temporary folder,
serves it on 127.0.0.1, then runs in turn, each in its own process: a bare Scrapy spider that
only follows the links, and `aidledger crawl` on a fresh SQLite store. Prints pages/s of each,
the ratio (target >= 0.70) and the peak RSS of each process.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from aidledger.demo.server import serve

ROW = "<tr><td>{goods}</td><td>{qty:,}</td><td>{status}</td><td>Harbor Light Foundation</td></tr>"
GOODS = ["Face Mask", "Detection Kit", "Protective Suit", "Ventilator", "Gloves"]
STATUS = ["Stocking Up", "In Transit", "Arrived", "Accepted"]
COUNTRIES = ["Peru", "Chile", "Kenya", "Nepal", "Italy", "Spain", "Japan", "Iran"]

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


def build(folder: Path, n: int) -> None:
    for i in range(n):
        rows = "".join(ROW.format(goods=GOODS[(i + j) % 5], qty=(i + 1) * 100 + j,
                                  status=STATUS[(i + j) % 4]) for j in range(6))
        links = "".join(f'<a href="/p{k}.html">p{k}</a> ' for k in (i + 1, i * 2 + 1, i * 3 + 2)
                        if k < n)
        (folder / f"p{i}.html").write_text(
            f"<html><head><title>Supplies {i}</title></head><body><nav>{links}</nav>"
            f"<div class='country'>{COUNTRIES[i % 8]}</div><table><tr><th>Goods</th>"
            f"<th>QTY(Pieces)</th><th>Progress</th><th>Donors</th></tr>{rows}</table>"
            f"<p>{'Filler text about the appeal. ' * 40}</p></body></html>")


def timed(argv: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=cwd)
    secs = time.perf_counter() - t
    if done.returncode not in (0, 3):
        sys.exit(f"{argv[2:5]} failed:\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return secs, max(peak, before) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp())
    site = work / "site"
    site.mkdir()
    build(site, args.pages)
    (work / "bare.py").write_text(BARE)
    # a local site needs no politeness: no delay, 16 requests in flight, for both spiders
    (work / "sources.toml").write_text(
        '[[source]]\nname = "local"\nkind = "program"\nstart_urls = ["http://127.0.0.1/"]\n'
        'allowed_domains = ["127.0.0.1"]\ndelay = 0\nconcurrency = 16\n')
    with serve(site) as (base, _state):
        bare_s, bare_mb = timed([sys.executable, "-m", "scrapy", "runspider",
                                 str(work / "bare.py"), "-a", f"url={base}/p0.html",
                                 "-s", "DOWNLOAD_DELAY=0", "-s",
                                 "CONCURRENT_REQUESTS_PER_DOMAIN=16"], work)
        full_s, full_mb = timed([sys.executable, "-m", "aidledger.cli.main", "crawl", "--url",
                                 f"{base}/p0.html", "--follow", r"/p\d+\.html$", "--sources",
                                 str(work / "sources.toml"), "--db",
                                 f"sqlite:///{work / 'store.sqlite'}"], work)
    n = args.pages
    print(f"bare Scrapy: {n / bare_s:6.1f} pages/s ({bare_s:.1f} s), peak RSS {bare_mb:.0f} MiB")
    print(f"aidledger:   {n / full_s:6.1f} pages/s ({full_s:.1f} s), peak RSS {full_mb:.0f} MiB "
          "(peak of all child processes so far)")
    print(f"ratio aidledger/bare: {bare_s / full_s:.2f} (target >= 0.70)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
