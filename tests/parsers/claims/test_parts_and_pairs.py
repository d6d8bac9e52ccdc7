"""Parts stated in the same sentence, amounts paired with givers, reported receipts."""

from __future__ import annotations


def test_half_of_which_is_a_part_with_its_own_recipient(extract):
    out = extract("The Kauri Foundation has committed $4 million for relief, half of which "
                  "will go to the Fiji Red Cross.")
    assert out == [(["Kauri Foundation"], "funds", 4_000_000, []),
                   (["Kauri Foundation"], "funds", 2_000_000, ["FJI"])]


def test_the_whole_keeps_the_recipient_named_before_the_part(extract):
    out = extract("A shipment of 600,000 masks donated by the Korean government arrived in "
                  "Quito, half of which will be sent on to Peru.")
    assert out == [(["Korean government"], "face_mask", 600_000, ["ECU"]),
                   (["Korean government"], "face_mask", 300_000, ["PER"])]


def test_amounts_pair_with_givers_respectively(extract):
    out = extract("Brightline, Corvo and the Tamsin Trust will contribute $3 million, "
                  "$2 million and $1 million respectively.")
    assert out == [(["Brightline"], "funds", 3_000_000, []),
                   (["Corvo"], "funds", 2_000_000, []),
                   (["Tamsin Trust"], "funds", 1_000_000, [])]


def test_each_pledged_money_is_one_claim_per_giver(extract):
    out = extract("Lidl and Aldi have each pledged £2 million to food banks across the UK.")
    assert out == [(["Lidl"], "funds", 2_000_000, ["GBR"]),
                   (["Aldi"], "funds", 2_000_000, ["GBR"])]


def test_an_official_announcing_a_receipt_is_not_the_giver(extract):
    out = extract("Governor Ana Ruiz today announced that New Mexico has received 40,000 "
                  "face shields donated by Corvo.")
    assert out == [(["Corvo"], "face_shield", 40_000, ["USA"])]


def test_takers_that_each_receive_share_one_total(extract):
    out = extract("Peru, Chile and Bolivia will each receive 40,000 masks from the Orvan Group.")
    assert out == [(["Orvan Group"], "face_mask", 120_000, ["PER", "CHL", "BOL"])]


def test_a_share_of_the_givers_own_stock_is_no_part(extract):
    text = ("Corvo Relief sent 90,000 masks to Peru. About two-thirds of Corvo Relief's reserve "
            "of masks have been used in Peru and Chile.")
    assert extract(text) == [(["Corvo Relief"], "face_mask", 90_000, ["PER"])]


def test_a_tally_up_to_the_present_is_no_second_claim(extract):
    text = ("Corvo Relief sent 90,000 masks to Peru. Up to the present, Corvo Relief has "
            "provided 200,000 masks to Peru.")
    assert extract(text) == [(["Corvo Relief"], "face_mask", 90_000, ["PER"])]
    text = ("Corvo Relief sent 90,000 masks to Peru. Up to the present, Corvo Relief has "
            "provided $4 million to Peru.")  # its money only the tally tells
    assert extract(text) == [(["Corvo Relief"], "face_mask", 90_000, ["PER"]),
                             (["Corvo Relief"], "funds", 4_000_000, ["PER"])]


def test_bracketed_amounts_after_takers_share_out_the_sum(extract):
    text = ("The Lorne Foundation has announced a $900,000 commitment to fight the virus. Grant "
            "recipients include Seabright Aid ($500,000) and Kettle Relief ($300,000).")
    assert extract(text) == [
        (["Lorne Foundation"], "funds", 900_000, []),
        (["Lorne Foundation"], "funds", 500_000, ["org:Seabright Aid"]),
        (["Lorne Foundation"], "funds", 300_000, ["org:Kettle Relief"])]
    text = ("Lorne Motors gave $50,000 to Lusaka, Zambia, to be split between the city's clinic "
            "($30,000) and the school ($20,000).")
    assert [(q, r) for _, _, q, r in extract(text)] == [(50_000, ["ZMB"]), (30_000, ["ZMB"]),
                                                        (20_000, ["ZMB"])]


def test_an_amount_that_will_go_elsewhere_or_a_first_tranche_is_more_of_the_goods(extract):
    out = extract("Kessel Group will give 90,000 masks to Chad, while 30,000 will go to Niger.")
    assert out == [(["Kessel Group"], "face_mask", 90_000, ["TCD"]),
                   (["Kessel Group"], "face_mask", 30_000, ["NER"])]
    out = extract("Kessel Group will donate 80 ventilators to Peru, with the first tranche of "
                  "20 expected soon.")
    assert out == [(["Kessel Group"], "ventilator", 80, ["PER"]),
                   (["Kessel Group"], "ventilator", 20, ["PER"])]
    out = extract("Kessel Group will donate 9 million masks, with 6 million to Europe.")
    assert out == [(["Kessel Group"], "face_mask", 9_000_000, []),
                   (["Kessel Group"], "face_mask", 6_000_000, ["region:europe"])]


def test_per_country_amounts_totals_and_shares_out(extract):
    assert extract("Kessel Group will donate 4,000 masks per country to Chad, Niger and "
                   "Mali.") == [(["Kessel Group"], "face_mask", 12_000, ["TCD", "NER", "MLI"])]
    out = extract("Kessel Group will send 2,000 kits to each of the 54 African countries, a "
                  "total of 108,000 kits.")
    assert [q for _, _, q, _ in out] == [108_000]
    out = extract("Kessel Group donated 3 million masks: 2 million to Chad and 1 million to "
                  "Mali.")
    assert out == [(["Kessel Group"], "face_mask", 3_000_000, []),
                   (["Kessel Group"], "face_mask", 2_000_000, ["TCD"]),
                   (["Kessel Group"], "face_mask", 1_000_000, ["MLI"])]
    out = extract("Kessel Group donated 3 million masks. Two million will go to Chad and one "
                  "million to Mali.")
    assert [(q, r) for _, _, q, r in out] == [(3_000_000, []), (2_000_000, ["TCD"]),
                                              (1_000_000, ["MLI"])]


def test_a_taker_named_before_its_own_further_amount(extract):
    assert extract("Norland gave 3,000 tents to Peru, with Chile getting another 2,000.") == [
        (["Norland"], "other", 3_000, ["PER"]), (["Norland"], "other", 2_000, ["CHL"])]
    assert extract("Japan sent 200 ventilators to Kenya, with Uganda receiving 150.") == [
        (["Japan"], "ventilator", 200, ["KEN"]), (["Japan"], "ventilator", 150, ["UGA"])]


def test_a_gapped_taker_and_amount_after_the_first_pair(extract):
    assert extract("France sent 40 ventilators to Italy and Spain 25.") == [
        (["France"], "ventilator", 40, ["ITA"]), (["France"], "ventilator", 25, ["ESP"])]
    assert extract("The Corvo Trust gave 3,000 tents to Peru, and Bolivia 1,200 each.")[1] == (
        ["Corvo Trust"], "other", 1_200, ["BOL"])


def test_two_takers_before_the_goods_share_them(extract):
    assert extract("India gave Nepal and Bhutan 5,000 masks.") == [
        (["India"], "face_mask", 5_000, ["NPL", "BTN"])]


def test_takers_that_get_their_share_after_the_whole_are_not_the_wholes(extract):
    assert extract("Japan will donate 5,000 tents: Peru will get 3,000 and Chile 2,000.") == [
        (["Japan"], "other", 5_000, []), (["Japan"], "other", 3_000, ["PER"]),
        (["Japan"], "other", 2_000, ["CHL"])]
    assert extract("Norland donated 5,000 masks to Kenya and Uganda will get 2,000.") == [
        (["Norland"], "face_mask", 5_000, ["KEN"]), (["Norland"], "face_mask", 2_000, ["UGA"])]


def test_of_the_goods_counted_again_a_part_goes_to_the_place_named(extract):
    text = ("Korvel Group donated 90,000 masks and 4,000 test kits to Africa. It said that of "
            "the 90,000 masks, 60,000 will be delivered immediately to Chad.")
    out = extract(text)
    assert (["Korvel Group"], "face_mask", 60_000, ["TCD"]) in out
    assert [c[2] for c in out].count(90_000) == 1


def test_a_total_told_again_as_gifts_of_several_givers_is_their_sum(extract):
    out = extract("Laos has received a total of 300 ventilators from Norway and Chile. It "
                  "received 120 ventilators from Norway on Monday. Chile sent 180 ventilators "
                  "to Laos on Tuesday.")
    assert out == [(["Norway"], "ventilator", 120, ["LAO"]),
                   (["Chile"], "ventilator", 180, ["LAO"])]


def test_a_total_told_again_as_two_goods_is_their_sum(extract):
    out = extract("Ardent Bank has donated a total 12,000 masks to Peru. The masks, comprising "
                  "4,000 face masks and 8,000 face shields, will go to Lima hospitals.")
    assert [(o[1], o[2]) for o in out] == [("face_mask", 4_000), ("face_shield", 8_000)]


def test_a_total_one_giver_shares_out_among_takers_stays(extract):
    out = extract("Ardent Bank donated a total of 5,000 masks to Peru and Chile: 3,000 masks "
                  "to Peru and 2,000 masks to Chile.")
    assert [o[2] for o in out] == [5_000, 3_000, 2_000]


def test_a_count_of_hospitals_in_a_part_is_no_amount_of_goods(extract):
    out = extract("Orvana will donate 90,000 masks to Chilean hospitals, of which 30,000 have "
                  "already been shipped to three hospitals in Valparaiso.")
    assert sorted(c[2] for c in out) == [30_000, 90_000]


def test_an_amount_each_in_a_later_clause_is_that_clauses_alone(extract):
    out = extract("Peru gets 8,000 test kits and 30,000 masks, whereas each of Asia's 12 "
                  "states gets 2,000 test kits.")
    assert out == [([], "test_kit", 8_000, ["PER"]), ([], "face_mask", 30_000, ["PER"]),
                   ([], "test_kit", 24_000, ["region:asia"])]


def test_goods_each_of_the_hospitals_told_before_will_get(extract):
    out = extract("Norway on Monday gave medical supplies to four of Peru's main hospitals. "
                  "The handover was held at the embassy in the capital, Lima, and was given to "
                  "San Borja Hospital. Each of the four hospitals will get 2,000 masks and 5 "
                  "ventilators.")
    assert out == [(["Norway"], "face_mask", 8_000, ["PER"]),
                   (["Norway"], "ventilator", 20, ["PER"])]
    out = extract("Norway gave medical supplies to clinics in Peru. The clinics will get "
                  "2,000 masks.")
    assert out == [(["Norway"], "face_mask", 2_000, ["PER"])]


def test_a_total_stated_next_for_goods_each_of_a_regions_nations_gets_is_the_claim(extract):
    out = extract("The Holm Fund will give each of the 54 African nations 1,000 test kits. In "
                  "total, 60,000 test kits will be delivered to Addis Ababa, the capital of "
                  "Ethiopia. Its government will manage their distribution.")
    assert out == [(["Holm Fund"], "test_kit", 60_000, ["region:africa"])]


def test_givers_and_takers_paired_by_respectively_with_one_amount(extract):
    out = extract("Orvo and Tarsa donated 8,000 masks to Chile and Peru, respectively.")
    assert out == [(["Orvo"], "face_mask", 8_000, ["CHL"]),
                   (["Tarsa"], "face_mask", 8_000, ["PER"])]
    out = extract("Singers Ana Ruiz, Tom Vega and Luis Soto also gave 2 million soles to the "
                  "Lima Fund, the Cusco Trust and Arequipa Aid, respectively.")
    assert [o[0] for o in out] == [["Ana Ruiz"], ["Tom Vega"], ["Luis Soto"]]
    assert all(o[1:] == ("funds", 2_000_000, ["PER"]) for o in out)


def test_a_share_counted_in_words_with_its_scale_is_a_part(extract):
    out = extract('Orvo gave 30,000 masks to Peru. "Six thousand of the 30,000 masks will go to '
                  'Lima," the mayor said.')
    assert out == [(["Orvo"], "face_mask", 30_000, ["PER"]), (["Orvo"], "face_mask", 6_000, ["PER"])]
