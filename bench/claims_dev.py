"""Strict claim-extraction scores: the dev material in ../shared/corpus and the synthetic set.

    python bench/claims_dev.py [--set dev|synthetic|synthetic-b|...|all]
                               [--corpus ../shared/corpus] [--show]

`dev`: the corpus's news article and foundation posts against bench/claims_dev_gold.jsonl (the
set the rules were first developed on, so an upper bound). `synthetic`: the short articles in
bench/claims_synthetic/ (written for this project in many outlets' styles, see its README)
against bench/claims_synthetic_gold.jsonl; `synthetic-b`: a second such set written after the
rules were tuned on the first, so its first score was the honest estimate (see its README);
`synthetic-c`: a third, longer pages with more distracting numbers, written after both;
`synthetic-d`: a fourth, written blind to the rules and to the other sets (see its README);
`synthetic-f`: a sixth, written by the rule author before changing the rules for it. Any
directory bench/claims_synthetic_X/ with a bench/claims_synthetic_X_gold.jsonl beside it is the
set `synthetic-X`, so a new set needs no change here. Pages go through the same path as a crawl
(`parsers.page.parse_article`: article extraction, then claims with the title and outlet).

Gold was written by reading the documents: facts only (donors as the text names them, with "we"
read as the publishing foundation in its own posts; item code; quantity; recipient codes). A
predicted claim with a quantity counts as right when its donor set (case-folded), item, quantity
and recipient-code set all equal a gold claim's, the way the held-out set is scored. Documents
with no gold line are still run: every claim with a quantity there is a false positive. The dev
gold covers goods only: its money ("funds") claims are printed with --show but not scored,
because the foundation's posts restate the same funds in ways that gold does not annotate. The
synthetic gold covers money too, so there funds claims are scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from aidledger.cli.documents import read_manifest
from aidledger.parsers.page import parse_article

HERE = Path(__file__).resolve().parent


@dataclass
class Doc:
    name: str  # as the gold file names it
    body: bytes
    url: str | None
    fetched_at: datetime | None


def key(donors: list[str], item: str, quantity: int, recipients: list[str]) -> tuple:
    """What is compared: donors case-folded (and one apostrophe for ’ and '), item, quantity,
    recipient codes."""
    return (frozenset(d.lower().replace("’", "'") for d in donors), item, quantity,
            frozenset(recipients))


def load_gold(path: Path) -> dict[str, Counter]:
    gold: dict[str, Counter] = {}
    for line in path.read_text().splitlines():
        g = json.loads(line)
        gold.setdefault(g["doc"], Counter())[key(g["donors"], g["item"], g["quantity"],
                                                 g["recipients"])] += 1
    return gold


def dev_docs(corpus: Path) -> list[Doc]:
    return [Doc(str(Path(d.name).relative_to(corpus)), d.body, d.url, d.fetched_at)
            for m in ("seeds/manifest.json", "jmf/manifest.json")
            for d in read_manifest(corpus / m) if d.kind == "news_article"]


def synthetic_docs(name: str = "claims_synthetic") -> list[Doc]:
    return [Doc(f"{name}/{p.name}", p.read_bytes(), None, None)
            for p in sorted((HERE / name).glob("*.html"))]


def predicted(doc: Doc, with_funds: bool) -> Counter:
    page = parse_article(doc.body, doc.url, doc.fetched_at)
    return Counter(key(c["donors"], c["item"], c["quantity"], [r["code"] for r in
                                                               c["recipients"]])
                   for c in page.records
                   if c["quantity"] is not None and (with_funds or c["item"] != "funds"))


def score(name: str, docs: list[Doc], gold: dict[str, Counter], with_funds: bool,
          show: bool, preds: dict[str, Counter] | None = None) -> float:
    """Strict P/R/F1 printed and F1 returned; `preds`: each document's claims if already
    extracted (name -> counted keys), so a caller scoring them again extracts once."""
    tp = fp = fn = 0
    for doc in docs:
        pred = preds[doc.name] if preds is not None else predicted(doc, with_funds)
        want = gold.get(doc.name, Counter())
        hit = sum((pred & want).values())
        tp, fp, fn = tp + hit, fp + sum(pred.values()) - hit, fn + sum(want.values()) - hit
        if show and (pred or want):
            print(f"{doc.name:<90} gold={sum(want.values()):>2} pred={sum(pred.values()):>2} "
                  f"right={hit:>2}")
            for k in (pred - want):
                print("    false positive:", sorted(k[0]), k[1], k[2], sorted(k[3]))
            for k in (want - pred):
                print("    missed:        ", sorted(k[0]), k[1], k[2], sorted(k[3]))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name}: {len(docs)} documents, strict P={p:.3f} R={r:.3f} F1={f1:.3f} "
          f"(tp={tp} fp={fp} fn={fn})")
    return f1


def synthetic_sets() -> dict[str, str]:
    """Set name -> directory: every bench/claims_synthetic[_X]/ that has its gold file."""
    out = {}
    for d in sorted(HERE.glob("claims_synthetic*")):
        if d.is_dir() and (HERE / f"{d.name}_gold.jsonl").exists():
            suffix = d.name.removeprefix("claims_synthetic").removeprefix("_")
            out["synthetic" + (f"-{suffix}" if suffix else "")] = d.name
    return out


def main() -> int:
    sets = synthetic_sets()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=("dev", *sets, "all"))
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus"))
    ap.add_argument("--show", action="store_true", help="print misses and false positives")
    args = ap.parse_args()
    if args.set in ("dev", "all"):
        corpus = Path(args.corpus)
        if corpus.exists():
            score("dev", dev_docs(corpus), load_gold(HERE / "claims_dev_gold.jsonl"), False,
                  args.show)
        else:
            print(f"no corpus at {corpus}: dev set not scored", file=sys.stderr)
    for name, directory in sets.items():
        if args.set in (name, "all"):
            score(name, synthetic_docs(directory), load_gold(HERE / f"{directory}_gold.jsonl"),
                  True, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
