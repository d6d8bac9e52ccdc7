"""Whether a sentence states a donation at all: the verbs and nouns that make it one, and the
same words used for something else."""

from __future__ import annotations


def test_a_contribution_noun_states_a_gift(extract):
    out = extract("A contribution of $250,000 was made by the Karoo Trust to Namibia.")
    assert out == [(["Karoo Trust"], "funds", 250_000, ["NAM"])]


def test_awarded_grants_are_gifts(extract):
    out = extract("The Karoo Trust has awarded $4 million in grants to hospitals in Namibia.")
    assert out == [(["Karoo Trust"], "funds", 4_000_000, ["NAM"])]


def test_transported_goods_are_in_transit(extract):
    out = extract("Portugal transported 900,000 masks to Angola.")
    assert out == [(["Portugal"], "face_mask", 900_000, ["AGO"])]


def test_accepting_makes_the_subject_the_recipient(extract):
    out = extract("Last week Lusaka was accepting 12,000 test kits from the Karoo Trust.")
    assert out == [(["Karoo Trust"], "test_kit", 12_000, ["ZMB"])]


def test_supply_as_a_noun_is_no_donation(extract):
    assert extract("The retailer's supply will consist of 40 million surgical masks.") == []
    assert extract("Officials said the supply of 40 million masks to Japan was delayed.") == []


def test_supply_as_a_verb_still_is(extract):
    out = extract("The Karoo Trust will supply 40,000 masks to Namibia.")
    assert out == [(["Karoo Trust"], "face_mask", 40_000, ["NAM"])]
