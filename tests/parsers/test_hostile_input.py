"""Parsers never raise: arbitrary, mutated, truncated and badly encoded pages (property-based)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidledger.parsers.article import extract_article
from aidledger.parsers.page import parse_page
from aidledger.parsers.tables import parse_program_page

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = [(Path(__file__).parents[1] / "cli" / "fixtures" / n).read_bytes()
         for n in ("rev1.html", "rev2.html")] + [(FIXTURES / "article_gazette.html").read_bytes()]
WHEN = datetime(2021, 5, 1, tzinfo=UTC)
CASES = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    page = bytearray(draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["cut", "insert", "flip", "truncate"]))
        at = draw(st.integers(0, max(0, len(page) - 1)))
        if op == "cut":
            del page[at:at + draw(st.integers(1, 200))]
        elif op == "insert":
            page[at:at] = draw(st.sampled_from([b"<table>", b"</div>", b"<tr><td>", b"\x00",
                                                b"\xff\xfe", b"<!--", b"1e400", b"-5,000",
                                                b"99999999999999999999", b"\xe2\x80",
                                                b"<td rowspan='99999'>", b"1,00,000"]))
        elif op == "flip" and page:
            page[at] = draw(st.integers(0, 255))
        else:
            page = page[:at]
    return bytes(page)


@CASES
@given(mutated())
def test_table_parser_never_raises_on_mutated_pages(body):
    page = parse_program_page(body, fetched_at=WHEN)
    assert all(r.quantity is None or 0 <= r.quantity < 10**13 for r in page.records)


@CASES
@given(mutated())
def test_article_extraction_and_dispatch_never_raise(body):
    extract_article(body)
    parse_page(body, url="https://x.example/a", fetched_at=WHEN)


@CASES
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(body):
    parse_program_page(body)
    extract_article(body)


def test_deep_nesting_and_large_tables_are_handled():
    deep = b"<div>" * 5000 + b"x" + b"</div>" * 5000
    assert parse_program_page(deep).records == []
    rows = b"".join(b"<tr><td>Face Mask</td><td>%d</td><td>Accepted</td><td>X</td></tr>" % i
                    for i in range(1, 10_001))
    big = (b"<div class='country'>Peru</div><table><tr><th>Goods</th><th>Qty</th>"
           b"<th>Progress</th><th>Donors</th></tr>" + rows + b"</table>")
    page = parse_program_page(big)
    assert len(page.records) == 10_000 and page.records[-1].quantity == 10_000
