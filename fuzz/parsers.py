"""Coverage-guided fuzzing of the pure parsers with atheris (libFuzzer for Python).

    pip install -e '.[fuzz]'
    python fuzz/parsers.py tables  -max_total_time=300 fuzz/corpus-tables
    python fuzz/parsers.py article -max_total_time=300
    python fuzz/parsers.py claims  -max_total_time=300

Seeds are the test fixtures (program pages and an article). A finding is either an exception
or a broken property: a parser error swallowed into a warning or a log line, a quantity that is
negative or over the sanity bound, evidence offsets that do not cut out their sentence, a date
that is not ISO. libFuzzer writes the input as crash-<hash>; replay it with
`python fuzz/parsers.py TARGET crash-<hash>`, then add it to tests/parsers as a regression.

`one_input` runs without atheris too (tests/parsers/test_fuzz_target.py feeds it the seeds), so
the target cannot rot between fuzzing sessions.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

try:
    import atheris
except ImportError:  # the properties below still run, e.g. from the tests
    atheris = None

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [ROOT / "tests" / "cli" / "fixtures" / "rev1.html",
         ROOT / "tests" / "cli" / "fixtures" / "rev2.html",
         ROOT / "tests" / "parsers" / "fixtures" / "article_gazette.html"]
MAX_QUANTITY = 10**13


class _Raise(logging.Handler):
    """A parser that logs an error has swallowed an exception: make it a finding."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            raise AssertionError(f"swallowed: {record.getMessage()}")


def _instrumented() -> None:
    logging.getLogger("aidledger.parsers").addHandler(_Raise())
    logging.getLogger("aidledger.parsers").propagate = False


def _quantity_ok(q: object) -> bool:
    return q is None or (isinstance(q, int) and 0 <= q <= MAX_QUANTITY)


def check_tables(data: bytes) -> None:
    from aidledger.parsers.tables import parse_program_page

    page = parse_program_page(data, fetched_at=datetime(2021, 5, 1, tzinfo=UTC))
    assert not [w for w in page.warnings if w.startswith("parser error")], page.warnings
    for r in page.records:
        assert _quantity_ok(r.quantity), r
        assert r.date is None or date.fromisoformat(r.date), r.date
        assert r.kind != "table_row" or any(r.raw.values()), r  # the row's raw text is kept


def check_article(data: bytes) -> None:
    from aidledger.parsers.page import parse_page

    parsed = parse_page(data, url="https://x.example/a", kind="news_article",
                        fetched_at=datetime(2021, 5, 1, tzinfo=UTC))
    text, title = parsed.meta.get("text") or "", parsed.meta.get("title") or ""
    for rec in parsed.records:
        ev = rec["evidence"]
        if ev.get("field") == "title":  # a claim only the headline states
            assert ev["sentence"] in title, ev
        else:
            assert text[ev["start"]:ev["end"]] == ev["sentence"], ev
        assert _quantity_ok(rec["quantity"]), rec


def check_claims(data: bytes) -> None:
    from aidledger.parsers.claims import extract_claims

    if atheris is not None:
        fdp = atheris.FuzzedDataProvider(data)
        days = fdp.ConsumeIntInRange(0, 3_652_058)
        text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    else:
        days, text = len(data) * 7919 % 3_652_059, data.decode("utf-8", "replace")
    published = datetime(1, 1, 1, tzinfo=UTC) + timedelta(days=days)
    claims = extract_claims(text, published)
    for c in claims:
        ev = c.evidence
        assert text[ev["start"]:ev["end"]] == ev["sentence"], ev
        assert _quantity_ok(c.quantity) and _quantity_ok(c.quantity_each), c
        assert c.date is None or date.fromisoformat(c.date), c.date


TARGETS = {"tables": check_tables, "article": check_article, "claims": check_claims}


def one_input(target: str, data: bytes) -> None:
    TARGETS[target](data)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: python fuzz/parsers.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    if atheris is None:
        sys.exit("atheris is not installed: pip install -e '.[fuzz]'")
    target = sys.argv.pop(1)
    with atheris.instrument_imports():
        import aidledger.parsers.claims  # noqa: F401
        import aidledger.parsers.page  # noqa: F401
        import aidledger.parsers.tables  # noqa: F401
    _instrumented()
    seeds = [a for a in sys.argv[1:] if not a.startswith("-")]
    for folder in (s for s in seeds if not Path(s).is_file()):  # a corpus starts from the seeds
        Path(folder).mkdir(parents=True, exist_ok=True)
        for seed in SEEDS:
            (Path(folder) / seed.name).write_bytes(seed.read_bytes())
    atheris.Setup(sys.argv, lambda data: one_input(target, data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
