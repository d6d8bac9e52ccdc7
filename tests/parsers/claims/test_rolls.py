"""Rolls of givers and amounts: a fund's round-up names each giver with its own amount."""

from __future__ import annotations


def test_each_amount_of_a_roll_is_the_gift_of_the_name_before_it(extract):
    out = extract("Donors include the Bank of Tamar, which handed over a cheque for GH¢5 million; "
                  "the Ports Authority, GH¢1 million; the Miners Association (MA), GH¢300,000; "
                  "and Kofi Motors Limited, GH¢50,000.")
    assert [(c[0], c[2]) for c in out] == [(["Bank of Tamar"], 5_000_000),
                                           (["Ports Authority"], 1_000_000),
                                           (["Miners Association"], 300_000),
                                           (["Kofi Motors Limited"], 50_000)]


def test_a_roll_that_goes_on_gives_to_where_the_gift_before_it_went(extract):
    out = extract("The Bank of Tamar gave GH¢2 million to the Volta Relief Fund in Ghana.\n\n"
                  "Others are Tano Oil Limited (TANO), GH¢100,000; Ms Ama Boateng, $300 and "
                  "Graduate Traders Association, GH¢1,500.")
    assert out == [(["Bank of Tamar"], "funds", 2_000_000, ["GHA"]),
                   (["Tano Oil Limited"], "funds", 100_000, ["GHA"]),
                   (["Ms Ama Boateng"], "funds", 300, ["GHA"]),
                   (["Graduate Traders Association"], "funds", 1_500, ["GHA"])]


def test_one_name_and_amount_in_an_aside_is_no_roll(extract):
    out = extract("The Bank of Tamar, Ghana's central bank, gave GH¢2 million to the fund; "
                  "it said more would follow.")
    assert [c[0] for c in out] == [["Bank of Tamar"]]


def test_a_roll_of_givers_with_their_own_verbs_and_origins(extract):
    out = extract("The Ministry of Health gave 2,500 N95 masks, Orvo Trading from Chile gave "
                  "4,000 gloves, the Holm Foundation from Japan gave 8,200 masks.")
    assert [o[:3] for o in out] == [(["Ministry of Health"], "respirator", 2_500),
                                    (["Orvo Trading"], "gloves", 4_000),
                                    (["Holm Foundation"], "face_mask", 8_200)]


def test_a_giver_seated_in_a_country_and_a_second_one_then_another_clause_of_the_roll(extract):
    out = extract("Orvo Cars in Chile and Tarsa Chile have donated over 9,000 masks to local "
                  "hospitals, Lumo Motors has started shipping gloves to Italy.")
    assert out[0] == (["Orvo Cars", "Tarsa Chile"], "face_mask", 9_000, ["CHL"])
    assert [o[0] for o in out[1:]] == [["Lumo Motors"]]
