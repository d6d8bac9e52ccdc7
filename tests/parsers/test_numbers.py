"""Numbers as journalists write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidledger.parsers.numbers import find_numbers, parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("300,000", 300_000), ("1.8 million", 1_800_000), ("half a million", 500_000),
    ("400k", 400_000), ("36K", 36_000), ("2.1 lakh", 210_000), ("100 million", 100_000_000),
    ("1,00,000", 100_000), ("two hundred thousand", 200_000), ("one million", 1_000_000),
])
def test_values(text, value):
    assert parse_number(text) == value


def test_approximations_keep_the_stated_number_and_absurd_values_are_dropped():
    (m,) = find_numbers("nearly 2 million masks")
    assert (m.value, m.approx) == (2_000_000, "nearly")
    assert all(n.value is None for n in find_numbers("99999999999999999999 masks"))
    assert all(n.value is None or n.value < 10**13 for n in find_numbers("1e400 masks"))


def test_currency_and_percent_are_marked():
    money, share = find_numbers("$14.4 million and 30%")
    assert (money.value, money.currency) == (14_400_000, "USD") and share.percent


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("a gift of 3 billion VND to the province", 3_000_000_000, "VND"),
    ("VND2 billion for the hospital", 2_000_000_000, "VND"),
    ("8 billion dong", 8_000_000_000, "VND"),
    ("gave 2 million Chinese yuan", 2_000_000, "CNY"),
    ("US$ 7 million in grants", 7_000_000, "USD"),
    ("C$ 3 million", 3_000_000, "CAD"),
    ("₹2crore to the fund", 20_000_000, "INR"),
    ("Kshs 4 million", 4_000_000, "KES"),
    ("GH¢2 million", 2_000_000, "GHS"),
    ("3 million Swiss francs", 3_000_000, "CHF"),
    ("SEK 9 million", 9_000_000, "SEK"),
    ("40 million taka", 40_000_000, "BDT"),
    ("2 billion Kenyan shillings", 2_000_000_000, "KES"),
    ("4 million Singapore dollars", 4_000_000, "SGD"),
    ("6 million Philippine pesos", 6_000_000, "PHP"),
    ("Ushs 300 million", 300_000_000, "UGX"), ("TSh 2bn", 2_000_000_000, "TZS"),
    ("Shs 7 million", 7_000_000, "KES"), ("ETB 4 million", 4_000_000, "ETB"),
    ("Dh2 million", 2_000_000, "AED"), ("P8 million", 8_000_000, "PHP"),
])
def test_currencies_written_with_a_code_a_spaced_sign_or_a_word(text, value, currency):
    (money,) = find_numbers(text)
    assert (money.value, money.currency) == (value, currency)


def test_a_scale_word_with_no_number_is_no_count():
    assert find_numbers("donate million dollars to the cause") == []
    assert [n.value for n in find_numbers("K10 million")] == []
    assert [n.value for n in find_numbers("a million masks")] == [1_000_000]


@given(st.text(max_size=200))
def test_never_raises(text):
    find_numbers(text)


def test_a_currency_like_word_before_a_capitalised_number_word_is_no_money():
    assert [n.value for n in find_numbers("the Free SHS One Meal vendors")] == []
    assert [(n.value, n.currency) for n in find_numbers("Rs One Crore")] == [(10_000_000, "INR")]


def test_the_near_search_starts_no_later_than_a_number_can():
    """A match starts at most numbers._REACH characters before its first digit or number word:
    the longest approx phrase and currency sign or code, one space after each, then "an "."""
    import re._parser as sre_parse

    from aidledger.parsers import numbers

    approx = sre_parse.parse(numbers._APPROX.replace(r"\s+", r"\s")).getwidth()[1]
    sign = sre_parse.parse(numbers._SIGN).getwidth()[1]
    assert approx + sign + len("an ") <= numbers._REACH


_PIECES = ["more than", "approximately", "an additional", "in excess of", "KShs.", "US$",
           "Rs.", "R", "a", "an", "one", "half", "a half", "twenty-five", "hundred", "lakh",
           "million", "2", "15,000", "1.5", "300 000", "%", "masks", "someone", "often",
           "money", "COVID-19", "2020", "to", "and", ",", "-", "the", "ſix", "  ", "\n"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([" ", ""]))
def test_the_near_search_finds_what_the_whole_scan_finds(pieces, glue):
    from aidledger.parsers import numbers

    text = glue.join(pieces) if glue else " ".join(pieces).replace(" ,", ",")
    assert [(m.span(), m.groupdict()) for m in numbers._number_matches(text)] == [
        (m.span(), m.groupdict()) for m in numbers._NUMBER.finditer(text)]


@pytest.mark.parametrize("text", [
    "Relief Co. sent more than KShs. 2 million and an additional one and a half million masks",
    "approximately US$ 5m went to Oslo, and someone gave often money for 300 000 gowns",
    "In excess of  Rs. 20 lakh", "ſix hundred kits", "COVID-19 kits, 2,000 in 2020",
    "a third of the 1,200 kits", "masks,5,000 suits", "",
])
def test_near_search_on_written_sentences(text):
    from aidledger.parsers import numbers

    assert [m.span() for m in numbers._number_matches(text)] == [
        m.span() for m in numbers._NUMBER.finditer(text)]


def test_space_slipped_in_after_a_thousands_comma():
    """"70, 000 gowns": a group of zeros after a comma and a space is one number; any other
    group after ", " is a number of its own ("on June 4, 250 beds", "GH¢30,000, 120 packs")."""
    got = [(n.raw, n.value) for n in find_numbers(
        "The shipment holds 70, 000 gowns and 2, 000, 000 gloves worth $ 310, 000.")]
    assert got == [("70, 000", 70_000), ("2, 000, 000", 2_000_000), ("$ 310, 000", 310_000)]
    assert [n.value for n in find_numbers("On June 4, 250 beds arrived.")] == [4, 250]
    assert [n.value for n in find_numbers("gave GH¢30,000, 120 packs of juice")] == [30_000, 120]


def test_a_space_slipped_in_after_a_thousands_comma_still_joins_the_groups():
    assert [n.value for n in find_numbers("Orvo gave 87, 315 masks")] == [87_315]
    assert [n.value for n in find_numbers("it sent 2, 400, 000 gloves")] == [2_400_000]
    # a day and then a count stay two numbers
    assert [n.value for n in find_numbers("On May 5, 300 masks arrived")] == [5, 300]
    assert [n.value for n in find_numbers("Sept. 9, 410 gowns came")] == [9, 410]


def test_caribbean_dollars_by_sign_or_by_name_after_a_bare_dollar_sign():
    assert [(n.value, n.currency) for n in find_numbers("gave J$90 million")] == [
        (90_000_000, "JMD")]
    assert [(n.value, n.currency) for n in find_numbers("gave TT$3 million")] == [
        (3_000_000, "TTD")]
    assert [(n.value, n.currency) for n in find_numbers("gave $40 million Jamaican dollars")] == [
        (40_000_000, "JMD")]
    assert [(n.value, n.currency) for n in find_numbers("gave $4 million US dollars")] == [
        (4_000_000, "USD")]
