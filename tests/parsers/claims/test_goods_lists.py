"""Which goods claims a list of goods states: each entry with its own count, even when two
entries share item and count, and no second copy when a later sentence restates the list."""

from __future__ import annotations

from aidledger.parsers.claim_dedupe import dedupe
from aidledger.parsers.claim_model import Claim


def test_two_entries_of_one_item_with_equal_counts_are_two_claims(extract):
    out = extract("Norvale Medical handed over to Peru 300 units of Airflow Oxygen Concentrators "
                  "5L and 300 units of Airflow Oxygen Concentrators 8L.")
    assert out == [(["Norvale Medical"], "other", 300, ["PER"])] * 2
    out = extract("Delmar Group has donated 4,000 cloth masks for nurses, 4,000 surgical masks "
                  "and 900 gowns to Chile.")
    assert out == [(["Delmar Group"], "face_mask", 4_000, ["CHL"])] * 2 + [
        (["Delmar Group"], "protective_suit", 900, ["CHL"])]


def test_one_entry_told_twice_is_one_claim(extract):
    out = extract("Delmar Group has donated 4,000 surgical masks to Chile. The 4,000 masks "
                  "arrived in Santiago on Monday.")
    assert out == [(["Delmar Group"], "face_mask", 4_000, ["CHL"])]


def _claim(donor: str, item: str, qty: int, start: int) -> Claim:
    return Claim([donor], item, item, qty, [], None, None,
                 {"sentence": f"sentence at {start}", "start": start, "end": start + 10},
                 at=start + qty % 7)


def test_a_list_told_again_is_one_set_of_claims():
    first = [_claim("Chile", "face_mask", 8_000, 0), _claim("Chile", "goggles", 90, 0)]
    again = [_claim("C-130", "face_mask", 8_000, 200), _claim("C-130", "goggles", 90, 200)]
    assert [(c.donors, c.item) for c in dedupe(first + again)] == [
        (["Chile"], "face_mask"), (["Chile"], "goggles")]
    one = [_claim("C-130", "face_mask", 8_000, 200)]  # one entry alone: the usual checks
    assert len(dedupe(first + one)) == 3


def test_the_same_counts_told_of_an_earlier_gift_stay_two_lists(extract):
    text = ("Chile donated 8,000 surgical masks and 600 gowns to Peru. Earlier, Chile had "
            "donated 8,000 surgical masks and 600 gowns to Bolivia.")
    assert len(extract(text)) == 4


def test_a_long_list_as_the_subject_of_a_passive_is_the_givers_before(extract):
    text = ("Korvel Group donated medical supplies to Chad. At least 950 protective suits, "
            "disposable gloves, goggles, FFP2 masks and 100 infrared thermometers have been "
            "handed over.")
    assert extract(text) == [(["Korvel Group"], "protective_suit", 950, ["TCD"]),
                             (["Korvel Group"], "thermometer", 100, ["TCD"])]


def test_a_total_of_amounts_told_before_keeps_their_givers(extract):
    text = ("Korvel Group and Arun Trust will donate to each of the 10 Sahel nations 2,000 "
            "test kits and 5,000 masks. In addition, we will train nurses. In total, 20,000 "
            "test kits, 50,000 masks, and 900 protective suits and face shields will be "
            "delivered to Niamey, the capital of Niger.")
    assert all(sorted(c[0]) == ["Arun Trust", "Korvel Group"] for c in extract(text))


def test_an_amount_for_each_of_them_after_the_total_is_the_total_told_again(extract):
    text = ("Norway will send a total of 60,000 face masks (KN95) to Fiji and Samoa -- 30,000 "
            "masks for each of them -- on a navy plane.")
    assert extract(text) == [(["Norway"], "respirator", 60_000, ["FJI", "WSM"])]


def test_a_pledge_per_country_restates_the_delivered_total_of_fewer_givers(extract):
    text = ("Supplies donated by the Arun Trust to 20 Asian countries arrived in Dhaka. They "
            "include 400,000 face masks and 40,000 test kits. Earlier this week, Arun Trust "
            "and Korvel Group announced a commitment to donate 20,000 masks and 2,000 test "
            "kits to each of the 20 countries.")
    assert [(c[1], c[2]) for c in extract(text)] == [("face_mask", 400_000),
                                                    ("test_kit", 40_000)]


def test_goods_with_the_before_their_count_are_told_back(extract):
    text = ("Norway donated 45,000 masks to three island nations. The three recipients are "
            "Fiji, Samoa and Tonga. Lund said at a ceremony that the 45,000 masks for the "
            "Pacific partners had been shipped out.")
    assert extract(text) == [(["Norway"], "face_mask", 45_000, ["FJI", "WSM", "TON"])]


def test_every_one_of_n_countries_is_each_of_them(extract):
    text = ("The Lindqvist Fund has pledged 3,000 test kits and 500 gowns each, to every one "
            "of the 15 West African nations.")
    assert extract(text) == [(["Lindqvist Fund"], "test_kit", 45_000, ["region:africa"]),
                             (["Lindqvist Fund"], "protective_suit", 7_500,
                              ["region:africa"])]


def test_a_quote_opening_the_contents_of_a_batch_still_lists_them(extract):
    text = ("Mali received medical equipment from the Korvel Group on Friday.\n\n"
            "“This batch of supplies includes 2,000 pieces of protective goggles and 300 "
            "pairs of surgical gloves,” the minister said.")
    assert extract(text) == [(["Korvel Group"], "goggles", 2_000, ["MLI"]),
                             (["Korvel Group"], "gloves", 300, ["MLI"])]


def test_each_of_a_possessive_count_of_countries_is_per_country(extract):
    text = ("Each of the region's 12 nations will receive 4,000 test kits from the Lindqvist "
            "Fund.")
    assert [(c[1], c[2]) for c in extract(text)] == [("test_kit", 48_000)]


def test_a_givers_quoted_words_restating_its_gift_are_that_gift(extract):
    text = ("Orchid Telecom said on Monday it is donating 300,000 masks to protect doctors in "
            "Kenya. \"We want to stand with health workers, and we have donated 300,000 masks "
            "to Kenya,\" the company said in a statement.")
    assert extract(text, publisher="Daily Ledger") == [
        (["Orchid Telecom"], "face_mask", 300_000, ["KEN"])]


def test_a_givers_first_person_post_naming_no_taker_is_its_gift_again(extract):
    text = ("Orchid Telecom has announced that it will donate Rs 12 crore to relief funds in "
            "India.\n\nStand together: We are pledging to donate Rs 12 crore to #ReliefFunds.\n"
            "- Orchid India (@OrchidIndia) April 2, 2020")
    out = extract(text, publisher="Daily Ledger")
    assert [(o[1], o[2]) for o in out] == [("funds", 120_000_000)]


def test_another_giver_named_in_a_quote_keeps_its_own_gift(extract):
    text = ("Orchid Telecom donated 300,000 masks to Kenya. \"The Harbor Group, our partner, has "
            "donated 300,000 masks to Kenya as well,\" the company said.")
    assert [o[0] for o in extract(text, publisher="Daily Ledger")] == [
        ["Orchid Telecom"], ["Harbor Group"]]


def test_a_consignment_named_material_in_the_singular_lists_its_goods(extract):
    out = extract("Orvo Province sent relief material to Lima this week. That relief material "
                  "includes 2,400 N95 masks and 15,000 medical masks.")
    assert out == [(["Orvo Province"], "respirator", 2_400, ["PER"]),
                   (["Orvo Province"], "face_mask", 15_000, ["PER"])]


def test_list_lines_with_a_bullet_glued_to_the_amount(extract):
    out = extract("Norway sends aid to Chad:\n\n•40,000 rapid test kits\n\n•2 million face masks")
    assert out == [(["Norway"], "test_kit", 40_000, ["TCD"]),
                   (["Norway"], "face_mask", 2_000_000, ["TCD"])]


def test_all_in_all_the_gift_comprises_lists_the_goods_told_before(extract):
    out = extract("The Tarsa Group is donating supplies to Chile. All in all, the gift "
                  "comprises nearly 6 million face masks and 900,000 gloves.")
    assert out == [(["Tarsa Group"], "face_mask", 6_000_000, ["CHL"]),
                   (["Tarsa Group"], "gloves", 900_000, ["CHL"])]


def test_the_ppe_a_speaker_says_includes_is_the_gear_told_before(extract):
    text = ("The Orvo Aid Agency today handed over protective gear to the Civil Defence "
            "Institute in Lima.\n\n{} isolation gowns (4,200 pieces), hand gloves (1,800 "
            "pieces) and N95 masks (900 pieces).")
    want = [(["Orvo Aid Agency"], "protective_suit", 4_200, ["PER"]),
            (["Orvo Aid Agency"], "gloves", 1_800, ["PER"]),
            (["Orvo Aid Agency"], "respirator", 900, ["PER"])]
    assert extract(text.format("The PPE included")) == want
    assert extract(text.format("Director Rosa Vega said the PPE includes")) == want


def test_a_long_list_of_goods_first_is_the_gift_told_before(extract):
    text = ("A ceremony to hand over relief sent by the government of Chile to Bolivia was held "
            "in Oruro.\n\nAt least 700 tons of flour, 40 tons of bleach, 1,800 disposable "
            "respirators, 3,000 pairs of latex gloves, 900 protective suits and 6,000 "
            "surgical masks were delivered.")
    assert extract(text) == [(["government of Chile"], "respirator", 1_800, ["BOL"]),
                             (["government of Chile"], "gloves", 3_000, ["BOL"]),
                             (["government of Chile"], "protective_suit", 900, ["BOL"]),
                             (["government of Chile"], "face_mask", 6_000, ["BOL"])]


def test_among_them_there_are_and_there_were_also_list_the_gift_s_goods(extract):
    out = extract("This lot of goods was given by the Orvo Province to Peru. Among them "
                  "there are 7,000 N95 masks and 400 infrared thermometers.")
    assert out == [(["Orvo Province"], "respirator", 7_000, ["PER"]),
                   (["Orvo Province"], "thermometer", 400, ["PER"])]
    out = extract("Orvo has sent 9 tons of supplies to Peru. The supplies consisted of 6,000 "
                  "surgical masks.\n\nThere were also 2,000 protection suits.")
    assert out == [(["Orvo"], "face_mask", 6_000, ["PER"]),
                   (["Orvo"], "protective_suit", 2_000, ["PER"])]


def test_the_ppe_handed_over_which_includes_goods_lists_them(extract):
    out = extract("The Holm Fund has handed over PPEs worth Ksh 2 million to health workers in "
                  "Kenya.\n\nThe PPE’s which will go to clinics across the county include 900 "
                  "gowns.")
    assert (["Holm Fund"], "protective_suit", 900, ["KEN"]) in out
