"""One rule for numbers that cannot be read, in prose and in tables: the donation is kept with
quantity null, the number as written in `raw["qty"]` and a warning saying why."""

from __future__ import annotations

import pytest

from aidledger.parsers.claims import extract_claims
from aidledger.parsers.numbers import MAX_VALUE, find_numbers
from aidledger.parsers.tables import parse_program_page

from .conftest import PUB

CELLS = ["99999999999999999999", "1e400", "1e5", "100000000000000000000000000000"]


def _program_row(cell: str):
    body = ("<html><head><title>Relief</title></head><body><h1>Supplies</h1>"
            "<div class='aid'><div class='country'>Peru</div><table><thead><tr><th>Goods</th>"
            "<th>QTY(Pieces)</th><th>Progress</th></tr></thead><tbody><tr><td>Face Mask</td>"
            f"<td>{cell}</td><td>Arrived</td></tr></tbody></table></div></body></html>")
    rows = [r for r in parse_program_page(body.encode()).records if r.kind == "table_row"]
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize("cell", CELLS)
def test_prose_and_program_tables_keep_the_same_null_and_raw_text(cell):
    row = _program_row(cell)
    claims = extract_claims(f"The Harbor Trust donated {cell} masks to Peru.", PUB)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.quantity is None and row.quantity is None
    assert claim.raw["qty"] == row.raw["qty"] == cell
    assert claim.warnings == row.warnings and claim.warnings[0].endswith(repr(cell))
    assert claim.to_json()["raw"] == {"qty": cell}
    assert claim.to_json()["warnings"] == claim.warnings


@pytest.mark.parametrize("cell", CELLS)
def test_a_table_inside_an_article_keeps_the_row_too(cell):
    text = ("The Harbor Trust will donate masks to two countries.\n| Country | Masks |\n"
            f"| Chile | {cell} |\n| Peru | 40,000 |")
    by_code = {c.recipients[0].code: c for c in extract_claims(text, PUB) if c.recipients}
    assert by_code["PER"].quantity == 40_000 and not by_code["PER"].warnings
    assert by_code["CHL"].quantity is None and by_code["CHL"].raw == {"qty": cell}


def test_a_negative_amount_keeps_its_sign_in_the_raw_text():
    claim, = extract_claims("The Harbor Trust donated -5,000 masks to Peru.", PUB)
    assert claim.quantity is None and claim.raw == {"qty": "-5,000"}


def test_an_unreadable_number_names_no_transfer_without_giver_and_recipient():
    assert extract_claims("About 1e400 masks were counted at the depot.", PUB) == []


def test_the_limit_is_shared_and_readable_numbers_are_untouched():
    assert find_numbers(f"{MAX_VALUE:,} masks")[0].value == MAX_VALUE
    assert find_numbers(f"{MAX_VALUE + 1:,} masks")[0].value is None
    claim, = extract_claims("The Harbor Trust donated 300,000 masks to Peru.", PUB)
    assert claim.quantity == 300_000 and claim.raw == {} and claim.warnings == []
