"""Claim extraction cost per article, next to trafilatura's extraction of the same page.

    python bench/claims_speed.py [--corpus ../shared/corpus] [--runs 200]

Both are timed in this process after a warm-up (the first dateparser call alone costs ~0.25 s),
median over runs, on one core; claims also in CPU time, which other work on a shared machine
disturbs less than wall time. The "typical article" is about 5 KB of news text: the seed article
and foundation posts joined until 5 KB, or this repository's own test page when the corpus is
absent. Target: under 20 ms per 5 KB article.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from aidledger import parsers
from aidledger.parsers.article import extract_article
from aidledger.parsers.claims import extract_claims

HERE = Path(__file__).resolve().parent


def per_input_caches() -> list:
    """Every cached function of the parsers that takes an argument (a sentence, a name, a
    number's text): a new article finds them empty, so each timed run starts them empty too.
    Found by looking, so a cache added later cannot make the figure flattering. Caches of no
    argument (vocabularies, compiled patterns) stay warm, as in a long crawl."""
    found = []
    for info in pkgutil.iter_modules(parsers.__path__):
        mod = importlib.import_module(f"{parsers.__name__}.{info.name}")
        for f in vars(mod).values():
            if (hasattr(f, "cache_clear") and getattr(f, "__module__", None) == mod.__name__
                    and inspect.signature(f).parameters):
                found.append(f)
    return found


def median_ms(fn, runs: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        t = clock()
        fn()
        times.append((clock() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if corpus.exists():
        pages = [corpus / "seeds" / "news_article.html",
                 *sorted((corpus / "jmf" / "posts").glob("2020-03-*.html"))]
    else:
        pages = [HERE.parent / "tests" / "parsers" / "fixtures" / "article_gazette.html"]
    htmls = [p.read_bytes() for p in pages]
    text = ""
    for html in htmls:
        text += extract_article(html).text + "\n"
        if len(text) >= 5000:
            break
    text = text[:5200]
    when = datetime(2020, 3, 16, tzinfo=UTC)
    extract_claims(text, when)  # warm-up: vocabularies, regexes, dateparser
    COLD = per_input_caches()
    page = htmls[0].decode("utf-8", "replace")
    trafilatura.extract(page)
    def cold_caches_claims() -> None:
        # per-sentence caches would make every repeat a cache hit: start each run cold
        for cached in COLD:
            cached.cache_clear()
        extract_claims(text, when)

    claims_ms = median_ms(cold_caches_claims, args.runs)
    claims_cpu = median_ms(cold_caches_claims, args.runs, time.process_time)
    traf_ms = median_ms(lambda: trafilatura.extract(page, favor_precision=True), args.runs)
    n = len(extract_claims(text, when))
    print(f"claims: {claims_ms:.2f} ms median wall, {claims_cpu:.2f} ms CPU, for {len(text)} "
          f"chars of text ({n} claims)")
    print(f"trafilatura.extract on the seed page: {traf_ms:.2f} ms median")
    print(f"ratio claims/trafilatura: {claims_ms / traf_ms:.2f}; target < 20 ms: "
          f"{'met' if claims_ms < 20 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
