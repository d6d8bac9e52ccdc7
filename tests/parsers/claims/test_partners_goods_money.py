"""Co-donors, goods the taxonomy files as other or suits, and money that is not a gift."""

from __future__ import annotations


def test_together_with_on_the_subject_side_gives_both_donors(extract):
    out = extract("Orrin Motors, together with the Lakeside Foundation, today donated 8,000 "
                  "isolation gowns to the Ghanaian health ministry.")
    assert out == [(["Orrin Motors", "Lakeside Foundation"], "protective_suit", 8_000, ["GHA"])]


def test_together_with_after_a_by_phrase_gives_the_listed_partners(extract):
    out = extract("Some 9,000 face shields were donated to Uruguay by the Pampa Foundation "
                  "together with its partner companies Norte and Sur Logistica.")
    assert out == [(["Pampa Foundation", "Norte", "Sur Logistica"], "face_shield", 9_000,
                    ["URY"])]


def test_compound_goods_are_not_read_as_their_last_word(extract):
    out = extract("Clinics in Peru received 12,000 PPE kits and 40 oxygen concentrators from "
                  "the Andes Mining Group.")
    assert [(o[1], o[2]) for o in out] == [("protective_suit", 12_000), ("other", 40)]


def test_protective_overalls_are_suits(extract):
    out = extract("Belgium sent 5,000 protective overalls to Morocco.")
    assert out == [(["Belgium"], "protective_suit", 5_000, ["MAR"])]


def test_money_raised_in_a_fundraiser_is_not_a_gift(extract):
    assert extract("The club has raised $8,000 through an online fundraiser and hopes to "
                   "reach $15,000 by June.") == []


def test_a_partner_after_the_amount_gives_too(extract):
    out = extract("Orbis pledged Rs 900 crore along with the Quay Foundation.")
    assert out == [(["Orbis", "Quay Foundation"], "funds", 9_000_000_000, [])]
