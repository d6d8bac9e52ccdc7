"""Which numbers count donated goods: sets of PPE are suits, a bare count of mixed PPE is none,
years, ranges and "three-ply" are no counts, tallies of money collected are no gifts, and a
share names the goods it shares."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims
from aidledger.parsers.numbers import find_numbers

from .conftest import PUB


def test_sets_and_kits_of_ppe_are_protective_suits(extract):
    assert extract("Nepal gave Bhutan 20,000 sets of PPE and 5,000 PPE kits.") == [
        (["Nepal"], "protective_suit", 20_000, ["BTN"]),
        (["Nepal"], "protective_suit", 5_000, ["BTN"])]


def test_a_bare_count_of_mixed_protective_equipment_is_no_claim(extract):
    assert extract("Nepal donated 10,000 personal protective equipment and 50,000 masks to "
                   "Bhutan.") == [(["Nepal"], "face_mask", 50_000, ["BTN"])]


def test_a_year_after_a_date_is_no_count(extract):
    out = extract("Professor Lee donated 10,000 masks on 10th July, 2020 for the use of "
                  "Myanmar's hospitals.")
    assert [q for *_, q, _ in out] == [10_000]
    assert [n.value for n in find_numbers("a consignment of 2000 masks")] == [2000]


def test_a_number_word_before_a_hyphenated_adjective_stops_there():
    assert [(n.raw, n.value) for n in find_numbers("one lakh three-ply masks")] == [
        ("one lakh", 100_000)]


def test_a_range_is_no_count(extract):
    assert extract("The factory supplied 15,000 to 20,000 masks to Ghana.") == []
    assert [n.vague for n in find_numbers("between 80 and 150 tests")] == [True]


def test_a_tally_of_money_collected_is_no_gift(extract):
    assert extract("Private sector donations reach N15.3bn, the central bank said.") == []
    assert extract("Of the total Ksh1,288,068 donated to the Fund, Ksh 917,768 was in cash "
                   "while the remaining Ksh 370,300 was in goods.") == []


def test_a_share_of_other_goods_is_not_a_part(extract):
    out = extract("Norway is to donate 2 million masks to Japan. Nearly half of the protective "
                  "suits promised by Sweden have arrived in Norway.")
    assert [c for c in out if c[2]] == [(["Norway"], "face_mask", 2_000_000, ["JPN"])]


def test_half_of_a_commitment_is_a_part_of_it():
    claims = extract_claims("The Lotus Foundation announced a commitment of Rs 100 crore. The "
                            "Foundation has contributed half of this commitment to the PM CARES "
                            "Fund.", PUB)
    assert [(c.quantity, c.parent) for c in claims] == [(1_000_000_000, None),
                                                         (500_000_000, 0)]


def test_of_goods_bought_the_part_given_away_is_the_claim(extract):
    assert extract("Orbis bought 1,255 ventilators abroad, 1,000 of which were donated to "
                   "hospitals in Chile.") == [(["Orbis"], "ventilator", 1_000, ["CHL"])]
    assert extract("The Lotus Group purchased 2 million masks and donated 500,000 of them to "
                   "Peru.") == [(["Lotus Group"], "face_mask", 500_000, ["PER"])]
    assert extract("Orbis bought 1,255 ventilators and donated them to Chile.") == [
        (["Orbis"], "ventilator", 1_255, ["CHL"])]
