"""Givers first told as a count ("Two organizations"), named in a sentence after it."""

from __future__ import annotations


def test_counted_givers_named_by_the_next_sentence(extract):
    out = extract("Two organizations have donated 12 ventilators to Ghana. The companies "
                  "include Orvo Limited and Kestrel Cargo Terminal.")
    assert out == [(["Orvo Limited", "Kestrel Cargo Terminal"], "ventilator", 12, ["GHA"])]


def test_counted_givers_named_in_a_list_with_short_forms(extract):
    out = extract("Three groups from Japan have donated 40,000 masks to Nepal. The masks, "
                  "sent by the Lantern Relief Network (LRN), Mirra Foundation and Solen "
                  "Foundation, arrived on Friday.")
    assert out[0] == (["Lantern Relief Network", "Mirra Foundation", "Solen Foundation"],
                      "face_mask", 40_000, ["NPL"])


def test_counted_givers_named_after_a_sentence_in_between(extract):
    out = extract("Laos received 30,000 masks from two companies on Monday. The gift will go "
                  "to hospitals in the north. The supplies were donated by Orvan Holdings and "
                  "Tarsa Group.")
    assert out[0] == (["Orvan Holdings", "Tarsa Group"], "face_mask", 30_000, ["LAO"])


def test_counted_givers_never_take_the_giver_before(extract):
    out = extract("The Mirra Foundation sent 5,000 gowns to Peru. Two companies have donated "
                  "8,000 masks to Peru, the ministry said.")
    assert (["Mirra Foundation"], "face_mask", 8_000, ["PER"]) not in out


def test_a_count_of_takers_is_no_count_of_givers(extract):
    out = extract("The Mirra Foundation gave 6,000 masks to three charities in Peru. Orvan "
                  "Aid, Tarsa Aid and Wren Aid will hand them out.")
    assert out == [(["Mirra Foundation"], "face_mask", 6_000, ["PER"])]


def test_a_reference_that_found_one_of_the_counted_givers_takes_them_all(extract):
    out = extract("Two foundations have donated 9,000 masks to Fiji. The Mirra Foundation in "
                  "partnership with the Solen Foundation flew them in.",
                  title="Mirra Foundation helps Fiji")
    assert out == [(["Mirra Foundation", "Solen Foundation"], "face_mask", 9_000, ["FJI"])]


def test_the_two_companies_are_the_two_givers_told_before(extract):
    out = extract("Two firms have donated 10 ventilators to Ghana. They are Orvo Limited and "
                  "Kestrel Cargo Terminal. The minister thanked the Ministry of Health staff. "
                  "The two companies have asked that the 10 ventilators go to Accra.")
    assert all(o[0] == ["Orvo Limited", "Kestrel Cargo Terminal"] for o in out)




def test_goods_from_unnamed_well_wishers_take_no_giver_from_before(extract):
    out = extract("Orvo Ltd handed over a consignment to the Health Ministry of Kenya. It "
                  "included 3,000 gloves. Other items received by the ministry from "
                  "well-wishers in Japan include 900 goggles and 40 thermometers.")
    assert ([], "goggles", 900) in [(o[0], o[1], o[2]) for o in out]


def test_money_of_counted_givers_told_again_gift_by_gift_is_their_tally(extract):
    text = ("Fourteen local companies on Friday "
            "contributed a total of $520,000 to the Zarnia Relief Fund. Orbis Bank gave "
            "$300,000, and the Quay Group also donated $150,000. Lantern Mills presented a cheque "
            "for $60,000 to the Fund.")
    got = [(d, q) for d, i, q, _ in extract(text, title="Zarnia Relief Fund gets $0.5m more")
           if i == "funds"]
    assert got == [(["Orbis Bank"], 300_000), (["Quay Group"], 150_000),
                   (["Lantern Mills"], 60_000)]


def test_money_of_counted_givers_named_nowhere_else_stays(extract):
    out = extract("Two large companies committed $2 million to the Zarnia Relief Fund.")
    assert [q for _, _, q, _ in out] == [2_000_000]


def test_one_giver_described_first_takes_the_name_given_later(extract):
    """ "A Lakeside firm has given": the town describes the giver, it names none; the
    name comes a few sentences on, and until it does the giver is nobody yet."""
    out = extract("A Lakeside firm has given seven ventilators to Mercy Hospital in Lima. "
                  "Such machines keep patients breathing. Ana Ruiz, head of Orvan Healthcare "
                  "Group, said the units were spare.")
    assert out == [(["Orvan Healthcare Group"], "ventilator", 7, ["PER"])]
    out = extract("An Italian firm sent 3,000 masks to Peru, the Italian Embassy said. A post "
                  "on the embassy's page said the masks were supplied by Tarsa Ltd., a gown "
                  "maker.")
    assert [o[0] for o in out if o[2]] == [["Tarsa Ltd."]]
    assert extract("A Lakeside church gave 2,500 masks to Lima. Elm Street Church sent "
                   "them on Monday.")[0][0] == ["Elm Street Church"]
    assert extract("A Chilean company donated 2,000 masks to Peru. Hospitals there lack "
                   "them.") == [([], "face_mask", 2_000, ["PER"])]


def test_the_described_giver_is_not_the_body_that_received_but_the_donor_named(extract):
    out = extract("A Korean firm on Friday gave 9,000 masks to a hospital in Lima. Mercy "
                  "Care Trust held a short event to receive the masks. Among the guests was "
                  "Ana Ruiz, head of the donor company Tarsa Lima Holdings.")
    assert out == [(["Tarsa Lima Holdings"], "face_mask", 9_000, ["PER"])]
