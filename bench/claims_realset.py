"""Strict claim scores on real news articles kept outside this repository.

    python bench/claims_realset.py SET_DIR [SET_DIR ...] [--split dev|test|all] [--show]
                                   [--item ITEM] [--fields] [--reading FILE]

Real articles are third-party text, so they are not committed; a set is a folder of
`docs/<id>.json` ({id, url, outlet, title, published, text: paragraphs split by blank lines}),
`gold.jsonl` ({doc: <id>, donors, item, quantity, recipients} per donation with a quantity,
read from the text) and `split.json` ({dev: [ids], test: [ids]}, drawn at random once; without
it the whole set is its test part). Each document is turned into a plain news page (title,
published date, canonical URL, one paragraph per block) and goes through the crawl's own path
(`parse_article`), then is scored exactly as `claims_dev.py` scores (donor set case-folded,
item, quantity, recipient codes; money included). Rules may be tuned on a set's dev split with
--show; its test split is only ever scored, which keeps it an estimate of articles the rules
never saw. `--reading gold_b.jsonl` scores a second person's independent reading of the same
articles instead of the extractor: how far two careful readers agree, which bounds what any
extractor can score against one reader's gold.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_dev import Doc, key, predicted, score  # noqa: E402


def page_html(doc: dict) -> bytes:
    """A plain news page of the document, the shape `extract_article` reads from a real one."""
    esc = html.escape
    paras = [p.strip() for p in doc["text"].split("\n\n") if p.strip()]
    title = doc.get("title") or ""  # none kept: the page had none, its text stays text
    if paras and title and paras[0] == title.strip():
        paras = paras[1:]
    head = f"<meta charset='utf-8'><title>{esc(title)}</title>"
    if doc.get("published"):
        head += (f'<meta property="article:published_time" '
                 f'content="{esc(doc["published"])}T12:00:00+00:00">')
    if doc.get("outlet"):
        head += f'<meta property="og:site_name" content="{esc(doc["outlet"])}">'
    if doc.get("url"):
        head += f'<link rel="canonical" href="{esc(doc["url"])}">'
    body = "".join(f"<p>{esc(p)}</p>" for p in paras)
    return (f"<!doctype html><html><head>{head}</head><body><article><h1>{esc(title)}</h1>"
            f"{body}</article></body></html>").encode()


def region_code(code: str) -> str:
    """A reader's region code in the contract's spelling: readers write "region:Latin America"
    for what `extract` calls "region:latin_america"; the region is the same."""
    if not code.startswith("region:"):
        return code
    return "region:" + re.sub(r"[\s-]+", "_", code.removeprefix("region:").strip().lower())


def load_set(folder: Path, split: str, gold_file: str = "gold.jsonl"
             ) -> tuple[list[Doc], dict[str, Counter]]:
    """The set's documents of one split and their gold, named `<folder>/<id>`; a set with no
    split.json is one test part."""
    split_file = folder / "split.json"
    chosen = json.loads(split_file.read_text()) if split_file.exists() else {
        "test": [json.loads(p.read_text())["id"] for p in (folder / "docs").glob("*.json")]}
    docs, gold = [], {}
    for path in sorted((folder / "docs").glob("*.json")):
        doc = json.loads(path.read_text())
        if split == "all" or doc["id"] in chosen.get(split, []):
            docs.append(Doc(f"{folder.name}/{doc['id']}", page_html(doc), doc.get("url"), None))
    wanted = {d.name for d in docs}
    for line in (folder / gold_file).read_text().splitlines():
        if line.strip():
            g = json.loads(line)
            if g.get("quantity") is None:
                continue  # the contract scores claims that have a quantity
            name = f"{folder.name}/{g['doc']}"
            if name in wanted:
                takers = [region_code(r) for r in g["recipients"]]
                gold.setdefault(name, Counter())[key(g["donors"], g["item"], g["quantity"],
                                                     takers)] += 1
    return docs, gold


# which of the four fields a projection keeps: (donors, item, quantity, recipients)
PROJECTIONS = {"item+quantity": (1, 2), "+donors": (0, 1, 2), "+recipients": (1, 2, 3),
               "all four": (0, 1, 2, 3)}


def field_scores(docs: list[Doc], gold: dict[str, Counter], preds: dict[str, Counter]
                 ) -> dict[str, float]:
    """F1 with only some fields compared: which field the strict errors come from."""
    out = {}
    for label, keep in PROJECTIONS.items():
        tp = fp = fn = 0
        for doc in docs:
            pred, want = _projected(preds[doc.name], keep), _projected(
                gold.get(doc.name, Counter()), keep)
            hit = sum((pred & want).values())
            tp, fp, fn = tp + hit, fp + sum(pred.values()) - hit, fn + sum(want.values()) - hit
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def _projected(counts: Counter, keep: tuple[int, ...]) -> Counter:
    out: Counter = Counter()
    for k, n in counts.items():
        out[tuple(k[i] for i in keep)] += n
    return out


def _only_item(counts: Counter, item: str) -> Counter:
    return Counter({k: n for k, n in counts.items() if k[1] == item})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path,
                    help="set folders: docs/, gold.jsonl, split.json")
    ap.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    ap.add_argument("--show", action="store_true", help="print misses and false positives")
    ap.add_argument("--fields", action="store_true",
                    help="also F1 with only item+quantity, +donors, +recipients compared")
    ap.add_argument("--item", help="score only claims of this item, gold and predicted "
                    "(e.g. funds)")
    ap.add_argument("--reading", metavar="FILE",
                    help="score this second person's reading of the same set (a gold file in "
                    "each set folder, e.g. gold_b.jsonl) in place of the extractor: how far two "
                    "careful readers agree, the ceiling to read the extractor's score against")
    args = ap.parse_args()
    docs, gold, other = [], {}, {}
    for folder in args.sets:
        if not (folder / "docs").is_dir() or not (folder / "gold.jsonl").exists():
            print(f"{folder}: no docs/ or gold.jsonl (not a set folder?)", file=sys.stderr)
            return 2
        more_docs, more_gold = load_set(folder, args.split)
        docs += more_docs
        gold.update(more_gold)
        if args.reading:
            if not (folder / args.reading).exists():
                print(f"{folder}: no {args.reading}", file=sys.stderr)
                return 2
            other.update(load_set(folder, args.split, args.reading)[1])
    preds = ({doc.name: other.get(doc.name, Counter()) for doc in docs} if args.reading
             else {doc.name: predicted(doc, True) for doc in docs})
    if args.item:
        preds = {n: _only_item(c, args.item) for n, c in preds.items()}
        gold = {n: _only_item(c, args.item) for n, c in gold.items()}
    who = f"second reading {args.reading}" if args.reading else "extractor"
    score(f"real articles ({args.split}), {who}", docs, gold, True, args.show, preds)
    if args.fields:
        print("  ".join(f"{k} F1={v:.3f}" for k, v in field_scores(docs, gold, preds).items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
