"""Strict claim-extraction scores on the dev material in ../shared/corpus.

    python bench/claims_dev.py [--corpus ../shared/corpus] [--show]

Gold (bench/claims_dev_gold.jsonl) was written by reading the documents: facts only (donors as
the text names them, with "we" read as the publishing foundation; item code; quantity; recipient
codes). A predicted claim with a quantity counts as right when its donor set (case-folded), item,
quantity and recipient-code set all equal a gold claim's, the way the held-out set is scored.
Documents with no gold line are still run: every goods claim with a quantity there is a false
positive. The gold covers goods only (masks, kits, suits, ventilators...): money ("funds") claims
are printed with --show but not scored, because the foundation's posts restate the same funds in
ways this gold does not annotate.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from aidledger.cli.documents import read_manifest
from aidledger.parsers.article import extract_article
from aidledger.parsers.claims import extract_claims

HERE = Path(__file__).resolve().parent


def key(donors: list[str], item: str, quantity: int, recipients: list[str]) -> tuple:
    return (frozenset(d.lower() for d in donors), item, quantity, frozenset(recipients))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus"))
    ap.add_argument("--show", action="store_true", help="print misses and false positives")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"no corpus at {corpus}: nothing to score", file=sys.stderr)
        return 0
    gold: dict[str, Counter] = {}
    for line in (HERE / "claims_dev_gold.jsonl").read_text().splitlines():
        g = json.loads(line)
        gold.setdefault(g["doc"], Counter())[key(g["donors"], g["item"], g["quantity"],
                                                 g["recipients"])] += 1
    docs = [d for m in ("seeds/manifest.json", "jmf/manifest.json")
            for d in read_manifest(corpus / m) if d.kind == "news_article"]
    tp = fp = fn = 0
    for doc in docs:
        rel = str(Path(doc.name).relative_to(corpus))
        art = extract_article(doc.body, doc.url)
        pred = Counter(key(c.donors, c.item, c.quantity, [r.code for r in c.recipients])
                       for c in extract_claims(art.text, art.published_datetime() or
                                               doc.fetched_at, publisher=art.outlet)
                       if c.quantity is not None and c.item != "funds")
        want = gold.get(rel, Counter())
        hit = sum((pred & want).values())
        tp, fp, fn = tp + hit, fp + sum(pred.values()) - hit, fn + sum(want.values()) - hit
        if pred or want:
            print(f"{rel:<90} gold={sum(want.values()):>2} pred={sum(pred.values()):>2} "
                  f"right={hit:>2}")
            if args.show:
                for k in (pred - want):
                    print("    false positive:", sorted(k[0]), k[1], k[2], sorted(k[3]))
                for k in (want - pred):
                    print("    missed:        ", sorted(k[0]), k[1], k[2], sorted(k[3]))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"strict P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
