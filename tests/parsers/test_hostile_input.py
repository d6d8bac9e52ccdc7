"""Parsers never raise: arbitrary, mutated, truncated and badly encoded pages (property-based).

Generated program pages (rows from a grammar of goods, quantities, progress and donors; nested
layout tables; every encoding problem) must also give back exactly their rows: the right
quantity or null, the raw text kept, no parser error swallowed into a warning.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidledger.parsers.article import extract_article
from aidledger.parsers.cells import MAX_QUANTITY
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
def test_table_parser_never_raises_on_mutated_pages(generated, body):
    generated["tables: mutated pages"] += 1
    page = parse_program_page(body, fetched_at=WHEN)
    assert not [w for w in page.warnings if w.startswith("parser error")], page.warnings
    assert all(r.quantity is None or 0 <= r.quantity < 10**13 for r in page.records)


@CASES
@given(mutated())
def test_article_extraction_and_dispatch_never_raise(generated, body):
    generated["articles: mutated pages"] += 1
    extract_article(body)
    parse_page(body, url="https://x.example/a", fetched_at=WHEN)


@CASES
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(generated, body):
    generated["pages: arbitrary bytes"] += 1
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


GOODS = {"Face Mask": "face_mask", "Detection Kit": "test_kit", "Protective Suit":
         "protective_suit", "Goggles": "goggles", "Ventilator": "ventilator", "Gloves": "gloves"}
PROGRESS = {"Stocking Up": "preparing", "In Transit": "in_transit", "Accepted": "accepted",
            "Arrived": "arrived"}
# a quantity cell as written -> what it must give (None: null, raw text kept, a warning)
QUANTITY_CELLS = st.one_of(
    st.integers(1, 10**12).map(lambda n: (f"{n:,}", n)),
    st.integers(1, 10**12).map(lambda n: (str(n), n)),
    st.integers(1, 99).map(lambda n: (f"{n},00,000", n * 100_000)),
    st.sampled_from([("1e400", None), ("99999999999999999999", None), ("-5,000", None),
                     ("NaN", None), ("", None), ("TBD", None), ("1" + "0" * 400, None)]))
COUNTRIES = ["Peru", "Iran", "Italy", "South Korea", "Kenya", "Chile"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252 declared utf-8", "utf-8 declared latin-1",
             "nul bytes", "mixed"]


@st.composite
def program_pages(draw: st.DrawFn) -> tuple[bytes, list[tuple[str, str, int | None, str]]]:
    """A page of country blocks with donation tables, and the rows it must give back."""
    expected, blocks = [], []
    for country in draw(st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=3,
                                 unique=True)):
        rows = []
        for _ in range(draw(st.integers(1, 6))):
            goods, progress = draw(st.sampled_from(sorted(GOODS))), draw(
                st.sampled_from(sorted(PROGRESS)))
            cell, qty = draw(QUANTITY_CELLS)
            donor = draw(st.sampled_from(["Harbor Light Foundation", "Quay Trust, Côte Fund",
                                          "Ōsaka Relief Network", ""]))
            rows.append(f"<tr><td>{goods}</td><td>{cell}</td><td>{progress}</td>"
                        f"<td>{donor}</td></tr>")
            expected.append((country, goods, qty, cell))
        table = ("<table><thead><tr><th>Goods</th><th>QTY(Pieces)</th><th>Progress</th>"
                 "<th>Donors</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
        if draw(st.booleans()):  # an old-style layout table around the data table
            table = f"<table class='layout'><tr><td>{table}</td></tr></table>"
        blocks.append(f"<div class='aid'><div class='country'>{country}</div>{table}</div>")
    return encode(draw(st.sampled_from(ENCODINGS)), "".join(blocks)), expected


def encode(how: str, body: str) -> bytes:
    declared = {"cp1252 declared utf-8": "utf-8", "utf-8 declared latin-1": "iso-8859-1"}.get(
        how, "utf-8")
    page = (f"<!DOCTYPE html><html><head><meta charset='{declared}'><title>Relief</title>"
            f"</head><body><h1>Supplies</h1>{body}</body></html>")
    if how == "utf-16":
        return page.encode("utf-16")  # with its BOM
    if how == "cp1252 declared utf-8":
        return page.encode("cp1252", errors="replace")
    if how == "nul bytes":
        return page.replace("><", ">\x00<").encode()
    if how == "mixed":  # one block re-encoded: a page assembled from two systems
        head, sep, tail = page.partition("</h1>")
        return head.encode() + sep.encode() + tail.encode("cp1252", errors="replace")
    return page.encode("utf-8-sig" if how == "utf-8-sig" else "utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program_pages())
def test_generated_pages_give_back_exactly_their_rows(generated, page):
    generated["tables: generated pages"] += 1
    body, expected = page
    parsed = parse_program_page(body, fetched_at=WHEN)
    assert not [w for w in parsed.warnings if w.startswith("parser error")], parsed.warnings
    rows = [r for r in parsed.records if r.kind == "table_row"]
    assert [(r.block, r.raw["goods"], r.quantity, r.raw["qty"] or "") for r in rows] == expected
    for r in rows:
        assert r.item == GOODS[r.raw["goods"]] and r.status == PROGRESS[r.raw["progress"]]
        assert r.quantity is None or 0 <= r.quantity <= MAX_QUANTITY
        assert r.quantity is not None or not r.raw["qty"] or r.warnings  # null says why
        assert r.locator.startswith("/")


EVENTS = (b"<h3>13th March</h3><p>Masks arrived in Peru.</p><h3>29th February</h3><p>Gloves "
          b"sent.</p><h3>31st December</h3><p>Kits left.</p><h3>1 January</h3><p>Done.</p>")


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.datetimes(max_value=datetime(1, 3, 1)),
                 st.datetimes(min_value=datetime(9999, 11, 1)),
                 st.datetimes()).map(lambda d: d.replace(tzinfo=UTC)))
def test_event_dates_against_fetch_times_far_in_the_past_or_future(generated, fetched_at):
    generated["tables: far fetch times"] += 1
    page = parse_program_page(PAGES[0].replace(b"</body>", EVENTS + b"</body>"),
                              fetched_at=fetched_at)
    assert not [w for w in page.warnings if w.startswith("parser error")], page.warnings
    events = [r for r in page.records if r.kind == "event"]
    assert len(events) == 4 and len(page.records) == 7
    for r in events:
        assert r.date is None or date.fromisoformat(r.date) <= fetched_at.date(), r.date


def test_nested_tables_inside_cells_do_not_add_or_lose_rows(generated):
    inner = "<table><tr><td>Face Mask</td><td>5</td><td>Accepted</td><td>X</td></tr></table>"
    deep = inner
    for _ in range(60):
        deep = f"<table><tr><td>{deep}</td></tr></table>"
    page = (b"<div class='country'>Peru</div><table><tr><th>Goods</th><th>Qty</th>"
            b"<th>Progress</th><th>Donors</th></tr><tr><td>Gloves</td><td>7,000</td>"
            b"<td>In Transit</td><td>Quay Trust" + deep.encode() + b"</td></tr></table>")
    rows = [r for r in parse_program_page(page).records if r.kind == "table_row"]
    assert [(r.item, r.quantity) for r in rows] == [("gloves", 7_000)]


def test_regressions_found_by_these_properties():
    """Each was a failing case: Indian digit grouping read as no quantity in a table cell, and a
    UTF-16 page (with its byte order mark) taken for a non-HTML file and never parsed."""
    from aidledger.parsers.cells import parse_quantity

    assert parse_quantity("1,00,000") == (100_000, None)
    assert parse_quantity("12,34,567") == (1_234_567, None)
    assert parse_quantity("-5,000")[0] is None and parse_quantity("1,00")[0] is None
    utf16 = PAGES[0].decode("utf-8").encode("utf-16")
    assert len(parse_page(utf16).records) == len(parse_page(PAGES[0]).records) == 3
