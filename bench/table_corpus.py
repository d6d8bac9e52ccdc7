"""Run the program-page table parser over every snapshot of the corpus and show what it found.

    python bench/table_corpus.py [--corpus ../shared/corpus] [--dump N] [--repeat R]

One line per snapshot (rows, events, blocks, conflicts, warnings) is the quick check that a parser
change did not lose or double a row somewhere in the corpus's 40 layout variants; `--dump N`
prints snapshot N's records (and conflicts) as JSON lines, to compare with the page by eye.
Also times parsing (median CPU ms per page over `--repeat` runs; CPU, not wall time, so that
other work on a shared machine does not blur the figure), since the crawler parses every fetch.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from aidledger.parsers.tables import ProgramPage, parse_program_page

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _manifest(corpus: Path) -> tuple[Path, list[dict]]:
    """Accept either the corpus folder or its `jmf` folder."""
    for folder in (corpus / "jmf", corpus):
        path = folder / "manifest.json"
        if path.exists():
            entries = json.loads(path.read_text("utf-8"))
            snaps = [e for e in entries if e.get("kind") == "program_page"]
            return folder, sorted(snaps, key=lambda e: e["file"])
    raise FileNotFoundError(f"no manifest.json under {corpus}")


def _parse(folder: Path, entry: dict) -> tuple[ProgramPage, float]:
    body = (folder / entry["file"]).read_bytes()
    fetched = datetime.fromisoformat(entry["fetched_at"])
    t0 = time.process_time()
    page = parse_program_page(body, url=entry.get("url"), fetched_at=fetched)
    return page, (time.process_time() - t0) * 1000


def _blocks(page: ProgramPage) -> str:
    counts = Counter(r.block for r in page.records if r.kind == "table_row")
    return "; ".join(f"{b}={n}" for b, n in counts.items())


def summary(folder: Path, entries: list[dict], repeat: int) -> None:
    print(f"{'file':<24} {'rows':>4} {'events':>6} {'confl':>5} {'cpu ms':>6}  blocks | warnings")
    timings = []
    for entry in entries:
        runs = [_parse(folder, entry) for _ in range(max(1, repeat))]
        page = runs[0][0]
        ms = statistics.median(t for _, t in runs)
        timings.append(ms)
        rows = sum(r.kind == "table_row" for r in page.records)
        events = sum(r.kind == "event" for r in page.records)
        row_warnings = [w for r in page.records for w in r.warnings]
        warnings = " | ".join(page.warnings + row_warnings)
        name = Path(entry["file"]).name
        print(f"{name:<24} {rows:>4} {events:>6} {len(page.conflicts):>5} {ms:>6.2f}  "
              f"{_blocks(page)}" + (f" | {warnings}" if warnings else ""))
    print(f"median {statistics.median(timings):.2f} ms/page, max {max(timings):.2f} ms")


def dump(folder: Path, entries: list[dict], number: int) -> None:
    entry = next((e for e in entries if Path(e["file"]).name.startswith(f"{number:02d}_")), None)
    if entry is None:
        raise SystemExit(f"no snapshot {number:02d}")
    page, _ = _parse(folder, entry)
    print(json.dumps({"file": entry["file"], "title": page.title, "notes": page.notes,
                      "warnings": page.warnings}, ensure_ascii=False))
    for rec in page.records:
        print(json.dumps(rec.to_json(), ensure_ascii=False))
    for conflict in page.conflicts:
        print(json.dumps({"conflict": conflict.__dict__}, ensure_ascii=False))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--dump", type=int, metavar="N", help="print snapshot N's records as JSON")
    ap.add_argument("--repeat", type=int, default=5, help="runs per page for the timing")
    args = ap.parse_args()
    try:
        folder, entries = _manifest(args.corpus)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        if args.dump is not None:
            dump(folder, entries, args.dump)
        else:
            summary(folder, entries, args.repeat)
    except BrokenPipeError:  # `--dump N | head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
